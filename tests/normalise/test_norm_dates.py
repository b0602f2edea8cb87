from datetime import date

import pytest

from catalogue.normalise.dates import parse_date

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 grudnia 2026", date(2026, 12, 15)),
        ("15.12.2026", date(2026, 12, 15)),
        ("15-12-2026", date(2026, 12, 15)),
        ("15/12/2026", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
        ("1 września 2026 r.", date(2026, 9, 1)),
        ("1 wrzesnia 2026", date(2026, 9, 1)),
        ("Termin: 3 listopada 2026 r., godz. 9:00", date(2026, 11, 3)),
        ("15 XII 2026", date(2026, 12, 15)),
        ("7 iv 2027", date(2027, 4, 7)),
        ("15 gru. 2026", date(2026, 12, 15)),
    ],
)
def test_a_polish_date_is_read_in_its_common_spellings(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("month", ["grudzień", "grudnia", "grudniu", "GRUDZIEŃ", "grudzien"])
def test_a_month_name_in_any_case_names_the_same_month(month):
    assert parse_date(f"wrzesień 2026 – {month} 2026", TODAY) == date(2026, 9, 1)
    assert parse_date(f"{month} 2026", TODAY) == date(2026, 12, 1)


def test_a_month_and_year_mean_the_first_of_that_month():
    assert parse_date("wrzesień 2026", TODAY) == date(2026, 9, 1)
    assert parse_date("od lutego 2027", TODAY) == date(2027, 2, 1)


def test_an_iso_timestamp_with_an_offset_is_its_local_calendar_day():
    assert parse_date("2026-11-02T00:00:00+01:00", TODAY) == date(2026, 11, 2)
    assert parse_date("2026-11-02T23:30:00+01:00", TODAY) == date(2026, 11, 2)


def test_a_utc_instant_is_read_as_the_polish_calendar_day():
    # 23:30 UTC on 1 November is 00:30 on 2 November in Warsaw (CET, UTC+1).
    assert parse_date("2026-11-01T23:30:00Z", TODAY) == date(2026, 11, 2)


def test_a_day_and_month_without_a_year_is_the_next_such_day():
    assert parse_date("15 grudnia", TODAY) == date(2026, 12, 15)
    assert parse_date("15 maja", TODAY) == date(2027, 5, 15)


@pytest.mark.parametrize(
    "text", ["wkrótce", "do ustalenia", "", "31.02.2026", "2026-13-01", None, "I kwartał"]
)
def test_words_that_are_no_date_give_none(text):
    assert parse_date(text, TODAY) is None


def test_date_objects_pass_through():
    assert parse_date(date(2026, 1, 5)) == date(2026, 1, 5)
