"""Query building for the embedded backend: pure functions from analysed words to tantivy queries.

User text never reaches tantivy's query parser: it is split into words by `search.polish` and every
word becomes term, fuzzy and prefix queries built as objects, so quotes, colons, `AND` or `*` are
just characters. A document scores the sum of every way each word matches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import tantivy
from tantivy import Occur

from search.filters import get_filter
from search.polish import LEMMA_PREFIX, QueryTerm, typo_distance
from search.tantivy_schema import (
    BODY_M,
    DESCRIPTION,
    PLACE,
    PROVIDER,
    QUALIFICATION,
    TAGS,
    TITLE,
    TITLE_M,
)

# Ranking works in buckets, as Meilisearch's ranking rules do, not in BM25 sums: for each query
# word only its best way of matching counts (a disjunction max), worth
#   how exact the match is (EXACTNESS_POINTS) + where it is (FIELD_POINTS).
# The points are constants, so documents matching alike score exactly alike and
# `search.embedded` orders them by their soonest upcoming edition. A document's score adds up its
# words, so all words above some (the OR fallback), fewer typos above more, title above body:
# "Kurs spawania metodą MAG (135)" and "Spawanie metodą TIG" both match `spawanie` exactly in the
# title (an inflected form is the same word in Polish), so the sooner one comes first.
EXACT, STEM, ONE_TYPO, TWO_TYPOS = 400.0, 300.0, 200.0, 100.0
# The word itself, its lemma, or (last word) a word it begins; a stem alone also conflates
# unrelated words (`praw` is the stem of `prawo`, `prawy` and `prawa`), so it ranks below.
TYPO_POINTS = {1: ONE_TYPO, 2: TWO_TYPOS}
FIELD_POINTS = {
    TITLE: 40.0,
    QUALIFICATION: 30.0,
    PROVIDER: 20.0,
    PLACE: 20.0,
    DESCRIPTION: 10.0,
    TAGS: 5.0,  # `kurs` also matches every offer of the kind "kurs": a weak hint only
}
# Morph keys of the title count as the title; those of everything else as the description.
MORPH_FIELD_POINTS = {TITLE_M: FIELD_POINTS[TITLE], BODY_M: FIELD_POINTS[DESCRIPTION]}
FUZZY_FIELDS = (TITLE, QUALIFICATION, DESCRIPTION, PROVIDER, PLACE)


def text_query(
    schema: tantivy.Schema, terms: list[QueryTerm], conjunctive: bool = True
) -> tantivy.Query:
    """All words must match (`conjunctive`) or any word may; stop words are always optional."""
    clauses = []
    for term in terms:
        occur = Occur.Must if conjunctive and not term.stopword else Occur.Should
        clauses.append((occur, word_query(schema, term)))
    return tantivy.Query.boolean_query(clauses)


def word_query(schema: tantivy.Schema, term: QueryTerm) -> tantivy.Query:
    """Every way one word can match a document; the best one gives the word's points."""
    ways = []
    for field, points in FIELD_POINTS.items():
        ways.append(_worth(tantivy.Query.term_query(schema, field, term.surface), EXACT + points))
        if term.prefix:
            prefix = tantivy.Query.fuzzy_term_query(schema, field, term.surface, 0, prefix=True)
            ways.append(_worth(prefix, EXACT + points))
    lemmas = sorted(k for k in term.keys if k.startswith(LEMMA_PREFIX))
    stems = sorted(k for k in term.keys if not k.startswith(LEMMA_PREFIX))
    for field, points in MORPH_FIELD_POINTS.items():
        if lemmas:
            ways.append(_worth(tantivy.Query.term_set_query(schema, field, lemmas), EXACT + points))
        if stems:
            ways.append(_worth(tantivy.Query.term_set_query(schema, field, stems), STEM + points))
    for distance in range(1, typo_distance(term.surface) + 1):
        for field in FUZZY_FIELDS:
            fuzzy = tantivy.Query.fuzzy_term_query(
                schema, field, term.surface, distance, prefix=term.prefix
            )
            ways.append(_worth(fuzzy, TYPO_POINTS[distance] + FIELD_POINTS[field]))
    return tantivy.Query.disjunction_max_query(ways)


def filter_clauses(
    schema: tantivy.Schema, filters: Mapping[str, Iterable[str]]
) -> dict[str, tantivy.Query]:
    """One clause per active filter: any of its values (OR within a filter); they score nothing."""
    clauses = {}
    for name, values in filters.items():
        spec = get_filter(name)
        wanted = sorted({str(v) for v in values})
        if wanted:
            matches = tantivy.Query.term_set_query(schema, spec.field, wanted)
            clauses[name] = tantivy.Query.const_score_query(matches, 0.0)
    return clauses


def combine(text: tantivy.Query | None, clauses: Iterable[tantivy.Query]) -> tantivy.Query:
    """The text query (or every document) restricted by all filter clauses (AND across filters)."""
    parts = [(Occur.Must, q) for q in clauses]
    if text is not None:
        parts.insert(0, (Occur.Must, text))
    if not parts:
        return tantivy.Query.all_query()
    if text is None:
        parts.insert(0, (Occur.Must, tantivy.Query.all_query()))
    return tantivy.Query.boolean_query(parts)


def _worth(query: tantivy.Query, points: float) -> tantivy.Query:
    return tantivy.Query.const_score_query(query, points)
