"""The Polish analyser shared by every search backend.

Every word yields several *keys* so that inflected forms, forms typed without Polish letters
and the dictionary form meet in the index (see shared/research/polish-search.md §0, §3):

- its surface form, lower-cased and folded (`Szkoła` → `szkola`), for exact, fuzzy and prefix
  matching and for highlighting;
- two Snowball-pl stems, `s_` + fold(stem(word)) and `s_` + stem(fold(word)): the first uses the
  Polish suffixes (`kursów` → `kurs`), the second also works for words typed without them;
- `l_` + fold(lemma) for every lemma Morfeusz 2 knows (`wózków` → `l_wozek`).

Stem and lemma keys carry different prefixes so that ranking can trust lemmas more than stems
(`praw` is the stem of `prawo`, `prawy` and `prawa`).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

STEM_PREFIX = "s_"
LEMMA_PREFIX = "l_"
# Longer "words" are URLs, hashes or glued text: nobody types them, and fuzzy matching on
# them is expensive.
MAX_WORD_CHARS = 40
# A query keeps this many words (Meilisearch ignores words after its 10th, too).
MAX_QUERY_WORDS = 10

# Words that carry no meaning in a course search; in a query they are optional, so that
# `kurs z księgowości` does not require a `z` in the offer.
_STOPWORDS = (
    "a", "aby", "albo", "ale", "bez", "by", "czy", "dla", "do", "i", "ich", "jak", "jest", "lub",
    "na", "nad", "o", "od", "oraz", "po", "pod", "przez", "przy", "się", "są", "ta", "te", "to",
    "u", "w", "we", "z", "za", "ze", "że",
)  # fmt: skip

# Letters and digits (`_` is a word character for `\w`), at most MAX_WORD_CHARS of them: a
# longer run is no word at all, not a word cut in two.
_WORD = re.compile(rf"(?<![^\W_])[^\W_]{{1,{MAX_WORD_CHARS}}}(?![^\W_])")
_stemmer_lock = threading.Lock()
_morfeusz_lock = threading.Lock()
_morfeusz: Any = None


def fold(text: str) -> str:
    """Lower-case, drop diacritics; `ł` has no Unicode decomposition, so map it explicitly."""
    text = unicodedata.normalize("NFKD", text.lower()).replace("ł", "l")
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[re.Match[str]]:
    """The words of `text` with their positions (for highlighting)."""
    return list(_WORD.finditer(text))


def word_strings(text: str) -> list[str]:
    """The words of `text`, without positions: the cheapest way to see which words it has."""
    return _WORD.findall(text)


STOPWORDS = frozenset(fold(w) for w in _STOPWORDS)  # compared with folded words: `się` → `sie`


def tokens(text: str) -> list[str]:
    """The folded surface forms of the words of `text`: `Spawanie MAG-135` → spawanie mag 135."""
    return [fold_word(m.group()) for m in words(text)]


@lru_cache(maxsize=200_000)  # indexing and highlighting fold every word of every document
def fold_word(word: str) -> str:
    """`fold` for one word, remembered."""
    return fold(word)


@dataclass(frozen=True)
class QueryTerm:
    surface: str  # folded surface form
    keys: frozenset[str]  # stem (`s_…`) and lemma (`l_…`) keys
    prefix: bool  # the last word of the query: the user may still be typing it
    stopword: bool  # optional in the query (`w`, `z`, `dla` …)


def word_keys(word: str) -> frozenset[str]:
    """Stem and lemma keys of one word (any case); cached per distinct word."""
    return _word_keys(word.lower())


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> frozenset[str]:
    folded = fold(word)
    keys = {STEM_PREFIX + fold(_stem(word)), STEM_PREFIX + _stem(folded)}
    keys.update(LEMMA_PREFIX + fold(lemma) for lemma in _lemmas(word))
    return frozenset(keys)


def typo_distance(word: str) -> int:
    """Edits allowed in a folded query word, as Meilisearch does: 0 below 5 letters, 1 up to 8,
    then 2 (`spwanie` finds `spawanie`, `kurs` never finds `kurz`)."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


def analyse_document(text: str) -> str:
    """The space-joined keys of every word, for the "morph" fields of an index, and the key of
    each synonym group whose phrase the text contains (`search.synonyms`)."""
    # Imported here: `search.synonyms` analyses its phrases with this module.
    from search.synonyms import document_synonym_keys

    found = [m.group() for m in words(text)]
    return " ".join([*map(_keys_text, found), *document_synonym_keys(found)])


@lru_cache(maxsize=200_000)
def _keys_text(word: str) -> str:
    return " ".join(sorted(word_keys(word)))


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


_SNOWBALL = snowballstemmer.stemmer("polish")


def _stem(word: str) -> str:
    # Snowball stemmer objects keep state between calls: not safe to share across threads.
    with _stemmer_lock:
        return _SNOWBALL.stemWord(word)


def _lemmas(word: str) -> set[str]:
    """Morfeusz 2 lemmas without their qualifiers (`zielony:A` → `zielony`); none if unknown.

    Only the first segment counts: `nauczyłem` is `nauczył` + `em`, and the lemma `być` of the
    agglutinate `em` would match every offer that says `jest`.
    """
    with _morfeusz_lock:
        analyses = _analyser().analyse(word)
    return {
        interpretation[1].split(":")[0]
        for start, _end, interpretation in analyses
        if start == 0 and not interpretation[2].startswith("ign")
    }


def _analyser() -> Any:
    # Building Morfeusz loads its dictionary: do it once per process, and only when needed.
    global _morfeusz
    if _morfeusz is None:
        import morfeusz2  # type: ignore[import-untyped]

        _morfeusz = morfeusz2.Morfeusz(generate=False)
    return _morfeusz
