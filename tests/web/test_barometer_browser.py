"""The barometer's pages in a real Chromium against the app served over HTTP: the coordinator
imports the example file through the form, follows the result to the region's gaps and on to
powiat żarski, each page without axe-core violations at a desktop's and a phone's size and no
wider than the phone; an institution's member is refused and nobody signed in is sent to sign
in. (The empty pages are also checked by test_accessibility.py, through their rows in the
authorisation table.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect

from catalogue.barometer import DATA_DIR
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.axe_support import assert_accessible_at_both_sizes
from tests.web.test_barometer_pages import People, fill_gaps_site
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from web.app import create_app
from web.auth import SESSION_COOKIE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,  # SQLite only (tests/conftest.py)
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

PEOPLE: list[People] = []


@pytest.fixture(scope="module")
def app(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    root = Path(tmp_path_factory.mktemp("barometer-browser"))
    url = databases.create(root)
    PEOPLE.append(fill_gaps_site(url))
    yield create_app(app_settings(url, root / "index"))


def open_as(browser: Browser, base: str, cookies: dict[str, str] | None) -> Page:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="pl-PL")
    if cookies:
        value = cookies[SESSION_COOKIE]
        context.add_cookies([{"name": SESSION_COOKIE, "value": value, "url": base}])
    return context.new_page()


def test_the_coordinator_imports_the_barometer_and_reads_the_gaps(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    people = PEOPLE[0]
    page = open_as(browser, base_url, people.coordinator)
    page.goto(base_url + "/koordynator/luki")
    expect(page.get_by_text("Nie zaimportowano jeszcze barometru zawodów.")).to_be_visible()
    page.get_by_role("link", name="Importuj barometr zawodów").click()
    expect(page.locator("h1")).to_have_text("Barometr zawodów: import")
    assert_accessible_at_both_sizes(page, "the import form")

    page.get_by_label("Plik barometru (CSV lub XLSX)").set_input_files(
        str(DATA_DIR / "barometr" / "przyklad.csv")
    )
    page.get_by_role("button", name="Importuj").click()
    expect(page.get_by_role("status")).to_contain_text("zapisane wiersze: 18, odrzucone: 0")
    assert_accessible_at_both_sizes(page, "the import's result")

    page.get_by_role("link", name="Zobacz luki w tym roku").click()
    table = page.get_by_role(
        "region", name="Zawody deficytowe i luki w promieniu 30 km według powiatów, 2026"
    )
    expect(table).to_contain_text("powiat żarski")
    assert_accessible_at_both_sizes(page, "the region's gaps")

    table.get_by_role("link", name="powiat żarski").click()
    expect(page.locator("h1")).to_have_text("Luki na rynku pracy: powiat żarski")
    welders = page.get_by_role(
        "region",
        name="Oferty przygotowujące do zawodu „spawacze” w promieniu 30 km, najbliższe najpierw",
    )
    expect(welders.get_by_role("link", name="Kurs spawania MAG 135")).to_be_visible()
    expect(page.get_by_role("heading", name="Oferty online (wszystkich: 1)")).to_be_visible()
    assert_accessible_at_both_sizes(page, "powiat żarski's gaps")

    page.get_by_label("Powiat").select_option(label="Zielona Góra")
    page.get_by_role("button", name="Pokaż").click()
    expect(page.locator("h1")).to_have_text("Luki na rynku pracy: Zielona Góra")
    expect(page.get_by_text("Luka: brak oferty w promieniu 30 km.").first).to_be_visible()
    page.context.close()


def test_nobody_else_sees_the_barometer(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    people = PEOPLE[0]
    member = open_as(browser, base_url, people.member)
    answer = member.goto(base_url + "/koordynator/luki")
    assert answer is not None and answer.status == 403
    member.context.close()
    anonymous = open_as(browser, base_url, None)
    anonymous.goto(base_url + "/koordynator/barometr")
    assert "/logowanie" in anonymous.url
    anonymous.context.close()
