"""The region at a glance: counts of current offers and upcoming editions, for the coordinator.

`region_counts` reads the catalogue once (two column queries, no ORM objects) and counts in one
pass. An offer is *current* as search decides (`search.documents.active_documents`): active,
the canonical record of its cluster (`Offer.canonical_id` is None), and not expired (some
edition is not over, or it has none dated). An *upcoming edition* is an edition of a current
offer starting today or later.

Each offer is counted once under each dimension: ZSU 2030 area, ISCED-F broad field, PRK level,
kind, form (the offer's, as the search's filter reads it) and price band (the search's
cheapest price: free when an edition costs nothing or the source's funding words say so). Under
`powiat` an offer counts once in each powiat where it has an edition, and under `online` when
it can be followed online (the search's `powiat` values), so that table may add up to more than
the total. An edition counts under its own form, price and powiat. An unknown value is `""`.

Filters take the search's values (`"1"`, `"07"`, `"3"`, `"kkz"`, `"on_site"`, `"0801"`,
`"online"`); several values of one filter mean any of them, several filters all of them. With a
powiat filter, only the editions held in the chosen powiats are counted.

The trends cover the twelve months up to today's: offers first seen per month (every canonical
offer ever published, withdrawn and archived ones too: the inflow of the month) and editions of
those offers starting per month. Residents per powiat (`residents`) come from GUS, see
catalogue/data/region/README.md.
"""

from __future__ import annotations

import csv
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlmodel import Session, col

from catalogue.housekeeping import RUN_WITHOUT_END_DAYS
from catalogue.models import DeliveryForm, Edition, Offer, OfferStatus
from search.documents import ONLINE
from search.funding import FREE, funding_values

DATA_DIR = Path(__file__).resolve().parent.parent / "catalogue" / "data" / "region"
RESIDENTS_CSV = DATA_DIR / "ludnosc_powiatow.csv"
GEOMETRY = DATA_DIR / "powiaty.geojson"

UNKNOWN = ""
DIMENSIONS = ("zsu_area", "isced_broad", "prk_level", "kind", "form", "price", "powiat")
FILTERED = ("zsu_area", "isced_broad", "prk_level", "kind", "form", "powiat")
# Price bands, in grosze: free, up to 1,000 zł, over 1,000 up to 5,000 zł, over 5,000 zł. The
# edges are those of public training money: a KFS or labour-office voucher course mostly costs
# 1,000-5,000 zł; most short courses cost under 1,000 zł; studies and KKZ cycles go over 5,000.
FREE_BAND, UP_TO_1000, UP_TO_5000, OVER_5000 = "free", "to_1000", "1000_5000", "over_5000"
PRICE_BANDS = (FREE_BAND, UP_TO_1000, UP_TO_5000, OVER_5000)
MONTHS = 12
# Statuses of offers that were once published (the trend of offers first seen counts them).
PUBLISHED = (OfferStatus.active, OfferStatus.withdrawn, OfferStatus.archived)


@dataclass(frozen=True)
class RegionFilters:
    """The chosen values of each filter (empty: any)."""

    zsu_area: tuple[str, ...] = ()
    isced_broad: tuple[str, ...] = ()
    prk_level: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    form: tuple[str, ...] = ()
    powiat: tuple[str, ...] = ()

    def chosen(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in FILTERED if getattr(self, name)}


@dataclass(frozen=True)
class Tally:
    offers: int = 0
    editions: int = 0


@dataclass(frozen=True)
class Month:
    month: str  # "2026-11"
    first_seen: int
    starting: int


@dataclass
class RegionCounts:
    offers: int = 0
    editions: int = 0
    # dimension -> value -> tally; values never seen are absent (the page adds them as zeros)
    by: dict[str, dict[str, Tally]] = field(default_factory=dict)
    months: list[Month] = field(default_factory=list)


def price_band(grosze: int | None) -> str:
    """The band of a price in grosze; `UNKNOWN` when none is known."""
    if grosze is None:
        return UNKNOWN
    if grosze <= 0:
        return FREE_BAND
    if grosze <= 100_000:
        return UP_TO_1000
    return UP_TO_5000 if grosze <= 500_000 else OVER_5000


def month_keys(today: date, months: int = MONTHS) -> list[str]:
    """The `months` months up to today's, oldest first: ["2025-12", ..., "2026-11"]."""
    index = today.year * 12 + today.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - months + 1, index + 1)]


class _Edition(NamedTuple):
    """The columns of an edition the counts read (no ORM object: 200,000 of them are read)."""

    start_date: date | None
    end_date: date | None
    powiat_teryt: str | None
    price_grosze: int | None
    form: DeliveryForm | None


@dataclass
class _OfferRow:
    id: int
    status: OfferStatus
    values: dict[str, str]  # dimension -> value (all but price and powiat)
    funding: str | None
    first_seen: str  # "2026-11"
    editions: list[_Edition] = field(default_factory=list)


# A page and its CSV downloads count once: 100,000 offers take about 3 s of CPU.
CACHE_SECONDS = 60.0
CACHE_ENTRIES = 64
_recent: dict[tuple[str, RegionFilters, date], tuple[float, RegionCounts]] = {}
_recent_lock = threading.Lock()


def recent_region_counts(
    session: Session, filters: RegionFilters, today: date, max_age: float = CACHE_SECONDS
) -> RegionCounts:
    """`region_counts`, remembered for `max_age` seconds per database, filters and day."""
    key = (str(session.get_bind().engine.url), filters, today)
    now = time.monotonic()
    with _recent_lock:
        kept = _recent.get(key)
    if kept is not None and now - kept[0] < max_age:
        return kept[1]
    counts = region_counts(session, filters, today)
    with _recent_lock:
        if len(_recent) >= CACHE_ENTRIES:
            _recent.pop(min(_recent, key=lambda k: _recent[k][0]))
        _recent[key] = (now, counts)
    return counts


def region_counts(session: Session, filters: RegionFilters, today: date) -> RegionCounts:
    """Counts of the current offers and their upcoming editions under `filters` on `today`."""
    offers = _offers(session, filters)
    _attach_editions(session, offers)
    by: dict[str, dict[str, list[int]]] = {d: defaultdict(lambda: [0, 0]) for d in DIMENSIONS}
    months = month_keys(today)
    first_seen: Counter[str] = Counter()
    starting: Counter[str] = Counter()
    total_offers = total_editions = 0
    wanted_powiats = set(filters.powiat)
    for offer in offers.values():
        editions = offer.editions
        powiats = _powiats(offer, editions)
        if wanted_powiats and not wanted_powiats & set(powiats):
            continue
        counted = [
            e for e in editions if not wanted_powiats or _edition_powiat(offer, e) in wanted_powiats
        ]
        first_seen[offer.first_seen] += 1
        for edition in counted:
            if edition.start_date is not None:
                starting[edition.start_date.isoformat()[:7]] += 1
        if offer.status != OfferStatus.active or _expired(editions, today):
            continue
        total_offers += 1
        prices = [e.price_grosze for e in editions if e.price_grosze is not None]
        free = 0 in prices or _free_by_words(offer.funding)
        values = {
            **offer.values,
            "price": FREE_BAND if free else price_band(min(prices, default=None)),
        }
        for name, value in values.items():
            by[name][value][0] += 1
        for powiat in powiats or [UNKNOWN]:
            by["powiat"][powiat][0] += 1
        for edition in counted:
            if edition.start_date is None or edition.start_date < today:
                continue
            total_editions += 1
            form = edition.form or _form(offer.values["form"])
            edition_values = {
                **offer.values,
                "form": form.value if form else UNKNOWN,
                "price": price_band(edition.price_grosze),
                "powiat": _edition_powiat(offer, edition),
            }
            for name, value in edition_values.items():
                by[name][value][1] += 1
    return RegionCounts(
        offers=total_offers,
        editions=total_editions,
        by={d: {v: Tally(*n) for v, n in values.items()} for d, values in by.items()},
        months=[Month(m, first_seen[m], starting[m]) for m in months],
    )


def _expired(editions: list[_Edition], today: date) -> bool:
    """`catalogue.housekeeping.is_expired` on the columns read: every edition dated and over
    (ended before today, or, without an end, started more than RUN_WITHOUT_END_DAYS ago)."""
    long_ago = today - timedelta(days=RUN_WITHOUT_END_DAYS)
    return bool(editions) and all(
        (e.end_date < today)
        if e.end_date is not None
        else (e.start_date is not None and e.start_date < long_ago)
        for e in editions
    )


@lru_cache(maxsize=4096)
def _free_by_words(funding: str | None) -> bool:
    """The source's funding words say the offer is free (`search.funding`); a free edition's
    price is looked at by the caller."""
    return FREE in funding_values(funding)


def _form(value: str) -> DeliveryForm | None:
    return DeliveryForm(value) if value else None


def _offers(session: Session, filters: RegionFilters) -> dict[int, _OfferRow]:
    statement = select(
        col(Offer.id),
        col(Offer.status),
        col(Offer.zsu_area),
        col(Offer.isced_broad),
        col(Offer.prk_level),
        col(Offer.kind),
        col(Offer.form),
        col(Offer.funding),
        col(Offer.first_seen),
    ).where(col(Offer.status).in_(PUBLISHED), col(Offer.canonical_id).is_(None))
    if filters.zsu_area:
        statement = statement.where(col(Offer.zsu_area).in_(_ints(filters.zsu_area)))
    if filters.isced_broad:
        statement = statement.where(col(Offer.isced_broad).in_(filters.isced_broad))
    if filters.prk_level:
        statement = statement.where(col(Offer.prk_level).in_(_ints(filters.prk_level)))
    if filters.kind:
        statement = statement.where(col(Offer.kind).in_(filters.kind))
    if filters.form:
        statement = statement.where(col(Offer.form).in_(filters.form))
    rows = {}
    for row in session.execute(statement):
        offer_id, status, area, broad, level, kind, form, funding, seen = row
        values = {
            "zsu_area": str(area) if area else UNKNOWN,
            "isced_broad": broad or UNKNOWN,
            "prk_level": str(level) if level else UNKNOWN,
            "kind": kind.value if kind else UNKNOWN,
            "form": form.value if form else UNKNOWN,
        }
        rows[offer_id] = _OfferRow(offer_id, status, values, funding, seen.isoformat()[:7])
    return rows


def _ints(values: Iterable[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def _attach_editions(session: Session, offers: dict[int, _OfferRow]) -> None:
    if not offers:
        return
    statement = select(
        col(Edition.offer_id),
        col(Edition.start_date),
        col(Edition.end_date),
        col(Edition.powiat_teryt),
        col(Edition.price_grosze),
        col(Edition.form),
    ).join(Offer, col(Offer.id) == col(Edition.offer_id))
    statement = statement.where(col(Offer.status).in_(PUBLISHED), col(Offer.canonical_id).is_(None))
    for offer_id, start, end, powiat, price, form in session.execute(statement):
        offer = offers.get(offer_id)
        if offer is not None:
            offer.editions.append(_Edition(start, end, powiat, price, form))


def _online(offer: _OfferRow, form: DeliveryForm | None) -> bool:
    form = form or _form(offer.values["form"])
    return form in (DeliveryForm.online, DeliveryForm.blended)


def _powiats(offer: _OfferRow, editions: list[_Edition]) -> list[str]:
    """The search's `powiat` values of the offer (`search.documents`)."""
    powiats = sorted({e.powiat_teryt for e in editions if e.powiat_teryt})
    forms = [e.form for e in editions] or [None]
    if any(_online(offer, form) for form in forms):
        powiats.append(ONLINE)
    return powiats


def _edition_powiat(offer: _OfferRow, edition: _Edition) -> str:
    if edition.powiat_teryt:
        return edition.powiat_teryt
    return ONLINE if _online(offer, edition.form) else UNKNOWN


@cache
def residents() -> dict[str, int]:
    """Residents of each powiat by TERYT code (GUS; source and date in the data's README)."""
    with RESIDENTS_CSV.open(encoding="utf-8", newline="") as f:
        return {row["powiat_teryt"]: int(row["residents"]) for row in csv.DictReader(f)}


def per_10k(offers: Mapping[str, Tally], people: Mapping[str, int]) -> dict[str, float]:
    """Current offers per 10,000 residents of each powiat with a known population."""
    return {
        code: (offers[code].offers if code in offers else 0) * 10_000 / count
        for code, count in people.items()
        if count > 0
    }
