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


def some_words(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if body.get("federation"):  # the client sends `"federation": null` otherwise
        return {"hits": [WELDING], "totalHits": 1, "facetsByIndex": {}}
    return no_hits(path, body)


def test_a_filler_word_is_neither_required_nor_a_word_of_the_union() -> None:
    with FakeMeili({"offers": 12}, answer=some_words) as fake:
        backend = MeiliBackend(fake.url, "key")
        found = backend._strict(Query(text="kurs spawania aluminium"))
    strict, union = [s.body for s in fake.sent]
    assert strict["q"] == "spawanie aluminium"
    assert [q["q"] for q in union["queries"]] == ["spawanie ", "aluminium"]  # never "kurs"
    assert not found.matched_all_words
    assert found.relaxed == [Relaxation("words", ("spawania", "aluminium"))]


def test_a_filler_word_beside_one_subject_word_has_no_union_to_fall_back_to() -> None:
    with FakeMeili({"offers": 12}) as fake:
        MeiliBackend(fake.url, "key")._strict(Query(text="kurs żeglarstwa"))
    (strict,) = [s.body for s in fake.sent]
    assert strict["q"] == "zeglarstwo"


def test_a_licence_category_is_sent_as_a_whole_word() -> None:
    with FakeMeili({"offers": 12}) as fake:
        MeiliBackend(fake.url, "key")._strict(Query(text="prawo jazdy kat B"))
    (strict,) = [s.body for s in fake.sent]
    # "kat" says what "B" is; "b" must match itself (a trailing space: not a prefix)
    assert strict["q"] == "prawo jazda b "


def test_a_word_typed_without_polish_letters_is_sent_as_with_them() -> None:
    with FakeMeili({"offers": 12}) as fake:
        backend = MeiliBackend(fake.url, "key")
        backend._strict(Query(text="wozki widlowe"))
        backend._strict(Query(text="wózki widłowe"))
    folded, unfolded = [s.body for s in fake.sent]
    assert folded == unfolded
    assert folded["q"] == "wozek widlowy"


def nothing_in_zary(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if "powiat" in (body.get("filter") or ""):
        return no_hits(path, body)
    return {"hits": [WELDING], "totalHits": 1, "facetDistribution": {}}


def test_nothing_in_the_one_powiat_chosen_asks_for_the_nearest_outside_it() -> None:
    query = Query(text="spawanie", filters={"powiat": ("0811",)})
    with FakeMeili({"offers": 12}, answer=nothing_in_zary) as fake:
        found = MeiliBackend(fake.url, "key").search(query)
    asked = [(b["q"], b.get("filter"), b["hitsPerPage"], b.get("sort")) for b in
             (s.body for s in fake.sent)]  # fmt: skip
    nearest = [f"_geoPoint({ZARY[0]!r}, {ZARY[1]!r}):asc", "id:asc"]  # Żary is the seat
    assert asked == [
        ("spawanie", '(powiat IN ["0811"])', 20, None),  # the person's search
        ("spawanie", None, 1, None),  # without `powiat`, counted only
        ("spawanie", None, 3, nearest),  # the nearest outside the powiat, filter dropped
        ("spawanie", None, 50, None),  # the words alone: their qualifications
    ]
    assert found.total == 0 and found.help is not None
    assert found.help.nearest_from == "powiat żarski"
    assert [hit.id for hit in found.help.nearest] == [5]
    km = haversine_km(*ZARY, *POINTS["Nowa Sól"])
    assert found.help.nearest[0].distance_km == pytest.approx(km, abs=0.05)
