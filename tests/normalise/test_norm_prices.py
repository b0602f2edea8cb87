import pytest

from catalogue.normalise.prices import parse_price


@pytest.mark.parametrize(
    ("text", "grosze"),
    [
        ("1 200,00 zł", 120000),
        ("1200 zł", 120000),
        ("1 200 PLN", 120000),
        ("2 460,00 zł brutto", 246000),
        ("1\u00a0200,00\u00a0zł", 120000),
        ("1.200,50 zł", 120050),
        ("12,5 zł", 1250),
        ("Cena: 350 zł/os. (20 osób)", 35000),
        ("0 zł", 0),
    ],
)
def test_a_polish_price_is_read_in_grosze(text, grosze):
    price = parse_price(text)
    assert price is not None
    assert price.grosze == grosze
    assert price.text is None


@pytest.mark.parametrize(
    "text", ["bezpłatny", "Bezpłatne", "nieodpłatnie", "za darmo", "Kurs bezpłatny, 40 godzin"]
)
def test_a_free_course_costs_nothing(text):
    assert parse_price(text).grosze == 0


def test_integer_grosze_from_the_bur_api_stay_grosze():
    assert parse_price(246000, in_grosze=True).grosze == 246000
    assert parse_price("246000", in_grosze=True).grosze == 246000


def test_numbers_without_the_grosze_flag_are_zloty():
    assert parse_price(1200).grosze == 120000
    assert parse_price(99.99).grosze == 9999


def test_words_without_a_price_are_kept_as_the_source_wrote_them():
    price = parse_price("do uzgodnienia z organizatorem")
    assert price.grosze is None
    assert price.text == "do uzgodnienia z organizatorem"


def test_no_price_at_all_gives_none():
    assert parse_price(None) is None
    assert parse_price("   ") is None
