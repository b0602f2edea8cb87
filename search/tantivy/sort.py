"""Sorting the embedded backend's hits by distance: nearest edition first, ties by id, offers
without a place (online only, or place unknown) last by id.

tantivy has no geo sort, but offers are held at a few hundred distinct places at most. The
indexed point keys (`search.geo`) are put in order of distance and grouped by equal distance;
an offer's distance is that of its nearest group. The offers of group k are those having a key
of group k and none of the groups before it, listed by id. A page then needs: counting searches
to find the group holding its first hit (the number of offers within the first k groups only
grows with k, so an exponential then binary search), and one search per group the page spans.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

import orjson
import tantivy
from tantivy import Occur

from search.conditions import Near
from search.geo import haversine_km, key_point, point_key
from search.tantivy.schema import ID, STORED, shared_schema

Page = list[tuple[float, tantivy.DocAddress]]
FEW_HITS = 256  # up to this many hits are read and sorted at once


def distance_page(
    searcher: tantivy.Searcher,
    field: str,
    query: tantivy.Query,
    near: Near,
    offset: int,
    limit: int,
) -> tuple[Page, int]:
    """One page of the hits of `query` nearest to `near` first, and the number of hits."""
    schema = shared_schema()
    total = _count(searcher, query)
    if total <= FEW_HITS:
        return _few_by_distance(searcher, field, query, near, total)[offset : offset + limit], total
    groups = _groups(searcher, field, near)

    def within(k: int) -> int:  # the hits having a key of one of the groups before k
        return _count_within(searcher, query, schema, field, groups[:k])

    first = _first_group(within, offset, len(groups))
    skip = offset - within(first)  # hits of the first group that belong to earlier pages
    hits: Page = []
    for k in range(first, len(groups)):
        if len(hits) == limit:
            return hits, total
        parts = [(Occur.Must, query), (Occur.Must, _union(schema, field, groups[k : k + 1]))]
        if k:
            parts.append((Occur.MustNot, _union(schema, field, groups[:k])))
        hits += _by_id(searcher, tantivy.Query.boolean_query(parts), skip, limit - len(hits))
        skip = 0
    if len(hits) < limit:
        nowhere = tantivy.Query.boolean_query(
            [(Occur.Must, query), (Occur.MustNot, tantivy.Query.exists_query(field))]
        )
        hits += _by_id(searcher, nowhere, max(0, offset - within(len(groups))), limit - len(hits))
    return hits, total


def _few_by_distance(
    searcher: tantivy.Searcher, field: str, query: tantivy.Query, near: Near, total: int
) -> Page:
    """Every hit of a query with few of them, in the order the groups give: one search and
    their stored points instead of a search per group (a village with 15 hits among a hundred
    groups of places took 0.1 s)."""
    hits = _by_id(searcher, query, 0, total)
    keyed = []
    for score, address in hits:
        document = orjson.loads(searcher.doc(address)[STORED][0])
        distances = [
            round(haversine_km(near.lat, near.lon, *key_point(point_key(*point))), 6)
            for point in document.get(field) or ()
        ]
        keyed.append(((0, min(distances)) if distances else (1, 0.0), document[ID], score, address))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [(score, address) for _, _, score, address in keyed]


def _groups(searcher: tantivy.Searcher, field: str, near: Near) -> list[list[str]]:
    """Every indexed point key, grouped by equal distance from `near`, nearest first."""
    keys = [key for key, _ in searcher.terms_with_prefix(field, "")]
    measured = sorted(
        (round(haversine_km(near.lat, near.lon, *key_point(key)), 6), key) for key in keys
    )
    return [[key for _, key in group] for _, group in groupby(measured, key=lambda m: m[0])]


def _first_group(within: Callable[[int], int], offset: int, size: int) -> int:
    """The group holding hit number `offset` (counted from 0): the least k such that more than
    `offset` hits lie within groups 0..k; `size` when it lies among the offers without a place."""

    def reaches(k: int) -> bool:
        return within(k + 1) > offset

    if size == 0:
        return 0
    low, high = 0, 0
    while not reaches(high):  # probe 0, 1, 3, 7, … then bisect between the last two probes
        if high == size - 1:
            return size
        low, high = high + 1, min(2 * high + 1, size - 1)
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if reaches(middle) else (middle + 1, high)
    return low


def _union(schema: tantivy.Schema, field: str, groups: list[list[str]]) -> tantivy.Query:
    return tantivy.Query.term_set_query(schema, field, [key for g in groups for key in g])


def _count_within(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    schema: tantivy.Schema,
    field: str,
    groups: list[list[str]],
) -> int:
    if not groups:
        return 0
    within = _union(schema, field, groups)
    both = tantivy.Query.boolean_query([(Occur.Must, query), (Occur.Must, within)])
    return _count(searcher, both)


def _by_id(searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int) -> Page:
    if limit <= 0:
        return []
    result = searcher.search(
        query, limit, count=False, order_by_field=ID, offset=offset, order=tantivy.Order.Asc
    )
    return [(0.0, address) for _, address in result.hits]


def _count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    # tantivy's type stub lacks SearchResult.count (set by count=True): hence the ignore.
    return int(searcher.search(query, 1, count=True).count or 0)  # type: ignore[attr-defined]
