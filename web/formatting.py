"""Dates and prices as readers write them: "15 grudnia 2026", "15 грудня 2026", "1 200,00 zł"."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

# Times are stored in UTC; a reader in Poland expects the local calendar day.
LOCAL_ZONE = ZoneInfo("Europe/Warsaw")

# Polish dates use the genitive month name: "15 grudnia 2026", never "15 grudzień 2026".
MONTHS = {
    "pl": [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    # Ukrainian dates take the genitive too: "15 грудня 2026".
    "uk": [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
}


def as_date(value: date | datetime | str | None) -> date | None:
    """Accept what documents (ISO strings) and rows (date, datetime) carry."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value.astimezone(LOCAL_ZONE).date() if value.tzinfo else value.date()
    return value


def format_date(value: date | datetime | str | None, lang: str = "pl") -> str:
    day = as_date(value)
    if day is None:
        return ""
    months = MONTHS.get(lang, MONTHS["pl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_price(grosze: int | None, lang: str = "pl") -> str:
    """1 200,00 zł in Polish (and Ukrainian), 1,200.00 zł in English; '' when unknown, 0 is the
    caller's 'free'."""
    if grosze is None:
        return ""
    zloty, rest = divmod(grosze, 100)
    if lang != "en":
        # A plain space groups thousands; the template keeps the price on one line.
        return f"{zloty:,}".replace(",", " ") + f",{rest:02d} zł"
    return f"{zloty:,}.{rest:02d} zł"


def format_hours(hours: float | None, lang: str = "pl") -> str:
    if hours is None:
        return ""
    text = str(int(hours)) if float(hours).is_integer() else f"{hours:g}"
    return text.replace(".", ",") if lang != "en" else text
