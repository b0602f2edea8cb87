"""Polish letters put back into a query word typed without them, to find its dictionary form.

Morfeusz knows `wózki` (lemma `wózek`) but not `wozki`, so a word typed without Polish letters
got only its stem key and ranked below the same word typed with them: "wozki widlowe" put a
warehouse course that says "wózki widłowe" in its description above "Operator wózków
widłowych", which "wózki widłowe" ranks first. Folded and unfolded queries must rank alike, so
a folded word Morfeusz does not know is tried with the Polish letters its plain letters may
stand for (`o` → `ó`, `z` → `ż`/`ź` …); the lemmas of the spellings Morfeusz knows are the
word's lemmas, as if it had been typed with them. Both backends read a word's keys
(`search.query_terms`), so both rank `wozki` as `wózki`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations, islice, product

from catalogue.polish import LEMMA_PREFIX, fold, lemma_keys, word_keys

# A plain letter -> the letters it may stand for when typed without Polish letters.
POLISH = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zżź"}
# Spellings tried per word at most (each one Morfeusz analysis, ~20 µs; remembered per word).
MAX_SPELLINGS = 64
MIN_LETTERS = 3  # `b`, `am`: abbreviations and codes, never words to restore


def restored_lemma_keys(surface: str) -> frozenset[str]:
    """The lemma keys (`l_wozek`) of the Polish spellings of a folded word (`wozki`); empty
    when the word has a Polish letter, is short, or no spelling of it is a known word."""
    return _restored(surface)[0] if _restorable(surface) else frozenset()


def restored_word(word: str) -> str:
    """The first Polish spelling Morfeusz knows of a folded word it does not know (`wozki` →
    `wózki`, for finding synonym phrases); other words as they are."""
    lowered = word.lower()
    if not _restorable(lowered) or any(k.startswith(LEMMA_PREFIX) for k in word_keys(lowered)):
        return word
    return _restored(lowered)[1] or word


def _restorable(word: str) -> bool:
    return len(word) >= MIN_LETTERS and word == fold(word) and word.isalpha()


@lru_cache(maxsize=20_000)
def _restored(surface: str) -> tuple[frozenset[str], str]:
    """The lemma keys of every known spelling (`lodz`: `łódź`, `lodź`…), and the first known
    spelling (with the fewest Polish letters put back)."""
    keys: set[str] = set()
    first = ""
    for spelling in islice(_spellings(surface), MAX_SPELLINGS):
        lemmas = lemma_keys(spelling)  # no stems: most spellings are no word at all
        if lemmas and not first:
            first = spelling
        keys.update(lemmas)
    return frozenset(keys), first


def _spellings(surface: str) -> Iterator[str]:
    """Spellings with one Polish letter first, then two, and so on (`wozki`: `wózki` early)."""
    places = [i for i, letter in enumerate(surface) if letter in POLISH]
    for count in range(1, len(places) + 1):
        for chosen in combinations(places, count):
            for letters in product(*(POLISH[surface[i]][1:] for i in chosen)):
                spelled = list(surface)
                for i, letter in zip(chosen, letters, strict=True):
                    spelled[i] = letter
                yield "".join(spelled)
