"""The filters a logged search carries, drawn like residents choose them.

One draw per filter of the API (`search.filters`, as `/api/v1/offers` documents it): the query
parameters it needs, how often people use it, and how it picks values (a powiat, a kind,
"free only", a maximum price, dates within the coming months, a town and radius, ...). A
draw whose parameters the API does not document is left out of the log.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from benchmarks.vocabulary import places

Params = Mapping[str, Mapping[str, Any]]  # API parameter -> its OpenAPI schema
Pairs = list[tuple[str, str]]


@dataclass(frozen=True)
class FilterDraw:
    name: str
    weight: float  # how often a filtered search uses it, relatively
    params: tuple[str, ...]  # the API parameters it needs
    make: Callable[[random.Random, Params, date], Pairs]

    def available(self, api_params: Params) -> bool:
        return all(param in api_params for param in self.params) and all(
            _values(api_params[p]) or _schema_type(api_params[p]) != "array" for p in self.params
        )


def _schema_type(schema: Mapping[str, Any]) -> str:
    return str(schema.get("type", ""))


def _values(schema: Mapping[str, Any]) -> list[str]:
    """The enumerated values of a parameter (terms filters are arrays of an enum)."""
    items = schema.get("items", schema)
    return [str(v) for v in items.get("enum", [])]


def terms(name: str, preferred: Mapping[str, float] | None = None) -> Callable[..., Pairs]:
    """One value of a terms filter (sometimes two), favouring the `preferred` ones."""

    def make(rng: random.Random, api_params: Params, today: date) -> Pairs:
        values = _values(api_params[name])
        weights = [(preferred or {}).get(v, 1.0) for v in values]
        chosen = {rng.choices(values, weights)[0] for _ in range(rng.choice((1, 1, 1, 2)))}
        return [(name, value) for value in sorted(chosen)]

    return make


def flag(name: str) -> Callable[..., Pairs]:
    return lambda rng, api_params, today: [(name, "true")]


def _start(rng: random.Random, api_params: Params, today: date) -> Pairs:
    start = today + timedelta(days=rng.randint(0, 45))
    end = start + timedelta(days=rng.choice((30, 60, 90, 180)))
    shape = rng.choices(("both", "from", "to"), (50, 30, 20))[0]
    pairs = []
    if shape in ("both", "from"):
        pairs.append(("start_from", start.isoformat()))
    if shape in ("both", "to"):
        pairs.append(("start_to", end.isoformat()))
    return pairs


def _hours(rng: random.Random, api_params: Params, today: date) -> Pairs:
    if rng.random() < 0.7:
        return [("hours_max", str(rng.choice((8, 16, 40, 100))))]
    return [("hours_min", str(rng.choice((40, 100, 200))))]


def _near(rng: random.Random, api_params: Params, today: date) -> Pairs:
    towns = [p for p in places() if p.weight >= 1]
    town = rng.choices(towns, [p.weight for p in towns])[0].name
    pairs = [("near", town), ("radius_km", str(rng.choice((10, 20, 30, 50))))]
    if "include_online" in api_params and rng.random() < 0.4:
        pairs.append(("include_online", "true"))
    return pairs


def _price(rng: random.Random, api_params: Params, today: date) -> Pairs:
    return [("price_max", str(rng.choice((200, 500, 1000, 1500, 2000, 3000, 5000))))]


CITIES = {"0862": 5.0, "0861": 5.0, "online": 3.0}
KINDS = {"course": 4.0, "training": 2.0, "kkz": 1.5, "postgraduate": 1.5, "studies": 0.5,
         "validation": 0.3, "other": 0.1}  # fmt: skip
FORMS = {"online": 3.0}
LEVELS = {"3": 2.0, "4": 3.0}

FILTER_DRAWS = (
    FilterDraw("powiat", 25, ("powiat",), terms("powiat", CITIES)),
    FilterDraw("kind", 15, ("kind",), terms("kind", KINDS)),
    FilterDraw("form", 8, ("form",), terms("form", FORMS)),
    FilterDraw("free", 10, ("free",), flag("free")),
    FilterDraw("price", 8, ("price_max",), _price),
    FilterDraw("start", 8, ("start_from", "start_to"), _start),
    FilterDraw("enrolment_open", 5, ("enrolment_open",), flag("enrolment_open")),
    FilterDraw("isced_broad", 5, ("isced_broad",), terms("isced_broad")),
    FilterDraw("isced_narrow", 1, ("isced_narrow",), terms("isced_narrow")),
    FilterDraw("prk_level", 3, ("prk_level",), terms("prk_level", LEVELS)),
    FilterDraw("funding", 4, ("funding",), terms("funding")),
    FilterDraw("language", 1, ("language",), terms("language", {"pl": 3.0})),
    FilterDraw("zsu_area", 1, ("zsu_area",), terms("zsu_area")),
    FilterDraw("hours", 2, ("hours_min", "hours_max"), _hours),
    FilterDraw("distance", 6, ("near", "radius_km"), _near),
)
