"""Facet counts on every backend: exact, and disjunctive (a facet ignores its own selection).

The expected counts are worked out over the search documents with a reference reading of the
filter conditions (`filter_support.matches`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from search.conditions import Near, Range
from search.filters import BY_NAME, FACETS, conditions
from search.geo import locate
from search.interface import Query, SearchBackend
from tests.search.filter_support import TODAY, documents, matches

ZIELONA_GORA = locate("Zielona Góra")
assert ZIELONA_GORA is not None
WITHIN_50_KM = Near(ZIELONA_GORA.lat, ZIELONA_GORA.lon, 50.0, include_online=True)


@pytest.fixture
def offers(backend: SearchBackend) -> SearchBackend:
    backend.index(documents())
    return backend


def expected_counts(name: str, filters: dict[str, Any]) -> dict[str, int]:
    """What facet `name` should count: documents meeting every other filter, by value."""
    others = conditions({k: v for k, v in filters.items() if k != name}, TODAY)
    kept = [d for d in documents() if all(matches(d, c) for c in others.values())]
    declaration = BY_NAME[name]
    if declaration.kind == "terms":
        return dict(Counter(v for d in kept for v in declaration.values(d)))  # type: ignore[attr-defined]
    (yes,) = conditions({name: True}, TODAY).values()
    count = sum(matches(d, yes) for d in kept)
    return {"true": count} if count else {}


def a_value_of(name: str) -> Any:
    declaration = BY_NAME[name]
    if declaration.kind != "terms":
        return True
    counts = expected_counts(name, {})
    return (max(counts, key=lambda v: (counts[v], v)),)


def test_without_filters_every_facet_counts_every_document_exactly(offers: SearchBackend) -> None:
    results = offers.search(Query(facets=FACETS))
    for name in FACETS:
        assert results.facets[name] == expected_counts(name, {}), name


@pytest.mark.parametrize("name", FACETS)
def test_a_facet_ignores_its_own_selection_but_applies_the_others(
    offers: SearchBackend, name: str
) -> None:
    filters = {name: a_value_of(name), "distance": WITHIN_50_KM, "price": Range(None, 300000)}
    results = offers.search(Query(filters=filters, facets=FACETS))
    for facet in FACETS:
        assert results.facets[facet] == expected_counts(facet, filters), facet
    if BY_NAME[name].kind == "terms":
        # Choosing a value shows how many each other value would give, not only the chosen one.
        assert len(results.facets[name]) > 1


def test_a_single_valued_facet_adds_up_to_the_total(offers: SearchBackend) -> None:
    filters = {"enrolment_open": True, "hours": Range(10, None)}
    results = offers.search(Query(filters=filters, facets=("kind", "language", "enrolment_open")))
    assert sum(results.facets["kind"].values()) == results.total
    assert sum(results.facets["language"].values()) == results.total
    assert results.facets["enrolment_open"] == {"true": results.total}


def test_a_multi_valued_facet_counts_each_offer_once_per_value(offers: SearchBackend) -> None:
    results = offers.search(Query(facets=("powiat", "funding")))
    # Offer 201 is held in Zielona Góra and Nowa Sól: it counts in both, once in each.
    assert results.facets["powiat"]["0862"] == sum("0862" in d["powiat"] for d in documents())
    assert sum(results.facets["powiat"].values()) > results.total


def test_facets_follow_the_text_query(offers: SearchBackend) -> None:
    results = offers.search(Query(text="kurs", facets=FACETS))
    assert sum(results.facets["kind"].values()) == results.total > 0
    assert results.facets["free"]["true"] == len(
        {h.id for h in results.hits if h.document["is_free"]}
    )


def test_narrow_fields_have_counts_only_under_the_chosen_broad_field(
    offers: SearchBackend,
) -> None:
    results = offers.search(Query(filters={"isced_broad": ("07",)}, facets=("isced_narrow",)))
    assert results.facets["isced_narrow"] == {"071": 2}
    both = Query(filters={"isced_broad": ("07",), "isced_narrow": ("071",)}, facets=FACETS)
    assert offers.search(both).facets["isced_broad"] == {"07": 2}


def test_a_facet_of_a_filter_without_one_is_refused(offers: SearchBackend) -> None:
    with pytest.raises(ValueError, match="price"):
        offers.search(Query(facets=("kind", "price")))


def test_an_empty_index_has_empty_facets(backend: SearchBackend) -> None:
    results = backend.search(Query(filters={"distance": WITHIN_50_KM}, facets=FACETS))
    assert results.total == 0 and results.facets == {name: {} for name in FACETS}
