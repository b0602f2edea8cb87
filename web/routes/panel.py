"""The institution's panel (`/panel`): its offers by state, the crawled offers linked to it, and
the offer form (`/panel/oferty/nowa`, `/panel/oferty/{id}`) with its check step.

The form has every field of docs/feeds.md and a fixed number of edition rows; "add another
edition" re-renders it with one more row (no JavaScript). "Check" shows the problems and how the
catalogue will file the offer ("ISCED 0715 …, PRK 4, powiat żarski"); only a checked form can be
saved (as a draft) or published, and a form changed since its check is checked again. The
writing is `operations.institution_offers`'. The institution is always the signed-in member's;
another institution's offer answers 404.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Account, Approval
from catalogue.feeds.columns import COLUMNS
from catalogue.models import Institution, Offer, OfferStatus
from catalogue.offer_fields import (
    EditionFields,
    OfferFields,
    Problem,
    Reading,
    check_offer,
    of_severity,
    reading_of,
)
from operations.institution_offers import (
    Actor,
    StateChangeRefused,
    external_id_problems,
    fields_of,
    history,
    linked_offers,
    lock_institution,
    offer_by_external_id,
    own_offers,
    owned_offer,
    panel_source_name,
    pending_edit,
    people_of,
    save_offer,
    set_state,
)
from web.auth import CsrfDep, MemberDep
from web.errors import NotFound
from web.services import SessionDep, TemplatesDep

router = APIRouter()

# The form's fields are the columns of docs/feeds.md (`catalogue.feeds.columns`), plus the
# ISCED-F code an institution may give to correct the reading.
OFFER_COLUMNS: dict[str, str] = {
    c.name: c.target for c in COLUMNS if c.level in ("offer", "both") and c.name != "status"
} | {"isced": "isced"}
EDITION_COLUMNS: dict[str, str] = {
    c.name: c.target for c in COLUMNS if c.level in ("edition", "both")
}
KIND_WORDS = ("kurs", "szkolenie", "KKZ", "warsztaty", "e-learning", "studia podyplomowe",
              "studia I stopnia", "studia II stopnia", "walidacja")  # fmt: skip
FORM_WORDS = ("stacjonarna", "online", "hybrydowa")
EDITION_ROWS = 3  # empty edition rows a new form shows
MAX_EDITION_ROWS = 50
MAX_VALUE = 10_000  # characters of one field
STATES = (OfferStatus.draft, OfferStatus.review, OfferStatus.active, OfferStatus.archived)
DONE = ("draft", "review", "active", "unchanged", "archived", "restored")


def _institution(db: Session, account: Account) -> Institution:
    institution = db.get(Institution, account.institution_id)
    if institution is None:  # MemberDep requires one; deleted meanwhile
        raise NotFound()
    return institution


def _own(db: Session, account: Account, offer_id: int) -> tuple[Institution, Offer]:
    institution = _institution(db, account)
    offer = owned_offer(db, institution, offer_id)
    if offer is None:
        raise NotFound()
    return institution, offer


async def _form(request: Request) -> FormData:
    return await request.form()  # read once by CsrfDep already; Starlette keeps it


FormDep = Annotated[FormData, Depends(_form)]


@router.get("/panel", name="panel", response_class=HTMLResponse)
def panel_page(
    request: Request, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    institution = _institution(db, account)
    offers = own_offers(db, institution)
    context = {
        "institution": institution,
        "approved": institution.approval == Approval.approved,
        "by_state": [(s.value, [o for o in offers if o.status == s]) for s in STATES],
        "linked": linked_offers(db, institution),
        "held": {o.id for o in offers if pending_edit(o) is not None},
        "done": _done_key(request),
    }
    return templates.TemplateResponse(request, "panel/index.html", context)


def _done_key(request: Request) -> str | None:
    done = request.query_params.get("zrobiono", "")
    return f"panel.done.{done}" if done in DONE else None


# --- the form ---------------------------------------------------------------------------


@dataclass
class FormState:
    """What the form page shows: the values as typed, the problems by field, the reading."""

    external_id: str = ""
    values: dict[str, str] = field(default_factory=dict)
    editions: list[dict[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reading: Reading | None = None
    checked: str = ""  # the digest of the fields the institution confirmed by checking
    notice: str | None = None

    def offer_problems(self, column: str) -> list[Problem]:
        return [p for p in self.problems if p.edition is None and p.column == column]

    def edition_problems(self, index: int, column: str) -> list[Problem]:
        return [p for p in self.problems if p.edition == index and p.column == column]

    @property
    def errors(self) -> list[Problem]:
        return of_severity(self.problems, "error")

    @property
    def warnings(self) -> list[Problem]:
        return of_severity(self.problems, "warning")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value)[:MAX_VALUE]


def form_of(fields: OfferFields, external_id: str, rows: int) -> FormState:
    values = {name: _text(getattr(fields, target)) for name, target in OFFER_COLUMNS.items()}
    editions = [
        {name: _text(getattr(edition, target)) for name, target in EDITION_COLUMNS.items()}
        for edition in fields.editions
        if not edition.is_empty()
    ]
    editions += [dict.fromkeys(EDITION_COLUMNS, "")] * max(rows - len(editions), 0)
    return FormState(external_id=external_id, values=values, editions=editions)


def fields_from(form: FormData) -> tuple[OfferFields, int]:
    """The offer's fields from the posted form (empty edition rows left out), and how many
    edition rows the form had."""

    def value(name: str) -> str | None:
        raw = form.get(name)
        text = raw.strip()[:MAX_VALUE] if isinstance(raw, str) else ""
        return text or None

    try:
        rows = min(max(int(str(form.get("editions") or EDITION_ROWS)), 1), MAX_EDITION_ROWS)
    except ValueError:
        rows = EDITION_ROWS
    editions = []
    for index in range(rows):
        edition = EditionFields(
            **{target: value(f"e{index}-{name}") for name, target in EDITION_COLUMNS.items()}
        )
        if not edition.is_empty():
            editions.append(edition)
    fields = OfferFields(editions=editions)
    for name, target in OFFER_COLUMNS.items():
        setattr(fields, target, value(name))
    return fields, rows


def _digest(fields: OfferFields, external_id: str) -> str:
    payload = json.dumps([external_id, fields.to_json()], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _render(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    institution: Institution,
    state: FormState,
    offer: Offer | None = None,
    status_code: int = 200,
) -> Response:
    changes = history(db, offer.id) if offer and offer.id else []
    context: dict[str, Any] = {
        "institution": institution,
        "approved": institution.approval == Approval.approved,
        "offer": offer,
        "form": state,
        "offer_columns": OFFER_COLUMNS,
        "kind_words": KIND_WORDS,
        "form_words": FORM_WORDS,
        "action": f"/panel/oferty/{offer.id}" if offer else "/panel/oferty/nowa",
        "history": changes,
        "people": people_of(db, changes),
        "review_reasons": (offer.extras or {}).get("panel_review", []) if offer else [],
        "held": offer is not None and pending_edit(offer) is not None,
        "done": _done_key(request),
    }
    return templates.TemplateResponse(request, "panel/offer.html", context, status_code=status_code)


@router.get("/panel/oferty/nowa", response_class=HTMLResponse)
def new_offer_page(
    request: Request, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    institution = _institution(db, account)
    state = form_of(OfferFields(), "", EDITION_ROWS)
    return _render(request, templates, db, institution, state)


@router.post("/panel/oferty/nowa", dependencies=[CsrfDep], response_class=HTMLResponse)
def new_offer(
    request: Request, account: MemberDep, db: SessionDep, templates: TemplatesDep, form: FormDep
) -> Response:
    institution = _institution(db, account)
    external_id = " ".join(str(form.get("id_oferty") or "").split())[:MAX_VALUE]
    taken = bool(external_id) and offer_by_external_id(db, institution, external_id) is not None
    return _handle(request, templates, db, account, institution, form, external_id, None, taken)


@router.get("/panel/oferty/{offer_id:int}", response_class=HTMLResponse)
def offer_page(
    request: Request, offer_id: int, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    institution, offer = _own(db, account, offer_id)
    fields = fields_of(offer)
    state = form_of(fields, offer.external_id, max(len(fields.editions) + 1, EDITION_ROWS))
    checked = check_offer(fields)  # how the stored offer reads now
    state.reading = reading_of(checked.normalised) if checked.normalised else None
    return _render(request, templates, db, institution, state, offer)


@router.post("/panel/oferty/{offer_id:int}", dependencies=[CsrfDep], response_class=HTMLResponse)
def edit_offer(
    request: Request,
    offer_id: int,
    account: MemberDep,
    db: SessionDep,
    templates: TemplatesDep,
    form: FormDep,
) -> Response:
    institution, offer = _own(db, account, offer_id)
    return _handle(
        request, templates, db, account, institution, form, offer.external_id, offer, False
    )


_ID_TAKEN = Problem(
    "duplicate_id", "id_oferty", "Masz już ofertę o tym identyfikatorze.",
    "You already have an offer with this id.",
)  # fmt: skip


def _handle(
    request: Request,
    templates: TemplatesDep,
    db: Session,
    account: Account,
    institution: Institution,
    form: FormData,
    external_id: str,
    offer: Offer | None,
    id_taken: bool,
) -> Response:
    """One press of a form button: add a row, check, or save (draft / publish)."""
    fields, rows = fields_from(form)
    action = str(form.get("action") or "check")
    if action == "more":
        state = form_of(
            fields, external_id, min(max(rows, len(fields.editions)) + 1, MAX_EDITION_ROWS)
        )
        state.checked = str(form.get("checked") or "")
        return _render(request, templates, db, institution, state, offer)
    state = form_of(fields, external_id, max(rows, len(fields.editions)))
    assert institution.id is not None
    checked = check_offer(
        fields, source=panel_source_name(institution.id), external_id=external_id or "-"
    )
    state.problems = list(checked.problems)
    state.problems += external_id_problems(external_id)
    if id_taken:
        state.problems.append(_ID_TAKEN)
    state.reading = reading_of(checked.normalised) if checked.normalised else None
    digest = _digest(fields, external_id)
    if state.errors:
        return _render(request, templates, db, institution, state, offer, 422)
    state.checked = digest
    if action not in ("draft", "submit"):
        return _render(request, templates, db, institution, state, offer)
    if form.get("checked") != digest:
        state.notice = "offer_form.recheck"
        return _render(request, templates, db, institution, state, offer)
    lock_institution(db, institution.id)  # another tab or an upload may be writing
    if offer is None and offer_by_external_id(db, institution, external_id) is not None:
        state.problems.append(_ID_TAKEN)  # created meanwhile, in another tab
        return _render(request, templates, db, institution, state, offer, 422)
    saved = save_offer(
        db, institution, actor=Actor(account.id, None, "form"), external_id=external_id,
        fields=fields, submit=action == "submit",
    )  # fmt: skip
    if saved.errors or saved.offer_id is None:
        state.problems = saved.problems
        return _render(request, templates, db, institution, state, offer, 422)
    done = saved.state.value if saved.changed and saved.state else "unchanged"
    return RedirectResponse(f"/panel/oferty/{saved.offer_id}?zrobiono={done}", status_code=303)


@router.post("/panel/oferty/{offer_id:int}/archiwizuj", dependencies=[CsrfDep])
def archive_offer(offer_id: int, account: MemberDep, db: SessionDep) -> Response:
    return _change(db, account, offer_id, "archive", "archived")


@router.post("/panel/oferty/{offer_id:int}/przywroc", dependencies=[CsrfDep])
def restore_offer(offer_id: int, account: MemberDep, db: SessionDep) -> Response:
    return _change(db, account, offer_id, "restore", "restored")


def _change(db: Session, account: Account, offer_id: int, action: Any, done: str) -> Response:
    _, offer = _own(db, account, offer_id)
    try:
        set_state(db, offer, Actor(account.id, None, "form"), action)
    except StateChangeRefused:
        done = "unchanged"
    return RedirectResponse(f"/panel/oferty/{offer_id}?zrobiono={done}", status_code=303)
