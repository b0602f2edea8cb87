"""Answers already given over the same commit of the index, kept for the next asker.

People ask the same things: the same searches from the front page, the same prefixes while
typing ("spa", "spaw", "spawa"...). Between two commits of the index the answer to a query on a
given day cannot change, so each process keeps its recent answers (least recently used first
out), keyed by the query, the day and the index version they were computed on. A commit, a
rebuild or a reload from another process gives a new version, and the answers of the old one
are dropped at the next lookup. The sizes bound the memory: a search answer is kept packed
(`pack`: its documents and facet counts as JSON bytes, about a third of the objects' size),
a suggestion list a few hundred bytes.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Generic, TypeVar

import orjson

from search.interface import Hit, Query, Results

Answer = TypeVar("Answer")
SEARCH_ANSWERS = 1024
SUGGESTION_ANSWERS = 4096


class Answers(Generic[Answer]):
    """At most `size` answers of one index version; thread-safe."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._version: Hashable = None
        self._kept: OrderedDict[Hashable, Answer] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, version: Hashable, key: Hashable) -> Answer | None:
        with self._lock:
            if version != self._version:
                self._version, self._kept = version, OrderedDict()
            answer = self._kept.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._kept.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, version: Hashable, key: Hashable, answer: Answer) -> None:
        with self._lock:
            if version != self._version:  # the index moved on while this was computed
                return
            self._kept[key] = answer
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)


def query_key(query: Query, today: date) -> Hashable | None:
    """What makes two searches the same on a day: every field of the query (one added to
    `Query` later is part of the key without a change here), the filters as sorted pairs, and
    the day. None when a value cannot be a key."""
    fields = tuple(
        (name, _hashable(getattr(query, name)))
        for name in (f.name for f in dataclasses.fields(query))
    )
    key = (fields, today)
    try:
        hash(key)
    except TypeError:  # a list where a tuple was expected: answer it, do not keep it
        return None
    return key


def _hashable(value: object) -> object:
    if isinstance(value, dict):  # the filters: one key whatever their order
        return tuple(sorted(value.items()))
    if isinstance(value, list):
        return tuple(value)
    return value


# A hit kept, without its document: id, score, highlights, distance.
PackedHit = tuple[int, float, dict[str, str], float | None]


@dataclass(frozen=True)
class PackedResults:
    """A search answer as kept: Python objects of a page of documents and facet counts take
    about three times their JSON (a kept answer was about 100 kB at 20 hits)."""

    results: Results  # without hits, facets and help's nearest offers
    # JSON of [facets, the hits' documents, the nearest offers' documents]
    data: bytes
    hits: tuple[PackedHit, ...]
    nearest: tuple[PackedHit, ...]


def pack(results: Results) -> PackedResults:
    """`results` to keep; `unpack` gives an equal answer (with objects of its own)."""
    help_ = results.help
    nearest = help_.nearest if help_ is not None else []
    bare = replace(
        results,
        hits=[],
        facets={},
        help=replace(help_, nearest=[]) if help_ is not None else None,
    )
    data = [results.facets, [h.document for h in results.hits], [h.document for h in nearest]]
    # A copy: the bytes orjson returns keep its whole working buffer (16 kB or more).
    return PackedResults(
        bare, bytes(memoryview(orjson.dumps(data))), _packed(results.hits), _packed(nearest)
    )


def unpack(packed: PackedResults, **changes: Any) -> Results:
    """The answer `pack` kept, with `changes` to its fields (e.g. `took_ms`)."""
    facets, documents, nearest_documents = orjson.loads(packed.data)
    results = packed.results
    help_ = results.help
    if help_ is not None:
        help_ = replace(help_, nearest=_unpacked(packed.nearest, nearest_documents))
    return replace(
        results,
        hits=_unpacked(packed.hits, documents),
        facets=facets,
        help=help_,
        **changes,
    )


def _packed(hits: list[Hit]) -> tuple[PackedHit, ...]:
    return tuple((h.id, h.score, h.highlights, h.distance_km) for h in hits)


def _unpacked(hits: tuple[PackedHit, ...], documents: list[dict[str, Any]]) -> list[Hit]:
    return [
        Hit(i, score, document, dict(marks), km)
        for (i, score, marks, km), document in zip(hits, documents, strict=True)
    ]
