"""The embedded search backend: a tantivy index in a folder, searched in-process.

Query building lives in `search.tantivy_query`, the schema in `search.tantivy_schema`, and the
folder (generations, atomic swap, reloading after other processes' commits) in
`search.tantivy_store`. This module runs a `Query`: hits in the asked order, disjunctive facet
counts, highlights and paging.
"""

from __future__ import annotations

import bisect
import heapq
import json
import logging
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tantivy

from search.filters import get_filter
from search.highlight import highlight, snippet
from search.interface import MAX_PER_PAGE, MAX_QUERY_LENGTH, SORTS, Hit, Query, Results
from search.polish import QueryTerm, query_terms
from search.tantivy_query import combine, filter_clauses, text_query
from search.tantivy_schema import ID, SORT_PRICE, SORT_START, STORED, to_tantivy
from search.tantivy_store import IndexStore

log = logging.getLogger(__name__)

# Larger than the number of values any filter has (14 powiats + online, 12 ISCED fields), so
# tantivy's terms aggregation returns every bucket and the counts are exact.
FACET_SIZE = 1_000
# Beyond this many tied hits, ties keep tantivy's order (it is stable while the index is).
MAX_TIE_FETCH = 200_000
SORT_FIELDS = {"start_date": SORT_START, "price": SORT_PRICE}

Page = list[tuple[float, tantivy.DocAddress]]


class EmbeddedBackend:
    """`SearchBackend` on a tantivy index kept in `index_dir` (see `search.tantivy_store`)."""

    def __init__(self, index_dir: Path) -> None:
        self._store = IndexStore(index_dir)

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
        for name in query.facets:
            get_filter(name)
        page = max(1, query.page)
        per_page = min(max(1, query.per_page), MAX_PER_PAGE)
        terms = query_terms(query.text[:MAX_QUERY_LENGTH])
        schema = self._store.schema
        clauses = filter_clauses(schema, query.filters)
        searcher = self._store.searcher()
        if searcher is None:
            return Results([], 0, {n: {} for n in query.facets}, page, per_page, _ms(started))

        text = text_query(schema, terms) if terms else None
        # Without words every score is equal: relevance then means soonest start first.
        order = query.sort if terms or query.sort != "relevance" else "start_date"
        offset = (page - 1) * per_page
        found, total = _page(searcher, combine(text, clauses.values()), order, offset, per_page)
        if total == 0 and sum(not t.stopword for t in terms) > 1:
            # No offer has every word: show those with some of them, best first.
            text = text_query(schema, terms, conjunctive=False)
            found, total = _page(searcher, combine(text, clauses.values()), order, offset, per_page)

        hits = [_hit(searcher, score, address, terms, query.sort) for score, address in found]
        facets = _facets(searcher, text, clauses, query.facets)
        return Results(hits, total, facets, page, per_page, _ms(started))


def _page(
    searcher: tantivy.Searcher, query: tantivy.Query, order: str, offset: int, limit: int
) -> tuple[Page, int]:
    """One page of hits in the given order, and the number of matching documents."""
    if offset >= searcher.num_docs:  # tantivy would allocate room for `offset` hits
        return [], _total(searcher.search(query, 1, count=True))
    if order == "relevance":
        return _by_relevance(searcher, query, offset, limit)
    field = SORT_FIELDS[order]
    result = searcher.search(
        query, limit, count=True, order_by_field=field, offset=offset, order=tantivy.Order.Asc
    )
    return [(0.0, address) for _, address in result.hits], _total(result)


def _by_relevance(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int
) -> tuple[Page, int]:
    """Best score first; equal scores by soonest start, then id.

    tantivy breaks ties by its internal document order, which changes with merges. When the
    page's last hit may have ties beyond what was fetched, every match is fetched (a regional
    catalogue has thousands, not millions) and the tied group is ordered by start key here, so
    pages never overlap or skip. Fuzzy and prefix matches score a constant: such ties are common.
    """
    need = offset + limit
    fetch = max(2 * need, 50)
    result = searcher.search(query, fetch, count=True)
    hits = result.hits
    if len(hits) == fetch and hits[-1][0] == hits[need - 1][0]:
        result = searcher.search(query, min(_total(result), MAX_TIE_FETCH), count=True)
        hits = result.hits
    if not hits:
        return [], _total(result)
    # Hits come best first: those above the page's last score all belong on the page, and
    # the page is completed with the tied hits that start soonest.
    last = hits[min(need, len(hits)) - 1][0]
    above = bisect.bisect_left(hits, -last, key=lambda hit: -hit[0])
    tied_end = bisect.bisect_right(hits, -last, key=lambda hit: -hit[0])
    ranked = _by_start(searcher, hits[:above])
    tied = hits[above:tied_end]
    keys = searcher.fast_field_values(SORT_START, [address for _, address in tied])
    soonest = heapq.nsmallest(need - len(ranked), range(len(tied)), key=lambda i: keys[i] or 0)
    ranked += [tied[i] for i in soonest]
    return ranked[offset:need], _total(result)


def _by_start(searcher: tantivy.Searcher, hits: Page) -> Page:
    """Hits by score, equal scores by their start key."""
    keys = searcher.fast_field_values(SORT_START, [address for _, address in hits])
    order = sorted(range(len(hits)), key=lambda i: (-hits[i][0], keys[i] or 0))
    return [hits[i] for i in order]


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


def _facets(
    searcher: tantivy.Searcher,
    text: tantivy.Query | None,
    clauses: Mapping[str, tantivy.Query],
    names: Iterable[str],
) -> dict[str, dict[str, int]]:
    """Counts per value, each facet under every filter but its own (disjunctive facets).

    Facets whose filter is not in use share one aggregation over the full query; each facet in
    use needs its own, without its clause: choosing `powiat` 0862 must still show how many
    offers the other powiats have.
    """
    names = list(dict.fromkeys(names))
    shared = [n for n in names if n not in clauses]
    counts: dict[str, dict[str, int]] = {}
    if shared:
        counts.update(_aggregate(searcher, combine(text, clauses.values()), shared))
    for name in names:
        if name in clauses:
            others = [clause for other, clause in clauses.items() if other != name]
            counts.update(_aggregate(searcher, combine(text, others), [name]))
    return {name: counts[name] for name in names}


def _aggregate(
    searcher: tantivy.Searcher, query: tantivy.Query, names: list[str]
) -> dict[str, dict[str, int]]:
    request = {n: {"terms": {"field": get_filter(n).field, "size": FACET_SIZE}} for n in names}
    answer = searcher.aggregate(query, request)
    counts = {}
    for name in names:
        result = answer.get(name) or {}
        if result.get("sum_other_doc_count"):
            log.warning("facet %s has more than %d values: counts are cut", name, FACET_SIZE)
        counts[name] = {str(b["key"]): int(b["doc_count"]) for b in result.get("buckets", ())}
    return counts


def _total(result: tantivy.SearchResult) -> int:
    # The type stub of tantivy-py omits `count`, which `search(count=True)` always sets.
    return int(result.count or 0)  # type: ignore[attr-defined]


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
