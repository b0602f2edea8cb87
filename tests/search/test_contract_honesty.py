"""Honest answers on every backend (issue 13): whether every word matched, what was relaxed,
filler words and places never standing in for the subject, help when nothing is found."""

from __future__ import annotations

import pytest

from search.conditions import Near, Range
from search.geo import haversine_km
from search.interface import MAX_PER_PAGE, FilterCount, Query, Results, SearchBackend
from tests.search.honesty_support import (
    HONESTY_OFFERS,
    NS,
    POINTS,
    WELDING,
    WELDING_CODE,
    WELDING_NAME,
    ZARY,
    ZG,
    held,
)


@pytest.fixture
def offers(backend: SearchBackend) -> SearchBackend:
    backend.index(HONESTY_OFFERS)
    return backend


def search(backend: SearchBackend, text: str, **query: object) -> Results:
    query.setdefault("per_page", MAX_PER_PAGE)
    return backend.search(Query(text=text, **query))  # type: ignore[arg-type]


def ids(results: Results) -> list[int]:
    return [hit.id for hit in results.hits]


def relaxed(results: Results) -> list[tuple[str, tuple[str, ...]]]:
    return [(r.kind, r.values) for r in results.relaxed]


@pytest.mark.parametrize("text", ["kurs spawania zielona gora", "spawanie zielona góra",
                                  "szkolenie ze spawania w Zielonej Górze"])  # fmt: skip
def test_no_welding_in_the_place_gives_the_nearest_welding_outside_it(
    offers: SearchBackend, text: str
) -> None:
    # "kurs" and the place matched 4 courses in Zielona Góra: none is about welding.
    found = search(offers, text)
    assert ids(found) == [5, 6]  # Żary (44 km) before Gorzów (88 km)
    assert found.total == 2
    assert relaxed(found) == [("place", ("Zielona Góra",))]
    assert found.places == []  # the hits are not held there
    assert found.matched_all_words
    zg = POINTS["Zielona Góra"]
    for hit, town in zip(found.hits, ("Żary", "Gorzów Wielkopolski"), strict=True):
        assert hit.distance_km == pytest.approx(haversine_km(*zg, *POINTS[town]), abs=0.1)


def test_welding_in_the_place_is_all_that_is_shown(offers: SearchBackend) -> None:
    offers.index([held(20, "Spawanie metodą TIG dla początkujących", "", "Zielona Góra")])
    for text in ("kurs spawania zielona gora", "spawanie zielona góra"):
        found = search(offers, text)
        assert ids(found) == [20]
        assert found.relaxed == [] and found.matched_all_words


def test_a_filler_word_alone_never_finds_a_subject_it_lacks(offers: SearchBackend) -> None:
    # No offer is about sailing: "kurs" must not answer every course instead.
    found = search(offers, "kurs żeglarstwa")
    assert found.total == 0 and found.hits == []
    # Alone, a filler word is what is looked for.
    assert set(ids(search(offers, "kurs"))) >= {1, 2, 4, 5}


def test_offers_with_some_of_the_words_are_shown_saying_so(offers: SearchBackend) -> None:
    found = search(offers, "kurs spawania aluminium")
    assert set(ids(found)) == WELDING  # no offer says "aluminium"
    assert not found.matched_all_words
    assert relaxed(found) == [("words", ("spawania", "aluminium"))]


def test_offers_with_every_word_are_the_only_ones_shown(offers: SearchBackend) -> None:
    found = search(offers, "spawanie stali")
    assert ids(found) == [6]
    assert found.matched_all_words and found.relaxed == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("prawo jazdy kat B", {7}),
        ("prawo jazdy kat. B", {7}),
        ("prawo jazdy kategoria B", {7}),
        ("prawo jazdy kat C", {8, 9}),
        ("kat. C", {8, 9}),
    ],
)
def test_a_licence_category_is_never_dropped(
    offers: SearchBackend, text: str, expected: set[int]
) -> None:
    assert set(ids(search(offers, text))) == expected


def test_folded_and_unfolded_words_rank_alike(offers: SearchBackend) -> None:
    unfolded = search(offers, "wózki widłowe")
    folded = search(offers, "wozki widlowe")
    assert ids(unfolded)[0] == 10  # the forklift operator course, not the warehouse one
    assert ids(folded) == ids(unfolded)
    assert [h.score for h in folded.hits] == [h.score for h in unfolded.hits]


def test_nothing_found_lists_each_filter_set_whose_dropping_finds_something(
    offers: SearchBackend,
) -> None:
    found = search(offers, "spawanie", filters={"free": True, "powiat": (ZARY,)})
    assert found.total == 0 and found.help is not None
    # Without `free` the Żary course is found; without `powiat` still nothing is free. No
    # filter the person did not set is offered.
    assert found.help.without_filter == [FilterCount("free", 1)]
    found = search(offers, "spawanie", filters={"free": True})
    assert found.help is not None and found.help.without_filter == [FilterCount("free", 2)]


def test_nothing_found_lists_the_qualifications_the_words_lead_to(offers: SearchBackend) -> None:
    found = search(offers, "spawanie", filters={"free": True, "price": Range(None, 100)})
    assert found.total == 0 and found.help is not None
    assert found.help.without_filter == []  # each filter alone still finds nothing
    related = found.help.related_qualifications
    assert [(q.code, q.name, q.count) for q in related] == [(WELDING_CODE, WELDING_NAME, 2)]


def test_something_found_needs_no_help(offers: SearchBackend) -> None:
    assert search(offers, "spawanie").help is None
    assert search(offers, "spawanie", filters={"free": True, "powiat": (ZG,)}).help is not None


def test_a_licence_category_stays_required_when_other_words_are_relaxed(
    offers: SearchBackend,
) -> None:
    # No B-category offer says "motocykl": offers with the other words, but never category C.
    found = search(offers, "prawo jazdy kat B motocykl")
    assert ids(found) == [7]
    assert not found.matched_all_words
    assert search(offers, "kat. B spawanie").total == 0  # a category alone is no subject


def test_nothing_within_the_chosen_distance_offers_the_nearest_beyond_it(
    offers: SearchBackend,
) -> None:
    zg = POINTS["Zielona Góra"]
    near = Near(*zg, radius_km=20, place="Zielona Góra")
    found = search(offers, "spawanie", filters={"distance": near})
    # The person's own filter is never overridden: nothing found, the nearest offered.
    assert found.total == 0 and found.hits == [] and found.relaxed == []
    assert found.help is not None and found.help.nearest_from == "Zielona Góra"
    assert [hit.id for hit in found.help.nearest] == [5, 6]  # Żary, then Gorzów
    km = haversine_km(*zg, *POINTS["Żary"])
    assert found.help.nearest[0].distance_km == pytest.approx(km, abs=0.1)
    assert found.help.without_filter == [FilterCount("distance", 2)]


def test_nothing_in_the_one_powiat_chosen_offers_the_nearest_outside_it(
    offers: SearchBackend,
) -> None:
    found = search(offers, "spawanie", filters={"powiat": (ZG,)})
    assert found.total == 0 and found.help is not None
    assert found.help.nearest_from == "Zielona Góra"  # the powiat's name
    assert [hit.id for hit in found.help.nearest] == [5, 6]
    assert all(hit.distance_km for hit in found.help.nearest)
    # Two powiats chosen: no one place to measure from; the filter may be dropped instead.
    found = search(offers, "spawanie", filters={"powiat": (ZG, NS)})
    assert found.help is not None and found.help.nearest == []
    assert found.help.without_filter == [FilterCount("powiat", 2)]


def test_words_understood_as_filters_still_apply_outside_the_place(offers: SearchBackend) -> None:
    # "darmowe" means free (search.understanding): no free welding anywhere, so nothing.
    found = search(offers, "darmowe spawanie zielona góra")
    assert found.total == 0 and found.relaxed == []
    offers.index([held(21, "Spawanie – kurs bezpłatny", "", "Nowa Sól", price_min_grosze=0)])
    found = search(offers, "darmowe spawanie zielona góra")
    assert ids(found) == [21]
    assert relaxed(found) == [("place", ("Zielona Góra",))]
