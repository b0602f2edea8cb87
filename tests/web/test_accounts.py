"""Registration, confirmation, sign-in, sign-out and a new password through the pages, as a
browser sends them (CSRF tokens included), with the e-mail read from a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.accounts import Account, Role
from catalogue.models import Institution
from operations.accounts import create_staff_account
from operations.mailbox import Mailbox
from tests.mail_support import (
    db,
    link_path,
    mail_app,
    mailbox,
    messages_to,
    only_message_to,
    post_form,
    text_of,
)
from web.auth import SESSION_COOKIE

__all__ = ["db", "mail_app", "mailbox"]  # the fixtures, found by name

EMAIL, PASSWORD = "ola.nowak@example.org", "długie hasło ośrodka"
FORM = {
    "institution_name": "Ośrodek Szkoleń Lubuskie",
    "nip": "123-456-32-18",
    "ris_number": "2.08/00123/2019",
    "person_name": "Ola Nowak",
    "email": EMAIL,
    "password": PASSWORD,
    "consent": "1",
}


@pytest.fixture
def client(mail_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(mail_app) as test_client:
        yield test_client


def registered_and_confirmed(client: TestClient, mailbox: Mailbox, email: str = EMAIL) -> None:
    assert post_form(client, "/rejestracja", {**FORM, "email": email}).status_code == 303
    path = link_path(only_message_to(mailbox, email), "/potwierdz/")
    assert post_form(client, path, {}).status_code == 200


def sign_in(client: TestClient, email: str = EMAIL, password: str = PASSWORD, next: str = ""):
    return post_form(client, "/logowanie", {"email": email, "password": password, "next": next})


def test_a_person_registers_confirms_signs_in_and_out(client: TestClient, mailbox: Mailbox):
    answer = post_form(client, "/rejestracja", FORM)
    assert (answer.status_code, answer.headers["location"]) == (303, "/rejestracja/wyslano")
    assert "Sprawdź skrzynkę" in client.get("/rejestracja/wyslano").text
    path = link_path(only_message_to(mailbox, EMAIL), "/potwierdz/")
    assert sign_in(client).status_code == 403  # not confirmed yet
    assert "Potwierdzam adres" in client.get(path).text  # the link opens a page with a button
    assert sign_in(client).status_code == 403  # which a mail scanner's GET does not press
    assert "Adres e-mail potwierdzony" in post_form(client, path, {}).text
    assert client.get(path).status_code == 400  # single use
    assert client.post(path, data={"csrf_token": "x"}).status_code in (400, 403)
    signed_in = sign_in(client, next="/konto")
    assert (signed_in.status_code, signed_in.headers["location"]) == (303, "/konto")
    assert SESSION_COOKIE in client.cookies
    account = client.get("/konto")
    assert EMAIL in account.text and "czeka na zatwierdzenie" in account.text
    assert account.headers["cache-control"] == "no-store"
    assert "Wyloguj się" in account.text  # the header's form
    signed_out = post_form(client, "/konto", {}, action="/wyloguj")
    assert signed_out.headers["location"] == "/logowanie?zrobiono=wylogowano"
    assert client.get("/konto", follow_redirects=False).headers["location"] == (
        "/logowanie?next=%2Fkonto"
    )


def test_a_form_with_problems_says_each_next_to_its_field(
    client: TestClient, mailbox: Mailbox, db: Session
):
    answer = post_form(client, "/rejestracja", {**FORM, "nip": "123-456-32-19", "consent": ""})
    assert answer.status_code == 422
    assert "nie zgadza się cyfra kontrolna" in answer.text
    assert 'aria-describedby="field-nip-hint field-nip-error"' in answer.text
    assert 'id="field-nip" name="nip" value="123-456-32-19"' in answer.text
    assert 'id="field-consent-error"' in answer.text and PASSWORD not in answer.text
    assert db.exec(select(Institution)).all() == [] and mailbox.messages() == []
    english = post_form(client, "/rejestracja?lang=en", {**FORM, "nip": "1"})
    assert "A NIP has 10 digits." in english.text


def test_a_registered_address_gets_the_same_answer_and_its_owner_an_email(
    client: TestClient, mailbox: Mailbox, db: Session
):
    registered_and_confirmed(client, mailbox)
    again = post_form(client, "/rejestracja", {**FORM, "nip": "", "regon": "123456785"})
    assert (again.status_code, again.headers["location"]) == (303, "/rejestracja/wyslano")
    assert len(db.exec(select(Institution)).all()) == 1
    assert "już istnieje" in text_of(messages_to(mailbox, EMAIL)[-1])


def test_the_same_nip_registers_once(client: TestClient, mailbox: Mailbox):
    registered_and_confirmed(client, mailbox)
    again = post_form(client, "/rejestracja", {**FORM, "email": "inna@example.org"})
    assert again.status_code == 422 and "jest już zarejestrowana" in again.text


def test_a_form_without_its_csrf_token_changes_nothing(client: TestClient, db: Session):
    client.get("/rejestracja")  # the cookie, but not the form's token
    assert client.post("/rejestracja", data={**FORM, "csrf_token": "x"}).status_code == 403
    # a token with letters beyond ASCII is refused the same way (it was a 500)
    assert client.post("/rejestracja", data={**FORM, "csrf_token": "zły"}).status_code == 403
    assert db.exec(select(Account)).all() == []


def test_login_is_the_sign_in_page(client: TestClient):
    moved = client.get("/login?next=/panel", follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (308, "/logowanie?next=/panel")


def test_a_wrong_password_and_an_unknown_address_read_the_same(
    client: TestClient, mailbox: Mailbox
):
    registered_and_confirmed(client, mailbox)
    wrong = sign_in(client, password="zupełnie złe hasło")
    unknown = sign_in(client, email="nikt@example.org")
    assert wrong.status_code == unknown.status_code == 401
    assert "Nieprawidłowy adres e-mail lub hasło." in wrong.text
    assert wrong.text.replace(EMAIL, "nikt@example.org") == unknown.text


def test_repeated_failures_are_throttled_with_one_wording(client: TestClient, mailbox: Mailbox):
    registered_and_confirmed(client, mailbox)
    for _ in range(5):
        assert sign_in(client, password="zupełnie złe hasło").status_code == 401
    throttled = sign_in(client)  # even the right password
    assert throttled.status_code == 429 and throttled.headers["retry-after"] == "900"
    assert "Zbyt wiele nieudanych prób" in throttled.text
    assert SESSION_COOKIE not in client.cookies


def test_only_this_site_is_a_place_to_go_after_signing_in(client: TestClient, mailbox: Mailbox):
    registered_and_confirmed(client, mailbox)
    assert sign_in(client, next="//evil.example/x").headers["location"] == "/panel"


def test_a_new_password_by_link_ends_every_session(
    mail_app: FastAPI, client: TestClient, mailbox: Mailbox
):
    registered_and_confirmed(client, mailbox)
    with TestClient(mail_app) as elsewhere:
        sign_in(elsewhere)
        assert elsewhere.get("/konto").status_code == 200
        for email in ("nikt@example.org", EMAIL.upper()):
            sent = post_form(client, "/haslo", {"email": email})
            assert sent.headers["location"] == "/haslo?wyslano=1"
        assert len(mailbox.messages()) == 2  # the confirmation and one reset link
        path = link_path(messages_to(mailbox, EMAIL)[-1], "/haslo/")
        assert post_form(client, path, {"password": "krótkie"}).status_code == 422
        done = post_form(client, path, {"password": "zupełnie nowe hasło"})
        assert done.headers["location"] == "/logowanie?zrobiono=haslo"
        assert elsewhere.get("/konto", follow_redirects=False).status_code == 303
    assert client.get(path).status_code == 400
    assert sign_in(client).status_code == 401
    assert sign_in(client, password="zupełnie nowe hasło").status_code == 303


def test_signing_out_everywhere_ends_the_other_browsers_sessions(
    mail_app: FastAPI, client: TestClient, mailbox: Mailbox
):
    registered_and_confirmed(client, mailbox)
    sign_in(client)
    with TestClient(mail_app) as elsewhere:
        sign_in(elsewhere)
        answer = post_form(client, "/konto", {}, action="/konto/wyloguj-wszedzie")
        assert answer.headers["location"] == "/logowanie?zrobiono=wszedzie"
        assert elsewhere.get("/konto", follow_redirects=False).status_code == 303
    assert client.get("/konto", follow_redirects=False).status_code == 303


def coordinator_client(mail_app: FastAPI, db: Session) -> TestClient:
    create_staff_account(db, "wup@example.org", "hasło koordynatora", Role.coordinator)
    coordinator = TestClient(mail_app)
    signed_in = sign_in(coordinator, "wup@example.org", "hasło koordynatora")
    assert signed_in.headers["location"] == "/koordynator/instytucje"  # a coordinator's home
    return coordinator


def test_a_coordinator_approves_a_pending_institution(
    mail_app: FastAPI, client: TestClient, mailbox: Mailbox, db: Session
):
    registered_and_confirmed(client, mailbox)
    sign_in(client)
    assert client.get("/koordynator/instytucje").status_code == 403  # a member is no coordinator
    coordinator = coordinator_client(mail_app, db)
    page = coordinator.get("/koordynator/instytucje")
    assert "Ośrodek Szkoleń Lubuskie" in page.text and "NIP 1234563218" in page.text
    assert f"&lt;{EMAIL}&gt; (adres potwierdzony)" in page.text
    institution_id = db.exec(select(Institution.id)).one()
    action = f"/koordynator/instytucje/{institution_id}"
    refused = post_form(coordinator, "/koordynator/instytucje", {"decision": "refuse"}, action)
    assert refused.status_code == 422 and "Podaj powód odmowy" in refused.text
    approved = post_form(coordinator, "/koordynator/instytucje", {"decision": "approve"}, action)
    assert approved.headers["location"] == "/koordynator/instytucje?zrobiono=zatwierdzono"
    assert "zatwierdził" in text_of(messages_to(mailbox, EMAIL)[-1])
    assert "zatwierdzona" in client.get("/konto").text
    again = post_form(coordinator, "/koordynator/instytucje", {"decision": "approve"}, action)
    assert again.status_code == 404
    assert "Oferty do przejrzenia" in coordinator.get("/konto").text  # the coordinator's header


def test_the_coordinators_page_sends_strangers_to_sign_in(client: TestClient):
    answer = client.get("/koordynator/instytucje", follow_redirects=False)
    assert answer.headers["location"] == "/logowanie?next=%2Fkoordynator%2Finstytucje"
    assert "Zaloguj się" in client.get("/logowanie").text
