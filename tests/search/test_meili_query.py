"""Filter expressions and search requests of the Meilisearch backend, as sent."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from search.conditions import AnyOf, Between, Either, IsTrue, Near, Range, Within
from search.filters import FILTERS
from search.geo import point_key
from search.interface import Query
from search.meili import MeiliBackend
from search.meili.filters import combined, expression, quote
from search.meili.highlight import POST_TAG, PRE_TAG
from search.meili.settings import index_settings
from tests.search.meili_fake import FakeMeili, no_hits

ZIELONA_GORA = (51.9356, 15.5062)
ZARY = (51.6424, 15.1369)  # 46 km from Zielona Góra
GORZOW = (52.7325, 15.2369)  # 91 km


def parse_in(text: str) -> tuple[str, list[str]]:
    """`field IN ["a", "b\\"c"]` read as Meilisearch's grammar reads it: inside double quotes a
    backslash takes the next character literally."""
    match = re.fullmatch(r"(\w+) IN \[(.*)\]", text, re.S)
    assert match, text
    values, rest = [], match.group(2)
    while rest:
        assert rest[0] == '"', rest
        i, value = 1, []
        while rest[i] != '"':
            if rest[i] == "\\":
                i += 1
            value.append(rest[i])
            i += 1
        values.append("".join(value))
        rest = rest[i + 1 :].removeprefix(", ")
    return match.group(1), values


def test_a_terms_condition_is_an_in_list_of_quoted_values() -> None:
    assert expression(AnyOf("kind", ("course", "kkz"))) == 'kind IN ["course", "kkz"]'


@pytest.mark.parametrize(
    "value",
    [
        '0862" OR kind = "kkz',
        "0862\\",
        '\\" OR id >= 0 OR "',
        "online] OR id >= 0",
        "' OR 1=1 --",
        "NOT AND OR TO",
        "_geoRadius(0, 0, 1)",
        "line\nbreak\ttab",
        "zażółć gęślą jaźń 😀",
        "",
    ],
)
def test_a_hostile_value_stays_one_quoted_string(value: str) -> None:
    text = expression(AnyOf("powiat", ("0862", value)))
    assert parse_in(text) == ("powiat", ["0862", value])


def test_quoting_escapes_backslashes_before_quotes() -> None:
    assert quote('a"b\\c') == '"a\\"b\\\\c"'


def test_a_yes_no_condition_compares_with_true() -> None:
    assert expression(IsTrue("is_free")) == "is_free = true"


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (Between("price_min_grosze", 0, 15000), "price_min_grosze 0 TO 15000"),
        (Between("price_min_grosze", None, 9950.5), "price_min_grosze <= 9950.5"),
        (Between("duration_hours", 40, None), "duration_hours >= 40"),
        (Between("starts", date(2026, 3, 1), date(2026, 3, 31)), "starts_day 20513 TO 20543"),
        (Between("enrolment_until", date(2026, 3, 1), None), "enrolment_until_day >= 20513"),
        (Between("duration_hours", None, None), "id >= 0"),
    ],
)
def test_a_range_is_one_to_condition_and_dates_are_day_numbers(
    condition: Between, expected: str
) -> None:
    # One `TO`: on a list of start dates ONE value must lie in the range.
    assert expression(condition) == expected


def test_a_number_that_is_not_finite_is_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        expression(Between("price_min_grosze", None, float("nan")))


def test_a_distance_is_a_geo_radius_in_whole_metres_unless_resolved() -> None:
    assert expression(Within("points", 51.9356, 15.5062, 20.5)) == (
        "_geoRadius(51.9356, 15.5062, 20500)"
    )
    resolved = expression(Within("points", 1, 2, 3), within=lambda c: "point_keys IN []")
    assert resolved == "point_keys IN []"


def test_either_is_an_or_of_parenthesised_parts_and_filters_are_anded() -> None:
    near_or_online = Either((Within("points", 1, 2, 3), AnyOf("powiat", ("online",))))
    assert expression(near_or_online) == ('(_geoRadius(1, 2, 3000)) OR (powiat IN ["online"])')
    both = {"kind": 'kind IN ["kkz"]', "distance": expression(near_or_online)}
    assert combined(both) == (
        '(kind IN ["kkz"]) AND ((_geoRadius(1, 2, 3000)) OR (powiat IN ["online"]))'
    )
    assert combined(both, leave_out="kind") == f"({expression(near_or_online)})"
    assert combined({}) is None


# -- search requests -------------------------------------------------------------------------


def searching(fake: FakeMeili, query: Query) -> list[dict[str, Any]]:
    """The bodies of the searches sent for a query (multi-search bodies as they are), strictly:
    what is asked when nothing is found is in test_meili_relaxing.py."""
    with fake:
        MeiliBackend(fake.url, "key", "offers")._strict(query)
    return [s.body for s in fake.sent]


def found(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if "queries" in body:
        return {"results": [found(path, query) for query in body["queries"]]}
    return {"hits": [], "totalHits": 3, "facetDistribution": {}}


def test_a_text_query_sends_each_words_canonical_token_and_pages_exactly() -> None:
    fake = FakeMeili({"offers": 12}, answer=found)
    (body,) = searching(fake, Query(text="kursy w księgowej", page=3, per_page=5))
    assert fake.lines() == ["POST /indexes/offers/search"]
    assert body == {
        "q": "ksiegowa",  # lemmas, the stop word `w` and the filler word `kursy` left out
        "matchingStrategy": "all",
        "page": 3,
        "hitsPerPage": 5,
        "showRankingScore": True,
        "attributesToHighlight": ["title", "description"],
        "highlightPreTag": PRE_TAG,
        "highlightPostTag": POST_TAG,
    }


def test_a_query_of_stop_words_alone_still_looks_for_them() -> None:
    fake = FakeMeili({"offers": 12})
    (body,) = searching(fake, Query(text="dla"))
    assert body["q"] == "dla"


def test_an_empty_or_punctuation_query_is_a_placeholder_search_without_highlights() -> None:
    fake = FakeMeili({"offers": 12})
    (body,) = searching(fake, Query(text="?!*:()", per_page=10_000, page=0))
    assert body == {"q": "", "matchingStrategy": "all", "page": 1, "hitsPerPage": 100,
                    "showRankingScore": True}  # fmt: skip


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("start_date", ["start_day:asc", "id:asc"]),
        ("price", ["price_key:asc", "id:asc"]),
        ("distance", [f"_geoPoint({ZIELONA_GORA[0]!r}, {ZIELONA_GORA[1]!r}):asc", "id:asc"]),
    ],
)
def test_a_sort_is_sent_with_id_as_the_last_tie_break(sort: str, expected: list[str]) -> None:
    fake = FakeMeili({"offers": 12})
    near = Near(*ZIELONA_GORA)  # no radius: only the point to sort by
    (body,) = searching(fake, Query(text="kurs", sort=sort, filters={"distance": near}))
    assert body["sort"] == expected
    assert "filter" not in body


def test_relevance_leaves_the_order_to_the_ranking_rules() -> None:
    fake = FakeMeili({"offers": 12})
    (body,) = searching(fake, Query(text="kurs"))
    assert "sort" not in body


def test_filters_become_one_expression_anded_across_filters() -> None:
    fake = FakeMeili({"offers": 12})
    filters = {"powiat": ("0862", "online"), "free": True, "price": Range(None, 15000)}
    (body,) = searching(fake, Query(filters=filters))
    assert body["filter"] == (
        '(powiat IN ["0862", "online"]) AND (is_free = true) AND (price_min_grosze <= 15000)'
    )


def test_facets_of_unused_filters_are_counted_by_the_main_search() -> None:
    fake = FakeMeili({"offers": 12})
    (body,) = searching(fake, Query(facets=("kind", "powiat")))
    assert body["facets"] == ["kind", "powiat"]


def test_a_facet_in_use_is_counted_without_its_own_filter_in_one_multi_search() -> None:
    fake = FakeMeili({"offers": 12})
    query = Query(
        text="kurs",
        filters={"powiat": ("0862",), "kind": ("training",)},
        facets=("powiat", "kind", "form"),
    )
    (body,) = searching(fake, query)
    assert fake.lines() == ["POST /multi-search"]
    main, powiat, kind = body["queries"]
    assert main["indexUid"] == "offers" and main["hitsPerPage"] == 20
    assert main["filter"] == '(powiat IN ["0862"]) AND (kind IN ["training"])'
    assert main["facets"] == ["form"]
    counts_only = {"indexUid": "offers", "q": "kurs", "matchingStrategy": "all", "page": 1,
                   "hitsPerPage": 0}  # fmt: skip
    assert powiat == {**counts_only, "filter": '(kind IN ["training"])', "facets": ["powiat"]}
    assert kind == {**counts_only, "filter": '(powiat IN ["0862"])', "facets": ["kind"]}


def test_a_yes_no_facet_counts_what_yes_would_keep() -> None:
    fake = FakeMeili({"offers": 12})
    (body,) = searching(fake, Query(filters={"kind": ("kkz",)}, facets=("free",)))
    main, free = body["queries"]
    assert "facets" not in main
    assert free["filter"] == '(kind IN ["kkz"]) AND (is_free = true)'
    assert free["hitsPerPage"] == 0


def test_a_facet_or_sort_the_backend_cannot_count_is_a_programming_error() -> None:
    with FakeMeili({"offers": 1}) as fake:
        backend = MeiliBackend(fake.url, "key")
        for query in (Query(facets=("price",)), Query(facets=("city",)), Query(sort="name"),
                      Query(filters={"city": ("x",)})):  # fmt: skip
            with pytest.raises(ValueError):
                backend.search(query)
    assert fake.sent == []


def points_answer(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if body.get("facets") == ["point_keys"]:
        keys = {point_key(*place): 3 for place in (ZIELONA_GORA, ZARY, GORZOW)}
        return {"hits": [], "totalHits": 9, "facetDistribution": {"point_keys": keys}}
    return {"hits": [], "totalHits": 0, "facetDistribution": {}}


def test_a_distance_filter_keeps_offers_with_an_indexed_place_within_reach() -> None:
    fake = FakeMeili({"offers": 12}, answer=points_answer)
    near = Near(*ZIELONA_GORA, radius_km=50, include_online=True)
    points, body = searching(fake, Query(filters={"distance": near}))
    assert points == {"q": "", "hitsPerPage": 0, "facets": ["point_keys"]}
    near_keys = ", ".join(quote(point_key(*p)) for p in sorted((ZIELONA_GORA, ZARY)))
    assert body["filter"] == f'((point_keys IN [{near_keys}]) OR (powiat IN ["online"]))'


def test_a_distance_with_no_place_in_reach_matches_no_place() -> None:
    fake = FakeMeili({"offers": 12}, answer=points_answer)
    _, body = searching(fake, Query(filters={"distance": Near(54.0, 18.0, radius_km=10)}))
    assert body["filter"] == "(id < 0)"


def federated_fallback(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if body.get("federation"):  # the client sends `"federation": null` otherwise
        return {"hits": [], "totalHits": 2, "facetsByIndex": {}}
    return no_hits(path, body)


def test_words_no_offer_has_together_are_searched_as_a_union_of_each_word() -> None:
    fake = FakeMeili({"offers": 12}, answer=federated_fallback)
    first, union = searching(fake, Query(text="spawanie angielski", filters={"kind": ("kkz",)},
                                         per_page=10))  # fmt: skip
    assert first["q"] == "spawanie angielski"
    assert fake.lines() == ["POST /indexes/offers/search", "POST /multi-search"]
    assert union["federation"] == {"page": 1, "hitsPerPage": 10}
    assert [(q["indexUid"], q["q"], q["filter"]) for q in union["queries"]] == [
        ("offers", "spawanie ", '(kind IN ["kkz"])'),  # a complete word: not a prefix
        ("offers", "angielski", '(kind IN ["kkz"])'),
    ]
    assert all(q["matchingStrategy"] == "all" for q in union["queries"])


def test_the_union_counts_facets_over_every_words_offers() -> None:
    fake = FakeMeili({"offers": 12}, answer=federated_fallback)
    query = Query(text="spawanie angielski", filters={"kind": ("kkz",)}, facets=("kind", "form"))
    bodies = searching(fake, query)
    assert fake.lines() == ["POST /multi-search"] * 3
    main, kind = bodies[1:]
    assert main["federation"] == {"page": 1, "hitsPerPage": 20,
                                  "facetsByIndex": {"offers": ["form"]}}  # fmt: skip
    assert kind["federation"] == {"page": 1, "hitsPerPage": 0,
                                  "facetsByIndex": {"offers": ["kind"]}}  # fmt: skip
    assert all("filter" not in q for q in kind["queries"])


def test_one_word_without_hits_has_no_fallback() -> None:
    fake = FakeMeili({"offers": 12})
    searching(fake, Query(text="spawanie w"))
    assert fake.lines() == ["POST /indexes/offers/search"]


def test_a_page_beyond_what_meilisearch_pages_through_only_counts() -> None:
    fake = FakeMeili({"offers": 12})
    (body,) = searching(fake, Query(page=10**9, per_page=5))
    assert (body["page"], body["hitsPerPage"]) == (1, 0)


def test_a_place_in_the_text_narrows_every_ask_to_its_powiat() -> None:
    text, chosen = "informatyka zielona góra", {"powiat": ("0861",)}
    with FakeMeili({"offers": 12}, answer=found) as fake:
        backend = MeiliBackend(fake.url, "key")
        results = backend.search(Query(text=text, filters=chosen, facets=("powiat",)))
    main, powiat = fake.sent[0].body["queries"]
    assert main["q"] == "informatyka "  # a place followed it: not a prefix
    assert main["filter"] == '(powiat IN ["0861"]) AND (powiat IN ["0862"])'
    assert powiat["filter"] == '(powiat IN ["0862"])'  # the text's place stays
    assert results.places == ["Zielona Góra"]


def test_a_synonym_phrase_is_one_query_of_the_union() -> None:
    fake = FakeMeili({"offers": 12}, answer=federated_fallback)
    _, union = searching(fake, Query(text="prawo jazdy spawanie"))
    assert [q["q"] for q in union["queries"]] == ["prawo jazda ", "spawanie"]


def test_a_synonym_phrase_alone_has_no_union_to_fall_back_to() -> None:
    fake = FakeMeili({"offers": 12})
    searching(fake, Query(text="prawo jazdy"))
    assert fake.lines() == ["POST /indexes/offers/search"]


def a_value(spec: Any) -> Any:
    """A value a person could choose for any filter declaration."""
    if spec.kind == "terms":
        return tuple(list(spec.labels())[:2])
    if spec.kind == "boolean":
        return True
    if spec.kind == "range":
        return Range(10, 20)
    if spec.kind == "date_range":
        return Range(date(2030, 1, 1), date(2030, 1, 31))
    return Near(*ZIELONA_GORA, radius_km=30)


@pytest.mark.parametrize("spec", FILTERS, ids=lambda spec: spec.name)
def test_every_declared_filter_becomes_a_filter_on_a_filterable_attribute(spec: Any) -> None:
    fake = FakeMeili({"offers": 12}, answer=points_answer)
    searching(fake, Query(filters={spec.name: a_value(spec)}))
    sent = fake.sent[-1].body["filter"]
    filterable = set(index_settings()["filterableAttributes"])
    attribute = re.match(r"\(+(\w+)", sent)
    assert attribute and attribute.group(1) in filterable, sent
