"""The institution's panel and offer form, and the coordinator's review queue, in the real app
over a real SQLite file, with a real SMTP server for the mail sending an offer back."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.responses import Response

from catalogue.accounts import Account, Role
from catalogue.db import create_all, get_engine
from catalogue.models import Institution, Offer, OfferStatus, Source
from catalogue.offer_fields import OfferFields
from operations.institution_offers import Actor, lock_institution, save_offer
from operations.mailbox import Mailbox
from tests.app_settings import app_settings
from tests.mail_support import account_settings, mailbox, only_message_to, text_of  # noqa: F401
from web.app import create_app
from web.auth import SESSION_COOKIE, start_session

START = (date.today() + timedelta(days=60)).isoformat()
END = (date.today() + timedelta(days=90)).isoformat()


@dataclass
class Site:
    engine: Engine
    clients: dict[str, TestClient]
    institutions: dict[str, int]
    mailbox: Mailbox

    def db(self) -> Session:
        return Session(self.engine)


def _account(db: Session, email: str, role: Role, institution_id: int | None) -> Account:
    account = Account(
        email=email, password_hash="x", role=role, institution_id=institution_id,
        email_confirmed_at=datetime.now(UTC),
    )  # fmt: skip
    db.add(account)
    db.commit()
    db.refresh(account)
    return account


def _signed_in(app, db: Session, account: Account) -> TestClient:
    response = Response()
    start_session(response, db, account)
    token = re.search(rf"{SESSION_COOKIE}=([^;]+)", response.headers["set-cookie"])
    assert token is not None
    client = TestClient(app, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token.group(1))
    return client


@pytest.fixture
def site(tmp_path: Path, mailbox: Mailbox) -> Iterator[Site]:  # noqa: F811
    database_url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    engine = get_engine(database_url)
    create_all(engine)
    settings = app_settings(database_url, tmp_path / "index").model_copy(
        update={"accounts": account_settings(mailbox)}
    )
    app = create_app(settings)
    with Session(engine) as db:
        a = Institution(name="CKZ Odra", key="ckz odra", approval="approved")
        b = Institution(name="Szkoła B", key="szkola b", approval="approved")
        db.add_all([a, b])
        db.commit()
        clients = {
            "a": _signed_in(app, db, _account(db, "a@ckz.example", Role.member, a.id)),
            "b": _signed_in(app, db, _account(db, "b@b.example", Role.member, b.id)),
            "coordinator": _signed_in(
                app, db, _account(db, "k@wup.example", Role.coordinator, None)
            ),
            "anonymous": TestClient(app, follow_redirects=False),
        }
        institutions = {"a": a.id, "b": b.id}
    yield Site(engine, clients, institutions, mailbox)  # type: ignore[arg-type]
    engine.dispose()


def csrf(client: TestClient, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def welding(**changes: str) -> dict[str, str]:
    form = {
        "id_oferty": "K-1", "tytul": "Kurs spawania MAG", "url": "https://ckz.example/mag",
        "rodzaj": "kurs", "kod_kwalifikacji": "MEC.08", "forma": "stacjonarna",
        "liczba_godzin": "120", "editions": "3", "e0-data_rozpoczecia": START,
        "e0-data_zakonczenia": END, "e0-miejscowosc": "Żary", "e0-cena": "1 200 zł",
    }  # fmt: skip
    return form | changes


def post(client: TestClient, path: str, form: dict[str, str], page: str | None = None):
    token = csrf(client, page or path)
    return client.post(path, data=form | {"csrf_token": token})


def check_and(client: TestClient, form: dict[str, str], action: str, path="/panel/oferty/nowa"):
    checked = post(client, path, form | {"action": "check"}, "/panel/oferty/nowa")
    assert checked.status_code == 200, checked.text
    digest = re.search(r'name="checked" value="([0-9a-f]{64})"', checked.text)
    assert digest is not None
    return post(client, path, form | {"action": action, "checked": digest.group(1)},
                "/panel/oferty/nowa")  # fmt: skip


def saved_offer(site: Site, external_id: str = "K-1") -> Offer:
    with site.db() as db:
        offer = db.exec(select(Offer).where(Offer.external_id == external_id)).one()
        db.expunge(offer)
        return offer


def test_the_panel_asks_the_anonymous_to_sign_in_and_refuses_other_roles(site):
    answer = site.clients["anonymous"].get("/panel")
    assert answer.status_code == 303 and answer.headers["location"].startswith("/logowanie")
    assert site.clients["coordinator"].get("/panel/oferty/nowa").status_code == 403
    assert site.clients["a"].get("/koordynator/oferty").status_code == 403


def test_the_new_offer_form_has_every_field_labelled_and_three_editions(site):
    page = site.clients["a"].get("/panel/oferty/nowa")
    assert page.status_code == 200
    for name in ("tytul", "url", "kod_kwalifikacji", "poziom_prk", "isced", "finansowanie"):
        assert f'<label for="f-{name}">' in page.text
    assert page.text.count('<fieldset class="edition">') == 3
    assert '<label for="e2-cena">' in page.text
    assert 'value="draft"' not in page.text  # saving comes after the check


def test_add_another_edition_rerenders_with_the_values_kept(site):
    answer = post(site.clients["a"], "/panel/oferty/nowa", welding(action="more"))
    assert answer.status_code == 200
    assert answer.text.count('<fieldset class="edition">') == 4
    assert 'value="Kurs spawania MAG"' in answer.text and 'value="Żary"' in answer.text


def test_the_check_shows_errors_tied_to_their_fields(site):
    form = welding(**{"e0-data_zakonczenia": "2020-01-01", "kod_kwalifikacji": "XYZ.99",
                      "e0-miejscowosc": "Pcim"})  # fmt: skip
    answer = post(site.clients["a"], "/panel/oferty/nowa", form | {"action": "check"})
    assert answer.status_code == 422
    assert 'role="alert"' in answer.text and 'href="#e0-data_zakonczenia"' in answer.text
    field = re.search(r'<input type="text" id="e0-miejscowosc"[^>]*>', answer.text)
    assert field is not None
    assert 'aria-invalid="true"' in field.group(0)
    assert 'aria-describedby="e0-miejscowosc-problem1"' in field.group(0)
    assert 'id="e0-miejscowosc-problem1"' in answer.text
    assert "Kwalifikacji XYZ.99 nie ma w wykazie" in answer.text
    assert 'value="submit"' not in answer.text


def test_the_check_shows_the_reading_then_publishing_sends_a_first_offer_to_review(site):
    client = site.clients["a"]
    checked = post(client, "/panel/oferty/nowa", welding(action="check"))
    assert checked.status_code == 200
    assert "0715" in checked.text and "powiat żarski" in checked.text and "MEC.08" in checked.text
    answer = check_and(client, welding(), "submit")
    assert answer.status_code == 303
    offer = saved_offer(site)
    assert answer.headers["location"] == f"/panel/oferty/{offer.id}?zrobiono=review"
    assert offer.status == OfferStatus.review
    page = client.get(answer.headers["location"])
    assert "jedna z pierwszych" in page.text  # why it waits
    assert "utworzono" in page.text or "wysłano do sprawdzenia" in page.text  # history


def test_a_form_changed_since_its_check_is_checked_again_not_saved(site):
    client = site.clients["a"]
    checked = post(client, "/panel/oferty/nowa", welding(action="check"))
    digest = re.search(r'name="checked" value="([0-9a-f]{64})"', checked.text)
    changed = welding(tytul="Kurs spawania TIG", action="draft", checked=digest.group(1))
    answer = post(client, "/panel/oferty/nowa", changed)
    assert answer.status_code == 200 and "Dane zmieniły się od sprawdzenia" in answer.text
    with site.db() as db:
        assert db.exec(select(Offer)).first() is None


def test_the_form_speaks_english_problems_included(site):
    form = welding(kod_kwalifikacji="XYZ.99", action="check")
    answer = post(site.clients["a"], "/panel/oferty/nowa?lang=en", form, "/panel/oferty/nowa")
    assert answer.status_code == 422 and '<html lang="en">' in answer.text
    assert "is not in the list of vocational qualifications" in answer.text
    assert "Correct the errors before saving the offer" in answer.text


def test_a_new_offer_may_not_take_an_id_already_used(site):
    client = site.clients["a"]
    assert check_and(client, welding(), "draft").status_code == 303
    again = post(client, "/panel/oferty/nowa", welding(tytul="Inny kurs", action="check"))
    assert again.status_code == 422 and "Masz już ofertę o tym identyfikatorze" in again.text


def test_a_new_offer_another_tab_creates_meanwhile_is_not_overwritten(site):
    """The form reads that its id is free, then waits for the institution's write lock,
    which another tab holds while it creates an offer with that id: the form then says the
    id is taken (before the lock: an IntegrityError, a 500)."""
    client = site.clients["a"]
    checked = post(client, "/panel/oferty/nowa", welding(action="check"))
    digest = re.search(r'name="checked" value="([0-9a-f]{64})"', checked.text)
    assert digest is not None
    form = welding(action="draft", checked=digest.group(1))
    form["csrf_token"] = csrf(client, "/panel/oferty/nowa")
    with Session(site.engine) as other, ThreadPoolExecutor(1) as pool:
        institution = other.get(Institution, site.institutions["a"])
        assert institution is not None and institution.id is not None
        lock_institution(other, institution.id)
        answer = pool.submit(client.post, "/panel/oferty/nowa", data=form)
        time.sleep(0.5)  # the form's request reads that K-1 is free, then waits for the lock
        fields = OfferFields(title="Kurs z drugiej karty", url="https://ckz.example/inny")
        save_offer(other, institution, actor=Actor(None, None, "form"), external_id="K-1",
                   fields=fields, submit=False)  # fmt: skip
        response = answer.result()
    assert response.status_code == 422 and "Masz już ofertę o tym identyfikatorze" in response.text
    assert saved_offer(site).title == "Kurs z drugiej karty"


def test_editing_archiving_and_restoring_an_offer_with_its_history(site):
    client = site.clients["a"]
    check_and(client, welding(), "draft")
    offer = saved_offer(site)
    path = f"/panel/oferty/{offer.id}"
    page = client.get(path)
    assert page.status_code == 200 and 'value="Kurs spawania MAG"' in page.text
    assert "powiat żarski" in page.text  # the stored offer's reading
    edited = check_and(client, welding(liczba_godzin="80"), "draft", path)
    assert edited.status_code == 303
    page = client.get(path)
    assert "duration_hours" in page.text and "120 → 80" in page.text
    assert "a@ckz.example" in page.text  # who changed it
    archived = post(client, f"{path}/archiwizuj", {}, path)
    assert archived.status_code == 303
    assert saved_offer(site).status == OfferStatus.archived
    post(client, f"{path}/przywroc", {}, path)
    assert saved_offer(site).status == OfferStatus.draft
    listing = client.get("/panel")
    assert "Kurs spawania MAG" in listing.text
    for page in ("/panel/import", "/panel/zrodla", "/panel/tokeny"):  # reachable from here
        assert f'href="{page}"' in listing.text


def test_another_institutions_offer_is_not_found(site):
    check_and(site.clients["a"], welding(), "draft")
    offer = saved_offer(site)
    b = site.clients["b"]
    assert b.get(f"/panel/oferty/{offer.id}").status_code == 404
    token = csrf(b, "/panel/oferty/nowa")
    for suffix in ("", "/archiwizuj"):
        answer = b.post(f"/panel/oferty/{offer.id}{suffix}", data={"csrf_token": token})
        assert answer.status_code == 404
    assert saved_offer(site).status == OfferStatus.draft
    assert "Kurs spawania MAG" not in b.get("/panel").text


def test_an_overlong_offer_id_is_refused_at_the_check(site):
    answer = post(
        site.clients["a"], "/panel/oferty/nowa", welding(id_oferty="x" * 201, action="check")
    )
    assert answer.status_code == 422 and 'href="#f-id_oferty"' in answer.text


def test_a_form_without_its_csrf_token_is_refused(site):
    answer = site.clients["a"].post("/panel/oferty/nowa", data=welding(action="check"))
    assert answer.status_code == 403


def test_linked_crawled_offers_are_listed_read_only(site):
    with site.db() as db:
        record = Institution(name="CKZ Odra (BUR)", key="ckz odra bur",
                             registered_id=site.institutions["a"])  # fmt: skip
        source = Source(name="sample-bur", title="Baza Usług Rozwojowych")
        db.add_all([record, source])
        db.flush()
        db.add(
            Offer(source_id=source.id, external_id="9", title="Kurs z BUR",
                  url="https://bur.example/9", content_hash="x", institution_id=record.id)
        )  # fmt: skip
        db.commit()
    page = site.clients["a"].get("/panel")
    assert "Kurs z BUR" in page.text and "Baza Usług Rozwojowych" in page.text
    assert "Kurs z BUR" not in site.clients["b"].get("/panel").text


def test_the_coordinator_approves_or_sends_back_with_a_reason_by_email(site):
    client = site.clients["a"]
    check_and(client, welding(), "submit")
    check_and(client, welding(id_oferty="K-2", tytul="Kurs spawania TIG"), "submit")
    first, second = saved_offer(site, "K-1"), saved_offer(site, "K-2")
    coordinator = site.clients["coordinator"]
    queue = coordinator.get("/koordynator/oferty")
    assert queue.status_code == 200
    assert "Kurs spawania MAG" in queue.text and "jedna z pierwszych" in queue.text
    assert "CKZ Odra" in queue.text
    approved = post(coordinator, f"/koordynator/oferty/{first.id}/zatwierdz", {},
                    "/koordynator/oferty")  # fmt: skip
    assert approved.status_code == 303
    assert saved_offer(site, "K-1").status == OfferStatus.active
    empty = post(coordinator, f"/koordynator/oferty/{second.id}/odeslij", {"reason": " "},
                 "/koordynator/oferty")  # fmt: skip
    assert empty.status_code == 422 and saved_offer(site, "K-2").status == OfferStatus.review
    returned = post(coordinator, f"/koordynator/oferty/{second.id}/odeslij",
                    {"reason": "Podaj adres zajęć."}, "/koordynator/oferty")  # fmt: skip
    assert returned.status_code == 303
    assert saved_offer(site, "K-2").status == OfferStatus.draft
    message = only_message_to(site.mailbox, "a@ckz.example")
    assert "Podaj adres zajęć." in text_of(message)
    assert f"/panel/oferty/{second.id}" in text_of(message)
    page = client.get(f"/panel/oferty/{second.id}")
    assert "Koordynator odesłał ofertę do poprawy" in page.text
    assert "Podaj adres zajęć." in page.text
    # An offer no longer in review is not in the queue, and cannot be decided again.
    again = post(coordinator, f"/koordynator/oferty/{first.id}/zatwierdz", {},
                 "/koordynator/oferty")  # fmt: skip
    assert again.status_code == 404


def test_a_published_offers_retitling_waits_for_review_while_the_old_title_stays_live(site):
    client, coordinator = site.clients["a"], site.clients["coordinator"]
    check_and(client, welding(), "submit")
    offer = saved_offer(site)
    post(coordinator, f"/koordynator/oferty/{offer.id}/zatwierdz", {}, "/koordynator/oferty")
    path = f"/panel/oferty/{offer.id}"
    answer = check_and(client, welding(tytul="Kurs spawania TIG"), "submit", path)
    assert answer.headers["location"] == f"{path}?zrobiono=review"
    live = saved_offer(site)
    assert (live.status, live.title) == (OfferStatus.active, "Kurs spawania MAG")
    page = client.get(path)
    assert "Twoje zmiany czekają na sprawdzenie" in page.text
    assert 'value="Kurs spawania TIG"' in page.text and "zmieniony tytuł" in page.text
    assert "zmiany czekają na sprawdzenie" in client.get("/panel").text
    queue = coordinator.get("/koordynator/oferty")
    assert "Opublikowana oferta ze zmianami" in queue.text and "Kurs spawania TIG" in queue.text
    approved = post(coordinator, f"/koordynator/oferty/{offer.id}/zatwierdz", {},
                    "/koordynator/oferty")  # fmt: skip
    assert approved.status_code == 303
    assert saved_offer(site).title == "Kurs spawania TIG"
    assert "Żadna oferta nie czeka" in coordinator.get("/koordynator/oferty").text
