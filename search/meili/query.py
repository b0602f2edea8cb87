"""Search request bodies: pure functions from what is asked to what Meilisearch is sent.

A search is a few *asks* of the index, each a filter with the facets counted under it:
the main ask (hits, and the facets whose filter is not in use), then one ask per facet whose
filter is in use, without that filter (disjunctive facets, as Meilisearch recommends: docs
capabilities/filtering_sorting_faceting/advanced/disjunctive_facets), and one per yes/no facet,
counting what "yes" would keep. Several asks go in one `POST /multi-search`.

Text is matched with `matchingStrategy: all` (every word, as the embedded backend first
requires). When that finds nothing and the query has several words, the asks are repeated as
*federated* multi-searches of one query per word: Meilisearch unites the documents each query
finds (one read of the index, duplicates dropped, facets and `totalHits` counted on the union),
which is the embedded backend's "any word" fallback. Unlike the embedded backend, the union is
ranked by each document's best single-word score, not by how many words it has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from search.filters import get_filter
from search.meili import documents as d
from search.meili.filters import Resolve, combined, expression
from search.meili.highlight import POST_TAG, PRE_TAG

HIGHLIGHTED = ("title", "description")
SORT_KEYS = {"start_date": d.START_DAY, "price": d.PRICE_KEY}


@dataclass(frozen=True)
class Ask:
    """One question to the index: a filter expression, the attributes whose values are counted
    under it, and whether it returns the page of hits (else only `totalHits`)."""

    filter: str | None
    facets: tuple[str, ...] = ()
    hits: bool = False


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    sort: tuple[str, ...] = ()


def plan(
    chosen: Mapping[str, str], facets: Sequence[str], today: date, within: Resolve
) -> tuple[list[Ask], list[tuple[str, int]]]:
    """The asks of a search, and for each facet the position of the ask that counts it.

    `chosen` holds the expression of every filter in use (by filter name).
    """
    shared = [n for n in facets if n not in chosen and get_filter(n).kind == "terms"]
    asks = [Ask(combined(chosen), tuple(facet_attribute(n) for n in shared), hits=True)]
    where = [(name, 0) for name in shared]
    for name in facets:
        spec = get_filter(name)
        if spec.kind == "terms" and name in chosen:
            where.append((name, len(asks)))
            asks.append(Ask(combined(chosen, leave_out=name), (facet_attribute(name),)))
        elif spec.kind != "terms":  # yes/no: how many offers "yes" would keep
            yes = spec.condition(True, today)
            assert yes is not None, f"filter {name!r} restricts nothing when chosen"
            where.append((name, len(asks)))
            asks.append(Ask(combined({**chosen, name: expression(yes, within)})))
    return asks, where


def facet_attribute(name: str) -> str:
    """The attribute whose values a terms facet counts."""
    return d.filter_field(get_filter(name).field)


def sort_params(sort: str, near: tuple[float, float] | None = None) -> tuple[str, ...]:
    """The `sort` parameter; () for relevance, which the ranking rules order by themselves."""
    if sort == "relevance":
        return ()
    if sort == "distance":
        if near is None:  # no point to measure from: as the embedded backend, by relevance
            return ()
        # One point per document (`_geo`): an offer held in several places sorts by its first.
        return (f"_geoPoint({near[0]!r}, {near[1]!r}):asc", "id:asc")
    return (f"{SORT_KEYS[sort]}:asc", "id:asc")


def search_body(q: str, ask: Ask, page: Page) -> dict[str, Any]:
    """The body of `POST /indexes/{uid}/search` (or one query of a multi-search)."""
    body: dict[str, Any] = {"q": q, "matchingStrategy": "all"}
    if ask.filter:
        body["filter"] = ask.filter
    if ask.facets:
        body["facets"] = list(ask.facets)
    if ask.hits:
        body.update({"page": page.number, "hitsPerPage": page.size})
        if page.sort:
            body["sort"] = list(page.sort)
        body.update(_display(q))
    else:
        # `hitsPerPage: 0` still counts `totalHits` exactly (docs: reference/api/search, page).
        body.update({"page": 1, "hitsPerPage": 0})
    return body


def multi_search_body(uid: str, q: str, asks: Sequence[Ask], page: Page) -> dict[str, Any]:
    """The body of `POST /multi-search`: one query per ask, answered in the same order."""
    return {"queries": [{"indexUid": uid, **search_body(q, ask, page)} for ask in asks]}


def federated_body(uid: str, words: Sequence[str], ask: Ask, page: Page) -> dict[str, Any]:
    """One ask as the union of one query per word (the fallback when no offer has them all)."""
    queries = []
    for word in words:
        query: dict[str, Any] = {"indexUid": uid, "q": word, "matchingStrategy": "all"}
        if ask.filter:
            query["filter"] = ask.filter
        if ask.hits:
            if page.sort:
                query["sort"] = list(page.sort)
            query.update(_display(word))
        queries.append(query)
    federation: dict[str, Any] = {
        "page": page.number if ask.hits else 1,
        "hitsPerPage": page.size if ask.hits else 0,
    }
    if ask.facets:
        federation["facetsByIndex"] = {uid: list(ask.facets)}
    return {"federation": federation, "queries": queries}


def _display(q: str) -> dict[str, Any]:
    shown: dict[str, Any] = {"showRankingScore": True}
    if q:
        shown.update(
            {
                "attributesToHighlight": list(HIGHLIGHTED),
                "highlightPreTag": PRE_TAG,
                "highlightPostTag": POST_TAG,
            }
        )
    return shown
