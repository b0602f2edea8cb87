"""HTML-safe snippets with the matched words wrapped in `<mark>`, from the analysed query.

tantivy's own snippet generator only marks exact term matches, not fuzzy, prefix or stem ones,
so the words are marked here by the rules the query used: same folded form, a started last
word, a typo within the allowed distance, or a shared stem or lemma key. Everything but the
`<mark>` tags is escaped.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from catalogue.polish import fold_word, word_keys, words
from search.query_terms import QueryTerm, typo_distance
from search.synonyms import find_phrases

SNIPPET_CHARS = 200
CONTEXT_CHARS = 60  # shown before the first match
MAX_SCAN_CHARS = 3_000  # a description's later words are not looked for a first match


Groups = frozenset[str]  # keys of the synonym groups a query's phrases stand for
NO_GROUPS: Groups = frozenset()


def highlight(text: str, terms: list[QueryTerm], groups: Groups = NO_GROUPS) -> str:
    """The whole text, escaped, with matching words (and synonym phrases) marked."""
    return render(text, matched_spans(text, terms, groups), 0, len(text))


def snippet(
    text: str, terms: list[QueryTerm], max_chars: int = SNIPPET_CHARS, groups: Groups = NO_GROUPS
) -> str:
    """About `max_chars` of the text around its first match, escaped and marked."""
    if len(text) <= max_chars:
        return highlight(text, terms, groups)
    scanned = text[:MAX_SCAN_CHARS]
    matcher = _matcher(tuple(terms))
    found = words(scanned)
    spans = matcher.spans(found)
    phrases = synonym_spans(found, groups)
    firsts = [a for a, _ in spans[:1]] + [a for a, _ in phrases[:1]]
    start, end = snippet_bounds(text, min(firsts, default=None), max_chars)
    if end > len(scanned):  # the window runs past the scanned text: its own words
        found = words(text[start:end])
        spans = [(a + start, b + start) for a, b in matcher.spans(found)]
        phrases = [(a + start, b + start) for a, b in synonym_spans(found, groups)]
    body = render(text, _with_phrases(spans, phrases) if phrases else spans, start, end)
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def snippet_bounds(text: str, first: int | None, max_chars: int) -> tuple[int, int]:
    """Where a snippet of `text` starts and ends: from a word start some context before the
    first match (`first`; None: the text's start), to a word end about `max_chars` on."""
    start = 0 if first is None else min(_word_start_after(text, first - CONTEXT_CHARS), first)
    end = _word_end_before(text, start + max_chars)
    if end <= start:  # one very long word
        end = start + max_chars
    return start, end


def matched_spans(
    text: str, terms: list[QueryTerm], groups: Groups = NO_GROUPS
) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` a query term matches, and of each phrase of the
    synonym `groups` in it (`prawo jazdy` marks "kat. B")."""
    found = words(text)
    spans = _matcher(tuple(terms)).spans(found)
    return _with_phrases(spans, synonym_spans(found, groups)) if groups else spans


def _with_phrases(
    spans: list[tuple[int, int]], phrases: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The word spans, and the phrases none of whose words is marked already ("wózków
    widłowych" found as words stays two marks; "kat. B" found only as a synonym is one)."""
    alone = [(a, b) for a, b in phrases if not any(a < end and start < b for start, end in spans)]
    return merge(spans, alone)


def synonym_spans(found: list[re.Match[str]], groups: Groups) -> list[tuple[int, int]]:
    """(start, end) of each phrase of the synonym `groups` among a text's words (`found`,
    `catalogue.polish.words`), first to last."""
    if not groups:
        return []
    phrases = find_phrases([m.group() for m in found], in_query=False)
    return [(found[p.start].start(), found[p.end - 1].end()) for p in phrases if p.group in groups]


def merge(*groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans covering every span given."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for group in groups for span in group):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _Matcher:
    """Which words of a text match a query's terms. A text's distinct words are compared as a
    set with what each term already knows, so that a text costs a few set operations, not a
    comparison per word."""

    def __init__(self, terms: tuple[QueryTerm, ...]) -> None:
        self.wanted = [_term_words(t) for t in terms if not t.stopword]

    def spans(self, found: list[re.Match[str]]) -> list[tuple[int, int]]:
        """(start, end) of each of a text's words (`found`, `catalogue.polish.words`) that a
        term matches."""
        if not self.wanted or not found:
            return []
        present = {m.group() for m in found}
        matching = set().union(*(term.matching(present) for term in self.wanted))
        return [m.span() for m in found if m.group() in matching] if matching else []


class _TermWords:
    """The words one query term matches and does not, remembered: the hits of one search share
    most of their words, and searches share most of their terms."""

    def __init__(self, term: QueryTerm) -> None:
        self.term = term
        self._yes: set[str] = set()
        self._no: set[str] = set()

    def matching(self, present: set[str]) -> set[str]:
        for word in present - self._yes - self._no:
            (self._yes if _matches(word, self.term) else self._no).add(word)
        return present & self._yes


@lru_cache(maxsize=256)
def _matcher(terms: tuple[QueryTerm, ...]) -> _Matcher:
    return _Matcher(terms)


@lru_cache(maxsize=1_024)
def _term_words(term: QueryTerm) -> _TermWords:
    return _TermWords(term)


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

    Edits are counted as tantivy counts them: Levenshtein, with a swap of two neighbours as one
    (the optimal string alignment distance).
    """
    if not prefix:
        return abs(len(word) - len(query)) <= distance and _osa(word, query, distance)
    shortest = max(1, len(query) - distance)
    longest = min(len(word), len(query) + distance)
    return any(_osa(word[:end], query, distance) for end in range(shortest, longest + 1))


def _osa(word: str, query: str, distance: int) -> bool:
    return OSA.distance(word, query, score_cutoff=distance) <= distance


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
