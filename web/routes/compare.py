"""Two to four published offers side by side: GET /porownaj?o=<id>&o=<id>[&z=<place>].

People choose them with the "Porównaj" boxes of the search results (a GET form: no JavaScript
needed). Anything else than two to four published offers is refused with a page that says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlmodel import col, select
from starlette.requests import Request
from starlette.responses import Response

from catalogue.contacts import next_deadline
from catalogue.models import Edition, Offer, OfferStatus
from catalogue.offer_details import with_details
from search.filters import get_filter
from search.geo import Located, locate, nearest_km
from web.i18n import negotiate_language
from web.offers import MAX_OFFER_ID
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)

MIN_OFFERS, MAX_OFFERS = 2, 4
MAX_PARAMS = 20  # more `o` than this is not a choice a person made
MAX_PLACE = 100
SHOWN_EDITIONS = 3  # the nearest upcoming runs; the offer's page lists them all


@dataclass
class Column:
    """One offer of the comparison, with what each row shows."""

    offer: Offer
    form_label: str | None
    editions: list[Edition]  # upcoming (or, when none is, every known) runs, nearest first
    more_editions: int
    deadline: date | None
    towns: list[str]
    online: bool
    prices: list[int]  # grosze, distinct, lowest first
    price_texts: list[str]
    distance_km: float | None = None
    provider_id: int | None = None
    provider_name: str | None = None


@dataclass
class Comparison:
    columns: list[Column] = field(default_factory=list)
    problem: str | None = None  # a message key: why nothing is compared
    problem_args: dict[str, str] = field(default_factory=dict)
    place: Located | None = None
    place_asked: str = ""
    place_unknown: bool = False


def chosen_ids(values: list[str]) -> tuple[list[int], str | None, dict[str, str]]:
    """The distinct offer ids in the order given, or the key of what is wrong with them."""
    if len(values) > MAX_PARAMS:
        return [], "compare.too_many", {}
    ids: list[int] = []
    for value in values:
        text = value.strip()
        if not text.isdigit() or not 1 <= int(text) <= MAX_OFFER_ID:
            return [], "compare.bad_id", {"value": value[:40]}
        if int(text) not in ids:
            ids.append(int(text))
    if not ids:
        return [], "compare.none", {}
    if len(ids) < MIN_OFFERS:
        return ids, "compare.too_few", {}
    if len(ids) > MAX_OFFERS:
        return ids, "compare.too_many", {}
    return ids, None, {}


def column(offer: Offer, lang: str, today: date, place: Located | None) -> Column:
    upcoming = [e for e in offer.editions if e.start_date is None or e.start_date >= today]
    runs = sorted(upcoming or offer.editions, key=lambda e: (e.start_date is None, e.start_date))
    points = [(e.lat, e.lon) for e in offer.editions if e.lat is not None and e.lon is not None]
    forms = {(e.form or offer.form) for e in offer.editions} or {offer.form}
    institution = offer.institution
    return Column(
        offer=offer,
        form_label=get_filter("form").display(offer.form.value, lang) if offer.form else None,
        editions=runs[:SHOWN_EDITIONS],
        more_editions=max(0, len(runs) - SHOWN_EDITIONS),
        deadline=next_deadline(offer, today),
        towns=list(dict.fromkeys(e.town for e in offer.editions if e.town)),
        online="online" in forms,
        prices=sorted({e.price_grosze for e in offer.editions if e.price_grosze is not None}),
        price_texts=list(dict.fromkeys(e.price_text for e in offer.editions if e.price_text)),
        distance_km=nearest_km(points, place.lat, place.lon) if place and points else None,
        provider_id=institution.id if institution is not None else None,
        provider_name=institution.name if institution is not None else offer.provider_name,
    )


def compare(session: SessionDep, ids: list[int], lang: str, place: Located | None) -> Comparison:
    found = session.exec(with_details(select(Offer).where(col(Offer.id).in_(ids)))).all()
    published = {o.id: o for o in found if o.status == OfferStatus.active}
    missing = [str(i) for i in ids if i not in published]
    if missing:
        return Comparison(problem="compare.unknown", problem_args={"ids": ", ".join(missing)})
    today = date.today()
    return Comparison(columns=[column(published[i], lang, today, place) for i in ids])


@router.get("/porownaj", name="compare_page", response_class=HTMLResponse)
def compare_page(request: Request, session: SessionDep, templates: TemplatesDep) -> Response:
    lang = negotiate_language(request)
    ids, problem, args = chosen_ids(request.query_params.getlist("o"))
    place_asked = (request.query_params.get("z") or "").strip()[:MAX_PLACE]
    place = locate(place_asked) if place_asked else None
    if problem is not None:
        result = Comparison(problem=problem, problem_args=args)
    else:
        result = compare(session, ids, lang, place)
    result.place, result.place_asked = place, place_asked
    result.place_unknown = bool(place_asked) and place is None
    status = 200
    if result.problem == "compare.unknown":
        status = 404
    elif result.problem is not None:
        status = 400
    context = {"cmp": result, "ids": ids}
    return templates.TemplateResponse(request, "compare.html", context, status_code=status)
