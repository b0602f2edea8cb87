""" "Mój plan" on a real database of each kind: adding, ordering, notes, totals, warnings, the
keys (only their hashes stored) and the expiry the daily housekeeping applies."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Edition, Offer, OfferStatus, Source
from catalogue.plans import PLAN_EXPIRY_DAYS, Plan, PlanItem
from operations import plans
from operations.plans import PlanError
from operations.schedule import CrawlScheduler
from tests.app_settings import app_settings

TODAY = date(2027, 3, 1)


@dataclass
class Sample:
    db: Session
    welding: int  # two editions: 10-40 days, 60-90 days from TODAY; enrolment ends in 5 days
    welding_first: int
    welding_second: int
    excel: int  # one edition, 20-25 days (overlaps welding's first), 390 zł, 16 h
    free: int  # one edition without dates, free, no hours
    draft: int  # not published


def _day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture
def sample(database_url: str) -> Iterator[Sample]:
    engine = get_engine(database_url)
    with Session(engine) as db:
        source = Source(name="s", title="S", url="https://s.example.org/")

        def offer(key: str, hours: float | None, editions: list[Edition], **more) -> Offer:
            return Offer(
                source=source,
                external_id=key,
                title=f"Kurs {key}",
                url=f"https://s.example.org/{key}",
                content_hash=key,
                duration_hours=hours,
                editions=editions,
                **more,
            )

        first = Edition(
            start_date=_day(10), end_date=_day(40), enrolment_end=_day(5), price_grosze=245000
        )
        second = Edition(start_date=_day(60), end_date=_day(90), price_grosze=199000)
        offers = [
            offer("spawanie", 146, [first, second]),
            offer(
                "excel",
                16,
                [Edition(start_date=_day(20), end_date=_day(25), price_grosze=39000)],
            ),
            offer("bezpłatny", None, [Edition(price_grosze=0)]),
            offer("szkic", 10, [], status=OfferStatus.draft),
        ]
        db.add_all(offers)
        db.commit()
        ids = [o.id for o in offers]
        assert all(ids) and first.id and second.id
        yield Sample(db, ids[0], first.id, second.id, ids[1], ids[2], ids[3])  # type: ignore[arg-type]
    engine.dispose()


def test_the_first_add_makes_a_plan_whose_keys_are_stored_only_as_hashes(sample: Sample):
    key, outcome = plans.add(sample.db, None, sample.welding)
    assert outcome == "added" and len(key) >= 43
    plan = sample.db.exec(select(Plan)).one()
    share = plans.share_key_for(key)
    assert share != key and plans.share_key_for(key) == share  # derived, the same each time
    assert plan.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert plan.share_hash == hashlib.sha256(share.encode()).hexdigest()
    assert key not in (plan.key_hash, plan.share_hash) and share not in (plan.key_hash,)
    assert plans.find_plan(sample.db, key).id == plan.id
    assert plans.find_shared(sample.db, share).id == plan.id
    assert plans.find_plan(sample.db, share) is None  # the share key does not open the owner's
    assert plans.find_shared(sample.db, key) is None
    assert plans.find_plan(sample.db, "x" * 43) is None
    assert plans.find_plan(sample.db, "x" * 500) is None


def test_adding_again_duplicates_nothing_and_an_edition_is_chosen(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding)
    assert plans.add(sample.db, key, sample.welding) == (key, "already")
    assert plans.add(sample.db, key, sample.welding, sample.welding_second) == (key, "edition")
    assert plans.add(sample.db, key, sample.welding, sample.welding_second) == (key, "already")
    item = sample.db.exec(select(PlanItem)).one()
    assert (item.edition_id, item.edition_start) == (sample.welding_second, _day(60))
    assert plans.add(sample.db, key, sample.excel)[1] == "added"
    assert sample.db.exec(select(func.count()).select_from(PlanItem)).one() == 2


@pytest.mark.parametrize("bad", ["unknown_offer", "draft", "huge", "foreign_edition"])
def test_what_cannot_be_added_is_refused(sample: Sample, bad: str):
    offer, edition = {
        "unknown_offer": (987654, None),
        "draft": (sample.draft, None),
        "huge": (2**40, None),
        "foreign_edition": (sample.excel, sample.welding_first),
    }[bad]
    with pytest.raises(PlanError) as refused:
        plans.add(sample.db, None, offer, edition)
    assert refused.value.code in ("unknown_offer", "unknown_edition")
    assert sample.db.exec(select(func.count()).select_from(Plan)).one() == 0


def test_items_move_are_removed_and_take_notes(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding)
    plans.add(sample.db, key, sample.excel)
    plans.add(sample.db, key, sample.free)
    plan = plans.find_plan(sample.db, key)

    def order() -> list[int]:
        return [i.offer.id for i in plans.read_plan(sample.db, plan, TODAY).items]

    ids = {i.offer.id: i.id for i in plans.read_plan(sample.db, plan, TODAY).items}
    plans.move(sample.db, key, ids[sample.free], "up")
    assert order() == [sample.welding, sample.free, sample.excel]
    plans.move(sample.db, key, ids[sample.welding], "up")  # already first: nothing
    plans.move(sample.db, key, ids[sample.welding], "down")
    assert order() == [sample.free, sample.welding, sample.excel]
    plans.set_note(sample.db, key, ids[sample.excel], "  Zapytać o dofinansowanie z KFS  ")
    plans.remove(sample.db, key, ids[sample.free])
    view = plans.read_plan(sample.db, plan, TODAY)
    assert [(i.offer.id, i.note) for i in view.items] == [
        (sample.welding, ""),
        (sample.excel, "Zapytać o dofinansowanie z KFS"),
    ]
    with pytest.raises(PlanError, match="note_long"):
        plans.set_note(sample.db, key, ids[sample.excel], "ż" * 501)
    plans.set_note(sample.db, key, ids[sample.excel], "ż" * 500)
    with pytest.raises(PlanError, match="unknown_direction"):
        plans.move(sample.db, key, ids[sample.excel], "sideways")


def test_another_plans_items_and_a_forged_key_are_refused(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding)
    other, _ = plans.add(sample.db, None, sample.excel)
    theirs = plans.read_plan(sample.db, plans.find_plan(sample.db, other), TODAY).items[0].id
    for change in (
        lambda k: plans.remove(sample.db, k, theirs),
        lambda k: plans.set_note(sample.db, k, theirs, "x"),
        lambda k: plans.move(sample.db, k, theirs, "up"),
    ):
        with pytest.raises(PlanError, match="unknown_item"):
            change(key)
        with pytest.raises(PlanError, match="no_plan"):
            change("forged-key")
    assert plans.count_items(sample.db, other) == 1


def test_totals_say_which_price_they_count(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding)  # no edition: the cheaper of two
    plans.add(sample.db, key, sample.excel)  # its only edition
    plans.add(sample.db, key, sample.free)
    view = plans.read_plan(sample.db, plans.find_plan(sample.db, key), TODAY)
    assert [(i.cost_grosze, i.cost_basis) for i in view.items] == [
        (199000, "cheapest"),
        (39000, "only"),
        (0, "only"),
    ]
    assert (view.cost_grosze, view.cost_unknown) == (238000, 0)
    assert (view.hours, view.hours_unknown) == (162, 1)
    plans.add(sample.db, key, sample.welding, sample.welding_first)
    view = plans.read_plan(sample.db, plans.find_plan(sample.db, key), TODAY)
    assert (view.items[0].cost_grosze, view.items[0].cost_basis) == (245000, "chosen")
    assert view.cost_grosze == 284000


def test_warnings_overlap_enrolment_and_unpublished(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding, sample.welding_first)
    plans.add(sample.db, key, sample.excel, None)
    plan = plans.find_plan(sample.db, key)
    view = plans.read_plan(sample.db, plan, TODAY)
    welding, excel = (i.id for i in view.items)
    # Excel has one edition, not chosen: no overlap yet; welding's enrolment ends in 5 days.
    assert [(w.code, w.items, w.day) for w in view.warnings] == [
        ("enrolment_soon", (welding,), _day(5))
    ]
    excel_edition = sample.db.get(Offer, sample.excel).editions[0].id
    plans.add(sample.db, key, sample.excel, excel_edition)
    codes = {w.code: w.items for w in plans.read_plan(sample.db, plan, TODAY).warnings}
    assert codes == {"enrolment_soon": (welding,), "overlap": (welding, excel)}
    later = plans.read_plan(sample.db, plan, _day(6)).warnings
    assert ("enrolment_past", (welding,)) in [(w.code, w.items) for w in later]
    early = plans.read_plan(sample.db, plan, _day(-3)).warnings_of(welding)  # 8 days: fine
    assert [w.code for w in early] == ["overlap"]
    # The second welding edition does not overlap Excel; the offer then leaves search.
    plans.add(sample.db, key, sample.welding, sample.welding_second)
    offer = sample.db.get(Offer, sample.welding)
    offer.status = OfferStatus.withdrawn
    sample.db.add(offer)
    sample.db.commit()
    warnings = plans.read_plan(sample.db, plan, TODAY).warnings
    assert [(w.code, w.items) for w in warnings] == [("unpublished", (welding,))]


def test_a_crawl_replacing_the_editions_keeps_the_choice_by_its_start(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding, sample.welding_second)
    offer = sample.db.get(Offer, sample.welding)
    offer.editions = [  # as `catalogue.store` writes a changed offer: new edition rows
        Edition(start_date=_day(10), end_date=_day(40), price_grosze=250000),
        Edition(start_date=_day(60), end_date=_day(90), price_grosze=210000),
    ]
    sample.db.add(offer)
    sample.db.commit()
    plan = plans.find_plan(sample.db, key)
    item = plans.read_plan(sample.db, plan, TODAY).items[0]
    assert item.edition is not None and item.edition.start_date == _day(60)
    assert (item.cost_grosze, item.cost_basis, item.edition_gone) == (210000, "chosen", False)
    offer.editions = [Edition(start_date=_day(100), price_grosze=250000)]
    sample.db.add(offer)
    sample.db.commit()
    view = plans.read_plan(sample.db, plan, TODAY)
    assert view.items[0].edition is None and view.items[0].edition_gone
    assert [w.code for w in view.warnings] == ["edition_gone"]


def _age(db: Session, key: str, days: int) -> None:
    plan = plans.find_plan(db, key)
    plan.used_at = datetime.now(UTC) - timedelta(days=days)
    db.add(plan)
    db.commit()


def test_a_plan_unused_for_the_expiry_period_is_deleted(sample: Sample):
    old, _ = plans.add(sample.db, None, sample.welding)
    kept, _ = plans.add(sample.db, None, sample.welding)
    _age(sample.db, old, PLAN_EXPIRY_DAYS + 1)
    _age(sample.db, kept, PLAN_EXPIRY_DAYS - 1)
    assert plans.delete_expired(sample.db, datetime.now(UTC)) == 1
    assert plans.find_shared(sample.db, plans.share_key_for(old)) is None
    assert plans.count_items(sample.db, kept) == 1
    assert sample.db.exec(select(func.count()).select_from(PlanItem)).one() == 1


def test_opening_a_plan_counts_as_use(sample: Sample):
    key, _ = plans.add(sample.db, None, sample.welding)
    _age(sample.db, key, PLAN_EXPIRY_DAYS - 1)
    plans.find_shared(sample.db, plans.share_key_for(key))  # someone opens the share link
    assert plans.delete_expired(sample.db, datetime.now(UTC) + timedelta(days=2)) == 0


def test_the_daily_housekeeping_deletes_expired_plans(
    sample: Sample, database_url: str, tmp_path: Path
):
    old, _ = plans.add(sample.db, None, sample.welding)
    kept, _ = plans.add(sample.db, None, sample.excel)
    _age(sample.db, old, PLAN_EXPIRY_DAYS + 1)
    scheduler = CrawlScheduler(app_settings(database_url, tmp_path / "index"))
    try:
        scheduler.run_housekeeping()
    finally:
        scheduler.engine.dispose()
    sample.db.expire_all()
    assert sample.db.exec(select(func.count()).select_from(Plan)).one() == 1
    assert plans.count_items(sample.db, kept) == 1
