"""Realistic catalogue offers, made in memory and turned into search documents.

Each offer is a real `catalogue.models.Offer` with its `Edition`s (and `Qualification` for a
KKZ), never stored: `search.documents.offer_document` turns it into the document the index
gets, so the benchmark always indexes exactly the shape the catalogue would.

The same `seed` and `count` give the same offers: they are made in chunks, each with its own
seeded generator, so the result does not depend on how many processes make them. (The
documents also depend on `today`: `next_start` and `starts` are the upcoming editions.)
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from benchmarks.offer_parts import (
    FORMS,
    choose_kind,
    choose_subject,
    funding_words,
    is_free,
    prk_level,
    zsu_area,
)
from benchmarks.providers import Provider, choose_provider
from benchmarks.vocabulary import Place, Qualified, Subject, places
from benchmarks.wording import description, title
from catalogue.models import DeliveryForm, Edition, Offer, OfferKind, Qualification
from search.documents import offer_document

CHUNK = 2_000  # offers per seeded chunk (and per task of the process pool)
FIRST_DAY, LAST_DAY = date(2025, 1, 1), date(2027, 12, 31)
KINDS = {
    "c": OfferKind.course, "t": OfferKind.training, "w": OfferKind.workshop,
    "e": OfferKind.elearning, "p": OfferKind.postgraduate, "s": OfferKind.studies,
    "v": OfferKind.validation, "k": OfferKind.kkz, "o": OfferKind.other,
}  # fmt: skip
HOURS = {"c": (16, 120), "t": (6, 40), "w": (3, 16), "e": (4, 40), "p": (180, 360),
         "s": (1800, 3600), "v": (2, 8), "k": (300, 900), "o": (4, 60)}  # fmt: skip
PRICES_PLN = {"c": (400, 3500), "t": (250, 2500), "w": (60, 450), "e": (49, 900),
              "p": (2800, 7500), "s": (3000, 5200), "v": (300, 1500), "k": (900, 3000),
              "o": (100, 1500)}  # fmt: skip
RUN_DAYS = {"c": (5, 60), "t": (0, 2), "w": (0, 0), "e": (30, 90), "p": (240, 300),
            "s": (1000, 1100), "v": (0, 0), "k": (150, 300), "o": (0, 30)}  # fmt: skip
SOURCES = ("bur", "kkz-lubuskie", "uczelnie", "pup", "ckziu", "osk")
STREETS = (
    "Dworcowa", "Ogrodowa", "Sikorskiego", "Wrocławska", "Chrobrego", "Kościuszki", "Podgórna",
    "Sulechowska", "Warszawska", "Kasprowicza", "Mickiewicza", "Fabryczna",
)  # fmt: skip
AUDIENCES = (None, None, "osoby bezrobotne", "pracownicy", "przedsiębiorcy", "nauczyciele",
             "osoby 50+", "seniorzy", "młodzież i dorośli", "kadra kierownicza")  # fmt: skip


def generate_documents(
    count: int, seed: int = 7, today: date | None = None, workers: int | None = None
) -> list[dict[str, Any]]:
    """Search documents of `count` generated offers with ids 1..count."""
    today = today or date.today()
    tasks = [(seed, start, min(CHUNK, count - start), today) for start in range(0, count, CHUNK)]
    workers = min(workers or os.cpu_count() or 1, len(tasks))
    if workers <= 1:
        chunks = map(_chunk, tasks)
        return [doc for chunk in chunks for doc in chunk]
    with ProcessPoolExecutor(workers) as pool:
        return [doc for chunk in pool.map(_chunk, tasks) for doc in chunk]


def _chunk(task: tuple[int, int, int, date]) -> list[dict[str, Any]]:
    seed, start, size, today = task
    rng = random.Random(f"offers:{seed}:{start}")
    return [offer_document(make_offer(rng, start + i + 1, today), today) for i in range(size)]


def make_offer(
    rng: random.Random, offer_id: int, today: date, subject: Subject | None = None
) -> Offer:
    """One offer with one to four editions (of `subject`, or of one drawn by popularity)."""
    subject = subject or choose_subject(rng)
    letter = choose_kind(rng, subject)
    provider = choose_provider(rng, subject, letter)
    form = _form(rng, subject, letter)
    free = is_free(rng, provider.sort, letter)
    funding = funding_words(rng, free)
    editions = _editions(rng, letter, provider, form, free, today)
    town = next((e.town for e in editions if e.town), provider.home.name)
    year = next((e.start_date.year for e in editions if e.start_date), today.year)
    low, high = HOURS[letter]
    qualified = subject.qualification
    source = rng.randrange(len(SOURCES))
    return Offer(
        id=offer_id,
        source_id=source + 1,
        external_id=f"{SOURCES[source]}-{offer_id}",
        url=f"https://{SOURCES[source]}.example.org/oferta/{offer_id}",
        content_hash=f"{offer_id:x}",
        title=title(rng, subject, letter, town, year),
        description=description(rng, subject, letter, town),
        kind=KINDS[letter],
        provider_name=provider.name,
        isced_code=subject.isced,
        isced_broad=subject.broad,
        isced_narrow=subject.narrow,
        prk_level=prk_level(rng, subject, letter),
        zsu_area=zsu_area(rng, subject, letter, provider.sort, funding),
        form=form,
        language=_language(rng, subject),
        duration_hours=None if rng.random() < 0.08 else float(rng.randint(low, high)),
        qualification_code=qualified.code if qualified else None,
        qualification=_qualification(qualified, subject.isced) if qualified else None,
        funding=funding,
        audience=rng.choice(AUDIENCES),
        last_verified=datetime.combine(today, time(6), UTC) - timedelta(hours=rng.randint(0, 900)),
        editions=editions,
    )


def _form(rng: random.Random, subject: Subject, letter: str) -> DeliveryForm:
    if letter == "e":
        return DeliveryForm.online
    if "practical" in subject.tags or letter in "kvs":
        return DeliveryForm.blended if rng.random() < 0.05 else DeliveryForm.on_site
    return rng.choices(FORMS, (60, 15, 25) if letter == "p" else (70, 15, 15))[0]


def _language(rng: random.Random, subject: Subject) -> str:
    if subject.language and subject.language != "pl" and rng.random() < 0.3:
        return subject.language  # taught in the language itself
    if subject.language == "pl":
        return rng.choice(("pl", "uk", "en"))  # Polish for foreigners, explained in theirs
    return "en" if subject.broad == "06" and rng.random() < 0.03 else "pl"


@cache
def _qualification(qualified: Qualified, isced: str) -> Qualification:
    # One object per code, shared by its offers like a catalogue row.
    return Qualification(
        code=qualified.code,
        name=qualified.name,
        occupation=qualified.occupation or None,
        prk_level=qualified.prk_level,
        isced_code=isced,
    )


def _editions(
    rng: random.Random,
    letter: str,
    provider: Provider,
    form: DeliveryForm,
    free: bool,
    today: date,
) -> list[Edition]:
    count = 1 if letter in "ps" else rng.choices((1, 2, 3, 4), (50, 25, 15, 10))[0]
    low, high = PRICES_PLN[letter]
    base_price = rng.randint(low, high)
    start = _first_start(rng, today)
    editions = []
    for _ in range(count):
        undated = letter in "cte" and rng.random() < 0.04  # "termin do ustalenia"
        place = _place(rng, provider, form)
        editions.append(_edition(rng, letter, None if undated else start, place, base_price, free))
        start += timedelta(days=rng.randint(21, 120))
        if start > LAST_DAY:
            break
    return editions


def _first_start(rng: random.Random, today: date) -> date:
    # A fifth of the offers began in the past (still listed), the rest start by mid-2027.
    if rng.random() < 0.2 and today > FIRST_DAY:
        return FIRST_DAY + timedelta(days=rng.randrange((today - FIRST_DAY).days))
    return today + timedelta(days=rng.randrange(max(1, (date(2027, 6, 30) - today).days)))


def _place(rng: random.Random, provider: Provider, form: DeliveryForm) -> Place | None:
    if form is DeliveryForm.online and rng.random() < 0.5:
        return None  # followed from home: the source names no place
    if rng.random() < 0.75:
        return provider.home
    towns = places()
    return rng.choices(towns, [p.weight for p in towns])[0]


def _edition(
    rng: random.Random,
    letter: str,
    start: date | None,
    place: Place | None,
    base_price: int,
    free: bool,
) -> Edition:
    low, high = RUN_DAYS[letter]
    price = None if rng.random() < 0.05 else 0 if free else _price(rng, base_price)
    return Edition(
        start_date=start,
        end_date=start + timedelta(days=rng.randint(low, high)) if start else None,
        enrolment_end=start - timedelta(days=rng.randint(1, 14))
        if start and rng.random() < 0.6
        else None,
        town=place.name if place else None,
        address=f"ul. {rng.choice(STREETS)} {rng.randint(1, 120)}" if place else None,
        gmina_teryt=place.gmina_teryt if place else None,
        powiat_teryt=place.powiat_teryt if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        price_grosze=price,
        seats=rng.randint(6, 30),
    )


def _price(rng: random.Random, base: int) -> int:
    """Grosze, a tenth around the offer's base price, in whole tens of złoty or ending in 9."""
    pln = base * rng.uniform(0.9, 1.1)
    pln = round(pln, -1) - (1 if rng.random() < 0.3 else 0)
    return int(max(pln, 9)) * 100
