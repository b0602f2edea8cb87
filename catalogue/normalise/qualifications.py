"""Qualification codes in a profession ("MEC.08") found in free text or given by the source.

Offers name them as "<zawód> – <KOD> <nazwa kwalifikacji>", e.g. "ślusarz – MEC.08 Wykonywanie
i naprawa elementów maszyn, urządzeń i narzędzi"; the table `vocational_qualifications.csv`
gives the name, occupations, PRK level and ISCED field of each known code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.normalise.result import NormalisedQualification
from catalogue.normalise.taxonomy import vocational_qualifications
from catalogue.normalise.text import as_text

CODE_RE = re.compile(r"\b([A-Z]{3})\.\s?(\d{2})\b")
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
    known: bool  # the code is in the reference table
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
    stated = (as_text(stated_code) or "").upper()
    code = find_code(stated, title, description)
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
