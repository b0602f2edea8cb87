"""Filter conditions (`search.conditions`) as Meilisearch filter expressions.

A value never reaches the expression unquoted: strings are always wrapped in double quotes with
`\\` and `"` escaped, which is how Meilisearch reads them since v1.4 (both characters must be
escaped inside quotes, see meilisearch/meilisearch#4034 and the v1.4.0 changelog), so a value
such as `0862" OR kind = "x` stays one string. Numbers are written by Python (finite only) and
field names must be plain identifiers, since they come from our own declarations.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date

from search.conditions import AnyOf, Between, Condition, Either, IsTrue, Within, day_number
from search.meili.documents import filter_field

# Ids are never negative: the expressions of "every document" and "no document".
EVERYTHING, NOTHING = "id >= 0", "id < 0"
_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")

Resolve = Callable[[Within], str]  # a distance condition as an expression


def geo_radius(condition: Within) -> str:
    """`_geoRadius` on the one point Meilisearch keeps per document (`_geo`): exact only for
    offers held in one place; the backend resolves distances through point keys instead."""
    # _geoRadius takes whole metres (docs: capabilities/geo_search/how_to/filter_by_geo_radius).
    metres = max(0, round(_finite(condition.km) * 1000))
    return f"_geoRadius({_number(condition.lat)}, {_number(condition.lon)}, {metres})"


def quote(value: str) -> str:
    """A string literal of the filter syntax: `a"b\\c` → `"a\\"b\\\\c"`."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def expression(condition: Condition, within: Resolve = geo_radius) -> str:
    """One condition as an expression (`kind IN ["course", "kkz"]`)."""
    if isinstance(condition, AnyOf):
        if not condition.values:
            return NOTHING
        values = ", ".join(quote(str(v)) for v in dict.fromkeys(condition.values))
        return f"{_field(condition.field)} IN [{values}]"
    if isinstance(condition, IsTrue):
        return f"{_field(condition.field)} = true"
    if isinstance(condition, Between):
        return _between(condition)
    if isinstance(condition, Within):
        return within(condition)
    if isinstance(condition, Either):
        if not condition.parts:
            return NOTHING
        return " OR ".join(f"({expression(part, within)})" for part in condition.parts)
    raise TypeError(f"unknown filter condition {condition!r}")


def combined(expressions: Mapping[str, str], leave_out: str | None = None) -> str | None:
    """The expressions of all filters but `leave_out`, AND-ed (each in parentheses: OR binds
    looser than AND)."""
    parts = [f"({e})" for name, e in expressions.items() if name != leave_out]
    return " AND ".join(parts) or None


def _between(condition: Between) -> str:
    field = _field(filter_field(condition.field))
    low, high = _bound(condition.low), _bound(condition.high)
    if low is not None and high is not None:
        # One `TO` per value: on a list (the start of every edition) ONE value must be in range;
        # `field >= a AND field <= b` could be met by two different editions.
        return f"{field} {low} TO {high}"
    if low is not None:
        return f"{field} >= {low}"
    if high is not None:
        return f"{field} <= {high}"
    return EVERYTHING


def _bound(value: float | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return str(day_number(value))
    return _number(value)


def _number(value: float) -> str:
    number = _finite(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _finite(value: float) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"a filter number must be finite, not {value!r}")
    return number


def _field(name: str) -> str:
    if not _FIELD.match(name):
        raise ValueError(f"not a filterable field name: {name!r}")
    return name
