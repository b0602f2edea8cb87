"""Prices -> integer grosze (0 = free).

Text: "1 200,00 zł", "1200 zł", "1 200 PLN", "2 460,00 zł brutto", "1.200,50 zł", with normal
or non-breaking spaces as thousands separators; "bezpłatny", "nieodpłatnie", "za darmo" -> 0.
Numbers: złote (float or int) unless the source gives integer grosze (the BUR API).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from catalogue.normalise.text import any_term, as_text, fold

FREE_TERMS = (
    "bezplatn",
    "nieodplatn",
    "za darmo",
    "darmow",
    "free=",
    "gratis",
    "bez oplat",
    "brak oplat",
)
# A number: thousands in groups of three (space, NBSP or dot) or plain digits, then an
# optional decimal part of one or two digits after a comma or a dot.
_NUMBER = r"(\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?![\d])"
_WITH_CURRENCY = re.compile(r"(?<![\d])" + _NUMBER + r"\s*(?:zl|pln|zlotych)")
_ANY_NUMBER = re.compile(r"(?<![\d,.])" + _NUMBER)


@dataclass(frozen=True)
class Price:
    grosze: int | None  # None: could not be parsed
    text: str | None  # the source's words, kept when they could not be parsed
    evidence: str


def parse_price(value: Any, in_grosze: bool = False) -> Price | None:
    """The price, or None when the source says nothing about it."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_number(float(value), in_grosze, str(value))
    text = as_text(value)
    if text is None:
        return None
    if in_grosze and re.fullmatch(r"\d+", text):
        return Price(int(text), None, f"grosze ze źródła: {text}")
    return _from_text(text)


def _from_number(number: float, in_grosze: bool, raw: str) -> Price:
    if math.isnan(number) or math.isinf(number) or number < 0:
        return Price(None, raw, f"nieczytelna cena: {raw}")
    grosze = round(number) if in_grosze else round(number * 100)
    return Price(grosze, None, f"cena liczbowa: {raw}" + (" (grosze)" if in_grosze else " zł"))


def _from_text(text: str) -> Price:
    folded = fold(text)
    match = _WITH_CURRENCY.search(folded) or _ANY_NUMBER.search(folded)
    if match is None:
        if any_term(FREE_TERMS, text):
            return Price(0, None, f"bezpłatne: {text}")
        return Price(None, text, f"nieczytelna cena: {text}")
    whole = int(re.sub(r"[ .]", "", match.group(1)))
    cents = int((match.group(2) or "0").ljust(2, "0"))
    grosze = whole * 100 + cents
    # "Bezpłatny, 40 godzin": a number with no currency next to a free word is not a price.
    if grosze == 0 or (any_term(FREE_TERMS, text) and match.re is _ANY_NUMBER):
        return Price(0, None, f"bezpłatne: {text}")
    return Price(grosze, None, f"cena: {text}")
