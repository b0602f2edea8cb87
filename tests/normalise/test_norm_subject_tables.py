"""Subject (ISCED-F) tables, precedence and evidence, with titles as Polish sources write them."""

import csv
from pathlib import Path

import pytest

from catalogue.normalise.lexicon import match_lexicon
from catalogue.normalise.qualifications import resolve_qualification
from catalogue.normalise.subjects import programme_code, resolve_subject
from catalogue.normalise.taxonomy import (
    isced_codes,
    lexicon_rules,
    programme_codes,
    qualification_branch_codes,
    vocational_qualifications,
)

DATA = Path(__file__).resolve().parents[2] / "catalogue" / "data"
MIXED_BUR_CATEGORIES = {"489", "505", "568"}  # decided by subcategory or words (SOURCES.md)


def _rows(name):
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_bur_category_and_subcategory_maps_to_an_existing_code():
    rows = _rows("bur_categories.csv")
    assert sum(r["level"] == "subcategory" for r in rows) == 95
    for row in rows:
        if row["id"] in MIXED_BUR_CATEGORIES:
            assert not row["isced_code"] and row["isced_basis"]
        else:
            assert row["isced_code"] in isced_codes(), row
    parents = {r["id"] for r in rows if r["level"] == "category"}
    assert all(r["parent_id"] in parents for r in rows if r["level"] == "subcategory")


def test_every_table_code_exists_in_isced_f_2013():
    codes = isced_codes()
    assert all(code in codes for code, _ in programme_codes().values())
    assert all(code in codes for code, _ in qualification_branch_codes().values())
    assert all(code in codes for code, _ in lexicon_rules())
    known = [q.isced_code for q in vocational_qualifications().values() if q.isced_code]
    assert all(code in codes for code in known)


def test_every_qualification_in_the_table_has_a_branch():
    branches = qualification_branch_codes()
    assert {code[:3] for code in vocational_qualifications()} <= set(branches)


def test_every_programme_name_is_found_as_a_title():
    for name, code in ((n, c) for c, n in programme_codes().values()):
        assert programme_code(f"{name} – studia podyplomowe") == (code, name)


@pytest.mark.parametrize(
    ("title", "code", "evidence"),
    [
        ("Administracja", "0413", "nazwa kierunku „Administracja” → 0413"),
        ("Pielęgniarstwo", "0913", "nazwa kierunku „Pielęgniarstwo” → 0913"),
        ("Kwalifikacja wstępna przyspieszona kat. C", "1041", "Kwalifikacja wstępna"),
        (
            "Rachunkowość i audyt wewnętrzny (studia podyplomowe)",
            "0411",
            "nazwa kierunku „Rachunkowość i audyt wewnętrzny” → 0411",
        ),
        ("Studia podyplomowe: Logopedia", "0915", "„Logopedia”"),
        ("Pedagogika – studia II stopnia", "0111", "„Pedagogika”"),
    ],
)
def test_the_titles_of_the_issue_land_in_their_field(title, code, evidence):
    subject = resolve_subject(title)
    assert subject.isced_code == code
    assert evidence in subject.evidence


def test_a_florist_qualification_decides_by_its_code():
    title = "florysta – ORG.01 Wykonywanie kompozycji florystycznych"
    found = resolve_qualification(None, title)
    subject = resolve_subject(
        title, qualification_isced=found.isced_code, qualification_code=found.qualification.code
    )
    assert subject.isced_code == "0214"
    assert subject.evidence.startswith("kwalifikacja OGR.01 → 0214 (tabela kwalifikacji)")


def test_an_unknown_qualification_code_falls_back_to_its_branch():
    subject = resolve_subject("Kurs kwalifikacyjny", qualification_code="SPO.05")
    assert (subject.isced_code, subject.isced_broad) == ("092", "09")
    assert "branża opieki społecznej" in subject.evidence


def test_words_make_a_branch_code_more_specific():
    subject = resolve_subject("Opiekun osób starszych – SPO.05", qualification_code="SPO.05")
    assert subject.isced_code == "0921"
    assert "doprecyzowane: słowa: Opiekun osób starszych" in subject.evidence


def test_the_qualification_code_wins_over_a_stated_code_and_says_so():
    subject = resolve_subject(
        "Kurs", stated="0413", qualification_isced="0715", qualification_code="MEC.08"
    )
    assert subject.isced_code == "0715"
    assert "pominięte (niższy priorytet): kod ISCED podany przez źródło: 0413" in subject.evidence


def test_a_stated_zrk_code_with_its_name_wins_over_the_bur_category():
    subject = resolve_subject("Kurs", stated="0413 Zarządzanie i administracja", category="546")
    assert subject.isced_code == "0413"
    assert "pominięte (niższy priorytet): kategoria BUR 546 Zdrowie i medycyna" in subject.evidence


def test_field_unknown_is_not_a_stated_code():
    assert resolve_subject("Kurs", stated="9999") is None


def test_a_subcategory_wins_over_its_category():
    subject = resolve_subject("Kurs", category="559", subcategory="563")
    assert subject.isced_code == "1041"
    assert subject.evidence.startswith("podkategoria BUR 563 Logistyka → 1041")


@pytest.mark.parametrize(
    ("subcategory", "code"),
    [("578", "011"), ("577", "1013"), ("467", "0715"), ("582", "1041"), ("Uroda", "1012")],
)
def test_the_known_bur_subcategories_map(subcategory, code):
    assert resolve_subject("Szkolenie", subcategory=subcategory).isced_code == code


def test_a_programme_name_must_be_the_whole_title():
    subject = resolve_subject("Administracja i eksploatacja systemów komputerowych")
    assert subject.isced_code == "0612"
    assert "nazwa kierunku" not in subject.evidence


def test_the_audience_after_dla_does_not_decide_the_field():
    assert resolve_subject("Excel dla nauczycieli").isced_code == "0611"
    assert resolve_subject("Szkolenie BHP dla pracowników biurowych").isced_code == "1022"
    assert resolve_subject("Kurs dla opiekunów osób starszych").isced_code == "0921"


def test_a_tie_in_the_lexicon_is_written_down():
    found = match_lexicon("Fundusze europejskie")
    assert found.code == "0413" and "0412" in found.rivals
    assert "remis z: 0412" in resolve_subject("Fundusze europejskie").evidence


def test_forms_of_one_word_family_agree():
    codes = {resolve_subject(t).isced_code for t in ("Spawalnictwo", "Spawacz", "Kurs spawania")}
    assert codes == {"0715"}
    forms = ("Wózek widłowy", "Operator wózka widłowego", "Obsługa wózków widłowych")
    assert {resolve_subject(t).isced_code for t in forms} == {"1041"}
