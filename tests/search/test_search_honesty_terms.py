"""Query words that count (issue 13): filler words, licence categories, and words typed without
Polish letters getting the lemma of their Polish spelling (`search.query_terms`,
`search.diacritics`, `search.query_text`)."""

from __future__ import annotations

import pytest

from search.diacritics import restored_lemma_keys, restored_word
from search.query_terms import QueryTerm, query_terms
from search.query_text import SynonymSpan, analyse_query


def by_surface(text: str) -> dict[str, QueryTerm]:
    return {t.surface: t for t in query_terms(text)}


@pytest.mark.parametrize("word", ["kurs", "kursy", "szkolenie", "szkoleń", "zajęcia", "zajecia",
                                  "nauka", "oferta"])  # fmt: skip
def test_a_filler_word_beside_a_subject_is_optional(word: str) -> None:
    terms = query_terms(f"{word} spawania")
    assert [t.optional for t in terms] == [True, False]


def test_filler_words_alone_are_what_is_looked_for() -> None:
    assert [t.optional for t in query_terms("kurs")] == [False]
    assert [(t.surface, t.optional) for t in query_terms("kurs dla")] == [
        ("kurs", False),
        ("dla", True),
    ]
    assert analyse_query("kurs zielona gora").required == 1


def test_a_filler_word_inside_a_synonym_phrase_is_part_of_it() -> None:
    analysed = analyse_query("kwalifikacyjny kurs zawodowy")
    (span,) = analysed.units
    assert isinstance(span, SynonymSpan)
    assert not any(t.optional for t in span.terms)


def test_a_licence_category_is_a_whole_word_that_must_match() -> None:
    terms = by_surface("prawo jazdy kat B")
    assert terms["b"].category and not terms["b"].prefix and not terms["b"].optional
    assert terms["b"].keys == frozenset({"s_b"})  # never `bit`, never a prefix of `bhp`
    assert terms["kat"].optional
    assert not by_surface("kat")["kat"].optional  # alone, "kat" is a word like another
    assert not by_surface("angielski b")["b"].category  # no "kat." before it


def test_a_phrase_with_a_category_is_matched_word_by_word() -> None:
    analysed = analyse_query("prawo jazdy kat B")
    groups = [u.group if isinstance(u, SynonymSpan) else u.surface for u in analysed.units]
    assert groups == ["y_prawo_jazdy", "kat", "b"]
    assert analysed.required == 2


@pytest.mark.parametrize(
    ("folded", "spelled"),
    [("wozki", "wózki"), ("widlowe", "widłowe"), ("zeglarza", "żeglarza"),
     ("bezpieczenstwa", "bezpieczeństwa"), ("Wozki", "wózki")],
)  # fmt: skip
def test_a_word_without_polish_letters_has_the_keys_of_its_polish_spelling(
    folded: str, spelled: str
) -> None:
    (plain,) = query_terms(folded + " ")
    (polish,) = query_terms(spelled + " ")
    assert plain.keys == polish.keys
    assert restored_word(folded).lower() == spelled


def test_only_unknown_folded_words_are_restored() -> None:
    assert restored_word("kurs") == "kurs"  # a known word: as typed
    assert restored_lemma_keys("wózki") == frozenset()  # has a Polish letter already
    assert restored_lemma_keys("b1") == frozenset()
    assert restored_lemma_keys("xqzt") == frozenset()  # no spelling of it is a word
    (unknown,) = query_terms("xqzt ")
    assert unknown.keys >= {"l_xqzt"}  # still its own dictionary form, maybe
