"""Polish dates as sources write them -> `datetime.date`.

Handles "15 grudnia 2026", "15.12.2026", "15-12-2026", "2026-12-15", ISO with an offset
("2026-11-02T00:00:00+01:00" is the local date 2026-11-02), "1 września 2026 r.",
"wrzesień 2026" (first of the month), Roman months ("15 XII 2026") and a day and month
without a year ("15 grudnia": the next such day from `today`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from catalogue.normalise.text import fold

# Three folded letters name a month in every case: grudzień, grudnia, grudniu -> "gru".
_MONTH_PREFIXES = {
    "sty": 1, "lut": 2, "mar": 3, "kwi": 4, "maj": 5, "cze": 6,
    "lip": 7, "sie": 8, "wrz": 9, "paz": 10, "lis": 11, "gru": 12,
}  # fmt: skip
_ROMAN = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6,
    "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
}  # fmt: skip
_WARSAW = "Europe/Warsaw"

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"  # date (folded text, so "T" and "Z" are lower case)
    r"(?:[t ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_WORD_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*([a-z]+)\.?\s*(\d{4})?(?!\d)")
_MONTH_YEAR = re.compile(r"(?<![a-z])([a-z]{3,})\.?\s+(\d{4})(?!\d)")


def parse_date(value: Any, today: date | None = None) -> date | None:
    """The date a source means, or None when the text holds no recognisable date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = fold(value)
    if not text:
        return None
    for parser in (_iso, _numeric, _words, _month_year):
        found = parser(text, today or date.today())
        if found is not None:
            return found
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(text: str, today: date) -> date | None:
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day, hour, minute, zone = match.groups()
    if zone == "z" and hour is not None:
        # A UTC instant: the local (Polish) calendar day is what a learner sees.
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), tzinfo=UTC)
        return moment.astimezone(ZoneInfo(_WARSAW)).date()
    return _safe(int(year), int(month), int(day))


def _numeric(text: str, today: date) -> date | None:
    match = _NUMERIC_DMY.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    return _safe(year, month, day)


def _month_number(word: str) -> int | None:
    if word in _ROMAN:
        return _ROMAN[word]
    return _MONTH_PREFIXES.get(word[:3]) if len(word) >= 3 else None


def _words(text: str, today: date) -> date | None:
    for match in _WORD_DMY.finditer(text):
        day, word, year = match.groups()
        month = _month_number(word)
        if month is None:
            continue
        if year:
            return _safe(int(year), month, int(day))
        return _next_occurrence(int(day), month, today)
    return None


def _next_occurrence(day: int, month: int, today: date) -> date | None:
    this_year = _safe(today.year, month, day)
    if this_year is None or this_year >= today:
        return this_year
    return _safe(today.year + 1, month, day)


def _month_year(text: str, today: date) -> date | None:
    for match in _MONTH_YEAR.finditer(text):
        month = _MONTH_PREFIXES.get(match.group(1)[:3])
        if month is not None:
            return _safe(int(match.group(2)), month, 1)
    return None
