"""Query building for the embedded backend: pure functions from analysed words to tantivy queries.

User text never reaches tantivy's query parser: it is split into words by `catalogue.polish` and
every word becomes term, fuzzy and prefix queries built as objects, so quotes, colons, `AND` or
`*` are just characters. A document scores the sum of every way each word matches it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import tantivy
from tantivy import Occur

from catalogue.polish import LEMMA_PREFIX
from search.filters import conditions, get_filter
from search.query_terms import MAX_QUERY_WORDS, QueryTerm, typo_distance
from search.query_text import AnalysedQuery, SynonymSpan, Unit
from search.tantivy.filters import condition_query
from search.tantivy.forms import WordForms, any_term
from search.tantivy.rank import EPSILON
from search.tantivy.schema import (
    BODY_M,
    DESCRIPTION,
    PLACE,
    PROVIDER,
    QUALIFICATION,
    TAGS,
    TITLE,
    TITLE_M,
    WORDS,
)
from search.understanding import AUDIENCE_GROUP, AUDIENCE_MARK, FIELD_PREFIX

Forms = Callable[[QueryTerm], WordForms]  # a search's `search.tantivy.forms.FormsLookup`

# Ranking works in buckets, as Meilisearch's ranking rules do, not in BM25 sums: for each query
# word only its best way of matching counts (a disjunction max), worth
#   how exact the match is (EXACT … TWO_TYPOS) + where it is (FIELD_POINTS).
# A document's score adds up its words, so all words above some (the OR fallback), fewer typos
# above more, exact above stem, title above body: `spawanie` gives "Kurs spawania metodą MAG" 440
# (the same word, inflected, in the title) and an offer saying "spawanie" in its description
# only 410, "spwanie" (1 typo) in a title 240. All points are multiples of SCORE_STEP, so
# documents matching alike score exactly alike; the soonest upcoming edition then breaks the tie
# through a multiplier below 1 + EPSILON (`search.tantivy.rank`): 440 becomes 440.394 for an
# offer starting on 2026-03-02 and 440.390 for one on 2026-04-10, never 445, the next score.
EXACT, SYNONYM, STEM, ONE_TYPO, TWO_TYPOS = 400.0, 375.0, 300.0, 200.0, 100.0
# A query-only phrase only leads to a group ("UDT" to forklifts, cranes have a UDT exam too):
# a group's phrase in a title then ranks below the typed word in a description.
LEAD = 355.0
# An offer filed under the field a field word reaches ("budowlane": construction, 0732) ranks
# below the word itself anywhere (410 in a description) and below a curated synonym in a title
# (415: "spawacz" finds "Kurs spawania" before a CNC course of the same field) or a query-only
# phrase's group in a title (395), above a synonym in a description (385), a stem (340 in a
# title) and a thesaurus synonym (`search.understanding`).
FIELD_MATCH = 390.0
# An offer whose "who it is for" names the audience a query asks for ("dla młodzieży") ranks
# above one only saying the word, even in its title ("Wychowawca wypoczynku dzieci i młodzieży").
AUDIENCE_MATCH = 445.0
# EXACT: the word itself, its lemma, or (last word) a word it begins. SYNONYM: a phrase of the
# word's synonym group (`search.synonyms`), per word it stands for: `prawo jazdy` gives an offer
# titled "Kurs kat. B" 2 × (375 + 40) = 830, below "Prawo jazdy" in a title (880) and above an
# offer saying it in its description only (820) (not so a query-only phrase: LEAD below): a
# title says what the offer is, a description
# also what it touches ("opieka nad dziećmi" finds "Opiekunka dziecięca – niania" before a
# programme of pedagogy whose description lists childcare among its subjects). STEM: a stem
# alone also conflates unrelated words (`praw` is the stem of `prawo`, `prawy` and `prawa`), so
# it ranks below the synonym.
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
# A typo is looked for in the title and in every surface word at once (WORDS), not field by
# field: each fuzzy query walks the term dictionary with a Levenshtein automaton and unions the
# postings of every near word (`szkolenie` at 2 typos: all its inflections), the dearest part
# of a query. So a typo in the title counts as the title, anywhere else as the description.
FUZZY_FIELD_POINTS = {TITLE: FIELD_POINTS[TITLE], WORDS: FIELD_POINTS[DESCRIPTION]}
# When no offer has every word and any word may match (the OR fallback), the rare word is the
# subject: "szkolenie z RODO dla firm" ranks the RODO courses (a few) above those saying "firma"
# (hundreds), even when "firma" is in a title and "RODO" in a description. The word found in at
# most half as many offers as any other gets these points more (`search.tantivy.find`).
RARE_WORD_POINTS = 50.0
SCORE_STEP = 5.0
_POINTS: tuple[float, ...] = (EXACT, SYNONYM, STEM, ONE_TYPO, TWO_TYPOS, RARE_WORD_POINTS)
_POINTS += (LEAD, FIELD_MATCH, AUDIENCE_MATCH, *FIELD_POINTS.values())
assert all(p % SCORE_STEP == 0 for p in _POINTS), "a text score must be a multiple of the step"
_BEST_WORD = max(EXACT + max(FIELD_POINTS.values()), AUDIENCE_MATCH)  # the most a word scores
assert EPSILON * (_BEST_WORD * MAX_QUERY_WORDS + RARE_WORD_POINTS) < SCORE_STEP, (
    "the start tie-break could overturn a text score"
)


def text_query(
    schema: tantivy.Schema,
    units: Sequence[Unit],
    forms: Forms,
    conjunctive: bool = True,
    rare: Unit | None = None,
) -> tantivy.Query:
    """All words (or synonym phrases) must match (`conjunctive`) or any may (`_together`);
    stop words and filler words beside a subject word are always optional."""
    parts = []
    for unit in units:
        query = (
            word_query(schema, forms(unit))
            if isinstance(unit, QueryTerm)
            else span_query(schema, unit, forms, conjunctive)
        )
        if unit == rare:  # its points and RARE_WORD_POINTS more
            more = _worth(match_query(schema, [unit], forms), RARE_WORD_POINTS)
            query = tantivy.Query.boolean_query([(Occur.Must, query), (Occur.Should, more)])
        parts.append((unit, query))
    return _together(parts, conjunctive)


def _together(parts: Sequence[tuple[Unit, tantivy.Query]], conjunctive: bool) -> tantivy.Query:
    """Every unit's query required (`conjunctive`), stop and filler words optional; or any of
    them, but a licence category ("kat B": `b`) still required: it is what tells the offers
    apart, never dropped ("prawo jazdy kat B" never falls back to category C)."""
    if conjunctive:
        return tantivy.Query.boolean_query(
            [(Occur.Should if _optional(unit) else Occur.Must, query) for unit, query in parts]
        )
    required = [(Occur.Must, q) for unit, q in parts if _category(unit)]
    some = [(Occur.Should, q) for unit, q in parts if not _category(unit)]
    if not required:
        return tantivy.Query.boolean_query(some)
    if some:  # with a Must beside them, Should clauses would be optional: one of them must
        required.append((Occur.Must, tantivy.Query.boolean_query(some)))
    return tantivy.Query.boolean_query(required)


def _optional(unit: Unit) -> bool:
    return isinstance(unit, QueryTerm) and unit.optional


def _category(unit: Unit) -> bool:
    return isinstance(unit, QueryTerm) and unit.category


def span_query(
    schema: tantivy.Schema, span: SynonymSpan, forms: Forms, conjunctive: bool
) -> tantivy.Query:
    """A synonym phrase: its own words as usual, or any phrase of its group, per word worth
    SYNONYM + field points (`prawo jazdy` also finds "Kurs na kat. B"). Its own words count
    as many as the group's phrases do (`weight`): a stop word of the phrase ("nad" of "opieka
    nad dziećmi") adds nothing, as it adds nothing to the group's points."""
    words = [t for t in span.terms if not t.stopword] or list(span.terms)
    own = text_query(schema, words, forms, conjunctive)
    ways = [own]
    for field, points in MORPH_FIELD_POINTS.items():
        group = tantivy.Query.term_query(schema, field, span.group)
        ways.append(_worth(group, span.weight * ((LEAD if span.lead else SYNONYM) + points)))
    if span.group.startswith(AUDIENCE_GROUP):  # "dla bezrobotnych": offers meant for them
        meant = tantivy.Query.term_query(schema, BODY_M, AUDIENCE_MARK + span.group)
        ways.append(_worth(meant, span.weight * AUDIENCE_MATCH))
    return tantivy.Query.disjunction_max_query(ways)


def word_query(schema: tantivy.Schema, forms: WordForms) -> tantivy.Query:
    """Every way one word can match a document; the best one gives the word's points."""
    term = forms.term
    ways = []
    for field, points in FIELD_POINTS.items():  # the word itself, or (last word) a word it begins
        ways.append(_worth(forms.exact(schema, field), EXACT + points))
    lemmas = sorted(k for k in term.keys if k.startswith(LEMMA_PREFIX))
    fields = sorted(k for k in term.keys if k.startswith(FIELD_PREFIX))
    stems = sorted(k for k in term.keys if not k.startswith((LEMMA_PREFIX, FIELD_PREFIX)))
    for field, points in MORPH_FIELD_POINTS.items():
        if lemmas:
            ways.append(_worth(any_term(schema, field, lemmas), EXACT + points))
        if stems:
            ways.append(_worth(any_term(schema, field, stems), STEM + points))
    if fields:  # a field word ("ogrodnik"): offers filed under its field (search.understanding)
        ways.append(_worth(any_term(schema, BODY_M, fields), FIELD_MATCH))
    if term.derived:  # an adjective's noun ("fotowoltaiczne": fotowoltaika), as a synonym
        for field, points in MORPH_FIELD_POINTS.items():
            ways.append(_worth(any_term(schema, field, sorted(term.derived)), SYNONYM + points))
    for distance in range(1, typo_distance(term.surface) + 1):
        for field, points in FUZZY_FIELD_POINTS.items():
            fuzzy = forms.with_typos(schema, field, distance)
            ways.append(_worth(fuzzy, TYPO_POINTS[distance] + points))
    return tantivy.Query.disjunction_max_query(ways)


def match_query(
    schema: tantivy.Schema, units: Sequence[Unit], forms: Forms, conjunctive: bool = True
) -> tantivy.Query:
    """The documents `text_query` finds, unranked and cheaper: for counts, facets and sorts.

    Every way `word_query` has of matching a word in a surface field also matches one of the
    word's morph keys, since a word always has the stem key of its folded form
    (`catalogue.polish`) and BODY_M holds every field but the title. So a word matches where one
    of its keys is in TITLE_M or BODY_M, or a word it begins (last word; tags included) or a
    near word (typos; not in tags) is in WORDS, the surface fields together: 4 or 5 queries
    instead of up to 20, the same documents.
    """
    parts = []
    for unit in units:
        if isinstance(unit, QueryTerm):
            query = _word_match(schema, forms(unit))
        else:
            group = [
                (Occur.Should, tantivy.Query.term_query(schema, f, unit.group))
                for f in MORPH_FIELD_POINTS
            ]
            own = (Occur.Should, match_query(schema, unit.terms, forms, conjunctive))
            query = tantivy.Query.boolean_query([own, *group])
        parts.append((unit, query))
    return _together(parts, conjunctive)


def _word_match(schema: tantivy.Schema, forms: WordForms) -> tantivy.Query:
    keys = sorted(forms.term.keys | forms.term.derived)
    ways = [any_term(schema, field, keys) for field in MORPH_FIELD_POINTS]
    if forms.term.prefix:
        ways += [forms.exact(schema, field) for field in (WORDS, TAGS)]
    if forms.typos:  # WORDS holds the title too
        ways.append(forms.near(schema, WORDS))
    return tantivy.Query.boolean_query([(Occur.Should, way) for way in ways])


def best_query(schema: tantivy.Schema, units: Sequence[Unit], forms: Forms) -> tantivy.Query:
    """The documents scoring the most `text_query` can give: every word, stop words too, in the
    title as itself, its lemma or (last word) a word it begins (EXACT + title points each).

    They all score alike and come first; when there are enough of them for a page, the page is
    found among them alone, without ranking every match (`kurs` has tens of thousands).
    """
    terms = [t for unit in units for t in (unit.terms if isinstance(unit, SynonymSpan) else [unit])]
    clauses = []
    for term in terms:
        ways = [(Occur.Should, forms(term).exact(schema, TITLE))]
        lemmas = sorted(k for k in term.keys if k.startswith(LEMMA_PREFIX))
        if lemmas:
            ways.append((Occur.Should, any_term(schema, TITLE_M, lemmas)))
        best = EXACT + FIELD_POINTS[TITLE]  # the most a word scores (SYNONYM < EXACT)
        clauses.append((Occur.Must, _worth(tantivy.Query.boolean_query(ways), best)))
    return tantivy.Query.boolean_query(clauses)


def best_points(units: Sequence[Unit]) -> float:
    """The text score of the documents `best_query` finds."""
    terms = sum(len(u.terms) if isinstance(u, SynonymSpan) else 1 for u in units)
    return terms * (EXACT + FIELD_POINTS[TITLE])


def place_clause(schema: tantivy.Schema, analysed: AnalysedQuery) -> tantivy.Query | None:
    """Offers held where the query names a place (`search.query_text`); scores nothing."""
    if not analysed.powiats:
        return None
    held = any_term(schema, get_filter("powiat").field, list(analysed.powiats))
    return tantivy.Query.const_score_query(held, 0.0)


def filter_clauses(
    schema: tantivy.Schema,
    filters: Mapping[str, Any],
    *,
    searcher: tantivy.Searcher | None = None,
    today: date | None = None,
) -> dict[str, tantivy.Query]:
    """One clause per filter that restricts something (see `search.filters`); they score nothing.

    A distance filter needs the `searcher` (its clause lists the indexed points in reach);
    date filters compare with `today` (the day of the search by default).
    """
    chosen = conditions(filters, today or date.today())
    return {
        name: tantivy.Query.const_score_query(condition_query(schema, searcher, condition), 0.0)
        for name, condition in chosen.items()
    }


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
