"""PRK level (1-8, equal to EQF levels) of the qualification an offer leads to.

Evidence, strongest first:
1. a level the source states in its level field ("PRK 6", "poziom 4 PRK", "EQF 5", 6) or in
   the title ("… (6 poziom PRK)");
2. the qualification in a profession: code -> occupation -> school type -> PRK
   (`qualifications.qualification_level`), then a level the description states;
3. for offers that lead to a qualification, what the title names: the cycle of degree studies
   (I stopnia 6, II stopnia/jednolite 7, doktorskie 8), the occupation of a KKZ ("KKZ – technik
   administracji", when all its qualifications share one level), a school ("Branżowa Szkoła
   I stopnia" 3, "Liceum dla dorosłych" 4).
Courses, trainings, workshops and e-learning lead to no qualification and get no level unless
the source states one; postgraduate studies get the level their university declares or none.
The step never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.models import OfferKind
from catalogue.normalise import qualifications
from catalogue.normalise.text import any_term, as_text, fold

_CONTEXT = r"(?:\b(?:prk|eqf|erk|ekk)\b|(?:polsk\w*\s+|europejsk\w*\s+)?ram\w*\s+kwalifikacji)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_NUMBER = r"([1-8]|viii|vii|vi|iv|v|iii|ii|i)"
_NUMBER_BEFORE = r"([1-8]|viii|vii|vi|iv|v|iii|ii)"  # a lone "i" before a word is "and"
# Each pattern needs a framework word, so "poziom B1" or "II stopnia" is never a PRK level.
_IN_TEXT = (
    re.compile(rf"{_CONTEXT}\W{{0,4}}(?:(?:poziom\w*|level)\W{{0,3}})?([1-8])(?!\d|[.,]\d)"),
    re.compile(rf"\bpoziom\w*\W{{0,3}}{_NUMBER}\b\W{{0,4}}{_CONTEXT}"),
    re.compile(rf"(?<![\w.])\b{_NUMBER_BEFORE}\W{{0,3}}poziom\w*\W{{0,3}}{_CONTEXT}"),
    re.compile(rf"(?<![\w.,/])([1-8])\s*{_CONTEXT}"),
    re.compile(r"\b(?:prk|eqf|erk)([1-8])\b"),
)
# A level field may say only "6" or "Poziom 6": the field itself is the context.
_IN_FIELD = (
    re.compile(rf"^(?:poziom\w*\W{{0,3}})?{_NUMBER}$"),
    re.compile(r"\bpoziom\w*\W{0,3}([1-8])(?!\d|[.,]\d)"),  # "Poziom 6 (kwalifikacja pełna)"
)
# Sentences on who may enrol name the candidates' level, not the offer's.
_ENTRY_TERMS = ("kandyda", "rekrutac", "wymagan", "absolwent", "ukonczon", "warunk", "przyjec")

STUDY_LEVELS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (8, ("doktorsk", "szkol doktorsk", "szkola doktorsk", "iii stopnia", "trzeciego stopnia")),
    (7, ("ii stopnia", "drugiego stopnia", "magistersk", "uzupelniajac magist")),
    (6, ("i stopnia", "pierwszego stopnia", "licencjack", "inzyniersk")),
)
# Schools and programmes named in a title and the full qualification they lead to (ustawa o
# ZSK art. 8; `prk_levels.csv`). Studies come first so "studia II stopnia" is not a BS II.
SCHOOL_LEVELS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (3, "dyplom zawodowy branżowej szkoły I stopnia", ("branzowa szkola i= stopnia",
                                                       "branzowej szkoly i= stopnia")),
    (4, "dyplom zawodowy technika / świadectwo dojrzałości", ("branzowa szkola ii stopnia",
                                                              "branzowej szkoly ii stopnia")),
    (2, "świadectwo ukończenia szkoły podstawowej", ("szkola podstawowa dla doroslych",
                                                     "szkoly podstawowej dla doroslych")),
    (4, "dyplom zawodowy szkoły policealnej", ("szkol policealn", "szkola policealn")),
    (4, "świadectwo dojrzałości (matura)", ("liceum ogolnoksztalcac dla doroslych",
                                            "liceum dla doroslych", "lo dla doroslych")),
    (5, "dyplomowany specjalista", ("dyplomowan specjalist", "ksztalceni specjalistyczn")),
)  # fmt: skip
# An RSPO centre's "Kształcenie w zawodzie technik logistyk" teaches the whole occupation.
WHOLE_OCCUPATION = ("ksztalcen w zawodzie", "ksztalcenie w zawodzie", "nauka zawodu")
# Kinds that lead to no qualification of their own: a level needs a stated one.
NO_QUALIFICATION_KINDS = frozenset(
    {OfferKind.course, OfferKind.training, OfferKind.workshop, OfferKind.elearning}
)


@dataclass(frozen=True)
class Level:
    level: int
    evidence: str


def stated_level(value: Any) -> Level | None:
    """A level the source states: "PRK 6", "poziom 4 PRK", "EQF 5", "6" or 6."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        whole = int(value)
        return Level(whole, f"poziom podany przez źródło: {whole}") if 1 <= whole <= 8 else None
    text = fold(value)
    match = next((m for p in _IN_FIELD if (m := p.search(text))), None)
    number = _number(match.group(1)) if match else level_in_text(text)
    if number is None:
        return None
    return Level(number, f"poziom podany przez źródło: {as_text(value)}")


def level_in_text(text: Any) -> int | None:
    """A PRK/EQF level a sentence states: "6 poziom Polskiej Ramy Kwalifikacji", "ERK 5"."""
    folded = fold(text)
    for pattern in _IN_TEXT:
        match = pattern.search(folded)
        if match:
            return _number(match.group(1))
    return None


def _number(token: str) -> int | None:
    number = int(token) if token.isdigit() else _ROMAN.get(token)
    return number if number is not None and 1 <= number <= 8 else None


def _in_description(description: Any) -> tuple[int, str] | None:
    for sentence in re.split(r"(?<=[.;!?])\s+|\n", as_text(description) or ""):
        if any_term(_ENTRY_TERMS, sentence):
            continue
        number = level_in_text(sentence)
        if number is not None:
            return number, sentence.strip()[:120]
    return None


def resolve_level(
    stated: Any,
    qualification_level: int | None,
    qualification_code: str | None,
    kind: OfferKind,
    title: Any,
    description: Any = None,
    kind_word: Any = None,
) -> Level | None:
    """The PRK level, or None when there is no evidence for one."""
    found = stated_level(stated)
    if found is not None:
        return found
    if (number := level_in_text(title)) is not None:
        return Level(number, f"poziom podany w tytule: {as_text(title)}")
    if qualification_code and (chain := qualifications.qualification_level(qualification_code)):
        return Level(chain.level, chain.evidence)
    if qualification_level is not None:
        return Level(qualification_level, f"poziom kwalifikacji {qualification_code}")
    if (in_description := _in_description(description)) is not None:
        number, sentence = in_description
        return Level(number, f"poziom podany w opisie: {sentence}")
    if kind in NO_QUALIFICATION_KINDS:
        return None
    return _from_title(kind, " ".join(filter(None, (as_text(title), as_text(kind_word)))))


def _from_title(kind: OfferKind, text: str) -> Level | None:
    """The level of the qualification a title names: degree studies, a school, an occupation."""
    if kind is OfferKind.studies:
        for level, terms in STUDY_LEVELS:
            if term := any_term(terms, text):
                return Level(level, f"studia ({term.strip()}) -> PRK {level}")
        return None
    if kind is OfferKind.postgraduate:
        return None  # the university declares the level (6 or 7); none declared, none given
    if kind is OfferKind.kkz:
        return _kkz_level(text)
    if kind is OfferKind.other:
        # A school leads to its full qualification whatever the occupation taught in it.
        for level, what, terms in SCHOOL_LEVELS:
            if term := any_term(terms, text):
                return Level(level, f"szkoła ({term.replace('=', '')}) -> {what} -> PRK {level}")
    return None


def _kkz_level(text: str) -> Level | None:
    """A KKZ naming its occupation but no code: "KKZ – kucharz", "Kształcenie w zawodzie …"."""
    occupation = qualifications.find_occupation(text)
    if occupation is None:
        return None
    if any_term(WHOLE_OCCUPATION, text):
        # Teaching the whole occupation leads to its diploma, at the school's level.
        level = occupation.prk_level
        why = f"kształcenie w zawodzie {occupation.name} ({occupation.school}) -> PRK {level}"
        return Level(level, why)
    chain = qualifications.occupation_level(occupation)
    return Level(chain.level, chain.evidence) if chain else None
