"""The synonym list: its data file, phrase matching, and what Meilisearch is sent."""

from __future__ import annotations

import csv

import pytest

from catalogue.polish import words
from search.synonyms import (
    SYNONYM_PREFIX,
    SYNONYMS_FILE,
    find_phrases,
    meilisearch_synonyms,
    synonym_groups,
)
from search.tantivy.schema import analyse_document


def groups_found(text: str, in_query: bool = True) -> list[tuple[str, str]]:
    found = [m.group() for m in words(text)]
    return [(" ".join(found[m.start : m.end]), m.group) for m in find_phrases(found, in_query)]


def test_every_group_says_where_it_comes_from_and_has_a_unique_key() -> None:
    with SYNONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    groups = synonym_groups()
    # Audience and timetable words of `search/data/query_words.toml` are groups too.
    assert len([g for g in groups if g.key.startswith(SYNONYM_PREFIX + "u_")]) >= 5
    assert len([g for g in groups if not g.key.startswith(SYNONYM_PREFIX + "u_")]) == len(rows)
    assert len(rows) >= 30
    assert all(len(row["source"]) > 20 for row in rows)
    keys = [g.key for g in groups]
    assert len(set(keys)) == len(keys)
    assert all(k.startswith(SYNONYM_PREFIX) and " " not in k for k in keys)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kurs prawa jazdy", [("prawa jazdy", "y_prawo_jazdy")]),
        ("Kurs na kat. B", [("kat B", "y_prawo_jazdy")]),
        ("egzamin na wózki jezdniowe", [("wózki jezdniowe", "y_wozek_widlowy")]),
        ("bezpieczeństwa i higieny pracy", [("bezpieczeństwa i higieny pracy", "y_bhp")]),
        ("wyższy średnio zaawansowany", [("wyższy średnio zaawansowany", "y_poziom_b2")]),
        ("kat i B", []),  # not next to each other
        ("i płace", []),  # a stop word starts no phrase
    ],
)
def test_phrases_match_consecutive_words_in_any_form(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert groups_found(text) == expected


def test_a_query_only_phrase_leads_to_its_group_but_does_not_mark_documents() -> None:
    assert groups_found("egzamin UDT") == [("UDT", "y_wozek_widlowy")]
    assert groups_found("egzamin UDT", in_query=False) == []
    assert "y_wozek_widlowy" not in analyse_document("Suwnice – egzamin UDT")
    assert "y_wozek_widlowy" in analyse_document("Operator wózków widłowych").split()


def test_meilisearch_gets_mutual_and_one_way_synonyms_in_folded_forms() -> None:
    mapping = meilisearch_synonyms()
    assert mapping["prawo jazdy"] == ["kat b", "kategoria b"]
    assert "prawo jazdy" in mapping["kat b"]
    assert "wozek widlowy" in mapping["udt"]
    assert all("udt" not in others for others in mapping.values())  # one way only
    for phrase, others in mapping.items():
        assert phrase == phrase.lower() and phrase.isascii()
        assert phrase not in others
