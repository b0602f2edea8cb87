"""'Czy można to sfinansować?': a short form answered by GET, listing the funding routes that
may apply (`catalogue.funding`), optionally for one offer (`?oferta=<id>`). Nothing is kept."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.responses import Response

from catalogue.funding import (
    AGE_GROUPS,
    STATUSES,
    OfferFacts,
    funding_rules,
    parse_situation,
    routes_for,
)
from search.funding import FREE, funding_values
from web.errors import NotFound
from web.i18n import negotiate_language
from web.offers import load_offer
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)

QUESTIONS = ("sytuacja", "pracodawca", "wiek")


@router.get("/finansowanie", name="funding_page", response_class=HTMLResponse)
def funding_page(request: Request, session: SessionDep, templates: TemplatesDep) -> Response:
    params = request.query_params
    offer = None
    facts = None
    offer_id = params.get("oferta", "").strip()
    if offer_id:
        if not offer_id.isdigit():
            raise NotFound(f"Offer {offer_id!r} does not exist")
        offer = load_offer(session, int(offer_id))
        prices = [edition.price_grosze for edition in offer.editions]
        facts = OfferFacts(offer.kind.value, frozenset(funding_values(offer.funding, prices)))
    situation = parse_situation(
        params.get("sytuacja"), params.get("pracodawca"), params.get("wiek")
    )
    answered = any(params.get(name) for name in QUESTIONS)
    context = {
        "offer": offer,
        "offer_free": facts is not None and FREE in facts.funding,
        "situation": situation,
        "incomplete": answered and situation is None,
        "matches": routes_for(situation, facts) if situation else [],
        "statuses": STATUSES,
        "age_groups": AGE_GROUPS,
        "answers": {name: params.get(name, "") for name in QUESTIONS},
        "age_note": funding_rules().age_note.get(negotiate_language(request))
        or funding_rules().age_note["pl"],
    }
    return templates.TemplateResponse(request, "funding.html", context)
