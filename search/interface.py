"""The interface every search backend implements, and the values it speaks.

The web layer only ever sees `Query`, `Results` and `SearchBackend`; it never talks to
tantivy or Meilisearch directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol


# `distance` needs a point: the `distance` filter's `Near` (see `search.filters`); nearest
# edition first, offers without a place last. Every sort breaks ties by id.
class SearchUnavailable(RuntimeError):
    """The search service cannot answer: unreachable, refusing a request, or a failed write."""


SORTS = ("relevance", "start_date", "price", "distance")
MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Query:
    text: str = ""
    # filter name (see search.filters) -> the chosen value, AND across filters: a tuple of strings
    # for a terms filter (any of them), True for a yes/no filter, a `search.conditions.Range`
    # for a numeric or date range, a `search.conditions.Near` for the distance filter
    filters: dict[str, Any] = field(default_factory=dict)
    facets: tuple[str, ...] = ()  # names of the filters whose counts are wanted (see FACETS)
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
    # km to the nearest edition from the distance filter's point; None without a point or place
    distance_km: float | None = None


@dataclass
class Results:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]]  # filter name -> value -> count
    page: int
    per_page: int
    took_ms: float
    # Places the text named, which narrowed the results ("Żary"; see search.query_text).
    places: list[str] = field(default_factory=list)
    # When nothing was found: the query with its unknown words replaced by the closest indexed
    # words, which does find something ("spawnie" -> "spawanie"); None otherwise.
    did_you_mean: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


SUGGESTION_KINDS = ("title", "qualification", "place")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # one of SUGGESTION_KINDS
    text: str  # what the list shows: a title, "MEC.08 Organizacja …", "Żary"
    query: str  # what to search when it is chosen
    detail: str = ""  # a second line: the qualification's occupation, a place's powiat


class SearchBackend(Protocol):
    def index(self, documents: Iterable[dict[str, Any]]) -> None:
        """Add or replace these documents (keyed by `id`) and make them searchable."""

    def delete(self, ids: Iterable[int]) -> None:
        """Remove these documents; unknown ids are ignored."""

    def rebuild(self, documents: Iterable[dict[str, Any]]) -> None:
        """Build a fresh index from all documents and swap it in atomically."""

    def search(self, query: Query) -> Results: ...

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        """Completions for a query being typed, for search-as-you-type, in a few milliseconds.

        The last word of `text` is a prefix, folded and typo-tolerant like in `search`; the
        words before it must match as in a search. Gives up to `limit` suggestions, places
        first (a Lubuskie town or powiat whose name the last word begins, if offers are held
        there: "kurs ża" -> "kurs Żary"), then qualifications (code and name, of indexed
        offers), then titles of offers the text would find, best match first; no duplicates.
        """
        ...

    def count(self) -> int: ...
