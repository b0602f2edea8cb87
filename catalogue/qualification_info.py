"""What the catalogue knows about a qualification, for its public page (issue 12, part 4).

A qualification is known when the reference table `data/vocational_qualifications.csv` lists
its code or an offer of the catalogue names it (the `Qualification` table, an offer's
`qualification_code`). Its page shows its name, its PRK level explained from `prk_levels.csv`,
its kind, the occupations it belongs to, the published offers preparing for it and where it is
examined and certified (`certifying_bodies.csv`, and the catalogue's validation offers).
Everything shown comes from those tables or from the offers; nothing is made up here.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from catalogue.models import Offer, OfferKind, OfferStatus, Qualification
from catalogue.normalise.qualifications import CODE_RE, occupations
from catalogue.normalise.taxonomy import DATA_DIR, vocational_qualifications
from catalogue.normalise.text import fold, fold_words

VOCATIONAL = "vocational"  # a qualification in a profession ("MEC.08"), examined by an OKE
# Kinds of the Integrated Qualifications System, read from the ZRK record's category when the
# `zrk` spider crawled the qualification ("wolnorynkowe", "sektorowe", "rzemieślnicze",
# "uregulowane"; "rynkowe" is the name before the 2024 split into free-market and sector ones).
MARKET = "market"
SECTOR = "sector"
CRAFT = "craft"
REGULATED = "regulated"
OTHER = "other"  # any other code an offer gives: kind not known here
KINDS = (VOCATIONAL, MARKET, SECTOR, CRAFT, REGULATED, OTHER)
_ZRK_CATEGORIES = (
    ("wolnorynkow", MARKET),
    ("rynkow", MARKET),
    ("sektorow", SECTOR),
    ("rzemiesln", CRAFT),
    ("uregulowan", REGULATED),
)
ZRK_CATEGORY = "category.name"  # the key of the ZRK category in a ZRK offer's extras

_editions: Any = Offer.editions
_institution: Any = Offer.institution


@dataclass(frozen=True)
class PrkLevel:
    level: int
    typical_pl: str  # the qualifications typical of the level, in plain words
    typical_en: str


@dataclass(frozen=True)
class CertifyingBody:
    kind: str
    region: str
    name: str
    website: str
    what: str
    source: str


@dataclass(frozen=True)
class OccupationEntry:
    name: str
    school: str | None  # the school type teaching it at the lowest level, when known
    codes: tuple[str, ...]  # every known qualification of the occupation


@dataclass(frozen=True)
class QualificationSummary:
    code: str
    name: str
    kind: str
    prk_level: int | None
    occupations: tuple[str, ...]
    offers: int = 0  # published offers naming it


@dataclass
class QualificationDetail:
    summary: QualificationSummary
    level: PrkLevel | None
    level_school: str | None  # "branżowa szkoła I stopnia": why a vocational code has its level
    level_inferred: bool  # the level is read from the school type, not from ZRK
    occupations: list[OccupationEntry]
    courses: list[Offer] = field(default_factory=list)  # published offers preparing for it
    validations: list[Offer] = field(default_factory=list)  # published validation offers
    bodies: list[CertifyingBody] = field(default_factory=list)


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def prk_levels() -> dict[int, PrkLevel]:
    return {
        int(row["level"]): PrkLevel(
            int(row["level"]), row["typical_qualifications_pl"], row["typical_qualifications_en"]
        )
        for row in _rows("prk_levels.csv")
    }


@cache
def certifying_bodies() -> tuple[CertifyingBody, ...]:
    return tuple(CertifyingBody(**row) for row in _rows("certifying_bodies.csv"))


def normal_code(text: str) -> str:
    """The code as the catalogue writes it: "mec.08 " -> "MEC.08"."""
    return text.strip().upper()


def kind_of(code: str, zrk_category: str | None = None) -> str:
    """The kind of a qualification: vocational from its code, another ZSK kind from the
    category its ZRK record gives, else OTHER."""
    if CODE_RE.fullmatch(code) or code in vocational_qualifications():
        return VOCATIONAL
    category = fold(zrk_category or "")
    return next((kind for prefix, kind in _ZRK_CATEGORIES if category.startswith(prefix)), OTHER)


@dataclass(frozen=True)
class RegisterEntry:
    """What a ZRK validation offer says of its qualification: the register's category and the
    qualification's PRK level (every ZSK qualification has one)."""

    category: str
    prk_level: int | None


def register_entries(session: Session) -> dict[str, RegisterEntry]:
    """The ZRK entry of each qualification a published validation offer names, by code."""
    rows = session.exec(
        select(Offer.qualification_code, Offer.extras, Offer.prk_level).where(
            col(Offer.qualification_code).is_not(None),
            col(Offer.kind) == OfferKind.validation,
            _published(),
        )
    ).all()
    return {
        code: RegisterEntry(extras[ZRK_CATEGORY], level)
        for code, extras, level in rows
        if code and isinstance(extras, dict) and isinstance(extras.get(ZRK_CATEGORY), str)
    }


def _published() -> Any:
    return and_(col(Offer.status) == OfferStatus.active, col(Offer.canonical_id).is_(None))


def known_qualifications(session: Session) -> dict[str, QualificationSummary]:
    """Every known qualification by code, with the number of published offers naming it."""
    counts = Counter(
        dict(
            session.exec(
                select(Offer.qualification_code, func.count())
                .where(col(Offer.qualification_code).is_not(None), _published())
                .group_by(Offer.qualification_code)
            ).all()
        )
    )
    rows = {q.code: q for q in session.exec(select(Qualification)).all()}
    codes = set(vocational_qualifications()) | set(rows) | {c for c in counts if c}
    entries = register_entries(session)
    return {
        code: _summary(code, rows.get(code), counts.get(code, 0), entries.get(code))
        for code in sorted(codes)
    }


def _summary(
    code: str, row: Qualification | None, offers: int, entry: RegisterEntry | None = None
) -> QualificationSummary:
    known = vocational_qualifications().get(code)
    names = (known.occupations if known else ()) or (
        (row.occupation,) if row and row.occupation else ()
    )
    return QualificationSummary(
        code=code,
        name=(known.name if known else "") or (row.name if row else ""),
        kind=kind_of(code, entry.category if entry else None),
        prk_level=(known.prk_level if known else None)
        or (row.prk_level if row else None)
        or (entry.prk_level if entry else None),
        occupations=tuple(names),
        offers=offers,
    )


def filter_qualifications(
    summaries: list[QualificationSummary], text: str = "", occupation: str = ""
) -> list[QualificationSummary]:
    """Those whose code or name has every word of `text` (as a word beginning) and one of
    whose occupations has every word of `occupation` ("mechanik" -> technik mechanik, …)."""
    wanted = fold_words(text)
    trade = fold_words(occupation)
    return [
        s
        for s in summaries
        if _has_words(f"{s.code} {s.code.replace('.', '')} {s.name}", wanted)
        and (not trade or any(_has_words(name, trade) for name in s.occupations))
    ]


def _has_words(text: str, wanted: list[str]) -> bool:
    words = fold_words(text)
    return all(any(word.startswith(w) for word in words) for w in wanted)


def occupation_entries(names: tuple[str, ...]) -> list[OccupationEntry]:
    table = vocational_qualifications()
    entries = []
    for name in names:
        occupation = occupations().get(fold(name))
        codes = tuple(sorted(c for c, q in table.items() if name in q.occupations))
        entries.append(OccupationEntry(name, occupation.school if occupation else None, codes))
    return entries


def qualification_detail(session: Session, code: str) -> QualificationDetail | None:
    """The page of a known qualification; None for a code nobody knows."""
    code = normal_code(code)
    row = session.exec(select(Qualification).where(Qualification.code == code)).first()
    offers = list(
        session.exec(
            select(Offer)
            .where(Offer.qualification_code == code, _published())
            .options(selectinload(_editions), selectinload(_institution))
            .order_by(col(Offer.title), col(Offer.id))
        ).all()
    )
    if row is None and not offers and code not in vocational_qualifications():
        return None
    entry = next(
        (
            RegisterEntry(o.extras[ZRK_CATEGORY], o.prk_level)
            for o in offers
            if o.kind == OfferKind.validation and isinstance(o.extras.get(ZRK_CATEGORY), str)
        ),
        None,
    )
    summary = _summary(code, row, len(offers), entry)
    known = vocational_qualifications().get(code)
    school = None
    if known is not None and known.prk_level is not None:
        levels = [occupations()[fold(n)] for n in known.occupations if fold(n) in occupations()]
        lowest = [o for o in levels if o.prk_level == known.prk_level]
        school = lowest[0].school if lowest else None
    kind = summary.kind
    return QualificationDetail(
        summary=summary,
        level=prk_levels().get(summary.prk_level) if summary.prk_level else None,
        level_school=school,
        # The table's levels are read from the school type (SOURCES.md 5.2), never from ZRK.
        level_inferred=known is not None and known.prk_level is not None,
        occupations=occupation_entries(summary.occupations),
        courses=[o for o in offers if o.kind != OfferKind.validation],
        validations=[o for o in offers if o.kind == OfferKind.validation],
        bodies=[b for b in certifying_bodies() if b.kind == kind and b.region == "lubuskie"],
    )
