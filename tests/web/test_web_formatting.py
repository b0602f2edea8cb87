"""Dates, prices and plurals as Polish readers write them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from starlette.requests import Request

from web.formatting import format_date, format_hours, format_price
from web.i18n import Translator, negotiate_language


def test_a_polish_date_uses_the_genitive_month() -> None:
    assert format_date(date(2026, 12, 15)) == "15 grudnia 2026"
    assert format_date("2027-02-01") == "1 lutego 2027"
    assert format_date(date(2026, 12, 15), "en") == "15 December 2026"


def test_a_late_evening_utc_time_is_the_next_day_in_poland() -> None:
    assert format_date(datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == "1 lipca 2026"


def test_an_unreadable_date_is_left_empty() -> None:
    assert format_date("kiedyś") == ""
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("grosze", "text"),
    [(120000, "1 200,00 zł"), (39000, "390,00 zł"), (5, "0,05 zł"), (123456789, "1 234 567,89 zł")],
)
def test_a_price_groups_thousands_with_spaces_and_uses_a_decimal_comma(
    grosze: int, text: str
) -> None:
    assert format_price(grosze) == text


def test_hours_use_a_decimal_comma_only_when_needed() -> None:
    assert (format_hours(146.0), format_hours(7.5), format_hours(7.5, "en")) == (
        "146",
        "7,5",
        "7.5",
    )


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "Nie znaleziono ofert."),
        (1, "Znaleziono 1 ofertę."),
        (3, "Znaleziono 3 oferty."),
        (5, "Znaleziono 5 ofert."),
        (12, "Znaleziono 12 ofert."),
        (22, "Znaleziono 22 oferty."),
    ],
)
def test_result_counts_take_the_polish_plural(n: int, text: str) -> None:
    assert Translator("pl").count("results.count", n) == text


def _request(query: str = "", accept: str = "") -> Request:
    headers = [(b"accept-language", accept.encode())] if accept else []
    return Request({"type": "http", "query_string": query.encode(), "headers": headers})


def test_the_language_comes_from_the_parameter_then_the_browser_then_polish() -> None:
    assert negotiate_language(_request("lang=en", "pl")) == "en"
    assert negotiate_language(_request("", "fr-FR, en;q=0.5, pl;q=0.9")) == "pl"
    assert negotiate_language(_request("lang=xx", "fr")) == "pl"
