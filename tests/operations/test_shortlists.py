"""An adviser's client shortlists on a real database of each kind: the client's label (a case
number or pseudonym only), items, ordering, notes, the referral's share key (hash stored, a new
one replaces the old, expiry), outcomes, another adviser's shortlist not found, and the
coordinator's counts without labels or advisers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from catalogue.accounts import Account, Role
from catalogue.db import get_engine
from catalogue.models import Edition, Offer, OfferStatus, Source, utcnow
from catalogue.shortlists import SHARE_DAYS, Outcome, ReferralOutcome, Shortlist, ShortlistItem
from operations import shortlists
from operations.accounts import create_staff_account
from operations.shortlists import NotFound, ShortlistError

TODAY = date(2027, 3, 1)
PASSWORD = "długie hasło doradcy 2027"


@dataclass
class World:
    db: Session
    adviser: Account
    other: Account
    welding: int
    welding_edition: int
    excel: int
    draft: int


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    engine = get_engine(database_url)
    with Session(engine) as db:
        source = Source(name="s", title="S", url="https://s.example.org/")
        edition = Edition(
            start_date=TODAY + timedelta(days=10),
            end_date=TODAY + timedelta(days=40),
            price_grosze=245000,
        )
        offers = [
            Offer(source=source, external_id=key, title=f"Kurs {key}", url=f"https://s.example.org/{key}",
                  content_hash=key, duration_hours=hours, editions=editions, status=status)
            for key, hours, editions, status in [
                ("spawanie", 146, [edition], OfferStatus.active),
                ("excel", 16, [Edition(price_grosze=39000)], OfferStatus.active),
                ("szkic", 10, [], OfferStatus.draft),
            ]
        ]  # fmt: skip
        db.add_all(offers)
        db.commit()
        adviser = create_staff_account(db, "doradca@pup.example", PASSWORD, Role.adviser, "Ala")
        other = create_staff_account(db, "inny@pup.example", PASSWORD, Role.adviser, "Ola")
        assert offers[0].id and offers[1].id and offers[2].id and edition.id
        yield World(db, adviser, other, offers[0].id, edition.id, offers[1].id, offers[2].id)
    engine.dispose()


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("", "label_empty"),
        ("x" * 41, "label_long"),
        ("jan.kowalski@example.com", "label_email"),
        ("90010112345", "label_pesel"),
        ("+48 600 700 800", "label_phone"),
        ("600-700-800", "label_phone"),
    ],
)
def test_a_label_that_may_name_a_person_is_refused(world: World, label: str, code: str) -> None:
    with pytest.raises(ShortlistError) as refused:
        shortlists.create(world.db, world.adviser, label)
    assert refused.value.code == code
    assert world.db.exec(select(Shortlist)).all() == []


def test_a_case_number_or_pseudonym_makes_a_shortlist(world: World) -> None:
    first = shortlists.create(world.db, world.adviser, "  CAZ/2026/0153 ")
    second = shortlists.create(world.db, world.adviser, "Klient Zielony")
    assert first.label == "CAZ/2026/0153"
    shortlists.add(world.db, world.adviser, first.id or 0, world.welding)
    listed = shortlists.shortlists_of(world.db, world.adviser)
    assert [(s.label, n) for s, n in listed] == [("Klient Zielony", 0), ("CAZ/2026/0153", 1)]
    assert shortlists.shortlists_of(world.db, world.other) == []
    assert second.adviser_id == world.adviser.id


def test_items_are_added_ordered_noted_and_removed(world: World) -> None:
    db, adviser = world.db, world.adviser
    sid = shortlists.create(db, adviser, "CAZ/1").id or 0
    assert shortlists.add(db, adviser, sid, world.welding) == "added"
    assert shortlists.add(db, adviser, sid, world.excel) == "added"
    assert shortlists.add(db, adviser, sid, world.welding) == "already"
    assert shortlists.add(db, adviser, sid, world.welding, world.welding_edition) == "edition"
    for offer_id, edition_id, code in [
        (world.draft, None, "unknown_offer"),
        (10**12, None, "unknown_offer"),
        (world.excel, world.welding_edition, "unknown_edition"),
    ]:
        with pytest.raises(ShortlistError) as refused:
            shortlists.add(db, adviser, sid, offer_id, edition_id)
        assert refused.value.code == code
    view = shortlists.read_shortlist(db, shortlists.find(db, adviser, sid), TODAY)
    assert [item.offer.id for item in view.items] == [world.welding, world.excel]
    assert view.items[0].edition is not None and view.cost_grosze == 245000 + 39000
    assert view.hours == 146 + 16
    excel_item = view.items[1].id
    shortlists.move(db, adviser, excel_item, "up")
    shortlists.set_note(db, adviser, excel_item, "  zapytać o termin \r\n ")
    with pytest.raises(ShortlistError):
        shortlists.set_note(db, adviser, excel_item, "x" * 301)
    view = shortlists.read_shortlist(db, shortlists.find(db, adviser, sid), TODAY)
    assert [item.offer.id for item in view.items] == [world.excel, world.welding]
    assert view.items[0].note == "zapytać o termin"
    shortlists.remove(db, adviser, excel_item)
    view = shortlists.read_shortlist(db, shortlists.find(db, adviser, sid), TODAY)
    assert [item.offer.id for item in view.items] == [world.welding]


def test_another_advisers_shortlist_is_not_found(world: World) -> None:
    db = world.db
    sid = shortlists.create(db, world.adviser, "CAZ/2").id or 0
    shortlists.add(db, world.adviser, sid, world.welding)
    item = db.exec(select(ShortlistItem)).one()
    assert item.id is not None
    changes = [
        lambda: shortlists.find(db, world.other, sid),
        lambda: shortlists.add(db, world.other, sid, world.excel),
        lambda: shortlists.remove(db, world.other, item.id or 0),
        lambda: shortlists.move(db, world.other, item.id or 0, "down"),
        lambda: shortlists.set_note(db, world.other, item.id or 0, "x"),
        lambda: shortlists.record_outcome(db, world.other, item.id or 0, "enrolled"),
        lambda: shortlists.share(db, world.other, sid),
        lambda: shortlists.delete_shortlist(db, world.other, sid),
    ]
    for change in changes:
        with pytest.raises(NotFound):
            change()
    db.expire_all()
    assert db.exec(select(ShortlistItem)).one().note == ""
    assert db.exec(select(ReferralOutcome)).all() == []
    assert db.exec(select(Shortlist)).one().share_hash is None


def test_a_new_share_key_replaces_the_old_and_keys_expire(world: World) -> None:
    db = world.db
    sid = shortlists.create(db, world.adviser, "CAZ/3").id or 0
    first = shortlists.share(db, world.adviser, sid)
    found = shortlists.find_shared(db, first)
    assert found is not None and found.id == sid
    assert found.share_hash == hashlib.sha256(first.encode()).hexdigest()  # only the hash kept
    second = shortlists.share(db, world.adviser, sid)
    assert shortlists.find_shared(db, first) is None
    assert shortlists.find_shared(db, second) is not None
    later = utcnow() + timedelta(days=SHARE_DAYS, minutes=1)
    assert shortlists.find_shared(db, second, now=later) is None
    assert shortlists.find_shared(db, second[:-1] + "A") is None
    assert shortlists.find_shared(db, "x" * 500) is None


def test_housekeeping_forgets_expired_share_keys_only(world: World) -> None:
    db = world.db
    live = shortlists.create(db, world.adviser, "CAZ/6").id or 0
    dead = shortlists.create(db, world.adviser, "CAZ/7").id or 0
    shortlists.share(db, world.adviser, live)
    shortlists.share(db, world.adviser, dead, now=utcnow() - timedelta(days=SHARE_DAYS + 1))
    assert shortlists.clear_expired_shares(db) == 1
    kept, cleared = db.get(Shortlist, live), db.get(Shortlist, dead)
    assert kept is not None and kept.share_hash is not None
    assert cleared is not None and (cleared.share_hash, cleared.share_expires_at) == (None, None)
    assert shortlists.clear_expired_shares(db) == 0


def test_outcomes_are_recorded_and_counted_without_labels_or_advisers(world: World) -> None:
    db = world.db
    for adviser, label, outcome in [
        (world.adviser, "CAZ/4", "enrolled"),
        (world.adviser, "CAZ/5", "completed"),
        (world.other, "Pseudonim Sowa", "completed"),
        (world.other, "Pseudonim Lis", "dropped"),
    ]:
        sid = shortlists.create(db, adviser, label).id or 0
        shortlists.add(db, adviser, sid, world.welding)
        shortlists.add(db, adviser, sid, world.excel)
        items = shortlists.read_shortlist(db, shortlists.find(db, adviser, sid), TODAY).items
        shortlists.record_outcome(db, adviser, items[0].id, "dropped")
        shortlists.record_outcome(db, adviser, items[0].id, outcome)  # the later one counts
    with pytest.raises(ShortlistError):
        shortlists.record_outcome(db, world.adviser, items[0].id, "hired")
    counts = shortlists.outcome_counts(db)
    assert [(c.offer.id, c.enrolled, c.completed, c.dropped) for c in counts] == [
        (world.welding, 1, 2, 1)
    ]
    shortlists.record_outcome(db, world.other, items[0].id, "")  # forgotten
    counts = shortlists.outcome_counts(db)
    assert [(c.enrolled, c.completed, c.dropped) for c in counts] == [(1, 2, 0)]
    fields = set(vars(counts[0])) - {"offer"}
    assert fields == {"enrolled", "completed", "dropped"}
    assert db.exec(select(ReferralOutcome)).first().outcome in set(Outcome)  # type: ignore[union-attr]
