"""Facet counts of the embedded backend: exact and disjunctive.

A facet counts the documents matching the text and every filter but its own: choosing `powiat`
0862 must still show how many offers the other powiats have. The facets whose filter is not in
use share one aggregation over the full query; each one in use needs its own, without its
clause. Aggregations read fast-field columns, never stored documents:

- a terms facet is a terms aggregation (on the value sets of a multi-valued field, see
  `search.tantivy.schema.VALUE_SETS`);
- a yes/no facet (`free`, `enrolment_open`) counts the documents its "yes" would keep: a terms
  aggregation on a boolean field, or a range aggregation on a single-valued number or date
  ("enrolment until today or later"); any other condition is counted with a search.

The same counts come from per-value document bitmaps (`search.tantivy.facet_bitmaps`) when
they can be had cheaper: when the words and every filter clause are popular enough to have
their match sets kept, every pass is intersections of sets (no search at all); else when the
words find few documents, each pass fetches the ids it matches and intersects.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

import tantivy
from pyroaring import BitMap

from search.conditions import Between, IsTrue, day_number
from search.filters import get_filter
from search.tantivy.facet_bitmaps import MAX_MATCHES, REGISTRY, ValueBitmaps, counts, ids_at
from search.tantivy.query import combine, filter_clauses
from search.tantivy.schema import ID, MISSING, VALUE_SEPARATOR, VALUE_SETS

log = logging.getLogger(__name__)

# Larger than the number of values any filter has (58 narrow ISCED fields, 15 places), so
# tantivy's terms aggregation returns every bucket and the counts are exact.
FACET_SIZE = 1_000
SET_SIZE = 100_000  # distinct sets of values of a multi-valued facet (powiats of an offer)

Counts = dict[str, int]
TOTAL = "_total"  # the aggregation counting the matching documents (no filter is so named)
Reader = Callable[[dict[str, Any]], Counts]


def facet_counts(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    text: tantivy.Query | None,
    clauses: Mapping[str, tantivy.Query],
    names: Iterable[str],
    today: date,
    stop_if_none: bool = False,
) -> tuple[dict[str, Counts], int]:
    """filter name -> value -> number of matching documents, each under the other filters; and
    the number of documents matching the text and every filter, counted in the same pass.
    With `stop_if_none`, no document matching means ({}, 0) at once."""
    names = list(dict.fromkeys(names))
    bitmaps = REGISTRY.get(searcher, schema)
    if bitmaps is not None:
        done = by_match_sets(bitmaps, text, clauses, names, today, stop_if_none)
        if done is not None:
            return done
    count = _counter(searcher, schema, bitmaps, text, today)
    shared = [n for n in names if n not in clauses]
    query = combine(text, clauses.values())
    found, total = count(query, shared, True)
    if stop_if_none and total == 0:
        return {}, 0
    for name in names:
        if name in clauses:
            others = combine(text, [c for other, c in clauses.items() if other != name])
            found.update(count(others, [name], False)[0])
    return {name: found[name] for name in names}, total


Pass = Callable[[tantivy.Query, list[str], bool], tuple[dict[str, Counts], int]]


def by_match_sets(
    bitmaps: ValueBitmaps,
    text: tantivy.Query | None,
    clauses: Mapping[str, tantivy.Query],
    names: list[str],
    today: date,
    stop_if_none: bool = False,
) -> tuple[dict[str, Counts], int] | None:
    """`facet_counts` from the kept match sets of the words, of each clause and of each yes/no
    facet's "yes", all nested in the passes' conjunctions as they are here; None (and their
    sets fetched later, if popular) when one is not kept."""
    every = bitmaps.match_set(combine(text, []))
    sets = {name: bitmaps.match_set(combine(None, [c])) for name, c in clauses.items()}
    yes: dict[str, BitMap | None] = {}
    for name in names:
        if name not in bitmaps.facets:
            (clause,) = filter_clauses(
                bitmaps.schema, {name: True}, searcher=bitmaps.searcher, today=today
            ).values()
            yes[name] = bitmaps.match_set(combine(None, [clause]))
    if every is None:
        return None
    kept = {name: found for name, found in sets.items() if found is not None}
    flags = {name: found for name, found in yes.items() if found is not None}
    if len(kept) < len(sets) or len(flags) < len(yes):
        return None

    def within(skip: str | None = None) -> BitMap:
        found = every
        for name, matched in kept.items():
            if name != skip:
                found = found & matched
        return found

    everything = within()
    total = len(everything)
    if stop_if_none and total == 0:
        return {}, 0
    result: dict[str, Counts] = {}
    for name in names:
        found = within(name) if name in clauses else everything
        values = bitmaps.facets.get(name)
        if values is not None:
            result[name] = counts(values, found)
        else:
            result[name] = _yes([found.intersection_cardinality(flags[name])])
    return result, total


def _counter(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    bitmaps: ValueBitmaps | None,
    text: tantivy.Query | None,
    today: date,
) -> Pass:
    """How to count one pass (a query, some facets; and its total if asked) for a search with
    these words: by bitmaps when they are built and the words find few documents, else by
    aggregating."""
    if bitmaps is not None and text is not None:
        size = bitmaps.text_size(text)
        if size <= MAX_MATCHES:
            return lambda query, names, _: _by_bitmaps(bitmaps, query, names, today, size)
    return lambda query, names, total: _count(searcher, schema, query, names, today, total)


def _by_bitmaps(
    bitmaps: ValueBitmaps, query: tantivy.Query, names: list[str], today: date, limit: int
) -> tuple[dict[str, Counts], int]:
    """The facets of `names` over `query`, which matches at most `limit` documents, and the
    number it matches: terms facets by bitmaps, yes/no facets from the matches' columns."""
    searcher, schema = bitmaps.searcher, bitmaps.schema
    addresses = bitmaps.addresses(query, limit)
    found = ids_at(searcher, addresses)
    result: dict[str, Counts] = {}
    for name in names:
        values = bitmaps.facets.get(name)
        if values is not None:
            result[name] = counts(values, found)
        else:
            result[name] = _flag(searcher, schema, query, name, today, addresses)
    return result, len(addresses)


def _flag(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    name: str,
    today: date,
    addresses: list[tantivy.DocAddress],
) -> Counts:
    """A yes/no facet over the documents at `addresses` (those `query` matches), as `_plan`
    counts it: its "yes" column value, or a search for any other condition."""
    spec = get_filter(name)
    condition = spec.condition(True, today)
    if not addresses:
        return {}
    if isinstance(condition, IsTrue):
        column = searcher.fast_field_values(condition.field, addresses)
        return _yes([sum(1 for value in column if value in (1, True))])
    if isinstance(condition, Between) and condition.high is None and not spec.multi_valued:
        low = condition.low
        start = day_number(low) if isinstance(low, date) else low
        if start is not None:
            column = searcher.fast_field_values(condition.field, addresses)
            return _yes([sum(1 for v in column if v is not None and v >= start)])
    return _searched(searcher, schema, query, name, today)


def _count(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    names: list[str],
    today: date,
    with_total: bool = False,
) -> tuple[dict[str, Counts], int]:
    """The facets of `names` over one query: one aggregation, searches only where needed; and
    with `with_total` the number of matching documents, in the same aggregation (else 0)."""
    plans = {name: _plan(name, today) for name in names}
    request = {name: plan[0] for name, plan in plans.items() if plan is not None}
    if with_total:
        request[TOTAL] = {"value_count": {"field": ID}}  # one column read: cheaper than a search
    answer = searcher.aggregate(query, request) if request else {}
    total = int(answer[TOTAL]["value"]) if with_total else 0
    counts: dict[str, Counts] = {}
    for name, plan in plans.items():
        if plan is None:
            counts[name] = _searched(searcher, schema, query, name, today)
        else:
            counts[name] = plan[1](answer.get(name) or {})
    return counts, total


def _plan(name: str, today: date) -> tuple[dict[str, Any], Reader] | None:
    """The aggregation request of a facet and how to read its answer (None: count by search)."""
    spec = get_filter(name)
    if spec.kind == "terms":
        field = VALUE_SETS.get(spec.field, spec.field)
        sets = field != spec.field
        size = SET_SIZE if sets else FACET_SIZE
        return {"terms": {"field": field, "size": size}}, lambda r: _spread(name, size, r, sets)
    condition = spec.condition(True, today)
    if isinstance(condition, IsTrue):
        request = {"terms": {"field": condition.field, "size": 2}}
        return request, lambda r: _yes(b["doc_count"] for b in _buckets(r) if b["key"] in (1, True))
    if isinstance(condition, Between) and condition.high is None and not spec.multi_valued:
        low = condition.low
        start = day_number(low) if isinstance(low, date) else low
        request = {"range": {"field": condition.field, "ranges": [{"from": start}]}}
        return request, lambda r: _yes(
            b["doc_count"] for b in _buckets(r) if "from" in b and "to" not in b
        )
    return None


def _buckets(result: dict[str, Any]) -> list[dict[str, Any]]:
    return list(result.get("buckets", ()))


def _yes(counts: Iterable[int]) -> Counts:
    total = sum(counts)
    return {"true": total} if total else {}


def _spread(name: str, size: int, result: dict[str, Any], sets: bool) -> Counts:
    """value -> count, from buckets of values or of value sets ("0804\\x1f0862": 3)."""
    if result.get("sum_other_doc_count"):
        log.warning("facet %s has more than %d values: counts are cut", name, size)
    if not sets:
        return {str(b["key"]): int(b["doc_count"]) for b in _buckets(result) if b["key"] != MISSING}
    counts: Counter[str] = Counter()
    for bucket in _buckets(result):
        if bucket["key"] == MISSING:
            continue
        count = bucket["doc_count"]
        for key in bucket["key"].split(VALUE_SEPARATOR):
            counts[key] += count
    return dict(counts)


def _searched(
    searcher: tantivy.Searcher, schema: tantivy.Schema, query: tantivy.Query, name: str, today: date
) -> Counts:
    (yes,) = filter_clauses(schema, {name: True}, searcher=searcher, today=today).values()
    found = searcher.search(combine(None, [query, yes]), 1, count=True)
    # `count` is set by count=True, and missing from tantivy's type stub: hence the ignore.
    return _yes([int(found.count or 0)])  # type: ignore[attr-defined]
