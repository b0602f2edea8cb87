"""Search-as-you-type suggestions and "did you mean" on every backend."""

from __future__ import annotations

import pytest

from search.interface import SUGGESTION_KINDS, Query, SearchBackend, Suggestion
from tests.search.text_support import TEXT_OFFERS


@pytest.fixture
def texts(backend: SearchBackend) -> SearchBackend:
    backend.index(TEXT_OFFERS)
    return backend


def shown(suggestions: list[Suggestion], kind: str) -> list[str]:
    return [s.text for s in suggestions if s.kind == kind]


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("progr", "Programowanie w Pythonie"),
        ("ksieg", "Kurs księgowości"),  # folded
        ("progrma", "Programowanie w Pythonie"),  # a typo in the last word
        ("kurs spaw", "Kurs spawalniczy MAG"),  # the words before it match whole
        ("LODZ ZAGL", "Łódź żaglowa – patent żeglarza jachtowego"),
    ],
)
def test_a_typed_prefix_suggests_the_titles_it_begins(
    texts: SearchBackend, typed: str, title: str
) -> None:
    suggestions = texts.suggest(typed, 8)
    assert title in shown(suggestions, "title")
    chosen = next(s for s in suggestions if s.text == title)
    assert chosen.query == title


def test_a_qualification_is_suggested_with_its_code_and_name(texts: SearchBackend) -> None:
    (qualification,) = [s for s in texts.suggest("eka", 8) if s.kind == "qualification"]
    assert qualification.text == "EKA.04 Prowadzenie dokumentacji w jednostce organizacyjnej"
    assert qualification.query == "EKA.04"


def test_a_place_where_offers_are_held_is_suggested_in_the_query(texts: SearchBackend) -> None:
    places = [s for s in texts.suggest("spawanie ża", 8) if s.kind == "place"]
    assert [(p.text, p.query, p.detail) for p in places] == [
        ("Żary", "spawanie Żary", "powiat żarski")
    ]  # not Żagań: nothing is held in powiat żagański
    assert shown(texts.suggest("zielona g", 8), "place") == ["Zielona Góra"]
    assert shown(texts.suggest("swiebo", 8), "place") == []  # Świebodzin: nothing held there


def test_suggestions_are_bounded_typed_and_unique(texts: SearchBackend) -> None:
    suggestions = texts.suggest("kurs", 3)
    assert 0 < len(suggestions) <= 3
    assert all(s.kind in SUGGESTION_KINDS and s.text and s.query for s in suggestions)
    many = texts.suggest("k", 20)
    assert len({s.text.lower() for s in many}) == len(many)


@pytest.mark.parametrize("typed", ["", "   ", "?!", "zzzzqx", "\x00"])
def test_nothing_to_suggest_is_an_empty_list(texts: SearchBackend, typed: str) -> None:
    assert texts.suggest(typed, 8) == []


def test_an_empty_index_suggests_nothing(backend: SearchBackend) -> None:
    assert backend.suggest("kurs", 8) == []


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("spwcaz", "spawacz"),  # 2 edits: beyond the 1 typo a 6-letter word may have
        ("flrystka", "florystyka"),
        ("spwcaz tgi", "spawacz tig"),  # each word that finds nothing alone
        ("spwcaz w żarach", "spawacz w żarach"),  # the place is kept as typed
        ("kurz", "kurs"),  # short words get one edit
    ],
)
def test_a_query_that_finds_nothing_offers_the_nearest_words(
    texts: SearchBackend, text: str, meant: str
) -> None:
    results = texts.search(Query(text=text))
    assert results.total == 0
    assert results.did_you_mean == meant
    assert texts.search(Query(text=meant)).total > 0


@pytest.mark.parametrize(
    "text",
    [
        "spawacz",  # it finds something
        "zzzzqx",  # nothing near
        "prawo jazdy lotnicze",  # correct words that no offer has together with the others
    ],
)
def test_no_correction_is_offered_without_a_better_query(texts: SearchBackend, text: str) -> None:
    assert texts.search(Query(text=text)).did_you_mean is None


def test_the_correction_respects_the_filters(texts: SearchBackend) -> None:
    # "spawacz" exists, but not in powiat nowosolski: no correction finds something there.
    assert texts.search(Query(text="spwcaz", filters={"powiat": ("0804",)})).did_you_mean is None
    corrected = texts.search(Query(text="spwcaz", filters={"powiat": ("0811",)}))
    assert corrected.did_you_mean == "spawacz"
