"""The kinds of filter a declaration in `search.filters` can be: terms, yes/no, numeric range,
date range and distance. Each reads its query parameters, checks them, and says which
`search.conditions` condition a chosen value means."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import KW_ONLY, dataclass
from datetime import date
from typing import Any, ClassVar

from search.conditions import AnyOf, Condition
from search.filter_labels import Labels, yes
from search.label_language import in_language

Get = Callable[[str], list[str]]  # all raw values of one query parameter
Parsed = tuple[Any, list["InvalidValue"]]  # the value (None: not chosen) and the problems
TRUE_WORDS = ("1", "true", "on", "yes", "tak")
FALSE_WORDS = ("0", "false", "off", "no", "nie")


@dataclass(frozen=True)
class Param:
    """One query parameter of a filter, with the label of its form control."""

    name: str
    label_pl: str
    label_en: str

    def label(self, lang: str = "pl") -> str:
        return in_language(self.label_pl, self.label_en, lang)


@dataclass(frozen=True)
class ApiParam:
    name: str
    description: str  # English, for the OpenAPI documentation
    schema: dict[str, Any]


class InvalidValue(ValueError):
    """A raw value a filter cannot use; `reason` names the message (`problem.filter.<reason>`)."""

    def __init__(self, param: Param, reason: str, given: str, **values: Any) -> None:
        super().__init__(f"{param.name}: {reason} ({given!r})")
        self.param, self.reason, self.given = param.name, reason, given[:50]
        self.values = {"name_pl": param.label_pl, "name_en": param.label_en, **values}
        self.values.setdefault("value", self.given)


@dataclass(frozen=True)
class Filter:
    """Base of the declarations: set `name` (key in `Query.filters`), `field` (the search-document
    field) and the labels; a kind sets `kind` and `facet` and overrides `params`, `api_params`,
    `parse` and `condition`."""

    kind: ClassVar[str] = ""
    facet: ClassVar[bool] = False

    name: str
    field: str
    label_pl: str
    label_en: str
    _: KW_ONLY
    help_pl: str = ""
    help_en: str = ""
    # string, bool, int, float, date (indexed as days since 1970) or points ([lat, lon] lists)
    field_type: str = "string"
    multi_valued: bool = False  # the document holds a list

    def label(self, lang: str = "pl") -> str:
        return in_language(self.label_pl, self.label_en, lang)

    def help(self, lang: str = "pl") -> str:
        return in_language(self.help_pl, self.help_en, lang) if self.help_pl else ""

    def params(self) -> tuple[Param, ...]:
        return (Param(self.name, self.label_pl, self.label_en),)

    def api_params(self) -> list[ApiParam]:
        raise NotImplementedError

    def parse(self, get: Get) -> Parsed:
        """The value chosen in a request's raw parameters, and what was wrong with them."""
        raise NotImplementedError

    def condition(self, value: Any, today: date) -> Condition | None:
        """What a value asks of a document; None when it restricts nothing."""
        raise NotImplementedError

    def labels(self) -> Mapping[str, tuple[str, str]]:
        return {}

    def display(self, value: str, lang: str = "pl") -> str:
        """The label of a value, or the value itself when it is not a known one."""
        pair = self.labels().get(value)
        return value if pair is None else in_language(pair[0], pair[1], lang)

    def options(self, counts: Mapping[str, int], lang: str = "pl") -> list[tuple[str, str, int]]:
        """(value, label, count) for a facet, known values first in their declared order."""
        order = {value: i for i, value in enumerate(self.labels())}
        ranked = sorted(counts, key=lambda v: (order.get(v, len(order)), self.display(v, lang)))
        return [(v, self.display(v, lang), counts[v]) for v in ranked]

    def _last(self, get: Get, name: str) -> str:
        """The last non-empty value of a parameter ("" when none): a form field sent twice."""
        values = [raw.strip() for raw in get(name) if raw.strip()]
        return values[-1] if values else ""


@dataclass(frozen=True)
class TermsFilter(Filter):
    """Values from a known list, several allowed (OR); faceted."""

    kind: ClassVar[str] = "terms"
    facet: ClassVar[bool] = True

    known: Callable[[], Labels]  # value -> (Polish, English), in display order

    def labels(self) -> Mapping[str, tuple[str, str]]:
        return self.known()

    def values(self, document: Mapping[str, Any]) -> list[str]:
        """The non-empty values a search document has for this filter."""
        raw = document.get(self.field)
        items = raw if isinstance(raw, list | tuple) else [raw]
        return [str(v) for v in items if v not in (None, "")]

    def api_params(self) -> list[ApiParam]:
        values = ", ".join(f"`{value}` ({pair[1]})" for value, pair in self.labels().items())
        return [
            ApiParam(
                self.name,
                f"{self.label_en} / {self.label_pl}. {self.help_en + '. ' if self.help_en else ''}"
                "Repeat to select several values (OR); different filters combine with AND. "
                f"Values: {values}",
                {"type": "array", "items": {"type": "string", "enum": list(self.labels())}},
            )
        ]

    def parse(self, get: Get) -> Parsed:
        known, values, problems = self.labels(), [], []
        for raw in get(self.name):
            value = raw.strip()
            if not value or value in values:
                continue  # forms send empty values; repeated values mean nothing more
            if value in known:
                values.append(value)
            else:
                problems.append(InvalidValue(self.params()[0], "unknown_value", value))
        return (tuple(values) or None), problems

    def condition(self, value: Any, today: date) -> Condition | None:
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"filter {self.name!r} takes a tuple of strings, not {value!r}")
        return AnyOf(self.field, tuple(sorted(set(value)))) if value else None


@dataclass(frozen=True)
class FlagFilter(Filter):
    """Yes or no; `test` gives the condition of "yes" on a given day. Faceted: the count of
    offers that "yes" would keep."""

    kind: ClassVar[str] = "boolean"
    facet: ClassVar[bool] = True

    test: Callable[[date], Condition]  # the condition of "yes" on a given day

    def labels(self) -> Mapping[str, tuple[str, str]]:
        return {"true": (self.label_pl, self.label_en)} if self.label_pl else yes()

    def api_params(self) -> list[ApiParam]:
        return [
            ApiParam(
                self.name,
                f"{self.label_en} / {self.label_pl}: {self.help_en}. `true` to apply.",
                {"type": "boolean", "default": False},
            )
        ]

    def parse(self, get: Get) -> Parsed:
        return parse_flag(self._last(get, self.name), self.params()[0])

    def condition(self, value: Any, today: date) -> Condition | None:
        if not isinstance(value, bool):
            raise ValueError(f"filter {self.name!r} takes True or False, not {value!r}")
        return self.test(today) if value else None


def parse_flag(raw: str, param: Param) -> Parsed:
    if not raw or raw.lower() in FALSE_WORDS:
        return None, []
    if raw.lower() in TRUE_WORDS:
        return True, []
    return None, [InvalidValue(param, "not_yes_no", raw)]


def parse_number(raw: str, param: Param, low: float, high: float) -> Parsed:
    """A number from "150", "150,50" or "1 500" within [low, high]."""
    if not raw:
        return None, []
    try:
        number = float(raw.replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None, [InvalidValue(param, "not_a_number", raw)]
    if not math.isfinite(number) or not low <= number <= high:
        return None, [InvalidValue(param, "out_of_range", raw, min=_plain(low), max=_plain(high))]
    return number, []


def _plain(number: float) -> str:
    return f"{number:g}" if number < 1e6 else str(int(number))
