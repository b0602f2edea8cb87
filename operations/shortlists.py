"""A career adviser's client shortlists: offers for one client, a referral to hand over, and
what came of it.

    shortlist = create(db, adviser, "CAZ/2026/0153")          # a case number or a pseudonym
    add(db, adviser, shortlist.id, offer_id, edition_id=None); move(...); set_note(...)
    key = share(db, adviser, shortlist.id)                       # the referral's read-only link
    record_outcome(db, adviser, item_id, Outcome.enrolled)
    view = read_shortlist(db, adviser, shortlist.id, today)      # items, totals, warnings
    outcome_counts(db)                                           # the coordinator's, per offer

Only the adviser who made a shortlist reads or changes it: for anyone else it does not exist
(`NotFound`). Items are read as a plan's are (`operations.plans`: cost, hours, overlapping
editions, enrolment deadlines). The share key is 32 random bytes stored as its SHA-256; a new
one replaces the old, and it works for `SHARE_DAYS` days. The coordinator's counts name neither
a client nor an adviser. See docs/decisions/0015-adviser-data-minimisation.md.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from catalogue.accounts import Account, Role
from catalogue.models import Edition, Offer, OfferStatus, utcnow
from catalogue.shortlists import (
    NOTE_MAX,
    SHARE_DAYS,
    Outcome,
    ReferralOutcome,
    Shortlist,
    ShortlistItem,
    label_problem,
)
from operations import plans
from operations.plans import PlanError, PlanView

SHARE_LIFETIME = timedelta(days=SHARE_DAYS)
MAX_ITEMS = plans.MAX_ITEMS
KEY_MAX = plans.KEY_MAX


class ShortlistError(PlanError):
    """A change refused; `code` is worded by the web ("adviser.error.<code>")."""


class NotFound(LookupError):
    """No such shortlist or item of this adviser's (another's is not told apart)."""


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _valid_id(value: int) -> bool:
    return 1 <= value <= 2**31 - 1


# --- shortlists -------------------------------------------------------------------------------


def create(db: Session, adviser: Account, label: str) -> Shortlist:
    """A new shortlist for the client known by `label`; raises ShortlistError(<label problem>)."""
    assert adviser.role == Role.adviser and adviser.id is not None
    problem = label_problem(label)
    if problem is not None:
        raise ShortlistError(f"label_{problem}")
    shortlist = Shortlist(adviser_id=adviser.id, label=label.strip())
    db.add(shortlist)
    db.commit()
    db.refresh(shortlist)
    return shortlist


def shortlists_of(db: Session, adviser: Account) -> list[tuple[Shortlist, int]]:
    """The adviser's shortlists, newest first, each with its number of items."""
    count = select(func.count()).where(ShortlistItem.shortlist_id == Shortlist.id).scalar_subquery()
    query = select(Shortlist, count).where(Shortlist.adviser_id == adviser.id)
    rows = db.exec(query.order_by(col(Shortlist.created_at).desc(), col(Shortlist.id).desc()))
    return [(shortlist, int(n)) for shortlist, n in rows]


def find(db: Session, adviser: Account, shortlist_id: int) -> Shortlist:
    shortlist = db.get(Shortlist, shortlist_id) if _valid_id(shortlist_id) else None
    if shortlist is None or shortlist.adviser_id != adviser.id:
        raise NotFound(shortlist_id)
    return shortlist


def delete_shortlist(db: Session, adviser: Account, shortlist_id: int) -> None:
    shortlist = find(db, adviser, shortlist_id)
    items = select(ShortlistItem.id).where(ShortlistItem.shortlist_id == shortlist.id)
    db.execute(delete(ReferralOutcome).where(col(ReferralOutcome.item_id).in_(items)))
    db.execute(delete(ShortlistItem).where(col(ShortlistItem.shortlist_id) == shortlist.id))
    db.delete(shortlist)
    db.commit()


# --- items ------------------------------------------------------------------------------------


def _items(db: Session, shortlist: Shortlist) -> list[ShortlistItem]:
    query = select(ShortlistItem).where(ShortlistItem.shortlist_id == shortlist.id)
    return list(db.exec(query.order_by(col(ShortlistItem.position), col(ShortlistItem.id))))


def _item(db: Session, adviser: Account, item_id: int) -> ShortlistItem:
    item = db.get(ShortlistItem, item_id) if _valid_id(item_id) else None
    if item is None:
        raise NotFound(item_id)
    find(db, adviser, item.shortlist_id)
    return item


def add(
    db: Session, adviser: Account, shortlist_id: int, offer_id: int, edition_id: int | None = None
) -> str:
    """Add a published offer (or choose one edition of it); "added", "edition" or "already".
    Raises NotFound, or ShortlistError("unknown_offer" | "unknown_edition" | "full")."""
    shortlist = find(db, adviser, shortlist_id)
    offer = db.get(Offer, offer_id) if _valid_id(offer_id) else None
    if offer is None or offer.status != OfferStatus.active:
        raise ShortlistError("unknown_offer")
    edition = None
    if edition_id is not None:
        edition = db.get(Edition, edition_id) if _valid_id(edition_id) else None
        if edition is None or edition.offer_id != offer.id:
            raise ShortlistError("unknown_edition")
    items = _items(db, shortlist)
    existing = next((item for item in items if item.offer_id == offer.id), None)
    if existing is not None:
        if edition is None or existing.edition_id == edition.id:
            return "already"
        existing.edition_id, existing.edition_start = edition.id, edition.start_date
        db.add(existing)
        db.commit()
        return "edition"
    if len(items) >= MAX_ITEMS:
        raise ShortlistError("full")
    assert shortlist.id is not None
    item = ShortlistItem(shortlist_id=shortlist.id, offer_id=offer_id)
    item.position = max((each.position for each in items), default=0) + 1
    if edition is not None:
        item.edition_id, item.edition_start = edition.id, edition.start_date
    db.add(item)
    db.commit()
    return "added"


def _forget_outcome(db: Session, item: ShortlistItem) -> None:
    found = db.exec(select(ReferralOutcome).where(ReferralOutcome.item_id == item.id)).first()
    if found is not None:
        db.delete(found)
        db.flush()


def remove(db: Session, adviser: Account, item_id: int) -> int:
    """Remove an item (and its outcome); the id of its shortlist."""
    item = _item(db, adviser, item_id)
    _forget_outcome(db, item)
    db.delete(item)
    db.commit()
    return item.shortlist_id


def move(db: Session, adviser: Account, item_id: int, direction: str) -> int:
    """Swap the item with its neighbour ("up" / "down"); the id of its shortlist."""
    if direction not in ("up", "down"):
        raise ShortlistError("unknown_direction")
    item = _item(db, adviser, item_id)
    items = _items(db, find(db, adviser, item.shortlist_id))
    at = next(i for i, other in enumerate(items) if other.id == item.id)
    to = at - 1 if direction == "up" else at + 1
    if 0 <= to < len(items):
        items[at], items[to] = items[to], items[at]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            each.position = position
            db.add(each)
    db.commit()
    return item.shortlist_id


def set_note(db: Session, adviser: Account, item_id: int, note: str) -> int:
    note = note.strip().replace("\r\n", "\n")
    if len(note) > NOTE_MAX:
        raise ShortlistError("note_long")
    item = _item(db, adviser, item_id)
    item.note = note
    db.add(item)
    db.commit()
    return item.shortlist_id


def record_outcome(db: Session, adviser: Account, item_id: int, outcome: str) -> int:
    """Record what came of an item (`Outcome`), or forget it (""); the id of its shortlist."""
    if outcome and outcome not in Outcome.__members__:
        raise ShortlistError("unknown_outcome")
    item = _item(db, adviser, item_id)
    _forget_outcome(db, item)
    if outcome:
        assert item.id is not None
        db.add(ReferralOutcome(item_id=item.id, outcome=Outcome(outcome)))
    db.commit()
    return item.shortlist_id


def outcomes_of(db: Session, shortlist: Shortlist) -> dict[int, ReferralOutcome]:
    """Each item's outcome, by item id."""
    query = (
        select(ReferralOutcome)
        .join(ShortlistItem, col(ShortlistItem.id) == ReferralOutcome.item_id)
        .where(ShortlistItem.shortlist_id == shortlist.id)
    )
    return {outcome.item_id: outcome for outcome in db.exec(query)}


# --- the referral's read-only link ------------------------------------------------------------


def share(db: Session, adviser: Account, shortlist_id: int, now: datetime | None = None) -> str:
    """A new read-only key of the shortlist (the old one stops working), for `SHARE_DAYS`."""
    shortlist = find(db, adviser, shortlist_id)
    key = secrets.token_urlsafe(32)
    shortlist.share_hash = _digest(key)
    shortlist.share_expires_at = (now or utcnow()) + SHARE_LIFETIME
    db.add(shortlist)
    db.commit()
    return key


def is_share_key(shortlist: Shortlist, key: str | None, now: datetime | None = None) -> bool:
    """Whether `key` is the shortlist's live share key."""
    if not key or len(key) > KEY_MAX or shortlist.share_hash is None:
        return False
    live = shortlist.share_expires_at is not None and shortlist.share_expires_at > (now or utcnow())
    return live and secrets.compare_digest(shortlist.share_hash, _digest(key))


def find_shared(db: Session, key: str | None, now: datetime | None = None) -> Shortlist | None:
    """The shortlist whose live share key is `key`, or None (unknown, forged or expired)."""
    if not key or len(key) > KEY_MAX:
        return None
    shortlist = db.exec(select(Shortlist).where(Shortlist.share_hash == _digest(key))).first()
    if shortlist is None or not is_share_key(shortlist, key, now):
        return None
    return shortlist


def clear_expired_shares(db: Session, now: datetime | None = None) -> int:
    """Forget the hashes of share keys that have expired (daily housekeeping): a dead link then
    leaves nothing behind. How many shortlists had one."""
    expired = db.exec(
        select(Shortlist).where(
            col(Shortlist.share_hash).is_not(None),
            col(Shortlist.share_expires_at) <= (now or utcnow()),
        )
    ).all()
    for shortlist in expired:
        shortlist.share_hash = None
        shortlist.share_expires_at = None
        db.add(shortlist)
    db.commit()
    return len(expired)


# --- reading ----------------------------------------------------------------------------------


def read_shortlist(db: Session, shortlist: Shortlist, today: date) -> PlanView:
    """The items in order with cost, hours, totals and warnings, read as a plan's are."""
    return plans.read_items(db, _items(db, shortlist), today)


# --- the coordinator's counts -----------------------------------------------------------------


@dataclass(frozen=True)
class OfferOutcomes:
    offer: Offer
    enrolled: int
    completed: int
    dropped: int

    @property
    def total(self) -> int:
        return self.enrolled + self.completed + self.dropped


def outcome_counts(db: Session) -> list[OfferOutcomes]:
    """Per offer, how many referrals ended enrolled, completed or dropped: counts only, with
    no client's label and no adviser; the offers with the most outcomes first."""
    query = (
        select(ShortlistItem.offer_id, ReferralOutcome.outcome, func.count())
        .join(ShortlistItem, col(ShortlistItem.id) == ReferralOutcome.item_id)
        .group_by(col(ShortlistItem.offer_id), col(ReferralOutcome.outcome))
    )
    counts: dict[int, dict[Outcome, int]] = {}
    for offer_id, outcome, n in db.exec(query):
        counts.setdefault(offer_id, {})[Outcome(outcome)] = int(n)
    rows = []
    for offer_id, by in counts.items():
        offer = db.get(Offer, offer_id)
        assert offer is not None
        rows.append(
            OfferOutcomes(
                offer,
                by.get(Outcome.enrolled, 0),
                by.get(Outcome.completed, 0),
                by.get(Outcome.dropped, 0),
            )
        )
    return sorted(rows, key=lambda row: (-row.total, row.offer.title, row.offer.id or 0))
