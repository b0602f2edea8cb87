"""What a word can stand for when phrases are matched word by word: its folded form and its
folded lemmas. Synonym phrases (`search.synonyms`) and the meanings of query words
(`search.understanding`) both match this way."""

from __future__ import annotations

from functools import lru_cache

from catalogue.polish import LEMMA_PREFIX, fold, word_keys


def word_identities(word: str) -> frozenset[str]:
    """What a word can stand for: its folded form and its folded lemmas (`wózków` → wozkow,
    wozek). Words that Morfeusz does not know stand for themselves only."""
    return identities(word.lower())


@lru_cache(maxsize=200_000)  # every word of every document passes here while indexing
def identities(word: str) -> frozenset[str]:
    """`word_identities` of a word already lower-cased."""
    lemmas = (k[len(LEMMA_PREFIX) :] for k in word_keys(word) if k.startswith(LEMMA_PREFIX))
    return frozenset({fold(word), *lemmas})
