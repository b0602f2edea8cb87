"""The feeds page in a real browser: a member registers a feed with the keyboard, a refused
address is announced and tied to its field, and the page (with an error, and with a reading that
failed) has no WCAG 2.1 A/AA violations axe-core can find."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import CrawlRun, RunStatus, Source
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.axe_support import assert_no_axe_violations
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.test_panel_feeds import FEED_URL, member_session
from web.app import create_app
from web.auth import SESSION_COOKIE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


@dataclass
class World:
    app: FastAPI
    engine: Engine
    folder: Path


@pytest.fixture(scope="module")
def world(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("feeds-browser")
    database_url = databases.create(folder)
    engine = get_engine(database_url)
    yield World(create_app(app_settings(database_url, folder / "index")), engine, folder)
    engine.dispose()


@pytest.fixture(scope="module")
def app(world: World) -> FastAPI:
    """The app `base_url` serves."""
    return world.app


@pytest.fixture
def member_page(world: World, browser: Browser, base_url: str) -> Iterator[Page]:  # noqa: F811
    _, token, _ = member_session(world.engine, "Szkoła w przeglądarce")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": base_url}])
    page = context.new_page()
    page.goto(base_url + "/panel/zrodla")
    yield page
    context.close()


def test_a_member_registers_a_feed_with_the_keyboard_after_a_refused_address(
    member_page: Page, world: World
) -> None:
    page = member_page
    assert_no_axe_violations(page, "the empty feeds page")
    field = page.get_by_label("Adres pliku lub strony")
    field.fill("http://169.254.169.254/latest/meta-data/")
    with page.expect_navigation():
        field.press("Enter")

    alert = page.get_by_role("alert")
    assert "Popraw formularz" in alert.inner_text()
    assert page.get_by_label("Adres pliku lub strony").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page, "the form with a refused address")
    alert.get_by_role("link").click()  # the summary links the field it speaks of
    assert page.url.endswith("#feed-url")

    field = page.get_by_label("Adres pliku lub strony")
    field.fill(FEED_URL)
    page.get_by_label("Jak często odczytywać").select_option("7d")
    with page.expect_navigation():
        page.get_by_role("button", name="Zarejestruj źródło").press("Enter")
    assert "Źródło zarejestrowane." in page.get_by_role("status").inner_text()

    with Session(world.engine) as db:
        feed = db.exec(select(Source).where(Source.feed_url == FEED_URL)).one()
        assert feed.every == "7d"
        db.add(CrawlRun(source_id=feed.id, status=RunStatus.failed, seen=0,
                        errors=["nie można odczytać pliku: to nie jest CSV ani XLSX"]))  # fmt: skip
        db.commit()
    page.reload()
    assert page.get_by_role("cell", name="nieudany").count() == 1
    assert_no_axe_violations(page, "the list with a failed reading")
    page.goto(page.url.split("?")[0] + "?lang=en")
    assert_no_axe_violations(page, "the list in English")
