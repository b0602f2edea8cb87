"""What a filter asks of a search document, in a form every backend can translate.

A filter declaration (`search.filters`) turns the value a person chose into one of these small
conditions; a backend translates conditions, never declarations. Field names are those of the
search document (`search.documents`). Five shapes cover every filter:

- `AnyOf(field, values)`: the field (a string, or a list of strings) has one of the values.
  tantivy: a term-set query. Meilisearch: `field IN ["a", "b"]`.
- `IsTrue(field)`: a boolean field is true. Meilisearch: `field = true`.
- `Between(field, low, high)`: one value of the field lies in [low, high], both ends included,
  `None` meaning unbounded. The field may hold a list (the start dates of every edition): then
  ONE value must lie in the range. Dates are `datetime.date`; backends index them as
  `day_number(date)` (days since 1970-01-01). tantivy: a range query on a fast field, which
  matches a document when one of its values is in the range. Meilisearch: `field low TO high`
  (one range per value), not `field >= low AND field <= high`, which two different editions
  could satisfy; with one bound only, `field >= low` or `field <= high`.
- `Within(field, lat, lon, km)`: one of the field's points (a list of `[lat, lon]`, one per
  edition held somewhere) lies at most `km` kilometres away, by the haversine distance of
  `search.geo`. Meilisearch's `_geoRadius(lat, lng, metres)` holds one point per document, so it
  is exact only for single-place offers; `search.geo` shows how the embedded backend stays
  exact with several points (a filterable list of point keys, `geo IN [...]`).
- `Either(parts)`: at least one of the conditions holds (`(a) OR (b)`), e.g. within 20 km or
  online.

Conditions of different filters combine with AND.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EPOCH = date(1970, 1, 1)


def day_number(day: date) -> int:
    """Days since 1970-01-01: how dates are indexed (`2026-03-01` -> 20513)."""
    return (day - EPOCH).days


@dataclass(frozen=True)
class AnyOf:
    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class IsTrue:
    field: str


@dataclass(frozen=True)
class Between:
    field: str
    low: float | date | None
    high: float | date | None


@dataclass(frozen=True)
class Within:
    field: str
    lat: float
    lon: float
    km: float


@dataclass(frozen=True)
class Either:
    parts: tuple[Condition, ...]


Condition = AnyOf | IsTrue | Between | Within | Either


# Values a person chooses, as `Query.filters` carries them (the terms filters carry tuples of
# strings, the yes/no filters `True`).
@dataclass(frozen=True)
class Range:
    """Inclusive bounds of a number (grosze, hours) or a date; None means unbounded."""

    low: float | date | None = None
    high: float | date | None = None


@dataclass(frozen=True)
class Near:
    """A point to measure distances from, with an optional radius.

    Without `radius_km` nothing is filtered out: the point only serves to sort by distance and
    to show how far each offer is. `include_online` keeps offers that can be followed online.
    """

    lat: float
    lon: float
    radius_km: float | None = None
    include_online: bool = False
    place: str = ""  # what the person typed, resolved ("Zielona Góra"), for display
