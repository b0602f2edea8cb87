"""What a word can stand for when phrases are matched word by word: its folded form and its
folded lemmas. Synonym phrases (`search.synonyms`) and the meanings of query words
(`search.understanding`) both match this way."""

from __future__ import annotations

from functools import lru_cache

from catalogue.polish import (
    LEMMA_PREFIX,
    common_readings,
    fold,
    word_keys,
)


def word_identities(word: str) -> frozenset[str]:
    """What a word can stand for: its folded form and its folded lemmas (`wózków` → wozkow,
    wozek). Words that Morfeusz does not know stand for themselves only."""
    return identities(word.lower())


@lru_cache(maxsize=200_000)  # every word of every document passes here while indexing
def identities(word: str) -> frozenset[str]:
    """`word_identities` of a word already lower-cased."""
    lemmas = (k[len(LEMMA_PREFIX) :] for k in word_keys(word) if k.startswith(LEMMA_PREFIX))
    return frozenset({fold(word), *lemmas})


# An adjective derived from a noun names what the noun does ("kursy fotowoltaiczne" are courses
# of "fotowoltaika", "kursy komputerowe" of the "komputer"): (adjective ending, noun ending).
# Only a noun Morfeusz knows as an ordinary noun of its own (its lemma) and of MIN_NOUN_LETTERS
# counts: "medyczny" gives no "medyka" (a form of "medyk"), "gotowy" no "got".
DERIVATIONS = (("iczny", "ika"), ("yczny", "yka"), ("owy", ""))
MIN_NOUN_LETTERS = 4


@lru_cache(maxsize=20_000)
def derived_nouns(word: str) -> frozenset[str]:
    """The nouns an adjective (any form, Polish letters kept) is derived from by DERIVATIONS
    (`fotowoltaiczne` → fotowoltaika, `komputerowych` → komputer); none for other words."""
    nouns = set()
    for lemma, part in common_readings(word.lower()):
        for suffix, ending in DERIVATIONS if part == "adj" else ():
            noun = lemma[: -len(suffix)] + ending if lemma.endswith(suffix) else ""
            if len(noun) >= MIN_NOUN_LETTERS and (noun, "subst") in common_readings(noun):
                nouns.add(noun)
    return frozenset(nouns)


def derived_lemma_keys(word: str) -> frozenset[str]:
    """The lemma keys of the nouns a word is derived from (`derived_nouns`), which documents
    carry for every form of the noun (`fotowoltaiki`: `l_fotowoltaika`)."""
    return frozenset(LEMMA_PREFIX + fold(noun) for noun in derived_nouns(word))
