"""Reading a query: places, region words, the typing word, and the start-day tie-break."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from catalogue.polish import words
from search.query_places import find_places
from search.query_text import SynonymSpan, analyse_query
from search.spelling import edit_distance
from search.tantivy.rank import BASE_DATE, EPSILON, HORIZON_DAYS, start_weight


def places(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.powiat) for p in find_places([m.group() for m in words(text)])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("informatyka zielona góra", [("Zielona Góra", "0862")]),
        ("kurs w zielonej gorze", [("Zielona Góra", "0862")]),
        ("kurs spawania w żarach", [("Żary", "0811")]),
        ("w zarach", [("Żary", "0811")]),
        ("księgowość gorzow", [("Gorzów Wielkopolski", "0861")]),
        ("kurs w gorzowie wlkp", [("Gorzów Wielkopolski", "0861")]),
        ("spawanie nowej soli", [("Nowa Sól", "0804")]),
        ("kostrzynie nad odrą", [("Kostrzyn nad Odrą", "0801")]),
        ("kurs krosno", [("Krosno Odrzańskie", "0802")]),  # a short name residents use
        ("w powiecie zielonogórskim", [("powiat zielonogórski", "0809")]),
        ("Drzonków", [("Drzonków", "0862")]),  # a village: its town's powiat
        ("żary żagań", [("Żary", "0811"), ("Żagań", "0810")]),
        ("przewóz osób", []),  # an ordinary word…
        ("kurs w przewozie", [("Przewóz", "0811")]),  # …unless after a preposition
        ("sława", []),
        ("zielona", []),
    ],
)
def test_places_are_found_in_any_form(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text) == expected


def test_a_place_and_its_preposition_leave_the_words() -> None:
    analysed = analyse_query("kurs spawania w żarach")
    assert [t.surface for t in analysed.terms] == ["kurs", "spawania"]
    assert analysed.text == "kurs spawania" and analysed.powiats == ("0811",)
    assert not analysed.terms[-1].prefix  # the user had finished `spawania`


def test_the_region_narrows_nothing_and_is_not_required() -> None:
    analysed = analyse_query("spawanie lubuskie")
    assert [t.surface for t in analysed.terms] == ["spawanie"] and analysed.powiats == ()


def test_online_words_keep_online_offers_beside_the_place() -> None:
    assert analyse_query("kurs zdalnie żary").powiats == ("0811", "online")
    assert analyse_query("kurs online").powiats == ()  # no place: nothing to narrow


def test_synonym_phrases_become_one_unit() -> None:
    (span,) = analyse_query("prawa jazdy").units
    assert isinstance(span, SynonymSpan) and span.group == "y_prawo_jazdy" and span.weight == 2


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("spawanie", "spawanie", 0), ("spwanie", "spawanie", 1), ("spawnaie", "spawanie", 1),
     ("spwcaz", "spawacz", 2), ("kurs", "kurz", 1), ("abc", "xyzxyz", 3)],
)  # fmt: skip
def test_edit_distance_counts_a_swap_as_one(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=2) == min(distance, 3)


def test_sooner_editions_weigh_more_within_the_tie_break_budget() -> None:
    days = [BASE_DATE + timedelta(days=d) for d in (0, 1, 400, HORIZON_DAYS)]
    weights = [start_weight({"next_start": d.isoformat()}) for d in days]
    assert weights == sorted(weights, reverse=True) and len(set(weights)) == len(weights)
    assert start_weight({"next_start": None}) == 0.0
    earlier = start_weight({"next_start": date(2020, 1, 1).isoformat()})
    assert earlier == weights[0]  # clamped to the first day
    assert 1 < math.log2(2 + weights[0]) <= 1 + EPSILON
