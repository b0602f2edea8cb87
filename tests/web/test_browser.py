"""A real headless Chromium against the app served by uvicorn on a local port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, sync_playwright

from tests.web.web_support import Catalogue

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_a_resident_searches_with_the_keyboard_and_narrows_by_kind(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Przejdź do treści"

    page.get_by_label("Czego chcesz się nauczyć?").fill("spawanie")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=spawanie" in page.url
    first_title = page.locator("ol.results .card-title").first
    assert first_title.inner_text() == "Kurs spawania metodą MAG (135)"
    assert page.locator("#results-count").inner_text().startswith("Znaleziono 2 oferty.")
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)

    page.get_by_label("kwalifikacyjny kurs zawodowy (1)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Zastosuj filtry").click()
    assert "kind=kkz" in page.url
    assert page.locator("#results-count").inner_text().startswith("Znaleziono 1 ofertę.")
    titles = page.locator("ol.results .card-title").all_inner_texts()
    assert titles == ["Ślusarz – kwalifikacyjny kurs zawodowy MEC.08"]
    assert page.get_by_label("kwalifikacyjny kurs zawodowy (1)").is_checked()
    assert page.get_by_label("kurs (1)", exact=True).is_visible()
    page.screenshot(path=str(tmp_path / "search-filtered.png"), full_page=True)
    page.close()


def test_the_offer_page_and_a_phone_sized_search_page_render(
    browser: Browser, base_url: str, catalogue: Catalogue, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page.goto(f"{base_url}/oferty/{catalogue.ids['mag']}")
    assert page.get_by_role("heading", level=1).inner_text() == "Kurs spawania metodą MAG (135)"
    table = page.get_by_role("table")
    assert table.locator("tbody tr").count() == 2
    assert page.get_by_role("link", name="Zobacz u źródła").is_visible()
    # The stylesheet is served and applied: the source button is white text on the accent.
    colour = page.get_by_role("link", name="Zobacz u źródła").evaluate(
        "el => getComputedStyle(el).color"
    )
    assert colour == "rgb(255, 255, 255)"
    page.screenshot(path=str(tmp_path / "offer.png"), full_page=True)
    page.close()

    phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="pl-PL")
    phone.goto(f"{base_url}/?q=kurs")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    phone.screenshot(path=str(tmp_path / "search-phone.png"), full_page=True)
    phone.close()
