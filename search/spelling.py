"""Did you mean ("Czy chodziło Ci o …?"): when a query finds nothing, the nearest indexed words.

Only words that find nothing on their own (within the filters) are replaced, each by the
indexed word nearest to it in edit distance (a transposition is one edit), at most
`MAX_EDITS` away, the most frequent of equally near words; the corrected query must then find
something. Short words get at most one edit: `kurz` → `kurs`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz.distance import OSA

from catalogue.polish import STOPWORDS, fold, tokens
from search.understanding import is_understood_word

MAX_EDITS = 2
MIN_WORD = 3  # shorter words are not corrected: too many words are one edit from `ab`


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap neighbours), or
    `limit + 1` when it exceeds `limit`."""
    return OSA.distance(a, b, score_cutoff=limit)


def allowed_edits(word: str) -> int:
    return 1 if len(word) < 5 else MAX_EDITS


def closest_word(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word` (folded) within its allowed edits, the most frequent
    among equally near ones, then the first alphabetically; None when none is near enough."""
    limit = allowed_edits(word)
    counts = Counter(c for c in candidates if c != word and c not in STOPWORDS)
    best: tuple[int, int, str] | None = None
    for candidate, count in counts.items():
        distance = edit_distance(word, candidate, limit)
        if distance <= limit and (best is None or (distance, -count, candidate) < best):
            best = (distance, -count, candidate)
    return best[2] if best else None


def correct(
    query_words: Sequence[str],
    finds_something: Callable[[str], bool],
    neighbours: Callable[[str], Iterable[str]],
    accept: Callable[[str], bool],
) -> str | None:
    """The query with each word that finds nothing replaced by its closest neighbour.

    `finds_something(word)` tells whether a word (as typed) alone finds an offer;
    `neighbours(folded)` gives indexed words that may be near the folded word (with repeats for
    frequency); `accept(text)` tells whether the corrected query finds something. None when no
    word could be corrected or the result still finds nothing.
    """
    corrected, changed = [], False
    replacements: dict[str, str | None] = {}  # a repeated word is looked up once
    for word in query_words:
        folded = fold(word)
        if folded not in replacements:
            known = (
                len(folded) < MIN_WORD
                or folded in STOPWORDS
                or is_understood_word(word)  # "darmowe" means free, it is not "dachowe"
                or finds_something(word)
            )
            replacements[folded] = None if known else closest_word(folded, neighbours(folded))
        replacement = replacements[folded]
        corrected.append(replacement or word)
        changed |= replacement is not None
    text = " ".join(corrected)
    return text if changed and accept(text) else None


def text_words(texts: Iterable[str]) -> list[str]:
    """The folded words of some texts, repeated as often as they occur."""
    return [word for text in texts for word in tokens(text)]
