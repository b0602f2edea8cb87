"""A career adviser asks for an account (`/rejestracja/doradca`), and the coordinator approves
or refuses the requests (`/koordynator/doradcy`). The work is `operations.adviser_accounts`'s;
the address is confirmed by the institutions' link (`/potwierdz/…`, web/routes/accounts.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from operations.accounts import FieldError, FormInvalid
from operations.adviser_accounts import (
    AdviserNotPending,
    AdviserRegistration,
    decide_adviser,
    pending_advisers,
    register_adviser,
)
from web.auth import CoordinatorDep, CsrfDep
from web.decisions import Decision, Reason, approves, decided, queue_page
from web.errors import NotFound
from web.services import SessionDep, SettingsDep, TemplatesDep

router = APIRouter()
REGISTER = "/rejestracja/doradca"
PATH = "/koordynator/doradcy"
Text = Annotated[str, Form(max_length=300)]
FIELDS = ("person_name", "organisation", "email")
DONE = {True: "coord.advisers.approved", False: "coord.advisers.refused"}


def _registration_page(
    request: Request, templates: TemplatesDep, values: dict[str, Any], errors: list[FieldError]
) -> Response:
    by_field: dict[str, str] = {}
    for error in errors:
        by_field.setdefault(error.field, error.code)
    context = {"values": values, "errors": errors, "by_field": by_field}
    return templates.TemplateResponse(
        request, "accounts/register_adviser.html", context, status_code=422 if errors else 200
    )


@router.get(REGISTER, response_class=HTMLResponse)
def adviser_registration_form(request: Request, templates: TemplatesDep) -> Response:
    return _registration_page(request, templates, {}, [])


@router.post(REGISTER, dependencies=[CsrfDep], response_class=HTMLResponse)
def adviser_registration(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    person_name: Text = "",
    organisation: Text = "",
    email: Text = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    consent: Text = "",
) -> Response:
    form = AdviserRegistration(person_name=person_name, organisation=organisation, email=email,
                               password=password, consent=bool(consent))  # fmt: skip
    try:
        register_adviser(db, settings, form)
    except FormInvalid as invalid:
        values: dict[str, Any] = {name: getattr(form, name) for name in FIELDS}
        values["consent"] = form.consent
        return _registration_page(request, templates, values, invalid.errors)
    # The institutions' answer, word for word: nobody learns whether the address had an account.
    return RedirectResponse("/rejestracja/wyslano", status_code=303)


def _requests_page(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    errors: dict[int, str] | None = None,
    status_code: int = 200,
) -> Response:
    pending = pending_advisers(db)
    return queue_page(
        request, templates, "coordinator/advisers.html", pending, DONE, errors, status_code
    )


@router.get(PATH, response_class=HTMLResponse)
def adviser_requests(
    request: Request, coordinator: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _requests_page(request, templates, db)


@router.post(PATH + "/{account_id}", dependencies=[CsrfDep], response_class=HTMLResponse)
def adviser_decision(
    account_id: int,
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
        decide_adviser(db, settings, account_id, coordinator, approve=approve, reason=reason)
    except AdviserNotPending:
        raise NotFound() from None
    except FormInvalid as invalid:
        return _requests_page(request, templates, db, {account_id: invalid.errors[0].code}, 422)
    return decided(PATH, approve)
