"""What the Meilisearch backend asks when a search finds nothing (issue 13, `search.relaxing`):
the same words without the place named, nearest first; each filter set dropped alone; the
words without filters for related qualifications. As sent, to a stand-in server."""

from __future__ import annotations

from typing import Any

import pytest

from search.geo import haversine_km
from search.interface import FilterCount, Query, RelatedQualification, Relaxation
from search.meili import MeiliBackend
from tests.search.honesty_support import POINTS
from tests.search.meili_fake import FakeMeili, no_hits

ZARY = POINTS["Żary"]
WELDING = {"id": 5, "title": "Kurs spawania", "description": "", "points": [POINTS["Nowa Sól"]],
           "qualification_code": "SP.MAG", "qualification_name": "Spawanie MAG"}  # fmt: skip


def outside_the_place(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if "sort" in body:  # the nearest outside Żary
        return {"hits": [WELDING], "totalHits": 1, "facetDistribution": {}}
    return no_hits(path, body)


def test_nothing_in_the_place_asks_again_without_it_nearest_first() -> None:
    with FakeMeili({"offers": 12}, answer=outside_the_place) as fake:
        found = MeiliBackend(fake.url, "key").search(Query(text="kurs spawania w żarach"))
    strict, wider = fake.bodies("POST", "/indexes/offers/search")
    assert fake.lines() == ["POST /indexes/offers/search"] * 2
    assert strict["q"] == "spawanie " and strict["filter"] == '(powiat IN ["0811"])'
    # "kurs" never stands in; the last word is the last typed now, so a prefix too
    assert "filter" not in wider and wider["q"] == "spawanie"
    assert wider["sort"] == [f"_geoPoint({ZARY[0]!r}, {ZARY[1]!r}):asc", "id:asc"]
    assert found.total == 1 and found.relaxed == [Relaxation("place", ("Żary",))]
    km = haversine_km(*ZARY, *POINTS["Nowa Sól"])
    assert found.hits[0].distance_km == pytest.approx(km, abs=0.05)


def without_free(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if body.get("hitsPerPage") == 50:  # the words alone, for related qualifications
        return {"hits": [WELDING, {**WELDING, "id": 6}], "totalHits": 2, "facetDistribution": {}}
    if body.get("filter") == '(kind IN ["kkz"])':
        return {"hits": [], "totalHits": 3, "facetDistribution": {}}
    return no_hits(path, body)


def test_nothing_found_counts_each_filter_set_dropped_alone_and_asks_for_the_words_alone() -> None:
    query = Query(text="spawanie", filters={"free": True, "kind": ("kkz",)}, facets=("kind",))
    with FakeMeili({"offers": 12}, answer=without_free) as fake:
        found = MeiliBackend(fake.url, "key").search(query)
    bodies = [s.body for s in fake.sent]
    main = bodies[0]["queries"][0]  # the strict search, with the facet of `kind` beside it
    assert main["filter"] == '(is_free = true) AND (kind IN ["kkz"])'
    asked = [(b["q"], b.get("filter"), b["hitsPerPage"]) for b in bodies[1:]]
    assert asked == [
        ("spawanie", '(kind IN ["kkz"])', 1),  # without `free`, counted only
        ("spawanie", "(is_free = true)", 1),  # without `kind`
        ("spawanie", None, 50),  # the words alone: their offers' qualifications
    ]
    assert found.total == 0 and found.help is not None
    assert found.help.without_filter == [FilterCount("free", 3)]
    assert found.help.related_qualifications == [RelatedQualification("SP.MAG", "Spawanie MAG", 2)]


def test_something_found_asks_nothing_more() -> None:
    def some(path: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"hits": [WELDING], "totalHits": 1, "facetDistribution": {}}

    with FakeMeili({"offers": 12}, answer=some) as fake:
        found = MeiliBackend(fake.url, "key").search(Query(text="spawanie żary"))
    assert fake.lines() == ["POST /indexes/offers/search"]
    assert found.help is None and found.relaxed == [] and found.matched_all_words
