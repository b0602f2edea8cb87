"""Teacher training recognised by context, and lexicon tie-breaks, on real Polish titles."""

import pytest

from catalogue.normalise.lexicon import match_lexicon
from catalogue.normalise.subjects import resolve_subject, teaching_code


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # What a teacher does in the lesson, in a school subject: 0114.
        ("Kreatywne lekcje języka polskiego w klasach 4–8 – warsztaty", "0114"),
        ("Eksperymenty na lekcjach chemii w szkole podstawowej", "0114"),
        ("Gry dydaktyczne na lekcji matematyki", "0114"),
        # The same without a subject (a tool, a method): 0113.
        ("Kompetencje cyfrowe nauczyciela – narzędzia TIK na lekcji", "0113"),
        ("Metody aktywizujące na lekcjach", "0113"),
        # Postgraduate and qualifying studies for teachers of a school subject: 0114.
        ("Informatyka dla nauczycieli – studia podyplomowe", "0114"),
        ("Matematyka – studia podyplomowe dla nauczycieli", "0114"),
        ("Kurs kwalifikacyjny z chemii dla nauczycieli", "0114"),
        # School matters with no other clue: education science.
        ("Bezpieczeństwo w szkole – procedury reagowania w sytuacjach kryzysowych", "0111"),
    ],
)
def test_teaching_at_school_is_teacher_training(title, code):
    found = resolve_subject(title)
    assert found is not None
    assert found.isced_code == code, found.evidence


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # A short course teaching a subject to teachers stays in the subject.
        ("Excel dla nauczycieli", "0611"),
        # Not a school subject: the studies' own field.
        ("Logopedia – studia podyplomowe kwalifikacyjne dla nauczycieli", "0915"),
        # Lessons for learners are the subject, not teacher training.
        ("Lekcje gry na gitarze dla dzieci", "0215"),
        ("Lekcje języka angielskiego dla dorosłych", "0231"),
        # "w szkole" does not override a field the words name.
        ("Doradztwo zawodowe w szkole – warsztaty dla nauczycieli doradców", "0923"),
        # A teacher's title with a narrower education field keeps it.
        ("Asystent nauczyciela przedszkola", "0112"),
    ],
)
def test_teaching_context_leaves_other_fields_alone(title, code):
    found = resolve_subject(title)
    assert found is not None
    assert found.isced_code == code, found.evidence


def test_teaching_evidence_names_the_cue_and_the_subject():
    code, evidence = teaching_code("Gry dydaktyczne na lekcji matematyki")
    assert code == "0114"
    assert "na lekcj" in evidence and "matematy" in evidence


def test_validation_process_is_educational_assessment():
    found = resolve_subject("Prowadzenie procesu walidacji")
    assert found is not None and found.isced_code == "0111"


def test_a_subject_named_more_often_wins_a_tie():
    found = match_lexicon(
        "Księgowość od podstaw z obsługą komputerowego programu finansowo-księgowego"
    )
    assert found is not None and found.code == "0411"
    assert "0611" in found.rivals


def test_an_exam_in_a_subject_is_the_subject_not_a_general_programme():
    found = match_lexicon("Przygotowanie do egzaminu maturalnego z matematyki dla dorosłych")
    assert found is not None and found.code == "0541"
    assert "0011" in found.rivals


def test_personal_skills_keep_a_tie_won_on_term_length():
    # Only basic programmes (001) yield a tie to a subject; 0031 is a field of its own.
    found = match_lexicon("Wystąpienia publiczne i autoprezentacja")
    assert found is not None and found.code == "0031"
