"""The words of a query as search terms: folded, with their keys, the last one perhaps unfinished.

The words are analysed by the Polish analyser (`catalogue.polish`), as indexed words are; what is
search's own is here: how many words a query keeps, which are optional (stop words), which may
still be being typed (a prefix), and how many typos a word may carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from catalogue.polish import (
    LEMMA_PREFIX,
    STEM_PREFIX,
    STOPWORDS,
    fold,
    is_common_word,
    word_keys,
    words,
)
from search.diacritics import restored_lemma_keys, restored_word

# A query keeps this many words (Meilisearch ignores words after its 10th, too).
MAX_QUERY_WORDS = 10
# Words that say what kind of thing is wanted, never what it is about (folded lemmas): with a
# subject word beside them they are optional, like stop words, so that "kurs spawania zielona
# gora" never answers courses in Zielona Góra about anything because "kurs" and the place
# matched. A query of such words alone ("kurs") still looks for them. "branża" (a trade, an
# industry: "branża beauty", "branża IT") names no subject either.
FILLER_LEMMAS = frozenset({"kurs", "szkolenie", "zajecia", "zajecie", "nauka", "oferta", "branza"})
# The driving-licence categories (Polish law): a letter after "kat." is what tells the offers
# apart ("prawo jazdy kat B" is not category C), so it must match itself, never as a prefix.
LICENCE_CATEGORIES = frozenset(
    {"am", "a1", "a2", "a", "b1", "b", "c1", "c", "d1", "d", "be", "c1e", "ce", "d1e", "de", "t"}
)
CATEGORY_WORDS = frozenset({"kat", "kategoria", "kategorii", "kategorie"})
# A word this short allows a typo only when it is no word (`typo_distance`).
SHORT_TYPO_LETTERS = 4


@dataclass(frozen=True)
class QueryTerm:
    surface: str  # folded surface form
    keys: frozenset[str]  # stem (`s_…`) and lemma (`l_…`) keys
    prefix: bool  # the last word of the query: the user may still be typing it
    stopword: bool  # optional in the query (`w`, `z`, `dla` …)
    filler: bool = False  # optional beside a subject word (`kurs`, `szkolenie`; FILLER_LEMMAS)
    category: bool = False  # a licence category after "kat." (`B`): matched as itself only
    # Lemma keys of the nouns an adjective is derived from (`search.identities.derived_nouns`):
    # "fotowoltaiczne" also matches "fotowoltaika", as a curated synonym does.
    derived: frozenset[str] = frozenset()

    @property
    def optional(self) -> bool:
        """Need not match: a stop word, or a filler word beside a subject word."""
        return self.stopword or self.filler


def typo_distance(word: str) -> int:
    """Edits allowed in a folded query word, as Meilisearch does: 0 below 5 letters, 1 up to 8,
    then 2 (`spwanie` finds `spawanie`, `kurs` never finds `kurz`). A word of SHORT_TYPO_LETTERS
    that is no ordinary Polish word allows one: `exel` finds `excel`, while `kary` (a word)
    never finds `kadry` (Meilisearch cannot tell them apart: decision 0016)."""
    if len(word) < 5:
        return 1 if len(word) == SHORT_TYPO_LETTERS and not _known(word) else 0
    return 1 if len(word) < 9 else 2


@lru_cache(maxsize=20_000)
def _known(word: str) -> bool:
    """Whether a folded word is an ordinary Polish word (a noun or an adjective, not only a
    name: Morfeusz knows `Exel` as a surname) as typed or with its Polish letters restored."""
    return is_common_word(word) or is_common_word(restored_word(word))


def query_terms(text: str) -> list[QueryTerm]:
    """One term per query word (at most MAX_QUERY_WORDS); the last one is a prefix."""
    return terms_of([m.group() for m in words(text)[:MAX_QUERY_WORDS]], last_is_prefix=True)


def terms_of(query_words: Sequence[str], last_is_prefix: bool) -> list[QueryTerm]:
    """One term per word; the last one is a prefix when the user may still be typing it
    (not when a place name followed it: `informatyka zielona gora`)."""
    terms = []
    folded = [fold(word) for word in query_words]
    for i, word in enumerate(query_words):
        surface = folded[i]
        keys = word_keys(word)
        category = i > 0 and folded[i - 1] in CATEGORY_WORDS and surface in LICENCE_CATEGORIES
        if category:  # `B` is no `bit`, and no beginning of `bezpieczeństwo`
            keys = frozenset({STEM_PREFIX + surface})
        elif not any(k.startswith(LEMMA_PREFIX) for k in keys):
            # Morfeusz knows no word typed without Polish letters: `wozki` gets the lemma of
            # `wózki` (`search.diacritics`), so that it ranks as `wózki` does; failing that
            # it may be a dictionary form (`wozek`), whose folded lemma key documents carry.
            keys |= restored_lemma_keys(surface) or {LEMMA_PREFIX + surface}
        followed_by_category = i + 1 < len(folded) and folded[i + 1] in LICENCE_CATEGORIES
        terms.append(
            QueryTerm(
                surface=surface,
                keys=keys,
                prefix=last_is_prefix and i == len(query_words) - 1 and not category,
                stopword=surface in STOPWORDS,
                filler=bool(keys & _FILLER_KEYS)
                or (surface in CATEGORY_WORDS and followed_by_category),
                category=category,
            )
        )
    if all(t.optional for t in terms):  # no subject word: `kurs` alone is what is looked for
        terms = [replace(t, filler=False) for t in terms]
    if terms and all(t.stopword for t in terms):
        # `dla` alone is still something to look for.
        terms = [replace(t, stopword=False) for t in terms]
    return terms


_FILLER_KEYS = frozenset(LEMMA_PREFIX + lemma for lemma in FILLER_LEMMAS)
