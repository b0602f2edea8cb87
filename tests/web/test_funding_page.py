"""'Czy można to sfinansować?': the form answered by GET, for an offer or none, on the web
tests' catalogue. Nothing is stored: the answers are in the address only."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from parsel import Selector

from tests.web.web_support import Catalogue, html

pytestmark = pytest.mark.pages_not_database  # reads no new query: SQLite only


def route_keys(page: Selector) -> list[str]:
    return [key.removeprefix("route-") for key in page.css("article.fund-route::attr(id)").getall()]


def test_the_empty_form_asks_three_labelled_questions_and_lists_nothing(client: TestClient) -> None:
    page = html(client, "/finansowanie")
    assert page.css("h1::text").get() == "Czy można to sfinansować?"
    assert page.css("form.fund-form::attr(method)").get() == "get"
    legends = page.css("fieldset legend::text").getall()
    assert legends == [
        "Czym się teraz zajmujesz?",
        "Czy masz pracodawcę, który mógłby złożyć wniosek o pieniądze na kurs?",
        "Ile masz lat?",
    ]
    for radio in page.css("input[type=radio]"):
        assert page.css(f"label[for='{radio.attrib['id']}']"), radio.attrib["id"]
    assert not route_keys(page)
    assert not page.css("[role=alert]")


def test_a_worker_with_an_employer_sees_kfs_with_whom_to_ask(client: TestClient) -> None:
    page = html(client, "/finansowanie?sytuacja=working&pracodawca=tak&wiek=25_49")
    assert route_keys(page) == ["kfs", "bur", "free"]
    kfs = page.css("#route-kfs")
    text = " ".join(kfs.xpath("string()").get().split())
    assert "Porozmawiaj z pracodawcą" in text and "powiatowy urząd pracy" in text
    assert "Dz.U. 2025 poz. 620" in text  # the legal source beside the route
    assert kfs.css("a::attr(href)").get() == "/?funding=kfs"
    assert "nie jest decyzja ani obietnica" in page.get()
    # The answers stay chosen, so the form can be changed and sent again.
    assert page.css("#sytuacja-working::attr(checked)").get() is not None
    assert page.css("#pracodawca-tak::attr(checked)").get() is not None


def test_the_registered_unemployed_are_sent_to_their_labour_office(client: TestClient) -> None:
    page = html(client, "/finansowanie?sytuacja=unemployed&pracodawca=nie&wiek=50_plus")
    assert route_keys(page) == ["pup", "bur", "free"]
    assert "doradca klienta" in page.css("#route-pup").get()


def test_half_an_answer_asks_for_the_rest(client: TestClient) -> None:
    page = html(client, "/finansowanie?sytuacja=working")
    assert "Odpowiedz na pytanie" in page.css("[role=alert]").get()
    assert not route_keys(page)
    assert not route_keys(html(client, "/finansowanie?sytuacja=boss&wiek=25_49"))


def test_for_a_free_kkz_the_free_route_says_the_offer_names_it(
    client: TestClient, catalogue: Catalogue
) -> None:
    offer_id = catalogue.ids["mec08"]
    page = html(client, f"/finansowanie?oferta={offer_id}&sytuacja=other&wiek=under_25")
    assert page.css(".fund-offer a::attr(href)").get() == f"/oferty/{offer_id}"
    assert "podaje takie finansowanie" in page.css("#route-free .fund-offer-note").get()
    assert "nie podaje" in page.css("#route-bur .fund-offer-note").get()
    assert page.css("input[name=oferta]::attr(value)").get() == str(offer_id)
    assert "bezpłatną edycję" in page.get()
    paid = html(client, f"/finansowanie?oferta={catalogue.ids['mag']}&sytuacja=other&wiek=25_49")
    assert "bezpłatną edycję" not in paid.get()


def test_an_unknown_or_broken_offer_is_404(client: TestClient) -> None:
    html(client, "/finansowanie?oferta=999999", status=404)
    html(client, "/finansowanie?oferta=abc", status=404)


def test_the_offer_page_links_to_the_questionnaire(
    client: TestClient, catalogue: Catalogue
) -> None:
    offer_id = catalogue.ids["mag"]
    page = html(client, f"/oferty/{offer_id}")
    assert page.css(".funding-link a::attr(href)").get() == f"/finansowanie?oferta={offer_id}"


def test_the_page_speaks_english(client: TestClient) -> None:
    page = html(client, "/finansowanie?lang=en&sytuacja=working&pracodawca=tak&wiek=25_49")
    assert page.css("h1::text").get() == "Can this be paid for?"
    assert "National Training Fund" in page.css("#route-kfs h3::text").get()
    assert "/?funding=kfs&lang=en" in page.css("a::attr(href)").getall()
