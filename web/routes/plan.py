""" "Mój plan" without an account: GET /plan (the owner's page), POST /plan/dodaj (from a result
card or an offer page), POST /plan/pozycje/{id} (move, remove, note, forget the edition),
GET /plan/{share key} (read only), GET /plan.ics and /plan/{share key}.ics (the chosen
editions as iCalendar), GET /plan.pdf and /plan/{share key}.pdf (the plan as a PDF).

The owner's key lives in the `lll_plan` cookie (HttpOnly, SameSite=Lax, Secure behind TLS, as
long as a plan lives unused: `catalogue.plans.PLAN_EXPIRY_DAYS`); the plan is made on the first
add (`operations.plans`). Every page works without JavaScript; printing uses the page's print
layout (style.css, @media print), the PDF is made on the server (`web.plan_pdf`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse
from icalendar import Calendar, Event
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from catalogue.plans import NOTE_MAX, PLAN_EXPIRY_DAYS, Plan
from operations import plans
from operations.plans import PlanError, PlanView
from web.auth import CsrfDep, safe_next
from web.errors import InvalidInput, NotFound
from web.i18n import Translator, negotiate_language
from web.plan_pdf import plan_pdf
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)

PLAN_COOKIE = "lll_plan"
COOKIE_AGE = int(timedelta(days=PLAN_EXPIRY_DAYS).total_seconds())
NOT_INDEXED = {"X-Robots-Tag": "noindex, nofollow", "Cache-Control": "private, no-store"}
ACTIONS = ("up", "down", "remove", "note", "clear_edition")
FLASHES = ("added", "edition", "already", "removed", "moved", "noted", "cleared")

Id = Annotated[int, Form(ge=1, le=2**31 - 1)]


def _key(request: Request) -> str | None:
    return request.cookies.get(PLAN_COOKIE)


def _keep_cookie(request: Request, response: Response, key: str) -> None:
    """(Re)set the owner's cookie: it lives as long as the plan would unused."""
    response.set_cookie(
        PLAN_COOKIE,
        key,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def _today() -> date:
    return date.today()


def _share_url(request: Request, key: str) -> str:
    """The share link's path (the page shows it whole, on the site's public address)."""
    return f"/plan/{plans.share_key_for(key)}"


def _page(
    request: Request,
    templates: TemplatesDep,
    view: PlanView | None,
    *,
    owner: bool,
    share_url: str | None = None,
    ics_url: str,
    pdf_url: str = "",
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    flash = request.query_params.get("zrobiono")
    back = request.query_params.get("wroc")
    context = {
        "view": view,
        "owner": owner,
        "share_url": share_url,
        "ics_url": ics_url,
        "pdf_url": pdf_url or ics_url.removesuffix(".ics") + ".pdf",
        "flash": flash if flash in FLASHES else None,
        "back": safe_next(back) if back else None,
        "error": error,
        "note_max": NOTE_MAX,
        "expiry_days": PLAN_EXPIRY_DAYS,
    }
    response = templates.TemplateResponse(
        request, "plan/page.html", context, status_code=status_code
    )
    response.headers.update(NOT_INDEXED)
    return response


@router.get("/plan", name="plan_page", response_class=HTMLResponse)
def plan_page(request: Request, db: SessionDep, templates: TemplatesDep) -> Response:
    key = _key(request)
    plan = plans.find_plan(db, key)
    if plan is None or key is None:
        return _page(request, templates, None, owner=True, ics_url="/plan.ics")
    view = plans.read_plan(db, plan, _today())
    response = _page(
        request,
        templates,
        view,
        owner=True,
        share_url=_share_url(request, key),
        ics_url="/plan.ics",
    )
    _keep_cookie(request, response, key)
    return response


def _redirect(request: Request, flash: str, back: str | None = None) -> Response:
    params = {"zrobiono": flash}
    lang = request.query_params.get("lang")
    if lang:
        params["lang"] = lang
    if back:
        params["wroc"] = back
    return RedirectResponse(f"/plan?{urlencode(params)}", status_code=303)


def _refused(request: Request, db: Session, templates: TemplatesDep, code: str) -> Response:
    """The owner's page again, saying why the change was refused (422)."""
    key = _key(request)
    plan = plans.find_plan(db, key)
    view = plans.read_plan(db, plan, _today()) if plan else None
    share_url = _share_url(request, key) if plan and key else None
    return _page(
        request,
        templates,
        view,
        owner=True,
        share_url=share_url,
        ics_url="/plan.ics",
        error=code,
        status_code=422 if code not in ("unknown_item", "no_plan") else 404,
    )


@router.post("/plan/dodaj", dependencies=[CsrfDep], response_class=HTMLResponse)
def add_to_plan(
    request: Request,
    db: SessionDep,
    templates: TemplatesDep,
    offer: Id,
    edition: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        key, outcome = plans.add(db, _key(request), offer, edition)
    except PlanError as refused:
        return _refused(request, db, templates, refused.code)
    response = _redirect(request, outcome, safe_next(back) if back else None)
    _keep_cookie(request, response, key)
    return response


@router.post("/plan/pozycje/{item_id:int}", dependencies=[CsrfDep], response_class=HTMLResponse)
def change_item(
    request: Request,
    item_id: int,
    db: SessionDep,
    templates: TemplatesDep,
    action: Annotated[str, Form(max_length=20)],
    note: Annotated[str, Form(max_length=NOTE_MAX * 4)] = "",
) -> Response:
    key = _key(request)
    if action not in ACTIONS:
        raise InvalidInput([{"loc": ["body", "action"], "msg": "unknown action"}])
    try:
        if action in ("up", "down"):
            plans.move(db, key, item_id, action)
        elif action == "remove":
            plans.remove(db, key, item_id)
        elif action == "clear_edition":
            plans.clear_edition(db, key, item_id)
        else:
            plans.set_note(db, key, item_id, note)
    except PlanError as refused:
        return _refused(request, db, templates, refused.code)
    flash = {"up": "moved", "down": "moved", "remove": "removed", "note": "noted"}
    return _redirect(request, flash.get(action, "cleared"))


def _shared(db: Session, share_key: str) -> Plan:
    plan = plans.find_shared(db, share_key)
    if plan is None:
        raise NotFound("No plan has this link")
    return plan


@router.get("/plan/{share_key}.ics", name="plan_shared_ics")
def shared_ics(request: Request, share_key: str, db: SessionDep) -> Response:
    view = plans.read_plan(db, _shared(db, share_key), _today())
    return _ics(request, view)


@router.get("/plan.ics", name="plan_ics")
def plan_ics(request: Request, db: SessionDep) -> Response:
    plan = plans.find_plan(db, _key(request))
    if plan is None:
        raise NotFound("This browser has no plan")
    return _ics(request, plans.read_plan(db, plan, _today()))


@router.get("/plan/{share_key}.pdf", name="plan_shared_pdf")
def shared_pdf(request: Request, share_key: str, db: SessionDep) -> Response:
    view = plans.read_plan(db, _shared(db, share_key), _today())
    return _pdf(request, view, owner=False, share_path=f"/plan/{share_key}")


@router.get("/plan.pdf", name="plan_pdf")
def own_pdf(request: Request, db: SessionDep) -> Response:
    key = _key(request)
    plan = plans.find_plan(db, key)
    if plan is None or key is None:
        raise NotFound("This browser has no plan")
    view = plans.read_plan(db, plan, _today())
    return _pdf(request, view, owner=True, share_path=_share_url(request, key))


def _pdf(request: Request, view: PlanView, *, owner: bool, share_path: str) -> Response:
    t = Translator(negotiate_language(request))
    title = t("plan.title") if owner else t("plan.shared.title")
    address = str(request.base_url).rstrip("/") + share_path
    return Response(
        plan_pdf(view, t, title, address),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="moj-plan.pdf"', **NOT_INDEXED},
    )


@router.get("/plan/{share_key}", name="plan_shared", response_class=HTMLResponse)
def shared_page(
    request: Request, share_key: str, db: SessionDep, templates: TemplatesDep
) -> Response:
    view = plans.read_plan(db, _shared(db, share_key), _today())
    return _page(request, templates, view, owner=False, ics_url=f"/plan/{share_key}.ics")


def _ics(request: Request, view: PlanView) -> Response:
    """The chosen editions with a start date, as all-day events (the sources give days)."""
    t = Translator(negotiate_language(request))
    calendar = Calendar()
    calendar.add("prodid", "-//Katalog ofert edukacyjnych Lubuskie//Moj plan//PL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", t("plan.title"))
    base = str(request.base_url).rstrip("/")
    stamp = datetime.now().astimezone()
    for item in view.items:
        edition = item.edition
        if edition is None or edition.start_date is None:
            continue
        end = max(edition.end_date or edition.start_date, edition.start_date)
        event = Event()
        event.add("uid", f"edition-{edition.id}-item-{item.id}@lll")
        event.add("dtstamp", stamp)
        event.add("summary", item.offer.title)
        event.add("dtstart", edition.start_date)
        event.add("dtend", end + timedelta(days=1))  # DTEND of an all-day event is exclusive
        place = ", ".join(p for p in (edition.address, edition.town) if p)
        if place:
            event.add("location", place)
        lines = [item.offer.provider_name or ""]
        if edition.enrolment_end:
            lines.append(t("plan.ics.enrolment", date=edition.enrolment_end.isoformat()))
        if item.note:
            lines.append(item.note)
        event.add("description", "\n".join(line for line in lines if line))
        event.add("url", f"{base}/oferty/{item.offer.id}")
        calendar.add_component(event)
    return Response(
        calendar.to_ical(),
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="moj-plan.ics"',
            **NOT_INDEXED,
        },
    )
