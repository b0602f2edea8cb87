"""The embedded search backend: a tantivy index in a folder, searched in-process.

Query building lives in `search.tantivy_query`, the schema in `search.tantivy_schema`, and the
folder (generations, atomic swap, reloading after other processes' commits) in
`search.tantivy_store`. This module runs a `Query`: hits in the asked order, disjunctive facet
counts, highlights and paging.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import tantivy

from search.conditions import Near
from search.filters import BY_NAME, conditions, near_point
from search.geo import nearest_km
from search.highlight import highlight, snippet
from search.interface import (
    MAX_PER_PAGE,
    MAX_QUERY_LENGTH,
    SORTS,
    Hit,
    Query,
    Results,
    Suggestion,
)
from search.polish import QueryTerm
from search.query_text import Unit, analyse_query, warm_up_in_background
from search.suggest import did_you_mean, suggest
from search.tantivy_facets import check_facets, facet_counts
from search.tantivy_query import (
    best_query,
    combine,
    filter_clauses,
    match_query,
    place_clause,
    text_query,
)
from search.tantivy_rank import START_WEIGHT
from search.tantivy_schema import ID, SORT_PRICE, SORT_START, STORED, to_tantivy
from search.tantivy_sort import distance_page
from search.tantivy_store import IndexStore

log = logging.getLogger(__name__)

# Beyond this many tied hits, ties keep tantivy's order (it is stable while the index is).
MAX_TIE_FETCH = 200_000
# Hits fetched past the page's end, to see whether its last score is tied beyond it.
TIE_MARGIN = 64
PLACE_CLAUSE = "_place"  # the clause of the places the text names, among the filter clauses
SORT_FIELDS = {"start_date": SORT_START, "price": SORT_PRICE}

Page = list[tuple[float, tantivy.DocAddress]]


class EmbeddedBackend:
    """`SearchBackend` on a tantivy index kept in `index_dir` (see `search.tantivy_store`)."""

    def __init__(self, index_dir: Path) -> None:
        self._store = IndexStore(index_dir)
        warm_up_in_background()

    def index(self, documents: Iterable[dict[str, Any]]) -> None:
        # Convert everything first: a bad document fails the call before anything is written.
        latest = {doc["id"]: to_tantivy(doc) for doc in documents}
        if not latest:
            return
        with self._store.writing() as writer:
            for doc_id, doc in latest.items():
                writer.delete_documents_by_term(ID, doc_id)
                writer.add_document(doc)

    def delete(self, ids: Iterable[int]) -> None:
        unique = sorted({int(i) for i in ids})
        if not unique or self._store.searcher() is None:
            return
        with self._store.writing() as writer:
            for doc_id in unique:
                writer.delete_documents_by_term(ID, doc_id)

    def rebuild(self, documents: Iterable[dict[str, Any]]) -> None:
        def fill(writer: tantivy.IndexWriter) -> None:
            for doc in documents:
                writer.delete_documents_by_term(ID, doc["id"])  # a repeated id keeps its last
                writer.add_document(to_tantivy(doc))

        self._store.replace(fill)

    def count(self) -> int:
        searcher = self._store.searcher()
        return searcher.num_docs if searcher is not None else 0

    def search(self, query: Query) -> Results:
        started = time.perf_counter()
        if query.sort not in SORTS:
            raise ValueError(f"unknown sort {query.sort!r}; known: {', '.join(SORTS)}")
        check_facets(query.facets)
        today = date.today()
        conditions(query.filters, today)  # an unknown filter or a wrong value fails here
        near = near_point(query.filters)
        if query.sort == "distance" and near is None:
            raise ValueError("sort=distance needs a point: the `distance` filter's Near")
        page = max(1, query.page)
        per_page = min(max(1, query.per_page), MAX_PER_PAGE)
        analysed = analyse_query(query.text[:MAX_QUERY_LENGTH])
        terms, units = list(analysed.terms), analysed.units
        schema = self._store.schema
        searcher = self._store.searcher()
        if searcher is None:
            return Results([], 0, {n: {} for n in query.facets}, page, per_page, _ms(started))
        clauses = filter_clauses(schema, query.filters, searcher=searcher, today=today)
        filters = list(clauses.values())
        place = place_clause(schema, analysed)
        if place is not None:  # the text named a place: it narrows the hits and every facet
            clauses[PLACE_CLAUSE] = place

        # Without words every score is equal: relevance then means soonest start first.
        order = query.sort if units or query.sort != "relevance" else "start_date"
        offset = (page - 1) * per_page
        find = _Finder(searcher, schema, units, list(clauses.values()))
        found, total = find.page(order, offset, per_page, near)
        if total == 0 and analysed.required > 1:
            # No offer has every word: show those with some of them, best first.
            find = _Finder(searcher, schema, units, list(clauses.values()), conjunctive=False)
            found, total = find.page(order, offset, per_page, near)
        text = find.matched

        hits = [_hit(searcher, score, address, terms, query.sort) for score, address in found]
        _add_distances(hits, near)
        facets = facet_counts(searcher, schema, text, clauses, query.facets, today)
        results = Results(hits, total, facets, page, per_page, _ms(started))
        results.places = [p.name for p in analysed.places]
        if total == 0 and units:
            text_typed = query.text[:MAX_QUERY_LENGTH]
            results.did_you_mean = did_you_mean(searcher, schema, text_typed, filters)
            results.took_ms = _ms(started)
        return results

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        searcher = self._store.searcher()
        if searcher is None:
            return []
        return suggest(searcher, self._store.schema, text[:MAX_QUERY_LENGTH], limit)


class _Finder:
    """The hits of analysed words within some clauses, in an order, found the cheap way.

    Ranking needs `text_query`; counting, facets and field sorts only need its documents
    (`match_query`, cheaper); when enough offers score the most a query can (`best_query`), a
    page by relevance is found among them alone.
    """

    def __init__(
        self,
        searcher: tantivy.Searcher,
        schema: tantivy.Schema,
        units: Sequence[Unit],
        clauses: list[tantivy.Query],
        conjunctive: bool = True,
    ) -> None:
        self.searcher, self.schema, self.units = searcher, schema, units
        self.clauses, self.conjunctive = clauses, conjunctive
        self.matched = match_query(schema, units, conjunctive) if units else None

    def page(self, order: str, offset: int, limit: int, near: Near | None) -> tuple[Page, int]:
        searcher, clauses = self.searcher, self.clauses
        if not self.units or order != "relevance":
            return _page(searcher, combine(self.matched, clauses), order, offset, limit, near)
        if self.conjunctive:
            best = combine(best_query(self.schema, self.units), clauses)
            found, best_total = _page(searcher, best, order, offset, limit)
            if best_total >= offset + limit:
                return found, _count(searcher, combine(self.matched, clauses))
        ranked = combine(text_query(self.schema, self.units, self.conjunctive), clauses)
        return _page(searcher, ranked, order, offset, limit)


def _count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    # An aggregation scores nothing: cheaper than a search for one hit.
    answer = searcher.aggregate(query, {"n": {"value_count": {"field": ID}}})
    return int(answer["n"]["value"])


def _page(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    order: str,
    offset: int,
    limit: int,
    near: Near | None = None,
) -> tuple[Page, int]:
    """One page of hits in the given order, and the number of matching documents."""
    if offset >= searcher.num_docs:  # tantivy would allocate room for `offset` hits
        return [], _total(searcher.search(query, 1, count=True))
    if order == "relevance":
        return _by_relevance(searcher, query, offset, limit)
    if order == "distance" and near is not None:
        return distance_page(searcher, BY_NAME["distance"].field, query, near, offset, limit)
    field = SORT_FIELDS[order]
    result = searcher.search(
        query, limit, count=True, order_by_field=field, offset=offset, order=tantivy.Order.Asc
    )
    return [(0.0, address) for _, address in result.hits], _total(result)


def _by_relevance(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int
) -> tuple[Page, int]:
    """Best score first; equal scores by soonest start, then id.

    Scores carry the soonest-edition tie-break (`search.tantivy_rank`), so tantivy's top-k
    collector does the ordering and only offers starting on the same day (or without a date)
    still tie. tantivy orders those by its internal document order, which changes with merges,
    so a window around the page is fetched, widened while the page's first or last score is
    tied past its edges, and ordered by score, then start key (day, then id): pages never
    overlap or skip.
    """
    before, after = min(offset, TIE_MARGIN), TIE_MARGIN
    while True:
        start, size = offset - before, before + limit + after
        result = searcher.search(
            query, size, count=True, offset=start, weight_by_field=START_WEIGHT
        )
        hits, total = result.hits, _total(result)
        if len(hits) <= before:  # past the last hit
            return [], total
        tied_before = start > 0 and hits[0][0] == hits[before][0]
        last = hits[min(before + limit, len(hits)) - 1][0]
        tied_after = start + size < total and hits[-1][0] == last
        if not (tied_before or tied_after) or size >= MAX_TIE_FETCH:
            break
        # Each try scores every match again: widen a lot. A tie before the page is usually the
        # group without a date, page 2 onwards, whose members all start the page: from the top.
        before = offset if tied_before else before
        after = after * 16 if tied_after else after
    keys = searcher.fast_field_values(SORT_START, [address for _, address in hits])
    order = sorted(range(len(hits)), key=lambda i: (-hits[i][0], keys[i] or 0))
    return [hits[i] for i in order[before : before + limit]], total


def _hit(
    searcher: tantivy.Searcher,
    score: float,
    address: tantivy.DocAddress,
    terms: list[QueryTerm],
    sort: str,
) -> Hit:
    document = json.loads(searcher.doc(address)[STORED][0])
    highlights = {
        "title": highlight(document.get("title") or "", terms),
        "description": snippet(document.get("description") or "", terms),
    }
    return Hit(document["id"], float(score) if sort == "relevance" else 0.0, document, highlights)


def _add_distances(hits: list[Hit], near: Near | None) -> None:
    if near is None:
        return
    for hit in hits:
        km = nearest_km(hit.document.get("points") or [], near.lat, near.lon)
        hit.distance_km = None if km is None else round(km, 1)


def _total(result: tantivy.SearchResult) -> int:
    # The type stub of tantivy-py omits `count`, which `search(count=True)` always sets.
    return int(result.count or 0)  # type: ignore[attr-defined]


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
