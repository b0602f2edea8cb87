"""The comparison page: two to four published offers side by side, and what it refuses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from parsel import Selector

from tests.web.web_support import TODAY, Catalogue, html
from web.formatting import format_date


def rows(page: Selector) -> dict[str, list[str]]:
    """The comparison table as {row header: [cell text per offer]}."""
    return {
        " ".join(row.css("th").xpath("string()").get().split()): [
            " ".join(cell.xpath("string()").get().split()) for cell in row.css("td")
        ]
        for row in page.css("#compare-table tbody tr")
    }


def test_two_offers_side_by_side(client: TestClient, catalogue: Catalogue) -> None:
    mag, mec = catalogue.ids["mag"], catalogue.ids["mec08"]
    page = html(client, f"/porownaj?o={mag}&o={mec}")
    assert page.css("h1::text").get() == "Porównanie ofert"
    heads = page.css("#compare-table thead th[scope=col]")
    assert [h.xpath("string()").get() for h in heads] == [
        catalogue.offer("mag")["title"],
        catalogue.offer("mec08")["title"],
    ]
    assert heads.css("a::attr(href)").getall() == [f"/oferty/{mag}", f"/oferty/{mec}"]
    table = rows(page)
    assert all(th == "row" for th in page.css("#compare-table tbody th::attr(scope)").getall())
    assert table["Cena"] == ["2 450,00 zł", "bezpłatny"]
    assert table["Liczba godzin"] == ["146", "500"]
    deadline = format_date(TODAY + timedelta(days=14), "pl")
    assert table["Zapisy do"] == [deadline, "brak terminu w danych"]
    assert table["Miejsce"] == ["Zielona Góra, Nowa Sól", "Gorzów Wielkopolski"]
    assert table["Forma"] == ["stacjonarnie", "stacjonarnie"]
    assert table["Poziom PRK"] == ["brak informacji", "3"]
    assert table["Kwalifikacja"][1].startswith("MEC.08 Wykonywanie i naprawa")
    assert table["Finansowanie"][1] == "Bezpłatny – finansowany z budżetu państwa"
    assert table["Organizator"][0] == catalogue.offer("mag")["provider"]
    assert len(table["Ostatnio sprawdzono"]) == 2
    assert not any(key.startswith("Odległość") for key in table)
    # On a phone the table scrolls in its own labelled region, never the page.
    region = page.css("div.table-scroll[role=region][tabindex='0']")
    assert region.attrib["aria-labelledby"] == "compare-caption"
    assert region.css("#compare-table")


def test_the_provider_links_to_its_page(client: TestClient, catalogue: Catalogue) -> None:
    mag, pm = catalogue.ids["mag"], catalogue.ids["pm"]
    page = html(client, f"/porownaj?o={mag}&o={pm}")
    links = page.css("#compare-table tbody a::attr(href)").getall()
    assert len([h for h in links if h.startswith("/instytucje/")]) == 2


def test_distance_from_a_place_the_person_gives(client: TestClient, catalogue: Catalogue) -> None:
    mag, bud = catalogue.ids["mag"], catalogue.ids["bud12"]
    table = rows(html(client, f"/porownaj?o={mag}&o={bud}&z=Żary"))
    distances = table["Odległość od: Żary"]
    assert distances[1] == "0,0 km"  # the bricklaying course is in Żary
    assert distances[0].endswith(" km") and 30 < float(distances[0][:-3].replace(",", ".")) < 80


def test_an_unknown_place_is_said_and_the_table_still_shown(
    client: TestClient, catalogue: Catalogue
) -> None:
    mag, bud = catalogue.ids["mag"], catalogue.ids["bud12"]
    page = html(client, f"/porownaj?o={mag}&o={bud}&z=Atlantyda")
    assert "Atlantyda" in page.css("#compare-place-unknown").xpath("string()").get()
    assert page.css("#compare-table")


def test_duplicates_are_collapsed(client: TestClient, catalogue: Catalogue) -> None:
    mag, mec = catalogue.ids["mag"], catalogue.ids["mec08"]
    page = html(client, f"/porownaj?o={mag}&o={mec}&o={mag}")
    assert len(page.css("#compare-table thead th[scope=col]")) == 2


def test_four_offers_and_english(client: TestClient, catalogue: Catalogue) -> None:
    ids = [catalogue.ids[k] for k in ("mag", "mec08", "bud12", "eka07")]
    query = "&".join(f"o={i}" for i in ids)
    page = html(client, f"/porownaj?{query}&lang=en")
    assert page.css("h1::text").get() == "Compare offers"
    assert len(page.css("#compare-table thead th[scope=col]")) == 4
    assert "Price" in rows(page)


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("", 400, "Nie wybrano ofert"),
        ("o={mag}", 400, "co najmniej 2"),
        ("o={mag}&o={mag}", 400, "co najmniej 2"),
        ("o={mag}&o={mec08}&o={bud12}&o={eka07}&o={pm}", 400, "najwyżej 4"),
        ("o={mag}&o=abc", 400, "„abc” nie jest numerem oferty"),
        ("o={mag}&o=99999999999999999999", 400, "nie jest numerem oferty"),
        ("o={mag}&o=-3", 400, "nie jest numerem oferty"),
        ("o={mag}&o=999999", 404, "999999"),
        ("o={mag}&o={massage}", 404, "nie są już opublikowane"),
    ],
)
def test_refusals_say_why(
    client: TestClient, catalogue: Catalogue, query: str, status: int, words: str
) -> None:
    page = html(client, "/porownaj?" + query.format(**catalogue.ids), status=status)
    assert words in page.css("#compare-problem").xpath("string()").get()
    assert not page.css("#compare-table")


def test_many_parameters_are_refused(client: TestClient, catalogue: Catalogue) -> None:
    query = "&".join(f"o={catalogue.ids['mag']}" for _ in range(500))
    html(client, f"/porownaj?{query}", status=400)


def test_result_cards_pick_offers_for_the_compare_form(
    client: TestClient, catalogue: Catalogue
) -> None:
    page = html(client, "/?q=kurs&near=%C5%BBary")
    boxes = page.css("ol.results input[type=checkbox][name=o]")
    assert boxes and all(box.attrib["form"] == "compare-form" for box in boxes)
    for box in boxes:  # each box has a label naming its offer
        label = page.css(f"label[for='{box.attrib['id']}']").xpath("string()").get()
        assert label.startswith("Porównaj – ")
    compare_form = page.css("form#compare-form")
    assert compare_form.attrib["action"] == "/porownaj"
    assert compare_form.attrib["method"] == "get"
    assert not page.css("form form") and not compare_form.xpath("ancestor::form")
    assert compare_form.css("input[name=z]::attr(value)").get() == "Żary"
    button = page.css("button[form=compare-form]")
    assert button.xpath("string()").get() == "Porównaj zaznaczone"
