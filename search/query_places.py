"""Lubuskie place names in a query: "informatyka zielona góra", "kurs spawania w żarach".

Names come from the normaliser's place table (`catalogue.normalise.taxonomy.places_by_name`:
gmina seats, villages and their aliases) and the powiat names ("powiat żarski"). Each word of a
name matches every form Morfeusz 2 generates for it, folded (`catalogue.polish.inflected_forms`),
so inflected forms typed without Polish letters are recognised too: `zielonej gorze`,
`gorzowie`, `zarach`, `nowej soli`.

A name that is also an ordinary word ("przewóz osób", "sława", "brody", "sucha") is recognised
only after a preposition (`w Przewozie`), unless it is a powiat seat. What a place in the query
means for the results is decided in `search.query_text`.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from catalogue.normalise.taxonomy import DATA_DIR, places_by_name
from catalogue.polish import fold, inflected_forms, is_common_word, words

# Short names residents use that the normaliser does not take from a source (elsewhere in
# Poland they name other towns): in a Lubuskie search box "Krosno" is Krosno Odrzańskie.
QUERY_ONLY_NAMES = {
    "Krosno": "Krosno Odrzańskie",
    "Kostrzyn": "Kostrzyn nad Odrą",
    "Strzelce": "Strzelce Krajeńskie",
    "Nowogród": "Nowogród Bobrzański",
}
# Words before a place that belong to it: `w Żarach`, `okolice Gorzowa`, `k. Zielonej Góry`.
PREPOSITIONS = frozenset(
    {"w", "we", "z", "ze", "k", "kolo", "obok", "pod", "przy", "niedaleko", "blisko", "okolice",
     "okolicach", "okolica", "rejon", "rejonie"}
)  # fmt: skip
# Words meaning the whole region (folded): dropped from the text, they narrow nothing.
REGION_WORDS = frozenset(
    {"lubuskie", "lubuskim", "lubuskiego", "lubuska", "lubuski", "wojewodztwo", "wojewodztwie",
     "woj"}
)  # fmt: skip
_LONGEST = 4  # words in the longest name ("Kostrzyn nad Odrą" has 3)


@dataclass(frozen=True)
class QueryPlace:
    name: str  # as shown: "Żary", "powiat żarski"
    powiat: str  # TERYT code of the powiat it lies in ("0811")
    start: int  # index of its first word in the query, a preposition before it included
    end: int  # index after its last word


@dataclass(frozen=True)
class _Name:
    forms: tuple[frozenset[str], ...]  # per word: every folded form
    name: str
    powiat: str
    needs_preposition: bool


def find_places(query_words: Sequence[str]) -> list[QueryPlace]:
    """The places named among the words of a query, longest names first, left to right."""
    folded = [fold(w) for w in query_words]
    found: list[QueryPlace] = []
    i = 0
    while i < len(folded):
        place = _place_at(folded, i)
        if place is None:
            i += 1
            continue
        found.append(place)
        i = place.end
    return found


def _place_at(folded: list[str], i: int) -> QueryPlace | None:
    after_preposition = i > 0 and folded[i - 1] in PREPOSITIONS
    for name in _names_by_form().get(folded[i], ()):
        end = i + len(name.forms)
        if end > len(folded) or (name.needs_preposition and not after_preposition):
            continue
        if all(folded[i + j] in forms for j, forms in enumerate(name.forms)):
            start = i - 1 if after_preposition else i
            return QueryPlace(name.name, name.powiat, start, end)
    return None


@cache
def _names_by_form() -> dict[str, tuple[_Name, ...]]:
    """Names under every form of their first word, longest name first."""
    index: dict[str, list[_Name]] = {}
    for name in _names():
        for form in name.forms[0]:
            index.setdefault(form, []).append(name)
    return {k: tuple(sorted(v, key=lambda n: -len(n.forms))) for k, v in index.items()}


def _names() -> list[_Name]:
    places = places_by_name()
    seats = {fold(row["seat"]) for row in _powiat_rows()}
    names = []
    for key, place in places.items():
        spelled = _spelling(key, place.name)
        if len(spelled) > _LONGEST:
            continue
        ambiguous = (
            len(spelled) == 1 and fold(place.name) not in seats and is_common_word(spelled[0])
        )
        names.append(_Name(_forms(spelled), place.name, place.powiat_teryt, ambiguous))
    for short, full in QUERY_ONLY_NAMES.items():
        place = places[fold(full)]
        names.append(_Name(_forms([short]), place.name, place.powiat_teryt, False))
    for row in _powiat_rows():
        if row["powiat_name"].startswith("powiat "):
            spelled = row["powiat_name"].split()
            names.append(_Name(_forms(spelled), row["powiat_name"], row["powiat_teryt"], False))
    return names


def _spelling(key: str, name: str) -> list[str]:
    """The words of a folded name or alias with their Polish letters where the place's name
    has them (`gorzow` → `Gorzów`), for Morfeusz; other words as they are (`zg`)."""
    by_fold = {fold(m.group()): m.group() for m in words(name)}
    return [by_fold.get(w, w) for w in key.split()]


@cache
def _powiat_rows() -> tuple[dict[str, str], ...]:
    with (DATA_DIR / "lubuskie_powiaty.csv").open(encoding="utf-8", newline="") as handle:
        unique = {row["powiat_teryt"]: row for row in csv.DictReader(handle)}
    return tuple(unique.values())


def _forms(spelled: Sequence[str]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset({fold(word), *inflected_forms(word)}) for word in spelled)


@dataclass(frozen=True)
class KnownPlace:
    name: str  # "Zielona Góra", "powiat żarski"
    folded: str  # "zielona gora"
    powiat: str
    rank: int  # 0 a powiat seat, 1 another gmina seat, 2 a village, 3 a powiat


@cache
def known_places() -> tuple[KnownPlace, ...]:
    """Every place name a query may use, once each (for suggestions)."""
    seats = {fold(row["seat"]) for row in _powiat_rows()}
    found: dict[str, KnownPlace] = {}
    for place in places_by_name().values():
        folded = fold(place.name)
        rank = 0 if folded in seats else 1 if place.kind == "gmina-seat" else 2
        found.setdefault(folded, KnownPlace(place.name, folded, place.powiat_teryt, rank))
    for row in _powiat_rows():
        if row["powiat_name"].startswith("powiat "):
            name = row["powiat_name"]
            found.setdefault(fold(name), KnownPlace(name, fold(name), row["powiat_teryt"], 3))
    return tuple(found.values())
