"""An institution's whole way in, in a real Chromium against the app served over HTTP: it
registers, confirms its e-mail from the message the local SMTP server received, is approved by
the coordinator, adds an offer by the form, uploads a file with two bad rows, downloads the
problems file, uploads the file fixed and publishes it; the coordinator approves the offers held
for review, and a resident finds them all in search. Every page on the way passes axe-core."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalogue.accounts import Account, Role
from catalogue.db import get_engine
from operations.indexing import IndexSyncer
from operations.mailbox import Mailbox
from operations.passwords import hash_password
from search.backends import get_backend
from tests.app_settings import app_settings
from tests.mail_support import link_path, only_message_to, settings_with_mail
from tests.operations.test_indexing import outbox_size
from tests.postgres_support import Databases
from tests.web.axe_support import assert_no_axe_violations
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from web.app import create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

COORDINATOR = ("koordynator@wup.example.org", "hasło koordynatora WUP 2026")
MEMBER = ("szkolenia@odra.example.org", "hasło instytucji Odra 2026")
INSTITUTION = "Ośrodek Szkoleniowy Odra"
NIP = "526-025-02-74"  # valid: its check digit is right
SEARCHABLE_WITHIN = 20.0  # seconds; the indexer takes about one


@dataclass
class Site:
    app: FastAPI
    mailbox: Mailbox
    engine: Engine


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("institution")
    database_url = databases.create(root)
    engine = get_engine(database_url)
    with Session(engine) as db:
        email, password = COORDINATOR
        db.add(
            Account(
                email=email,
                password_hash=hash_password(password),
                role=Role.coordinator,
                name="Koordynator WUP",
                email_confirmed_at=datetime.now(UTC),
            )
        )
        db.commit()
    with Mailbox(root / "mail") as mailbox:
        settings = settings_with_mail(database_url, mailbox, app_settings(database_url, root))
        syncer = IndexSyncer(engine, get_backend(settings.search), interval=0.05).start()
        yield Site(create_app(settings), mailbox, engine)
        syncer.stop()
    engine.dispose()


@pytest.fixture(scope="module")
def app(site: Site) -> FastAPI:
    """The app `base_url` serves."""
    return site.app


def _day(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


HEADER = "id_oferty,tytul,url,data_rozpoczecia,data_zakonczenia,miejscowosc,cena\n"


def _row(key: str, title: str, start: int, end: int, town: str) -> str:
    return f"{key},{title},https://odra.example.org/{key},{_day(start)},{_day(end)},{town},1200\n"


# Two bad rows: an end before its start, a place that is not in Lubuskie's register.
BAD_FILE = (
    HEADER
    + _row("ODRA-2", "Kurs lutowania twardego", 30, 60, "Nowa Sól")
    + _row("ODRA-3", "Kurs lutowania miękkiego", 30, 10, "Żary")
    + _row("ODRA-4", "Kurs lutowania rur miedzianych", 30, 60, "Miasteczko Nieistniejące")
)
GOOD_FILE = (
    HEADER
    + _row("ODRA-2", "Kurs lutowania twardego", 30, 60, "Nowa Sól")
    + _row("ODRA-3", "Kurs lutowania miękkiego", 30, 40, "Żary")
    + _row("ODRA-4", "Kurs lutowania rur miedzianych", 30, 60, "Żagań")
)
TITLES = {
    "Kurs lutowania na płytkach drukowanych",  # by the form
    "Kurs lutowania twardego",
    "Kurs lutowania miękkiego",
    "Kurs lutowania rur miedzianych",
}


def checked(page: Page, what: str) -> None:
    assert_no_axe_violations(page, what)


def submit(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.locator(button).first.click()


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(base + "/logowanie")
    page.locator("#field-email").fill(email)
    page.locator("#field-password").fill(password)
    submit(page, "form[action*='/logowanie'] [type=submit]")
    assert "/logowanie" not in page.url, page.locator("main").inner_text()


def upload(page: Page, base: str, name: str, content: str) -> None:
    page.goto(base + "/panel/import")
    checked(page, "the upload page")
    page.locator("#upload-file").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content.encode()}]
    )
    submit(page, "form[action$='/panel/import'] [type=submit]")


def found_in_search(page: Page, base: str, enough: Callable[[set[str]], bool]) -> set[str]:
    """The titles a search for "lutowania" shows once they are `enough` (the indexer takes a
    moment), or when time is up."""
    deadline = time.monotonic() + SEARCHABLE_WITHIN
    while True:
        page.goto(base + "/?q=lutowania")
        found = set(page.locator("ol.results .card-title").all_inner_texts())
        if enough(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def test_an_institution_registers_is_approved_publishes_and_is_found(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    site: Site,
    tmp_path: Path,
) -> None:
    member = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page = member.new_page()

    # Registration, and the confirmation link from the e-mail the SMTP server received.
    page.goto(base_url + "/rejestracja")
    checked(page, "registration")
    email, password = MEMBER
    page.locator("#field-institution_name").fill(INSTITUTION)
    page.locator("#field-nip").fill(NIP)
    page.locator("#field-person_name").fill("Anna Nowak")
    page.locator("#field-email").fill(email)
    page.locator("#field-password").fill(password)
    page.locator("#field-consent").check()
    submit(page, "form[action*='/rejestracja'] [type=submit]")
    assert page.url.endswith("/rejestracja/wyslano"), page.locator("main").inner_text()
    checked(page, "registration sent")
    page.goto(base_url + link_path(only_message_to(site.mailbox, email), "/potwierdz/"))
    checked(page, "confirm the e-mail address")
    submit(page, "form[action*='/potwierdz/'] [type=submit]")
    checked(page, "e-mail confirmed")
    sign_in(page, base_url, email, password)

    # The coordinator approves the institution.
    coordinator = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    office = coordinator.new_page()
    sign_in(office, base_url, *COORDINATOR)
    office.goto(base_url + "/koordynator/instytucje")
    checked(office, "institutions awaiting approval")
    with office.expect_navigation():
        office.locator("form").filter(has_text=INSTITUTION).locator("button[value=approve]").click()
    checked(office, "institution approved")

    # An offer by the form: checked, read back, published (held for review: a first offer).
    page.goto(base_url + "/panel/oferty/nowa")
    checked(page, "the offer form")
    page.locator("[name=id_oferty]").fill("ODRA-1")
    page.locator("[name=tytul]").fill("Kurs lutowania na płytkach drukowanych")
    page.locator("[name=url]").fill("https://odra.example.org/ODRA-1")
    page.locator("[name=e0-miejscowosc]").fill("Nowa Sól")
    page.locator("[name=e0-data_rozpoczecia]").fill(_day(30))
    submit(page, "button[value=check]")
    assert "powiat nowosolski" in page.locator("main").inner_text()
    checked(page, "the offer form's reading")
    submit(page, "button[value=submit]")
    assert "zrobiono=" in page.url, page.locator("main").inner_text()
    checked(page, "the offer saved")

    # A file with two bad rows: the check lists them, and the problems file holds them.
    upload(page, base_url, "oferty-odra.csv", BAD_FILE)
    checked(page, "the upload's check")
    main = page.locator("main").inner_text()
    assert "end_before_start" in main and "unknown_place" in main, main
    with page.expect_download() as download:
        page.locator("a[href$='/problemy.csv']").click()
    problems = download.value.path().read_text(encoding="utf-8-sig")
    assert "ODRA-3" in problems and "ODRA-4" in problems and "ODRA-2" not in problems

    # The file fixed: no problems, published.
    upload(page, base_url, "oferty-odra-poprawione.csv", GOOD_FILE)
    assert "end_before_start" not in page.locator("main").inner_text()
    submit(page, "form[action$='/publikuj'] [type=submit]")
    checked(page, "the upload published")

    # A new institution's first offers wait for review: once the indexer is done, none is found.
    resident = browser.new_page(viewport={"width": 390, "height": 844}, locale="pl-PL")
    deadline = time.monotonic() + SEARCHABLE_WITHIN
    while outbox_size(site.engine) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert found_in_search(resident, base_url, lambda titles: True) == set()

    # The coordinator approves what waits for review: all four are found.
    office.goto(base_url + "/koordynator/oferty")
    checked(office, "the review queue")
    while office.locator("form[action$='/zatwierdz']").count():
        submit(office, "form[action$='/zatwierdz'] [type=submit]")
    checked(office, "the review queue emptied")
    assert found_in_search(resident, base_url, lambda titles: titles == TITLES) == TITLES
    checked(resident, "search finds the institution's offers")
    resident.screenshot(path=str(tmp_path / "found.png"), full_page=True)

    # The institution archives one: it leaves search.
    page.goto(base_url + "/panel")
    page.get_by_role("link", name="Kurs lutowania twardego").first.click()
    page.wait_for_load_state()
    submit(page, "form[action$='/archiwizuj'] [type=submit]")
    checked(page, "an offer archived")
    left = TITLES - {"Kurs lutowania twardego"}
    assert found_in_search(resident, base_url, lambda titles: titles == left) == left
    for context in (member, coordinator):
        context.close()
    resident.close()
