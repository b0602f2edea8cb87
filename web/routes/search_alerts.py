"""E-mail alerts of a search: the subscribe form, and the pages its mails link to.

The work is `operations.search_alerts`'. The links of the mails (confirm, unsubscribe) open a
page with a button that sends a POST: mail scanners open GET links, and must neither confirm
nor end an alert. Every form carries the CSRF token; a link nobody issued is a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, NoReturn
from urllib.parse import parse_qsl

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.search_alerts import SearchAlert
from operations.accounts import FieldError, FormInvalid
from operations.followed_searches import normal_search
from operations.search_alert_mails import describe_search
from operations.search_alerts import (
    Subscribed,
    alert_to_confirm,
    alert_to_unsubscribe,
    confirm,
    subscribe,
    unsubscribe,
)
from web.auth import CsrfDep
from web.errors import NotFound
from web.i18n import negotiate_language
from web.ratelimit import client_key
from web.services import SessionDep, SettingsDep, TemplatesDep

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=300)]
SearchText = Annotated[str, Form(max_length=4000)]
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}  # a key in the path


def _search_words(request: Request, search: str) -> str:
    polish, english, ukrainian = describe_search(search)
    return {"en": english, "uk": ukrainian}.get(negotiate_language(request), polish)


def _form_page(
    request: Request,
    templates: TemplatesDep,
    search: str,
    *,
    email: str = "",
    frequency: str = "daily",
    errors: list[FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    errors = errors or []
    context = {
        "search": search,
        "search_words": _search_words(request, search),
        "email": email,
        "frequency": frequency,
        "errors": errors,
        "by_field": {e.field: e.code for e in errors},
    }
    return templates.TemplateResponse(
        request, "alerts/subscribe.html", context, status_code=status_code
    )


@router.get("/alerty/nowy", response_class=HTMLResponse)
def subscribe_form(request: Request, templates: TemplatesDep) -> Response:
    """The subscribe form of the search in the query string (the search page has it too)."""
    return _form_page(request, templates, normal_search(request.query_params.multi_items()))


@router.post("/alerty", dependencies=[CsrfDep], response_class=HTMLResponse)
def subscribe_submit(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    email: Text = "",
    frequency: Text = "",
    search: SearchText = "",
) -> Response:
    normal = normal_search(parse_qsl(search))
    try:
        outcome = subscribe(db, settings, email, normal, frequency, client_key(request.scope))
    except FormInvalid as invalid:
        return _form_page(
            request, templates, normal, email=email, frequency=frequency,
            errors=invalid.errors, status_code=422,
        )  # fmt: skip
    if outcome == Subscribed.throttled:
        page = _message(request, templates, "throttled", 429)
        page.headers["Retry-After"] = "900"
        return page
    return RedirectResponse("/alerty/wyslano", status_code=303)


def _message(request: Request, templates: TemplatesDep, name: str, status_code: int) -> Response:
    context = {"title_key": f"alerts.{name}.title", "text_key": f"alerts.{name}.text"}
    return templates.TemplateResponse(
        request, "alerts/message.html", context, status_code=status_code, headers=NO_STORE
    )


@router.get("/alerty/wyslano", response_class=HTMLResponse)
def subscribe_sent(request: Request, templates: TemplatesDep) -> Response:
    return _message(request, templates, "sent", 200)


def _confirmed(db: Session, token: str) -> bool:
    return confirm(db, token) is not None


# The links of the mails: path word -> (the page's texts, finds the alert, does it, done page).
LINKS: dict[str, tuple[str, Callable[[Session, str], SearchAlert | None],
                       Callable[[Session, str], bool], str]] = {
    "potwierdz": ("confirm", alert_to_confirm, _confirmed, "confirmed"),
    "wypisz": ("unsubscribe", alert_to_unsubscribe, unsubscribe, "unsubscribed"),
}  # fmt: skip


@router.get("/alerty/{word}/{token}", response_class=HTMLResponse)
def link_page(
    word: str, token: str, request: Request, db: SessionDep, templates: TemplatesDep
) -> Response:
    """The page a mail's link opens: what the button does, and the button."""
    kind, find, _, _ = LINKS.get(word) or _not_found()
    alert = find(db, token)
    if alert is None:
        raise NotFound()
    context = {
        "action": f"/alerty/{word}/{token}",
        "kind": kind,
        "search_words": _search_words(request, alert.search),
    }
    return templates.TemplateResponse(request, "alerts/button.html", context, headers=NO_STORE)


@router.post("/alerty/{word}/{token}", dependencies=[CsrfDep], response_class=HTMLResponse)
def link_submit(
    word: str, token: str, request: Request, db: SessionDep, templates: TemplatesDep
) -> Response:
    _, _, act, done = LINKS.get(word) or _not_found()
    if not act(db, token):
        raise NotFound()
    return _message(request, templates, done, 200)


def _not_found() -> NoReturn:
    raise NotFound()
