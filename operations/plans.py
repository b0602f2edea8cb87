""" "Mój plan": a resident's list of offers, kept without an account.

    key = add(db, None, offer_id)                      # the first add makes the plan: its key
    add(db, key, offer_id, edition_id=7)               # or choose one edition of an offer
    move(db, key, item_id, "up"); set_note(db, key, item_id, "zapytać o dofinansowanie")
    view = read_plan(db, find_plan(db, key), today)    # items in order, totals, warnings
    shared = find_shared(db, share_key_for(key))       # the same plan, read only

The owner's key is 32 random bytes (the browser keeps it in a cookie); the share key is an
HMAC of the owner's key, so the owner's page can show the share link again while the database
holds only the SHA-256 of each (`catalogue.plans`): a copy of the table opens no plan, and the
share key does not lead back to the owner's. A plan unused for `PLAN_EXPIRY_DAYS` is deleted by
the daily housekeeping (`delete_expired`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, Protocol

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from catalogue.models import Edition, Offer, OfferStatus, utcnow
from catalogue.plans import NOTE_MAX, PLAN_EXPIRY_DAYS, Plan, PlanItem

PLAN_EXPIRY = timedelta(days=PLAN_EXPIRY_DAYS)
MAX_ITEMS = 50  # a plan is a shortlist; the bound keeps a page and its .ics small
ENROLMENT_SOON_DAYS = 7  # an enrolment ending this many days from today or sooner is warned of
TOUCH_EVERY = timedelta(hours=1)  # how often a plan's last use is written
KEY_MAX = 100  # a longer cookie or link is not ours: refused before hashing
_SHARE_LABEL = b"lll-plan-share-v1"
# What a plan may still link to: an offer in these states has a public page (`web.offers`).
PUBLIC_STATES = (OfferStatus.active, OfferStatus.withdrawn, OfferStatus.archived)


class PlanError(ValueError):
    """A change the plan refuses; `code` is worded by the web ("plan.error.<code>")."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


# --- keys -------------------------------------------------------------------------------------


def new_key() -> str:
    return secrets.token_urlsafe(32)


def share_key_for(key: str) -> str:
    """The read-only key of the plan whose owner's key is `key` (derived, never stored)."""
    digest = hmac.new(key.encode(), _SHARE_LABEL, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _touch(db: Session, plan: Plan, now: datetime) -> None:
    if now - plan.used_at >= TOUCH_EVERY:
        plan.used_at = now
        db.add(plan)
        db.commit()
        db.refresh(plan)


def find_plan(db: Session, key: str | None) -> Plan | None:
    """The plan whose owner's key is `key` (its last use noted), or None."""
    if not key or len(key) > KEY_MAX:
        return None
    plan = db.exec(select(Plan).where(Plan.key_hash == _digest(key))).first()
    if plan is not None:
        _touch(db, plan, utcnow())
    return plan


def find_shared(db: Session, share_key: str | None) -> Plan | None:
    """The plan whose share key is `share_key`, or None; opening it is a use too."""
    if not share_key or len(share_key) > KEY_MAX:
        return None
    plan = db.exec(select(Plan).where(Plan.share_hash == _digest(share_key))).first()
    if plan is not None:
        _touch(db, plan, utcnow())
    return plan


def expires_at(plan: Plan) -> datetime:
    return plan.used_at + PLAN_EXPIRY


def delete_expired(db: Session, now: datetime) -> int:
    """Delete the plans unused for `PLAN_EXPIRY_DAYS` (with their items); how many."""
    cutoff = now - PLAN_EXPIRY
    old = select(Plan.id).where(col(Plan.used_at) < cutoff)
    db.execute(delete(PlanItem).where(col(PlanItem.plan_id).in_(old)))
    deleted = db.execute(delete(Plan).where(col(Plan.used_at) < cutoff))
    db.commit()
    return int(getattr(deleted, "rowcount", 0) or 0)


# --- changes ----------------------------------------------------------------------------------


def _items(db: Session, plan: Plan) -> list[PlanItem]:
    return list(
        db.exec(
            select(PlanItem)
            .where(PlanItem.plan_id == plan.id)
            .order_by(col(PlanItem.position), col(PlanItem.id))
        )
    )


def add(
    db: Session, key: str | None, offer_id: int, edition_id: int | None = None
) -> tuple[str, Literal["added", "edition", "already"]]:
    """Add a published offer, or choose one edition of it, to the plan of `key`; a plan is
    made on the first add (`key` None or unknown). An offer is in a plan once: adding one of
    its editions chooses that edition. Returns the key (new when the plan is) and what
    happened; raises PlanError("unknown_offer" | "unknown_edition" | "full")."""
    offer = db.get(Offer, offer_id) if 1 <= offer_id <= 2**31 - 1 else None
    if offer is None or offer.status != OfferStatus.active:
        raise PlanError("unknown_offer")
    edition = None
    if edition_id is not None:
        edition = db.get(Edition, edition_id) if 1 <= edition_id <= 2**31 - 1 else None
        if edition is None or edition.offer_id != offer.id:
            raise PlanError("unknown_edition")
    plan = find_plan(db, key)
    if plan is None:
        key = new_key()
        plan = Plan(key_hash=_digest(key), share_hash=_digest(share_key_for(key)))
        db.add(plan)
        db.flush()
    assert key is not None and plan.id is not None
    items = _items(db, plan)
    existing = next((item for item in items if item.offer_id == offer.id), None)
    if existing is not None:
        if edition is None or existing.edition_id == edition.id:
            db.commit()
            return key, "already"
        existing.edition_id, existing.edition_start = edition.id, edition.start_date
        db.add(existing)
        db.commit()
        return key, "edition"
    if len(items) >= MAX_ITEMS:
        raise PlanError("full")
    position = max((item.position for item in items), default=0) + 1
    db.add(
        PlanItem(
            plan_id=plan.id,
            offer_id=offer_id,
            edition_id=edition.id if edition else None,
            edition_start=edition.start_date if edition else None,
            position=position,
        )
    )
    db.commit()
    return key, "added"


def _item(db: Session, plan: Plan, item_id: int) -> PlanItem:
    item = db.get(PlanItem, item_id) if 1 <= item_id <= 2**31 - 1 else None
    if item is None or item.plan_id != plan.id:
        raise PlanError("unknown_item")
    return item


def _owned(db: Session, key: str | None) -> Plan:
    plan = find_plan(db, key)
    if plan is None:
        raise PlanError("no_plan")
    return plan


def remove(db: Session, key: str | None, item_id: int) -> None:
    plan = _owned(db, key)
    db.delete(_item(db, plan, item_id))
    db.commit()


def move(db: Session, key: str | None, item_id: int, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down"); at an end, nothing."""
    if direction not in ("up", "down"):
        raise PlanError("unknown_direction")
    plan = _owned(db, key)
    item = _item(db, plan, item_id)
    items = _items(db, plan)
    at = next(i for i, other in enumerate(items) if other.id == item.id)
    to = at - 1 if direction == "up" else at + 1
    if 0 <= to < len(items):
        items[at], items[to] = items[to], items[at]
        for position, each in enumerate(items, start=1):  # also mends equal positions
            if each.position != position:
                each.position = position
                db.add(each)
    db.commit()


def set_note(db: Session, key: str | None, item_id: int, note: str) -> None:
    note = note.strip().replace("\r\n", "\n")
    if len(note) > NOTE_MAX:
        raise PlanError("note_long")
    plan = _owned(db, key)
    item = _item(db, plan, item_id)
    item.note = note
    db.add(item)
    db.commit()


def clear_edition(db: Session, key: str | None, item_id: int) -> None:
    """Keep the offer, forget the chosen edition."""
    plan = _owned(db, key)
    item = _item(db, plan, item_id)
    item.edition_id, item.edition_start = None, None
    db.add(item)
    db.commit()


def count_items(db: Session, key: str | None) -> int:
    plan = find_plan(db, key)
    if plan is None:
        return 0
    return int(db.exec(select(func.count()).where(PlanItem.plan_id == plan.id)).one())


# --- reading ----------------------------------------------------------------------------------

CostBasis = Literal["chosen", "only", "cheapest", "unknown"]


@dataclass
class ItemView:
    id: int
    offer: Offer
    public: bool  # the offer has a public page (its title and link may be shown)
    edition: Edition | None  # the chosen edition, if any (and still listed)
    edition_gone: bool  # an edition was chosen, and the source no longer lists it
    note: str
    cost_grosze: int | None  # None: unknown
    cost_basis: CostBasis
    hours: float | None


@dataclass(frozen=True)
class Warning:
    code: str  # "overlap", "enrolment_soon", "enrolment_past", "unpublished", "edition_gone"
    items: tuple[int, ...]  # the items concerned (their ids)
    day: date | None = None  # the enrolment deadline


@dataclass
class PlanView:
    items: list[ItemView]
    cost_grosze: int  # the sum of the known costs
    cost_unknown: int  # items whose cost is not known
    hours: float  # the sum of the known hours
    hours_unknown: int
    warnings: list[Warning] = field(default_factory=list)
    expires_at: datetime | None = None

    def warnings_of(self, item_id: int) -> list[Warning]:
        return [w for w in self.warnings if item_id in w.items]


def _cost(edition: Edition | None, editions: list[Edition]) -> tuple[int | None, CostBasis]:
    if edition is not None:
        return edition.price_grosze, "chosen" if edition.price_grosze is not None else "unknown"
    prices = [e.price_grosze for e in editions if e.price_grosze is not None]
    if not prices:
        return None, "unknown"
    return min(prices), "only" if len(editions) == 1 else "cheapest"


def _span(edition: Edition) -> tuple[date, date] | None:
    if edition.start_date is None:
        return None
    return edition.start_date, max(edition.end_date or edition.start_date, edition.start_date)


class ChosenItem(Protocol):
    """An item of a list of offers: a plan's (`PlanItem`) or an adviser's shortlist's."""

    id: int | None
    offer_id: int
    edition_id: int | None
    edition_start: date | None
    note: str


def read_plan(db: Session, plan: Plan, today: date) -> PlanView:
    """The plan's items in order, with each one's cost and hours, the totals and warnings."""
    view = read_items(db, _items(db, plan), today)
    view.expires_at = expires_at(plan)
    return view


def read_items(db: Session, chosen: Sequence[ChosenItem], today: date) -> PlanView:
    """Items (in their order) with each one's cost and hours, the totals and warnings."""
    items: list[ItemView] = []
    for item in chosen:
        offer = db.get(Offer, item.offer_id)
        assert offer is not None and item.id is not None
        editions = list(offer.editions)
        edition = next((e for e in editions if e.id == item.edition_id), None)
        if edition is None and item.edition_start is not None:
            # The crawl replaced the offer's editions: the one starting that day is its successor.
            edition = next((e for e in editions if e.start_date == item.edition_start), None)
        cost, basis = _cost(edition, editions)
        items.append(
            ItemView(
                id=item.id,
                offer=offer,
                public=offer.status in PUBLIC_STATES,
                edition=edition,
                edition_gone=edition is None and item.edition_start is not None,
                note=item.note,
                cost_grosze=cost,
                cost_basis=basis,
                hours=offer.duration_hours,
            )
        )
    view = PlanView(
        items=items,
        cost_grosze=sum(i.cost_grosze for i in items if i.cost_grosze is not None),
        cost_unknown=sum(1 for i in items if i.cost_grosze is None),
        hours=sum(i.hours for i in items if i.hours is not None),
        hours_unknown=sum(1 for i in items if i.hours is None),
        warnings=_warnings(items, today),
    )
    return view


def _warnings(items: list[ItemView], today: date) -> list[Warning]:
    warnings: list[Warning] = []
    for item in items:
        if item.offer.status != OfferStatus.active:
            warnings.append(Warning("unpublished", (item.id,)))
        if item.edition_gone:
            warnings.append(Warning("edition_gone", (item.id,)))
        # The chosen edition, or the offer's only one: whose enrolment the person depends on.
        edition = item.edition or (
            item.offer.editions[0] if len(item.offer.editions) == 1 else None
        )
        deadline = edition.enrolment_end if edition else None
        if deadline is not None:
            if deadline < today:
                warnings.append(Warning("enrolment_past", (item.id,), deadline))
            elif deadline <= today + timedelta(days=ENROLMENT_SOON_DAYS):
                warnings.append(Warning("enrolment_soon", (item.id,), deadline))
    chosen = [(item, _span(item.edition)) for item in items if item.edition is not None]
    dated = [(item, span) for item, span in chosen if span is not None]
    for at, (first, (start, end)) in enumerate(dated):
        for second, (other_start, other_end) in dated[at + 1 :]:
            if start <= other_end and other_start <= end:
                warnings.append(Warning("overlap", (first.id, second.id)))
    return warnings
