"""The region at a glance in a real Chromium against the app served over HTTP: the coordinator
opens the dashboard, its charts and tables, follows the link to the map and sees the 14 powiats
drawn with their values, at a desktop's and a phone's size; an institution's member is refused
and nobody signed in is sent to sign in. (axe-core checks both pages at both sizes in
test_accessibility.py, through their rows in the authorisation table.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect

from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.axe_support import assert_fits_the_width
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.test_region import fill_region
from web.app import create_app
from web.auth import SESSION_COOKIE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,  # SQLite only (tests/conftest.py)
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
COOKIES: dict[str, dict[str, str]] = {}


@pytest.fixture(scope="module")
def app(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    root = Path(tmp_path_factory.mktemp("region-browser"))
    url = databases.create(root)
    COOKIES["coordinator"], COOKIES["member"] = fill_region(url)
    yield create_app(app_settings(url, root / "index"))


def open_as(browser: Browser, base: str, who: str) -> Page:  # noqa: F811
    context = browser.new_context(viewport=DESKTOP, locale="pl-PL")  # type: ignore[arg-type]
    if who in COOKIES:
        value = COOKIES[who][SESSION_COOKIE]
        context.add_cookies([{"name": SESSION_COOKIE, "value": value, "url": base}])
    return context.new_page()


def test_the_coordinator_sees_the_region_and_its_map_and_nobody_else_does(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = open_as(browser, base_url, "coordinator")
    page.goto(base_url + "/koordynator/oferty")
    page.get_by_role("link", name="Region", exact=True).click()
    expect(page.locator("h1")).to_have_text("Region w skrócie")
    expect(page.locator("svg.region-chart")).to_have_count(8)
    expect(page.locator("svg.region-chart").first).to_be_visible()
    expect(page.get_by_role("region", name="Tabela – Rodzaj")).to_contain_text(
        "kwalifikacyjny kurs zawodowy"
    )
    page.locator("#region-kind").select_option("kkz")
    page.get_by_role("button", name="Pokaż").click()
    expect(page).to_have_url(
        f"{base_url}/koordynator/region?zsu_area=&isced_broad=&prk_level=&kind=kkz&form=&powiat="
    )
    expect(page.locator(".region-totals dd").first).to_have_text("2")

    page.get_by_role("link", name="Mapa powiatów: oferty na 10 tys. mieszkańców").click()
    expect(page.locator("h1")).to_have_text("Mapa powiatów")
    shapes = page.locator("svg.region-map path.powiat")
    expect(shapes).to_have_count(14)
    for i in range(14):
        expect(shapes.nth(i)).to_be_visible()
    box = page.locator("svg.region-map").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    expect(page.get_by_role("img", name="Mapa 14 powiatów województwa lubuskiego")).to_be_visible()
    expect(
        page.get_by_role("region", name="Tabela – Oferty na 10 tys. mieszkańców według powiatu")
    ).to_contain_text("Zielona Góra")

    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    box = page.locator("svg.region-map").bounding_box()
    assert box is not None and 200 < box["width"] <= PHONE["width"]
    assert_fits_the_width(page, "the map on a phone")
    page.goto(base_url + "/koordynator/region")
    expect(page.locator("svg.region-chart")).to_have_count(8)
    assert_fits_the_width(page, "the dashboard on a phone")
    page.context.close()

    member = open_as(browser, base_url, "member")
    answer = member.goto(base_url + "/koordynator/region/mapa")
    assert answer is not None and answer.status == 403
    expect(member.locator("svg.region-map")).to_have_count(0)
    member.context.close()
    anonymous = open_as(browser, base_url, "anonymous")
    anonymous.goto(base_url + "/koordynator/region")
    assert anonymous.url.startswith(base_url + "/logowanie")
    expect(anonymous.locator("svg.region-chart")).to_have_count(0)
    anonymous.context.close()
