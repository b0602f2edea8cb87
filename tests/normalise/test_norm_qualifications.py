import pytest

from catalogue.normalise.qualifications import find_code, resolve_qualification


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ślusarz – MEC.08 Wykonywanie i naprawa elementów maszyn, urządzeń i narzędzi", "MEC.08"),
        ("Kwalifikacyjny kurs zawodowy: kwalifikacja MEC.08", "MEC.08"),
        ("technik ekonomista EKA.04", "EKA.04"),
        ("opiekun medyczny MED.14", "MED.14"),
        ("kucharz (HGT.02)", "HGT.02"),
        ("murarz-tynkarz – BUD.12", "BUD.12"),
        ("INF.03 Tworzenie i administrowanie stronami", "INF.03"),
        ("elektryk ELE.02", "ELE.02"),
        ("magazynier – SPL.01 Obsługa magazynów", "SPL.01"),
        ("florysta – ORG.01 Wykonywanie kompozycji florystycznych", "OGR.01"),
    ],
)
def test_a_qualification_code_is_found_in_free_text(text, code):
    assert find_code(text) == code


def test_text_without_a_code_has_none():
    assert find_code("Kurs spawania metodą MAG 135", "ISO 9001") is None


def test_a_known_code_brings_its_name_occupation_and_level():
    found = resolve_qualification(title="ślusarz – MEC.08 Wykonywanie i naprawa elementów")
    assert found.known
    assert found.qualification.code == "MEC.08"
    assert found.qualification.name == "Wykonywanie i naprawa elementów maszyn, urządzeń i narzędzi"
    assert found.qualification.occupation == "ślusarz"
    assert found.qualification.prk_level == 3
    assert found.isced_code == "0715"


def test_a_technician_qualification_is_level_four():
    found = resolve_qualification(stated_code="eka.04")
    assert found.qualification.prk_level == 4
    assert "podany przez źródło" in found.evidence


def test_an_unknown_code_keeps_the_words_of_the_title():
    found = resolve_qualification(title="rolnik – ROL.04 Prowadzenie produkcji rolniczej")
    assert not found.known
    assert found.qualification.code == "ROL.04"
    assert found.qualification.occupation == "rolnik"
    assert found.qualification.name == "Prowadzenie produkcji rolniczej"
    assert found.qualification.prk_level is None


def test_no_code_means_no_qualification():
    assert resolve_qualification(title="Kurs Excel dla początkujących") is None
