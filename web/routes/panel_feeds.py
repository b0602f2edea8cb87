"""The panel's feeds (`/panel/zrodla`): an institution registers the address of its file or site,
sees each one's last reading, disables or deletes one. The work is `operations.institution_feeds`'.

Every form is a POST with the CSRF token; the institution is always the signed-in member's, and
another institution's feed answers 404 (its existence is not told).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Account, Approval
from catalogue.models import Institution, Source
from operations.institution_feeds import (
    DEFAULT_EVERY,
    EVERY_CHOICES,
    FeedKind,
    FeedProblem,
    FeedRefused,
    delete_feed,
    feed_offers,
    get_feed,
    list_feeds,
    register_feed,
    set_enabled,
)
from operations.source_watch import registry_of, watched_feeds
from web.auth import CsrfDep, MemberDep
from web.errors import NotFound
from web.routes.coordinator_sources import page_helpers
from web.services import SessionDep, SettingsDep, TemplatesDep, get_engine

router = APIRouter()
PATH = "/panel/zrodla"
# What a redirect after a change says on the list (`?zrobiono=…`): the message's key.
DONE = {"dodano": "feeds.added", "wylaczono": "feeds.disabled", "wlaczono": "feeds.enabled",
        "usunieto": "feeds.deleted"}  # fmt: skip


def _institution(db: Session, account: Account) -> Institution:
    institution = db.get(Institution, account.institution_id)
    if institution is None:  # MemberDep requires one; deleted meanwhile
        raise NotFound()
    return institution


def _page(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    institution: Institution,
    *,
    form: dict[str, str] | None = None,
    problems: list[FeedProblem] | None = None,
    status_code: int = 200,
) -> Response:
    done = DONE.get(request.query_params.get("zrobiono", ""))
    assert institution.id is not None
    context: dict[str, Any] = {
        "feeds": list_feeds(db, institution),
        # the alarms of the sources watched (too old, rejections jumped), by source id
        "watched": watched_feeds(db, registry_of(get_engine(request)), institution.id),
        **page_helpers(request),
        "offers": feed_offers(db, institution),
        "approved": institution.approval == Approval.approved,
        "form": form or {"url": "", "kind": FeedKind.file.value, "every": DEFAULT_EVERY},
        "problems": problems or [],
        "by_field": {problem.field: problem.code for problem in problems or []},
        "kinds": [kind.value for kind in FeedKind],
        "every_choices": EVERY_CHOICES,
        "done": done,
    }
    return templates.TemplateResponse(request, "panel/feeds.html", context, status_code=status_code)


def _done(what: str) -> Response:
    return RedirectResponse(f"{PATH}?zrobiono={what}", status_code=303)


@router.get(PATH, name="panel_feeds", response_class=HTMLResponse)
def feeds_page(
    request: Request, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _page(request, templates, db, _institution(db, account))


@router.post(PATH, dependencies=[CsrfDep], response_class=HTMLResponse)
def add_feed(
    request: Request,
    account: MemberDep,
    db: SessionDep,
    templates: TemplatesDep,
    settings: SettingsDep,
    url: Annotated[str, Form(max_length=4000)] = "",
    kind: Annotated[str, Form(max_length=20)] = "",
    every: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    institution = _institution(db, account)
    try:
        register_feed(
            db,
            institution,
            url=url,
            kind=kind,
            every=every,
            allow_loopback=settings.crawlers.allow_loopback,
        )
    except FeedRefused as refused:
        form = {"url": url, "kind": kind, "every": every}
        return _page(
            request, templates, db, institution, form=form, problems=refused.problems,
            status_code=422,
        )  # fmt: skip
    return _done("dodano")


def _own_feed(db: Session, account: Account, feed_id: int) -> Source:
    source = get_feed(db, account.institution_id, feed_id)
    if source is None:
        raise NotFound()
    return source


@router.post(f"{PATH}/{{feed_id:int}}/wylacz", dependencies=[CsrfDep])
def disable_feed(feed_id: int, account: MemberDep, db: SessionDep) -> Response:
    set_enabled(db, _own_feed(db, account, feed_id), False)
    return _done("wylaczono")


@router.post(f"{PATH}/{{feed_id:int}}/wlacz", dependencies=[CsrfDep])
def enable_feed(feed_id: int, account: MemberDep, db: SessionDep) -> Response:
    set_enabled(db, _own_feed(db, account, feed_id), True)
    return _done("wlaczono")


@router.get(f"{PATH}/{{feed_id:int}}/usun", response_class=HTMLResponse)
def confirm_delete(
    request: Request, feed_id: int, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    source = _own_feed(db, account, feed_id)
    return templates.TemplateResponse(request, "panel/feeds_delete.html", {"feed": source})


@router.post(f"{PATH}/{{feed_id:int}}/usun", dependencies=[CsrfDep])
def remove_feed(feed_id: int, account: MemberDep, db: SessionDep) -> Response:
    delete_feed(db, _own_feed(db, account, feed_id))
    return _done("usunieto")
