"""The log re-users mirror by (`catalogue.changes`): one entry per offer at its latest change, read
in (changed_at, id) order in pages, none skipped or repeated, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlmodel import Session, select

from catalogue.changes import PublicChange, changes_after, current_offer_batches
from catalogue.db import alembic_config, get_engine
from catalogue.models import Offer, OfferStatus, utcnow
from catalogue.raw import RawEdition, RawOffer
from catalogue.store import CrawlRecorder


def _raw(ext: str, title: str | None = None) -> RawOffer:
    return RawOffer(
        source="changes-a",
        external_id=ext,
        url=f"https://a.example.org/{ext}",
        title=title or f"Kurs spawania nr {ext}",
        kind="kurs",
        editions=[RawEdition(start="2030-03-01", town="Zielona Góra", price="900 zł")],
    )


def _crawl(engine, offers: list[RawOffer]) -> None:
    recorder = CrawlRecorder(engine, "changes-a")
    recorder.start()
    for offer in offers:
        recorder.add(offer)
    recorder.finish(complete=True)


def _read_all(engine, after=None, limit: int = 1) -> tuple[list[int], tuple | None]:
    """Every entry after `after`, a page of `limit` at a time: the offers in order."""
    seen: list[int] = []
    later = utcnow() + timedelta(days=1)  # nothing left out as unsettled
    with Session(engine) as session:
        while page := changes_after(session, None, after, limit, settled_before=later):
            seen += [row.offer_id for row in page]
            after = (page[-1].changed_at, page[-1].id)
    return seen, after


def test_each_offer_once_at_its_latest_change_across_pages_and_shared_times(database_url):
    engine = get_engine(database_url)
    _crawl(engine, [_raw(str(i)) for i in range(6)])
    with Session(engine) as session:
        ids = {o.external_id: o.id for o in session.exec(select(Offer))}
    first, cursor = _read_all(engine)
    assert first == [ids[str(i)] for i in range(6)]  # created one by one, in order
    # A crawl that sees 0 and 1 again unchanged and misses the rest: 2-5 withdrawn in one
    # statement, at one time; checking 0 and 1 again is no change.
    _crawl(engine, [_raw("0"), _raw("1")])
    with Session(engine) as session:
        rows = session.exec(select(PublicChange)).all()
        assert len(rows) == 6  # one entry per offer
        withdrawn = [r for r in rows if r.offer_id not in (ids["0"], ids["1"])]
        assert len({r.changed_at for r in withdrawn}) == 1  # the same moment
    page, _ = _read_all(engine, cursor, limit=2)
    assert sorted(page) == sorted(ids[str(i)] for i in range(2, 6))
    # Half-way through the four that share a time, two change again: one already read and one
    # not yet read. Each comes once more, after the rest; none is skipped or read twice.
    with Session(engine) as session:
        page = changes_after(session, None, cursor, 2, settled_before=utcnow())
        assert len(page) == 2
        half = (page[-1].changed_at, page[-1].id)
        page_ids = [row.offer_id for row in page]
        read = page_ids[0]
        rest = changes_after(session, None, half, 10, settled_before=utcnow())
        unread = rest[0].offer_id
        for offer_id in (read, unread):
            offer = session.get(Offer, offer_id)
            assert offer is not None
            offer.status = OfferStatus.archived
        session.commit()
    after_half, _ = _read_all(engine, half, limit=1)
    left = [ids[str(n)] for n in range(2, 6)]
    assert sorted(after_half[:-2]) == sorted(i for i in left if i not in (*page_ids, unread))
    assert sorted(after_half[-2:]) == sorted([read, unread])
    assert len(after_half) == len(set(after_half))
    # Since a time: only what changed from then.
    with Session(engine) as session:
        newest = max(r.changed_at for r in session.exec(select(PublicChange)))
        since = changes_after(session, newest, None, 10, settled_before=utcnow())
    assert sorted(r.offer_id for r in since) == sorted([read, unread])
    engine.dispose()


def test_the_current_offers_are_read_a_batch_at_a_time_and_let_go(database_url):
    engine = get_engine(database_url)
    _crawl(engine, [_raw(str(i)) for i in range(7)])
    with Session(engine) as session:
        archived = session.exec(select(Offer).where(Offer.external_id == "3")).one()
        archived.status = OfferStatus.archived
        session.commit()
        sizes, held, seen = [], [], []
        for batch in current_offer_batches(session, size=2):
            sizes.append(len(batch))
            seen += [offer.external_id for offer in batch]
            held.append(len(session.identity_map))
    assert sizes == [2, 2, 2] and seen == ["0", "1", "2", "4", "5", "6"]
    # What the session holds stays the size of a batch (its offers, editions, source…).
    assert max(held) == held[0]
    engine.dispose()


def test_migration_0012_logs_every_stored_offer_and_a_deleted_offer_stays_in_the_log(
    database_url,
):
    engine = get_engine(database_url)
    _crawl(engine, [_raw(str(i)) for i in range(3)])
    config = alembic_config(engine)
    command.downgrade(config, "0011")
    command.upgrade(config, "head")
    with Session(engine) as session:
        offers = {o.id: o.last_changed for o in session.exec(select(Offer))}
        logged = {r.offer_id: r.changed_at for r in session.exec(select(PublicChange))}
        assert logged == offers  # one row each, at its last change
        gone = session.exec(select(Offer).where(Offer.external_id == "1")).one()
        gone_id = gone.id
        session.delete(gone)
        session.commit()
        assert session.get(Offer, gone_id) is None
        row = session.exec(select(PublicChange).where(PublicChange.offer_id == gone_id)).one()
        assert row.changed_at > logged[gone_id]  # the deletion is a change of its own
    engine.dispose()


def test_two_rows_left_by_a_race_read_as_one_at_the_later(database_url):
    """Two transactions changing one offer at once on PostgreSQL each delete the row they see
    and insert their own: two rows for the offer. The reader takes the later only."""
    engine = get_engine(database_url)
    _crawl(engine, [_raw("0"), _raw("1")])
    with Session(engine) as session:
        first = session.exec(select(Offer).where(Offer.external_id == "0")).one()
        assert first.id is not None
        raced = PublicChange(offer_id=first.id, changed_at=utcnow() + timedelta(seconds=1))
        session.add(raced)  # as the second transaction of the race leaves it
        session.commit()
        bound = utcnow() + timedelta(days=1)
        rows = changes_after(session, None, None, 10, settled_before=bound)
        assert [r.offer_id for r in rows].count(first.id) == 1
        assert rows[-1].id == raced.id
    engine.dispose()
