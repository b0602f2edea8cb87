"""The pages work in a real headless Chromium under their Content-Security-Policy: the browser
reports no violation and no error while a resident searches, types and opens an offer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]


def watched(browser: Browser, complaints: list[str]) -> Page:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page.on("console", lambda m: _note(m, complaints))
    page.on("pageerror", lambda error: complaints.append(f"pageerror: {error}"))
    # Chromium also fires this DOM event for every blocked resource, inline script or style.
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return page


def _note(message: ConsoleMessage, complaints: list[str]) -> None:
    if message.location.get("url", "").endswith("/favicon.ico"):
        return  # Chromium asks for one; the site has none
    if message.type in ("error", "warning"):
        complaints.append(f"{message.type}: {message.text} ({message.location.get('url')})")


def test_the_pages_run_under_their_content_security_policy_without_a_violation(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
) -> None:
    complaints: list[str] = []
    page = watched(browser, complaints)
    response = page.goto(base_url + "/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    box = page.get_by_role("combobox", name="Czego chcesz się nauczyć?")
    box.press_sequentially("spaw", delay=20)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    with page.expect_navigation():
        box.press("Enter")
    page.goto(f"{base_url}/oferty/{catalogue.ids['mag']}")
    colour = page.get_by_role("link", name="Zobacz u źródła").evaluate(
        "el => getComputedStyle(el).color"
    )
    assert colour == "rgb(255, 255, 255)", "the stylesheet was blocked"
    page.goto(base_url + "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    page.close()
    assert complaints == []


def test_swagger_ui_renders_from_our_origin_under_the_policy(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    complaints: list[str] = []
    page = watched(browser, complaints)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else outside.append(r.url))
    response = page.goto(base_url + "/docs")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator('.opblock-summary-path[data-path="/api/v1/offers/{offer_id}"]').wait_for()
    assert page.locator(".opblock").count() >= 4
    page.close()
    assert outside == [] and complaints == []
