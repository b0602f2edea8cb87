"""An upload checked, kept, then published once: on a real catalogue (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, col, select

from catalogue.accounts import Account, Approval, OfferChange, Role, Upload
from catalogue.models import IndexChange, Institution, Offer, OfferStatus, utcnow
from catalogue.moderation import FIRST_OFFERS_REVIEWED
from catalogue.store import CrawlRecorder
from catalogue.uploads import UPLOAD_MAX_BYTES
from operations.institution_offers import Actor, history, set_state
from operations.parallel_checks import PARALLEL_FROM
from operations.uploads import (
    STALE_PUBLISHING,
    UploadNotFound,
    UploadNotPublishable,
    check_upload,
    discard_upload,
    get_upload,
    publish_upload,
    recent_uploads,
)
from tests.operations import test_institution_offers

TODAY = date(2026, 12, 7)
db = test_institution_offers.db  # the fixture: a session on a fresh catalogue
HEADER = "id_oferty;tytul;url;id_terminu;data_rozpoczecia;data_zakonczenia;miejscowosc;cena"


def offer_row(n: int, start: str = "2027-03-01", end: str = "2027-04-30") -> str:
    return f"K-{n};Kurs spawania MAG nr {n};https://szkola.example.pl/k{n};T{n};{start};{end};Żary;1200"


def file_of(*rows: str) -> bytes:
    return ("\ufeff" + "\r\n".join((HEADER, *rows)) + "\r\n").encode()


def member_of(db: Session, name: str) -> Account:
    institution = Institution(name=name, key=name.lower(), approval=Approval.approved)
    db.add(institution)
    db.commit()
    account = Account(
        email=f"{name.lower()}@example.pl", password_hash="x", role=Role.member,
        institution_id=institution.id,
    )  # fmt: skip
    db.add(account)
    db.commit()
    db.refresh(account)
    return account


def offers_of(db: Session) -> dict[str, OfferStatus]:
    return {o.external_id: o.status for o in db.exec(select(Offer))}


def test_a_checked_upload_keeps_the_file_and_its_problems_and_publishes_nothing(db):
    account = member_of(db, "A")
    bad = offer_row(2, start="2027-05-01", end="2027-04-01")
    upload = check_upload(db, account, "oferta.csv", file_of(offer_row(1), bad), today=TODAY)
    assert (upload.state, upload.rows, upload.errors, upload.warnings) == ("checked", 2, 1, 0)
    assert upload.content.startswith(b"\xef\xbb\xbfid_oferty")
    [problem] = upload.problems
    assert problem["row"] == 3 and problem["code"] == "end_before_start"
    assert problem["column"] == "data_zakonczenia" and problem["severity"] == "error"
    assert problem["message"] and problem["message_en"]
    assert offers_of(db) == {}


def test_publishing_writes_the_offers_without_errors_once_with_history_and_index_changes(db):
    account = member_of(db, "A")
    rows = [offer_row(n) for n in range(1, FIRST_OFFERS_REVIEWED + 3)]
    rows.append(offer_row(99, start="2027-05-01", end="2027-04-01"))  # an error: held back
    upload = check_upload(db, account, "oferta.csv", file_of(*rows), today=TODAY)

    published = publish_upload(db, account, upload.id)

    total = FIRST_OFFERS_REVIEWED + 2
    assert (published.offers, published.unchanged, published.refused) == (total, 0, [])
    # A new institution's first offers wait for the coordinator (catalogue.moderation).
    assert (published.review, published.active) == (total, 0)
    states = offers_of(db)
    assert "K-99" not in states and set(states.values()) == {OfferStatus.review}
    db.expire_all()
    assert get_upload(db, account, upload.id).state == "published"
    changes = db.exec(select(OfferChange)).all()
    assert len(changes) == total and {c.via for c in changes} == {"upload"}
    assert {c.account_id for c in changes} == {account.id}
    offer_ids = {o.id for o in db.exec(select(Offer))}
    assert offer_ids <= {c.offer_id for c in db.exec(select(IndexChange))}

    with pytest.raises(UploadNotPublishable):  # a double click publishes nothing twice
        publish_upload(db, account, upload.id)
    assert len(db.exec(select(OfferChange)).all()) == total


def test_an_established_institutions_upload_is_published_at_once(db):
    account = member_of(db, "A")
    first = [offer_row(n) for n in range(1, FIRST_OFFERS_REVIEWED + 1)]
    upload = check_upload(db, account, "pierwsze.csv", file_of(*first), today=TODAY)
    publish_upload(db, account, upload.id)
    coordinator = Actor(None, None, "review")
    for offer in db.exec(select(Offer)).all():
        set_state(db, offer, coordinator, "approve")
    more = check_upload(db, account, "nowe.csv", file_of(offer_row(50), offer_row(51)), TODAY)
    published = publish_upload(db, account, more.id)
    assert (published.active, published.review) == (2, 0)
    assert set(offers_of(db).values()) == {OfferStatus.active}


def test_published_rows_head_the_clusters_of_their_crawled_copies(db):
    account = member_of(db, "A")
    recorder = CrawlRecorder(db.get_bind(), "sample-crawl")
    recorder.start()
    for n in (60, 61):  # the same courses, crawled from elsewhere first
        copy = test_institution_offers.welding(title=f"Kurs spawania MAG nr {n}").to_raw(
            "sample-crawl", f"C-{n}"
        )
        copy.provider_name = "A"
        assert recorder.add(copy) == "new"
    recorder.finish(complete=True)
    established = [offer_row(n) for n in range(1, FIRST_OFFERS_REVIEWED + 1)]
    upload = check_upload(db, account, "pierwsze.csv", file_of(*established), today=TODAY)
    publish_upload(db, account, upload.id)
    for offer in db.exec(select(Offer).where(col(Offer.external_id).startswith("K-"))).all():
        set_state(db, offer, Actor(None, None, "review"), "approve")
    rows = [offer_row(60, end="2027-04-30"), offer_row(61, end="2027-04-30")]
    more = check_upload(db, account, "kopie.csv", file_of(*rows), today=TODAY)
    assert publish_upload(db, account, more.id).active == 2
    by_id = {o.external_id: o for o in db.exec(select(Offer)).all()}
    for n in (60, 61):
        own, crawled = by_id[f"K-{n}"], by_id[f"C-{n}"]
        db.refresh(own)
        db.refresh(crawled)
        assert (own.canonical_id, crawled.canonical_id) == (None, own.id)


def test_the_same_file_uploaded_again_changes_nothing(db):
    account = member_of(db, "A")
    data = file_of(offer_row(1), offer_row(2))
    first = check_upload(db, account, "oferta.csv", data, today=TODAY)
    publish_upload(db, account, first.id)
    second = check_upload(db, account, "oferta.csv", data, today=TODAY)
    published = publish_upload(db, account, second.id)
    assert (published.offers, published.unchanged) == (0, 2)
    assert len(db.exec(select(OfferChange)).all()) == 2


def test_another_institutions_upload_is_not_found_and_cannot_be_published(db):
    owner, other = member_of(db, "A"), member_of(db, "B")
    upload = check_upload(db, owner, "oferta.csv", file_of(offer_row(1)), today=TODAY)
    with pytest.raises(UploadNotFound):
        get_upload(db, other, upload.id)
    with pytest.raises(UploadNotFound):
        publish_upload(db, other, upload.id)
    with pytest.raises(UploadNotFound):
        discard_upload(db, other, upload.id)
    assert recent_uploads(db, other) == [] and recent_uploads(db, owner)[0].id == upload.id
    assert offers_of(db) == {}


def test_a_file_over_the_limit_is_kept_as_one_error_without_its_content(db):
    account = member_of(db, "A")
    data = file_of(offer_row(1)) + b" " * UPLOAD_MAX_BYTES
    upload = check_upload(db, account, "duzy.csv", data, today=TODAY)
    assert (upload.errors, upload.rows, upload.content) == (1, 0, b"")
    assert upload.problems[0]["code"] == "file_too_large"
    with pytest.raises(UploadNotPublishable):
        publish_upload(db, account, upload.id)


def test_a_discarded_upload_forgets_its_file_and_publishes_nothing(db):
    account = member_of(db, "A")
    upload = check_upload(db, account, "oferta.csv", file_of(offer_row(1)), today=TODAY)
    discard_upload(db, account, upload.id)
    db.expire_all()
    kept = db.exec(select(Upload).where(col(Upload.id) == upload.id)).one()
    assert (kept.state, kept.content) == ("discarded", b"")
    with pytest.raises(UploadNotPublishable):
        publish_upload(db, account, upload.id)
    assert offers_of(db) == {}


def test_an_upload_being_published_is_not_published_twice_unless_its_process_died(db):
    account = member_of(db, "A")
    upload = check_upload(db, account, "oferta.csv", file_of(offer_row(1)), today=TODAY)
    upload.state, upload.published_at = "publishing", utcnow() - timedelta(minutes=1)
    db.commit()
    with pytest.raises(UploadNotPublishable):  # another request is publishing it right now
        publish_upload(db, account, upload.id)
    assert offers_of(db) == {}
    upload = get_upload(db, account, upload.id)
    upload.published_at = utcnow() - STALE_PUBLISHING - timedelta(minutes=1)
    db.commit()
    published = publish_upload(db, account, upload.id)  # that request's process died
    assert published.offers == 1 and set(offers_of(db)) == {"K-1"}
    db.expire_all()
    assert get_upload(db, account, upload.id).state == "published"


def test_a_large_file_is_checked_in_a_worker_and_published_whole_then_edited_in_place(db):
    """More offers than `PARALLEL_FROM`: the normaliser reads them in a worker process while
    this one writes them in a batch (no flush per offer): every offer is stored with its one
    history row and its index change, and a second file that changes one offer edits it."""
    account = member_of(db, "A")
    count = PARALLEL_FROM + 20
    rows = [offer_row(n) for n in range(1, count + 1)]
    upload = check_upload(db, account, "duza.csv", file_of(*rows), today=TODAY)

    published = publish_upload(db, account, upload.id)

    assert (published.offers, published.refused) == (count, [])
    offers = db.exec(select(Offer)).all()
    assert len(offers) == count
    assert {o.title for o in offers} == {f"Kurs spawania MAG nr {n}" for n in range(1, count + 1)}
    assert all(o.editions[0].gmina_teryt for o in offers)  # the normaliser's reading: Żary
    changes = db.exec(select(OfferChange)).all()
    assert sorted(c.offer_id for c in changes) == sorted(o.id for o in offers)
    assert {o.id for o in offers} <= {c.offer_id for c in db.exec(select(IndexChange))}

    rows[6] = rows[6].replace("Kurs spawania MAG nr 7", "Kurs spawania TIG nr 7")
    again = check_upload(db, account, "duza.csv", file_of(*rows), today=TODAY)
    published = publish_upload(db, account, again.id)
    assert (published.offers, published.unchanged) == (1, count - 1)
    assert len(db.exec(select(Offer)).all()) == count
    edited = db.exec(select(Offer).where(Offer.external_id == "K-7")).one()
    [last, _] = history(db, edited.id or 0)
    assert last.fields["title"] == ["Kurs spawania MAG nr 7", "Kurs spawania TIG nr 7"]
