"""Search-as-you-type suggestions and "did you mean" for the embedded backend.

`suggest` answers `SearchBackend.suggest`: places whose name the typed words begin (where offers
are held), qualifications and offer titles the words find, the last word a prefix with the
search's typo budget. It runs two small queries over one field each (titles, qualifications),
not the full search. `place_suggestions` needs no index and is shared with other backends.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import tantivy
from tantivy import Occur

from search.filters import get_filter
from search.interface import Suggestion
from search.polish import MAX_QUERY_WORDS, QueryTerm, fold, terms_of, typo_distance, words
from search.query_places import known_places
from search.query_text import AnalysedQuery, analyse_query
from search.spelling import correct, edit_distance, text_words
from search.tantivy_forms import FormsLookup
from search.tantivy_query import (
    EXACT,
    TYPO_POINTS,
    Forms,
    any_term,
    combine,
    place_clause,
    text_query,
    word_query,
)
from search.tantivy_rank import START_WEIGHT
from search.tantivy_schema import DESCRIPTION, QUALIFICATION, STORED, TITLE, TITLE_M

MAX_PLACES = 2
MAX_QUALIFICATIONS = 3
# Did you mean: the words of this many offers near a misspelt word are the candidates.
NEIGHBOUR_DOCUMENTS = 30
NEIGHBOUR_FIELDS = ("title", "description", "qualification_code", "qualification_name")
_LONGEST_PLACE = 3  # words of the longest place name a prefix may span ("kostrzyn nad o")


def place_suggestions(text: str, held: Callable[[str], bool], limit: int) -> list[Suggestion]:
    """Places whose name the last words of `text` begin (`kurs ża` → Żary, Żagań), with one
    typo allowed from 5 letters; only places in powiats where `held(powiat)`."""
    typed = [m.group() for m in words(text)]
    held_powiats: dict[str, bool] = {}
    for size in range(min(_LONGEST_PLACE, len(typed)), 0, -1):  # "zielona g" is not Gorzów
        head, tail = typed[:-size], " ".join(w.lower() for w in typed[-size:])
        # Typed Polish letters count ("ża" is Żary, not Zabór); typed without them, all fold.
        by_letters = tail != fold(tail)
        found: dict[str, tuple[tuple[int, int, str], Suggestion]] = {}
        for place in known_places():
            typos = _prefix_typos(tail, place.name.lower() if by_letters else place.folded)
            if typos is None:
                continue
            if place.powiat not in held_powiats:
                held_powiats[place.powiat] = held(place.powiat)
            if not held_powiats[place.powiat]:
                continue
            powiat = get_filter("powiat").display(place.powiat)
            detail = "" if place.name == powiat else powiat
            suggestion = Suggestion("place", place.name, " ".join([*head, place.name]), detail)
            found[place.name] = ((typos, place.rank, place.folded), suggestion)
        if found:
            return [s for _, s in sorted(found.values(), key=lambda item: item[0])][:limit]
    return []


def _prefix_typos(typed: str, name: str) -> int | None:
    """0 when `name` begins with `typed`, 1 when it does with one typo, else None."""
    if name.startswith(typed):
        return 0
    if len(typed) < 5:
        return None
    lengths = (len(typed) - 1, len(typed), len(typed) + 1)
    near = any(edit_distance(typed, name[:n], 1) <= 1 for n in lengths if n <= len(name))
    return 1 if near else None


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
    chosen: dict[str, Suggestion] = {}
    for suggestion in [*places, *qualifications, *titles]:
        chosen.setdefault(fold(suggestion.text), suggestion)
    return list(chosen.values())[:limit]


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
    found = []
    for d in _documents(searcher, query, 20):
        code, name = d.get("qualification_code") or "", d.get("qualification_name") or ""
        if code or name:
            text = f"{code} {name}".strip()
            found.append(Suggestion("qualification", text, code or name, d.get("occupation") or ""))
    return found


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
