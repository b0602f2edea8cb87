"""A real SMTP server for the tests (`operations.mailbox`), and reading what it received.

    def test_x(mailbox: Mailbox, ...):
        settings = settings_with_mail(database_url, mailbox)
        ...
        message = only_message_to(mailbox, "ola@example.org")
        path = link_path(message, "/potwierdz/")

Import the fixtures into a test module or conftest: `from tests.mail_support import mailbox`
(`mail_settings`: the settings of the test's `database_url` with this mailbox; `db`: a session
on that database).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.settings import CatalogueSettings
from lll.settings import Settings
from operations.mailbox import Mailbox
from operations.settings import AccountSettings
from tests.app_settings import app_settings
from web.app import create_app

TEST_SECRET_KEY = "test-secret-key-0123456789abcdef"
MAIL_FROM = "Katalog testowy <katalog@test.example>"
URL = re.compile(r"https?://\S+")


@pytest.fixture
def mailbox(tmp_path: Path) -> Iterator[Mailbox]:
    with Mailbox(tmp_path / "mail") as started:
        yield started


@pytest.fixture
def mail_settings(database_url: str, mailbox: Mailbox) -> Settings:
    return settings_with_mail(database_url, mailbox)


@pytest.fixture
def db(database_url: str) -> Iterator[Session]:
    engine = get_engine(database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def account_settings(mailbox: Mailbox) -> AccountSettings:
    return AccountSettings(
        smtp_url=mailbox.smtp_url, mail_from=MAIL_FROM, secret_key=TEST_SECRET_KEY
    )


def settings_with_mail(
    database_url: str, mailbox: Mailbox, base: Settings | None = None
) -> Settings:
    """`base` (or the defaults with this database) sending mail to `mailbox`."""
    if base is None:
        base = Settings(catalogue=CatalogueSettings(database_url=database_url))
    return base.model_copy(update={"accounts": account_settings(mailbox)})


def messages_to(mailbox: Mailbox, address: str) -> list[EmailMessage]:
    return [m for m in mailbox.messages() if str(m["To"]).lower() == address.lower()]


def only_message_to(mailbox: Mailbox, address: str) -> EmailMessage:
    found = messages_to(mailbox, address)
    assert len(found) == 1, f"{len(found)} messages to {address}"
    return found[0]


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def link_path(message: EmailMessage, prefix: str) -> str:
    """The path of the message's first link whose path starts with `prefix`."""
    for url in URL.findall(text_of(message)):
        path = urlsplit(url).path
        if path.startswith(prefix):
            return path
    raise AssertionError(f"no {prefix} link in: {text_of(message)}")


# --- the web app with mail ----------------------------------------------------------------

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def mail_app(database_url: str, mailbox: Mailbox, tmp_path: Path) -> FastAPI:
    """The app on the test's own database and index, sending its mail to `mailbox`."""
    base = app_settings(database_url, tmp_path / "index")
    return create_app(settings_with_mail(database_url, mailbox, base))


def csrf_of(client: TestClient, path: str) -> str:
    """The CSRF token of the form on the page at `path` (the client keeps its cookie)."""
    page = client.get(path)
    found = CSRF_INPUT.search(page.text)
    assert found, f"no form on {path} ({page.status_code})"
    return found.group(1)


def post_form(client: TestClient, page: str, data: dict[str, str], action: str | None = None):
    """Fill in the form on `page` as a browser would (its CSRF token included) and send it."""
    return client.post(action or page, data={"csrf_token": csrf_of(client, page), **data},
                       follow_redirects=False)  # fmt: skip
