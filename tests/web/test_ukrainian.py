"""The Ukrainian interface (issue 13, part 4): `?lang=uk` and Accept-Language pick it, the page
says lang="uk", the switcher offers the other two languages in their own names, and filter
labels read in Ukrainian where the catalogue has a Ukrainian label (else Polish)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from parsel import Selector

from search.filters import FILTERS, get_filter
from search.label_language import in_language, ukrainian
from web.i18n import Translator


def html(client: TestClient, url: str, **kwargs: object) -> Selector:
    response = client.get(url, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text[:500]
    return Selector(text=response.text)


def test_the_search_page_reads_in_ukrainian_with_lang_uk(client: TestClient) -> None:
    page = html(client, "/?lang=uk&q=spawanie")
    uk = Translator("uk")
    assert page.css("html::attr(lang)").get() == "uk"
    assert page.css("a.skip-link::text").get() == uk("skip") != Translator("pl")("skip")
    assert page.css("h1").xpath("string()").get().strip() == uk("search.title")
    count = page.css("#results-count").xpath("string()").get()
    assert "Знайдено" in count
    assert page.css("input[name=lang][type=hidden]::attr(value)").get() == "uk"
    # Filter labels and values: the kinds and forms have Ukrainian labels.
    legends = " ".join(page.css("fieldset legend").xpath("string()").getall())
    assert "Вид" in legends and "Rodzaj" not in legends
    assert "курс" in page.css("form").xpath("string()").get()


def test_accept_language_uk_picks_ukrainian(client: TestClient) -> None:
    page = html(client, "/", headers={"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"})
    assert page.css("html::attr(lang)").get() == "uk"
    assert page.css("a.skip-link::text").get() == Translator("uk")("skip")


def test_the_switcher_offers_the_two_other_languages_keeping_the_query(
    client: TestClient,
) -> None:
    names = {"pl": "Polski", "en": "English", "uk": "Українська"}
    for lang in names:
        page = html(client, f"/?q=spawanie&lang={lang}")
        links = page.css("a[hreflang]")
        offered = {a.attrib["hreflang"]: a for a in links}
        assert set(offered) == set(names) - {lang}
        for code, link in offered.items():
            assert link.attrib["lang"] == code
            assert link.xpath("string()").get().strip() == names[code]
            assert "q=spawanie" in link.attrib["href"]
            assert f"lang={code}" in link.attrib["href"]
            assert f"lang={lang}" not in link.attrib["href"]


def test_an_offer_page_in_ukrainian_keeps_the_language_in_its_links(client: TestClient) -> None:
    search = html(client, "/?lang=uk&q=spawanie")
    link = search.css("ol.results .card-title a::attr(href)").get()
    assert link.endswith("lang=uk")
    offer = html(client, link)
    assert offer.css("html::attr(lang)").get() == "uk"
    facts = offer.xpath("string(//main)").get()
    assert Translator("uk")("offer.details") in facts
    # Dates take the Ukrainian genitive month ("15 грудня 2026").
    months = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня")
    months += ("вересня", "жовтня", "листопада", "грудня")
    assert any(month in facts for month in months)


def test_the_language_of_instruction_stays_a_filter(client: TestClient) -> None:
    ukrainian_taught = html(client, "/?lang=uk&language=uk")
    polish_interface = html(client, "/?language=uk")
    assert ukrainian_taught.css("#results-count").xpath("string()").get()
    assert len(ukrainian_taught.css("ol.results > li")) == len(
        polish_interface.css("ol.results > li")
    )
    everything = html(client, "/?lang=uk")
    assert len(everything.css("ol.results > li")) >= len(ukrainian_taught.css("ol.results > li"))


def test_filters_and_the_small_label_sets_have_ukrainian_labels() -> None:
    untranslated = []
    for declaration in FILTERS:
        texts = [declaration.label_pl, declaration.help_pl]
        texts += [param.label_pl for param in declaration.params()]
        if declaration.name in ("kind", "form", "funding", "language", "isced_broad", "zsu_area"):
            texts += [polish for polish, _ in declaration.labels().values()]
        untranslated += [text for text in texts if text and ukrainian(text) == text]
    assert untranslated == []
    # Place names stay Polish; a narrow field keeps its code before the Ukrainian name.
    assert get_filter("powiat").display("0862", "uk") == get_filter("powiat").display("0862")
    narrow = get_filter("isced_narrow").display("071", "uk")
    assert narrow.startswith("071 ") and narrow != get_filter("isced_narrow").display("071")


def test_a_label_without_ukrainian_falls_back_to_polish() -> None:
    assert in_language("Nowa etykieta", "New label", "uk") == "Nowa etykieta"
    assert in_language("kurs", "course", "uk") == "курс"
    assert in_language("kurs", "course", "en") == "course"
    assert in_language("kurs", "course", "pl") == "kurs"
