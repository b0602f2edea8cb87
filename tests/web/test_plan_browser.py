""" "Mój plan" in a real Chromium against the app served over HTTP: a resident adds two offers
from search and one edition from an offer page, writes a note, opens the share link in a fresh
browser (read only), downloads the .ics file and the server's PDF and reads them back, and
prints the plan on at most two A4 pages without its controls. The pages pass axe-core at
desktop and phone sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from catalogue.db import get_engine
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.axe_support import DESKTOP, assert_accessible_at_both_sizes
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue
from web.app import create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


@pytest.fixture(scope="module")
def app(
    catalogue: Catalogue, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FastAPI]:
    """The app on a copy of the web tests' catalogue: the plans written here stay here."""
    root = tmp_path_factory.mktemp("plan-browser")
    database_url = databases.copy(catalogue.database_url, root)
    yield create_app(app_settings(database_url, catalogue.index_dir, sample_data=True))
    get_engine(database_url).dispose()


def named(action: str, title: str) -> re.Pattern[str]:
    """A control's accessible name: its action, then (visually hidden) what it acts on."""
    return re.compile(rf"^{re.escape(action)}\s*:\s*{re.escape(title)}$")


def _add_from_search(page: Page, base_url: str, query: str, title: str) -> None:  # noqa: F811
    """With JavaScript (web/static/plan.js): added in the background, the page stays."""
    page.goto(f"{base_url}/?q={query}")
    page.get_by_role("button", name=named("Dodaj do planu", title)).click()
    card = page.locator("li.card", has=page.get_by_role("heading", name=title))
    expect(card.get_by_role("link", name="W planie – zobacz plan")).to_be_visible()
    expect(page.locator("#plan-live")).to_have_text("W planie – zobacz plan")
    expect(page).to_have_url(re.compile(rf"/\?q={query}$"))


def test_without_javascript_adding_goes_to_the_plan_and_back(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="pl-PL", java_script_enabled=False)  # type: ignore[arg-type]
    page = context.new_page()
    title = catalogue.offer("udt")["title"]
    page.goto(f"{base_url}/?q=wózków")
    page.get_by_role("button", name=named("Dodaj do planu", title)).click()
    expect(page).to_have_url(re.compile(r"/plan\?zrobiono=added"))
    expect(page.locator("#plan-flash")).to_contain_text("Dodano do planu.")
    expect(page.locator("#plan-items > li h3")).to_have_text([title])
    page.locator("#plan-flash a").click()  # back to the results it came from
    expect(page).to_have_url(re.compile(r"/\?q=w"))
    page.goto(f"{base_url}/oferty/{catalogue.ids['mag']}")
    page.get_by_role("button", name=re.compile(r"Dodaj ten termin do planu\s*:.*Nowa Sól")).click()
    expect(page.locator("#plan-flash")).to_contain_text("Dodano do planu.")
    expect(page.locator("#plan-items > li h3")).to_have_text(
        [title, catalogue.offer("mag")["title"]]
    )
    context.close()


def test_a_resident_builds_shares_prints_and_downloads_a_plan(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    tmp_path: Path,
) -> None:
    mag, pm = catalogue.offer("mag")["title"], catalogue.offer("pm")["title"]
    context = browser.new_context(viewport=DESKTOP, locale="pl-PL", accept_downloads=True)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(base_url + "/plan")
    expect(page.locator("#plan-empty")).to_be_visible()
    assert_accessible_at_both_sizes(page, "empty plan")

    _add_from_search(page, base_url, "spawania", mag)
    _add_from_search(page, base_url, "projektami", pm)
    # One edition of the welding course, chosen on its page (the second run, in Nowa Sól).
    page.goto(f"{base_url}/oferty/{catalogue.ids['mag']}")
    page.get_by_role("button", name=re.compile(r"Dodaj ten termin do planu\s*:.*Nowa Sól")).click()
    expect(page.locator("table.editions .plan-added")).to_have_text("W planie – zobacz plan")
    page.locator("table.editions .plan-added").click()
    expect(page).to_have_url(re.compile(r"/plan$"))

    items = page.locator("#plan-items > li h3")
    expect(items).to_have_text([mag, pm])
    page.get_by_label(named("Notatka", pm)).fill("Zapytać pracodawcę o dofinansowanie z KFS")
    page.get_by_role("button", name=named("Zapisz notatkę", pm)).click()
    expect(page.locator("#plan-flash")).to_contain_text("Zapisano notatkę.")
    assert_accessible_at_both_sizes(page, "owner's plan with a message")
    page.get_by_role("button", name=named("Wyżej", pm)).click()
    expect(items).to_have_text([pm, mag])
    expect(page.locator("#total-cost")).to_contain_text("8 250")
    assert_accessible_at_both_sizes(page, "owner's plan")

    # Printed: no controls, the note as text, one or two A4 pages.
    page.emulate_media(media="print")
    expect(page.locator("form.plan-note-form").first).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".plan-note")).to_contain_text("dofinansowanie z KFS")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, f"the printed plan takes {pages} A4 pages"
    page.emulate_media(media="screen")

    # The .ics file: the one chosen edition.
    with page.expect_download() as download_info:
        page.locator("#ics-link").click()
    ics = tmp_path / "plan.ics"
    download_info.value.save_as(ics)
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert [(str(e["summary"]), str(e["location"])) for e in events] == [(mag, "Nowa Sól")]

    # The server's PDF: the plan's text, Polish letters and all, on one A4 page.
    with page.expect_download() as download_info:
        page.locator("#pdf-link").click()
    made = tmp_path / "plan.pdf"
    download_info.value.save_as(made)
    reader = PdfReader(made)
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.width)) == 595
    text = " ".join(reader.pages[0].extract_text().split())
    assert mag in text and pm in text and "Zapytać pracodawcę o dofinansowanie z KFS" in text

    # The share link, in a fresh browser: the same plan, read only.
    share = page.locator("#share-link").get_attribute("href")
    assert share and share.startswith("/plan/")
    assert page.locator("#share-link").inner_text().endswith(share)
    stranger = browser.new_context(viewport=DESKTOP, locale="pl-PL")  # type: ignore[arg-type]
    shared = stranger.new_page()
    shared.goto(base_url + share)
    expect(shared.locator("h1")).to_have_text("Plan nauki (tylko do odczytu)")
    expect(shared.locator("#plan-items > li h3")).to_have_text([pm, mag])
    expect(shared.locator(".plan-note")).to_contain_text("dofinansowanie z KFS")
    assert shared.locator("main form, main textarea, main button").count() == 0
    robots = shared.locator("meta[name=robots]").get_attribute("content")
    assert robots == "noindex, nofollow"
    assert_accessible_at_both_sizes(shared, "shared plan")
    # The stranger's own plan is empty: the share link gave no key.
    shared.goto(base_url + "/plan")
    expect(shared.locator("#plan-empty")).to_be_visible()
    stranger.close()

    # The owner's plan survives a browser restart: the cookie is persistent.
    state = context.storage_state()
    cookie = next(c for c in state["cookies"] if c["name"] == "lll_plan")
    assert cookie["expires"] > 0 and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    context.close()
    restarted = browser.new_context(viewport=DESKTOP, storage_state=state)  # type: ignore[arg-type]
    again = restarted.new_page()
    again.goto(base_url + "/plan")
    expect(again.locator("#plan-items > li h3")).to_have_text([pm, mag])
    restarted.close()
