"""An offer's field of education as an ISCED-F 2013 code.

Explicit sources decide first: a stated ISCED code, the qualification's own field, the BUR
subcategory, the BUR category. When the explicit code is only a narrow or broad field
("071 Inżynieria"), the keyword lexicon may refine it within that field ("0715", from
"spawanie MAG"). Otherwise the lexicon alone decides (see `lexicon.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.normalise.lexicon import LexiconMatch, match_lexicon
from catalogue.normalise.taxonomy import bur_categories, isced_codes
from catalogue.normalise.text import as_text, fold


@dataclass(frozen=True)
class Subject:
    isced_code: str
    isced_narrow: str | None
    isced_broad: str
    evidence: str


def subject_from_code(code: str, evidence: str) -> Subject:
    return Subject(
        isced_code=code,
        isced_narrow=code[:3] if len(code) >= 3 else None,
        isced_broad=code[:2],
        evidence=evidence,
    )


def stated_isced(value: Any) -> str | None:
    """A valid ISCED-F code in the source's text ("Kod ISCED: 0114" -> "0114")."""
    for candidate in re.findall(r"(?<!\d)(\d{2,4})(?!\d)", as_text(value) or ""):
        if candidate in isced_codes():
            return candidate
    return None


def bur_category_code(value: Any) -> tuple[str, str] | None:
    """(ISCED code, evidence) for a BUR category or subcategory given by id or name."""
    text = as_text(value)
    if text is None:
        return None
    key = text if text.isdigit() else fold(text)
    item = bur_categories().get(key)
    if item is None or item.isced_code is None:
        return None
    label = "kategoria" if item.level == "category" else "podkategoria"
    return item.isced_code, f"{label} BUR {item.id} {item.name}"


def resolve_subject(
    title: Any,
    description: Any = None,
    stated: Any = None,
    qualification_isced: str | None = None,
    category: Any = None,
    subcategory: Any = None,
) -> Subject | None:
    """The field of education, or None when nothing points to one."""
    explicit = _explicit(stated, qualification_isced, category, subcategory)
    lexical = match_lexicon(title, description)
    if explicit is not None:
        code, evidence = explicit
        if len(code) < 4 and lexical and lexical.code.startswith(code):
            return subject_from_code(lexical.code, f"{evidence}; {_words(lexical)}")
        return subject_from_code(code, evidence)
    if lexical is not None:
        return subject_from_code(lexical.code, _words(lexical))
    return None


def _explicit(
    stated: Any, qualification_isced: str | None, category: Any, subcategory: Any
) -> tuple[str, str] | None:
    code = stated_isced(stated)
    if code:
        return code, f"kod ISCED podany przez źródło: {code}"
    if qualification_isced:
        return qualification_isced, f"dziedzina kwalifikacji zawodowej: {qualification_isced}"
    return bur_category_code(subcategory) or bur_category_code(category)


def _words(found: LexiconMatch) -> str:
    return "słowa: " + ", ".join(found.words)
