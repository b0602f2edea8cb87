"""The indexed words a query word stands for, looked up once per search (embedded backend).

A word typed last may be unfinished (`progr`: every word it begins) and a long word may carry
typos (`spwanie`: the words one or two edits away). tantivy can find those itself, with a
prefix or Levenshtein automaton walked over the term dictionary, but it walks it again each
time the query runs, and one search runs its text query several times (the count and facets,
each disjunctive facet, the best page, the ranking): measured on 100,000 generated offers, a
2-typo `szkolenie` costs 1.35 ms as an automaton and 0.74 ms as the four words it finds. So
the words are looked up once, in the term dictionary of `words` (every surface field), and
the queries ask for them by name.

Typos follow Meilisearch's rules (the issue asks for its behaviour): edits are counted as
Levenshtein with a swap of neighbours as one edit, and a typo in the first letter counts as
two. So the candidates of a word are the indexed words beginning with its first letter, and
words of 9+ letters (two typos) also find the words differing from it in the first letter
alone (one letter changed, added or dropped there, or the first two swapped).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import tantivy
from rapidfuzz import process
from rapidfuzz.distance import OSA
from tantivy import Occur

from search.query_terms import QueryTerm, typo_distance
from search.tantivy.schema import TAGS, WORDS

# Beyond this many words, one term-set query (a bitset built at once) beats a disjunction.
MAX_TERM_CLAUSES = 16
# Letters and digits a folded word may begin with, for the first-letter typos of long words.
FIRST_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class WordForms:
    """The indexed words one query word matches, besides itself and its stem and lemma keys."""

    term: QueryTerm
    started: tuple[str, ...]  # words of `words` it begins (a last word); itself included
    started_tags: tuple[str, ...]  # likewise in `tags`, which `words` leaves out
    typos: dict[int, tuple[str, ...]]  # edits -> words exactly that many edits away

    def exact(self, schema: tantivy.Schema, field: str) -> tantivy.Query:
        """Documents with the word itself in `field`, or (a last word) a word it begins."""
        if not self.term.prefix:
            return tantivy.Query.term_query(schema, field, self.term.surface)
        return any_term(schema, field, self.started_tags if field == TAGS else self.started)

    def with_typos(self, schema: tantivy.Schema, field: str, distance: int) -> tantivy.Query:
        """Documents with a word exactly `distance` edits away in `field`."""
        return any_term(schema, field, self.typos.get(distance, ()))

    def near(self, schema: tantivy.Schema, field: str) -> tantivy.Query:
        """Documents with any word within the word's typo budget in `field`."""
        return any_term(schema, field, [w for words in self.typos.values() for w in words])


class FormsLookup:
    """`WordForms` of the words of one search, each looked up once in the searcher's index,
    and kept for the searches after it on the same searcher (the same commit)."""

    def __init__(self, searcher: tantivy.Searcher) -> None:
        self.searcher = searcher
        self._known: dict[QueryTerm, WordForms] = {}
        self._kept = KEPT.of(searcher)

    def __call__(self, term: QueryTerm) -> WordForms:
        forms = self._known.get(term)
        if forms is None:
            forms = self._kept.get(term)
            if forms is None:
                forms = look_up(self.searcher, term)
                self._kept.put(term, forms)
            self._known[term] = forms
        return forms


# Words' forms kept per searcher: `kurs`, `szkolenie` or a town recur in search after search,
# and a typo-tolerant word's lookup reads every indexed word of its first letter.
KEPT_TERMS = 4_096  # words per searcher (a few hundred bytes each; a short prefix more)
KEPT_SEARCHERS = 2  # the latest commits; older ones are dropped with their searcher


class _KeptForms:
    """The `WordForms` of the words looked up on one searcher, least recently used dropped."""

    def __init__(self, searcher: tantivy.Searcher) -> None:
        self.searcher = searcher  # held, so that its id is not reused while it is kept
        self._forms: OrderedDict[QueryTerm, WordForms] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, term: QueryTerm) -> WordForms | None:
        with self._lock:
            forms = self._forms.get(term)
            if forms is not None:
                self._forms.move_to_end(term)
            return forms

    def put(self, term: QueryTerm, forms: WordForms) -> None:
        with self._lock:
            self._forms[term] = forms
            while len(self._forms) > KEPT_TERMS:
                self._forms.popitem(last=False)


class _KeptBySearcher:
    def __init__(self) -> None:
        self._kept: OrderedDict[int, _KeptForms] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, searcher: tantivy.Searcher) -> _KeptForms:
        with self._lock:
            kept = self._kept.get(id(searcher))
            if kept is None or kept.searcher is not searcher:
                kept = self._kept[id(searcher)] = _KeptForms(searcher)
                while len(self._kept) > KEPT_SEARCHERS:
                    self._kept.popitem(last=False)
            else:
                self._kept.move_to_end(id(searcher))
            return kept


KEPT = _KeptBySearcher()


def look_up(searcher: tantivy.Searcher, term: QueryTerm) -> WordForms:
    surface, distance = term.surface, typo_distance(term.surface)
    started: tuple[str, ...] = ()
    started_tags: tuple[str, ...] = ()
    if term.prefix:
        started_tags = _words_with_prefix(searcher, TAGS, surface)
    if distance == 0:
        if term.prefix:
            started = _words_with_prefix(searcher, WORDS, surface)
        return WordForms(term, started, started_tags, {})
    candidates = _words_with_prefix(searcher, WORDS, surface[0])
    if term.prefix:
        started = tuple(w for w in candidates if w.startswith(surface))
    edits = _prefix_edits(surface, candidates, distance) if term.prefix else None
    if edits is None:
        found = process.extract(
            surface, candidates, scorer=OSA.distance, score_cutoff=distance, limit=None
        )
        edits = {word: int(edit) for word, edit, _ in found}
    if distance >= 2:  # a first-letter typo counts as two
        for word in _first_letter_typos(searcher, surface):
            edits.setdefault(word, 2)
    typos: dict[int, list[str]] = {}
    for word, edit in edits.items():
        if edit > 0:
            typos.setdefault(edit, []).append(word)
    return WordForms(term, started, started_tags, {d: tuple(ws) for d, ws in typos.items()})


def _prefix_edits(surface: str, candidates: Sequence[str], distance: int) -> dict[str, int]:
    """word -> the fewest edits between `surface` and a start of the word, within `distance`
    (as tantivy's prefix automaton counts them)."""
    edits: dict[str, int] = {}
    shortest = max(1, len(surface) - distance)
    for length in range(shortest, len(surface) + distance + 1):
        starts = [word[:length] for word in candidates]
        for _, edit, index in process.extract(
            surface, starts, scorer=OSA.distance, score_cutoff=distance, limit=None
        ):
            word = candidates[index]
            if len(word) >= length and edit < edits.get(word, distance + 1):
                edits[word] = int(edit)
    return edits


def _first_letter_typos(searcher: tantivy.Searcher, surface: str) -> list[str]:
    """Indexed words differing from `surface` in its first letter alone."""
    rest = surface[1:]
    shapes = {rest, surface[1] + surface[0] + surface[2:]}
    shapes.update(letter + rest for letter in FIRST_LETTERS)
    shapes.update(letter + surface for letter in FIRST_LETTERS)
    shapes.discard(surface)
    return sorted(w for w in shapes if w[:1] != surface[:1] and searcher.doc_freq(WORDS, w))


def _words_with_prefix(searcher: tantivy.Searcher, field: str, prefix: str) -> tuple[str, ...]:
    return tuple(word for word, _ in searcher.terms_with_prefix(field, prefix))


def any_term(schema: tantivy.Schema, field: str, values: Sequence[str]) -> tantivy.Query:
    """Documents with any of some terms in a field (none: no document).

    A few terms are a disjunction of term queries, read lazily, so that a conjunction led by a
    rare word skips most of `kurs`'s postings (measured on 100,000 generated offers: ranking
    5.6 → 3.2 ms a query); many (the words `k` begins) are one term-set query.
    """
    if not values:
        return tantivy.Query.empty_query()
    if len(values) == 1:
        return tantivy.Query.term_query(schema, field, values[0])
    if len(values) > MAX_TERM_CLAUSES:
        return tantivy.Query.term_set_query(schema, field, list(values))
    return tantivy.Query.boolean_query(
        [(Occur.Should, tantivy.Query.term_query(schema, field, v)) for v in values]
    )
