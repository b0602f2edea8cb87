"""Facet counts from per-value document bitmaps, for searches that find few offers.

tantivy's terms aggregation reads every matching document's column once per facet: about 2 ms
for eleven facets however few documents match, and one more pass for each filter in use (a
disjunctive facet counts without its own filter). Here each value of a terms facet has the set
of offer ids holding it (a `pyroaring.BitMap`), built once per searcher (that is, per commit of
the index); a pass then fetches the ids of the documents it matches and counts each value by one
intersection in C.

Fetching ids goes through Python objects (tantivy-py gives addresses, then the `id` column):
about 0.3 µs a document, so it pays only for small sets. Measured on 100,000 offers: 1,862
documents (`spawanie`) aggregated in 1.0 ms against 0.7 ms here; 70,510 (`kurs`) 13.6 ms
against 48 ms. So a search uses bitmaps only when its words find at most `MAX_MATCHES`
documents (counted once per searcher and words, `text_size`); every pass is a subset of those.

Bitmaps of a large index are built in a background thread; searches aggregate until they are
ready. A small index builds them at once. An id above 2^32 - 1 (none is) turns bitmaps off.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import cast

import tantivy
from pyroaring import BitMap

from search.filters import TERM_FILTERS
from search.tantivy.schema import ID, MISSING, VALUE_SEPARATOR, VALUE_SETS

log = logging.getLogger(__name__)

MAX_MATCHES = 3_000  # documents the words may find for a search to count by bitmaps
BUILD_AT_ONCE = 20_000  # documents up to which the bitmaps are built in the searching thread
SEARCHERS = 4  # searchers (commits) whose bitmaps are kept; older ones are dropped
TEXT_SIZES = 4_096  # words' match counts remembered per searcher
VALUES = 100_000  # more distinct values (or value sets) than any facet has

Values = dict[str, BitMap]  # facet value -> ids of the documents holding it


class ValueBitmaps:
    """The bitmaps of every terms facet over one searcher; `ready` once built."""

    def __init__(self, searcher: tantivy.Searcher, schema: tantivy.Schema) -> None:
        self.searcher, self.schema = searcher, schema
        self.facets: dict[str, Values] = {}
        self.ready = threading.Event()
        self.failed = False
        self._sizes: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()

    def build(self) -> None:
        try:
            self.facets = {spec.name: self._values(spec.field) for spec in TERM_FILTERS}
        except (OverflowError, ValueError) as error:  # an id beyond 32 bits, a changed field
            log.warning("facet bitmaps are off for this index: %s", error)
            self.failed = True
        self.ready.set()

    def _values(self, field: str) -> Values:
        """value -> ids, for a terms facet's document field (multi-valued or not)."""
        column = VALUE_SETS.get(field, field)
        answer = self.searcher.aggregate(
            tantivy.Query.all_query(), {"v": {"terms": {"field": column, "size": VALUES}}}
        )
        holding: dict[str, int] = {}
        for bucket in answer["v"].get("buckets", ()):
            if bucket["key"] == MISSING:
                continue
            for value in str(bucket["key"]).split(VALUE_SEPARATOR):
                holding[value] = holding.get(value, 0) + int(bucket["doc_count"])
        return {
            value: self.ids(tantivy.Query.term_query(self.schema, field, value), size)
            for value, size in holding.items()
        }

    def ids(self, query: tantivy.Query, limit: int) -> BitMap:
        """The ids of the documents `query` matches (at most `limit`: give at least as many)."""
        if limit <= 0:
            return BitMap()
        found = self.searcher.search(query, limit, count=False, order_by_field=ID)
        return ids_at(self.searcher, [address for _, address in found.hits])

    def addresses(self, query: tantivy.Query, limit: int) -> list[tantivy.DocAddress]:
        if limit <= 0:
            return []
        found = self.searcher.search(query, limit, count=False, order_by_field=ID)
        return [address for _, address in found.hits]

    def text_size(self, text: tantivy.Query) -> int:
        """How many documents the words' query matches (remembered per searcher)."""
        key = repr(text)  # tantivy's full description of the query: equal queries, equal text
        with self._lock:
            size = self._sizes.get(key)
            if size is not None:
                self._sizes.move_to_end(key)
                return size
        found = self.searcher.search(text, 1, count=True)
        # `count` is set by count=True, and missing from tantivy's type stub: hence the ignore.
        size = int(found.count or 0)  # type: ignore[attr-defined]
        with self._lock:
            self._sizes[key] = size
            while len(self._sizes) > TEXT_SIZES:
                self._sizes.popitem(last=False)
        return size


def ids_at(searcher: tantivy.Searcher, addresses: list[tantivy.DocAddress]) -> BitMap:
    """The ids of the documents at these addresses (every document has one)."""
    if not addresses:
        return BitMap()
    return BitMap(cast("list[int]", searcher.fast_field_values(ID, addresses)))


def counts(values: Values, found: BitMap) -> dict[str, int]:
    """value -> how many of `found` hold it (values none holds are left out, as tantivy does)."""
    counted = {value: found.intersection_cardinality(ids) for value, ids in values.items()}
    return {value: n for value, n in counted.items() if n}


class Registry:
    """The bitmaps of the latest few searchers of a process, by searcher object (the index
    store hands out one searcher object per commit: `search.tantivy.store`)."""

    def __init__(self) -> None:
        self._kept: OrderedDict[int, ValueBitmaps] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, searcher: tantivy.Searcher, schema: tantivy.Schema) -> ValueBitmaps | None:
        """The searcher's bitmaps if they are built; None while they are being built."""
        with self._lock:
            bitmaps = self._kept.get(id(searcher))
            if bitmaps is None or bitmaps.searcher is not searcher:
                bitmaps = ValueBitmaps(searcher, schema)  # (it keeps the searcher, so its id)
                self._kept[id(searcher)] = bitmaps
                while len(self._kept) > SEARCHERS:
                    self._kept.popitem(last=False)
                start = True
            else:
                self._kept.move_to_end(id(searcher))
                start = False
        if start:
            if searcher.num_docs <= BUILD_AT_ONCE:
                bitmaps.build()
            else:
                threading.Thread(target=bitmaps.build, name="facet-bitmaps", daemon=True).start()
        if not bitmaps.ready.is_set() or bitmaps.failed:
            return None
        return bitmaps


REGISTRY = Registry()
