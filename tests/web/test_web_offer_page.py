"""The offer page: every field, the editions table, withdrawn offers and unknown ids."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from parsel import Selector

from tests.web.web_support import LAST_VERIFIED, TODAY, Catalogue, html
from web.formatting import format_date


def details(page: Selector) -> dict[str, str]:
    """The offer's facts list as {term: text}."""
    return {
        " ".join(row.css("dt").xpath("string()").get().split()): " ".join(
            row.css("dd").xpath("string()").get().split()
        )
        for row in page.css("dl.details > div")
    }


def test_the_offer_page_shows_every_field(client: TestClient, catalogue: Catalogue) -> None:
    offer = catalogue.offer("mag")
    page = html(client, f"/oferty/{catalogue.ids['mag']}")
    assert page.css("h1::text").get() == offer["title"]
    assert len(page.css("h1")) == 1
    description = page.css(".description p::text").getall()
    assert description == offer["description"].split("\n\n")
    facts = details(page)
    assert facts["Rodzaj"] == "kurs"
    assert facts["Organizator"] == f"{offer['provider']}, Zielona Góra"
    assert page.css("dl.details a::attr(href)").get() == "https://ckziu.example.org/"
    assert facts["Dziedzina kształcenia (ISCED-F)"] == (
        "07 Technika, przemysł i budownictwo "
        "071 Inżynieria i zawody techniczne "
        "0715 Mechanika i obróbka metali"
    )
    assert facts["Forma"] == "stacjonarnie"
    assert facts["Język zajęć"] == "polski"
    assert facts["Liczba godzin"] == "146"
    assert facts["Finansowanie"] == offer["funding"]
    assert facts["Dla kogo"] == offer["audience"]
    assert facts["Poziom Polskiej Ramy Kwalifikacji"] == "brak informacji"


def test_a_qualification_course_shows_its_code_name_occupation_and_level(
    client: TestClient, catalogue: Catalogue
) -> None:
    facts = details(html(client, f"/oferty/{catalogue.ids['mec08']}"))
    assert facts["Kwalifikacja"] == (
        "MEC.08 Wykonywanie i naprawa elementów maszyn, urządzeń i narzędzi"
    )
    assert facts["Zawód"] == "ślusarz"
    assert facts["Poziom Polskiej Ramy Kwalifikacji"] == "3"
    assert facts["Rodzaj"] == "kwalifikacyjny kurs zawodowy"


def test_the_editions_table_has_a_caption_headers_and_one_row_per_edition(
    client: TestClient, catalogue: Catalogue
) -> None:
    offer = catalogue.offer("mag")
    table = html(client, f"/oferty/{catalogue.ids['mag']}").css("table.editions")
    assert offer["title"] in table.css("caption::text").get()
    headers = table.css('thead th[scope="col"]::text').getall()
    assert headers == [
        "Termin", "Zapisy do", "Miejsce", "Cena", "Liczba miejsc", "Forma", "Mój plan"
    ]  # fmt: skip
    rows = table.css("tbody tr")
    assert len(rows) == len(offer["editions"])
    first = [" ".join(cell.css("::text").getall()).split() for cell in rows[0].css("th, td")]
    first = [" ".join(words) for words in first]
    today = TODAY
    assert first == [
        f"{format_date(today + timedelta(days=20))} – {format_date(today + timedelta(days=60))}",
        format_date(today + timedelta(days=14)),
        "Zielona Góra, ul. Botaniczna 50 (65-392)",  # the city is its own powiat
        "2 450,00 zł",
        "12",
        "stacjonarnie",
        f"Dodaj ten termin do planu : {format_date(today + timedelta(days=20))}, Zielona Góra",
    ]
    second_place = rows[1].css("td")[1]
    assert second_place.css("::text").get().strip() == "Nowa Sól"
    assert second_place.css(".powiat::text").get() == "powiat nowosolski"


def test_the_source_link_and_the_last_check_are_shown(
    client: TestClient, catalogue: Catalogue
) -> None:
    page = html(client, f"/oferty/{catalogue.ids['mag']}")
    link = page.xpath('//a[normalize-space()="Zobacz u źródła"]')
    assert link.attrib["href"] == "https://zrodlo.example.org/oferty/mag"
    assert (
        f"Ostatnio sprawdzono: {format_date(LAST_VERIFIED)}" in page.css(".verified::text").getall()
    )
    assert "Przykładowe źródło ofert (Lubuskie)" in page.css(".source p::text").getall()


def test_an_offer_without_dates_says_so(client: TestClient, catalogue: Catalogue) -> None:
    page = html(client, f"/oferty/{catalogue.ids['bookkeeping']}")
    assert not page.css("table.editions")
    assert "Źródło nie podało terminów." in page.css("section p::text").getall()


def test_a_withdrawn_offer_is_shown_with_a_notice(client: TestClient, catalogue: Catalogue) -> None:
    page = html(client, f"/oferty/{catalogue.ids['massage']}")
    assert page.css("h1::text").get() == catalogue.offer("massage")["title"]
    assert "nie jest już dostępna" in page.css("#withdrawn-notice").xpath("string()").get()
    active_page = html(client, f"/oferty/{catalogue.ids['mag']}")
    assert not active_page.css("#withdrawn-notice")


def test_an_unknown_offer_is_a_404_page(client: TestClient) -> None:
    page = html(client, "/oferty/987654", status=404)
    assert page.css("h1::text").get() == "Nie znaleziono strony"
    assert page.css("html::attr(lang)").get() == "pl"
    assert html(client, "/nie-ma-takiej-strony", status=404).css("h1::text").get() == (
        "Nie znaleziono strony"
    )


def test_the_offer_pages_json_twin_is_the_api(client: TestClient, catalogue: Catalogue) -> None:
    response = client.get(f"/oferty/{catalogue.ids['mec08']}.json")
    assert response.status_code == 200
    assert response.url.path == f"/api/v1/offers/{catalogue.ids['mec08']}"
    body = response.json()
    assert body["title"] == catalogue.offer("mec08")["title"]
    assert body["qualification"]["occupation"] == "ślusarz"
    assert [f["code"] for f in body["isced"]] == ["07", "071", "0715"]
    assert [e["powiat"] for e in body["editions"]] == [
        {"code": "0861", "label": "Gorzów Wielkopolski"}
    ]
    assert client.get("/oferty/987654.json").status_code == 404
