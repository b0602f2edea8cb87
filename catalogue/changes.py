"""What re-users mirror: the current offers, and the log of when each offer last changed.

An offer is *current* when it is active and the head of its cluster of duplicates
(`catalogue.clusters`): what search shows, one record per offer. It stops being current when a
crawl withdraws it, its institution archives it, it joins another source's record as a
duplicate or (should a row ever be deleted) it is gone; each of these is a change.

`PublicChange` keeps, for every offer, one row: when it last changed in a way a re-user sees.
Rows are written at the end of the changing transaction (`before_commit`), so a row's time is
within moments of its commit, and a reader that leaves out the last `SETTLE` seconds never
passes a row that commits later with an earlier time. Changed means: the offer or its editions
were written (created, edited, status, cluster), or a bulk statement said so (`record_changes`
of `catalogue.outbox`: withdrawals, clusters, an edition starting or ending); a crawl that only
checked an offer again (`last_verified`) is no change. A row is replaced (delete, then insert)
when its offer changes again, so the log has one row per offer (two transactions racing on
one offer may leave two: the reader takes the later) and is read in (changed_at, id) order
without skipping or repeating an offer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Index, and_, delete, event, exists, insert, inspect, or_
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import SessionTransaction, aliased
from sqlmodel import Field, Session, SQLModel, col, select

from catalogue.models import Edition, Offer, OfferStatus, utcnow
from catalogue.offer_details import with_details

# How long a change may take from its row's time to its commit; readers leave these out.
SETTLE = timedelta(seconds=2)
# Written on an offer by a crawl that only checked it: no change a re-user sees.
_CHECK_ONLY = frozenset({"last_verified", "last_run_id"})
_PENDING = "lll_changed_offers"
_CHUNK = 500


class PublicChange(SQLModel, table=True):
    __tablename__ = "publicchange"
    __table_args__ = (Index("ix_publicchange_changed_at_id", "changed_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    # No foreign key: the row outlives a deleted offer and says it is gone.
    offer_id: int = Field(index=True)
    changed_at: datetime = Field(default_factory=utcnow)


def is_current(offer: Offer) -> bool:
    return offer.status == OfferStatus.active and offer.canonical_id is None


def current_condition() -> ColumnElement[bool]:
    return and_(col(Offer.status) == OfferStatus.active, col(Offer.canonical_id).is_(None))


def note_changed(session: OrmSession, offer_ids: Iterable[int]) -> None:
    """Log these offers as changed when the session's transaction commits."""
    pending: set[int] = session.info.setdefault(_PENDING, set())
    pending.update(offer_ids)


@event.listens_for(OrmSession, "after_flush")
def _seen_in_flush(session: OrmSession, _flush_context) -> None:
    changed: set[int] = set()
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, Offer) and obj.id is not None:
            changed.add(obj.id)
        elif isinstance(obj, Edition) and obj.offer_id is not None:
            changed.add(obj.offer_id)
    for obj in session.dirty:
        if isinstance(obj, Edition) and obj.offer_id is not None:
            changed.add(obj.offer_id)
        elif isinstance(obj, Offer) and obj.id is not None and _seen_change(obj):
            changed.add(obj.id)
    if changed:
        note_changed(session, changed)


def _seen_change(offer: Offer) -> bool:
    state = inspect(offer)
    return any(attr.key not in _CHECK_ONLY and attr.history.has_changes() for attr in state.attrs)


@event.listens_for(OrmSession, "before_commit")
def _write_log(session: OrmSession) -> None:
    session.flush()  # what is still pending is part of this commit
    pending: set[int] = session.info.pop(_PENDING, set())
    if not pending:
        return
    connection = session.connection()
    now = utcnow()
    wanted = sorted(pending)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        connection.execute(delete(PublicChange).where(col(PublicChange.offer_id).in_(chunk)))
        connection.execute(
            insert(PublicChange), [{"offer_id": i, "changed_at": now} for i in chunk]
        )


@event.listens_for(OrmSession, "after_soft_rollback")
def _forget(session: OrmSession, previous_transaction: SessionTransaction) -> None:
    """A transaction rolled back changed nothing (a savepoint's rollback forgets nothing: an
    offer logged that did not change is harmless, one changed and not logged is not)."""
    if previous_transaction.parent is None:
        session.info.pop(_PENDING, None)


Position = tuple[datetime, int]  # (changed_at, id) of a log row


def changes_after(
    session: Session,
    since: datetime | None,
    after: Position | None,
    limit: int,
    settled_before: datetime | None = None,
) -> list[PublicChange]:
    """The log rows from `since` (or the start) after `after`, oldest first, at most `limit`,
    none newer than `settled_before` (now less `SETTLE` by default)."""
    bound = settled_before if settled_before is not None else utcnow() - SETTLE
    # Two transactions changing one offer at once may each leave a row (neither sees the
    # other's to delete it): only the later is read.
    later = aliased(PublicChange)
    superseded = exists().where(
        col(later.offer_id) == col(PublicChange.offer_id),
        or_(
            col(later.changed_at) > col(PublicChange.changed_at),
            and_(
                col(later.changed_at) == col(PublicChange.changed_at),
                col(later.id) > col(PublicChange.id),
            ),
        ),
    )
    statement = select(PublicChange).where(col(PublicChange.changed_at) <= bound, ~superseded)
    if since is not None:
        statement = statement.where(col(PublicChange.changed_at) >= since)
    if after is not None:
        moment, row_id = after
        statement = statement.where(
            or_(
                col(PublicChange.changed_at) > moment,
                and_(col(PublicChange.changed_at) == moment, col(PublicChange.id) > row_id),
            )
        )
    statement = statement.order_by(col(PublicChange.changed_at), col(PublicChange.id)).limit(limit)
    return list(session.exec(statement))


def offers_by_id(session: Session, ids: Iterable[int]) -> dict[int, Offer]:
    """These offers with their details (`catalogue.offer_details`); a missing id is absent."""
    wanted = sorted(set(ids))
    found: dict[int, Offer] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for offer in session.exec(with_details(select(Offer).where(col(Offer.id).in_(chunk)))):
            assert offer.id is not None
            found[offer.id] = offer
    return found


def current_offer_batches(session: Session, size: int = 200) -> Iterator[list[Offer]]:
    """Every current offer with its details, by id, `size` at a time: each batch is read by
    one query (and its detail queries) after the last id of the one before, and let go of
    (`expunge_all`) once it has been used, so memory does not grow with the catalogue."""
    last = 0
    while True:
        batch = list(
            session.exec(
                with_details(
                    select(Offer)
                    .where(current_condition(), col(Offer.id) > last)
                    .order_by(col(Offer.id))
                    .limit(size)
                )
            )
        )
        if not batch:
            return
        yield batch
        last = batch[-1].id or last
        session.expunge_all()
