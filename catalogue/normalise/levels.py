"""PRK level (1-8, equal to EQF levels) of the qualification an offer leads to.

Order of evidence: a level the source states ("PRK 6", "poziom 4 PRK", "EQF 5", 6); the
level of the qualification in a profession; the kind of degree studies named in the title
(I stopnia/licencjackie/inżynierskie 6, II stopnia/magisterskie 7, doktorskie 8).
Postgraduate studies get a level only when the source states it (universities choose 6 or 7);
courses leading to no qualification get none. The step never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.models import OfferKind
from catalogue.normalise.text import any_term, as_text, fold

_STATED = (
    re.compile(r"(?:prk|eqf|erk|ekk|poziom\w*)\D{0,12}?([1-8])(?!\d)"),
    re.compile(r"(?<!\d)([1-8])\s*(?:\.\s*)?(?:poziom\w*|prk|eqf|erk)"),
)
STUDY_LEVELS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (8, ("doktorsk", "szkol doktorsk", "szkola doktorsk", "studia iii stopnia")),
    (
        7,
        (
            "ii stopnia",
            "drugiego stopnia",
            "magistersk",
            "jednolit magistersk",
            "uzupelniajac magist",
        ),
    ),
    (6, ("i stopnia", "pierwszego stopnia", "licencjack", "inzyniersk")),
)


@dataclass(frozen=True)
class Level:
    level: int
    evidence: str


def stated_level(value: Any) -> Level | None:
    """A level the source states: "PRK 6", "poziom 4 PRK", "EQF 5", "6" or 6."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        return Level(number, f"poziom podany przez źródło: {number}") if 1 <= number <= 8 else None
    text = fold(value)
    if not text:
        return None
    if re.fullmatch(r"[1-8]", text):
        return Level(int(text), f"poziom podany przez źródło: {text}")
    for pattern in _STATED:
        match = pattern.search(text)
        if match:
            return Level(int(match.group(1)), f"poziom podany przez źródło: {as_text(value)}")
    return None


def resolve_level(
    stated: Any,
    qualification_level: int | None,
    qualification_code: str | None,
    kind: OfferKind,
    title: Any,
) -> Level | None:
    """The PRK level, or None when there is no evidence for one."""
    found = stated_level(stated)
    if found is not None:
        return found
    if qualification_level is not None:
        return Level(qualification_level, f"poziom kwalifikacji {qualification_code}")
    if kind is OfferKind.studies:
        for level, terms in STUDY_LEVELS:
            term = any_term(terms, title)
            if term:
                return Level(level, f"studia ({term.strip()}) -> PRK {level}")
    return None
