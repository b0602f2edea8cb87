"""Daily housekeeping: what the passing of days changes in the catalogue.

Past editions stay in the catalogue: they are what the source said, and an offer is withdrawn
only when its source stops listing it (a course whose last edition ended may get a new one on
the next crawl). What the date changes is derived data: the search document counts only
upcoming editions (`next_start`, `starts` and the places in `search.documents`), so an offer
must be indexed again once one of its editions has started. `housekeep` puts such offers in
the index outbox (`catalogue.outbox`), whoever drains it indexes them, and it counts the
offers that have expired: every edition dated and over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, exists, or_
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select

from catalogue.models import Edition, EditionBase, Offer, OfferStatus
from catalogue.outbox import record_changes

# Days looked back for editions that started or ended: a housekeeping run missed (the scheduler
# was down) is made up by the next one, as long as it comes within this many days.
LOOKBACK_DAYS = 7


@dataclass
class Housekeeping:
    requeued: list[int]  # active offers put in the index outbox: an edition started or ended
    expired: list[int]  # active offers whose every edition is over


# An edition the source gives a start but no end for is taken to run this long: a KKZ lasts
# two or three semesters, and a course that started in October is still on in November.
RUN_WITHOUT_END_DAYS = 365


def is_over(edition: EditionBase, today: date) -> bool:
    """An edition is over when its end is before today; without an end, when it started more
    than RUN_WITHOUT_END_DAYS ago. An undated edition is never over."""
    if edition.end_date is not None:
        return edition.end_date < today
    started = edition.start_date
    return started is not None and started < today - timedelta(days=RUN_WITHOUT_END_DAYS)


def is_expired(editions: Sequence[EditionBase], today: date) -> bool:
    """The source dated every edition and all are over; an undated edition never expires."""
    return bool(editions) and all(is_over(edition, today) for edition in editions)


def housekeep(engine: Engine, today: date, since: date | None = None) -> Housekeeping:
    """Queue for the index the active offers with an edition that started or ended on a day
    from `since` (a week back by default) to yesterday, and list the expired offers."""
    since = since or today - timedelta(days=LOOKBACK_DAYS)
    with Session(engine) as session:
        requeued = list(session.exec(_crossed(since, today)).all())
        record_changes(session, requeued)
        session.commit()
        expired = list(session.exec(_expired(today)).all())
    return Housekeeping(requeued=sorted(set(requeued)), expired=sorted(expired))


def _crossed(since: date, today: date):
    def passed(day: Mapped[date | None]) -> ColumnElement[bool]:
        return and_(day >= since, day < today)

    return (
        select(Edition.offer_id)
        .join(Offer)
        .where(Offer.status == OfferStatus.active)
        .where(or_(passed(col(Edition.start_date)), passed(col(Edition.end_date))))
        .distinct()
    )


def _expired(today: date):
    end, start = col(Edition.end_date), col(Edition.start_date)
    of_offer = col(Edition.offer_id) == col(Offer.id)
    not_over = or_(  # the negation of `is_over`
        end >= today,
        and_(end.is_(None), start.is_(None)),
        and_(end.is_(None), start >= today - timedelta(days=RUN_WITHOUT_END_DAYS)),
    )
    return (
        select(Offer.id)
        .where(Offer.status == OfferStatus.active)
        .where(exists().where(of_offer))
        .where(~exists().where(of_offer, not_over))
        .order_by(col(Offer.id))
    )
