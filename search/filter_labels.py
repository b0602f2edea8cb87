"""Display labels of filter values, (Polish, English) in display order, from the reference data."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from catalogue.models import DeliveryForm, OfferKind
from search.documents import ONLINE
from search.funding import EU, FREE, KFS, SUBSIDISED

DATA_DIR = Path(__file__).resolve().parent.parent / "catalogue" / "data"
Labels = dict[str, tuple[str, str]]

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
FUNDING_LABELS: Labels = {
    FREE: ("bezpłatne", "free of charge"),
    KFS: ("Krajowy Fundusz Szkoleniowy (KFS)", "National Training Fund (KFS)"),
    EU: ("fundusze europejskie", "EU funds"),
    SUBSIDISED: ("inne dofinansowanie (urząd pracy, bon, budżet)", "other subsidy"),
}
# The codes `catalogue.normalise.numbers.parse_language` gives, Polish first.
LANGUAGE_LABELS: Labels = {
    "pl": ("polski", "Polish"),
    "en": ("angielski", "English"),
    "de": ("niemiecki", "German"),
    "uk": ("ukraiński", "Ukrainian"),
    "ru": ("rosyjski", "Russian"),
    "fr": ("francuski", "French"),
    "es": ("hiszpański", "Spanish"),
}
YES: Labels = {"true": ("tak", "yes")}
_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def kinds() -> Labels:
    return {kind.value: pair for kind, pair in KIND_LABELS.items()}


@cache
def forms() -> Labels:
    return {form.value: pair for form, pair in FORM_LABELS.items()}


@cache
def prk_levels() -> Labels:
    return {str(level): (f"PRK {level}", f"PQF {level}") for level in range(1, 9)}


@cache
def isced(level: str) -> Labels:
    """ISCED-F 2013 fields of one level ("broad": `07`, "narrow": `071`)."""
    rows = [row for row in _rows("isced_f_2013.csv") if row["level"] == level]
    if level == "broad":
        return {row["code"]: (row["name_pl"], row["name_en"]) for row in rows}
    # Narrow names repeat across fields ("… not further defined"): the code tells them apart.
    return {r["code"]: (f"{r['code']} {r['name_pl']}", f"{r['code']} {r['name_en']}") for r in rows}


@cache
def isced_broad() -> Labels:
    return isced("broad")


@cache
def isced_narrow() -> Labels:
    return isced("narrow")


@cache
def zsu_areas() -> Labels:
    return {row["area"]: (row["name_pl"], row["name_en"]) for row in _rows("zsu2030_areas.csv")}


@cache
def powiats() -> Labels:
    names = {row["powiat_teryt"]: row["powiat_name"] for row in _rows("lubuskie_powiaty.csv")}
    # Cities with powiat rights first, then the land powiats in Polish alphabetical order.
    ordered = sorted(names, key=lambda c: (names[c].startswith("powiat"), polish_key(names[c])))
    labels = {code: (names[code], names[code]) for code in ordered}
    labels[ONLINE] = ONLINE_LABELS
    return labels


def funding() -> Labels:
    return FUNDING_LABELS


def languages() -> Labels:
    return LANGUAGE_LABELS


def yes() -> Labels:
    return YES


def polish_key(text: str) -> list[int]:
    # Code-point order puts `ż` after every letter; folding puts `żarski` before `zielonogórski`.
    alphabet = _POLISH_ALPHABET
    return [alphabet.find(c) if c in alphabet else 100 + ord(c) for c in text.lower()]
