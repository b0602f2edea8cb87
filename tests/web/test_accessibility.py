"""Every page passes axe-core's WCAG 2.1 A and AA rules in a real Chromium, at a desktop's and a
phone's size, in Polish and in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.web.axe_support import assert_no_axe_violations
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

# name -> path; `{mag}` is the welding course's offer id.
PUBLIC_PAGES = {
    "search-empty": "/",
    "search-results": "/?q=kurs",
    "search-filtered": "/?q=kurs&kind=kkz&form=on_site&town=Zielona+G%C3%B3ra&radius=25",
    "search-nothing-found": "/?q=zzzyxq",
    "search-corrected-input": "/?q=kurs&page=abc&sort=nonsense",
    "search-second-page": "/?q=kurs&per_page=1&page=2",
    "offer": "/oferty/{mag}",
    "not-found": "/nie-ma-takiej-strony",
    "offer-not-found": "/oferty/999999",
    "robot": "/o-robocie",
}


@pytest.fixture(params=list(VIEWPORTS))
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:  # noqa: F811
    viewport = VIEWPORTS[request.param]
    opened = browser.new_page(viewport=viewport, locale="pl-PL")  # type: ignore[arg-type]
    yield opened
    opened.close()


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_a_public_page_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    name: str,
    lang: str,
) -> None:
    path = PUBLIC_PAGES[name].format(mag=catalogue.ids["mag"])
    if lang == "en":
        path += ("&" if "?" in path else "?") + "lang=en"
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.lang") == lang
    assert_no_axe_violations(page, f"{name} ({path})")


def test_the_search_page_with_its_suggestions_open_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
) -> None:
    page.goto(base_url + "/")
    box = page.get_by_role("combobox", name="Czego chcesz się nauczyć?")
    box.press_sequentially("spaw", delay=20)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert_no_axe_violations(page, "search page with suggestions open")


def test_the_check_fails_on_a_page_that_breaks_a_rule(
    page: Page,
    base_url: str,  # noqa: F811
) -> None:
    """The check can fail: an input without a label is reported with its rule and target."""
    page.goto(base_url + "/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        '\'<input id="unlabelled" type="text">\')'
    )
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page)
    assert "label (critical) #unlabelled" in str(failure.value)
