"""Answers already given over the same commit of the index, kept for the next asker.

People ask the same things: the same searches from the front page, the same prefixes while
typing ("spa", "spaw", "spawa"...). Between two commits of the index the answer to a query on a
given day cannot change, so each process keeps its recent answers (least recently used first
out), keyed by the query, the day and the index version they were computed on. A commit, a
rebuild or a reload from another process gives a new version, and the answers of the old one
are dropped at the next lookup. The sizes bound the memory: a search answer holds its page of
documents (about 100 kB at 20 hits), a suggestion list a few hundred bytes.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Hashable
from datetime import date
from typing import Generic, TypeVar

from search.interface import Query

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
