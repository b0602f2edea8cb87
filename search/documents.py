"""Turn a catalogue offer into the flat document every search backend indexes.

The document is the one vocabulary between the catalogue and the index: backends store
it as given and return it in `Hit.document`, so result lists render without touching
the database. Dates are ISO strings; the filters of `search.filters` read these fields:

- `powiat`: the TERYT powiats of the editions, plus `online` when the offer or an edition can be
  followed online (online or blended);
- `funding`: `search.funding` values from the source's funding words and the prices;
- `is_free`: an edition costs nothing or the source says the offer is free; `price_min_grosze`
  is then 0, otherwise the cheapest known edition price (None: unknown);
- `starts`: start dates of the upcoming editions (from `today` on), `next_start` the first;
  without any, `last_start` is the latest start before today (a running edition: a card says
  it began then, never "to be arranged", which only an undated offer is);
- `enrolment_until`: the last day on which some edition still takes enrolments: its enrolment
  end, or, when the source gives none, the day before it starts (None when no edition says);
- `points`: `[lat, lon]` of each distinct place an upcoming (or undated) edition is held at,
  or of every edition's place when all are past (`search.geo`); online editions have none.
- `sources`, `source_names`: how many sources list the offer and which (the offer's own and
  its active duplicates, `catalogue.clusters`); `last_verified` is the latest of theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from catalogue.housekeeping import is_expired
from catalogue.models import DeliveryForm, Edition, Offer, OfferStatus
from catalogue.offer_details import with_details
from search.funding import FREE, funding_values

ONLINE = "online"  # the `powiat` value of an offer that can be followed from anywhere
POINT_DECIMALS = 5  # about a metre; `search.geo.point_key` keeps as many
BATCH = 500  # offers read at once by `active_documents`


def active_documents(
    engine: Engine, ids: Iterable[int] | None = None, today: date | None = None
) -> Iterator[dict[str, Any]]:
    """Search documents of the active offers (all of them, or those among `ids`) that are still
    open: an offer whose every dated edition is over has nothing left to enrol in."""
    if ids is None:
        chunks: list[list[int] | None] = [None]
    else:
        wanted = sorted(ids)
        chunks = [wanted[i : i + BATCH] for i in range(0, len(wanted), BATCH)]
    day = today or date.today()
    with Session(engine) as session:
        for chunk in chunks:
            for offer in _active_offers(session, chunk):
                if not is_expired(offer.editions, day):
                    yield offer_document(offer, day)


def _active_offers(session: Session, ids: list[int] | None) -> Iterator[Offer]:
    statement = with_details(
        select(Offer)
        # One result per cluster of the same offer from several sources: its canonical offer.
        .where(Offer.status == OfferStatus.active, col(Offer.canonical_id).is_(None))
        .order_by(col(Offer.id))
    )
    if ids is not None:
        statement = statement.where(col(Offer.id).in_(ids))
    yield from session.exec(statement)


def offer_document(offer: Offer, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    editions = list(offer.editions)
    upcoming = sorted({e.start_date for e in editions if e.start_date and e.start_date >= today})
    prices = [e.price_grosze for e in editions if e.price_grosze is not None]
    funding = funding_values(offer.funding, prices)
    is_free = FREE in funding
    qualification = offer.qualification
    seen_in = [offer, *(d for d in offer.duplicates if d.status == OfferStatus.active)]
    return {
        "id": offer.id,
        "title": offer.title,
        "description": offer.description or "",
        "provider": offer.provider_name or "",
        "qualification_code": offer.qualification_code or "",
        "qualification_name": qualification.name if qualification else "",
        "occupation": (qualification.occupation or "") if qualification else "",
        "kind": offer.kind.value,
        "isced_broad": offer.isced_broad or "",
        "isced_narrow": offer.isced_narrow or "",
        "isced_code": offer.isced_code or "",  # the most specific: a query's field word reaches it
        "audience": offer.audience or "",  # who it is for, searched with the description
        "zsu_area": str(offer.zsu_area) if offer.zsu_area else "",
        "prk_level": str(offer.prk_level) if offer.prk_level else "",
        "form": offer.form.value if offer.form else "",
        "language": offer.language or "",
        "duration_hours": offer.duration_hours,
        "powiat": _powiats(offer, editions),
        "towns": sorted({e.town for e in editions if e.town}),
        "points": _points(editions, today),
        "funding": funding,
        "is_free": is_free,
        "price_min_grosze": 0 if is_free else min(prices, default=None),
        "next_start": upcoming[0].isoformat() if upcoming else None,
        "starts": [start.isoformat() for start in upcoming],
        "last_start": _last_start(editions, upcoming, today),
        "enrolment_until": _enrolment_until(editions),
        "last_verified": max(o.last_verified for o in seen_in).isoformat(),
        "sources": len(seen_in),
        "source_names": sorted({o.source.name for o in seen_in if o.source is not None}),
        "url": offer.url,
    }


def _powiats(offer: Offer, editions: Sequence[Edition]) -> list[str]:
    forms = {e.form or offer.form for e in editions} or {offer.form}
    powiats = sorted({e.powiat_teryt for e in editions if e.powiat_teryt})
    if DeliveryForm.online in forms or DeliveryForm.blended in forms:
        powiats.append(ONLINE)
    return powiats


def _points(editions: Sequence[Edition], today: date) -> list[list[float]]:
    placed = [e for e in editions if e.lat is not None and e.lon is not None and e.form != ONLINE]
    # Where the offer will be held: a past edition's place would put a course "0 km away"
    # whose next edition is elsewhere. An offer with only past editions keeps their places.
    current = [e for e in placed if e.start_date is None or e.start_date >= today] or placed
    points = {(_rounded(e.lat), _rounded(e.lon)) for e in current}
    return [list(point) for point in sorted(points)]


def _rounded(degrees: float | None) -> float:
    return round(degrees or 0.0, POINT_DECIMALS)


def _last_start(editions: Sequence[Edition], upcoming: Sequence[date], today: date) -> str | None:
    """The latest start of an edition that began before today, when no edition is upcoming:
    such an offer is still running (`catalogue.housekeeping.is_over`), and a card shows when
    it began, never "to be arranged" (issue 13). None with an upcoming edition."""
    if upcoming:
        return None
    started = [e.start_date for e in editions if e.start_date and e.start_date < today]
    return max(started).isoformat() if started else None


def _enrolment_until(editions: Sequence[Edition]) -> str | None:
    days = [day for day in map(_last_enrolment_day, editions) if day is not None]
    return max(days).isoformat() if days else None


def _last_enrolment_day(edition: Edition) -> date | None:
    if edition.enrolment_end is not None:
        return edition.enrolment_end
    if edition.start_date is not None:
        return edition.start_date - timedelta(days=1)
    return None
