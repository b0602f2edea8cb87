"""The embedded search backend: a tantivy index in a folder, searched in-process.

Query building lives in `search.tantivy.query`, the schema in `search.tantivy.schema`, and the
folder (generations, atomic swap, reloading after other processes' commits) in
`search.tantivy.store`. This module runs a `Query`: hits in the asked order, disjunctive facet
counts, highlights and paging.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Hashable, Iterable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
import tantivy

from search.conditions import Near
from search.filters import BY_NAME
from search.geo import nearest_km
from search.highlight import highlight, snippet
from search.interface import (
    MAX_QUERY_LENGTH,
    Hit,
    IndexVersion,
    Query,
    Results,
    SearchUnavailable,
    Suggestion,
)
from search.query_checks import CheckedQuery, check_query
from search.query_terms import QueryTerm
from search.query_text import AnalysedQuery, SynonymSpan, analyse_query, warm_up_in_background
from search.relaxing import COUNT, DOCUMENTS, FULL, Search, relaxed_results, words_relaxed
from search.tantivy.answers import (
    SEARCH_ANSWERS,
    SUGGESTION_ANSWERS,
    Answers,
    PackedResults,
    pack,
    query_key,
    unpack,
)
from search.tantivy.facets import facet_counts
from search.tantivy.find import Finder, Page, relevance_page
from search.tantivy.query import combine, filter_clauses, place_clause
from search.tantivy.schema import ID, SORT_PRICE, SORT_START, STORED, to_tantivy
from search.tantivy.sort import distance_page
from search.tantivy.store import IndexStore
from search.tantivy.suggest import did_you_mean, suggest
from search.understanding import merged_filters

log = logging.getLogger(__name__)

PLACE_CLAUSE = "_place"  # the clause of the places the text names, among the filter clauses
SORT_FIELDS = {"start_date": SORT_START, "price": SORT_PRICE}


class EmbeddedBackend:
    """`SearchBackend` on a tantivy index kept in `index_dir` (see `search.tantivy.store`)."""

    def __init__(self, index_dir: Path) -> None:
        self._store = IndexStore(index_dir)
        self._search_answers: Answers[PackedResults] = Answers(SEARCH_ANSWERS)
        self._suggestion_answers: Answers[list[Suggestion]] = Answers(SUGGESTION_ANSWERS)
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
        searcher = self._searcher()
        return searcher.num_docs if searcher is not None else 0

    def version(self) -> IndexVersion:
        searcher, version = self._snapshot()
        if searcher is None or not isinstance(version, tuple):
            return IndexVersion(tag="empty")
        generation, meta = version  # `IndexStore.snapshot`: (generation, meta.json's stat)
        committed = None
        if isinstance(meta, tuple) and len(meta) == 3:
            committed = datetime.fromtimestamp(meta[1] / 1e9, UTC)
        return IndexVersion(tag=f"{generation}:{meta}", committed_at=committed)

    def _searcher(self) -> tantivy.Searcher | None:
        return self._snapshot()[0]

    def _snapshot(self) -> tuple[tantivy.Searcher | None, Hashable]:
        """The live searcher and its index version; None without an index (nothing indexed
        yet). A damaged or outdated index raises `SearchUnavailable`: an empty answer would
        hide it."""
        searcher, version = self._store.snapshot()
        if searcher is None and self._store.problem is not None:
            raise SearchUnavailable(self._store.problem)
        return searcher, version

    def search(self, query: Query) -> Results:
        started = time.perf_counter()
        checked = check_query(query)
        searcher, version = self._snapshot()
        key = query_key(query, checked.today)
        kept = self._search_answers.get(version, key) if key is not None else None
        if kept is not None:
            return unpack(kept, took_ms=_ms(started))
        results = self._search(query, checked, searcher, started)
        results = relaxed_results(self._strict_on(searcher), query, results)
        if results.total == 0 and searcher is not None:
            # Nothing found, even relaxed: a spelling that would find something.
            results.did_you_mean = self._did_you_mean(query, checked, searcher)
        results.took_ms = _ms(started)
        if key is not None:
            self._search_answers.put(version, key, pack(results))
        return results

    def _strict_on(self, searcher: tantivy.Searcher | None) -> Search:
        """Strict searches on the searcher of the answer they help make: every part of an
        answer comes from one commit (the one it is kept for), and the index folder is not
        looked at again (`IndexStore.snapshot` checks its files)."""

        def strict(query: Query, need: str = FULL) -> Results:
            """The query's answer without relaxing its place or help, nor "did you mean",
            with what `search.relaxing` needs of it."""
            started = time.perf_counter()
            return self._search(query, check_query(query), searcher, started, need)

        return strict

    def _did_you_mean(
        self, query: Query, checked: CheckedQuery, searcher: tantivy.Searcher
    ) -> str | None:
        analysed = _analysed(query.text[:MAX_QUERY_LENGTH], tuple(query.literal))
        if not analysed.units:
            return None
        chosen = merged_filters(query.filters, analysed.reading.filters)
        schema = self._store.schema
        clauses = filter_clauses(schema, chosen, searcher=searcher, today=checked.today)
        # Words meaning filters ("darmowe") stay in the suggestion and are not corrected.
        text_typed = query.text[:MAX_QUERY_LENGTH]
        return did_you_mean(searcher, schema, text_typed, list(clauses.values()))

    def _search(
        self,
        query: Query,
        checked: CheckedQuery,
        searcher: tantivy.Searcher | None,
        started: float,
        need: str = FULL,
    ) -> Results:
        today, near, page, per_page = checked.today, checked.near, checked.page, checked.per_page
        if searcher is None:
            return Results([], 0, {n: {} for n in query.facets}, page, per_page, _ms(started))
        analysed = _analysed(query.text[:MAX_QUERY_LENGTH], tuple(query.literal))
        terms, units = list(analysed.terms), analysed.units
        schema = self._store.schema
        # The person's filters and those the words mean ("darmowe": free; search.understanding)
        chosen = merged_filters(query.filters, analysed.reading.filters)
        clauses = filter_clauses(schema, chosen, searcher=searcher, today=today)
        place = place_clause(schema, analysed)
        if place is not None:  # the text named a place: it narrows the hits and every facet
            clauses[PLACE_CLAUSE] = place

        # Without words every score is equal: relevance then means soonest start first.
        order = query.sort if units or query.sort != "relevance" else "start_date"
        offset = (page - 1) * per_page
        find = Finder(searcher, schema, units, list(clauses.values()))
        # The facets count the documents found, unranked, and the same pass counts them all.
        fallback = analysed.required > 1
        facets, total = facet_counts(
            searcher, schema, find.matched, clauses, query.facets, today, stop_if_none=fallback
        )
        relaxed = []
        if total == 0 and fallback:
            # No offer has every word: show those with some of them, best first.
            find = Finder(
                searcher, schema, units, list(clauses.values()), conjunctive=False, forms=find.forms
            )
            facets, total = facet_counts(
                searcher, schema, find.matched, clauses, query.facets, today
            )
            relaxed = [words_relaxed(analysed)] if total else []
        if need == COUNT:
            return Results([], total, facets, page, per_page, _ms(started))
        found = _found(find, order, offset, per_page, near, total)
        groups = frozenset(u.group for u in units if isinstance(u, SynonymSpan))
        marked = need != DOCUMENTS
        hits = [_hit(searcher, hit, terms, groups, query.sort, marked) for hit in found]
        _add_distances(hits, near)
        results = Results(hits, total, facets, page, per_page, _ms(started))
        results.places = [p.name for p in analysed.places]
        results.understood = analysed.reading.understood(query.filters)
        results.matched_all_words, results.relaxed = not relaxed, relaxed
        return results

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        searcher, version = self._snapshot()
        if searcher is None:
            return []
        text = text[:MAX_QUERY_LENGTH]
        key = (text, limit)
        kept = self._suggestion_answers.get(version, key)
        if kept is None:
            kept = suggest(searcher, self._store.schema, text, limit)
            self._suggestion_answers.put(version, key, kept)
        return list(kept)


def _found(
    find: Finder, order: str, offset: int, limit: int, near: Near | None, total: int
) -> Page:
    """One page of the `total` documents `find` finds, in the given order."""
    if offset >= total:
        return []
    if find.units and order == "relevance":
        return find.relevance_page(offset, limit)
    query = combine(find.matched, find.clauses)
    if order == "relevance":
        return relevance_page(find.searcher, query, offset, limit)[0]
    if order == "distance" and near is not None:
        field = BY_NAME["distance"].field
        return distance_page(find.searcher, field, query, near, offset, limit)[0]
    result = find.searcher.search(
        query, limit, count=False, order_by_field=SORT_FIELDS[order], offset=offset,
        order=tantivy.Order.Asc,
    )  # fmt: skip
    return [(0.0, address) for _, address in result.hits]


def _hit(
    searcher: tantivy.Searcher,
    found: tuple[float, tantivy.DocAddress],
    terms: list[QueryTerm],
    groups: frozenset[str],
    sort: str,
    marked: bool = True,
) -> Hit:
    score, address = found
    document = orjson.loads(searcher.doc(address)[STORED][0])
    highlights = {}
    if marked:
        highlights = {
            "title": highlight(document.get("title") or "", terms, groups),
            "description": snippet(document.get("description") or "", terms, groups=groups),
        }
    return Hit(document["id"], float(score) if sort == "relevance" else 0.0, document, highlights)


def _add_distances(hits: list[Hit], near: Near | None) -> None:
    if near is None:
        return
    for hit in hits:
        km = nearest_km(hit.document.get("points") or [], near.lat, near.lon)
        hit.distance_km = None if km is None else round(km, 1)


@lru_cache(maxsize=1_024)
def _analysed(text: str, literal: tuple[str, ...]) -> AnalysedQuery:
    """`analyse_query`, remembered: a pure function of the text and the meanings taken
    literally, asked again by the strict searches of `search.relaxing`, other pages, sorts
    and filters of the same words."""
    return analyse_query(text, literal)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
