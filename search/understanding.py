"""What the words of a query mean beyond themselves, from `search/data/query_words.toml`.

One declared table says which words mean a filter ("darmowe" → free of charge, "zdalnie" →
online, "licencjackie" → first-cycle studies), which widen what they match (an audience, a
timetable word, a field of education) and how the chip above the results names each
understanding. `analyse_query` (`search.query_text`) reads the words of every query through
`read_words`, for both backends:

- words meaning filters are taken out of the words to match and become filters; a filter the
  person chose themselves wins (`merged_filters`), so "darmowe" with "free" already ticked
  changes nothing;
- audience and timetable words stay words to match, and their meaning's phrases (`says`) form
  a synonym group (`search.synonyms` reads `vocabulary_groups`): "dla bezrobotnych" also finds
  an offer "dla osób zarejestrowanych w PUP". The catalogue has no audience or timetable field
  to filter on, so these never filter;
- field words (agent nouns and adjectives: "ogrodnik", "księgowa", "budowlane") keep matching
  as words, and also match offers filed under the field the normaliser's subject lexicon gives
  the word (`catalogue.normalise.lexicon`): the term gains a field key (`f_0812`) which
  documents carry for their own ISCED-F codes (`field_keys`), worth less than the word itself;
- every word also matches, as a stem would, the synonyms the Polish thesaurus gives it when the
  catalogue does not use it itself ("szofer" → "kierowca"; `thesaurus`), and an adjective the
  noun it is derived from ("fotowoltaiczne" → "fotowoltaika"; `with_derived_keys`);
- an offer whose own "who it is for" names an audience carries its mark (`audience_marks`), so
  that it ranks above offers only mentioning that audience.

A person who removes a chip asks to take those words literally (`Query.literal` names the
meaning's key, or `LITERALLY` for all): the words are then matched as they are.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from catalogue.normalise.lexicon import match_lexicon
from catalogue.polish import LEMMA_PREFIX, STEM_PREFIX, STOPWORDS, fold, word_keys, words
from search.diacritics import restored_word
from search.filter_labels import DATA_DIR
from search.identities import derived_lemma_keys, word_identities
from search.interface import LITERALLY, Understanding
from search.query_terms import QueryTerm

QUERY_WORDS_FILE = Path(__file__).resolve().parent / "data" / "query_words.toml"
THESAURUS_FILE = Path(__file__).resolve().parent / "data" / "thesaurus_pl" / "thesaurus_pl.csv"
FIELD_PREFIX = "f_"  # a field key: never a word's key (words have no `_`)
FIELD_KIND = "field"
UNDERSTANDING_PREFIX = "y_u_"  # the synonym group key of an audience or timetable meaning
AUDIENCE_GROUP = UNDERSTANDING_PREFIX + "audience_"  # the group keys of audience meanings
AUDIENCE_MARK = "a_"  # before an audience group key: the offer's audience field says it
# A word being typed ends a phrase it begins with at least this many letters ("studia pod").
PREFIX_LETTERS = 3

Phrase = tuple[str, ...]


@dataclass(frozen=True, eq=False)  # one object per declared meaning: equal when the same
class Meaning:
    key: str  # "price.free"
    kind: str  # "price"
    phrases: tuple[Phrase, ...]  # lower-cased words of the query phrases
    labels: dict[str, str]
    filters: dict[str, Any] = field(default_factory=dict)  # filter name -> value
    says: tuple[str, ...] = ()  # phrases offers use (audience, timetable)
    fields: tuple[str, ...] = ()  # ISCED-F codes
    online: bool = False
    general: bool = False  # yields to a more specific meaning of the same filter ("studia")

    @property
    def group(self) -> str | None:
        """The synonym group of its `says` phrases, if any."""
        return UNDERSTANDING_PREFIX + self.key.replace(".", "_") if self.says else None


@dataclass(frozen=True)
class Found:
    meaning: Meaning
    start: int  # the first query word
    end: int  # after the last one


@dataclass(frozen=True)
class Reading:
    """The words of a query as read through the meanings."""

    kept: tuple[int, ...]  # indexes of the words still to match
    found: tuple[Found, ...]
    words: tuple[str, ...]  # every word, as typed
    literal: frozenset[str] = frozenset()  # `Query.literal`

    @property
    def text(self) -> str:
        """The words still to match, as typed."""
        return " ".join(self.words[i] for i in self.kept)

    @property
    def online(self) -> bool:
        return any(f.meaning.online for f in self.found)

    @property
    def literal_groups(self) -> frozenset[str]:
        """The synonym groups of meanings taken literally: their phrases are matched as plain
        words."""
        every = LITERALLY in self.literal
        return frozenset(
            m.group for m in meanings() if m.group and (every or m.key in self.literal)
        )

    @property
    def filters(self) -> dict[str, Any]:
        """The filters the words mean; a terms filter two meanings set keeps what both allow,
        and when they allow nothing in common the more specific meaning's values: "podyplomowe
        studia" are postgraduate studies, never degree studies and nothing found."""
        chosen: dict[str, Any] = {}
        for found in sorted(self.found, key=lambda f: not f.meaning.general):
            for name, value in found.meaning.filters.items():
                chosen[name] = _both(chosen[name], value) if name in chosen else value
        return chosen

    def field_codes(self, index: int) -> tuple[str, ...]:
        """The ISCED-F codes the word at `index` reaches."""
        return tuple(
            code
            for f in self.found
            if f.meaning.fields and f.start <= index < f.end
            for code in f.meaning.fields
        )

    def understood(self, chosen: Mapping[str, Any] = {}) -> list[Understanding]:
        """What was understood, in the order of the words; a meaning all of whose filters the
        person chose themselves is marked not applied (one of them still applying is shown);
        a general meaning a more specific one overrode is no understanding ("podyplomowe
        studia": postgraduate studies only)."""
        seen: dict[str, Understanding] = {}
        meant = self.filters
        for found in self.found:
            meaning = found.meaning
            if (
                meaning.general
                and meaning.filters
                and all(_overridden(value, meant[name]) for name, value in meaning.filters.items())
            ):
                continue
            said = " ".join(self.words[found.start : found.end])
            if meaning.key in seen:
                kept = seen[meaning.key]
                seen[meaning.key] = replace(kept, words=f"{kept.words}, {said}")
                continue
            applied = not meaning.filters or any(name not in chosen for name in meaning.filters)
            seen[meaning.key] = Understanding(
                meaning.key, meaning.kind, said, dict(meaning.labels), dict(meaning.filters),
                meaning.fields, applied,
            )  # fmt: skip
        return list(seen.values())


def _overridden(value: Any, meant: Any) -> bool:
    """Whether a meaning's filter value is none of what the words mean in the end."""
    if isinstance(value, tuple) and isinstance(meant, tuple):
        return not set(value) & set(meant)
    return value != meant


def _both(one: Any, other: Any) -> Any:
    if isinstance(one, tuple) and isinstance(other, tuple):
        common = tuple(v for v in one if v in other)
        return common or other
    return other


def read_words(
    query_words: Sequence[str], literal: Collection[str] = (), typing: bool = False
) -> Reading:
    """Which meanings the words have (longest phrase first, left to right, never overlapping),
    and which words are left to match: all but those meaning filters.

    When the person may still be typing the last word (`typing`), it also ends a phrase of
    several words it begins (PREFIX_LETTERS at least): "studia podypl" is "studia
    podyplomowe", never degree studies ("studia") and the words "podypl"."""
    everything = tuple(query_words)
    if LITERALLY in literal:
        return Reading(tuple(range(len(everything))), (), everything, frozenset(literal))
    lowered = [w.lower() for w in everything]
    found: list[Found] = []
    i = 0
    while i < len(lowered):
        match = _longest_at(i, lowered, literal, typing)
        if match is None:
            i += 1
        else:
            found.append(match)
            i = match.end
    consumed = {j for f in found if f.meaning.filters for j in range(f.start, f.end)}
    kept = tuple(j for j in range(len(everything)) if j not in consumed)
    return Reading(kept, tuple(found), everything, frozenset(literal))


def _longest_at(
    i: int, lowered: list[str], literal: Collection[str], typing: bool = False
) -> Found | None:
    for meaning, phrase in _starting_with(lowered[i]):
        end = i + len(phrase)
        if meaning.key in literal or end > len(lowered):
            continue
        pairs = list(zip(lowered[i + 1 : end], phrase[1:], strict=True))
        if typing and pairs and end == len(lowered):  # the last word may be unfinished
            last, wanted = pairs.pop()
            if not _begins(last, wanted):
                continue
        if all(word_identities(have) & word_identities(want) for have, want in pairs):
            return Found(meaning, i, end)
    return None


def _begins(typed: str, word: str) -> bool:
    """Whether a word being typed is the word, or begins it with PREFIX_LETTERS at least."""
    if word_identities(typed) & word_identities(word):
        return True
    typed = fold(typed)
    return len(typed) >= PREFIX_LETTERS and fold(word).startswith(typed)


@cache
def _starting_with(word: str) -> tuple[tuple[Meaning, Phrase], ...]:
    index = _by_first_word()
    found = {p for identity in word_identities(word) for p in index.get(identity, ())}
    return tuple(sorted(found, key=lambda p: (-len(p[1]), p[0].key, p[1])))


@cache
def _by_first_word() -> dict[str, tuple[tuple[Meaning, Phrase], ...]]:
    index: dict[str, list[tuple[Meaning, Phrase]]] = {}
    for meaning in meanings():
        for phrase in meaning.phrases:
            for identity in word_identities(phrase[0]):
                index.setdefault(identity, []).append((meaning, phrase))
    return {k: tuple(v) for k, v in index.items()}


def with_field_keys(
    terms: Sequence[QueryTerm], reading: Reading, kept: Sequence[int]
) -> list[QueryTerm]:
    """The terms (of the words at `kept` in `reading.words`), a field word's with its field
    keys: it then also matches offers filed under the field."""
    out = []
    for term, index in zip(terms, kept, strict=True):
        codes = reading.field_codes(index)
        out.append(
            replace(term, keys=term.keys | {FIELD_PREFIX + c for c in codes}) if codes else term
        )
    return out


def with_thesaurus_keys(terms: Sequence[QueryTerm], reading: Reading) -> list[QueryTerm]:
    """The terms, each with the stem keys of its thesaurus synonyms (`thesaurus`): a word also
    matches the inflections of its synonyms, as a stem would, below the word itself and below
    a curated synonym (`search.tantivy.query`). None when every word is taken literally."""
    if LITERALLY in reading.literal:
        return list(terms)
    table = thesaurus()
    out = []
    for term in terms:
        related = {k for i in _term_identities(term) for k in table.get(i, ())}
        out.append(replace(term, keys=term.keys | related) if related else term)
    return out


def with_derived_keys(
    terms: Sequence[QueryTerm], typed: Sequence[str], reading: Reading
) -> list[QueryTerm]:
    """The terms (of the words `typed`), an adjective's with the lemma keys of the nouns it is
    derived from (`search.identities.derived_nouns`): "kursy fotowoltaiczne" also match
    "Instalator fotowoltaiki", as a curated synonym would, below the adjective itself. None
    when every word is taken literally."""
    if LITERALLY in reading.literal:
        return list(terms)
    out = []
    for term, word in zip(terms, typed, strict=True):
        derived = derived_lemma_keys(restored_word(word).lower()) - term.keys
        out.append(replace(term, derived=derived) if derived else term)
    return out


def _term_identities(term: QueryTerm) -> set[str]:
    return {term.surface} | {
        k[len(LEMMA_PREFIX) :] for k in term.keys if k.startswith(LEMMA_PREFIX)
    }


@cache
def thesaurus() -> dict[str, frozenset[str]]:
    """Folded word or lemma -> the stem keys of its synonyms, from the Polish thesaurus extract
    (`search/data/thesaurus_pl`, LGPL 2.1: see its SOURCE.md)."""
    table: dict[str, set[str]] = {}
    for word, synonyms in thesaurus_pairs():
        stems = {k for s in synonyms for k in word_keys(s) if k.startswith(STEM_PREFIX)}
        for identity in word_identities(word.lower()):
            table.setdefault(identity, set()).update(stems)
    return {k: frozenset(v) for k, v in table.items()}


@cache
def thesaurus_pairs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(word, its synonyms) of the thesaurus extract, as written."""
    with THESAURUS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple((row["word"], tuple(row["synonyms"].split("|"))) for row in rows)


def field_keys(document: Mapping[str, Any]) -> list[str]:
    """The field keys of a search document: one per ISCED-F code it is filed under, broad,
    narrow and detailed (`f_07`, `f_073`, `f_0732`)."""
    codes = {document.get(name) or "" for name in ("isced_broad", "isced_narrow", "isced_code")}
    code = str(document.get("isced_code") or "")
    codes |= {code[:2], code[:3]} if code else set()
    return sorted(FIELD_PREFIX + c for c in codes if c)


def audience_marks(audience: str | None) -> list[str]:
    """The audience marks of an offer's own "who it is for" (`Offer.audience`): one per
    audience meaning one of whose phrases it says ("Osoby bezrobotne" →
    `a_y_u_audience_unemployed`). An offer meant for an audience ranks above one that only
    mentions it (`search.tantivy.query.AUDIENCE_MATCH`)."""
    said = [word_identities(m.group()) for m in words(audience or "")]
    marks = []
    for meaning in meanings():
        group = meaning.group
        if group and group.startswith(AUDIENCE_GROUP) and _says(said, meaning.says):
            marks.append(AUDIENCE_MARK + group)
    return marks


def _says(said: Sequence[frozenset[str]], phrases: Iterable[str]) -> bool:
    """Whether words (as their identities) hold one of the phrases as consecutive words."""
    for phrase in _phrases(phrases):
        wanted = [word_identities(w) for w in phrase]
        for start in range(len(said) - len(wanted) + 1):
            if all(said[start + i] & w for i, w in enumerate(wanted)):
                return True
    return False


def merged_filters(chosen: Mapping[str, Any], understood: Mapping[str, Any]) -> dict[str, Any]:
    """The person's filters and the understood ones they did not set themselves."""
    merged = dict(chosen)
    merged.update((name, value) for name, value in understood.items() if name not in chosen)
    return merged


# -- the declared table ------------------------------------------------------------------------


@cache
def meanings() -> tuple[Meaning, ...]:
    with QUERY_WORDS_FILE.open("rb") as handle:
        table = tomllib.load(handle)
    fields = table.pop("fields")
    declared = []
    for kind, entries in table.items():
        for name, entry in entries.items():
            filters = {
                k: (tuple(str(x) for x in v) if isinstance(v, list) else v)
                for k, v in entry.get("filters", {}).items()
            }
            declared.append(
                Meaning(
                    f"{kind}.{name}", kind, _phrases(entry["words"]), dict(entry["label"]),
                    filters, tuple(entry.get("says", ())), online=bool(entry.get("online")),
                    general=bool(entry.get("general")),
                )
            )  # fmt: skip
    return tuple(declared) + _field_meanings(fields)


def _phrases(texts: Iterable[str]) -> tuple[Phrase, ...]:
    found = (tuple(m.group().lower() for m in words(t)) for t in texts)
    return tuple(p for p in found if p)


def _field_meanings(fields: Mapping[str, Any]) -> tuple[Meaning, ...]:
    """One meaning per field (or fields: "ekonomiczny" is economics and business), with the
    words that reach it; its key names the codes (`field.0812`, `field.0311_041`)."""
    by_codes: dict[tuple[str, ...], list[str]] = {}
    for word in fields["words"]:
        by_codes.setdefault((lexicon_code(word),), []).append(word)
    for word, codes in fields.get("codes", {}).items():
        by_codes.setdefault((codes,) if isinstance(codes, str) else tuple(codes), []).append(word)
    names = isced_names()
    labels_uk = fields.get("labels_uk", {})
    found = []
    for codes, field_words in sorted(by_codes.items()):
        pl = " / ".join(names[c][0] for c in codes)
        en = " / ".join(names[c][1] for c in codes)
        uk = " / ".join(labels_uk.get(c, names[c][1]) for c in codes)
        labels = {
            "pl": f"także dziedzina: {pl}",
            "en": f"also the field: {en}",
            "uk": f"також галузь: {uk}",
        }
        key = f"field.{'_'.join(codes)}"
        found.append(Meaning(key, FIELD_KIND, _phrases(field_words), labels, fields=codes))
    return tuple(found)


def lexicon_code(word: str) -> str:
    """The ISCED-F code the normaliser's subject lexicon gives a word alone."""
    match = match_lexicon(word)
    if match is None:
        raise ValueError(f"the subject lexicon knows no field for {word!r}: give it a code")
    return match.code


@cache
def isced_names() -> dict[str, tuple[str, str]]:
    """ISCED-F code -> (Polish name, English name)."""
    with (DATA_DIR / "isced_f_2013.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: (row["name_pl"], row["name_en"]) for row in csv.DictReader(handle)}


def vocabulary_groups() -> list[tuple[str, list[str], list[str]]]:
    """(group key, phrases offers use, query-only phrases) of the audience and timetable
    meanings, for `search.synonyms`: the query's words lead to the phrases offers use."""
    groups = []
    for meaning in meanings():
        if meaning.group is None:
            continue
        says = list(meaning.says)
        said = {_phrases([s])[0] for s in says}
        query_only = [" ".join(p) for p in meaning.phrases if p not in said]
        groups.append((meaning.group, says, query_only))
    return groups


def is_understood_word(word: str) -> bool:
    """Whether a word (as typed) is part of some meaning's phrase: no misspelling, then."""
    lowered = word.lower()
    if fold(lowered) in STOPWORDS:
        return False
    identities = word_identities(lowered)
    return any(identities & word_identities(w) for m in meanings() for p in m.phrases for w in p)
