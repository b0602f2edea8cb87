"""Synonyms residents use, from `search/data/synonyms.csv` (each group notes where it comes from).

A group is a set of phrases that mean the same course subject ("prawo jazdy", "kat. B",
"kategoria B"). Phrases match word by word on the analyser's lemmas, so inflected forms meet
("kategorii B", "wózków widłowych"); a multi-word phrase only matches as consecutive words.

The embedded backend marks every group phrase found in a document with the group's key
(`y_prawo_jazdy`) among the document's morph keys, and a query phrase of the group then also
looks for that key: the synonym is matched as a phrase without positions in the index, and it
ranks below the words themselves (`SYNONYM` in `search.tantivy.query`).

*Query-only* phrases lead to a group without belonging to it: "UDT" finds forklift courses, but
an offer saying "egzamin UDT" (cranes have one too) is not taken for a forklift course.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from catalogue.polish import STOPWORDS, fold, words
from search.identities import identities, word_identities

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.csv"
SYNONYM_PREFIX = "y_"  # never clashes with a word: words have no `_` (`catalogue.polish.words`)

Words = tuple[str, ...]


@dataclass(frozen=True)
class SynonymGroup:
    key: str  # `y_` + the first phrase, folded, words joined by `_`
    phrases: tuple[Words, ...]  # lower-cased words, Polish letters kept (Morfeusz needs them)
    query_only: tuple[Words, ...]
    source: str

    def folded(self, query_only: bool = False) -> list[str]:
        """The phrases (or the query-only ones) folded and space-joined: `kat b`."""
        phrases = self.query_only if query_only else self.phrases
        return [" ".join(fold(w) for w in phrase) for phrase in phrases]


@dataclass(frozen=True)
class PhraseMatch:
    start: int  # index of the first word
    end: int  # index after the last word
    group: str  # the group's key
    query_only: bool = False  # a query-only phrase: it only leads to the group ("UDT")


@dataclass(frozen=True)
class _Phrase:
    words: Words
    group: str
    query_only: bool


@cache
def synonym_groups() -> tuple[SynonymGroup, ...]:
    with SYNONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    groups = []
    for row in rows:
        phrases = _phrase_words(row["phrases"])
        key = SYNONYM_PREFIX + "_".join(fold(w) for w in phrases[0])
        groups.append(SynonymGroup(key, phrases, _phrase_words(row["query_only"]), row["source"]))
    # The words offers use for an audience or a timetable (`search/data/query_words.toml`).
    from search.understanding import vocabulary_groups  # imported here: it is read late

    for key, says, query_only in vocabulary_groups():
        phrases = _phrase_words("|".join(says))
        source = "search/data/query_words.toml"
        groups.append(SynonymGroup(key, phrases, _phrase_words("|".join(query_only)), source))
    return tuple(groups)


def _phrase_words(cell: str) -> tuple[Words, ...]:
    found = (tuple(m.group().lower() for m in words(p)) for p in cell.split("|"))
    return tuple(w for w in found if w)


@cache
def _phrases_by_first_word() -> dict[str, tuple[_Phrase, ...]]:
    """Phrases under every identity of their first word."""
    index: dict[str, list[_Phrase]] = {}
    for group in synonym_groups():
        listed = [(p, False) for p in group.phrases] + [(p, True) for p in group.query_only]
        for phrase_words, query_only in listed:
            phrase = _Phrase(phrase_words, group.key, query_only)
            for identity in word_identities(phrase_words[0]):
                index.setdefault(identity, []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def find_phrases(text_words: Sequence[str], in_query: bool) -> list[PhraseMatch]:
    """Synonym phrases among consecutive words, longest first, left to right, not overlapping.

    In a document only group phrases count; a query also recognises query-only phrases.
    A stop word never starts a phrase ("i" is not "i" of "kadry i płace").
    """
    lowered = [w.lower() for w in text_words]
    found: list[PhraseMatch] = []
    i = 0
    while i < len(lowered):
        phrases = _starting_with(lowered[i])  # none for most words: keep this loop lean
        match = _longest_at(i, lowered, phrases, in_query) if phrases else None
        if match is None:
            i += 1
        else:
            found.append(match)
            i = match.end
    return found


def _longest_at(
    i: int, lowered: list[str], phrases: tuple[_Phrase, ...], in_query: bool
) -> PhraseMatch | None:
    for phrase in phrases:
        end = i + len(phrase.words)
        if (in_query or not phrase.query_only) and end <= len(lowered):
            pairs = zip(lowered[i + 1 : end], phrase.words[1:], strict=True)
            if all(identities(have) & word_identities(want) for have, want in pairs):
                return PhraseMatch(i, end, phrase.group, phrase.query_only)
    return None


@lru_cache(maxsize=200_000)  # every word of every document passes here while indexing
def _starting_with(word: str) -> tuple[_Phrase, ...]:
    """The phrases a (lower-cased) word can start, longest first; none for a stop word."""
    if fold(word) in STOPWORDS:
        return ()
    index = _phrases_by_first_word()
    found = {p for identity in identities(word) for p in index.get(identity, ())}
    return tuple(sorted(found, key=lambda p: (-len(p.words), p.group, p.words)))


def document_synonym_keys(text_words: Sequence[str]) -> list[str]:
    """The group keys of the synonym phrases among a document's words."""
    return sorted({m.group for m in find_phrases(text_words, in_query=False)})


def meilisearch_synonyms() -> dict[str, list[str]]:
    """The `synonyms` setting of a Meilisearch index, in the analyser's folded forms.

    Every phrase of a group lists the group's other phrases; a query-only phrase lists the
    group's phrases and no phrase lists it (a one-way synonym in Meilisearch's terms).
    Meilisearch matches multi-word synonyms as phrases, like the embedded backend.
    """
    mapping: dict[str, set[str]] = {}
    for group in synonym_groups():
        phrases = group.folded()
        for phrase in phrases:
            mapping.setdefault(phrase, set()).update(p for p in phrases if p != phrase)
        for phrase in group.folded(query_only=True):
            mapping.setdefault(phrase, set()).update(phrases)
    return {phrase: sorted(others) for phrase, others in sorted(mapping.items()) if others}
