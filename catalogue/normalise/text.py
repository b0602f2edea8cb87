"""Text helpers shared by every step: safe string conversion, folding, word and term search.

Folding is the Polish analyser's (`catalogue.polish.fold`), so the normaliser and search compare
text by the same rules; here it takes a raw value, whatever a source sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from catalogue import polish

# Words of folded text for term matching, not the analyser's words: a programming language
# keeps its sign (`c++`, `c#`), which the lexicon's terms name.
_WORD_RE = re.compile(r"[0-9a-ząćęłńóśźż]+(?:[+#][0-9a-z]*)?", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def as_text(value: Any) -> str | None:
    """Any raw value as a stripped string, or None when there is nothing in it."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (list, tuple, set)):
        value = " ".join(str(v) for v in value if v is not None)
    text = collapse(str(value))
    return text or None


def collapse(text: str) -> str:
    """Whitespace runs (including non-breaking spaces) collapsed to one space, trimmed."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def fold(value: Any) -> str:
    """A raw value (`as_text`) folded: lower case, no diacritics ("Łódź" -> "lodz"), whitespace
    collapsed; "" for None."""
    text = as_text(value)
    return "" if text is None else polish.fold(text)


def fold_words(value: Any) -> list[str]:
    """Folded words, punctuation dropped: "Gorzów Wlkp." -> ["gorzow", "wlkp"]."""
    return _WORD_RE.findall(fold(value))


def words_with_originals(value: Any) -> list[tuple[str, str]]:
    """(folded, original) pairs of the words of a text, for evidence quoting the source."""
    text = as_text(value) or ""
    return [(fold(m.group(0)), m.group(0)) for m in _WORD_RE.finditer(text)]


def term_matches(term: str, words: Sequence[str]) -> list[int]:
    """Start positions where a term matches consecutive folded words.

    A term is space-separated parts; each part matches a word it prefixes, or equals it
    when it ends with "=" ("mag=" matches "mag" but not "magazyn").
    """
    parts = _parts(term)
    if not parts:  # nothing to match: it matches everywhere
        return list(range(len(words) + 1))
    first, *rest = parts
    hits = []
    for start in range(len(words) - len(rest)):
        # Most words do not begin with the first part: test it before building the rest.
        if part_matches(first, words[start]) and all(
            part_matches(p, words[start + i]) for i, p in enumerate(rest, 1)
        ):
            hits.append(start)
    return hits


@lru_cache(maxsize=16384)
def _parts(term: str) -> tuple[str, ...]:
    return tuple(term.split())


def part_matches(part: str, word: str) -> bool:
    """A term part matches a word it prefixes, or equals it when it ends with \"=\"."""
    if part.endswith("="):
        return word == part[:-1]
    return word.startswith(part)


def any_term(terms: Iterable[str], value: Any) -> str | None:
    """The first term (in the given order) found in the text, or None."""
    words = fold_words(value)
    for term in terms:
        if term_matches(term, words):
            return term
    return None


# Runs of two or more non-ASCII characters: where UTF-8 read as Windows-1250 or -1252 shows
# ("ł" -> "Ĺ‚" or "Å‚", "ó" -> "Ăł" or "Ã³").
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
_TYPOGRAPHY = frozenset("„”‘’“–—…€")


def looks_garbled(value: Any) -> bool:
    """True for mojibake: text whose UTF-8 bytes were read as Windows-1250 or Windows-1252
    ("ObsĹ‚uga kas fiskalnych", "GÃ³ra"). A run of characters counts when writing it back in
    that code page gives UTF-8 for Latin letters; Polish text written so is no UTF-8 at all
    (or, like "PÓŁ", Cyrillic), so it does not."""
    text = as_text(value)
    if text is None or text.isascii():
        return False
    for match in _NON_ASCII_RUN.finditer(text):
        for encoding in ("cp1250", "cp1252"):
            try:
                fixed = match.group(0).encode(encoding).decode("utf-8")
            except UnicodeError:
                continue
            if all(ord(c) < 0x180 or c in _TYPOGRAPHY for c in fixed):  # Latin-1, Latin-A
                return True
    return False
