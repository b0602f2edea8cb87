"""The interface every search backend implements, and the values it speaks.

The web layer only ever sees `Query`, `Results` and `SearchBackend`; it never talks to
tantivy or Meilisearch directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
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
    # Meanings of the words not to apply (`search.understanding` keys, e.g. "price.free"), or
    # `LITERALLY` for none: the person removed what the words were understood to mean.
    literal: tuple[str, ...] = ()


LITERALLY = "*"  # in `Query.literal`: take every word literally


@dataclass(frozen=True)
class Understanding:
    """What some words of the query were understood to mean (`search.understanding`)."""

    key: str  # the meaning's key, e.g. "price.free", "field.0812" (`Query.literal` names it)
    kind: str  # price, form, kind, level, audience, schedule, field
    words: str  # the query's words, as typed ("za darmo")
    labels: dict[str, str]  # language ("pl", "en", "uk") -> what the chip says
    # The filters the words became (filter name -> value, as `Query.filters`); {} for a meaning
    # that widens what the words match (audience, schedule, field) instead of filtering.
    filters: dict[str, Any] = field(default_factory=dict)
    fields: tuple[str, ...] = ()  # ISCED-F codes whose offers the words also find
    # False when a filter the person chose themselves decided instead.
    applied: bool = True

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["pl"]


@dataclass
class Hit:
    id: int
    score: float
    document: dict[str, Any]  # the stored search document (see search.documents)
    # field -> HTML-safe snippet with <mark>
    highlights: dict[str, str] = field(default_factory=dict)
    # km to the nearest edition from the distance filter's point; None without a point or place
    distance_km: float | None = None


RELAXATION_KINDS = ("words", "place")


@dataclass(frozen=True)
class Relaxation:
    """One way the hits differ from what was asked.

    `words`: no offer had every word; each hit has at least one of `values` (the words that
    count), none has all. `place`: no offer matched in the places the text named (`values`,
    "Zielona Góra"); the hits are the nearest outside them, nearest first, each with its
    `distance_km` from the place.
    """

    kind: str  # one of RELAXATION_KINDS
    values: tuple[str, ...]


@dataclass(frozen=True)
class FilterCount:
    """Dropping one filter the person set (`Query.filters` name) would find `count` offers."""

    name: str
    count: int


@dataclass(frozen=True)
class RelatedQualification:
    """A qualification of offers the words find without the filters and places."""

    code: str
    name: str
    count: int  # offers with it among those looked at


@dataclass
class SearchHelp:
    """What would find something when a search found nothing."""

    without_filter: list[FilterCount] = field(default_factory=list)  # most offers first
    related_qualifications: list[RelatedQualification] = field(default_factory=list)
    # The nearest offers outside the place a filter chose (a distance, or one powiat), nearest
    # first, with `distance_km` from `nearest_from` (its name).
    nearest: list[Hit] = field(default_factory=list)
    nearest_from: str = ""


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
    # Whether the hits have every word that counts (stop words and filler words like "kurs"
    # beside a subject word never count); False when no offer had them all and the hits have
    # only some (`relaxed` then says so). See `search.relaxing`.
    matched_all_words: bool = True
    # What the hits relaxed of the query, in the order it was relaxed (empty: nothing).
    relaxed: list[Relaxation] = field(default_factory=list)
    # When nothing was found (total 0): what would find something. None otherwise.
    help: SearchHelp | None = None
    # What words of the query were understood to mean: filters, or wider matches (see
    # `search.understanding`); shown as chips that take the words literally again.
    understood: list[Understanding] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class IndexVersion:
    """Which state of the index answers: `tag` changes with every commit, rebuild or reload (an
    HTTP `ETag` of a search is built from it and the query), `committed_at` is when that state
    was written (UTC; None when unknown or nothing is indexed)."""

    tag: str
    committed_at: datetime | None = None


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

    def version(self) -> IndexVersion:
        """The state of the index searches answer from now (see `IndexVersion`)."""
        ...
