"""A label in the reader's language: labels are (Polish, English) pairs; Ukrainian comes from
`labels_uk.csv` (Polish text -> Ukrainian), and falls back to Polish where it has none.

Ukrainian labels cover the small sets (kinds, forms, funding, languages, yes/no), the filters'
own labels and help, ISCED-F and ZSU 2030 names; place names (towns, powiats) stay Polish.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

UK_LABELS = Path(__file__).resolve().parent / "labels_uk.csv"


@cache
def ukrainian_labels() -> dict[str, str]:
    with UK_LABELS.open(encoding="utf-8", newline="") as f:
        return {row["pl"]: row["uk"] for row in csv.DictReader(f)}


def ukrainian(polish: str) -> str:
    """The Ukrainian of a Polish label; a leading code stays ("011 Edukacja" -> "011 Освіта")."""
    table = ukrainian_labels()
    if polish in table:
        return table[polish]
    code, _, name = polish.partition(" ")
    if code.isdigit() and name in table:
        return f"{code} {table[name]}"
    return polish


def in_language(polish: str, english: str, lang: str) -> str:
    """The label for a reader of `lang`: English, Ukrainian (else Polish) or Polish."""
    if lang == "en":
        return english
    if lang == "uk":
        return ukrainian(polish)
    return polish
