"""A career adviser in a real Chromium against the app served over HTTP: signs in, is refused a
client label that looks like a PESEL, makes a shortlist under a case number, adds an offer from
its page and another by number, writes a note, records an outcome, makes the referral's link
and prints the sheet (QR code inline, no controls, at most two A4 pages); the read-only copy
opens in a fresh browser without the client's label. Every page passes axe-core at desktop and
phone sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from sqlmodel import Session

from catalogue.accounts import Role
from catalogue.db import get_engine
from operations.accounts import create_staff_account
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.axe_support import DESKTOP, PHONE, assert_accessible_at_both_sizes
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue
from web.app import create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

ADVISER = ("doradca@pup-zielona-gora.example.org", "hasło doradcy zawodowego 2027")
CASE = "CAZ/2027/0153"


@pytest.fixture(scope="module")
def app(
    catalogue: Catalogue, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FastAPI]:
    """The app on a copy of the web tests' catalogue, with an adviser's account."""
    root = tmp_path_factory.mktemp("adviser-browser")
    database_url = databases.copy(catalogue.database_url, root)
    engine = get_engine(database_url)
    with Session(engine) as db:
        create_staff_account(db, *ADVISER, Role.adviser, name="Doradca PUP")
    yield create_app(app_settings(database_url, catalogue.index_dir, sample_data=True))
    engine.dispose()


def submit(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.locator(button).first.click()


def test_an_adviser_builds_a_client_shortlist_and_prints_the_referral(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
) -> None:
    mag, eka = catalogue.offer("mag"), catalogue.offer("eka07")
    context = browser.new_context(viewport=DESKTOP, locale="pl-PL")  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(base_url + "/logowanie")
    page.locator("#field-email").fill(ADVISER[0])
    page.locator("#field-password").fill(ADVISER[1])
    submit(page, "form[action*='/logowanie'] [type=submit]")
    page.get_by_role("link", name="Listy klientów").click()
    expect(page.locator("h1")).to_have_text("Listy propozycji dla klientów")
    assert_accessible_at_both_sizes(page, "the adviser's shortlists")

    # A label that looks like personal data is refused, and the page says why.
    page.get_by_label("Numer sprawy lub pseudonim klienta").fill("90010112345")
    submit(page, "form.adviser-new [type=submit]")
    expect(page.locator("#label-error")).to_contain_text("PESEL")
    assert_accessible_at_both_sizes(page, "the refused label")
    page.get_by_label("Numer sprawy lub pseudonim klienta").fill(CASE)
    submit(page, "form.adviser-new [type=submit]")
    expect(page.locator("h1")).to_have_text(f"Lista dla: {CASE}")
    shortlist_url = page.url.split("?", 1)[0]

    # From an offer's page: "add to a client's shortlist", then choose the client.
    page.goto(base_url + f"/oferty/{catalogue.ids['mag']}")
    assert_accessible_at_both_sizes(page, "an offer's page seen by an adviser")
    submit(page, "#adviser-add [type=submit]")
    expect(page.get_by_label(re.compile(re.escape(CASE)))).to_be_checked()
    assert_accessible_at_both_sizes(page, "choosing the client's shortlist")
    submit(page, "main form[action$='/doradca/dodaj'] [type=submit]")
    expect(page.locator("#adviser-flash")).to_have_text("Dodano ofertę do listy.")
    # And one by its number.
    page.get_by_label("Numer oferty").fill(str(catalogue.ids["eka07"]))
    submit(page, "form.adviser-add [type=submit]")
    expect(page.locator("#shortlist-items h3")).to_have_text([mag["title"], eka["title"]])
    page.get_by_label(re.compile(rf"^Notatka\s*:\s*{re.escape(eka['title'])}$")).fill(
        "Zajęcia popołudniowe – pasuje do grafiku"
    )
    submit(page, "#shortlist-items li:nth-child(2) button[value=note]")
    page.get_by_label(
        re.compile(rf"^Wynik skierowania\s*:\s*{re.escape(mag['title'])}$")
    ).select_option("enrolled")
    submit(page, "#shortlist-items li:nth-child(1) button[value=outcome]")
    expect(page.locator("#shortlist-items li").first).to_contain_text("zapisał(a) się")
    assert_accessible_at_both_sizes(page, "the client's shortlist")

    # The referral: a read-only link and its QR code, printed without controls.
    submit(page, "#make-referral")
    expect(page.locator("h1")).to_have_text("Propozycje kształcenia")
    expect(page.locator("#sheet-label")).to_have_text(CASE)
    qr = page.locator("#referral-qr svg")
    expect(qr).to_have_attribute("role", "img")
    address = page.locator("#referral-link").get_attribute("href") or ""
    assert re.fullmatch(r"https?://[^/]+/skierowanie/[\w-]{43}", address)
    assert_accessible_at_both_sizes(page, "the referral sheet")
    page.emulate_media(media="print")
    assert qr.is_visible() and page.get_by_text(eka["title"]).is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".back").is_visible()
    assert page.locator("main button:visible, main input:visible, main select:visible").count() == 0
    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    assert 1 <= len(pdf.pages) <= 2
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert CASE in printed and "Zajęcia popołudniowe" in printed
    page.emulate_media(media="screen")
    page.goto(shortlist_url)
    expect(page.locator("#share-expires")).to_be_visible()

    # The read-only copy, in a fresh browser: the offers, no client label, nothing to change.
    fresh = browser.new_context(viewport=PHONE, locale="pl-PL")  # type: ignore[arg-type]
    copy = fresh.new_page()
    answer = copy.goto(base_url + urlsplit(address).path)
    assert answer is not None and answer.status == 200
    assert "noindex" in (answer.headers.get("x-robots-tag") or "")
    expect(copy.locator("#sheet-items h2")).to_have_text([mag["title"], eka["title"]])
    assert CASE not in copy.content()
    assert copy.locator("main form").count() == 0
    assert_accessible_at_both_sizes(copy, "the read-only referral")
    forged = copy.goto(base_url + urlsplit(address).path[:-3] + "abc")
    assert forged is not None and forged.status == 404
    fresh.close()
    context.close()
