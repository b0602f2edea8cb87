"""E-mail alerts of a search through the pages, as a browser sends them (CSRF tokens included),
with the mail read from a real SMTP server (the mail after a crawl:
tests/operations/test_search_alerts_crawl.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from parsel import Selector
from sqlmodel import Session, select

from catalogue.search_alerts import SearchAlert
from lll.settings import Settings
from operations.mailbox import Mailbox
from operations.search_alerts import unsubscribe_key
from tests.mail_support import (
    CSRF_INPUT,
    db,
    link_path,
    mail_app,
    mail_settings,
    mailbox,
    messages_to,
    only_message_to,
    post_form,
    text_of,
)

__all__ = ["db", "mail_app", "mail_settings", "mailbox"]  # the fixtures, found by name
pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

OLA = "ola@example.org"
FORM_PAGE = "/alerty/nowy?q=spawanie&kind=course"


@pytest.fixture
def client(mail_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(mail_app) as test_client:
        yield test_client


def subscribed(client: TestClient, mailbox: Mailbox, frequency: str = "daily") -> str:
    """Subscribe OLA from the form page; the confirmation link's path."""
    answer = post_form(
        client,
        FORM_PAGE,
        {"email": OLA, "frequency": frequency, "search": "kind=course&q=spawanie"},
        action="/alerty",
    )
    assert (answer.status_code, answer.headers["location"]) == (303, "/alerty/wyslano")
    return link_path(only_message_to(mailbox, OLA), "/alerty/potwierdz/")


def test_subscribe_confirm_by_a_button_and_unsubscribe(
    client: TestClient, mailbox: Mailbox, db: Session, mail_settings: Settings
) -> None:
    assert client.get("/alerty/wyslano").status_code == 200
    confirm_path = subscribed(client, mailbox, "weekly")
    alert = db.exec(select(SearchAlert)).one()
    assert (alert.email, alert.search, alert.frequency) == (OLA, "q=spawanie&kind=course", "weekly")

    page = client.get(confirm_path)  # what a mail scanner does: nothing is confirmed
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    db.refresh(alert)
    assert alert.confirmed_at is None
    form = Selector(page.text).css(f'form[method=post][action="{confirm_path}"]')
    assert form and form.css("button[type=submit]")
    answer = post_form(client, confirm_path, {})
    assert answer.status_code == 200 and "Powiadomienia włączone" in answer.text
    db.refresh(alert)
    assert alert.confirmed_at is not None

    unsubscribe_path = f"/alerty/wypisz/{unsubscribe_key(mail_settings, alert)}"
    assert client.get(unsubscribe_path).status_code == 200
    assert db.exec(select(SearchAlert)).first() is not None
    answer = post_form(client, unsubscribe_path, {})
    assert answer.status_code == 200 and "Wypisano" in answer.text
    db.expire_all()
    assert db.exec(select(SearchAlert)).all() == []
    assert client.get(unsubscribe_path).status_code == 404


def test_a_bad_e_mail_or_frequency_is_refused_with_the_form_again(
    client: TestClient, mailbox: Mailbox, db: Session
) -> None:
    answer = post_form(
        client, FORM_PAGE, {"email": "nie-adres", "frequency": "daily"}, action="/alerty"
    )
    assert answer.status_code == 422
    page = Selector(answer.text)
    assert page.css("#field-email[aria-invalid=true]")
    assert "nazwa@domena.pl" in page.css("[role=alert]").xpath("string()").get()
    answer = post_form(client, FORM_PAGE, {"email": OLA, "frequency": "hourly"}, action="/alerty")
    assert answer.status_code == 422 and "raz w tygodniu" in answer.text
    assert mailbox.files() == [] and db.exec(select(SearchAlert)).all() == []


def test_forged_links_are_not_found(client: TestClient, mailbox: Mailbox) -> None:
    subscribed(client, mailbox)
    for path in ("/alerty/potwierdz/", "/alerty/wypisz/"):
        forged = path + "A" * 43
        assert client.get(forged).status_code == 404
        csrf = CSRF_INPUT.search(client.get(FORM_PAGE).text)
        assert csrf is not None
        answer = client.post(forged, data={"csrf_token": csrf.group(1)})
        assert answer.status_code == 404


def test_a_form_without_its_csrf_token_is_refused(
    client: TestClient, mailbox: Mailbox, db: Session
) -> None:
    client.get(FORM_PAGE)  # the cookie, not the form's token
    answer = client.post("/alerty", data={"email": OLA, "frequency": "daily", "search": "q=x"})
    assert answer.status_code == 403
    assert mailbox.files() == [] and db.exec(select(SearchAlert)).all() == []
    confirm_path = subscribed(client, mailbox)
    assert client.post(confirm_path, data={}).status_code == 403
    assert db.exec(select(SearchAlert)).one().confirmed_at is None


def test_the_search_page_has_the_subscribe_form_for_its_search(
    client: TestClient, mailbox: Mailbox, db: Session
) -> None:
    page = Selector(client.get("/?q=spawanie&kind=course&page=1").text)
    form = page.css('form[action="/alerty"]')
    assert form.css("input[type=email][name=email][id=field-email]")
    assert page.css('label[for="field-email"]')
    assert form.css("input[type=radio][name=frequency]::attr(value)").getall() == [
        "daily",
        "weekly",
    ]
    assert form.css("input[name=csrf_token]")
    search = form.css("input[name=search]::attr(value)").get()
    answer = post_form(client, "/?q=spawanie", {"email": OLA, "frequency": "daily",
                                               "search": search}, action="/alerty")  # fmt: skip
    assert answer.status_code == 303
    assert db.exec(select(SearchAlert)).one().search == "q=spawanie&kind=course"
    assert "„spawanie” (filtry: 1)" in text_of(only_message_to(mailbox, OLA))


def test_subscribing_is_rate_limited(client: TestClient, mailbox: Mailbox) -> None:
    form = {"email": OLA, "frequency": "daily"}
    codes = [
        post_form(client, FORM_PAGE, {**form, "search": f"q={n}"}, action="/alerty").status_code
        for n in range(6)
    ]
    assert codes == [303] * 5 + [429]
    assert len(messages_to(mailbox, OLA)) == 5


def test_the_form_names_the_search_in_the_pages_language(client: TestClient) -> None:
    for lang, words in (("pl", "„spawanie”"), ("en", '"spawanie"'), ("uk", "«spawanie»")):
        page = Selector(client.get(f"/alerty/nowy?q=spawanie&lang={lang}").text)
        assert words in " ".join(page.css("main p::text").getall())
