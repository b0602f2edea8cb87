"""Registration, the e-mail confirmation link, sign-in and sign-out, the account page and setting
a new password. The work is `operations.accounts` and `operations.signin`'s; sessions and CSRF
are `web.auth`'s. Every form is a POST with the CSRF token.

The answers tell nobody whether an address has an account: registration and reset requests
answer the same either way, and a wrong password is worded as an unknown address.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Form
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Role
from catalogue.models import Institution
from operations.accounts import (
    FieldError,
    FormInvalid,
    Registration,
    confirm_email,
    register,
    valid_email_token,
)
from operations.signin import (
    SignInResult,
    request_reset,
    reset_allowed,
    reset_password,
    sign_in,
)
from web.auth import (
    AccountDep,
    CsrfDep,
    SignInRequired,
    end_all_sessions,
    end_session,
    safe_next,
    start_session,
)
from web.ratelimit import client_key
from web.services import EngineDep, SessionDep, SettingsDep, TemplatesDep
from web.settings import AppSettings

router = APIRouter()
Text = Annotated[str, Form(max_length=300)]
LongText = Annotated[str, Form(max_length=1000)]
REGISTRATION_FIELDS = ("institution_name", "nip", "regon", "ris_number", "rspo_number",
                       "person_name", "email")  # fmt: skip
# What a sign-in page reached after a change says (`?zrobiono=…`): the message's key.
DONE = {
    "wylogowano": "accounts.signin.signed_out",
    "wszedzie": "accounts.signin.signed_out_everywhere",
    "haslo": "accounts.signin.password_changed",
}
NO_STORE = {"Cache-Control": "no-store"}  # a person's details, a reset link's form
# Where a person lands after signing in when no page asked for it.
HOME = {
    Role.member: "/panel",
    Role.coordinator: "/koordynator/instytucje",
    Role.adviser: "/doradca",  # the adviser's client shortlists (web/routes/adviser.py)
}
SIGN_IN_PROBLEMS = {
    SignInResult.wrong: ("accounts.signin.wrong", 401),
    SignInResult.unconfirmed: ("accounts.signin.unconfirmed", 403),
    SignInResult.awaiting: ("accounts.signin.awaiting", 403),  # an adviser's request
    SignInResult.throttled: ("accounts.signin.throttled", 429),
}


def _by_field(errors: list[FieldError]) -> dict[str, str]:
    found: dict[str, str] = {}
    for error in errors:
        found.setdefault(error.field, error.code)
    return found


def _message(request: Request, templates: TemplatesDep, name: str, status_code: int) -> Response:
    context = {"title_key": f"accounts.{name}.title", "text_key": f"accounts.{name}.text"}
    return templates.TemplateResponse(
        request, "accounts/message.html", context, status_code=status_code
    )


# --- registration -------------------------------------------------------------------------


def _registration_page(
    request: Request, templates: TemplatesDep, values: dict[str, Any], errors: list[FieldError]
) -> Response:
    context = {"values": values, "errors": errors, "by_field": _by_field(errors)}
    status_code = 422 if errors else 200
    return templates.TemplateResponse(
        request, "accounts/register.html", context, status_code=status_code
    )


@router.get("/rejestracja", response_class=HTMLResponse)
def registration_form(request: Request, templates: TemplatesDep) -> Response:
    return _registration_page(request, templates, {}, [])


@router.post("/rejestracja", dependencies=[CsrfDep], response_class=HTMLResponse)
def registration(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    institution_name: Text = "",
    nip: Text = "",
    regon: Text = "",
    ris_number: Text = "",
    rspo_number: Text = "",
    person_name: Text = "",
    email: Text = "",
    password: LongText = "",
    consent: Text = "",
) -> Response:
    form = Registration(
        institution_name=institution_name, nip=nip, regon=regon, ris_number=ris_number,
        rspo_number=rspo_number, person_name=person_name, email=email, password=password,
        consent=bool(consent),
    )  # fmt: skip
    try:
        register(db, settings, form)
    except FormInvalid as invalid:
        values = {name: getattr(form, name) for name in REGISTRATION_FIELDS}
        values["consent"] = form.consent
        return _registration_page(request, templates, values, invalid.errors)
    return RedirectResponse("/rejestracja/wyslano", status_code=303)


@router.get("/rejestracja/wyslano", response_class=HTMLResponse)
def registration_sent(request: Request, templates: TemplatesDep) -> Response:
    return _message(request, templates, "registered", 200)


@router.get("/potwierdz/{token}", response_class=HTMLResponse)
def confirmation_page(
    token: str, request: Request, db: SessionDep, templates: TemplatesDep
) -> Response:
    """The link only opens a page whose button confirms: mail scanners open (GET) every link
    in a message, and would otherwise confirm an address its owner never confirmed."""
    if valid_email_token(db, token, "confirm") is None:
        return _message(request, templates, "link_invalid", 400)
    context = {"action": f"/potwierdz/{token}"}
    return templates.TemplateResponse(request, "accounts/confirm.html", context)


@router.post("/potwierdz/{token}", dependencies=[CsrfDep], response_class=HTMLResponse)
def confirmation(
    token: str, request: Request, db: SessionDep, settings: SettingsDep, templates: TemplatesDep
) -> Response:
    account = confirm_email(db, settings, token)
    if account is None:
        return _message(request, templates, "link_invalid", 400)
    adviser = account.role == Role.adviser  # an adviser's request awaits the coordinator
    return _message(request, templates, "adviser_confirmed" if adviser else "confirmed", 200)


# --- signing in and out -------------------------------------------------------------------


@router.get("/login", include_in_schema=False)
def login_alias(request: Request) -> Response:
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"/logowanie{query}", status_code=308)


def _sign_in_page(
    request: Request,
    templates: TemplatesDep,
    *,
    next_path: str,
    email: str = "",
    problem: str | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "next": next_path,
        "email": email,
        "problem": problem,
        "done": DONE.get(request.query_params.get("zrobiono", "")),
    }
    return templates.TemplateResponse(
        request, "accounts/signin.html", context, status_code=status_code
    )


@router.get("/logowanie", response_class=HTMLResponse)
def sign_in_form(request: Request, templates: TemplatesDep) -> Response:
    asked = request.query_params.get("next")
    return _sign_in_page(request, templates, next_path=safe_next(asked) if asked else "")


@router.post("/logowanie", dependencies=[CsrfDep], response_class=HTMLResponse)
def sign_in_submit(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    email: Text = "",
    password: LongText = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    # IPv6 clients by their /64 network, as the rate limits count them: one host has many.
    outcome = sign_in(db, settings.accounts, email, password, client_key(request.scope))
    if outcome.account is None:
        problem, status_code = SIGN_IN_PROBLEMS[outcome.result]
        page = _sign_in_page(
            request, templates, next_path=safe_next(next) if next else "", email=email,
            problem=problem, status_code=status_code,
        )  # fmt: skip
        if outcome.result == SignInResult.throttled:
            page.headers["Retry-After"] = "900"
        return page
    target = safe_next(next) if next else HOME.get(outcome.account.role, "/konto")
    response = RedirectResponse(target, status_code=303)
    start_session(response, db, outcome.account, request)
    return response


@router.post("/wyloguj", dependencies=[CsrfDep])
def sign_out(request: Request, db: SessionDep) -> Response:
    response = RedirectResponse("/logowanie?zrobiono=wylogowano", status_code=303)
    end_session(request, response, db)
    return response


@router.get("/konto", response_class=HTMLResponse)
def account_page(
    request: Request, account: AccountDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    if account is None:
        raise SignInRequired()
    institution = db.get(Institution, account.institution_id) if account.institution_id else None
    context = {"account": account, "institution": institution}
    return templates.TemplateResponse(request, "accounts/account.html", context, headers=NO_STORE)


@router.post("/konto/wyloguj-wszedzie", dependencies=[CsrfDep])
def sign_out_everywhere(request: Request, account: AccountDep, db: SessionDep) -> Response:
    if account is None or account.id is None:
        raise SignInRequired()
    end_all_sessions(db, account.id)
    response = RedirectResponse("/logowanie?zrobiono=wszedzie", status_code=303)
    end_session(request, response, db)
    return response


# --- a new password -----------------------------------------------------------------------


@router.get("/haslo", response_class=HTMLResponse)
def reset_request_form(request: Request, templates: TemplatesDep) -> Response:
    context = {"sent": request.query_params.get("wyslano") == "1"}
    return templates.TemplateResponse(request, "accounts/reset_request.html", context)


def _send_reset(engine: Engine, settings: AppSettings, email: str) -> None:
    with Session(engine) as db:
        request_reset(db, settings, email)


@router.post("/haslo", dependencies=[CsrfDep])
def reset_request(
    background: BackgroundTasks, engine: EngineDep, settings: SettingsDep, email: Text = ""
) -> Response:
    # Sent after the answer: how long it takes tells nobody whether the address has an account.
    background.add_task(_send_reset, engine, settings, email)
    return RedirectResponse("/haslo?wyslano=1", status_code=303)


def _reset_page(
    request: Request, templates: TemplatesDep, token: str, errors: list[FieldError]
) -> Response:
    context = {"action": f"/haslo/{token}", "errors": errors, "by_field": _by_field(errors)}
    status_code = 422 if errors else 200
    return templates.TemplateResponse(
        request, "accounts/reset.html", context, status_code=status_code, headers=NO_STORE
    )


@router.get("/haslo/{token}", response_class=HTMLResponse)
def reset_form(token: str, request: Request, db: SessionDep, templates: TemplatesDep) -> Response:
    if not reset_allowed(db, token):
        return _message(request, templates, "link_invalid", 400)
    return _reset_page(request, templates, token, [])


@router.post("/haslo/{token}", dependencies=[CsrfDep], response_class=HTMLResponse)
def reset_submit(
    token: str,
    request: Request,
    db: SessionDep,
    templates: TemplatesDep,
    password: LongText = "",
) -> Response:
    try:
        account = reset_password(db, token, password)
    except FormInvalid as invalid:
        return _reset_page(request, templates, token, invalid.errors)
    if account is None:
        return _message(request, templates, "link_invalid", 400)
    response = RedirectResponse("/logowanie?zrobiono=haslo", status_code=303)
    end_session(request, response, db)  # its row went with the others
    return response
