"""An institution's own offers: checked, stored through the catalogue, moderated, with history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from catalogue.accounts import Account, Approval, OfferChange, Role
from catalogue.db import get_engine
from catalogue.models import IndexChange, Institution, Offer, OfferStatus, Source
from catalogue.moderation import FIRST_OFFERS_REVIEWED
from catalogue.offer_fields import EditionFields, OfferFields
from catalogue.store import CrawlRecorder
from operations.institution_offers import (
    Actor,
    StateChangeRefused,
    fields_of,
    history,
    linked_offers,
    owned_offer,
    panel_source,
    pending_edit,
    review_queue,
    save_offer,
    set_state,
)

TODAY = date(2026, 12, 7)


@pytest.fixture
def db(database_url):
    engine = get_engine(database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def institution(
    db: Session, name: str = "Szkoła A", approval: str = Approval.approved
) -> Institution:
    row = Institution(name=name, key=name.lower(), approval=approval)
    db.add(row)
    db.commit()
    db.refresh(row)
    return row


def member(db: Session, inst: Institution) -> Account:
    account = Account(
        email=f"m{inst.id}@example.pl", password_hash="x", role=Role.member, institution_id=inst.id
    )
    db.add(account)
    db.commit()
    db.refresh(account)
    return account


def welding(**changes) -> OfferFields:
    edition = EditionFields(
        external_id="T1", start="2027-03-01", end="2027-04-30", town="Żary", price="1 200 zł",
        seats="12",
    )  # fmt: skip
    fields = OfferFields(
        title="Kurs spawania MAG", url="https://szkola.example.pl/mag", kind="kurs",
        qualification_code="MEC.08", form="stacjonarna", duration_hours="120",
        editions=[edition],
    )  # fmt: skip
    for name, value in changes.items():
        setattr(fields, name, value)
    return fields


def save(db, inst, account, external_id="K-1", submit=True, **changes):
    return save_offer(
        db, inst, actor=Actor(account.id, None, "form"), external_id=external_id,
        fields=welding(**changes), submit=submit, today=TODAY,
    )  # fmt: skip


def test_panel_source_is_created_once_and_belongs_to_the_institution(db):
    inst = institution(db)
    first = panel_source(db, inst)
    db.commit()
    second = panel_source(db, inst)
    assert first.id == second.id
    assert (first.name, first.institution_id) == (f"panel-{inst.id}", inst.id)
    assert len(db.exec(select(Source)).all()) == 1


def test_a_draft_is_normalised_with_evidence_and_written_through_the_outbox(db):
    inst = institution(db)
    account = member(db, inst)
    saved = save(db, inst, account, submit=False)
    assert saved.changed and saved.state == OfferStatus.draft and not saved.errors
    offer = db.get(Offer, saved.offer_id)
    assert offer.isced_code == "0715" and offer.prk_level is not None
    assert offer.qualification_code == "MEC.08" and offer.institution_id == inst.id
    assert offer.editions[0].powiat_teryt == "0811"  # Żary: powiat żarski
    assert offer.editions[0].price_grosze == 120000
    assert "isced_code" in offer.evidence
    assert offer.provider_name == "Szkoła A"
    assert db.exec(select(IndexChange).where(IndexChange.offer_id == offer.id)).first()
    (change,) = history(db, offer.id)
    assert (change.action, change.via, change.account_id) == ("created", "form", account.id)
    assert change.fields["title"] == [None, "Kurs spawania MAG"]
    assert change.fields["status"] == [None, "draft"]


def test_the_same_fields_again_change_nothing_and_add_no_history(db):
    inst = institution(db)
    account = member(db, inst)
    first = save(db, inst, account, submit=False)
    again = save(db, inst, account, submit=False)
    assert (again.offer_id, again.changed) == (first.offer_id, False)
    assert len(history(db, first.offer_id)) == 1


def test_an_edit_records_the_fields_before_and_after(db):
    inst = institution(db)
    account = member(db, inst)
    first = save(db, inst, account, submit=False)
    save(db, inst, account, submit=False, duration_hours="80", description="Nowy opis")
    latest = history(db, first.offer_id)[0]
    assert latest.action == "edited"
    assert latest.fields == {"duration_hours": ["120", "80"], "description": [None, "Nowy opis"]}


def test_errors_store_nothing_and_say_the_code_and_column(db):
    inst = institution(db)
    account = member(db, inst)
    bad = EditionFields(start="2027-05-01", end="2027-04-01", town="Pcim", price="do uzgodnienia")
    saved = save(db, inst, account, editions=[bad], qualification_code="XYZ.99", url="www.x")
    found = {(p.code, p.column) for p in saved.errors}
    assert {
        ("end_before_start", "data_zakonczenia"),
        ("unknown_place", "miejscowosc"),
        ("bad_price", "cena"),
        ("unknown_qualification", "kod_kwalifikacji"),
    } <= found
    assert saved.offer_id is None and not saved.changed
    assert db.exec(select(Offer)).first() is None


def test_a_new_institutions_first_offers_wait_for_review(db):
    inst = institution(db)
    account = member(db, inst)
    for number in range(FIRST_OFFERS_REVIEWED):
        saved = save(db, inst, account, external_id=f"K-{number}")
        assert saved.state == OfferStatus.review
        assert [r.code for r in saved.review_reasons] == ["first_offers"]
        set_state(db, db.get(Offer, saved.offer_id), Actor(None, None, "review"), "approve")
    after = save(db, inst, account, external_id="K-next")
    assert (after.state, after.review_reasons) == (OfferStatus.active, [])


def test_an_institution_not_approved_never_publishes_directly(db):
    inst = institution(db, approval=Approval.pending)
    account = member(db, inst)
    saved = save(db, inst, account)
    assert saved.state == OfferStatus.review
    assert "institution_not_approved" in {r.code for r in saved.review_reasons}
    assert [o.id for o in review_queue(db)] == [saved.offer_id]


def published(db, inst, account):
    saved = save(db, inst, account)
    offer = db.get(Offer, saved.offer_id)
    set_state(db, offer, Actor(None, None, "review"), "approve")
    return offer


def test_a_published_offers_large_price_change_or_new_title_waits_for_review(db):
    inst = institution(db)
    account = member(db, inst)
    offer = published(db, inst, account)
    assert offer.status == OfferStatus.active
    small = save(db, inst, account, duration_hours="130")
    assert small.state == OfferStatus.active
    dearer = EditionFields(start="2027-03-01", town="Żary", price="2000")
    saved = save(db, inst, account, editions=[dearer])
    assert saved.state == OfferStatus.review
    assert [r.code for r in saved.review_reasons] == ["price_change"]
    retitled = save(db, inst, account, title="Kurs spawania TIG")
    assert {r.code for r in retitled.review_reasons} == {"title_changed"}


def test_a_column_named_like_the_panels_own_record_cannot_dodge_review(db):
    inst = institution(db)
    account = member(db, inst)
    offer = published(db, inst, account)
    recorded = offer.extras["panel_published"]
    # A draft whose file or form carries the panel's own key, then the same title submitted.
    forged = {"panel_published": {**recorded, "title": "Kurs spawania TIG"}}
    save(db, inst, account, title="Kurs spawania TIG", extras=forged, submit=False)
    db.refresh(offer)
    assert offer.extras["panel_published"] == recorded
    saved = save(db, inst, account, title="Kurs spawania TIG")
    assert {r.code for r in saved.review_reasons} == {"title_changed"}
    assert saved.state == OfferStatus.review


def test_archive_restore_and_send_back_with_a_reason(db):
    inst = institution(db)
    account = member(db, inst)
    saved = save(db, inst, account)
    offer = db.get(Offer, saved.offer_id)
    with pytest.raises(ValueError):
        set_state(db, offer, Actor(None, None, "review"), "return")
    change = set_state(db, offer, Actor(None, None, "review"), "return", reason="Popraw cenę")
    assert (offer.status, change.action, change.reason) == (
        OfferStatus.draft,
        "returned",
        "Popraw cenę",
    )
    set_state(db, offer, Actor(account.id), "archive")
    assert offer.status == OfferStatus.archived
    with pytest.raises(StateChangeRefused):
        set_state(db, offer, Actor(account.id), "archive")
    set_state(db, offer, Actor(account.id), "restore")
    assert offer.status == OfferStatus.draft
    actions = [c.action for c in history(db, offer.id)]
    assert actions == ["restored", "archived", "returned", "submitted"]


def test_another_institutions_offer_is_not_owned(db):
    a, b = institution(db, "Szkoła A"), institution(db, "Szkoła B")
    saved = save(db, a, member(db, a), submit=False)
    assert owned_offer(db, a, saved.offer_id) is not None
    assert owned_offer(db, b, saved.offer_id) is None
    assert owned_offer(db, b, 2**40) is None


def test_the_same_external_id_of_two_institutions_is_two_offers(db):
    a, b = institution(db, "Szkoła A"), institution(db, "Szkoła B")
    one = save(db, a, member(db, a), submit=False)
    two = save(db, b, member(db, b), submit=False)
    assert one.offer_id != two.offer_id
    assert db.get(Offer, two.offer_id).institution_id == b.id


def test_linked_provider_records_offers_are_listed(db):
    inst = institution(db)
    crawled = Institution(name="Szkoła A z rejestru", key="szkola a rejestr", registered_id=inst.id)
    source = Source(name="sample-bur")
    db.add_all([crawled, source])
    db.flush()
    db.add(
        Offer(source_id=source.id, external_id="1", title="Kurs z BUR", url="https://bur.example/1",
              content_hash="x", institution_id=crawled.id)
    )  # fmt: skip
    feed = Source(name="feed-a", institution_id=inst.id, feed_url="https://a.example/o.csv")
    db.add(feed)
    db.flush()
    db.add(
        Offer(source_id=feed.id, external_id="2", title="Kurs z pliku", url="https://a.example/2",
              content_hash="y")
    )  # fmt: skip
    db.commit()
    assert [o.title for o in linked_offers(db, inst)] == ["Kurs z BUR", "Kurs z pliku"]
    other = institution(db, "Szkoła B")
    assert linked_offers(db, other) == []


def test_history_rows_are_kept_per_change(db):
    inst = institution(db)
    account = member(db, inst)
    saved = save(db, inst, account, submit=False)
    save(db, inst, account, submit=True)
    rows = db.exec(select(OfferChange).where(OfferChange.offer_id == saved.offer_id)).all()
    assert [r.action for r in rows] == ["created", "submitted"]


def test_the_institutions_own_record_heads_the_cluster_of_a_crawled_copy(db, database_url):
    inst = institution(db)
    account = member(db, inst)
    recorder = CrawlRecorder(db.get_bind(), "sample-crawl")
    recorder.start()
    copy = welding().to_raw("sample-crawl", "C-1")
    copy.provider_name = "Szkoła A"
    assert recorder.add(copy) == "new"
    recorder.finish(complete=True)
    crawled = db.exec(select(Offer).where(Offer.external_id == "C-1")).one()
    own = published(db, inst, account)
    db.refresh(crawled)
    db.refresh(own)
    assert own.first_seen > crawled.first_seen  # the crawl saw it first, yet the own record wins
    assert (own.canonical_id, crawled.canonical_id) == (None, own.id)
    set_state(db, own, Actor(account.id), "archive")
    db.refresh(crawled)
    assert crawled.canonical_id is None  # archived: the crawled copy is shown again


def test_a_published_offers_edit_awaiting_review_leaves_the_published_version_live(db):
    inst = institution(db)
    account = member(db, inst)
    offer = published(db, inst, account)
    held = save(db, inst, account, title="Kurs spawania TIG")
    db.refresh(offer)
    assert (held.state, held.changed) == (OfferStatus.review, True)
    assert (offer.status, offer.title) == (OfferStatus.active, "Kurs spawania MAG")  # still live
    assert fields_of(offer).title == "Kurs spawania TIG"  # the form shows the edit
    assert [o.id for o in review_queue(db)] == [offer.id]
    assert save(db, inst, account, title="Kurs spawania TIG").changed is False
    set_state(db, offer, Actor(None, None, "review"), "approve")
    assert (offer.status, offer.title) == (OfferStatus.active, "Kurs spawania TIG")
    assert pending_edit(offer) is None and review_queue(db) == []
    assert history(db, offer.id)[0].fields["title"] == ["Kurs spawania MAG", "Kurs spawania TIG"]


def test_a_published_offers_edit_sent_back_or_withdrawn_is_dropped(db):
    inst = institution(db)
    account = member(db, inst)
    offer = published(db, inst, account)
    save(db, inst, account, title="Kurs spawania TIG")
    change = set_state(db, offer, Actor(None, None, "review"), "return", reason="Tytuł jak był")
    assert (change.action, change.fields) == ("returned", {})
    assert (offer.status, offer.title) == (OfferStatus.active, "Kurs spawania MAG")
    assert pending_edit(offer) is None
    assert review_queue(db) == []
    with pytest.raises(StateChangeRefused):
        set_state(db, offer, Actor(None, None, "review"), "approve")
    save(db, inst, account, title="Kurs spawania TIG")
    back = save(db, inst, account)  # the published version again: the held edit is withdrawn
    db.refresh(offer)
    assert (back.state, back.changed, pending_edit(offer)) == (OfferStatus.active, True, None)
    assert review_queue(db) == []
