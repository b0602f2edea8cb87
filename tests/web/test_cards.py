"""Result cards, chosen-filter chips, clean search URLs, pages past the last one and the way back
from an offer to its search (issue 13, part 3 and its web defects), over the web tests' catalogue.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient
from parsel import Selector

from catalogue.settings import CatalogueSettings
from tests.web.web_support import LAST_VERIFIED, TODAY, Catalogue, html
from web.formatting import format_date

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

MAG = "Kurs spawania metodą MAG (135)"
MEC = "Ślusarz – kwalifikacyjny kurs zawodowy MEC.08"


def card(page: Selector, title: str) -> Selector:
    cards = page.xpath(f"//li[@class='card'][.//h3[normalize-space()={title!r}]]")
    assert len(cards) == 1, f"no single card titled {title!r}"
    return cards[0]


def facts(card: Selector) -> dict[str, str]:
    return {
        " ".join(row.css("dt").xpath("string()").get().split()): " ".join(
            row.css("dd").xpath("string()").get().split()
        )
        for row in card.css("dl.facts > div")
    }


def query_of(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def test_a_card_shows_form_hours_funding_start_enrolment_and_last_check(
    client: TestClient,
) -> None:
    page = html(client, "/?q=spawanie")
    mag = facts(card(page, MAG))
    assert mag["Forma"] == "stacjonarnie"
    assert mag["Czas trwania"] == "146 godz."
    assert mag["Finansowanie"] == "Krajowy Fundusz Szkoleniowy (KFS)"
    assert mag["Najbliższy termin"] == format_date(TODAY + timedelta(days=20))
    # The last day some edition takes enrolments: the second one's, the day before it starts.
    assert mag["Zapisy do"] == format_date(TODAY + timedelta(days=74))
    assert mag["Sprawdzono"] == format_date(LAST_VERIFIED)
    mec = facts(card(page, MEC))
    assert mec["Finansowanie"].split(", ")[0] == "bezpłatne"
    assert mec["Czas trwania"] == "500 godz."
    deadline = card(page, MAG).css(".fact-enrolment time::attr(datetime)").get()
    assert deadline == (TODAY + timedelta(days=74)).isoformat()


def test_card_labels_in_english_and_ukrainian_texts_exist(client: TestClient) -> None:
    mag = facts(card(html(client, "/?q=spawanie&lang=en"), MAG))
    assert mag["Form"] == "on site"
    assert mag["Duration"] == "146 hours"
    assert "Enrol by" in mag and "Checked" in mag
    from web.i18n import MESSAGES

    cards = [key for key in MESSAGES["pl"] if key.startswith("cards.")]
    assert cards and all(MESSAGES["uk"].get(k) and MESSAGES["en"].get(k) for k in cards)


def test_chosen_filters_are_chips_each_removing_only_itself(client: TestClient) -> None:
    page = html(client, "/?q=kurs&funding=free&funding=kfs&form=on_site&free=1&sort=price&page=1")
    chips = page.css("#chips a.chip")
    names = [" ".join(c.xpath("string()").get().split()) for c in chips]
    assert names == [
        "Usuń filtr: stacjonarnie ✕",
        "Usuń filtr: bezpłatne ✕",
        "Usuń filtr: Krajowy Fundusz Szkoleniowy (KFS) ✕",
        "Usuń filtr: Tylko bezpłatne ✕",
    ]
    assert chips[1].css(".visually-hidden::text").get().strip() == "Usuń filtr:"
    assert chips[1].css(".chip-x::attr(aria-hidden)").get() == "true"
    removed = dict(zip(names, (c.attrib["href"] for c in chips), strict=True))
    # Each link keeps the query, the sort and the other filters, drops the page and that value.
    assert query_of(removed["Usuń filtr: bezpłatne ✕"]) == [
        ("q", "kurs"),
        ("funding", "kfs"),
        ("form", "on_site"),
        ("free", "1"),
        ("sort", "price"),
    ]
    assert query_of(removed["Usuń filtr: Tylko bezpłatne ✕"]) == [
        ("q", "kurs"),
        ("funding", "free"),
        ("funding", "kfs"),
        ("form", "on_site"),
        ("sort", "price"),
    ]
    clear = page.css("#chips a.chips-clear")
    assert clear.xpath("string()").get().strip() == "Wyczyść wszystkie"
    assert clear.attrib["href"] == "/?q=kurs&sort=price"
    # Following a chip's link gives the search without it: one chip fewer, the others kept.
    after = html(client, removed["Usuń filtr: Tylko bezpłatne ✕"])
    assert len(after.css("#chips a.chip")) == 3
    assert after.css("#f-free:not([checked])")


def test_range_and_distance_filters_have_chips_too(client: TestClient) -> None:
    page = html(client, "/?near=Żary&radius_km=25&include_online=1&price_max=3000&sort=distance")
    chips = {
        " ".join(c.xpath("string()").get().split()): c.attrib["href"]
        for c in page.css("#chips a.chip")
    }
    assert set(chips) == {
        "Usuń filtr: Cena do (zł): 3000 ✕",
        "Usuń filtr: Miejscowość: Żary ✕",
        "Usuń filtr: do 25 km ✕",
        "Usuń filtr: Także oferty online ✕",
    }
    # Without the town, its radius and the sort by distance go too.
    assert query_of(chips["Usuń filtr: Miejscowość: Żary ✕"]) == [("price_max", "3000")]
    assert query_of(chips["Usuń filtr: do 25 km ✕"]) == [
        ("near", "Żary"),
        ("price_max", "3000"),
        ("sort", "distance"),
    ]


def test_no_chips_without_filters(client: TestClient) -> None:
    page = html(client, "/?q=kurs")
    assert not page.css("#chips")
    assert page.css("#filter-panel summary").xpath("string()").get().strip() == "Zawęź wyniki"


def test_the_filter_panel_says_how_many_filters_are_chosen(client: TestClient) -> None:
    page = html(client, "/?funding=free&form=on_site")
    summary = page.css("#filter-panel > summary").xpath("string()").get()
    assert " ".join(summary.split()) == "Zawęź wyniki (wybrane: 2)"
    assert page.css("#filter-panel .filter-actions button[type=submit]")


def test_empty_parameters_are_redirected_to_the_clean_url(client: TestClient) -> None:
    sent = "/?q=spawanie&kind=&powiat=&price_max=&near=&radius_km=&start_from=&free=1&sort="
    response = client.get(sent, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/?q=spawanie&free=1"
    assert client.get("/?q=&per_page=", follow_redirects=False).headers["location"] == "/"
    # A clean URL is answered as it is.
    assert client.get("/?q=spawanie&free=1", follow_redirects=False).status_code == 200


def test_links_of_the_results_carry_no_empty_parameters(client: TestClient) -> None:
    page = html(client, "/?q=kurs&per_page=2&kind=course&sort=price")
    links = page.css("nav.pagination a::attr(href), #chips a::attr(href)").getall()
    assert links
    for link in links:
        assert all(name and value for name, value in query_of(link)), link


def test_a_page_after_the_last_is_not_found(client: TestClient) -> None:
    pages = int(client.get("/api/v1/offers", params={"per_page": 5}).json()["pages"])
    assert html(client, f"/?per_page=5&page={pages}").css("ol.results")
    html(client, f"/?per_page=5&page={pages + 1}", status=404)
    html(client, "/?page=999", status=404)
    html(client, "/?q=zzzyxq&page=2", status=404)  # nothing found: only page 1 exists
    assert client.get("/?page=999&format=json").status_code == 422  # the API's answer


def test_the_api_refuses_a_page_after_the_last(client: TestClient) -> None:
    last = client.get("/api/v1/offers", params={"per_page": 5}).json()["pages"]
    assert client.get("/api/v1/offers", params={"per_page": 5, "page": last}).status_code == 200
    response = client.get("/api/v1/offers", params={"per_page": 5, "page": 999})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "page"]
    assert problem["type"] == "page_beyond"
    assert problem["input"] == "999"
    assert f"{last} page" in problem["msg"]


def test_the_back_link_of_an_offer_keeps_the_search(
    client: TestClient, catalogue: Catalogue
) -> None:
    search = "/?q=spawanie&kind=course&kind=kkz&sort=price&lang=en"
    page = html(client, search)
    offer_link = card(page, MAG).css("h3 a::attr(href)").get()
    assert urlsplit(offer_link).path == f"/oferty/{catalogue.ids['mag']}"
    offer = html(client, offer_link)
    back = offer.css("p.back a::attr(href)").get()
    assert urlsplit(back).path == "/"
    assert query_of(back) == query_of(search)
    assert offer.css("html::attr(lang)").get() == "en"


def test_the_back_link_reads_a_same_origin_search_referer_only(
    client: TestClient, catalogue: Catalogue
) -> None:
    offer = f"/oferty/{catalogue.ids['mag']}"
    site = CatalogueSettings(database_url=catalogue.database_url).public_url.rstrip("/")
    own = html(client, offer, headers={"Referer": f"{site}/?q=spawanie&free=1"})
    assert own.css("p.back a::attr(href)").get() == "/?q=spawanie&free=1"
    for referer in (
        "https://evil.example/?q=spawanie",
        f"{site}/plan?q=x",
        "not a url",
        "http://[::1/?q=x",
    ):
        page = html(client, offer, headers={"Referer": referer})
        assert page.css("p.back a::attr(href)").get() == "/", referer


@pytest.mark.parametrize(
    "wroc",
    [
        "//evil.example/?q=x",
        "https://evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
        "q=a&wroc=q%3Db&format=json",
    ],
)
def test_the_back_link_is_always_the_search_page(
    client: TestClient, catalogue: Catalogue, wroc: str
) -> None:
    page = html(client, f"/oferty/{catalogue.ids['mag']}", params={"wroc": wroc})
    back = page.css("p.back a::attr(href)").get()
    assert back == "/" or back.startswith("/?"), back
    assert urlsplit(back).netloc == "" and urlsplit(back).scheme == ""
    assert all(name not in ("wroc", "format") for name, _ in query_of(back))


def test_adding_to_the_plan_from_an_offer_comes_back_with_its_search(
    client: TestClient, catalogue: Catalogue
) -> None:
    offer = f"/oferty/{catalogue.ids['mag']}?wroc=q%3Dspawanie"
    page = html(client, offer)
    backs = set(page.css("form.plan-add input[name=back]::attr(value)").getall())
    backs |= set(page.css("form.plan-add-edition input[name=back]::attr(value)").getall())
    assert backs == {offer}


def test_cards_and_chips_read_in_ukrainian(client: TestClient) -> None:
    page = html(client, "/?q=spawanie&funding=kfs&lang=uk")
    mag = facts(card(page, MAG))
    assert mag["Тривалість"] == "146 год."
    assert "Запис до" in mag and "Перевірено" in mag
    (chip,) = page.css("#chips a.chip")
    assert chip.css(".visually-hidden::text").get().strip() == "Видалити фільтр:"
    assert ("lang", "uk") in query_of(chip.attrib["href"])
    assert page.css("a.skip-link[href='#results']::text").get() == "Перейти до результатів"
