"""Small counts the sources write as text: hours of learning, seats, language names."""

from __future__ import annotations

import math
import re
from typing import Any

from catalogue.normalise.text import as_text, fold

_NUMBER = re.compile(r"(?<![\d,.])(\d+(?:[.,]\d+)?)")
_HOURS = re.compile(r"(?<![\d,.])(\d+(?:[.,]\d+)?)\s*(?:h|godz\w*|hours?|hrs?)\b")
_OTHER_UNITS = re.compile(r"\b(dni|dzien|dnia|tydz\w*|tygod\w*|miesi\w*|semestr\w*|lat|rok\w*)\b")
LANGUAGES = {
    "pl": "pl", "polski": "pl", "polska": "pl", "jezyk polski": "pl", "polish": "pl",
    "en": "en", "angielski": "en", "jezyk angielski": "en", "english": "en",
    "de": "de", "niemiecki": "de", "jezyk niemiecki": "de", "german": "de",
    "uk": "uk", "ua": "uk", "ukrainski": "uk", "jezyk ukrainski": "uk",
    "ru": "ru", "rosyjski": "ru", "fr": "fr", "francuski": "fr", "es": "es", "hiszpanski": "es",
}  # fmt: skip


def parse_hours(value: Any) -> float | None:
    """Hours from 16, "16 godzin", "120 h", "16,5 godz."; None for other units ("2 semestry")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) and value > 0 else None
    text = fold(value)
    # "3 semestry (350 godzin)": the number next to an hour word wins over the first one.
    match = _HOURS.search(text) or (None if _OTHER_UNITS.search(text) else _NUMBER.search(text))
    if not match:
        return None
    hours = float(match.group(1).replace(",", "."))
    return hours if hours > 0 else None


def parse_count(value: Any) -> int | None:
    """A whole number of seats from 20, 20.0, "20", "20 osób", "max. 15 miejsc"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if math.isfinite(value) and value >= 0 else None
    match = re.search(r"(?<!\d)(\d+)(?!\d)", as_text(value) or "")
    return int(match.group(1)) if match else None


def parse_language(value: Any) -> str | None:
    """An ISO 639-1 code from "pl", "PL", "polski", "język angielski"; None when unknown."""
    text = fold(value)
    if not text:
        return None
    if text in LANGUAGES:
        return LANGUAGES[text]
    head = re.split(r"[-_, ;/]", text)[0]
    return LANGUAGES.get(head)
