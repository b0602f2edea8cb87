"""The coordinator's list of registered institutions awaiting approval (`/koordynator/instytucje`):
approve, or refuse with a reason. The work is `operations.approval`'s."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from operations.accounts import FormInvalid
from operations.approval import NotPending, decide, pending_institutions
from web.auth import CoordinatorDep, CsrfDep
from web.decisions import Decision, Reason, approves, decided, queue_page
from web.errors import NotFound
from web.services import SessionDep, SettingsDep, TemplatesDep

router = APIRouter()
PATH = "/koordynator/instytucje"
DONE = {True: "coord.institutions.approved", False: "coord.institutions.refused"}


def _page(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    errors: dict[int, str] | None = None,
    status_code: int = 200,
) -> Response:
    pending = pending_institutions(db)
    return queue_page(
        request, templates, "coordinator/institutions.html", pending, DONE, errors, status_code
    )


@router.get(PATH, response_class=HTMLResponse)
def institutions_page(
    request: Request, coordinator: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _page(request, templates, db)


@router.post(PATH + "/{institution_id}", dependencies=[CsrfDep], response_class=HTMLResponse)
def institution_decision(
    institution_id: int,
    request: Request,
    coordinator: CoordinatorDep,
    db: SessionDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    decision: Decision = "",
    reason: Reason = "",
) -> Response:
    approve = approves(decision)
    try:
        decide(db, settings, institution_id, coordinator, approve=approve, reason=reason)
    except NotPending:
        raise NotFound() from None
    except FormInvalid as invalid:
        errors = {institution_id: invalid.errors[0].code}
        return _page(request, templates, db, errors, status_code=422)
    return decided(PATH, approve)
