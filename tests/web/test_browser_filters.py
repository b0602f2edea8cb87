"""In a real headless Chromium: on a phone the filters open in a panel whose "Zastosuj filtry"
stays in reach, the keyboard goes through the page in the order it is seen, the skip link
leads to the results, chosen filters come back as chips, and an offer's dates fit the screen
(issue 13, part 3)."""

from __future__ import annotations

import itertools
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.web.axe_support import assert_accessible_at_both_sizes
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,  # SQLite only (tests/conftest.py)
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}

# Where the focused element is on the page (document coordinates), and what it is.
_FOCUSED_BOX = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const box = element.getBoundingClientRect();
  return {top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left,
          name: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ' '
            + (element.textContent || element.getAttribute('name') || '').trim().slice(0, 40)};
}"""


def new_page(browser: Browser, viewport: dict[str, int]) -> Page:  # noqa: F811
    return browser.new_page(viewport=viewport, locale="pl-PL")  # type: ignore[arg-type]


def test_on_a_phone_the_filters_open_in_a_panel_and_apply_from_its_bottom(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    page = new_page(browser, PHONE)
    page.goto(base_url + "/?q=kurs")
    panel = page.locator("#filter-panel")
    summary = panel.locator("summary")
    apply = page.get_by_role("button", name="Zastosuj filtry")
    assert summary.is_visible() and not apply.is_visible()
    # The panel comes before the results, as in the page's order.
    results_top = page.locator("#results").bounding_box()
    assert results_top is not None
    summary_box = summary.bounding_box()
    assert summary_box is not None and summary_box["y"] < results_top["y"]

    summary.click()
    assert panel.get_attribute("open") is not None
    page.locator("#f-kind-course").check()
    # Whatever part of the panel is on the screen, its apply button is in reach there.
    for where in ("#filter-kind", "#filter-price"):
        page.locator(where).scroll_into_view_if_needed()
        assert in_viewport(page, apply), f"'Zastosuj filtry' out of reach at {where}"
    page.screenshot(path=str(tmp_path / "filters-phone.png"))
    with page.expect_navigation():
        apply.click()
    # The form's empty fields were dropped on the way.
    asked = parse_qsl(urlsplit(page.url).query, keep_blank_values=True)
    assert all(value for _, value in asked), page.url
    assert [(k, v) for k, v in asked if k != "sort"] == [("q", "kurs"), ("kind", "course")]
    chip = page.locator("#chips a.chip")
    assert chip.count() == 1 and chip.first.is_visible()
    assert "(wybrane: 1)" in page.locator("#filter-panel summary").inner_text()
    with page.expect_navigation():
        chip.first.click()
    assert [k for k, _ in parse_qsl(urlsplit(page.url).query)] == ["q", "sort"]
    page.close()


def in_viewport(page: Page, locator: object) -> bool:
    box = locator.bounding_box()  # type: ignore[attr-defined]
    height = page.viewport_size["height"] if page.viewport_size else 0
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_on_a_wide_screen_the_filters_show_without_opening(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = new_page(browser, DESKTOP)
    page.goto(base_url + "/?q=kurs")
    assert page.get_by_role("heading", name="Zawęź wyniki").is_visible()
    assert not page.locator("#filter-panel > summary").is_visible()
    assert page.get_by_role("button", name="Zastosuj filtry").is_visible()
    assert page.locator("#filter-panel input[type=checkbox]").first.is_visible()
    page.close()


def tab_stops(page: Page) -> list[dict[str, object]]:
    """Where Tab goes from the query box to the footer: each stop's place and name."""
    page.locator("#q").focus()  # from the query box on: the main content
    seen: list[dict[str, object]] = []
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED_BOX)
        if focused is None or "O robocie" in str(focused["name"]):
            break  # past the last stop, or the footer's link
        seen.append(focused)
    return seen


def going_up(seen: list[dict[str, object]]) -> list[str]:
    """Each step to a stop wholly above the one before (the focus jumps back up the page)."""
    return [
        f"{before['name']} -> {after['name']}"
        for before, after in itertools.pairwise(seen)
        if float(after["bottom"]) <= float(before["top"]) - 2  # type: ignore[arg-type]
    ]


def test_on_a_phone_the_keyboard_follows_the_order_of_the_page(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = new_page(browser, PHONE)
    page.goto(base_url + "/?q=kurs&per_page=3&form=on_site")
    page.locator("#filter-panel > summary").click()
    seen = tab_stops(page)
    names = [str(f["name"]) for f in seen]
    assert any("Zastosuj filtry" in n for n in names), names
    assert any("Usuń filtr" in n for n in names), names
    assert going_up(seen) == []
    # The check sees a layout that shows the results before the filters that precede them.
    page.evaluate("document.querySelector('.results-column').style.order = '-1'")
    assert going_up(tab_stops(page)) != []
    page.close()


def test_the_skip_link_leads_to_the_results(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = new_page(browser, PHONE)
    page.goto(base_url + "/?q=kurs")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Przejdź do treści"
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "Przejdź do wyników"
    assert page.get_by_role("link", name="Przejdź do wyników").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    page.keyboard.press("Tab")  # the next stop is in the results
    assert page.evaluate("document.activeElement.closest('#results') !== null")
    page.close()


def test_an_offer_s_dates_fit_a_phone(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    tmp_path: Path,
) -> None:
    page = new_page(browser, PHONE)
    page.goto(f"{base_url}/oferty/{catalogue.ids['mag']}")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= page.evaluate("innerWidth"), "the offer page scrolls sideways"
    table = page.locator("table.editions")
    assert table.evaluate("e => e.scrollWidth <= e.parentElement.clientWidth")
    first_row = table.locator("tbody tr").first
    # Each edition is a card of labelled lines: the label is shown before each value.
    enrolment = first_row.locator("td").first
    label = enrolment.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Zapisy do"'
    assert enrolment.evaluate("e => getComputedStyle(e).display") == "block"
    page.screenshot(path=str(tmp_path / "offer-phone.png"), full_page=True)
    page.close()


def test_the_search_with_chips_and_the_offer_are_accessible_at_both_sizes(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    tmp_path: Path,
) -> None:
    page = new_page(browser, DESKTOP)
    page.goto(base_url + "/?q=kurs&funding=free&form=on_site&near=%C5%BBary&radius_km=50")
    assert page.locator("#chips a.chip").count() == 4
    assert_accessible_at_both_sizes(page, "search with chips")
    page.screenshot(path=str(tmp_path / "chips-desktop.png"))
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.screenshot(path=str(tmp_path / "chips-phone.png"), full_page=True)
    page.locator("#filter-panel > summary").click()
    assert_accessible_at_both_sizes(page, "search with the filter panel open")
    page.goto(f"{base_url}/oferty/{catalogue.ids['mag']}")
    assert_accessible_at_both_sizes(page, "offer")
    page.close()
