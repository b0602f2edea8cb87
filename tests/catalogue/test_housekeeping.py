"""Daily housekeeping: offers whose editions started or ended go back to the index, and offers
with every edition over are counted as expired; the catalogue itself keeps them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.housekeeping import LOOKBACK_DAYS, housekeep, is_expired
from catalogue.models import Edition, IndexChange, Offer, OfferStatus, Source
from operations.indexing import drain_outbox
from search.documents import offer_document
from search.interface import Query
from search.tantivy import EmbeddedBackend

TODAY = date(2026, 11, 27)
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def engine(database_url):
    engine = get_engine(database_url)
    yield engine
    engine.dispose()


def add_offer(
    engine,
    title: str,
    *dates: tuple[date | None, date | None],
    status: OfferStatus = OfferStatus.active,
) -> int:
    """An offer with one edition per (start, end) pair; the outbox is emptied afterwards, so
    only what housekeeping queues is left in it."""
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.name == "test")).first()
        if source is None:
            source = Source(name="test", title="Test")
        offer = Offer(
            source=source,
            external_id=title,
            url="https://example.org/oferta",
            title=title,
            content_hash=title,
            status=status,
            editions=[Edition(start_date=start, end_date=end) for start, end in dates],
        )
        session.add(offer)
        session.commit()
        session.execute(delete(IndexChange))
        session.commit()
        return offer.id


def queued(engine) -> set[int]:
    with Session(engine) as session:
        return set(session.exec(select(IndexChange.offer_id)).all())


def test_offers_whose_edition_started_or_ended_since_the_last_days_are_queued(engine):
    started = add_offer(engine, "Kurs spawania", (YESTERDAY, None))
    ended = add_offer(engine, "Kurs BHP", (TODAY - timedelta(days=30), TODAY - timedelta(days=3)))
    upcoming = add_offer(engine, "Kurs kelnerski", (TODAY + timedelta(days=10), None))
    starts_today = add_offer(engine, "Kurs księgowości", (TODAY, None))
    long_ago = add_offer(
        engine, "Kurs ślusarski", (TODAY - timedelta(days=LOOKBACK_DAYS + 1), None)
    )
    undated = add_offer(engine, "Kurs rękodzieła", (None, None))
    add_offer(engine, "Kurs wycofany", (YESTERDAY, None), status=OfferStatus.withdrawn)

    result = housekeep(engine, TODAY)

    assert result.requeued == sorted([started, ended])
    assert queued(engine) == {started, ended}
    assert not {upcoming, starts_today, long_ago, undated} & set(result.requeued)


def test_a_missed_day_is_made_up_by_looking_back_from_the_given_day(engine):
    three_days_ago = add_offer(engine, "Kurs spawania", (TODAY - timedelta(days=3), None))

    assert housekeep(engine, TODAY, since=YESTERDAY).requeued == []
    assert housekeep(engine, TODAY, since=TODAY - timedelta(days=3)).requeued == [three_days_ago]


def test_an_offer_expires_when_the_source_dated_every_edition_and_all_are_over(engine):
    past = add_offer(engine, "Kurs minionych edycji", (date(2026, 3, 1), date(2026, 4, 1)),
                     (date(2025, 10, 1), None))  # fmt: skip
    # Started in October without an end: a KKZ of two or three semesters, still on.
    started = add_offer(engine, "KKZ od października", (date(2026, 10, 1), None))
    one_to_come = add_offer(engine, "Kurs z nową edycją", (date(2026, 3, 1), None),
                            (date(2027, 1, 10), None))  # fmt: skip
    running = add_offer(engine, "Kurs w trakcie", (date(2026, 11, 1), date(2026, 12, 20)))
    ends_today = add_offer(engine, "Kurs kończy się dziś", (date(2026, 11, 1), TODAY))
    undated = add_offer(engine, "Kurs bez terminu", (date(2026, 3, 1), None), (None, None))
    add_offer(engine, "Kurs bez edycji")
    add_offer(engine, "Kurs wycofany", (date(2026, 3, 1), None), status=OfferStatus.withdrawn)

    result = housekeep(engine, TODAY)

    assert result.expired == [past]
    with Session(engine) as session:
        offers = session.exec(select(Offer).where(Offer.status == OfferStatus.active)).all()
        by_rule = sorted(o.id for o in offers if is_expired(o.editions, TODAY))
        # The catalogue keeps them: the source still lists them, and may add an edition.
        assert all(o.status == OfferStatus.active for o in offers)
    assert by_rule == result.expired
    assert not {one_to_come, running, ends_today, undated, started} & set(result.expired)


def test_after_housekeeping_the_index_shows_the_next_edition_not_the_one_that_started(
    engine, tmp_path
):
    today = date.today()
    offer_id = add_offer(
        engine,
        "Kurs operatora wózków widłowych",
        (today - timedelta(days=1), None),
        (today + timedelta(days=20), None),
    )
    backend = EmbeddedBackend(tmp_path / "index")
    with Session(engine) as session:
        # The index as yesterday's sync left it: the edition starting then was the next one.
        backend.index([offer_document(session.get(Offer, offer_id), today - timedelta(days=1))])

    def next_start() -> str:
        (hit,) = backend.search(Query(text="wózków widłowych")).hits
        return hit.document["next_start"]

    assert next_start() == (today - timedelta(days=1)).isoformat()
    housekeep(engine, today)
    assert drain_outbox(engine, backend) == 1
    assert next_start() == (today + timedelta(days=20)).isoformat()
