"""The Ukrainian interface in a real Chromium: the search page (with results and filters) and an
offer page pass axe-core at desktop and phone sizes with lang="uk", and a browser set to
Ukrainian gets Ukrainian without asking."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.web.axe_support import DESKTOP, assert_accessible_at_both_sizes
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue
from web.i18n import Translator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

PAGES = {
    "search-empty": "/?lang=uk",
    "search-results": "/?lang=uk&q=kurs",
    "search-filtered": "/?lang=uk&q=kurs&kind=kkz&form=on_site&town=Zielona+G%C3%B3ra&radius=25",
    "search-nothing-found": "/?lang=uk&q=zzzyxq",
    "offer": "/oferty/{mag}?lang=uk",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_a_ukrainian_page_has_no_axe_violations_at_both_sizes(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    name: str,
) -> None:
    path = PAGES[name].format(**catalogue.ids)
    page = browser.new_page(viewport=DESKTOP, locale="pl-PL")  # type: ignore[arg-type]
    try:
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.lang") == "uk"
        assert page.locator("a.skip-link[href='#main']").text_content() == Translator("uk")("skip")
        assert_accessible_at_both_sizes(page, f"{name} ({path})")
    finally:
        page.close()


def test_a_browser_set_to_ukrainian_gets_the_ukrainian_search_page(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = browser.new_page(viewport=DESKTOP, locale="uk-UA")  # type: ignore[arg-type]
    try:
        page.goto(base_url + "/?q=spawanie")
        assert page.evaluate("document.documentElement.lang") == "uk"
        assert page.get_by_role("heading", level=1).text_content() == Translator("uk")(
            "search.title"
        )
        # The switcher names each other language in itself, with its lang and hreflang.
        polish = page.get_by_role("link", name="Polski", exact=True)
        assert polish.get_attribute("lang") == polish.get_attribute("hreflang") == "pl"
        polish.click()
        assert page.evaluate("document.documentElement.lang") == "pl"
        assert "q=spawanie" in page.url
    finally:
        page.close()
