"""The interface every search backend implements, and the values it speaks.

The web layer only ever sees `Query`, `Results` and `SearchBackend`; it never talks to
tantivy or Meilisearch directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

SORTS = ("relevance", "start_date", "price")
MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Query:
    text: str = ""
    # filter name (see search.filters) -> selected values (OR within a filter, AND across filters)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facets: tuple[str, ...] = ()  # names of the filters whose counts are wanted
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    id: int
    score: float
    document: dict[str, Any]  # the stored search document (see search.documents)
    # field -> HTML-safe snippet with <mark>
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass
class Results:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]]  # filter name -> value -> count
    page: int
    per_page: int
    took_ms: float

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class SearchBackend(Protocol):
    def index(self, documents: Iterable[dict[str, Any]]) -> None:
        """Add or replace these documents (keyed by `id`) and make them searchable."""

    def delete(self, ids: Iterable[int]) -> None:
        """Remove these documents; unknown ids are ignored."""

    def rebuild(self, documents: Iterable[dict[str, Any]]) -> None:
        """Build a fresh index from all documents and swap it in atomically."""

    def search(self, query: Query) -> Results: ...

    def count(self) -> int: ...
