"""Reference tables from `catalogue/data/` (see SOURCES.md there), loaded once and cached."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalogue.normalise.text import fold, fold_words

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Place:
    name: str
    gmina_teryt: str
    powiat_teryt: str
    lat: float
    lon: float
    kind: str  # "gmina-seat" or "village"
    source: str  # where the coordinates come from (see SOURCES.md)


@dataclass(frozen=True)
class VocationalQualification:
    code: str
    name: str
    occupations: tuple[str, ...]
    prk_level: int | None
    isced_code: str | None
    level_basis: str


@dataclass(frozen=True)
class BurCategory:
    id: str
    level: str  # "category" or "subcategory"
    name: str
    isced_code: str | None
    catch_all: bool = False  # "[ogólna]" in isced_basis: the title's words may overrule it


@cache
def isced_codes() -> dict[str, str]:
    """ISCED-F 2013 code -> Polish name."""
    return {row["code"]: row["name_pl"] for row in _rows("isced_f_2013.csv")}


@cache
def places_by_name() -> dict[str, Place]:
    """Folded name or alias -> place. Names come first, so an alias never hides a name."""
    rows = _rows("places.csv")
    index: dict[str, Place] = {}
    for row in rows:
        place = Place(
            name=row["name"],
            gmina_teryt=row["gmina_teryt"],
            powiat_teryt=row["powiat_teryt"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind=row["kind"],
            source=row["source"],
        )
        index.setdefault(" ".join(_key(row["name"])), place)
    for row in rows:
        for alias in filter(None, row["aliases"].split("|")):
            index.setdefault(" ".join(_key(alias)), index[" ".join(_key(row["name"]))])
    return index


def _key(text: str) -> list[str]:
    return fold_words(text)


@cache
def vocational_qualifications() -> dict[str, VocationalQualification]:
    """Qualification code ("MEC.08") -> qualification in a profession."""
    table = {}
    for row in _rows("vocational_qualifications.csv"):
        table[row["code"]] = VocationalQualification(
            code=row["code"],
            name=row["name"],
            occupations=tuple(filter(None, row["occupations"].split("|"))),
            prk_level=int(row["prk_level"]) if row["prk_level"] else None,
            isced_code=row["isced_code"] or None,
            level_basis=row["level_basis"],
        )
    return table


@cache
def bur_categories() -> dict[str, BurCategory]:
    """BUR category or subcategory, by id ("479") and by folded name."""
    table: dict[str, BurCategory] = {}
    for row in _rows("bur_categories.csv"):
        item = BurCategory(
            row["id"],
            row["level"],
            row["name"],
            row["isced_code"] or None,
            "[ogólna]" in row["isced_basis"],
        )
        table[row["id"]] = item
        table.setdefault(fold(row["name"]), item)
    return table


@cache
def zsu_area_names() -> dict[int, str]:
    return {int(row["area"]): row["name_pl"] for row in _rows("zsu2030_areas.csv")}


@cache
def lexicon_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(ISCED code, terms) in priority order, from `isced_lexicon.csv`."""
    return tuple(
        (row["isced_code"], tuple(filter(None, row["terms"].split("|"))))
        for row in _rows("isced_lexicon.csv")
    )


@cache
def programme_codes() -> dict[str, tuple[str, str]]:
    """Folded university programme name -> (ISCED code, its name as written in the table)."""
    return {
        fold(row["name"]): (row["isced_code"], row["name"]) for row in _rows("programme_isced.csv")
    }


@cache
def qualification_branch_codes() -> dict[str, tuple[str, str]]:
    """Branch of a qualification code ("OGR" of "OGR.01") -> (ISCED code, branch name)."""
    return {
        row["branch"]: (row["isced_code"], row["name"])
        for row in _rows("qualification_branches_isced.csv")
    }
