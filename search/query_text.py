"""What the text of a query asks for: words to match, synonym phrases, and places.

`analyse_query("kurs prawa jazdy w zielonej górze")` gives the words `kurs prawa jazdy`, with
"prawa jazdy" also matched through its synonyms ("kat. B"), and the place Zielona Góra. Both
backends use it: the embedded one builds its tantivy query from `units`, Meilisearch sends
`text` and turns `powiats` into a filter.

A place in the query narrows the results to offers held in that place's powiat: a resident
typing "spawanie żary" wants courses they can get to, and the powiat is the unit offers carry
(editions have a TERYT powiat; a town's neighbours are in its powiat). Offers followed online
are left out, unless the words ask for them ("kurs online zielona góra"). A query that is only
a place ("zielona gora") lists every offer held there.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from catalogue.polish import fold, words
from search.diacritics import restored_word
from search.documents import ONLINE
from search.query_places import REGION_WORDS, QueryPlace, find_places
from search.query_terms import MAX_QUERY_WORDS, QueryTerm, terms_of
from search.synonyms import find_phrases
from search.understanding import (
    Reading,
    read_words,
    with_derived_keys,
    with_field_keys,
    with_thesaurus_keys,
)

ONLINE_GROUP = "y_online"  # the synonym group of "online", "e-learning", "zdalnie" …


@dataclass(frozen=True)
class SynonymSpan:
    """Consecutive query words that form a phrase of a synonym group ("prawa jazdy")."""

    terms: tuple[QueryTerm, ...]
    group: str  # the group's key (`search.synonyms`)
    lead: bool = False  # a query-only phrase: it leads to the group without being one of it

    @property
    def weight(self) -> int:
        """How many query words the phrase stands for (its stop words are optional)."""
        return max(1, sum(not t.stopword for t in self.terms))


Unit = QueryTerm | SynonymSpan


@dataclass(frozen=True)
class AnalysedQuery:
    terms: tuple[QueryTerm, ...]  # every word to match, for highlighting
    units: tuple[Unit, ...]  # how the words are matched: alone or as a synonym phrase
    places: tuple[QueryPlace, ...]
    online: bool  # the words ask for offers followed online
    text: str  # the words to match, places removed, as typed
    # The words read through `search.understanding`: the filters they mean, what was understood.
    reading: Reading = field(default_factory=lambda: read_words(()))

    @property
    def powiats(self) -> tuple[str, ...]:
        """The `powiat` values the places narrow to (with `online` when asked); () for none."""
        if not self.places:
            return ()
        codes = {p.powiat for p in self.places} | ({ONLINE} if self.online else set())
        return tuple(sorted(codes))

    @property
    def required(self) -> int:
        """How many units must match when all of them must (stop words and, beside a subject
        word, filler words never must)."""
        return sum(not (isinstance(u, QueryTerm) and u.optional) for u in self.units)


def analyse_query(text: str, literal: Collection[str] = ()) -> AnalysedQuery:
    """The words, synonym phrases and places of a query's text (at most MAX_QUERY_WORDS words
    are matched; region words like "lubuskie" are dropped, they narrow nothing).

    Words meaning filters are left out of the words to match and field words reach their field
    (`search.understanding`), unless `literal` (`Query.literal`) names their meaning."""
    everything = [m.group() for m in words(text)]
    reading = read_words(everything, literal, typing=True)  # the last word may be unfinished
    found = [everything[i] for i in reading.kept]
    places = find_places(found[: MAX_QUERY_WORDS + 4])
    removed = {i for p in places for i in range(p.start, p.end)}
    kept = [i for i, w in enumerate(found) if i not in removed]
    if places or len(kept) > 1:
        kept = [i for i in kept if fold(found[i]) not in REGION_WORDS]
    kept = kept[:MAX_QUERY_WORDS]
    # The last word is being typed only if nothing followed it (`informatyka zielona gora`).
    typing = bool(kept) and kept[-1] == len(found) - 1
    typing &= bool(reading.kept) and reading.kept[-1] == len(everything) - 1
    kept_words = [found[i] for i in kept]
    terms = terms_of(kept_words, last_is_prefix=typing)
    terms = with_field_keys(terms, reading, [reading.kept[i] for i in kept])
    terms = with_thesaurus_keys(terms, reading)
    terms = with_derived_keys(terms, kept_words, reading)
    terms, units = _units(kept_words, terms)
    units = _literal(units, reading.literal_groups)
    online = any(isinstance(u, SynonymSpan) and u.group == ONLINE_GROUP for u in units)
    online |= reading.online
    return AnalysedQuery(tuple(terms), units, tuple(places), online, " ".join(kept_words), reading)


def _literal(units: tuple[Unit, ...], groups: frozenset[str]) -> tuple[Unit, ...]:
    """The units, a phrase of a meaning taken literally as its plain words."""
    if not groups:
        return units
    split = (u.terms if isinstance(u, SynonymSpan) and u.group in groups else (u,) for u in units)
    return tuple(unit for units_ in split for unit in units_)


def _units(
    query_words: list[str], terms: list[QueryTerm]
) -> tuple[list[QueryTerm], tuple[Unit, ...]]:
    """The terms (a filler word inside a synonym phrase is part of it: "kwalifikacyjny kurs
    zawodowy") and the units. A phrase with a licence category ("kat B") is matched word by
    word: as a synonym of "prawo jazdy" it would let "Prawo jazdy kategorii C" stand in."""
    terms = list(terms)
    units: list[Unit] = []
    i = 0
    for match in find_phrases([restored_word(w) for w in query_words], in_query=True):
        units += terms[i : match.start]
        span = terms[match.start : match.end]
        if any(t.category for t in span):
            units += span
        else:
            span = [replace(t, filler=False) for t in span]
            terms[match.start : match.end] = span
            units.append(SynonymSpan(tuple(span), match.group, match.query_only))
        i = match.end
    units += terms[i:]
    return terms, tuple(units)


_warming = threading.Lock()
_warmed = False


def warm_up_in_background() -> None:
    """Load Morfeusz and build the synonym and place tables (about 0.3 s, once per process) in
    a background thread, so that the first search does not wait for them; then freeze what is
    alive (`freeze_long_lived`)."""
    global _warmed
    with _warming:
        if _warmed:
            return
        _warmed = True
    threading.Thread(target=_warm_up, daemon=True).start()


def _warm_up() -> None:
    analyse_query("kurs prawa jazdy w zielonej górze")
    freeze_long_lived()


def freeze_long_lived() -> None:
    """Move every object alive now (Morfeusz's tables, the synonym and place tables, the word
    caches) out of the garbage collector's reach, and collect the oldest objects less often.
    They live as long as the process, and each full collection walked them: 180-190 ms on
    100,000 offers, the worst tail of the searches. Thresholds 2,000/20/100 instead of 700/10/10:
    a full collection once in about 4 million allocations net (none in 1,000 searches, and then
    of the objects made since, ~40 ms); young collections still free the cycles a search leaves
    (benchmarks/README.md, 2026-12-07 23:10)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(2_000, 20, 100)
