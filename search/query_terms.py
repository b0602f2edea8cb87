"""The words of a query as search terms: folded, with their keys, the last one perhaps unfinished.

The words are analysed by the Polish analyser (`catalogue.polish`), as indexed words are; what is
search's own is here: how many words a query keeps, which are optional (stop words), which may
still be being typed (a prefix), and how many typos a word may carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalogue.polish import LEMMA_PREFIX, STOPWORDS, fold, word_keys, words

# A query keeps this many words (Meilisearch ignores words after its 10th, too).
MAX_QUERY_WORDS = 10


@dataclass(frozen=True)
class QueryTerm:
    surface: str  # folded surface form
    keys: frozenset[str]  # stem (`s_…`) and lemma (`l_…`) keys
    prefix: bool  # the last word of the query: the user may still be typing it
    stopword: bool  # optional in the query (`w`, `z`, `dla` …)


def typo_distance(word: str) -> int:
    """Edits allowed in a folded query word, as Meilisearch does: 0 below 5 letters, 1 up to 8,
    then 2 (`spwanie` finds `spawanie`, `kurs` never finds `kurz`)."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


def query_terms(text: str) -> list[QueryTerm]:
    """One term per query word (at most MAX_QUERY_WORDS); the last one is a prefix."""
    return terms_of([m.group() for m in words(text)[:MAX_QUERY_WORDS]], last_is_prefix=True)


def terms_of(query_words: Sequence[str], last_is_prefix: bool) -> list[QueryTerm]:
    """One term per word; the last one is a prefix when the user may still be typing it
    (not when a place name followed it: `informatyka zielona gora`)."""
    terms = []
    for i, word in enumerate(query_words):
        surface = fold(word)
        keys = word_keys(word)
        if not any(k.startswith(LEMMA_PREFIX) for k in keys):
            # Morfeusz knows no word typed without Polish letters; `wozek` may well be the
            # dictionary form `wózek`, whose folded lemma key offers with `wózków` carry.
            keys |= {LEMMA_PREFIX + surface}
        terms.append(
            QueryTerm(
                surface=surface,
                keys=keys,
                prefix=last_is_prefix and i == len(query_words) - 1,
                stopword=surface in STOPWORDS,
            )
        )
    if terms and all(t.stopword for t in terms):
        # `dla` alone is still something to look for.
        terms = [QueryTerm(t.surface, t.keys, t.prefix, False) for t in terms]
    return terms
