"""The smaller choices behind a generated offer: subject, kind, price, funding, levels."""

from __future__ import annotations

import random
from functools import cache

from benchmarks.vocabulary import Subject, subjects
from catalogue.models import DeliveryForm

FORMS = (DeliveryForm.on_site, DeliveryForm.online, DeliveryForm.blended)
# Subjects published far more often than the rest (driving schools, UDT, BHP, accounting, ...).
POPULAR = {
    "Prawo jazdy kat. B": 12, "Operator wózków jezdniowych podnośnikowych": 8,
    "Kadry i płace": 5, "Księgowość od podstaw": 5, "MS Excel – poziom podstawowy": 5,
    "MS Excel – poziom zaawansowany": 4, "Spawanie metodą MAG (135)": 5,
    "Spawanie metodą TIG (141)": 4, "Opiekun osób starszych": 5, "Prawo jazdy kat. C": 4,
    "BHP – szkolenie okresowe dla pracowników administracyjno-biurowych": 5,
    "Pierwsza pomoc przedmedyczna z AED": 4, "Uprawnienia elektryczne SEP G1 do 1 kV": 5,
    "Kwalifikacja wstępna przyspieszona – przewóz rzeczy": 4, "Stylizacja paznokci": 4,
    "Programowanie w Pythonie": 3, "Marketing w mediach społecznościowych": 3,
    "Instalator fotowoltaiki – certyfikat UDT OZE": 3, "Kucharz – kuchnia polska": 3,
}  # fmt: skip
# Share of free offers by sort of provider: public centres mostly charge nothing.
FREE_SHARE = {"ckziu": 0.7, "culture": 0.6, "agri": 0.5, "ngo": 0.4, "odn": 0.3, "zdz": 0.15}
FEL = "Fundusze Europejskie dla Lubuskiego 2021-2027"
FREE_WORDS = (
    "Bezpłatny – finansowany z budżetu państwa", f"Projekt współfinansowany ze środków {FEL}",
    "Udział bezpłatny", None,
)  # fmt: skip
PAID_WORDS = (
    ("KFS", 15), (FEL, 10), (f"KFS, {FEL}", 5), ("Bon szkoleniowy z powiatowego urzędu pracy", 4),
    ("Dofinansowanie do 80% kosztów w Bazie Usług Rozwojowych", 4), (None, 62),
)  # fmt: skip


@cache
def _subject_weights() -> tuple[tuple[Subject, ...], list[float]]:
    found = subjects()
    weights = []
    for subject in found:
        weight = float(POPULAR.get(subject.nominative, 1))
        if subject.language:  # a hundred language subjects; English and German lead
            weight *= 1.5 if subject.language in ("en", "de") else 0.4
        weights.append(weight * (0.7 if subject.qualification else 1.0))
    return found, weights


def choose_subject(rng: random.Random) -> Subject:
    found, weights = _subject_weights()
    return rng.choices(found, weights)[0]


def choose_kind(rng: random.Random, subject: Subject) -> str:
    """A kind letter of the subject's, its first the most likely; rarely `o` (other)."""
    if rng.random() < 0.01:
        return "o"
    letters = subject.kinds
    return rng.choices(letters, [3.0] + [1.0] * (len(letters) - 1))[0]


def is_free(rng: random.Random, sort: str, letter: str) -> bool:
    share = FREE_SHARE.get(sort, 0.05)
    if letter == "k" and sort != "ckziu":
        share = max(share, 0.5)
    return rng.random() < share


def funding_words(rng: random.Random, free: bool) -> str | None:
    """The source's words on funding, as BUR and institutions write them."""
    if free:
        return rng.choice(FREE_WORDS)
    words, weights = zip(*PAID_WORDS, strict=True)
    return rng.choices(words, weights)[0]


def prk_level(rng: random.Random, subject: Subject, letter: str) -> int | None:
    if subject.qualification:
        return subject.qualification.prk_level
    if letter == "p":
        return 6 if rng.random() < 0.15 else 7
    if letter == "s":
        return rng.choice((6, 7))
    if letter == "v":
        return rng.randint(3, 5)
    return rng.choice((2, 3, 4, 4, 5)) if rng.random() < 0.2 else None


CAREER = ("Doradztwo zawodowe", "Planowanie kariery zawodowej", "Bilans kompetencji")


def zsu_area(
    rng: random.Random, subject: Subject, letter: str, sort: str, funding: str | None
) -> int | None:
    """The ZSU 2030 area, by the rules of `catalogue/data/zsu2030_areas.csv` (a tenth unknown)."""
    if rng.random() < 0.1:
        return None
    if letter == "v":
        return 8
    if subject.nominative in CAREER:
        return 6
    if subject.broad == "01":
        return 2 if "oświat" in subject.nominative or "dyrektor" in subject.nominative else 3
    if "hobby" in subject.tags or sort == "culture":
        return 4
    if funding and "KFS" in funding:
        return 5
    return 1
