"""A career adviser asks for an account, confirms the address from the mail, waits, and is
approved or refused by a coordinator: through the pages, as a browser sends them (CSRF tokens
included), with every e-mail read from a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.accounts import Account, EmailToken, Role
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

EMAIL, PASSWORD = "anna.doradca@pup-zary.example.org", "hasło doradczyni z Żar"
COORDINATOR, COORDINATOR_PASSWORD = "wup@example.org", "hasło koordynatora"
FORM = {
    "person_name": "Anna Nowak",
    "organisation": "PUP w Żarach",
    "email": EMAIL,
    "password": PASSWORD,
    "consent": "1",
}
REQUESTS = "/koordynator/doradcy"


@pytest.fixture
def client(mail_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(mail_app) as test_client:
        yield test_client


@pytest.fixture
def coordinator(mail_app: FastAPI, db: Session) -> Iterator[TestClient]:
    create_staff_account(db, COORDINATOR, COORDINATOR_PASSWORD, Role.coordinator)
    with TestClient(mail_app) as test_client:
        assert sign_in(test_client, COORDINATOR, COORDINATOR_PASSWORD).status_code == 303
        yield test_client


def sign_in(client: TestClient, email: str = EMAIL, password: str = PASSWORD):
    return post_form(client, "/logowanie", {"email": email, "password": password})


def requested_and_confirmed(client: TestClient, mailbox: Mailbox) -> None:
    answer = post_form(client, "/rejestracja/doradca", FORM)
    assert (answer.status_code, answer.headers["location"]) == (303, "/rejestracja/wyslano")
    path = link_path(only_message_to(mailbox, EMAIL), "/potwierdz/")
    assert "Potwierdzam adres" in client.get(path).text  # a page whose button confirms
    assert sign_in(client).status_code == 403  # the GET confirmed nothing
    confirmed = post_form(client, path, {})
    assert confirmed.status_code == 200 and "rozpatrzy prośbę o konto doradcy" in confirmed.text


def adviser_id(db: Session) -> int:
    found = db.exec(select(Account.id).where(Account.email == EMAIL)).one()
    assert found is not None
    return found


def test_an_adviser_asks_confirms_waits_and_is_approved(
    client: TestClient, coordinator: TestClient, mailbox: Mailbox, db: Session
):
    assert "Poproś o konto doradcy" in client.get("/logowanie").text
    requested_and_confirmed(client, mailbox)
    account = db.get(Account, adviser_id(db))
    assert account is not None
    assert (account.role, account.active, account.name) == (
        Role.adviser, False, "Anna Nowak – PUP w Żarach"
    )  # fmt: skip
    awaiting = sign_in(client)
    assert awaiting.status_code == 403 and "czeka na zatwierdzenie" in awaiting.text
    assert SESSION_COOKIE not in client.cookies
    assert client.get("/doradca", follow_redirects=False).status_code == 303  # to sign in
    told = only_message_to(mailbox, COORDINATOR)  # the coordinator hears of the request
    assert "Anna Nowak – PUP w Żarach" in text_of(told)
    assert link_path(told, REQUESTS) == REQUESTS
    page = coordinator.get(REQUESTS)
    assert "Anna Nowak – PUP w Żarach" in page.text and f"{EMAIL} (adres potwierdzony)" in page.text
    assert "Doradcy do zatwierdzenia" in coordinator.get("/koordynator/instytucje").text  # nav
    action = f"{REQUESTS}/{account.id}"
    approved = post_form(coordinator, REQUESTS, {"decision": "approve"}, action)
    assert approved.headers["location"] == f"{REQUESTS}?zrobiono=zatwierdzono"
    assert "zatwierdził Twoje konto doradcy" in text_of(messages_to(mailbox, EMAIL)[-1])
    assert "Żaden doradca nie czeka" in coordinator.get(approved.headers["location"]).text
    again = post_form(coordinator, REQUESTS, {"decision": "approve"}, action)
    assert again.status_code == 404
    signed_in = sign_in(client)
    assert (signed_in.status_code, signed_in.headers["location"]) == (303, "/doradca")
    assert client.get("/doradca").status_code == 200


def test_a_refusal_mails_the_reason_and_forgets_the_request(
    client: TestClient, coordinator: TestClient, mailbox: Mailbox, db: Session
):
    requested_and_confirmed(client, mailbox)
    action = f"{REQUESTS}/{adviser_id(db)}"
    unreasoned = post_form(coordinator, REQUESTS, {"decision": "refuse"}, action)
    assert unreasoned.status_code == 422 and "Podaj powód odmowy" in unreasoned.text
    assert 'aria-invalid="true"' in unreasoned.text
    reason = "Nie znaleźliśmy Pani w wykazie doradców PUP w Żarach."
    refused = post_form(coordinator, REQUESTS, {"decision": "refuse", "reason": reason}, action)
    assert refused.headers["location"] == f"{REQUESTS}?zrobiono=odmowiono"
    mail = text_of(messages_to(mailbox, EMAIL)[-1])
    assert "nie zatwierdził" in mail and reason in mail
    db.expire_all()
    assert db.exec(select(Account).where(Account.email == EMAIL)).all() == []
    assert db.exec(select(EmailToken)).all() == []
    assert sign_in(client).status_code == 401  # no account: the same answer as a wrong one
    assert post_form(client, "/rejestracja/doradca", FORM).status_code == 303  # may ask again


def test_an_unconfirmed_request_cannot_be_approved(
    client: TestClient, coordinator: TestClient, mailbox: Mailbox, db: Session
):
    post_form(client, "/rejestracja/doradca", FORM)
    page = coordinator.get(REQUESTS)
    assert "(adres niepotwierdzony)" in page.text and 'value="approve"' not in page.text
    action = f"{REQUESTS}/{adviser_id(db)}"
    answer = post_form(coordinator, REQUESTS, {"decision": "approve"}, action)
    assert answer.status_code == 422 and "nie potwierdził jeszcze adresu" in answer.text
    assert messages_to(mailbox, COORDINATOR) == []  # told only once the address is confirmed
    assert sign_in(client).status_code == 403  # unconfirmed


def test_only_a_coordinator_decides(
    mail_app: FastAPI, client: TestClient, mailbox: Mailbox, db: Session
):
    requested_and_confirmed(client, mailbox)
    action = f"{REQUESTS}/{adviser_id(db)}"
    create_staff_account(db, "inny.doradca@example.org", "hasło innego doradcy", Role.adviser)
    with TestClient(mail_app) as other:
        assert sign_in(other, "inny.doradca@example.org", "hasło innego doradcy").status_code == 303
        assert other.get(REQUESTS).status_code == 403
        assert post_form(other, "/doradca", {"decision": "approve"}, action).status_code == 403
    anonymous = post_form(client, "/rejestracja/doradca", {"decision": "approve"}, action)
    assert anonymous.status_code == 401
    assert client.get(REQUESTS, follow_redirects=False).status_code == 303
    db.expire_all()
    account = db.get(Account, adviser_id(db))
    assert account is not None and not account.active


def test_the_form_says_each_problem_and_an_address_in_use_reads_the_same(
    client: TestClient, mailbox: Mailbox, db: Session
):
    too_long = "P" * 201
    wrong = {**FORM, "organisation": too_long, "password": "krótkie", "consent": ""}
    answer = post_form(client, "/rejestracja/doradca", wrong)
    assert answer.status_code == 422
    assert 'id="field-organisation-error"' in answer.text and "za długi" in answer.text
    assert 'id="field-password-error"' in answer.text and 'id="field-consent-error"' in answer.text
    assert 'id="field-person_name" name="person_name" value="Anna Nowak"' in answer.text
    assert db.exec(select(Account)).all() == [] and mailbox.messages() == []
    create_staff_account(db, EMAIL, "hasło istniejącego konta", Role.coordinator)
    again = post_form(client, "/rejestracja/doradca", FORM)
    assert (again.status_code, again.headers["location"]) == (303, "/rejestracja/wyslano")
    assert "już istnieje" in text_of(only_message_to(mailbox, EMAIL))
    assert len(db.exec(select(Account)).all()) == 1
    assert client.post("/rejestracja/doradca", data={**FORM, "csrf_token": "x"}).status_code == 403
