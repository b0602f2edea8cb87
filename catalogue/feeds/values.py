"""One cell -> the value a RawOffer field receives, or `BadValue` when the row cannot be used.

Cells are passed on in the institution's own words (the normaliser reads "1 200,00 zł",
"bezpłatny", "hybrydowa"); only what a row cannot be stored with is refused here: a date that
is not a calendar date in one of the documented forms, an offer address that is not a web
address, and text that is mojibake ("ObsĹ‚uga": UTF-8 read in another code page). A wrong
date would put the edition at the wrong time in search and expiry.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from catalogue.feeds.columns import Column
from catalogue.normalise.text import looks_garbled

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*r\.?)?")
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?|https?://localhost\S*", re.I)


class BadValue(ValueError):
    """A cell the row cannot be stored with; the message (Polish) says which and why."""


def text(value: Any) -> str | None:
    """A cell as text: stripped, None when empty; 12.0 from a spreadsheet is "12"."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == time(0) else value
    if isinstance(value, (date, time)):
        value = value.isoformat()
    result = str(value).strip()
    return result or None


def cell_value(column: Column, value: Any) -> Any:
    """The value for the column's field; raises `BadValue`."""
    if column.value == "date":
        return date_value(column, value)[0]
    if column.value == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else value
    found = text(value)
    if column.value == "text" and looks_garbled(found):
        raise BadValue(
            f"tekst w kolumnie {column.name} wygląda na źle odczytane polskie znaki "
            f"(„{str(found)[:80]}”); zapisz plik w UTF-8"
        )
    if column.value == "url" and found is not None and not _URL.fullmatch(found):
        raise BadValue(
            f"niepoprawny adres w kolumnie {column.name}: „{found}” "
            "(adres musi zaczynać się od http:// lub https://)"
        )
    return found


def date_value(column: Column, value: Any) -> tuple[str | None, date | None]:
    """The date as written (an ISO date for a spreadsheet's date cell) and the date it is."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat(), value
    found = text(value)
    if found is None:
        return None, None
    day = _calendar_day(found)
    if day is None:
        raise BadValue(
            f"niepoprawna data w kolumnie {column.name}: „{found}” "
            "(oczekiwano RRRR-MM-DD lub DD.MM.RRRR)"
        )
    return found, day


def _calendar_day(found: str) -> date | None:
    iso, dmy = _ISO.fullmatch(found), _DMY.fullmatch(found)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dmy:
        day, month, year = (int(g) for g in dmy.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:  # 31.02.2026
        return None
