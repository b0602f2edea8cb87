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

# Morph keys: a title match counts three times a match elsewhere (`spawania` in the title of
# "Kurs spawania metodą MAG" beats `spawanie` mentioned in the description of a welding-safety
# course).
MORPH_FIELD_BOOSTS = {TITLE_M: 3.0, BODY_M: 1.0}
# Lemmas are dictionary facts; stems also conflate unrelated words (`praw` is the stem of
# `prawo`, `prawy` and `prawa`), so a stem-only match counts half.
LEMMA_BOOST = 1.0
STEM_BOOST = 0.5
# The word as typed (folded) adds to its keys, so `spawacz` ranks "Kurs dla spawaczy" below
# "Spawacz MIG/MAG" although both share the lemma.
SURFACE_BOOSTS = {
    TITLE: 3.0,
    QUALIFICATION: 1.5,
    DESCRIPTION: 1.0,
    PROVIDER: 1.0,
    PLACE: 1.0,
    TAGS: 0.5,  # `kurs` also matches every offer of the kind "kurs": a weak hint only
}
# Fuzzy and prefix matches score a constant (tantivy computes no BM25 for them) times the
# field's surface boost: a typo (`spwanie`) still finds the offer, an exact match of another
# word ranks above it. A started word (`progr`) counts more than a typo.
PREFIX_SCALE = 0.6
FUZZY_SCALE = 0.3
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
    """Every way one word can match a document, as alternatives that add up."""
    queries = []
    for field, boost in MORPH_FIELD_BOOSTS.items():
        for key in sorted(term.keys):
            weight = LEMMA_BOOST if key.startswith(LEMMA_PREFIX) else STEM_BOOST
            queries.append(_boost(tantivy.Query.term_query(schema, field, key), boost * weight))
    for field, boost in SURFACE_BOOSTS.items():
        queries.append(_boost(tantivy.Query.term_query(schema, field, term.surface), boost))
        if term.prefix:
            prefix = tantivy.Query.fuzzy_term_query(schema, field, term.surface, 0, prefix=True)
            queries.append(_boost(prefix, boost * PREFIX_SCALE))
    # A word allowed two typos is also looked up with one, so the closer word ranks higher
    # (`ksiegowsc`: `księgowość` is one edit away, `księgowa` two).
    for distance in range(1, typo_distance(term.surface) + 1):
        for field in FUZZY_FIELDS:
            fuzzy = tantivy.Query.fuzzy_term_query(
                schema, field, term.surface, distance, prefix=term.prefix
            )
            queries.append(_boost(fuzzy, SURFACE_BOOSTS[field] * FUZZY_SCALE))
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in queries])


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


def _boost(query: tantivy.Query, boost: float) -> tantivy.Query:
    return query if boost == 1.0 else tantivy.Query.boost_query(query, boost)
