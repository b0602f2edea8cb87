import pytest

from catalogue.normalise.lexicon import match_lexicon
from catalogue.normalise.subjects import resolve_subject, stated_isced


def test_a_bur_category_decides_the_field():
    subject = resolve_subject("Power BI z DAX", category="479")
    assert subject.isced_code.startswith("061")
    assert "kategoria BUR 479 Informatyka i telekomunikacja" in subject.evidence


def test_a_bur_subcategory_by_name_decides_the_detailed_field():
    subject = resolve_subject("Kurs", subcategory="Metalurgia i spawalnictwo")
    assert (subject.isced_code, subject.isced_narrow, subject.isced_broad) == ("0715", "071", "07")


def test_words_refine_a_broad_bur_category_within_it():
    subject = resolve_subject("Spawanie blach metodą MAG", category="Techniczne")
    assert subject.isced_code == "0715"
    assert "kategoria BUR 454 Techniczne" in subject.evidence
    assert "spawanie" in subject.evidence.lower() and "MAG" in subject.evidence


def test_a_stated_isced_code_wins_over_words():
    subject = resolve_subject("Pedagogika opiekuńcza", stated="Kod ISCED: 0114")
    assert subject.isced_code == "0114"
    assert stated_isced("kod 9999999") is None


def test_the_qualification_field_wins_over_words():
    assert resolve_subject("Kurs księgowości", qualification_isced="0715").isced_code == "0715"


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Kurs spawania metodą MAG (135)", "0715"),
        ("Spawacz TIG 141", "0715"),
        ("Księgowość od podstaw", "0411"),
        ("Kadry i płace w praktyce", "0411"),
        ("Programowanie w Pythonie", "0613"),
        ("Excel dla zaawansowanych", "0611"),
        ("Język angielski B1", "0231"),
        ("Kurs języka niemieckiego dla opiekunów", "0231"),
        ("Opiekun osób starszych", "0921"),
        ("Opiekunka dziecięca", "0922"),
        ("Pielęgniarstwo – kurs specjalistyczny", "0913"),
        ("Kucharz – kurs zawodowy", "1013"),
        ("Fryzjer i kosmetyczka – szkolenie", "1012"),
        ("Prawo jazdy kat. C", "1041"),
        ("Kwalifikacja wstępna przyspieszona kat. C – przewóz rzeczy", "1041"),
        ("Operator wózków widłowych z egzaminem UDT", "1041"),
        ("Florystyka i bukieciarstwo", "0214"),
        ("Szkolenie BHP okresowe dla pracowników biurowych", "1022"),
        ("Elektryk – uprawnienia SEP do 1 kV", "0713"),
        ("Murarz-tynkarz", "0732"),
        ("Marketing w mediach społecznościowych", "0414"),
        ("Administracja publiczna w praktyce", "0413"),
        ("Magazynier z obsługą wózka", "1041"),
    ],
)
def test_polish_keywords_map_titles_to_fields(title, code):
    assert resolve_subject(title).isced_code == code


def test_the_description_decides_only_with_two_words():
    assert match_lexicon("Szkolenie", "Zajęcia z księgowości") is None
    found = match_lexicon("Szkolenie", "Zajęcia z księgowości i rachunkowości budżetowej")
    assert found.code == "0411"


def test_nothing_matching_gives_no_field():
    assert resolve_subject("Spotkanie informacyjne") is None
