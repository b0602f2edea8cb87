"""The Polish analyser, on real Polish words."""

from __future__ import annotations

import pytest

from catalogue.normalise import text as normaliser_text
from catalogue.polish import LEMMA_PREFIX, STEM_PREFIX, fold, tokens, word_keys
from search.query_terms import MAX_QUERY_WORDS, query_terms, typo_distance
from search.tantivy.schema import analyse_document


def shared(a: str, b: str) -> set[str]:
    return set(word_keys(a) & word_keys(b))


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Szkoła", "szkola"), ("ŁÓDŹ", "lodz"), ("Zielona Góra", "zielona gora"), ("żółć", "zolc")],
)
def test_folding_drops_every_polish_diacritic_including_l_stroke(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_the_normaliser_folds_raw_values_by_the_search_rules() -> None:
    assert normaliser_text.fold("  Zielona\u00a0Góra ") == fold("Zielona Góra") == "zielona gora"
    assert normaliser_text.fold(["Łódź", None, "Góra"]) == "lodz gora"
    assert normaliser_text.fold(3.0) == "3"
    assert normaliser_text.fold(None) == ""


def test_a_german_sharp_s_meets_its_spelling_without_it() -> None:
    assert tokens("Große Straße") == tokens("GROSSE STRASSE") == ["grosse", "strasse"]


def test_szkola_typed_without_polish_letters_meets_szkola() -> None:
    assert tokens("Szkoła") == tokens("szkola") == ["szkola"]
    assert shared("szkoła", "szkola")


def test_welding_forms_share_their_keys_but_not_with_the_welder() -> None:
    assert LEMMA_PREFIX + "spawanie" in shared("spawania", "spawanie")
    assert not shared("spawanie", "spawacz")


def test_keys_keep_stems_and_lemmas_apart() -> None:
    keys = word_keys("księgowości")
    assert LEMMA_PREFIX + "ksiegowosc" in keys
    assert {k[:2] for k in keys} == {STEM_PREFIX, LEMMA_PREFIX}


def test_accounting_typed_without_polish_letters_meets_its_inflected_form() -> None:
    assert shared("ksiegowosci", "księgowości")


def test_forklift_trucks_reach_their_dictionary_forms() -> None:
    assert {LEMMA_PREFIX + "wozek", LEMMA_PREFIX + "widlowy"} <= set(
        word_keys("wózków") | word_keys("widłowych")
    )
    assert shared("wózków", "wózki") and shared("widłowych", "widłowe")


def test_an_agglutinated_ending_adds_no_lemma_of_its_own() -> None:
    assert LEMMA_PREFIX + "byc" not in word_keys("nauczyłem")


def test_a_document_becomes_space_joined_keys() -> None:
    analysed = analyse_document("Kurs spawania (MAG)").split()
    assert {"l_kurs", "l_spawanie", "s_spawan", "l_mag"} <= set(analysed)


def test_punctuation_and_long_garbage_are_not_words() -> None:
    assert tokens('"kurs" AND (BHP) e_learning ' + "x" * 41) == [
        "kurs",
        "and",
        "bhp",
        "e",
        "learning",
    ]


def test_the_last_query_word_is_a_prefix_and_stop_words_are_optional() -> None:
    terms = query_terms("kurs z księg")
    assert [(t.surface, t.prefix, t.stopword) for t in terms] == [
        ("kurs", False, False),
        ("z", False, True),
        ("ksieg", True, False),
    ]


def test_a_query_of_stop_words_only_still_requires_them() -> None:
    assert [t.stopword for t in query_terms("dla")] == [False]


def test_a_word_typed_without_polish_letters_may_be_a_dictionary_form() -> None:
    (term,) = query_terms("wozek")
    assert term.keys & word_keys("wózków")


def test_a_long_query_keeps_its_first_words() -> None:
    terms = query_terms(" ".join(f"słowo{i}" for i in range(50)))
    assert len(terms) == MAX_QUERY_WORDS and terms[0].surface == "slowo0"


@pytest.mark.parametrize(("word", "edits"), [("kurs", 0), ("spwanie", 1), ("ksiegowsc", 2)])
def test_longer_words_allow_more_typos(word: str, edits: int) -> None:
    assert typo_distance(word) == edits
