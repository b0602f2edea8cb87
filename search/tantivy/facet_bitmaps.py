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
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import cast

import tantivy
from pyroaring import BitMap

from search.filters import TERM_FILTERS
from search.tantivy.schema import ID, MISSING, VALUE_SEPARATOR, VALUE_SETS

log = logging.getLogger(__name__)

MAX_MATCHES = 3_000  # documents the words may find for a search to count by bitmaps
BUILD_AT_ONCE = 20_000  # documents up to which the bitmaps are built in the searching thread
SPACING = 10  # a large index's next build waits this many times the last build's duration
SEARCHERS = 2  # searchers (commits) whose bitmaps are kept; older ones are dropped
TEXT_SIZES = 4_096  # words' match counts remembered per searcher
VALUES = 100_000  # more distinct values (or value sets) than any facet has
# Match sets (below): a query's set is fetched once it has been asked for this many times on a
# searcher; at most this many sets are kept per searcher (a set of 100,000 ids: about 16 kB).
POPULAR = 2
MATCH_SETS = 1_000
ASKED = 20_000  # queries whose asks are counted per searcher
PENDING = 256  # match sets waiting to be fetched, at most

Values = dict[str, BitMap]  # facet value -> ids of the documents holding it


class ValueBitmaps:
    """The bitmaps of every terms facet over one searcher; `ready` once built."""

    def __init__(self, searcher: tantivy.Searcher, schema: tantivy.Schema) -> None:
        self.searcher, self.schema = searcher, schema
        self.facets: dict[str, Values] = {}
        self.ready = threading.Event()
        self.failed = False
        self._sizes: OrderedDict[str, int] = OrderedDict()
        self._sets: OrderedDict[str, BitMap] = OrderedDict()
        self._asked: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()
        self.fetch_later: Callable[[ValueBitmaps, tantivy.Query], None] = lambda b, q: None

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

    def match_set(self, query: tantivy.Query) -> BitMap | None:
        """The ids of every document `query` matches, if fetched; else None, and the query's
        set is fetched in the background once it has been asked for `POPULAR` times. (Popular
        words like "kurs" and filters like a powiat recur in many searches: their sets then
        serve every search combining them, whatever else it asks.)"""
        key = repr(query)  # tantivy's full description of the query
        with self._lock:
            found = self._sets.get(key)
            if found is not None:
                self._sets.move_to_end(key)
                return found
            asked = self._asked.pop(key, 0) + 1
            self._asked[key] = asked
            while len(self._asked) > ASKED:
                self._asked.popitem(last=False)
        if asked == POPULAR:
            self.fetch_later(self, query)
        return None

    def fetch(self, query: tantivy.Query) -> BitMap:
        """Fetch (and keep) the ids of every document `query` matches."""
        found = self.searcher.search(query, 1, count=True)
        # `count` is set by count=True, and missing from tantivy's type stub: hence the ignore.
        matched = self.ids(query, int(found.count or 0))  # type: ignore[attr-defined]
        with self._lock:
            self._sets[repr(query)] = matched
            while len(self._sets) > MATCH_SETS:
                self._sets.popitem(last=False)
        return matched


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
    store hands out one searcher object per commit: `search.tantivy.store`).

    The index syncer may commit several times a second while offers pour in, and building the
    bitmaps of 100,000 offers takes about half a second of CPU: a large index's bitmaps are
    built in the background, one build at a time, and a build starts no sooner than `SPACING`
    times the previous build's duration after it ended (so at most a tenth of a core); searches
    on a commit without bitmaps aggregate, with the same counts."""

    def __init__(self, build_at_once: int = BUILD_AT_ONCE, spacing: float = SPACING) -> None:
        self.build_at_once, self.spacing = build_at_once, spacing
        self._kept: OrderedDict[int, ValueBitmaps] = OrderedDict()
        self._lock = threading.Lock()
        self._building = False
        self._next_build = 0.0  # time.monotonic() before which no build starts
        self._pending: queue.Queue[tuple[ValueBitmaps, tantivy.Query]] = queue.Queue(PENDING)
        self._fetcher: threading.Thread | None = None

    def get(self, searcher: tantivy.Searcher, schema: tantivy.Schema) -> ValueBitmaps | None:
        """The searcher's bitmaps if they are built; None while they are not."""
        with self._lock:
            bitmaps = self._kept.get(id(searcher))
            if bitmaps is None or bitmaps.searcher is not searcher:
                bitmaps = ValueBitmaps(searcher, schema)  # (it keeps the searcher, so its id)
                bitmaps.fetch_later = self._fetch_later
                self._kept[id(searcher)] = bitmaps
                while len(self._kept) > SEARCHERS:
                    self._kept.popitem(last=False)
            else:
                self._kept.move_to_end(id(searcher))
            if bitmaps.ready.is_set():
                return None if bitmaps.failed else bitmaps
            small = searcher.num_docs <= self.build_at_once
            if not small and (self._building or time.monotonic() < self._next_build):
                return None
            if not small:
                self._building = True
        if small:
            bitmaps.build()
            return None if bitmaps.failed else bitmaps
        threading.Thread(
            target=self._build, args=(bitmaps,), name="facet-bitmaps", daemon=True
        ).start()
        return None

    def _fetch_later(self, bitmaps: ValueBitmaps, query: tantivy.Query) -> None:
        """Fetch a match set in the background (one thread; dropped if too many wait)."""
        try:
            self._pending.put_nowait((bitmaps, query))
        except queue.Full:
            return
        with self._lock:
            if self._fetcher is None or not self._fetcher.is_alive():
                self._fetcher = threading.Thread(
                    target=self._fetch, name="facet-match-sets", daemon=True
                )
                self._fetcher.start()

    def _fetch(self) -> None:
        while True:
            try:
                bitmaps, query = self._pending.get(timeout=5)
            except queue.Empty:
                return  # idle: the next fetch starts another thread
            with self._lock:
                current = any(kept is bitmaps for kept in self._kept.values())
            if current:  # not for a searcher a commit has already replaced and dropped
                try:
                    bitmaps.fetch(query)
                except (OverflowError, ValueError) as error:
                    log.warning("a match set could not be fetched: %s", error)

    def _build(self, bitmaps: ValueBitmaps) -> None:
        started = time.monotonic()
        try:
            bitmaps.build()
        finally:
            ended = time.monotonic()
            with self._lock:
                self._building = False
                self._next_build = ended + self.spacing * (ended - started)


REGISTRY = Registry()
