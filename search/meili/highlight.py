"""Meilisearch's `_formatted` highlights as our safe HTML (`<mark>`, everything else escaped).

Meilisearch inserts the highlight tags into the stored text without escaping it (a title
"Szkolenia <BHP>" comes back with `<BHP>` as is). So the tags asked for are two private-use
characters no offer contains, `_formatted` is read back into (start, end) spans of the original
text, and those spans are rendered here with everything escaped. If the text itself holds one
of those characters, or `_formatted` is not the text plus tags, its marks are ignored.

Meilisearch marks words matching the query's tokens, exactly, with typos, as a prefix or
through a synonym; it cannot mark an inflected form (`wózków` for `wozek`), which only the
analyser knows. The spans of both are merged, so highlights match the embedded backend's.
"""

from __future__ import annotations

from typing import Any

from search.highlight import SNIPPET_CHARS, matched_spans, merge, render, snippet_bounds
from search.query_terms import QueryTerm

PRE_TAG, POST_TAG = "\ue000", "\ue001"

Span = tuple[int, int]


def formatted_spans(original: str, formatted: Any) -> list[Span]:
    """The spans of `original` that `formatted` wraps in the tags ([] if it is not that)."""
    if not isinstance(formatted, str) or PRE_TAG in original or POST_TAG in original:
        return []
    spans: list[Span] = []
    plain: list[str] = []
    position, start = 0, None
    for char in formatted:
        if char == PRE_TAG and start is None:
            start = position
        elif char == POST_TAG and start is not None:
            if position > start:
                spans.append((start, position))
            start = None
        elif char in (PRE_TAG, POST_TAG):
            return []
        else:
            plain.append(char)
            position += 1
    return spans if "".join(plain) == original and start is None else []


def marked(text: str, formatted: Any, terms: list[QueryTerm]) -> list[Span]:
    """Every span to mark: Meilisearch's and the analyser's."""
    return merge(formatted_spans(text, formatted), matched_spans(text, terms))


def snippet(text: str, spans: list[Span], max_chars: int = SNIPPET_CHARS) -> str:
    """About `max_chars` of the text around its first span, as `search.highlight.snippet` cuts
    it: from a word start some context before the match, to a word end, `…` where cut."""
    if len(text) <= max_chars:
        return render(text, spans)
    start, end = snippet_bounds(text, spans[0][0] if spans else None, max_chars)
    body = render(text, spans, start, end)
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
