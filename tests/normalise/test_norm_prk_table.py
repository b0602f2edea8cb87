"""The qualification -> occupation -> school type -> PRK table (SOURCES.md 5.2)."""

import pytest

from catalogue.normalise.qualifications import (
    SCHOOL_TYPES,
    derived_level,
    find_occupation,
    occupation_level,
    occupations,
    qualification_level,
)
from catalogue.normalise.taxonomy import vocational_qualifications
from catalogue.normalise.text import fold


def test_every_occupation_has_known_school_types_and_a_branch_code():
    for occupation in occupations().values():
        assert occupation.school_types and set(occupation.school_types) <= set(SCHOOL_TYPES)
        assert len(occupation.branch) == 3 and occupation.branch.isupper()


def test_every_occupation_named_by_a_qualification_is_in_the_occupation_table():
    for code, item in vocational_qualifications().items():
        for name in item.occupations:
            assert fold(name) in occupations(), (code, name)


def test_each_stated_level_is_the_level_its_occupations_give():
    # 3 when any occupation teaching it is a branżowa szkoła I stopnia one, else 4.
    for code, item in vocational_qualifications().items():
        if not item.occupations:
            assert item.prk_level is None, code
            continue
        occupation = derived_level(item.occupations)
        assert occupation is not None and item.prk_level == occupation.prk_level, code


def test_the_branch_of_an_occupation_is_the_branch_of_its_codes():
    for code, item in vocational_qualifications().items():
        for name in item.occupations:
            assert occupations()[fold(name)].branch == code[:3], (code, name)


def test_every_inferred_row_says_so():
    for code, item in vocational_qualifications().items():
        assert item.level_basis.startswith("[I]") or "poziom pusty" in item.level_basis, code


def test_the_table_covers_the_common_kkz_branches():
    table = vocational_qualifications()
    assert len(table) >= 80
    branches = {code[:3] for code, item in table.items() if item.prk_level is not None}
    assert branches >= {
        "BUD",
        "EKA",
        "ELE",
        "ELM",
        "FRK",
        "HAN",
        "HGT",
        "INF",
        "MEC",
        "MED",
        "MOT",
        "OGR",
        "ROL",
        "SPC",
        "SPL",
        "PGF",
        "CHM",
        "DRM",
        "BPO",
        "AUD",
    }


@pytest.mark.parametrize(
    ("code", "occupation", "level"),
    [
        ("MEC.08", "ślusarz", 3),
        ("HGT.02", "kucharz", 3),
        ("SPL.01", "magazynier-logistyk", 3),
        ("ELM.03", "monter mechatronik", 3),
        ("HGT.12", "technik żywienia i usług gastronomicznych", 4),
        ("EKA.01", "technik administracji", 4),
        ("PGF.07", "technik reklamy", 4),
    ],
)
def test_a_chain_names_the_occupation_that_sets_the_level(code, occupation, level):
    chain = qualification_level(code)
    assert chain.level == level and f"zawód {occupation} (" in chain.evidence


def test_a_code_without_an_occupation_has_no_level():
    assert qualification_level("TLO.01") is None
    assert qualification_level("ABC.01") is None


@pytest.mark.parametrize(
    ("title", "occupation"),
    [
        ("Kwalifikacyjny kurs zawodowy – technik elektryk", "technik elektryk"),
        ("KKZ elektryk", "elektryk"),
        ("Kurs dla kandydatów na kucharza", None),
        ("Pomoc kuchenna", None),
    ],
)
def test_the_longest_whole_occupation_name_is_found(title, occupation):
    found = find_occupation(title)
    assert (found.name if found else None) == occupation


def test_an_occupation_whose_qualifications_differ_in_level_gives_none():
    assert occupation_level(occupations()["technik logistyk"]) is None
    assert occupation_level(occupations()["kucharz"]).level == 3
