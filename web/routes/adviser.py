"""A career adviser's client shortlists (signed-in advisers only, `AdviserDep`):

    GET  /doradca                                  the adviser's shortlists, and a new one
    POST /doradca/listy                            make one (a case number or pseudonym)
    GET  /doradca/listy/{id}                       its items, notes, outcomes; add by offer id
    POST /doradca/listy/{id}/usun                  delete it (with its items and outcomes)
    GET  /doradca/dodaj?oferta=…                   from an offer page: choose the shortlist
    POST /doradca/dodaj                            add an offer (or an edition) to a shortlist
    POST /doradca/pozycje/{id}                     move, remove, note, record the outcome
    POST /doradca/listy/{id}/udostepnij            a new read-only link (the old one stops)
    GET  /doradca/listy/{id}/skierowanie[?k=…]     the referral sheet to print, its QR code
    GET  /doradca/listy/{id}/skierowanie.pdf[?k=…] the same as a PDF (`web.plan_pdf`)
    GET  /skierowanie/{key}[.pdf]                  the read-only copy (anyone with the link)
    GET  /koordynator/wyniki-skierowan             the coordinator's outcome counts per offer

Another adviser's shortlist or item answers 404. The share key is shown only in the answer to
the adviser who made it (in the sheet's address and QR code); the database keeps its SHA-256.
The read-only copy leaves the client's label out. See
docs/decisions/0015-adviser-data-minimisation.md.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Annotated, Any
from urllib.parse import urlencode

import segno
from fastapi import APIRouter, Depends, Form, Query
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from catalogue.accounts import Account
from catalogue.models import Offer, OfferStatus
from catalogue.shortlists import LABEL_MAX, NOTE_MAX, SHARE_DAYS, Outcome, Shortlist
from operations import shortlists
from operations.shortlists import ShortlistError
from web.auth import AdviserDep, CoordinatorDep, CsrfDep
from web.errors import InvalidInput, NotFound, error_response
from web.i18n import Translator, negotiate_language
from web.plan_pdf import plan_pdf
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)

HOME = "/doradca"
NOT_INDEXED = {"X-Robots-Tag": "noindex, nofollow", "Cache-Control": "private, no-store"}
ACTIONS = ("up", "down", "remove", "note", "outcome")
FLASHES = ("created", "added", "edition", "already", "removed", "moved", "noted", "outcome")
Id = Annotated[int, Form(ge=1, le=2**31 - 1)]
OptionalId = Annotated[int | None, Form(ge=1, le=2**31 - 1)]


def _today() -> date:
    return date.today()


def _render(
    request: Request,
    templates: TemplatesDep,
    name: str,
    context: dict[str, Any],
    status_code: int = 200,
) -> Response:
    flash = request.query_params.get("zrobiono")
    context = {
        "flash": flash if flash in FLASHES else None,
        "label_max": LABEL_MAX,
        "note_max": NOTE_MAX,
        "share_days": SHARE_DAYS,
        "outcomes": [o.value for o in Outcome],
        **context,
    }
    response = templates.TemplateResponse(
        request, f"adviser/{name}.html", context, status_code=status_code
    )
    response.headers.update(NOT_INDEXED)
    return response


def _to(request: Request, path: str, flash: str | None = None) -> Response:
    params = {"zrobiono": flash} if flash else {}
    lang = request.query_params.get("lang")
    if lang:
        params["lang"] = lang
    return RedirectResponse(path + (f"?{urlencode(params)}" if params else ""), status_code=303)


def _shortlist(db: SessionDep, adviser: Account, shortlist_id: int) -> Shortlist:
    try:
        return shortlists.find(db, adviser, shortlist_id)
    except shortlists.NotFound:
        raise NotFound("No shortlist of yours has this number") from None


# --- the adviser's shortlists -----------------------------------------------------------------


def _home(
    request: Request,
    db: SessionDep,
    templates: TemplatesDep,
    adviser: Account,
    error: str | None = None,
    label: str = "",
) -> Response:
    context = {"lists": shortlists.shortlists_of(db, adviser), "error": error, "label": label}
    return _render(request, templates, "index", context, 422 if error else 200)


@router.get(HOME, response_class=HTMLResponse)
def adviser_home(
    request: Request, adviser: AdviserDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _home(request, db, templates, adviser)


@router.post(HOME + "/listy", dependencies=[CsrfDep], response_class=HTMLResponse)
def create_shortlist(
    request: Request,
    adviser: AdviserDep,
    db: SessionDep,
    templates: TemplatesDep,
    label: Annotated[str, Form(max_length=LABEL_MAX * 4)] = "",
) -> Response:
    try:
        shortlist = shortlists.create(db, adviser, label)
    except ShortlistError as refused:
        return _home(request, db, templates, adviser, refused.code, label)
    return _to(request, f"{HOME}/listy/{shortlist.id}", "created")


def _shortlist_page(
    request: Request,
    db: SessionDep,
    templates: TemplatesDep,
    shortlist: Shortlist,
    error: str | None = None,
) -> Response:
    context = {
        "shortlist": shortlist,
        "view": shortlists.read_shortlist(db, shortlist, _today()),
        "results": shortlists.outcomes_of(db, shortlist),
        "error": error,
    }
    return _render(request, templates, "shortlist", context, 422 if error else 200)


@router.get(HOME + "/listy/{shortlist_id:int}", response_class=HTMLResponse)
def shortlist_page(
    request: Request,
    shortlist_id: int,
    adviser: AdviserDep,
    db: SessionDep,
    templates: TemplatesDep,
) -> Response:
    return _shortlist_page(request, db, templates, _shortlist(db, adviser, shortlist_id))


@router.post(HOME + "/listy/{shortlist_id:int}/usun", dependencies=[CsrfDep])
def delete_shortlist(
    request: Request, shortlist_id: int, adviser: AdviserDep, db: SessionDep
) -> Response:
    try:
        shortlists.delete_shortlist(db, adviser, shortlist_id)
    except shortlists.NotFound:
        raise NotFound("No shortlist of yours has this number") from None
    return _to(request, HOME, "removed")


# --- adding and changing items ----------------------------------------------------------------


@router.get(HOME + "/dodaj", response_class=HTMLResponse)
def choose_shortlist(
    request: Request,
    adviser: AdviserDep,
    db: SessionDep,
    templates: TemplatesDep,
    oferta: Annotated[int, Query(ge=1, le=2**31 - 1)],
    termin: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> Response:
    offer = db.get(Offer, oferta)
    if offer is None or offer.status != OfferStatus.active:
        raise NotFound("No published offer has this number")
    context = {"offer": offer, "edition": termin, "lists": shortlists.shortlists_of(db, adviser)}
    return _render(request, templates, "choose", context)


@router.post(HOME + "/dodaj", dependencies=[CsrfDep], response_class=HTMLResponse)
def add_to_shortlist(
    request: Request,
    adviser: AdviserDep,
    db: SessionDep,
    templates: TemplatesDep,
    shortlist: Id,
    offer: Id,
    edition: OptionalId = None,
) -> Response:
    chosen = _shortlist(db, adviser, shortlist)
    try:
        happened = shortlists.add(db, adviser, shortlist, offer, edition)
    except ShortlistError as refused:
        return _shortlist_page(request, db, templates, chosen, refused.code)
    return _to(request, f"{HOME}/listy/{shortlist}", happened)


@router.post(HOME + "/pozycje/{item_id:int}", dependencies=[CsrfDep], response_class=HTMLResponse)
def change_item(
    request: Request,
    item_id: int,
    adviser: AdviserDep,
    db: SessionDep,
    templates: TemplatesDep,
    action: Annotated[str, Form(max_length=20)],
    note: Annotated[str, Form(max_length=NOTE_MAX * 4)] = "",
    outcome: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    if action not in ACTIONS:
        raise InvalidInput([{"loc": ["body", "action"], "msg": "unknown action"}])
    try:
        if action in ("up", "down"):
            shortlist_id = shortlists.move(db, adviser, item_id, action)
        elif action == "remove":
            shortlist_id = shortlists.remove(db, adviser, item_id)
        elif action == "note":
            shortlist_id = shortlists.set_note(db, adviser, item_id, note)
        else:
            shortlist_id = shortlists.record_outcome(db, adviser, item_id, outcome)
    except shortlists.NotFound:
        raise NotFound("No item of your shortlists has this number") from None
    except ShortlistError as refused:
        item = db.get(shortlists.ShortlistItem, item_id)
        assert item is not None
        chosen = _shortlist(db, adviser, item.shortlist_id)
        return _shortlist_page(request, db, templates, chosen, refused.code)
    flash = {"up": "moved", "down": "moved", "remove": "removed", "note": "noted"}
    return _to(request, f"{HOME}/listy/{shortlist_id}", flash.get(action, "outcome"))


# --- the referral sheet -----------------------------------------------------------------------


def qr_svg(address: str, title: str) -> Markup:
    """The QR code of `address` as inline SVG (no external resource), named for screen readers."""
    svg = segno.make(address, error="m").svg_inline(scale=3, title=title, svgclass="qr")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # segno's own SVG


def _sheet(
    request: Request,
    db: SessionDep,
    templates: TemplatesDep,
    shortlist: Shortlist,
    *,
    key: str | None,
    public: bool,
) -> Response:
    t = Translator(negotiate_language(request))
    address = str(request.base_url).rstrip("/") + f"/skierowanie/{key}" if key else None
    context = {
        "shortlist": shortlist,
        "view": shortlists.read_shortlist(db, shortlist, _today()),
        "public": public,
        "address": address,
        "qr": qr_svg(address, t("adviser.sheet.qr")) if address else None,
        "pdf_url": f"/skierowanie/{key}.pdf"
        if public
        else f"{HOME}/listy/{shortlist.id}/skierowanie.pdf",
        "pdf_key": None if public else key,
        "today": _today(),
    }
    return _render(request, templates, "sheet", context)


def _gone(request: Request) -> Response:
    """A referral link that is forged, replaced or expired: not found, and not to be indexed."""
    gone = error_response(request, NotFound("No referral has this link, or it has expired"))
    gone.headers.update(NOT_INDEXED)
    return gone


def _sheet_pdf(
    request: Request, db: SessionDep, shortlist: Shortlist, *, key: str | None, public: bool
) -> Response:
    """The referral sheet as a PDF (`web.plan_pdf`, with the QR code when there is a link)."""
    t = Translator(negotiate_language(request))
    title = t("adviser.sheet.title") + ("" if public else f" – {shortlist.label}")
    address = str(request.base_url).rstrip("/") + f"/skierowanie/{key}" if key else None
    qr = None
    if address:
        png = BytesIO()
        segno.make(address, error="m").save(png, kind="png", scale=4, border=2)
        qr = png.getvalue()
    return Response(
        plan_pdf(shortlists.read_shortlist(db, shortlist, _today()), t, title, address, qr),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="skierowanie.pdf"', **NOT_INDEXED},
    )


def _own_referral(
    shortlist_id: int,
    adviser: AdviserDep,
    db: SessionDep,
    k: Annotated[str, Query(max_length=200)] = "",
) -> tuple[Shortlist, str | None]:
    """The adviser's shortlist, and `k` if it is its live share key (then the sheet has the
    link and its QR code: the key is shown only to the adviser who just made it)."""
    shortlist = _shortlist(db, adviser, shortlist_id)
    return shortlist, k if shortlists.is_share_key(shortlist, k) else None


OwnReferral = Annotated[tuple[Shortlist, str | None], Depends(_own_referral)]


@router.get(HOME + "/listy/{shortlist_id:int}/skierowanie.pdf")
def referral_pdf(request: Request, db: SessionDep, own: OwnReferral) -> Response:
    shortlist, key = own
    return _sheet_pdf(request, db, shortlist, key=key, public=False)


@router.get("/skierowanie/{key}.pdf")
def shared_referral_pdf(request: Request, key: str, db: SessionDep) -> Response:
    shortlist = shortlists.find_shared(db, key)
    if shortlist is None:
        return _gone(request)
    return _sheet_pdf(request, db, shortlist, key=key, public=True)


@router.post(HOME + "/listy/{shortlist_id:int}/udostepnij", dependencies=[CsrfDep])
def share_shortlist(
    request: Request, shortlist_id: int, adviser: AdviserDep, db: SessionDep
) -> Response:
    try:
        key = shortlists.share(db, adviser, shortlist_id)
    except shortlists.NotFound:
        raise NotFound("No shortlist of yours has this number") from None
    params = {"k": key}
    lang = request.query_params.get("lang")
    if lang:
        params["lang"] = lang
    path = f"{HOME}/listy/{shortlist_id}/skierowanie?{urlencode(params)}"
    return RedirectResponse(path, status_code=303)


@router.get(HOME + "/listy/{shortlist_id:int}/skierowanie", response_class=HTMLResponse)
def referral_sheet(
    request: Request, db: SessionDep, templates: TemplatesDep, own: OwnReferral
) -> Response:
    shortlist, key = own
    return _sheet(request, db, templates, shortlist, key=key, public=False)


@router.get("/skierowanie/{key}", response_class=HTMLResponse)
def shared_referral(
    request: Request, key: str, db: SessionDep, templates: TemplatesDep
) -> Response:
    shortlist = shortlists.find_shared(db, key)
    if shortlist is None:
        return _gone(request)
    return _sheet(request, db, templates, shortlist, key=key, public=True)


# --- the coordinator's counts -----------------------------------------------------------------


@router.get("/koordynator/wyniki-skierowan", response_class=HTMLResponse)
def outcome_counts(
    request: Request, coordinator: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _render(request, templates, "outcomes", {"rows": shortlists.outcome_counts(db)})
