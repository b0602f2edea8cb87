"""Finding one page of hits by relevance on the embedded index, cheaply and in a stable order.

Ranking needs `text_query` and scores every match; the count and the facets only need the
matching documents (`match_query`, cheaper). When enough offers score the most the query can
(`best_query`: every word in the title), they are the first page(s) and all score alike, so they
are read in start order straight from the `sort_start` column, without ranking the thousands
of other matches (`kurs` matches 70% of the catalogue). Otherwise the ranked query is searched
with the start-day tie-break in the score (`search.tantivy.rank`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import tantivy
from tantivy import Occur

from catalogue.polish import LEMMA_PREFIX
from search.query_terms import QueryTerm
from search.query_text import SynonymSpan, Unit
from search.tantivy.forms import FormsLookup
from search.tantivy.query import (
    MORPH_FIELD_POINTS,
    Forms,
    best_points,
    best_query,
    combine,
    match_query,
    text_query,
)
from search.tantivy.rank import START_WEIGHT
from search.tantivy.schema import SORT_START

Page = list[tuple[float, tantivy.DocAddress]]

# Hits fetched past the page's edges, to see whether a score is tied beyond them; the window
# widens (x16) while it is, so any margin gives the same pages. A try more is rare enough that
# 32 costs less than 256 did (each hit fetched is a stored start key read and sorted):
# benchmarks/README.md, 2026-12-07 23:15.
TIE_MARGIN = 32
# Beyond this many tied hits, ties keep tantivy's order (it is stable while the index is).
MAX_TIE_FETCH = 200_000


class Finder:
    """The documents analysed words find within some clauses, all of them (`conjunctive`) or
    any; set `matched` is the query giving them unranked."""

    def __init__(
        self,
        searcher: tantivy.Searcher,
        schema: tantivy.Schema,
        units: Sequence[Unit],
        clauses: list[tantivy.Query],
        conjunctive: bool = True,
        forms: FormsLookup | None = None,
    ) -> None:
        given = list(units)
        # The words they stand for, looked up once (a second Finder of a search shares them).
        self.forms = forms or FormsLookup(searcher)
        if not conjunctive:
            # Any word may match, but only a word that counts: a stop word or a filler word
            # never stands in for the subject ("kurs spawania" finds no course about anything
            # else). A word no offer has changes nothing, and without it the offers with all
            # the others top the list ("kurs cysterny" is then "kurs").
            given = [u for u in given if not (isinstance(u, QueryTerm) and u.optional)]
            units = [
                u
                for u in given
                if _is_category(u) or _may_match(searcher, schema, u, clauses, self.forms)
            ]
            if all(_is_category(u) for u in units):  # a category alone is no subject
                units = []
        # Asked for any word after no offer had them all (`search.tantivy.backend`): then no offer
        # has both of two words, and those with either in the title score the most (a licence
        # category is never one of "either": `search.tantivy.query._together`).
        # The rare word of an any-word search ranks above the others (RARE_WORD_POINTS).
        self.rare = None if conjunctive else _rare(searcher, units)
        self.disjoint = (
            not conjunctive
            and len(units) == len(given) == 2
            and not any(_is_category(u) for u in units)
            and self.rare is None
        )
        self.searcher, self.schema, self.units = searcher, schema, list(units)
        self.clauses, self.conjunctive = clauses, conjunctive
        self.matched: tantivy.Query | None = None  # no words: every document
        if self.units:
            self.matched = match_query(schema, self.units, self.forms, conjunctive)
        elif given:
            self.matched = tantivy.Query.empty_query()  # words, none of them indexed

    def relevance_page(self, offset: int, limit: int) -> Page:
        """Best score first; equal scores by soonest start, then id."""
        if not self.units:
            return []
        found = self._best_page(offset, limit)
        if found is not None:
            return found
        ranked = text_query(self.schema, self.units, self.forms, self.conjunctive, self.rare)
        ranked = combine(ranked, self.clauses)
        return relevance_page(self.searcher, ranked, offset, limit)[0]

    def _best_page(self, offset: int, limit: int) -> Page | None:
        if self.disjoint and all(isinstance(u, QueryTerm) for u in self.units):
            either = [(Occur.Should, best_query(self.schema, [u], self.forms)) for u in self.units]
            best, points = tantivy.Query.boolean_query(either), best_points(self.units[:1])
        else:
            best = best_query(self.schema, self.units, self.forms)
            points = best_points(self.units)
        best = combine(best, self.clauses)
        result = self.searcher.search(
            best, limit, count=True, order_by_field=SORT_START, offset=offset,
            order=tantivy.Order.Asc,
        )  # fmt: skip
        # tantivy's type stub lacks SearchResult.count (set by count=True): hence the ignore.
        if int(result.count or 0) < offset + limit:  # type: ignore[attr-defined]
            return None
        addresses = [address for _, address in result.hits]
        weights = self.searcher.fast_field_values(START_WEIGHT, addresses)
        # The score the ranked query would give them (`search.tantivy.rank`).
        return [
            (points * math.log2(2 + (w or 0.0)), a) for w, a in zip(weights, addresses, strict=True)
        ]


def _rare(searcher: tantivy.Searcher, units: Sequence[Unit]) -> Unit | None:
    """The word or synonym phrase (not a category) in at most half as many offers as any other
    that counts, by document frequencies of its lemma keys or group (cheap: no search)."""
    words = [u for u in units if not _is_category(u)]
    if len(words) < 2:
        return None
    counts = sorted((_frequency(searcher, w), i) for i, w in enumerate(words))
    (fewest, i), (next_fewest, _) = counts[0], counts[1]
    return words[i] if fewest * 2 <= next_fewest else None


def _frequency(searcher: tantivy.Searcher, unit: Unit) -> int:
    if isinstance(unit, SynonymSpan):
        keys = [unit.group]
    else:
        keys = [k for k in unit.keys if k.startswith(LEMMA_PREFIX)] or sorted(unit.keys)
    return max(searcher.doc_freq(field, key) for field in MORPH_FIELD_POINTS for key in keys)


def _is_category(unit: Unit) -> bool:
    return isinstance(unit, QueryTerm) and unit.category


def _may_match(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    unit: Unit,
    clauses: list[tantivy.Query],
    forms: Forms,
) -> bool:
    """False only for a word that no document within the clauses has in any form."""
    if isinstance(unit, SynonymSpan):
        return True
    assert isinstance(unit, QueryTerm)
    if any(searcher.doc_freq(field, key) for field in MORPH_FIELD_POINTS for key in unit.keys):
        return True  # indexed: cheap to tell, and usually right within the clauses too
    query = combine(match_query(schema, [unit], forms), clauses)
    return bool(searcher.search(query, 1, count=False).hits)


def relevance_page(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int
) -> tuple[Page, int]:
    """A page of a ranked query: best score first; equal scores by soonest start, then id.

    Scores carry the soonest-edition tie-break (`search.tantivy.rank`), so tantivy's top-k
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
        # tantivy's type stub lacks SearchResult.count (set by count=True): hence the ignore.
        hits, total = result.hits, int(result.count or 0)  # type: ignore[attr-defined]
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
