"""Qualification codes in a profession ("MEC.08") found in free text or given by the source.

Offers name them as "<zawód> – <KOD> <nazwa kwalifikacji>", e.g. "ślusarz – MEC.08 Wykonywanie
i naprawa elementów maszyn, urządzeń i narzędzi"; the table `vocational_qualifications.csv`
gives the name, occupations, PRK level and ISCED field of each known code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from catalogue.normalise.result import NormalisedQualification
from catalogue.normalise.taxonomy import DATA_DIR, vocational_qualifications
from catalogue.normalise.text import as_text, fold, fold_words, term_matches

CODE_RE = re.compile(r"\b([A-Z]{3})\.\s?(\d{2})\b")
# A qualification of the Integrated Qualifications Register as the `zrk` spider states it: the
# register's own id ("ZRK-41003"), which also names its public card.
ZRK_CODE_RE = re.compile(r"ZRK-\d{1,9}")
# A school page prints florysta's OGR.01 as "ORG.01" (no ORG branch exists in the 2019
# classification; OGR = ogrodnicza). Known misprints are read as the real code.
MISPRINTS = {"ORG.01": "OGR.01"}
_FORMULA = re.compile(
    r"^\s*(?P<occupation>[^–—\-:]{3,60}?)\s*[–—\-:]\s*(?P<code>[A-Z]{3}\.\d{2})\.?\s*(?P<name>.*)$"
)


@dataclass(frozen=True)
class QualificationFinding:
    qualification: NormalisedQualification
    isced_code: str | None
    known: bool  # the code is in the reference table, or a ZRK id stated by the register
    evidence: str


def find_code(*texts: Any) -> str | None:
    """The first qualification code in the texts, misprints corrected."""
    for text in texts:
        match = CODE_RE.search(as_text(text) or "")
        if match:
            code = f"{match.group(1)}.{match.group(2)}"
            return MISPRINTS.get(code, code)
    return None


def resolve_qualification(
    stated_code: Any = None,
    title: Any = None,
    description: Any = None,
    stated_name: Any = None,
    occupation: Any = None,
) -> QualificationFinding | None:
    """The qualification an offer leads to, or None when no code is given or found."""
    stated = (as_text(stated_code) or "").upper().strip()
    code = find_code(stated, title, description)
    if code is None and ZRK_CODE_RE.fullmatch(stated):
        return QualificationFinding(
            NormalisedQualification(
                code=stated, name=as_text(stated_name) or "", occupation=None, prk_level=None
            ),
            None,
            True,
            f"kwalifikacja {stated} z Zintegrowanego Rejestru Kwalifikacji",
        )
    if code is None:
        return None
    where = "podany przez źródło" if find_code(stated) else "znaleziony w tekście"
    known = vocational_qualifications().get(code)
    if known is not None:
        return QualificationFinding(
            NormalisedQualification(
                code=code,
                name=known.name or (as_text(stated_name) or ""),
                occupation=(known.occupations[0] if known.occupations else as_text(occupation)),
                prk_level=known.prk_level,
            ),
            known.isced_code,
            True,
            f"kod kwalifikacji {code} ({where})",
        )
    formula = _FORMULA.match(as_text(title) or "")
    name = as_text(stated_name) or (formula.group("name") if formula else "") or ""
    occ = as_text(occupation) or (formula.group("occupation") if formula else None)
    return QualificationFinding(
        NormalisedQualification(code=code, name=name, occupation=occ, prk_level=None),
        None,
        False,
        f"kod kwalifikacji {code} ({where}) spoza tabeli kwalifikacji",
    )


# School types of the 2019 classification and the PRK level of the qualifications taught in
# them: a qualification of a branżowa szkoła I stopnia occupation is level 3, one taught only
# in technikum, branżowa szkoła II stopnia or szkoła policealna is level 4 (SOURCES.md 5.2).
SCHOOL_TYPES = {
    "BS1": ("branżowa szkoła I stopnia", 3),
    "BS2": ("branżowa szkoła II stopnia", 4),
    "T": ("technikum", 4),
    "SP": ("szkoła policealna", 4),
}


@dataclass(frozen=True)
class Occupation:
    name: str
    branch: str
    school_types: tuple[str, ...]  # keys of SCHOOL_TYPES

    @property
    def prk_level(self) -> int:
        return min(SCHOOL_TYPES[t][1] for t in self.school_types)

    @property
    def school(self) -> str:
        return min((SCHOOL_TYPES[t] for t in self.school_types), key=lambda s: s[1])[0]


@dataclass(frozen=True)
class LevelChain:
    """Why a qualification or occupation has its level: code -> occupation -> school -> PRK."""

    level: int
    evidence: str


@cache
def occupations() -> dict[str, Occupation]:
    """Folded name or alias ("technik BHP") -> occupation (`vocational_occupations.csv`)."""
    with (DATA_DIR / "vocational_occupations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    table: dict[str, Occupation] = {}
    for row in rows:
        item = Occupation(row["occupation"], row["branch"], tuple(row["school_types"].split("|")))
        for name in (row["occupation"], *filter(None, row["aliases"].split("|"))):
            table.setdefault(fold(name), item)
    return table


def derived_level(occupation_names: tuple[str, ...]) -> Occupation | None:
    """The occupation that sets a qualification's level: the lowest school type teaching it."""
    known = [occupations()[fold(n)] for n in occupation_names if fold(n) in occupations()]
    if not known or len(known) < len(occupation_names):
        return None
    return min(known, key=lambda o: o.prk_level)


def qualification_level(code: str) -> LevelChain | None:
    """The level of a known code, with the chain that decided it; None without one."""
    item = vocational_qualifications().get(code)
    if item is None or item.prk_level is None:
        return None
    occupation = derived_level(item.occupations)
    if occupation is None:
        return LevelChain(item.prk_level, f"kwalifikacja {code} -> PRK {item.prk_level}")
    return LevelChain(
        item.prk_level,
        f"kwalifikacja {code} -> zawód {occupation.name} ({occupation.school}) "
        f"-> PRK {item.prk_level}",
    )


def find_occupation(text: Any) -> Occupation | None:
    """The longest occupation of the classification named in the text ("… – technik logistyk")."""
    words = fold_words(text)
    found = [o for key, o in occupations().items() if term_matches(_exact(key), words)]
    return max(found, key=lambda o: len(o.name), default=None)


def occupation_level(occupation: Occupation) -> LevelChain | None:
    """The level of a course in an occupation when every qualification of it has one level.

    A KKZ "technik logistyk" may teach SPL.01 (level 3, shared with magazynier-logistyk) or
    SPL.04 (level 4): the title alone cannot tell, so such an occupation gives no level.
    """
    levels = {
        q.prk_level
        for q in vocational_qualifications().values()
        if occupation.name in q.occupations
    }
    if not levels and "BS2" not in occupation.school_types:
        # A BS II occupation continues a BS I one, so its first qualification is level 3.
        levels = {occupation.prk_level}
    if len(levels) != 1 or None in levels:
        return None
    level = levels.pop()
    assert level is not None
    return LevelChain(level, f"zawód {occupation.name} ({occupation.school}) -> PRK {level}")


def _exact(folded_name: str) -> str:
    # Whole words only: "kucharz" must not match "kucharza" in "pomoc kucharza".
    return " ".join(part + "=" for part in fold_words(folded_name))
