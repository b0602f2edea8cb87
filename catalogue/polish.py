"""The Polish analyser shared by the normaliser and every search backend.

`fold` is how both compare text: lower case, no diacritics, `ł` → l, `ß` → ss, whitespace runs
as one space. The normaliser folds raw values with it (`catalogue.normalise.text.fold`) before
looking them up in its tables; search folds what it indexes and what is typed with it.

For search, every word yields several *keys* so that inflected forms, forms typed without Polish
letters and the dictionary form meet in the index:

- its surface form, lower-cased and folded (`Szkoła` → `szkola`), for exact, fuzzy and prefix
  matching and for highlighting;
- two Snowball-pl stems, `s_` + fold(stem(word)) and `s_` + stem(fold(word)): the first uses the
  Polish suffixes (`kursów` → `kurs`), the second also works for words typed without them;
- `l_` + fold(lemma) for every lemma Morfeusz 2 knows (`wózków` → `l_wozek`).

Stem and lemma keys carry different prefixes so that ranking can trust lemmas more than stems
(`praw` is the stem of `prawo`, `prawy` and `prawa`). Morfeusz also generates the inflected
forms of a name (`inflected_forms`), for place names typed in any case (`search.query_places`).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache, lru_cache
from typing import Any

import snowballstemmer

STEM_PREFIX = "s_"
LEMMA_PREFIX = "l_"
# Longer "words" are URLs, hashes or glued text: nobody types them, and fuzzy matching on
# them is expensive.
MAX_WORD_CHARS = 40

# Words that carry no meaning in a course search; in a query they are optional, so that
# `kurs z księgowości` does not require a `z` in the offer.
_STOPWORDS = (
    "a", "aby", "albo", "ale", "bez", "by", "czy", "dla", "do", "i", "ich", "jak", "jest", "lub",
    "na", "nad", "o", "od", "oraz", "po", "pod", "przez", "przy", "się", "są", "ta", "te", "to",
    "u", "w", "we", "z", "za", "ze", "że",
)  # fmt: skip

# Letters without a Unicode decomposition that still fold: `ł` (`Łódź` → lodz), and the German
# `ß` as German writes it without (`Straße` → strasse).
_FOLDS = str.maketrans({"ł": "l", "ß": "ss"})
# Letters and digits (`_` is a word character for `\w`), at most MAX_WORD_CHARS of them: a
# longer run is no word at all, not a word cut in two.
_WORD = re.compile(rf"(?<![^\W_])[^\W_]{{1,{MAX_WORD_CHARS}}}(?![^\W_])")
_stemmer_lock = threading.Lock()
_morfeusz_lock = threading.Lock()
_generator_lock = threading.Lock()
_morfeusz: Any = None


def fold(text: str) -> str:
    """Lower-case, drop diacritics, collapse whitespace: `Zielona  Góra ` → `zielona gora`.
    NFKD also turns non-breaking spaces into spaces and ligatures into letters."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLDS))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


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


def word_keys(word: str) -> frozenset[str]:
    """Stem and lemma keys of one word (any case); cached per distinct word."""
    return _word_keys(word.lower())


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> frozenset[str]:
    folded = fold(word)
    keys = {STEM_PREFIX + fold(_stem(word)), STEM_PREFIX + _stem(folded)}
    keys.update(lemma_keys(word))
    return frozenset(keys)


def lemma_keys(word: str) -> frozenset[str]:
    """The lemma keys of one lower-case word, those of `word_keys` without the stems (not
    remembered: for trying spellings, `search.diacritics`)."""
    return frozenset(LEMMA_PREFIX + fold(lemma) for lemma in _lemmas(word))


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
        import morfeusz2

        _morfeusz = morfeusz2.Morfeusz(generate=False)
    return _morfeusz


def inflected_forms(word: str) -> set[str]:
    """Every folded form of every lemma the word is the base form of (`Góra` → gorze, gor …)."""
    generator = _generator()
    with _generator_lock:
        lemmas = {i[2][1] for i in generator.analyse(word) if _base(i[2][1]) == fold(word)}
        return {fold(form[0]) for lemma in lemmas for form in generator.generate(lemma)}


def is_common_word(word: str) -> bool:
    """Whether the lower-cased word is also an ordinary noun or adjective (`sława`, `sucha`)."""
    generator = _generator()
    with _generator_lock:
        readings = [i[2] for i in generator.analyse(word.lower())]
    return any(
        r[1].split(":")[0].islower() and ("nazwa_pospolita" in r[3] or r[2].startswith("adj:"))
        for r in readings
    )


def common_readings(word: str) -> frozenset[tuple[str, str]]:
    """(lemma, part of speech) of the ordinary readings of a lower-cased word, names left out
    (`komputerowe` → ("komputerowy", "adj"); `fotowoltaika` → ("fotowoltaika", "subst"))."""
    generator = _generator()
    with _generator_lock:
        readings = [i[2] for i in generator.analyse(word.lower())]
    return frozenset(
        (r[1].split(":")[0], r[2].split(":")[0])
        for r in readings
        if (r[1].split(":")[0].islower() and "nazwa_pospolita" in r[3]) or r[2].startswith("adj:")
    )


def _base(lemma: str) -> str:
    return fold(lemma.split(":")[0])


@cache
def _generator() -> Any:
    # A second Morfeusz, with its generation dictionary, for the few place names only: the
    # analyser of every indexed word does without it.
    import morfeusz2

    return morfeusz2.Morfeusz(generate=True)
