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
        ("6 poziom Polskiej Ramy Kwalifikacji", 6),
        ("na poziomie 5 Polskiej Ramy Kwalifikacji", 5),
        ("ERK 5", 5),
        ("EQF level 4", 4),
        ("PRK6", 6),
        ("poziom VI PRK", 6),
        ("VI poziom PRK", 6),
        ("Poziom: 6 (PRK)", 6),
        ("kwalifikacja cząstkowa – 7 poziom PRK", 7),
        ("Polska Rama Kwalifikacji – poziom 4", 4),
        ("Poziom 6", 6),
        ("Kwalifikacja na poziomie PRK 6.", 6),
        ("Poziom 6 (kwalifikacja pełna)", 6),
    ],
)
def test_a_stated_level_is_read(value, level):
    assert stated_level(value).level == level


@pytest.mark.parametrize(
    "value",
    [None, "", "wysoki", 12, "PRK 9", "poziom B1", "B2", "studia II stopnia", "PRK i ERK",
     "PRK 2019", "6/7 PRK"],
)  # fmt: skip
def test_no_or_impossible_stated_level_gives_none(value):
    assert stated_level(value) is None


def test_a_stated_level_wins_over_the_qualification():
    assert resolve_level("PRK 5", 3, "MEC.08", OfferKind.kkz, "x").level == 5


def test_the_qualification_level_is_used_when_nothing_is_stated():
    found = resolve_level(None, 3, "MEC.08", OfferKind.kkz, "ślusarz – MEC.08")
    assert found.level == 3
    assert found.evidence == (
        "kwalifikacja MEC.08 -> zawód ślusarz (branżowa szkoła I stopnia) -> PRK 3"
    )


@pytest.mark.parametrize(
    ("code", "level", "school"),
    [
        ("SPL.01", 3, "branżowa szkoła I stopnia"),  # magazynier-logistyk
        ("SPL.04", 4, "technikum"),
        ("EKA.01", 4, "szkoła policealna"),  # technik administracji
        ("MED.14", 4, "szkoła policealna"),  # opiekun medyczny
    ],
)
def test_a_code_goes_through_its_occupation_and_school_to_a_level(code, level, school):
    found = resolve_level(None, None, code, OfferKind.kkz, f"{code} kurs")
    assert found.level == level and school in found.evidence


def test_a_level_stated_in_the_title_wins_even_for_a_course():
    title = "Kurs: Opiekun w żłobku lub klubie dziecięcym (kwalifikacja rynkowa, 4 poziom PRK)"
    assert resolve_level(None, None, None, OfferKind.course, title).level == 4


def test_postgraduate_studies_take_the_level_their_description_declares():
    description = (
        "Kandydaci: absolwenci studiów I stopnia (6 poziom PRK). Studia prowadzą do uzyskania "
        "kwalifikacji cząstkowej na 7 poziomie Polskiej Ramy Kwalifikacji."
    )
    found = resolve_level(None, None, None, OfferKind.postgraduate, "Logopedia", description)
    assert found.level == 7 and found.evidence.startswith("poziom podany w opisie")


def test_the_level_candidates_need_is_not_the_level_of_the_offer():
    description = "Warunki przyjęcia: dyplom ukończenia studiów co najmniej 6 poziomu PRK."
    assert resolve_level(None, None, None, OfferKind.postgraduate, "MBA", description) is None


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Kwalifikacyjny kurs zawodowy – kucharz", 3),
        ("KKZ technik administracji", 4),
        ("Kwalifikacyjny kurs zawodowy: opiekun osoby starszej", 4),
        ("Kwalifikacyjny kurs zawodowy – technik BHP", 4),  # an alias of the occupation
        # RSPO "kształcenie zawodowe": the whole occupation, so its diploma's level.
        ("Kształcenie w zawodzie technik logistyk", 4),
        ("Kształcenie w zawodzie magazynier-logistyk", 3),
        # technik logistyk teaches SPL.01 (3) and SPL.04 (4): the title cannot tell which.
        ("Kwalifikacyjny kurs zawodowy – technik logistyk", None),
        ("KKZ w zawodzie technik mechanik", None),
    ],
)
def test_a_kkz_naming_only_its_occupation_gets_a_level_when_it_is_unambiguous(title, level):
    found = resolve_level(None, None, None, OfferKind.kkz, title)
    assert (found.level if found else None) == level


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Branżowa Szkoła I stopnia nr 3 w Żarach – kucharz", 3),
        ("Branżowa Szkoła II stopnia – technik mechanik", 4),
        ("Liceum Ogólnokształcące dla Dorosłych w Gorzowie Wlkp.", 4),
        ("Szkoła Podstawowa dla Dorosłych w Zielonej Górze", 2),
        ("Szkoła Policealna Medyczna – opiekun medyczny", 4),
        ("Kształcenie specjalistyczne – dyplomowany specjalista technolog żywności", 5),
    ],
)
def test_a_school_leads_to_its_full_qualification(title, level):
    assert resolve_level(None, None, None, OfferKind.other, title).level == level


def test_a_course_held_in_a_school_leads_to_no_school_qualification():
    title = "Kurs BHP w Branżowej Szkole I stopnia nr 1"
    assert resolve_level(None, None, None, OfferKind.course, title) is None


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


def test_degree_studies_read_the_cycle_from_the_source_kind_word():
    found = resolve_level(
        None, None, None, OfferKind.studies, "Pielęgniarstwo", None, "studia pierwszego stopnia"
    )
    assert found.level == 6
    assert resolve_level(None, None, None, OfferKind.studies, "Informatyka") is None


def test_postgraduate_studies_get_a_level_only_when_stated():
    title = "Studia podyplomowe dla absolwentów studiów II stopnia"
    assert resolve_level(None, None, None, OfferKind.postgraduate, title) is None
    assert resolve_level("PRK 7", None, None, OfferKind.postgraduate, title).level == 7


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (OfferKind.course, "Kurs Excel, poziom podstawowy"),
        (OfferKind.course, "Kurs spawania metodą MAG (135) z egzaminem"),
        (OfferKind.training, "Szkolenie okresowe BHP dla pracowników biurowych"),
        (OfferKind.workshop, "Warsztaty ceramiczne dla dorosłych"),
        (OfferKind.elearning, "Kurs e-learningowy: RODO w firmie"),
        (OfferKind.course, "Kurs języka angielskiego – poziom B2"),
    ],
)
def test_a_course_leading_to_no_qualification_has_no_level(kind, title):
    assert resolve_level(None, None, None, kind, title) is None


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
        (None, "Kurs Excel zakończony walidacją i certyfikacją", OfferKind.course),
        (None, "Szkolenie przygotowujące do walidacji kwalifikacji", OfferKind.training),
        (None, "Walidacja kompetencji po szkoleniu trenerskim", OfferKind.validation),
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
