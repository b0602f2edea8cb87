"""The occupational barometer imported, and the gaps against it per powiat.

    result = import_barometer(db, data, "barometr-2026.xlsx", via="panel")
    result.years, result.kept, result.rejected, result.skipped
    region = region_gaps(db, 2026)          # the 14 powiats, each with its shortages

An import reads the file (`catalogue.barometer.read_barometer`: its columns checked first, every
malformed row rejected with its line) and replaces every forecast of each year it holds, in one
transaction: a file that cannot be read, or has no good row, changes nothing.

A gap is an occupation in shortage in a powiat with no offer that prepares for it (through its
qualifications or its ISCED-F field and a title word: `catalogue.barometer.preparation`) held
within `RADIUS_KM` of the powiat's seat. Only current offers count (active, not a duplicate of
another source's), by their editions that have not ended (an edition without dates counts); an
edition is placed at its coordinates, else at the seat of its powiat, else nowhere. Online
editions (and offers online without editions) are listed apart and never count as near: a
course by video call does not train a welder's hands, and whether it fits is the adviser's call.
An occupation with no declared mapping is shown as such, neither gap nor covered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, or_
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from catalogue.barometer import (
    SHORTAGE,
    BarometerFileError,
    OccupationMapping,
    Powiat,
    Preparation,
    Rejection,
    by_name,
    mapping_for,
    mappings,
    powiats,
    preparation,
    read_barometer,
)
from catalogue.barometer_tables import FILENAME_MAX, BarometerForecast, BarometerImport
from catalogue.models import DeliveryForm, Edition, Offer, OfferStatus
from search.geo import haversine_km

RADIUS_KM = 30.0
SHOWN_ONLINE = 10  # online offers listed per occupation; the rest are counted
SHOWN_NEARBY = 25  # the nearest offers listed per occupation; the rest are counted


@dataclass
class ImportResult:
    years: list[int]
    kept: int
    rejected: list[Rejection]
    skipped: int  # rows of other voivodeships
    replaced: int  # forecasts of those years stored before


def import_barometer(db: Session, data: bytes, filename: str, via: str) -> ImportResult:
    """Read the file and replace the forecasts of each year it holds, in one transaction;
    `BarometerFileError` (nothing changed) when it cannot be read, its columns differ or no
    row is good."""
    parsed = read_barometer(data, filename)
    if not parsed.rows:
        raise BarometerFileError(
            "Żaden wiersz pliku nie jest poprawny"
            + (f" ({len(parsed.rejected)} odrzuconych" if parsed.rejected else " (")
            + f", {parsed.skipped} innych województw). Nic nie zostało zapisane."
        )
    name = " ".join(filename.split())[:FILENAME_MAX] or "plik"
    replaced = 0
    try:
        for year in parsed.years:
            rows = [row for row in parsed.rows if row.year == year]
            gone = db.execute(delete(BarometerForecast).where(col(BarometerForecast.year) == year))
            replaced += gone.rowcount or 0  # type: ignore[attr-defined]
            record = BarometerImport(
                year=year,
                filename=name,
                via=via,
                kept=len(rows),
                rejected=len(parsed.rejected),
                skipped=parsed.skipped,
            )
            db.add(record)
            db.flush()
            assert record.id is not None
            db.add_all(
                BarometerForecast(
                    import_id=record.id,
                    year=year,
                    powiat_teryt=row.powiat_teryt,
                    occupation=row.occupation,
                    forecast=row.forecast,
                    label=row.label,
                )
                for row in rows
            )
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return ImportResult(parsed.years, len(parsed.rows), parsed.rejected, parsed.skipped, replaced)


def imported_years(db: Session) -> list[int]:
    """The years with forecasts, newest first."""
    years = db.exec(select(BarometerForecast.year).distinct()).all()
    return sorted(years, reverse=True)


def recent_imports(db: Session, limit: int = 10) -> Sequence[BarometerImport]:
    query = select(BarometerImport).order_by(col(BarometerImport.id).desc()).limit(limit)
    return db.exec(query).all()


# --- the gaps ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    lat: float | None
    lon: float | None
    town: str | None
    online: bool


@dataclass(frozen=True)
class Candidate:
    """A current offer, as much of it as the gaps need."""

    id: int
    title: str
    provider: str | None
    qualification_code: str | None
    isced_code: str | None
    places: tuple[Place, ...]


@dataclass(frozen=True)
class OfferFound:
    id: int
    title: str
    provider: str | None
    reason: Preparation
    distance_km: float | None = None  # for an offer near the powiat: its nearest place's
    town: str | None = None


@dataclass
class OccupationGap:
    occupation: str
    label: str  # the barometer's word
    mapping: OccupationMapping | None
    nearby: list[OfferFound] = field(default_factory=list)  # nearest first, SHOWN_NEARBY
    nearby_count: int = 0
    online: list[OfferFound] = field(default_factory=list)  # at most SHOWN_ONLINE
    online_count: int = 0
    farther: int = 0  # preparing offers held only farther away, or nowhere known

    @property
    def status(self) -> str:
        """ "unmapped", "gap" or "covered"."""
        if self.mapping is None:
            return "unmapped"
        return "covered" if self.nearby else "gap"


@dataclass
class PowiatGaps:
    powiat: Powiat
    shortages: list[OccupationGap]
    balance: int = 0
    surplus: int = 0

    @property
    def gaps(self) -> list[OccupationGap]:
        return [o for o in self.shortages if o.status == "gap"]

    @property
    def unmapped(self) -> list[OccupationGap]:
        return [o for o in self.shortages if o.status == "unmapped"]


def nearest(places: Iterable[Place], powiat: Powiat) -> tuple[float, str | None] | None:
    """The distance (km) from the powiat's seat to the nearest of the places held on site,
    and its town; None when none is placed."""
    found = [
        (haversine_km(powiat.lat, powiat.lon, p.lat, p.lon), p.town)
        for p in places
        if not p.online and p.lat is not None and p.lon is not None
    ]
    return min(found, key=lambda d: d[0]) if found else None


def occupation_gap(
    occupation: str,
    label: str,
    powiat: Powiat,
    candidates: Iterable[Candidate],
    radius_km: float = RADIUS_KM,
) -> OccupationGap:
    """The offers preparing for one occupation, seen from one powiat (pure)."""
    mapping = mapping_for(occupation)
    gap = OccupationGap(occupation, label, mapping)
    if mapping is None:
        return gap
    for offer in candidates:
        reason = preparation(
            mapping,
            title=offer.title,
            qualification_code=offer.qualification_code,
            isced_code=offer.isced_code,
        )
        if reason is None:
            continue
        near = nearest(offer.places, powiat)
        found = OfferFound(offer.id, offer.title, offer.provider, reason)
        if near is not None and near[0] <= radius_km:
            gap.nearby.append(
                OfferFound(
                    offer.id, offer.title, offer.provider, reason, round(near[0], 1), near[1]
                )
            )
        elif any(p.online for p in offer.places):
            gap.online_count += 1
            if len(gap.online) < SHOWN_ONLINE:
                gap.online.append(found)
        else:
            gap.farther += 1
    gap.nearby.sort(key=lambda o: (o.distance_km or 0.0, o.title))
    gap.nearby_count = len(gap.nearby)
    del gap.nearby[SHOWN_NEARBY:]
    return gap


def candidates(db: Session, today: date | None = None) -> list[Candidate]:
    """The current offers that may prepare for a mapped occupation: those with one of the
    mapping's qualification codes or in one of its ISCED-F fields (the words are checked
    after), each with its places. Read as plain columns, in two queries (offers, then their
    editions), not as objects: a catalogue of 100,000 offers has tens of thousands in these
    fields."""
    today = today or date.today()
    codes = sorted({c for m in mappings().values() for c in m.qualifications})
    fields = sorted({c for m in mappings().values() for c in m.isced})
    preparing = (
        col(Offer.status) == OfferStatus.active,
        col(Offer.canonical_id).is_(None),
        or_(
            col(Offer.qualification_code).in_(codes),
            *(col(Offer.isced_code).startswith(code) for code in fields),
        ),
    )
    offers = db.execute(
        select_columns(
            col(Offer.id),
            col(Offer.title),
            col(Offer.provider_name),
            col(Offer.qualification_code),
            col(Offer.isced_code),
            col(Offer.form),
        )
        .where(*preparing)
        .order_by(col(Offer.id))
    ).all()
    editions = db.execute(
        select_columns(
            col(Edition.offer_id),
            col(Edition.start_date),
            col(Edition.end_date),
            col(Edition.lat),
            col(Edition.lon),
            col(Edition.powiat_teryt),
            col(Edition.town),
            col(Edition.form),
        )
        .join(Offer, col(Offer.id) == col(Edition.offer_id))
        .where(*preparing)
    ).all()
    seats = powiats()
    places: dict[int, list[Place]] = {}
    has_editions: set[int] = set()
    forms = {offer_id: form for offer_id, _, _, _, _, form in offers}
    for offer_id, start, end, lat, lon, powiat, town, form in editions:
        has_editions.add(offer_id)
        last = end or start
        if last is not None and last < today:
            continue  # ended
        if (lat is None or lon is None) and powiat in seats:
            lat, lon = seats[powiat or ""].lat, seats[powiat or ""].lon
        online = (form or forms.get(offer_id)) == DeliveryForm.online
        places.setdefault(offer_id, []).append(Place(lat, lon, town, online))
    found = []
    for offer_id, title, provider, code, isced, form in offers:
        own = places.get(offer_id or 0, [])
        if offer_id not in has_editions and form == DeliveryForm.online:
            own = [Place(None, None, None, True)]
        found.append(Candidate(offer_id or 0, title, provider, code, isced, tuple(own)))
    return found


def region_gaps(db: Session, year: int, today: date | None = None) -> list[PowiatGaps]:
    """Every Lubuskie powiat's shortages in the year's barometer, each with its offers."""
    offers = candidates(db, today)
    forecasts = db.exec(
        select(BarometerForecast)
        .where(BarometerForecast.year == year)
        .order_by(col(BarometerForecast.occupation))
    ).all()
    result = []
    for powiat in sorted(powiats().values(), key=by_name):
        teryt = powiat.teryt
        own = [f for f in forecasts if f.powiat_teryt == teryt]
        shortages = [
            occupation_gap(f.occupation, f.label, powiat, offers)
            for f in own
            if f.forecast == SHORTAGE
        ]
        result.append(
            PowiatGaps(
                powiat,
                shortages,
                balance=sum(f.forecast == "balance" for f in own),
                surplus=sum(f.forecast == "surplus" for f in own),
            )
        )
    return result


def powiat_gaps(db: Session, teryt: str, year: int, today: date | None = None) -> PowiatGaps:
    """One powiat's shortages in the year's barometer, each with its offers; `KeyError` for a
    powiat not of Lubuskie."""
    powiat = powiats()[teryt]
    forecasts = db.exec(
        select(BarometerForecast)
        .where(BarometerForecast.year == year, BarometerForecast.powiat_teryt == teryt)
        .order_by(col(BarometerForecast.occupation))
    ).all()
    offers = candidates(db, today) if any(f.forecast == SHORTAGE for f in forecasts) else []
    shortages = [
        occupation_gap(f.occupation, f.label, powiat, offers)
        for f in forecasts
        if f.forecast == SHORTAGE
    ]
    balance = sum(f.forecast == "balance" for f in forecasts)
    return PowiatGaps(powiat, shortages, balance, sum(f.forecast == "surplus" for f in forecasts))


def forecast_count(db: Session, year: int) -> int:
    query = (
        select(func.count()).select_from(BarometerForecast).where(BarometerForecast.year == year)
    )
    return int(db.exec(query).one())
