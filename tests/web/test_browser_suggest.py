"""Search-as-you-type in a real headless Chromium: the combobox over /api/v1/suggest."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

# The served app and the browser, as the other browser tests have them.
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


def test_typing_lists_suggestions_and_the_keyboard_chooses_one(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page.goto(base_url + "/")
    box = page.get_by_role("combobox", name="Czego chcesz się nauczyć?")
    box.press_sequentially("spaw", delay=20)
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    assert options.first.inner_text().startswith("Kurs spawania metodą MAG (135)")
    assert box.get_attribute("aria-expanded") == "true"

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        box.press("Enter")
    assert page.locator("ol.results .card-title").first.inner_text() == (
        "Kurs spawania metodą MAG (135)"
    )
    assert box.input_value() == "Kurs spawania metodą MAG (135)"

    box.fill("")
    box.press_sequentially("kurs ża", delay=20)
    place = page.get_by_role("option", name="Żary")
    place.wait_for()
    box.press("Escape")
    assert page.get_by_role("listbox").is_hidden()
    page.close()
