"""Shared helpers: dates with Warsaw offsets, Polish month names, a seeded random source."""

from __future__ import annotations

import random
from datetime import date, timedelta

TODAY = date(2026, 11, 27)  # the sample data's "today"

MONTHS_GENITIVE = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)  # fmt: skip
MONTHS_NOMINATIVE = (
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
    "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
)  # fmt: skip


def day(text: str) -> date:
    return date.fromisoformat(text)


def last_sunday(year: int, month: int) -> date:
    probe = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return probe - timedelta(days=(probe.weekday() + 1) % 7)


def warsaw_offset(when: date) -> str:
    """'+02:00' in Polish summer time (last Sunday of March to last Sunday of October)."""
    summer = last_sunday(when.year, 3) <= when < last_sunday(when.year, 10)
    return "+02:00" if summer else "+01:00"


def bur_datetime(when: date) -> str:
    """BUR's timestamp form: '2026-12-07T00:00:00+01:00'."""
    return f"{when.isoformat()}T00:00:00{warsaw_offset(when)}"


def polish_long(when: date, suffix: str = "") -> str:
    """'1 września 2026' (optionally with ' r.')."""
    return f"{when.day} {MONTHS_GENITIVE[when.month - 1]} {when.year}{suffix}"


def polish_dotted(when: date) -> str:
    return when.strftime("%d.%m.%Y")


def polish_month(when: date) -> str:
    """'luty 2027': a month only, as some school pages announce a start."""
    return f"{MONTHS_NOMINATIVE[when.month - 1]} {when.year}"


def rng(*seed: object) -> random.Random:
    """A random source that depends only on `seed`, so the output never changes between runs."""
    return random.Random("/".join(str(part) for part in seed))


def money(zloty: float) -> str:
    """'4200.00' as schema.org wants a price."""
    return f"{zloty:.2f}"
