import pytest

from catalogue.normalise.lexicon import match_lexicon
from catalogue.normalise.numbers import parse_count, parse_hours, parse_language


@pytest.mark.parametrize(
    ("value", "hours"),
    [
        (16, 16.0),
        ("16 godzin", 16.0),
        ("120 h", 120.0),
        ("16,5 godz.", 16.5),
        ("40", 40.0),
        ("3 semestry (350 godzin)", 350.0),
        ("2 dni", None),
        ("2 semestry", None),
        ("nie wiadomo", None),
        (float("nan"), None),
        (-4, None),
    ],
)
def test_hours_are_read_and_other_units_are_not_mistaken_for_hours(value, hours):
    assert parse_hours(value) == hours


@pytest.mark.parametrize(
    ("value", "seats"),
    [(20, 20), (20.0, 20), ("20", 20), ("20 osób", 20), ("max. 15 miejsc", 15), ("brak", None)],
)
def test_seats_are_whole_numbers(value, seats):
    assert parse_count(value) == seats


@pytest.mark.parametrize(
    ("value", "code"),
    [("pl", "pl"), ("PL", "pl"), ("polski", "pl"), ("język angielski", "en"), ("klingoński", None)],
)
def test_languages_become_iso_codes(value, code):
    assert parse_language(value) == code


def test_equal_counts_go_to_the_more_specific_term():
    found = match_lexicon(
        "Oligofrenopedagogika – edukacja i rehabilitacja osób z niepełnosprawnością"
    )
    assert found.code == "0111"
