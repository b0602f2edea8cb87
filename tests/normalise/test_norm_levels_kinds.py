import pytest

from catalogue.models import OfferKind
from catalogue.normalise.kinds import resolve_kind
from catalogue.normalise.levels import resolve_level, stated_level


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("PRK 6", 6),
        ("poziom 4 PRK", 4),
        ("EQF 5", 5),
        (7, 7),
        ("6", 6),
        ("4 poziom PRK", 4),
        ("Poziom PRK: 7", 7),
    ],
)
def test_a_stated_level_is_read(value, level):
    assert stated_level(value).level == level


@pytest.mark.parametrize("value", [None, "", "wysoki", 12, "PRK 9"])
def test_no_or_impossible_stated_level_gives_none(value):
    assert stated_level(value) is None


def test_a_stated_level_wins_over_the_qualification():
    assert resolve_level("PRK 5", 3, "MEC.08", OfferKind.kkz, "x").level == 5


def test_the_qualification_level_is_used_when_nothing_is_stated():
    found = resolve_level(None, 3, "MEC.08", OfferKind.kkz, "ślusarz – MEC.08")
    assert found.level == 3 and "MEC.08" in found.evidence


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Pedagogika – studia I stopnia", 6),
        ("Studia licencjackie: administracja", 6),
        ("Budownictwo, studia inżynierskie", 6),
        ("Pedagogika, studia II stopnia", 7),
        ("Psychologia – jednolite studia magisterskie", 7),
        ("Szkoła doktorska nauk technicznych", 8),
    ],
)
def test_degree_studies_get_their_level_from_the_title(title, level):
    assert resolve_level(None, None, None, OfferKind.studies, title).level == level


def test_postgraduate_studies_get_a_level_only_when_stated():
    title = "Studia podyplomowe dla absolwentów studiów II stopnia"
    assert resolve_level(None, None, None, OfferKind.postgraduate, title) is None
    assert resolve_level("PRK 7", None, None, OfferKind.postgraduate, title).level == 7


def test_a_course_leading_to_no_qualification_has_no_level():
    assert (
        resolve_level(None, None, None, OfferKind.course, "Kurs Excel, poziom podstawowy") is None
    )


@pytest.mark.parametrize(
    ("kind_word", "title", "kind"),
    [
        ("Studia podyplomowe", "Rachunkowość", OfferKind.postgraduate),
        ("147", "Zarządzanie", OfferKind.postgraduate),
        ("Egzamin", "Egzamin ECDL", OfferKind.validation),
        ("148", "Potwierdzenie", OfferKind.validation),
        ("KKZ", "Technik ekonomista", OfferKind.kkz),
        ("Usługa szkoleniowa", "Excel", OfferKind.training),
        (None, "Walidacja kwalifikacji rynkowej", OfferKind.validation),
        (None, "Kwalifikacyjny kurs zawodowy – technik logistyk", OfferKind.kkz),
        (None, "ślusarz – MEC.08 Wykonywanie i naprawa elementów maszyn", OfferKind.kkz),
        (None, "Pedagogika – studia II stopnia", OfferKind.studies),
        (None, "Warsztaty ceramiczne dla dorosłych", OfferKind.workshop),
        (None, "Kurs e-learningowy: RODO", OfferKind.elearning),
        (None, "Szkolenie z obsługi kasy fiskalnej", OfferKind.training),
        (None, "Kurs spawania MAG z egzaminem", OfferKind.course),
        (None, "Spotkanie z autorem", OfferKind.other),
    ],
)
def test_the_kind_comes_from_the_source_word_then_the_title(kind_word, title, kind):
    found = resolve_kind(kind_word, title)
    assert found.kind is kind
    assert found.evidence


@pytest.mark.parametrize(
    ("kind_word", "title", "expected"),
    [
        ("Course", "Ocenianie kształtujące w praktyce szkolnej – warsztaty metodyczne", "workshop"),
        ("Course", "Bezpieczeństwo cyfrowe uczniów – kurs e-learningowy", "elearning"),
        ("Usługa szkoleniowa", "Warsztaty z komunikacji w zespole", "workshop"),
        ("Usługa szkoleniowa", "Kurs spawania metodą MAG (135)", "course"),
        ("Usługa szkoleniowa", "Spawanie metodą TIG 141 – blachy i rury", "training"),
        ("Usługa o charakterze zawodowym", "Spawanie metodą TIG 141 – blachy i rury", "training"),
        ("Course", "Kurs języka polskiego jako obcego – poziom B1", "course"),
    ],
)
def test_a_generic_kind_word_gives_way_to_a_title_naming_a_specific_kind(
    kind_word, title, expected
):
    assert resolve_kind(kind_word, title).kind == expected


def test_rspo_teaching_an_occupation_is_the_nearest_to_a_kkz_but_only_as_a_kind_word():
    found = resolve_kind("kształcenie zawodowe", "Kształcenie w zawodzie technik logistyk")
    assert found.kind == OfferKind.kkz
    # In a title the same words name an institution, not a kind.
    assert resolve_kind(None, "Kurs BHP w Centrum Kształcenia Zawodowego").kind != OfferKind.kkz
