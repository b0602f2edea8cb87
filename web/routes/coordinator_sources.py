"""The sources watched (`/koordynator/zrodla`): every crawled source with its schedule, newest and
last good run, status and counts, those whose last good run is too old or whose rejections
jumped (`catalogue.source_health`) first and said so in words; a page per source with its runs
and a page per run with its counts, errors, notes and every rejected item with its raw payload
(escaped, pretty-printed JSON; a long one folded in <details>). Paged by `?strona=N`; a page past
the last answers 404. The institution's own feeds get the same pages in the panel
(`web.routes.panel_feed_runs`), rendered by the same templates and helpers here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.models import CrawlRun
from catalogue.source_health import REJECTIONS_PER_PAGE, aware, run_rejections, source_runs
from operations.source_watch import (
    WatchedSource,
    registry_of,
    run_of,
    watched_source,
    watched_sources,
)
from web.auth import CoordinatorDep
from web.errors import NotFound
from web.formatting import LOCAL_ZONE, format_date
from web.i18n import Translator, negotiate_language
from web.services import EngineDep, SessionDep, TemplatesDep

router = APIRouter()
PATH = "/koordynator/zrodla"
# A payload longer than this is folded in <details> (its first lines stay out of the page's way).
FOLD_LINES = 12
FOLD_CHARS = 1200
COUNTS = ("seen", "new", "updated", "unchanged", "rejected", "withdrawn")


def page_asked(request: Request) -> int:
    """The page `?strona=N` asks for; NotFound when it is not a page number."""
    asked = request.query_params.get("strona", "1")
    if not asked.isdigit() or not 1 <= int(asked) <= 2**31 - 1:
        raise NotFound(f"no page {asked[:20]!r}")
    return int(asked)


def within(page: int, pages: int) -> None:
    if page > pages:
        raise NotFound(f"no page {page} of {pages}")


def moment(value: datetime | None, lang: str) -> str:
    """A stored moment in Polish time: "8 grudnia 2026, 01:05"."""
    if value is None:
        return ""
    local = aware(value).astimezone(LOCAL_ZONE)
    return f"{format_date(local, lang)}, {local:%H:%M}"


def duration(run: CrawlRun, t: Translator) -> str:
    """How long a finished run took: "42 s", "3 min 5 s", "2 h 10 min"; "" while running."""
    if run.finished_at is None:
        return ""
    seconds = max(0, round((aware(run.finished_at) - aware(run.started_at)).total_seconds()))
    if seconds < 60:
        return t("sources.duration.seconds", s=seconds)
    if seconds < 3600:
        return t("sources.duration.minutes", m=seconds // 60, s=seconds % 60)
    return t("sources.duration.hours", h=seconds // 3600, m=seconds % 3600 // 60)


def percent(share: float | None) -> str:
    return "" if share is None else f"{round(share * 100)}%"


@dataclass(frozen=True)
class Payload:
    text: str  # pretty-printed JSON (escaped by the template like any text)
    lines: int
    folded: bool


def payload_view(payload: Any) -> Payload:
    text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True, default=str)
    lines = text.count("\n") + 1
    return Payload(text, lines, lines > FOLD_LINES or len(text) > FOLD_CHARS)


def page_helpers(request: Request) -> dict[str, Any]:
    lang = negotiate_language(request)
    t = Translator(lang)
    return {
        "moment": lambda value: moment(value, lang),
        "duration": lambda run: duration(run, t),
        "percent": percent,
        "payload_view": payload_view,
        # the counts of a run, in the order every table of runs gives them
        "count_heads": [t(f"sources.col.{name}") for name in COUNTS],
        "counts_of": lambda run: [getattr(run, name) for name in COUNTS],
    }


def runs_page(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    watched: WatchedSource,
    *,
    base: str,
    back: tuple[str, str],
) -> Response:
    """A source's runs, paged: `base` is this page, each run at `base`'s `przebiegi/<id>`
    (the coordinator's) or `base/<id>` (the panel's: `base` ends in `przebiegi`)."""
    assert watched.source is not None and watched.source.id is not None
    page = page_asked(request)
    runs, pages = source_runs(db, watched.source.id, page)
    within(page, pages)
    context = {
        "watched": watched,
        "runs": runs,
        "page": page,
        "pages": pages,
        "base": base,
        "run_base": base if base.endswith("/przebiegi") else f"{base}/przebiegi",
        "back": back,
        **page_helpers(request),
    }
    return templates.TemplateResponse(request, "sources/runs.html", context)


def run_page(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    watched: WatchedSource,
    run: CrawlRun,
    *,
    base: str,
) -> Response:
    """A run: its counts, errors, notes and its rejected items, paged; `base` is its source's
    page of runs (the way back)."""
    assert run.id is not None
    page = page_asked(request)
    rejections, pages, count = run_rejections(db, run.id, page)
    within(page, pages)
    context = {
        "watched": watched,
        "run": run,
        "rejections": rejections,
        "count": count,
        "page": page,
        "pages": pages,
        "base": base,
        "first_number": (page - 1) * REJECTIONS_PER_PAGE + 1,
        **page_helpers(request),
    }
    return templates.TemplateResponse(request, "sources/run.html", context)


@router.get(PATH, response_class=HTMLResponse)
def sources_page(
    request: Request,
    account: CoordinatorDep,
    db: SessionDep,
    engine: EngineDep,
    templates: TemplatesDep,
) -> Response:
    listed = watched_sources(db, registry_of(engine))
    context = {
        "sources": listed,
        "alarmed": sum(1 for watched in listed if watched.alarmed),
        **page_helpers(request),
    }
    return templates.TemplateResponse(request, "sources/list.html", context)


def _watched(db: Session, engine: Any, source_id: int) -> WatchedSource:
    watched = watched_source(db, registry_of(engine), source_id)
    if watched is None:
        raise NotFound()
    return watched


@router.get(f"{PATH}/{{source_id:int}}", response_class=HTMLResponse)
def source_page(
    request: Request,
    source_id: int,
    account: CoordinatorDep,
    db: SessionDep,
    engine: EngineDep,
    templates: TemplatesDep,
) -> Response:
    watched = _watched(db, engine, source_id)
    return runs_page(
        request, templates, db, watched, base=f"{PATH}/{source_id}",
        back=(PATH, "sources.back"),
    )  # fmt: skip


@router.get(f"{PATH}/{{source_id:int}}/przebiegi/{{run_id:int}}", response_class=HTMLResponse)
def crawl_run_page(
    request: Request,
    source_id: int,
    run_id: int,
    account: CoordinatorDep,
    db: SessionDep,
    engine: EngineDep,
    templates: TemplatesDep,
) -> Response:
    watched = _watched(db, engine, source_id)
    assert watched.source is not None
    run = run_of(db, watched.source, run_id)
    if run is None:
        raise NotFound()
    return run_page(request, templates, db, watched, run, base=f"{PATH}/{source_id}")
