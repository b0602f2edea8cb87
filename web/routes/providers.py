"""A page per provider: GET /instytucje/{id} — its published offers, the registers it is in
(RIS, RSPO, NIP/REGON, BUR) and how to contact it, from what the sources published.

A crawled provider record linked to the registered institution it is (`registered_id`) is shown
together with it: one provider, whichever of its records an offer links to.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlmodel import Session, col, or_, select
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Approval
from catalogue.contacts import (
    Contact,
    Registrations,
    provider_contact,
    provider_registrations,
    tel_link,
)
from catalogue.models import Institution, Offer, OfferStatus
from catalogue.offer_details import with_details
from web.errors import NotFound
from web.offers import MAX_OFFER_ID
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)

OFFERS_PER_PAGE = 50  # a provider with hundreds of offers (a university) is read in pages

# Registered institutions a coordinator has not approved are not public providers.
HIDDEN = (Approval.pending.value, Approval.refused.value)


@dataclass
class ProviderPage:
    institution: Institution
    offers: list[Offer]  # every published offer, each listed once
    registrations: Registrations
    contact: Contact
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.offers) // OFFERS_PER_PAGE))

    @property
    def shown(self) -> list[Offer]:
        """The offers of the current page."""
        start = (self.page - 1) * OFFERS_PER_PAGE
        return self.offers[start : start + OFFERS_PER_PAGE]

    @property
    def first_number(self) -> int:
        return (self.page - 1) * OFFERS_PER_PAGE + 1


def provider_records(session: Session, institution: Institution) -> list[Institution]:
    """The institution, the registered one it is linked to, and the records linked to either."""
    ids = {institution.id}
    if institution.registered_id is not None:
        ids.add(institution.registered_id)
    linked = session.exec(
        select(Institution).where(
            or_(col(Institution.id).in_(ids), col(Institution.registered_id).in_(ids))
        )
    ).all()
    # The page's own record first: its website is the one shown first.
    return sorted(linked, key=lambda i: (i.id != institution.id, i.id or 0))


def provider_page(session: Session, institution_id: int) -> ProviderPage:
    institution = session.get(Institution, institution_id) if institution_id >= 1 else None
    if institution is None or institution.approval in HIDDEN:
        raise NotFound(f"Institution {institution_id} does not exist")
    records = [r for r in provider_records(session, institution) if r.approval not in HIDDEN]
    offers = session.exec(
        with_details(
            select(Offer)
            .where(col(Offer.institution_id).in_([r.id for r in records]))
            .where(Offer.status == OfferStatus.active)
            .order_by(col(Offer.title), col(Offer.id))
        )
    ).all()
    shown = {o.id for o in offers}
    # Another source's copy of an offer already listed is the same offer: listed once.
    listed = [o for o in offers if o.canonical_id is None or o.canonical_id not in shown]
    return ProviderPage(
        institution=institution,
        offers=listed,
        registrations=provider_registrations(records, offers),
        contact=provider_contact(records, offers),
    )


@router.get("/instytucje/{institution_id:int}", name="provider_page", response_class=HTMLResponse)
def provider_html(
    request: Request, institution_id: int, session: SessionDep, templates: TemplatesDep
) -> Response:
    if institution_id > MAX_OFFER_ID:
        raise NotFound(f"Institution {institution_id} does not exist")
    page = provider_page(session, institution_id)
    asked = request.query_params.get("strona", "1")
    if not asked.isdigit() or not 1 <= int(asked) <= page.pages:
        raise NotFound(f"Institution {institution_id} has no page {asked[:20]!r}")
    page.page = int(asked)
    return templates.TemplateResponse(
        request, "provider.html", {"page": page, "tel_link": tel_link}
    )
