"""A resident starts from a goal in a real Chromium without JavaScript: an occupation leads to
its qualifications, a qualification to its course, the course to "Czy można to sfinansować?"."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


def test_from_an_occupation_to_a_course_and_how_to_pay_for_it(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    context = browser.new_context(
        java_script_enabled=False, locale="pl-PL", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(base_url + "/")
    with page.expect_navigation():
        page.get_by_role("link", name="Kwalifikacje").click()
    page.get_by_label("Zawód, który chcesz zdobyć").fill("ślusarz")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "zawod=" in page.url
    with page.expect_navigation():
        page.get_by_role("link", name="MEC.08 Wykonywanie i naprawa elementów maszyn").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("MEC.08")
    assert page.get_by_role("link", name="Okręgowa Komisja Egzaminacyjna w Poznaniu").is_visible()
    page.screenshot(path=str(tmp_path / "qualification.png"), full_page=True)

    with page.expect_navigation():
        page.get_by_role("link", name="Ślusarz – kwalifikacyjny kurs zawodowy MEC.08").click()
    assert page.get_by_role("link", name="MEC.08").first.is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Czy można to sfinansować?").click()
    page.get_by_label("Pracuję").check()
    page.get_by_label("Tak").check()
    page.get_by_label("50 lub więcej").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Pokaż możliwe wsparcie").click()
    routes = page.locator("article.fund-route h3").all_inner_texts()
    assert routes[0] == "Krajowy Fundusz Szkoleniowy (KFS) – przez pracodawcę"
    assert "oferta=" in page.url and "sytuacja=working" in page.url
    page.get_by_text("Podstawa prawna").first.click()  # <details> opens without JavaScript
    assert page.get_by_text("Dz.U. 2025 poz. 620").first.is_visible()
    page.screenshot(path=str(tmp_path / "funding.png"), full_page=True)
    context.close()
