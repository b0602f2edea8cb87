"""A member uploads a file in a real Chromium with the keyboard, reads its check, publishes it;
every page on the way passes axe-core's WCAG 2.1 A and AA rules, in Polish and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page
from sqlmodel import Session, select
from starlette.responses import Response

from catalogue.accounts import Account, Approval, Role
from catalogue.db import get_engine
from catalogue.models import Institution, Offer
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.axe_support import assert_fits_the_width, assert_no_axe_violations
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.test_upload import BAD, GOOD, csv_file
from web.app import create_app
from web.auth import SESSION_COOKIE, start_session

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


@pytest.fixture(scope="module")
def database_url(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = databases.create(tmp_path_factory.mktemp("upload-browser"))
    yield url
    databases.drop(url)


@pytest.fixture(scope="module")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app `base_url` serves."""
    index = tmp_path_factory.mktemp("upload-browser-index")
    return create_app(app_settings(database_url, index, sample_data=False))


@pytest.fixture(scope="module")
def session_token(database_url: str) -> str:
    engine = get_engine(database_url)
    with Session(engine) as db:
        institution = Institution(name="Szkoła przeglądarki", key="szkola przegladarki",
                                  approval=Approval.approved)  # fmt: skip
        db.add(institution)
        db.commit()
        account = Account(
            email="plik@szkola.example.pl", password_hash="-", role=Role.member,
            institution_id=institution.id, email_confirmed_at=datetime.now(UTC),
        )  # fmt: skip
        db.add(account)
        db.commit()
        signed_in = Response()
        start_session(signed_in, db, account)
    engine.dispose()
    return signed_in.headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]


@pytest.fixture
def page(browser: Browser, base_url: str, session_token: str) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    context.add_cookies([{"name": SESSION_COOKIE, "value": session_token, "url": base_url}])
    opened = context.new_page()
    yield opened
    context.close()


def test_a_member_uploads_reads_the_check_and_publishes_with_the_keyboard(
    page: Page,
    base_url: str,  # noqa: F811
    database_url: str,
    tmp_path: Path,
) -> None:
    for lang in ("pl", "en"):
        page.goto(f"{base_url}/panel/import?lang={lang}")
        assert_no_axe_violations(page, f"/panel/import ({lang})")
    page.goto(f"{base_url}/panel/import")
    data = tmp_path / "oferta.csv"
    data.write_bytes(csv_file(*GOOD, *BAD))
    page.get_by_label("Plik z ofertami (CSV lub XLSX)").set_input_files(str(data))
    page.get_by_role("button", name="Sprawdź plik").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/panel/import/*")
    assert page.get_by_role("heading", name="Błędy (3)").is_visible()
    assert page.get_by_role("cell", name="end_before_start").is_visible()
    check = page.url
    for lang in ("pl", "en"):
        page.goto(f"{check}?lang={lang}")
        assert_no_axe_violations(page, f"the check page ({lang})")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the tables scroll alone
    page.goto(check)
    assert_fits_the_width(page, "the check page on a phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(check)
    page.get_by_role("button", name="Opublikuj oferty bez błędów (2)").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**zrobiono=opublikowano**")
    assert page.get_by_role("status").inner_text().startswith("Oferty z pliku zostały zapisane.")
    assert_no_axe_violations(page, "the check page after publishing")
    engine = get_engine(database_url)
    with Session(engine) as db:
        assert {o.external_id for o in db.exec(select(Offer))} == {"K-1", "K-2"}
    engine.dispose()
