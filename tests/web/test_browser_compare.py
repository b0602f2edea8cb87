"""A resident ticks two search results in a real headless Chromium and compares them, then
goes on to a provider's page; on a phone the comparison scrolls in its own region."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser

from tests.web.axe_support import assert_fits_the_width
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.web_support import Catalogue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

MAG = "Kurs spawania metodą MAG (135)"
MEC = "Ślusarz – kwalifikacyjny kurs zawodowy MEC.08"


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_a_resident_ticks_two_results_and_compares_them(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    viewport: dict[str, int],
    tmp_path: Path,
) -> None:
    page = browser.new_page(viewport=viewport, locale="pl-PL")  # type: ignore[arg-type]
    page.goto(base_url + "/?q=spawanie&near=%C5%BBary")
    page.get_by_role("checkbox", name=f"Porównaj – {MAG}").check()
    page.get_by_role("checkbox", name=f"Porównaj – {MEC}").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Porównaj zaznaczone").click()

    url = urlsplit(page.url)
    assert url.path == "/porownaj"
    asked = parse_qs(url.query)
    assert sorted(asked["o"]) == sorted([str(catalogue.ids["mag"]), str(catalogue.ids["mec08"])])
    assert asked["z"] == ["Żary"]  # the search's place: distances from it
    assert page.get_by_role("heading", level=1).inner_text() == "Porównanie ofert"
    table = page.get_by_role(
        "table", name="Porównanie wybranych ofert: każda kolumna to jedna oferta"
    )
    headers = table.get_by_role("columnheader").all_inner_texts()
    assert sorted(h.strip() for h in headers if h.strip()) == sorted([MAG, MEC])
    distance = table.get_by_role("row", name="Odległość od: Żary")
    assert distance.get_by_role("cell").first.inner_text().endswith(" km")
    region = page.get_by_role(
        "region", name="Porównanie wybranych ofert: każda kolumna to jedna oferta"
    )
    assert region.get_attribute("tabindex") == "0"
    if viewport["width"] < 500:
        assert_fits_the_width(page, page.url)  # the table scrolls in its region, not the page
        assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)

    with page.expect_navigation():
        table.get_by_role("link", name="Centrum Kształcenia Zawodowego i Ustawicznego").click()
    assert urlsplit(page.url).path.startswith("/instytucje/")
    assert page.get_by_role("link", name=MAG).is_visible()
    page.close()


def test_ticking_one_result_says_two_are_needed(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page.goto(base_url + "/?q=spawanie")
    page.get_by_role("checkbox", name=f"Porównaj – {MAG}").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Porównaj zaznaczone").click()
    assert "co najmniej 2" in page.get_by_role("alert").inner_text()
    page.close()
