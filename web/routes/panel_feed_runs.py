"""An institution's own feeds watched (`/panel/zrodla/<id>/przebiegi`): the feed's crawl runs, and
a page per run with its counts, errors and every rejected item, as the coordinator sees them
(`web.routes.coordinator_sources`). Only the institution's own: another institution's feed or
run answers 404 (decision 0014: its existence is not told).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Account
from operations.source_watch import WatchedSource, registry_of, run_of, watched_source
from web.auth import MemberDep
from web.errors import NotFound
from web.routes.coordinator_sources import run_page, runs_page
from web.services import EngineDep, SessionDep, TemplatesDep

router = APIRouter()
PATH = "/panel/zrodla"


def _own(db: Session, engine: EngineDep, account: Account, feed_id: int) -> WatchedSource:
    watched = (
        watched_source(db, registry_of(engine), feed_id, institution_id=account.institution_id)
        if account.institution_id is not None
        else None
    )
    if watched is None:
        raise NotFound()
    return watched


@router.get(f"{PATH}/{{feed_id:int}}/przebiegi", response_class=HTMLResponse)
def feed_runs_page(
    request: Request,
    feed_id: int,
    account: MemberDep,
    db: SessionDep,
    engine: EngineDep,
    templates: TemplatesDep,
) -> Response:
    watched = _own(db, engine, account, feed_id)
    return runs_page(
        request, templates, db, watched, base=f"{PATH}/{feed_id}/przebiegi",
        back=(PATH, "sources.feed.back"),
    )  # fmt: skip


@router.get(f"{PATH}/{{feed_id:int}}/przebiegi/{{run_id:int}}", response_class=HTMLResponse)
def feed_run_page(
    request: Request,
    feed_id: int,
    run_id: int,
    account: MemberDep,
    db: SessionDep,
    engine: EngineDep,
    templates: TemplatesDep,
) -> Response:
    watched = _own(db, engine, account, feed_id)
    assert watched.source is not None
    run = run_of(db, watched.source, run_id)
    if run is None:
        raise NotFound()
    return run_page(request, templates, db, watched, run, base=f"{PATH}/{feed_id}/przebiegi")
