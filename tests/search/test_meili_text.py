"""Words as the Meilisearch backend sends them: one canonical token per word."""

from __future__ import annotations

import pytest

from catalogue.polish import fold, word_keys
from search.meili.text import (
    canonical,
    lemmas_and_keys,
    phrase_tokens,
    query_text,
    synonym_settings,
)
from search.query_terms import query_terms, terms_of


def token(word: str, prefix: bool = False) -> str:
    return canonical(fold(word), word_keys(word), prefix)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kursów", "kurs"),
        ("wózków", "wozek"),
        ("Wózki", "wozek"),
        ("widłowych", "widlowy"),
        ("spawania", "spawanie"),  # the lemma closest to the word, not `spawac`
        ("Szkoła", "szkola"),
        ("ksiegowosc", "ksiegowosc"),  # unknown to Morfeusz: its letters
        ("księgowej", "ksiegowa"),
        ("B", "b"),  # not Morfeusz's `bit`
        ("08", "08"),
    ],
)
def test_a_word_becomes_its_dictionary_form_or_its_letters(word: str, expected: str) -> None:
    assert token(word) == expected


def test_inflected_forms_of_a_word_meet_in_one_token() -> None:
    assert {token(w) for w in ("wózek", "wózki", "wózków", "wózkiem")} == {"wozek"}


def test_a_word_still_being_typed_keeps_its_letters_when_they_begin_its_lemma() -> None:
    assert token("spawa", prefix=True) == "spawa"  # the prefix finds `spawanie` and `spawac`
    assert token("kursów", prefix=True) == "kurs"


def test_the_query_sends_tokens_without_stop_words() -> None:
    assert query_text(query_terms("Kursy w księgowości i kurs")) == "ksiegowosc "
    assert query_text(query_terms("dla i w")) == "dla i w"
    assert query_text(query_terms("")) == ""


def test_filler_words_are_left_out_beside_a_subject_word_only() -> None:
    # "kurs" never stands in for the subject (issue 13), but alone it is what is looked for.
    assert query_text(query_terms("Kursy w księgowości")) == "ksiegowosc"
    assert query_text(query_terms("Kursy w księgowości"), fillers=True) == "kurs ksiegowosc"
    assert query_text(query_terms("szkolenia")) == "szkolenie"
    assert query_text(query_terms("kurs dla")) == "kurs "


def test_only_a_last_word_still_being_typed_is_sent_as_a_prefix() -> None:
    # Meilisearch reads the last word of `q` as a prefix unless `q` ends with a space.
    assert query_text(query_terms("kurs progr")) == "progr"
    assert query_text(terms_of(["kurs", "spawania"], last_is_prefix=False)) == "spawanie "


def test_a_document_text_gives_tokens_in_order_and_its_other_keys_once() -> None:
    tokens, keys = lemmas_and_keys("Operator wózków widłowych, wózki")
    assert tokens == "operator wozek widlowy wozek"
    assert set(keys.split()) >= {"wozk", "widlow"}
    assert len(keys.split()) == len(set(keys.split()))
    assert "wozek" not in keys.split()  # already the token


def test_synonyms_are_translated_to_the_tokens_the_query_sends() -> None:
    groups = {
        "prawo jazdy": ["kat. B", "prawa jazdy"],
        "wózek widłowy": ["UDT", "operator wózków jezdniowych"],
        "?!": ["nic"],
    }
    assert synonym_settings(groups) == {
        "prawo jazda": ["kat b", "prawa jazda"],  # `prawa` is a lemma too: kept as a phrase
        "wozek widlowy": ["udt", "operator wozek jezdniowy"],
    }
    assert phrase_tokens("Prawem jazdy") == "prawo jazda"
