"""How an offer is paid for, as the values of the `funding` filter.

The catalogue keeps the source's own words on funding (`Offer.funding`, e.g. "KFS, Fundusze
Europejskie dla Lubuskiego 2021-2027" from BUR, or "Bezpłatny – finansowany z budżetu państwa")
and each edition's price. The mapping, on folded words (`ł`→`l`, no diacritics):

- `free`: an edition costs 0 zł, or the words say so ("bezpłatny", "nieodpłatnie", "darmowy",
  "0 zł");
- `kfs`: the National Training Fund ("KFS", "Krajowy Fundusz Szkoleniowy");
- `eu`: European funds ("UE", "Unii Europejskiej", "unijny", "Fundusze Europejskie",
  "Europejski Fundusz Społeczny", "EFS", "EFS+", "FEL", "FERS", "POWER", "RPO");
- `subsidised`: co-funded from another or an unnamed source ("dofinansowanie", "dotacja",
  "refundacja", "bon szkoleniowy", "urząd pracy", "PUP", "budżet państwa"), only when neither KFS
  nor EU funds are named: "dofinansowanie z KFS" is `kfs`.

An offer may have several values ("bezpłatny, z budżetu państwa" is `free` and `subsidised`).
"""

from __future__ import annotations

from collections.abc import Iterable

from catalogue.normalise.text import any_term

FREE, KFS, EU, SUBSIDISED = "free", "kfs", "eu", "subsidised"

FREE_TERMS = ("bezplatn", "nieodplatn", "darmow", "free of charge", "0= zl=")
KFS_TERMS = ("kfs=", "krajow fundusz szkoleniow")
EU_TERMS = (
    "ue=", "unii europejsk", "unia europejsk", "unijn", "fundusz europejsk",
    "europejsk fundusz", "efs", "fel=", "fers=", "feds=", "power=", "rpo=",
)  # fmt: skip
SUBSIDY_TERMS = (
    "dofinans", "wspolfinans", "sfinansowan", "finansowan", "dotacj", "refundac", "bon=",
    "bonu=", "bony=", "bon szkoleniow", "urzad prac", "urzedu prac", "pup=", "budzet",
)  # fmt: skip


def funding_values(text: str | None, prices: Iterable[int | None] = ()) -> list[str]:
    """The `funding` values of an offer from its funding words and its editions' prices."""
    values = []
    if any(price == 0 for price in prices) or any_term(FREE_TERMS, text):
        values.append(FREE)
    named = [v for v, terms in ((KFS, KFS_TERMS), (EU, EU_TERMS)) if any_term(terms, text)]
    values += named
    if not named and any_term(SUBSIDY_TERMS, text):
        values.append(SUBSIDISED)
    return values
