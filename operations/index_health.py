"""Does the index hold what the catalogue says it should? Read by `/healthz` and by the index
writer, which rebuilds when not (`operations.indexing.ensure_index`).

The index should hold one document per active canonical offer that is not expired, as
`search.documents.active_documents` builds them; here they are counted in SQL, without building
them. Two things explain a difference that is not a fault: changes still in the outbox (each
changed offer may be one document more or less), and offers that expired since the daily
housekeeping queued them (the index may still hold those expired since yesterday).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, func, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from catalogue.housekeeping import RUN_WITHOUT_END_DAYS
from catalogue.models import Edition, IndexChange, Offer, OfferStatus
from search.interface import SearchBackend


@dataclass(frozen=True)
class IndexCheck:
    documents: int | None  # in the index; None when it cannot be read
    expected: int  # what the catalogue says it should hold today
    pending: int  # offers with changes still in the outbox
    problem: str | None  # why the index is not what it should be, in one line; None if it is


# (database URL, day) -> (time.monotonic() when counted, expected today, expected yesterday)
_counted: dict[tuple[str, date], tuple[float, int, int]] = {}


def check_index(
    engine: Engine, backend: SearchBackend, today: date | None = None, max_age: float = 0.0
) -> IndexCheck:
    """Compare the index with the catalogue. A database failure raises; an index that cannot
    be read is a problem, reported with its reason.

    `max_age`: catalogue counts up to this many seconds old may be used (health checks, which
    anyone may call often; the count takes about 0.1 s per 20,000 offers on SQLite). A problem
    found with old counts is checked again with fresh ones before it is reported.
    """
    day = today or date.today()
    check = _check(engine, backend, day, max_age)
    if check.problem is not None and max_age > 0:
        check = _check(engine, backend, day, 0.0)
    return check


def _check(engine: Engine, backend: SearchBackend, day: date, max_age: float) -> IndexCheck:
    expected, at_most = _expected_counts(engine, day, max_age)
    with Session(engine) as session:
        pending = session.exec(select(func.count(func.distinct(IndexChange.offer_id)))).one()
    try:
        documents = backend.count()
    except Exception as error:  # whatever the backend raises, health reports it
        return IndexCheck(None, expected, pending, f"the index cannot be read: {error}")
    problem = None
    # Offers that expired yesterday are still indexed until housekeeping queues them.
    if not expected - pending <= documents <= at_most + pending:
        problem = (
            f"the index holds {documents} documents, the catalogue {expected} "
            f"({pending} changed offers waiting to be indexed)"
        )
    return IndexCheck(documents, expected, pending, problem)


def _expected_counts(engine: Engine, day: date, max_age: float) -> tuple[int, int]:
    key = (str(engine.url), day)
    counted = _counted.get(key)
    if counted is None or time.monotonic() - counted[0] > max_age:
        today, yesterday = _count_open(engine, (day, day - timedelta(days=1)))
        counted = _counted[key] = (time.monotonic(), today, yesterday)
    return counted[1], counted[2]


def expected_documents(engine: Engine, today: date | None = None) -> int:
    """How many documents `active_documents` gives today, counted by the database."""
    return _count_open(engine, (today or date.today(),))[0]


def _count_open(engine: Engine, days: tuple[date, ...]) -> list[int]:
    """For each day, the active canonical offers not expired on it: without editions, or with
    an edition not over (`catalogue.housekeeping.is_expired`), in one pass over the editions."""
    opens = (func.max(_open_on(day)).label(f"d{i}") for i, day in enumerate(days))
    per_offer = select(col(Edition.offer_id), *opens).group_by(col(Edition.offer_id)).subquery()
    columns = [per_offer.c[f"d{i}"] for i in range(len(days))]
    statement = (
        select(*(func.count(case((or_(c.is_(None), c == 1), 1))) for c in columns))
        .select_from(Offer)
        .outerjoin(per_offer, per_offer.c.offer_id == col(Offer.id))
        .where(Offer.status == OfferStatus.active, col(Offer.canonical_id).is_(None))
    )
    with engine.connect() as connection:
        return [int(n) for n in connection.execute(statement).one()]


def _open_on(day: date) -> ColumnElement[int]:
    """1 for an edition not over on `day` (`catalogue.housekeeping.is_over`), else 0."""
    over = or_(
        and_(col(Edition.end_date).is_not(None), col(Edition.end_date) < day),
        and_(
            col(Edition.end_date).is_(None),
            col(Edition.start_date).is_not(None),
            col(Edition.start_date) < day - timedelta(days=RUN_WITHOUT_END_DAYS),
        ),
    )
    return case((over, 0), else_=1)
