"""Filter kinds with bounds: a numeric range, a date range and a distance from a point."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from catalogue.normalise.dates import parse_date
from search.conditions import AnyOf, Between, Condition, Either, Near, Range, Within
from search.documents import ONLINE
from search.filter_kinds import (
    ApiParam,
    Filter,
    Get,
    InvalidValue,
    Param,
    Parsed,
    parse_flag,
    parse_number,
)
from search.geo import locate


@dataclass(frozen=True)
class RangeFilter(Filter):
    """A number between optional bounds, each its own parameter; a person's unit times `scale`
    is the document's unit (zł × 100 = grosze)."""

    kind: ClassVar[str] = "range"

    min_param: Param | None = field(default=None, kw_only=True)
    max_param: Param | None = field(default=None, kw_only=True)
    scale: float = field(default=1, kw_only=True)
    minimum: float = field(default=0, kw_only=True)  # in the person's unit
    maximum: float = field(default=1e9, kw_only=True)

    def params(self) -> tuple[Param, ...]:
        return tuple(p for p in (self.min_param, self.max_param) if p is not None)

    def api_params(self) -> list[ApiParam]:
        schema = {"type": "number", "minimum": self.minimum, "maximum": self.maximum}
        return [
            ApiParam(p.name, f"{p.label_en} / {p.label_pl}: {self.help_en}.", schema)
            for p in self.params()
        ]

    def parse(self, get: Get) -> Parsed:
        bounds: list[float | None] = []
        problems: list[InvalidValue] = []
        for param in (self.min_param, self.max_param):
            if param is None:
                bounds.append(None)
                continue
            raw = self._last(get, param.name)
            number, wrong = parse_number(raw, param, self.minimum, self.maximum)
            bounds.append(None if number is None else self._scaled(number))
            problems += wrong
        low, high = bounds
        if low is not None and high is not None and low > high:
            assert self.max_param is not None
            raw_high = self._last(get, self.max_param.name)
            problems.append(InvalidValue(self.max_param, "reversed_range", raw_high))
            return None, problems
        return (Range(low, high) if bounds != [None, None] else None), problems

    def condition(self, value: Any, today: date) -> Condition | None:
        if not isinstance(value, Range):
            raise ValueError(f"filter {self.name!r} takes a Range, not {value!r}")
        if value.low is None and value.high is None:
            return None
        return Between(self.field, value.low, value.high)

    def _scaled(self, number: float) -> float:
        scaled = number * self.scale
        return round(scaled) if self.field_type == "int" else scaled


@dataclass(frozen=True)
class DateRangeFilter(Filter):
    """Dates from and to (both included) on a list of dates: upcoming editions' starts.

    Only upcoming editions count: the range starts no earlier than the day of the search.
    """

    kind: ClassVar[str] = "date_range"

    from_param: Param = field(kw_only=True)
    to_param: Param = field(kw_only=True)
    field_type: str = field(default="date", kw_only=True)
    multi_valued: bool = field(default=True, kw_only=True)

    def params(self) -> tuple[Param, ...]:
        return (self.from_param, self.to_param)

    def api_params(self) -> list[ApiParam]:
        schema = {"type": "string", "format": "date"}
        return [
            ApiParam(p.name, f"{p.label_en} / {p.label_pl} (YYYY-MM-DD): {self.help_en}.", schema)
            for p in self.params()
        ]

    def parse(self, get: Get) -> Parsed:
        bounds, problems = [], []
        for param in self.params():
            raw = self._last(get, param.name)
            day = parse_date(raw) if raw else None
            if raw and day is None:
                problems.append(InvalidValue(param, "not_a_date", raw))
            bounds.append(day)
        low, high = bounds
        if low is not None and high is not None and low > high:
            problems.append(InvalidValue(self.to_param, "reversed_range", high.isoformat()))
            return None, problems
        return (Range(low, high) if bounds != [None, None] else None), problems

    def condition(self, value: Any, today: date) -> Condition | None:
        if not isinstance(value, Range):
            raise ValueError(f"filter {self.name!r} takes a Range of dates, not {value!r}")
        if value.low is None and value.high is None:
            return None
        low = max(value.low, today) if isinstance(value.low, date) else today
        return Between(self.field, low, value.high)


@dataclass(frozen=True)
class DistanceFilter(Filter):
    """Editions within `radius_km` of a town or point (`search.geo`), online offers optionally.

    `field` holds each edition's `[lat, lon]`; `online_field` has `online_value` for offers that
    can be followed from anywhere.
    """

    kind: ClassVar[str] = "geo_distance"

    near_param: Param = field(default=Param("near", "Miejscowość", "Town"), kw_only=True)
    radius_param: Param = field(
        default=Param("radius_km", "Odległość do", "Within (km)"), kw_only=True
    )
    online_param: Param = field(
        default=Param("include_online", "Także oferty online", "Include online offers"),
        kw_only=True,
    )
    radius_choices: tuple[int, ...] = field(default=(5, 10, 20, 30, 50, 100), kw_only=True)
    max_radius_km: float = field(default=1000, kw_only=True)
    online_field: str = field(default="powiat", kw_only=True)
    online_value: str = field(default=ONLINE, kw_only=True)
    field_type: str = field(default="points", kw_only=True)
    multi_valued: bool = field(default=True, kw_only=True)

    def params(self) -> tuple[Param, ...]:
        return (self.near_param, self.radius_param, self.online_param)

    def api_params(self) -> list[ApiParam]:
        near, radius, online = self.params()
        return [
            ApiParam(near.name, f"{near.label_en}: {self.help_en}. Alone it filters nothing: it "
                     "is the point of `sort=distance` and of each hit's `distance_km`.",
                     {"type": "string", "maxLength": 100}),
            ApiParam(radius.name, f"{radius.label_en}: keep offers with an edition at most this "
                     f"many km from `{near.name}` (needs `{near.name}`).",
                     {"type": "number", "exclusiveMinimum": 0, "maximum": self.max_radius_km}),
            ApiParam(online.name, f"{online.label_en}: with `{radius.name}`, offers that can be "
                     "followed online match too.", {"type": "boolean", "default": False}),
        ]  # fmt: skip

    def parse(self, get: Get) -> Parsed:
        near, radius, online = self.params()
        raw_near, problems = self._last(get, near.name), []
        radius_km, wrong = parse_number(self._last(get, radius.name), radius, 0, self.max_radius_km)
        include_online, wrong_flag = parse_flag(self._last(get, online.name), online)
        problems += wrong + wrong_flag
        if radius_km == 0:
            limits = {"min": 0, "max": self.max_radius_km}
            problems.append(InvalidValue(radius, "out_of_range", "0", **limits))
            radius_km = None
        if not raw_near:
            if radius_km is not None:
                problems.append(InvalidValue(radius, "needs_place", str(radius_km)))
            return None, problems
        located = locate(raw_near[:100])
        if located is None:
            problems.append(InvalidValue(near, "unknown_place", raw_near))
            return None, problems
        value = Near(located.lat, located.lon, radius_km, bool(include_online), located.name)
        return value, problems

    def condition(self, value: Any, today: date) -> Condition | None:
        if not isinstance(value, Near):
            raise ValueError(f"filter {self.name!r} takes a Near, not {value!r}")
        if value.radius_km is None:
            return None
        within = Within(self.field, value.lat, value.lon, float(value.radius_km))
        if not value.include_online:
            return within
        return Either((within, AnyOf(self.online_field, (self.online_value,))))
