"""Every search filter, declared once.

A declaration names the query parameter, the search-document field it reads, its labels and how
its values are shown. Backends build their filter clauses and facet counts from `FILTERS`; the web
layer builds its forms and API documentation from the same list. Adding a filter touches only
this module (and the document, if the field is new).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from catalogue.models import DeliveryForm, OfferKind
from search.documents import ONLINE

DATA_DIR = Path(__file__).resolve().parent.parent / "catalogue" / "data"

KIND_LABELS = {
    OfferKind.course: ("kurs", "course"),
    OfferKind.training: ("szkolenie", "training"),
    OfferKind.kkz: ("kwalifikacyjny kurs zawodowy", "vocational qualification course"),
    OfferKind.postgraduate: ("studia podyplomowe", "postgraduate studies"),
    OfferKind.studies: ("studia", "degree studies"),
    OfferKind.validation: ("walidacja i egzaminy", "validation and exams"),
    OfferKind.workshop: ("warsztaty", "workshop"),
    OfferKind.elearning: ("e-learning", "e-learning"),
    OfferKind.other: ("inne", "other"),
}
FORM_LABELS = {
    DeliveryForm.on_site: ("stacjonarnie", "on site"),
    DeliveryForm.online: ("online", "online"),
    DeliveryForm.blended: ("hybrydowo", "blended"),
}
ONLINE_LABELS = ("online (z dowolnego miejsca)", "online (from anywhere)")


@dataclass(frozen=True)
class Filter:
    """One filter: set `name`, `field`, the labels, and `labels` (value -> (Polish, English))."""

    name: str  # key in `Query.filters` and the API's query parameter
    field: str  # the search-document field holding the value(s)
    label_pl: str
    label_en: str
    labels: Callable[[], Mapping[str, tuple[str, str]]]  # known values in display order
    multi_valued: bool = False  # the document holds a list (an offer given in several powiats)

    def display(self, value: str, lang: str = "pl") -> str:
        """The label of a value, or the value itself when it is not a known one."""
        pair = self.labels().get(value)
        if pair is None:
            return value
        return pair[1] if lang == "en" else pair[0]

    def values(self, document: Mapping[str, Any]) -> list[str]:
        """The non-empty values a search document has for this filter."""
        raw = document.get(self.field)
        items: Iterable[Any] = raw if isinstance(raw, list | tuple) else [raw]
        return [str(v) for v in items if v not in (None, "")]

    def options(self, counts: Mapping[str, int], lang: str = "pl") -> list[tuple[str, str, int]]:
        """(value, label, count) for a facet, known values first in their declared order."""
        order = {value: i for i, value in enumerate(self.labels())}
        ranked = sorted(counts, key=lambda v: (order.get(v, len(order)), self.display(v, lang)))
        return [(v, self.display(v, lang), counts[v]) for v in ranked]


@cache
def _kinds() -> dict[str, tuple[str, str]]:
    return {kind.value: pair for kind, pair in KIND_LABELS.items()}


@cache
def _forms() -> dict[str, tuple[str, str]]:
    return {form.value: pair for form, pair in FORM_LABELS.items()}


@cache
def _prk_levels() -> dict[str, tuple[str, str]]:
    return {str(level): (f"PRK {level}", f"PQF {level}") for level in range(1, 9)}


@cache
def _isced_broad() -> dict[str, tuple[str, str]]:
    with (DATA_DIR / "isced_f_2013.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["code"]: (row["name_pl"], row["name_en"])
            for row in csv.DictReader(f)
            if row["level"] == "broad"
        }


@cache
def _powiats() -> dict[str, tuple[str, str]]:
    with (DATA_DIR / "lubuskie_powiaty.csv").open(encoding="utf-8", newline="") as f:
        names = {row["powiat_teryt"]: row["powiat_name"] for row in csv.DictReader(f)}
    # Cities with powiat rights first, then the land powiats in Polish alphabetical order.
    ordered = sorted(names, key=lambda c: (names[c].startswith("powiat"), _polish_key(names[c])))
    labels = {code: (names[code], names[code]) for code in ordered}
    labels[ONLINE] = ONLINE_LABELS
    return labels


_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"


def _polish_key(text: str) -> list[int]:
    # Code-point order puts `ż` after every letter; folding puts `żarski` before `zielonogórski`.
    alphabet = _POLISH_ALPHABET
    return [alphabet.find(c) if c in alphabet else 100 + ord(c) for c in text.lower()]


FILTERS: tuple[Filter, ...] = (
    Filter("kind", "kind", "Rodzaj", "Kind", _kinds),
    Filter("isced_broad", "isced_broad", "Dziedzina", "Field of education", _isced_broad),
    Filter("prk_level", "prk_level", "Poziom PRK", "PQF level", _prk_levels),
    Filter("powiat", "powiat", "Powiat", "County", _powiats, multi_valued=True),
    Filter("form", "form", "Forma", "Delivery form", _forms),
)
BY_NAME: dict[str, Filter] = {f.name: f for f in FILTERS}


def get_filter(name: str) -> Filter:
    """The declaration of a filter; `ValueError` with the known names for an unknown one."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown filter {name!r}; known: {', '.join(BY_NAME)}") from None
