"""Does the index hold what the catalogue says it should? Read by `/healthz` and by the index
writer, which rebuilds when not (`operations.indexing.ensure_index`).

The index should hold one document per active canonical offer that is not expired, as
`search.documents.active_documents` builds them; here they are counted in SQL, without building
them. Two things explain a difference that is not a fault: changes still in the outbox (each
changed offer may be one document more or less), and offers that expired since the daily
housekeeping queued them (the index may still hold those expired since yesterday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, exists, func, not_, or_
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


def check_index(engine: Engine, backend: SearchBackend, today: date | None = None) -> IndexCheck:
    """Compare the index with the catalogue. A database failure raises; an index that cannot
    be read is a problem, reported with its reason."""
    day = today or date.today()
    expected = expected_documents(engine, day)
    # Offers that expired yesterday are still indexed until housekeeping queues them.
    at_most = expected_documents(engine, day - timedelta(days=1))
    with Session(engine) as session:
        pending = session.exec(select(func.count(func.distinct(IndexChange.offer_id)))).one()
    try:
        documents = backend.count()
    except Exception as error:  # whatever the backend raises, health reports it
        return IndexCheck(None, expected, pending, f"the index cannot be read: {error}")
    problem = None
    if not expected - pending <= documents <= at_most + pending:
        problem = (
            f"the index holds {documents} documents, the catalogue {expected} "
            f"({pending} changed offers waiting to be indexed)"
        )
    return IndexCheck(documents, expected, pending, problem)


def expected_documents(engine: Engine, today: date | None = None) -> int:
    """How many documents `active_documents` gives today, counted by the database."""
    day = today or date.today()
    of_offer = col(Edition.offer_id) == col(Offer.id)
    # `catalogue.housekeeping.is_over` in SQL: both sides are false, never NULL, for NULL dates.
    over = or_(
        and_(col(Edition.end_date).is_not(None), col(Edition.end_date) < day),
        and_(
            col(Edition.end_date).is_(None),
            col(Edition.start_date).is_not(None),
            col(Edition.start_date) < day - timedelta(days=RUN_WITHOUT_END_DAYS),
        ),
    )
    expired = and_(exists().where(of_offer), not_(exists().where(of_offer, not_(over))))
    statement = (
        select(func.count())
        .select_from(Offer)
        .where(Offer.status == OfferStatus.active, col(Offer.canonical_id).is_(None))
        .where(not_(expired))
    )
    with Session(engine) as session:
        return session.exec(statement).one()
