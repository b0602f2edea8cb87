"""HTML-safe snippets with the matched words wrapped in `<mark>`, from the analysed query.

tantivy's own snippet generator only marks exact term matches, not fuzzy, prefix or stem ones,
so the words are marked here by the rules the query used: same folded form, a started last
word, a typo within the allowed distance, or a shared stem or lemma key. Everything but the
`<mark>` tags is escaped.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache

from search.polish import QueryTerm, fold_word, iter_words, typo_distance, word_keys, words

SNIPPET_CHARS = 200
CONTEXT_CHARS = 60  # shown before the first match
MAX_SCAN_CHARS = 3_000  # a description's later words are not looked for a first match


def highlight(text: str, terms: list[QueryTerm]) -> str:
    """The whole text, escaped, with matching words marked."""
    return render(text, matched_spans(text, terms), 0, len(text))


def snippet(text: str, terms: list[QueryTerm], max_chars: int = SNIPPET_CHARS) -> str:
    """About `max_chars` of the text around its first matching word, escaped and marked."""
    if len(text) <= max_chars:
        return highlight(text, terms)
    first = _first_match(text[:MAX_SCAN_CHARS], terms)
    start = 0 if first is None else min(_word_start_after(text, first - CONTEXT_CHARS), first)
    end = _word_end_before(text, start + max_chars)
    if end <= start:  # one very long word
        end = start + max_chars
    spans = [(a + start, b + start) for a, b in matched_spans(text[start:end], terms)]
    body = render(text, spans, start, end)
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def matched_spans(text: str, terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` that a query term matches."""
    matches = _matcher(tuple(terms))
    if not matches.wanted:
        return []
    return [m.span() for m in words(text) if matches(m.group())]


def _first_match(text: str, terms: list[QueryTerm]) -> int | None:
    matches = _matcher(tuple(terms))
    for m in iter_words(text) if matches.wanted else ():
        if matches(m.group()):
            return m.start()
    return None


class _Matcher:
    """Whether a word matches any of a query's terms, remembered per word: the hits of one
    search share most of their words, and a page highlights forty texts."""

    def __init__(self, terms: tuple[QueryTerm, ...]) -> None:
        self.wanted = [t for t in terms if not t.stopword]
        self._seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = any(_matches(word, t) for t in self.wanted)
        return found


@lru_cache(maxsize=256)
def _matcher(terms: tuple[QueryTerm, ...]) -> _Matcher:
    return _Matcher(terms)


@lru_cache(maxsize=100_000)
def _matches(word: str, term: QueryTerm) -> bool:
    folded, query = fold_word(word), term.surface
    if folded == query or (term.prefix and folded.startswith(query)):
        return True
    distance = typo_distance(query)
    if distance and _within(folded, query, distance, term.prefix):
        return True
    # Inflected forms share their first letters with the query (`wózków` / `wózki`): looking up
    # keys only then keeps highlighting cheap on a cold cache. Suppletive forms are not marked.
    return folded[:2] == query[:2] and bool(word_keys(word) & term.keys)


def _within(word: str, query: str, distance: int, prefix: bool) -> bool:
    """Whether `word` (or, for a prefix, some start of it) is `distance` edits from `query`.

    Edits are counted as tantivy counts them: Levenshtein, with a swap of two neighbours as one.
    """
    if not prefix and abs(len(word) - len(query)) > distance:
        return False
    word = word[: len(query) + distance]
    # Each edit brings at most one of the query's letters: a cheap bound that spares most
    # words of a description the full computation below.
    if sum(max(0, n - word.count(c)) for c, n in _letters(query)) > distance:
        return False
    before: list[int] = []
    row = list(range(len(query) + 1))  # distances of word[:0] to each start of the query
    for i in range(1, len(word) + 1):
        current = [i] + [0] * len(query)
        for j in range(1, len(query) + 1):
            cost = word[i - 1] != query[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and word[i - 1] == query[j - 2] and word[i - 2] == query[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if prefix and current[-1] <= distance:
            return True
        if min(current) > distance:
            return False
        before, row = row, current
    return row[-1] <= distance


@lru_cache(maxsize=1_000)
def _letters(query: str) -> tuple[tuple[str, int], ...]:
    return tuple(Counter(query).items())


def render(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """`text[start:end]` escaped, with the spans inside it wrapped in `<mark>`."""
    end = len(text) if end is None else end
    out, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out.append(html.escape(text[position:span_start]))
        out.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(html.escape(text[position:end]))
    return "".join(out)


_SPACE = re.compile(r"\s")


def _word_start_after(text: str, position: int) -> int:
    """The first position at or after `position` that starts a word (0 if before the text)."""
    if position <= 0:
        return 0
    space = _SPACE.search(text, position)
    return space.end() if space else position


def _word_end_before(text: str, position: int) -> int:
    """The last whitespace at or before `position`, so that no word is cut."""
    if position >= len(text):
        return len(text)
    cut = text.rfind(" ", 0, position + 1)
    return cut if cut > 0 else position
