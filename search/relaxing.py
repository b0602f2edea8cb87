"""Saying honestly what a search found, and helping when it found nothing: both backends.

A backend answers a query strictly: every word that counts (not a stop word, not a filler word
like "kurs" beside a subject word: `search.query_terms`), within the filters and the places the
text names. Only when no offer has every word does it show offers with some of them, and then
says so (`Results.matched_all_words` False, a `words` relaxation). A filler word or a place
never stands in for the subject: "kurs spawania zielona gora" looks for welding.

What is done here, the same way for every backend, with the backend's own strict search:

1. Nothing in the place the text names ("spawanie zielona góra", no welding in that powiat):
   the same words and filters without the place, nearest first, each hit with its distance
   from the place (a `place` relaxation). "kurs spawania zielona gora" answers the same.
2. Still nothing: `Results.help` says what would find something: each filter the person set,
   dropped alone, with the number of offers that would give (never a filter they did not set),
   the qualifications of offers the words find without filters and places, and, when a filter
   chose a place (a distance, or one powiat), the nearest offers outside it with their
   distance. A filter is the person's own choice: it is offered to change, never overridden.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

from catalogue.polish import words
from search.conditions import Near
from search.filters import conditions, get_filter
from search.geo import locate
from search.interface import (
    MAX_QUERY_LENGTH,
    FilterCount,
    Hit,
    Query,
    RelatedQualification,
    Relaxation,
    Results,
    SearchHelp,
)
from search.query_places import QueryPlace, known_places
from search.query_text import AnalysedQuery, SynonymSpan, analyse_query

# What a strict search made here needs of its answer (a backend may always give more):
FULL = "full"  # everything: hits with their highlights, facets
DOCUMENTS = "documents"  # the total and the hits' documents (no highlights)
COUNT = "count"  # the total alone (hits may be left out)


class Search(Protocol):
    """A backend's strict search."""

    def __call__(self, query: Query, need: str = FULL) -> Results: ...


DISTANCE = "distance"  # the filter whose point measures how far the nearest offers are
POWIAT = "powiat"
MAX_RELATED = 5  # related qualifications shown
MAX_NEAREST = 3  # nearest offers outside a place a filter chose
RELATED_SAMPLE = 50  # offers looked at for them


def relaxed_results(search: Search, query: Query, found: Results) -> Results:
    """`found` (the strict answer to `query`), or what is said instead when it is empty."""
    if found.total or found.hits:
        return found
    analysed = analysed_text(query.text[:MAX_QUERY_LENGTH])
    wider = _outside_the_text_place(search, query, analysed)
    if wider is not None:  # its `places` are none: the hits are not held there
        return wider
    found.help = search_help(search, query, analysed.text)
    return found


def _outside_the_text_place(
    search: Search, query: Query, analysed: AnalysedQuery
) -> Results | None:
    """The words and filters without the place the text names, nearest to it first; None when
    that finds nothing too, or the person chose a distance of their own (a radius)."""
    own = query.filters.get(DISTANCE)
    if not (analysed.places and analysed.units) or (isinstance(own, Near) and own.radius_km):
        return None
    point = place_point(analysed.places[0])
    if point is None:
        return None
    near = Near(point[0], point[1], place=analysed.places[0].name)
    names = tuple(p.name for p in analysed.places)
    text = _without_places(query.text[:MAX_QUERY_LENGTH], analysed)
    wider = _nearest(search, query, text, {**query.filters, DISTANCE: near})
    if wider is not None:
        wider.relaxed = [*wider.relaxed, Relaxation("place", names)]
    return wider


def _without_places(text: str, analysed: AnalysedQuery) -> str:
    """The words of `text` as typed, without those naming its places: words that were
    understood as filters ("darmowe": free) stay, to mean the same again."""
    typed = [m.group() for m in words(text)]
    # Places are found among the words left after those understood (`search.understanding`).
    kept = list(analysed.reading.kept)
    named = {kept[i] for place in analysed.places for i in range(place.start, place.end)}
    return " ".join(word for i, word in enumerate(typed) if i not in named)


def _outside_the_chosen_place(search: Search, query: Query) -> tuple[str, list[Hit]]:
    """The place a filter the person set chose (their distance, or their one powiat) and the
    nearest offers outside it, with their distance from it; ("", []) without such a filter."""
    own = query.filters.get(DISTANCE)
    if isinstance(own, Near) and own.radius_km is not None:
        near = replace(own, radius_km=None, include_online=False)
        filters = {**query.filters, DISTANCE: near}
        name = own.place
    else:
        chosen = query.filters.get(POWIAT)
        if DISTANCE in query.filters or not isinstance(chosen, tuple) or len(chosen) != 1:
            return "", []
        seat = _seat_point(chosen[0])
        if seat is None:
            return "", []
        name = get_filter(POWIAT).display(chosen[0])
        kept = {k: v for k, v in query.filters.items() if k != POWIAT}
        filters = {**kept, DISTANCE: Near(seat[0], seat[1], place=name)}
    first = replace(query, facets=(), page=1, per_page=MAX_NEAREST)
    wider = _nearest(search, first, query.text, filters)
    return (name, wider.hits) if wider is not None else ("", [])


def _nearest(search: Search, query: Query, text: str, filters: dict[str, Any]) -> Results | None:
    """The search with this text and these filters, nearest first (or in its own sort, if not
    by relevance); None when it finds nothing."""
    sort = DISTANCE if query.sort == "relevance" else query.sort
    wider = search(replace(query, text=text, filters=filters, sort=sort))
    return wider if wider.total else None


def place_point(place: QueryPlace) -> tuple[float, float] | None:
    """Where a place named in a query is: a town's point, or its powiat's seat's."""
    located = locate(place.name)
    if located is not None:
        return located.lat, located.lon
    return _seat_point(place.powiat)


def _seat_point(powiat: str) -> tuple[float, float] | None:
    seats = [p for p in known_places() if p.powiat == powiat and p.rank == 0]
    located = locate(seats[0].name) if seats else None
    return (located.lat, located.lon) if located is not None else None


def search_help(search: Search, query: Query, words: str) -> SearchHelp:
    """Each filter the person set, dropped alone, with its count (those finding something,
    most first); the qualifications of offers the words find without filters and places."""
    counting = replace(query, facets=(), page=1, per_page=1, sort="relevance")
    chosen = conditions(query.filters, date.today())
    without = []
    for name in chosen:
        kept = {k: v for k, v in query.filters.items() if k != name}
        count = search(replace(counting, filters=kept), COUNT).total
        if count:
            without.append(FilterCount(name, count))
    without.sort(key=lambda f: (-f.count, f.name))
    place, nearest = _outside_the_chosen_place(search, query)
    return SearchHelp(without, related_qualifications(search, words), nearest, place)


def related_qualifications(search: Search, words: str) -> list[RelatedQualification]:
    """The qualifications (code and name) most often held by offers the words find anywhere."""
    if not words.strip():
        return []
    found = search(Query(text=words, per_page=RELATED_SAMPLE), DOCUMENTS)
    counts: Counter[tuple[str, str]] = Counter()
    for hit in found.hits:
        code = hit.document.get("qualification_code") or ""
        name = hit.document.get("qualification_name") or ""
        if code or name:
            counts[(code, name)] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [RelatedQualification(c, n, k) for (c, n), k in ranked[:MAX_RELATED]]


@lru_cache(maxsize=1_024)
def analysed_text(text: str) -> AnalysedQuery:
    """`analyse_query(text)`, remembered: the words of a query found nothing, and several
    strict searches of the same words follow (the analysis is a pure function of the text)."""
    return analyse_query(text)


def words_relaxed(analysed: AnalysedQuery) -> Relaxation:
    """The `words` relaxation of a query whose hits have only some of its words: the words
    that count, a synonym phrase as one ("prawo jazdy")."""
    values = [
        " ".join(t.surface for t in unit.terms) if isinstance(unit, SynonymSpan) else unit.surface
        for unit in analysed.units
        if isinstance(unit, SynonymSpan) or not unit.optional
    ]
    return Relaxation("words", tuple(dict.fromkeys(values)))
