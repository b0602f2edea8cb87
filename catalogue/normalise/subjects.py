"""An offer's field of education as an ISCED-F 2013 code, with the evidence that decided it.

Clues are taken in order of trust: the qualification's own code (its table row, else its
branch), a stated ISCED code, the BUR subcategory, the BUR category, then the title as a
university programme name, then the keyword lexicon over title and description (see
`lexicon.py`). BUR categories and catch-all subcategories are chosen by providers and span
fields, so words in the title go before them. The first clue decides; a later clue inside
its field makes it more specific ("071" from subcategory + "0715" from "spawanie MAG"); a
later clue that agrees is noted as support, one that disagrees is noted and not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.normalise.lexicon import LexiconMatch, match_lexicon
from catalogue.normalise.taxonomy import (
    bur_categories,
    isced_codes,
    programme_codes,
    qualification_branch_codes,
)
from catalogue.normalise.text import any_term, as_text, fold, fold_words

# Words around a programme name that say what kind of studies it is, not what field.
_KIND_WORDS = frozenset(
    (
        "kierunek", "kierunku", "studia", "studiow", "podyplomowe", "podyplomowych",
        "jednolite", "magisterskie", "licencjackie", "inzynierskie", "stacjonarne",
        "niestacjonarne", "pierwszego", "drugiego", "stopnia", "i", "ii", "specjalnosc",
        "kurs", "program", "edycja",
    )
)  # fmt: skip
_PIECES = re.compile(r"\s*(?:[()\[\]:|,;/]|\s[-–—]\s)\s*")
_UNKNOWN_FIELD = "99"  # ISCED-F 99/999/9999 "field unknown" says nothing

# Teacher training by context (ISCED-F 011): what a teacher does in the lesson, or a teacher's
# own competence, is teacher training even when the words name a tool or a subject.
_LESSON = ("na lekcj", "podczas lekcj", "na zajeciach szkoln")
_SCHOOL = ("w klas", "w szkol", "szkoln", "uczni")
_TEACHER = ("nauczyciel",)
_QUALIFYING = ("podyplomow", "kwalifikacyjn")
_IN_SCHOOL = ("w szkole=", "w szkolach=", "w placowk oswiatow")
# School subjects (core curriculum): teaching one is 0114, teaching without one is 0113.
_SCHOOL_SUBJECTS = (
    "matematy", "informaty", "fizyk", "fizyki=", "chemi", "biologi", "geografi", "histori",
    "jezyk polsk", "jezyka polsk", "jezyk obc", "jezyka obc", "jezykow obc", "jezyk angiel",
    "jezyka angiel", "jezyk niemi", "jezyka niemi", "polonist", "plastyk", "plastyki=",
    "muzyk", "muzyki=", "techniki=", "wychowani fizyczn", "przyrod", "wiedz o spoleczenstw",
    "edukacj dla bezpieczenstw", "przedmiot", "religi", "etyk=", "etyki=",
)  # fmt: skip


@dataclass(frozen=True)
class Subject:
    isced_code: str
    isced_narrow: str | None
    isced_broad: str
    evidence: str


@dataclass(frozen=True)
class Clue:
    code: str
    evidence: str
    weak: bool = False  # a catch-all BUR subcategory, see bur_categories.csv "[ogólna]"


def subject_from_code(code: str, evidence: str) -> Subject:
    return Subject(
        isced_code=code,
        isced_narrow=code[:3] if len(code) >= 3 else None,
        isced_broad=code[:2],
        evidence=evidence,
    )


def resolve_subject(
    title: Any,
    description: Any = None,
    stated: Any = None,
    qualification_isced: str | None = None,
    category: Any = None,
    subcategory: Any = None,
    qualification_code: str | None = None,
) -> Subject | None:
    """The field of education, or None when nothing points to one."""
    lexical = match_lexicon(title, description)
    teaching = _teaching_clue(title, lexical)
    in_title = (lexical is not None and lexical.in_title) or teaching is not None
    bur = [_bur_clue(subcategory), _bur_clue(category, weak=True)]
    # A BUR category ("Informatyka i telekomunikacja" on a Photoshop course) or a catch-all
    # subcategory ("Obsługa maszyn i urządzeń") yields to the title's words.
    weak = [c for c in bur if c is not None and c.weak] if in_title else []
    clues = [
        _qualification_clue(qualification_code, qualification_isced),
        _stated_clue(stated),
        *(c for c in bur if c not in weak),
        teaching,
        _programme_clue(title),
        _lexicon_clue(lexical) if in_title else None,
        *weak,
        None if in_title else _lexicon_clue(lexical),
    ]
    return decide([c for c in clues if c is not None])


def decide(clues: list[Clue]) -> Subject | None:
    """The first clue's code, refined by later clues within it; disagreements noted."""
    if not clues:
        return None
    code, notes = clues[0].code, [clues[0].evidence]
    for clue in clues[1:]:
        if clue.code.startswith(code) and len(clue.code) > len(code):
            code = clue.code
            notes.append(f"doprecyzowane: {clue.evidence}")
        elif code.startswith(clue.code):
            notes.append(f"zgodne: {clue.evidence}")
        else:
            notes.append(f"pominięte (niższy priorytet): {clue.evidence}")
    return subject_from_code(code, "; ".join(notes))


def stated_isced(value: Any) -> str | None:
    """A valid ISCED-F code in the source's text ("Kod ISCED: 0114" -> "0114")."""
    for candidate in re.findall(r"(?<!\d)(\d{2,4})(?!\d)", as_text(value) or ""):
        if candidate in isced_codes() and not candidate.startswith(_UNKNOWN_FIELD):
            return candidate
    return None


def bur_category_code(value: Any) -> tuple[str, str, bool] | None:
    """(ISCED code, evidence, catch-all?) for a BUR category or subcategory by id or name."""
    text = as_text(value)
    if text is None:
        return None
    key = text if text.isdigit() else fold(text)
    item = bur_categories().get(key)
    if item is None or item.isced_code is None:
        return None
    label = "kategoria" if item.level == "category" else "podkategoria"
    evidence = f"{label} BUR {item.id} {item.name} → {item.isced_code}"
    return item.isced_code, evidence, item.catch_all


def programme_code(title: Any) -> tuple[str, str] | None:
    """(ISCED code, table name) when the title is a known programme name, kind words aside.

    Only whole names count: "Administracja i eksploatacja systemów komputerowych" is not
    "Administracja".
    """
    for piece in _PIECES.split(as_text(title) or ""):
        words = fold(piece).split()
        while words and words[0] in _KIND_WORDS:
            words.pop(0)
        while words and words[-1] in _KIND_WORDS:
            words.pop()
        found = programme_codes().get(" ".join(words))
        if found is not None:
            return found
    return None


def _qualification_clue(code: str | None, isced: str | None) -> Clue | None:
    if isced:
        named = f"kwalifikacja {code}" if code else "kwalifikacja zawodowa"
        return Clue(isced, f"{named} → {isced} (tabela kwalifikacji)")
    branch = qualification_branch_codes().get((code or "")[:3])
    if code and branch:
        return Clue(branch[0], f"kwalifikacja {code}: {branch[1]} → {branch[0]}")
    return None


def _stated_clue(stated: Any) -> Clue | None:
    code = stated_isced(stated)
    return Clue(code, f"kod ISCED podany przez źródło: {code}") if code else None


def _bur_clue(value: Any, weak: bool = False) -> Clue | None:
    found = bur_category_code(value)
    return Clue(found[0], found[1], weak or found[2]) if found else None


def _programme_clue(title: Any) -> Clue | None:
    found = programme_code(title)
    if found is None:
        return None
    return Clue(found[0], f"nazwa kierunku „{found[1]}” → {found[0]}")


def _lexicon_clue(found: LexiconMatch | None) -> Clue | None:
    if found is None:
        return None
    evidence = "słowa: " + ", ".join(found.words) + f" → {found.code}"
    if found.rivals:
        evidence += f" (remis z: {', '.join(found.rivals)})"
    return Clue(found.code, evidence)


def teaching_code(title: Any, lexicon_code: str | None = None) -> tuple[str, str] | None:
    """(ISCED code, evidence) when the title is about teaching at school, not the subject.

    "… na lekcji", "lekcje … w klasach 4–8" and a teacher's own competence ("Kompetencje
    cyfrowe nauczyciela") are teacher training: 0114 with a school subject, else 0113 unless
    the lexicon already names an 011 field. Postgraduate and qualifying studies "dla
    nauczycieli" in a school subject are 0114; short courses for teachers ("Excel dla
    nauczycieli") keep their subject. A title set "w szkole" with no other clue is 0111.
    """
    words = fold_words(title)
    head = words[: words.index("dla", 1)] if "dla" in words[1:] else words
    subject = any_term(_SCHOOL_SUBJECTS, " ".join(head))
    lesson = any_term(_LESSON, " ".join(words)) or (
        any_term(("lekcj",), " ".join(head)) and any_term(_SCHOOL, " ".join(words))
    )
    teacher = any_term(_TEACHER, " ".join(head))
    if lesson or teacher:
        cue = f"„{lesson or teacher}”"
        if subject:
            return "0114", f"nauczanie przedmiotu ({cue}, „{subject}”) → 0114"
        if lexicon_code is None or not lexicon_code.startswith("011"):
            return "0113", f"kształcenie nauczycieli bez przedmiotu ({cue}) → 0113"
        return None
    audience = words[len(head) :]
    qualifying = any_term(_QUALIFYING, " ".join(words))
    if subject and qualifying and any_term(_TEACHER, " ".join(audience)):
        return "0114", f"studia dla nauczycieli („{qualifying}”, „{subject}”) → 0114"
    setting = any_term(_IN_SCHOOL, " ".join(words))
    if setting and lexicon_code is None:
        return "0111", f"sprawy szkoły („{setting.replace('=', '')}”) → 0111"
    return None


def _teaching_clue(title: Any, lexical: LexiconMatch | None) -> Clue | None:
    found = teaching_code(title, lexical.code if lexical and lexical.in_title else None)
    return Clue(*found) if found else None
