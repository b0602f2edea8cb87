"""The coordinator's review queue (`/koordynator/oferty`): institutions' offers awaiting review,
each with the reasons `catalogue.moderation` gave, its fields, the normaliser's reading and its
history; approve (published at once) or send back with a reason the institution's members
receive by e-mail (`operations.institution_offers.send_back`).
"""

from __future__ import annotations

import logging
import smtplib
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.models import Institution, Offer
from catalogue.offer_fields import check_offer, reading_of
from operations.institution_offers import (
    approve,
    awaits_review,
    fields_of,
    history,
    pending_edit,
    people_of,
    review_queue,
    send_back,
)
from operations.mail import MailNotConfigured
from web.auth import CoordinatorDep, CsrfDep
from web.errors import NotFound
from web.services import SessionDep, SettingsDep, TemplatesDep

router = APIRouter()
log = logging.getLogger(__name__)
PATH = "/koordynator/oferty"
REASON_MAX_LENGTH = 2000
DONE = {"zatwierdzono": "review.done.approved", "odeslano": "review.done.returned"}


def _in_review(db: Session, offer_id: int) -> Offer:
    offer = db.get(Offer, offer_id) if 1 <= offer_id <= 2**31 - 1 else None
    if offer is None or not awaits_review(offer):
        raise NotFound()
    return offer


def _page(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    *,
    reason_problem: int | None = None,
    reason: str = "",
    mail_error: str | None = None,
    status_code: int = 200,
) -> Response:
    items = []
    for offer in review_queue(db):
        institution = db.get(Institution, offer.institution_id) if offer.institution_id else None
        checked = check_offer(fields_of(offer))
        changes = history(db, offer.id or 0)
        items.append(
            {
                "offer": offer,
                "institution": institution,
                "reasons": (offer.extras or {}).get("panel_review", []),
                "held": pending_edit(offer) is not None,
                "reading": reading_of(checked.normalised) if checked.normalised else None,
                "history": changes,
                "people": people_of(db, changes),
            }
        )
    context = {
        "items": items,
        "done": DONE.get(request.query_params.get("zrobiono", "")),
        "reason_problem": reason_problem,
        "reason": reason,
        "mail_error": mail_error,
    }
    return templates.TemplateResponse(
        request, "coordinator/offers.html", context, status_code=status_code
    )


@router.get(PATH, response_class=HTMLResponse)
def queue_page(
    request: Request, account: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _page(request, templates, db)


@router.post(f"{PATH}/{{offer_id:int}}/zatwierdz", dependencies=[CsrfDep])
def approve_offer(offer_id: int, account: CoordinatorDep, db: SessionDep) -> Response:
    approve(db, _in_review(db, offer_id), account.id)
    return RedirectResponse(f"{PATH}?zrobiono=zatwierdzono", status_code=303)


@router.post(f"{PATH}/{{offer_id:int}}/odeslij", dependencies=[CsrfDep])
def return_offer(
    request: Request,
    offer_id: int,
    account: CoordinatorDep,
    db: SessionDep,
    templates: TemplatesDep,
    settings: SettingsDep,
    reason: Annotated[str, Form(max_length=REASON_MAX_LENGTH)] = "",
) -> Response:
    offer = _in_review(db, offer_id)
    if not reason.strip():
        return _page(request, templates, db, reason_problem=offer_id, status_code=422)
    try:
        send_back(db, settings, offer, account.id, reason)
    except (MailNotConfigured, smtplib.SMTPException, OSError) as exc:
        log.warning("offer %s sent back, but the e-mail failed: %s", offer_id, exc)
        return _page(request, templates, db, mail_error=str(exc))
    return RedirectResponse(f"{PATH}?zrobiono=odeslano", status_code=303)
