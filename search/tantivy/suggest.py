"""Search-as-you-type suggestions and "did you mean" for the embedded backend.

`suggest` answers `SearchBackend.suggest`: places whose name the typed words begin (where offers
are held), qualifications and offer titles the words find, the last word a prefix with the
search's typo budget. It runs two small queries over one field each (titles, qualifications),
not the full search; the places and the order of the list are every backend's
(`search.suggestions`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import tantivy
from tantivy import Occur

from catalogue.polish import fold, words
from search.filters import get_filter
from search.interface import Suggestion
from search.query_terms import MAX_QUERY_WORDS, QueryTerm, terms_of, typo_distance
from search.query_text import AnalysedQuery, analyse_query
from search.spelling import correct, text_words
from search.suggestions import (
    MAX_PLACES,
    MAX_QUALIFICATIONS,
    chosen,
    place_suggestions,
    qualification_suggestion,
)
from search.tantivy.forms import FormsLookup
from search.tantivy.query import (
    EXACT,
    TYPO_POINTS,
    Forms,
    any_term,
    combine,
    place_clause,
    text_query,
    word_query,
)
from search.tantivy.rank import START_WEIGHT
from search.tantivy.schema import DESCRIPTION, QUALIFICATION, STORED, TITLE, TITLE_M

# Did you mean: the words of this many offers near a misspelt word are the candidates.
NEIGHBOUR_DOCUMENTS = 30
NEIGHBOUR_FIELDS = ("title", "description", "qualification_code", "qualification_name")


def suggest(
    searcher: tantivy.Searcher, schema: tantivy.Schema, text: str, limit: int
) -> list[Suggestion]:
    """Places, then qualifications, then titles, at most `limit`, no text twice."""
    typed = [m.group() for m in words(text)]
    if not typed or limit < 1:
        return []
    terms = terms_of(typed[-10:], last_is_prefix=True)
    powiat_field = get_filter("powiat").field
    places = place_suggestions(
        text, lambda code: searcher.doc_freq(powiat_field, code) > 0, MAX_PLACES
    )
    forms = FormsLookup(searcher)  # the typed words' forms, looked up once for both lists
    qualifications = _qualifications(searcher, schema, forms, terms)[:MAX_QUALIFICATIONS]
    titles = _titles(searcher, schema, forms, terms, limit)
    return chosen([*places, *qualifications, *titles], limit)


def _titles(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    forms: Forms,
    terms: list[QueryTerm],
    limit: int,
) -> list[Suggestion]:
    query = _one_field_query(schema, forms, terms, TITLE, TITLE_M)
    documents = _documents(searcher, query, 3 * limit)
    return [Suggestion("title", d["title"], d["title"]) for d in documents if d.get("title")]


def _qualifications(
    searcher: tantivy.Searcher, schema: tantivy.Schema, forms: Forms, terms: list[QueryTerm]
) -> list[Suggestion]:
    query = _one_field_query(schema, forms, terms, QUALIFICATION, None)
    found = (qualification_suggestion(d) for d in _documents(searcher, query, 20))
    return [s for s in found if s is not None]


def _one_field_query(
    schema: tantivy.Schema, forms: Forms, terms: list[QueryTerm], field: str, morph: str | None
) -> tantivy.Query:
    """Every word in one field: as itself, a lemma (in `morph`), or with the typo budget."""
    clauses = []
    for term in terms:
        exact = forms(term).exact(schema, field)
        ways = [tantivy.Query.const_score_query(exact, EXACT)]
        lemmas = sorted(k for k in term.keys if k.startswith("l_"))
        if morph is not None and lemmas:
            by_lemma = any_term(schema, morph, lemmas)
            ways.append(tantivy.Query.const_score_query(by_lemma, EXACT))
        for distance in range(1, typo_distance(term.surface) + 1):
            fuzzy = forms(term).with_typos(schema, field, distance)
            ways.append(tantivy.Query.const_score_query(fuzzy, TYPO_POINTS[distance]))
        occur = Occur.Should if term.stopword else Occur.Must
        clauses.append((occur, tantivy.Query.disjunction_max_query(ways)))
    return tantivy.Query.boolean_query(clauses)


def _documents(searcher: tantivy.Searcher, query: tantivy.Query, limit: int) -> list[dict]:
    hits = searcher.search(query, limit, count=False, weight_by_field=START_WEIGHT).hits
    return [json.loads(searcher.doc(address)[STORED][0]) for _, address in hits]


def did_you_mean(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    text: str,
    filters: Sequence[tantivy.Query],
) -> str | None:
    """`text` with each of its words that finds nothing (within the `filters` and the places it
    names) replaced by the nearest word of the offers that do match; see `search.spelling`."""
    analysed = analyse_query(text)
    narrowed = [*filters, *_place_clauses(schema, analysed)]
    correctable = {t.surface for t in analysed.terms}
    forms = FormsLookup(searcher)

    def finds(query: tantivy.Query, clauses: Sequence[tantivy.Query]) -> bool:
        return bool(searcher.search(combine(query, clauses), 1, count=False).hits)

    def finds_something(word: str) -> bool:
        if fold(word) not in correctable:  # a place name, a region word
            return True
        term = terms_of([word], last_is_prefix=False)[0]
        return finds(word_query(schema, forms(term)), narrowed)

    def neighbours(word: str) -> list[str]:
        near = [
            (Occur.Should, tantivy.Query.fuzzy_term_query(schema, field, word, 2))
            for field in (TITLE, DESCRIPTION, QUALIFICATION)
        ]
        query = combine(tantivy.Query.boolean_query(near), narrowed)
        hits = searcher.search(query, NEIGHBOUR_DOCUMENTS, count=False).hits
        documents = [json.loads(searcher.doc(address)[STORED][0]) for _, address in hits]
        return text_words(str(d.get(f) or "") for d in documents for f in NEIGHBOUR_FIELDS)

    def accept(corrected: str) -> bool:
        # Every word must then find something together: "prawo jazdy" in a catalogue without
        # driving courses is not "pracy jazdy".
        again = analyse_query(corrected)
        clauses = [*filters, *_place_clauses(schema, again)]
        return bool(again.units) and finds(text_query(schema, again.units, forms), clauses)

    # The words a search reads: its MAX_QUERY_WORDS and a place after them.
    typed = [m.group() for m in words(text)][: MAX_QUERY_WORDS + 4]
    return correct(typed, finds_something, neighbours, accept)


def _place_clauses(schema: tantivy.Schema, analysed: AnalysedQuery) -> list[tantivy.Query]:
    clause = place_clause(schema, analysed)
    return [] if clause is None else [clause]
