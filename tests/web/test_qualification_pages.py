"""Qualification pages: the list (grouped, filtered without JavaScript, by occupation) and one
page per code, on a real catalogue of each kind: the web tests' offers plus a validation offer,
an archived course and an offer naming a qualification of another kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from parsel import Selector
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.models import Offer, OfferKind, OfferStatus, Source
from catalogue.qualification_info import filter_qualifications, known_qualifications
from operations.indexing import rebuild_index
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from tests.postgres_support import Databases, SqliteFiles
from tests.web.conftest import fill_catalogue
from tests.web.web_support import html
from web.app import create_app

VALIDATION_TITLE = "Egzamin potwierdzający kwalifikację MEC.08 – sesja próbna"
OTHER_CODE = "ZRK-KOSM-5"
SECTOR_CODE = "ZRK-41007"  # as the zrk spider states it, with the register's category


def _offer(
    source: Source,
    key: str,
    title: str,
    kind: OfferKind,
    code: str,
    status: OfferStatus = OfferStatus.active,
) -> Offer:
    return Offer(
        source=source,
        external_id=key,
        url=f"https://extra.example.org/{key}",
        title=title,
        kind=kind,
        qualification_code=code,
        status=status,
        content_hash=key,
    )


def _extra_offers(url: str) -> dict[str, int]:
    engine = get_engine(url)
    with Session(engine) as session:
        source = Source(name="extra", title="Dodatkowe źródło", url="https://extra.example.org/")
        offers = {
            "validation": _offer(source, "val", VALIDATION_TITLE, OfferKind.validation, "MEC.08"),
            "archived": _offer(
                source, "old", "Stary kurs MEC.08", OfferKind.kkz, "MEC.08", OfferStatus.archived
            ),
            "other": _offer(source, "kosm", "Kosmetyczka – kurs", OfferKind.course, OTHER_CODE),
            "sector": _offer(
                source,
                "oze",
                "Montaż instalacji fotowoltaicznych",
                OfferKind.validation,
                SECTOR_CODE,
            ),
        }
        offers["sector"].extras = {"category.name": "sektorowe"}
        offers["sector"].prk_level = 4
        session.add_all(offers.values())
        session.commit()
        ids = {key: offer.id for key, offer in offers.items()}
    engine.dispose()
    return {k: v for k, v in ids.items() if v is not None}


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, databases: Databases
) -> Iterator[tuple[TestClient, dict[str, int]]]:
    root: Path = tmp_path_factory.mktemp("qualifications")
    url = databases.create(root)
    engine = get_engine(url)
    ids = fill_catalogue(engine)
    engine.dispose()
    ids |= _extra_offers(url)
    engine = get_engine(url)
    rebuild_index(engine, EmbeddedBackend(root / "index"))
    engine.dispose()
    app = create_app(app_settings(database_url=url, index_dir=root / "index", sample_data=True))
    with TestClient(app) as client:
        yield client, ids
    databases.drop(url)


@pytest.fixture
def client(world: tuple[TestClient, dict[str, int]]) -> TestClient:
    return world[0]


@pytest.fixture
def ids(world: tuple[TestClient, dict[str, int]]) -> dict[str, int]:
    return world[1]


def text_of(page: Selector, css: str) -> str:
    return " ".join(" ".join(page.css(css).xpath("string()").getall()).split())


def test_the_list_groups_every_known_qualification_by_kind(client: TestClient) -> None:
    page = html(client, "/kwalifikacje")
    assert page.css("h1::text").get() == "Kwalifikacje"
    headings = page.css("section h2::text").getall()
    assert headings == ["Kwalifikacje w zawodach", "Kwalifikacje sektorowe", "Inne kwalifikacje"]
    vocational = page.css("section[aria-labelledby=kind-vocational] li a::attr(href)").getall()
    assert "/kwalifikacje/MEC.08" in vocational
    assert "/kwalifikacje/HGT.02" in vocational  # from the reference table, with no offer
    other = page.css("section[aria-labelledby=kind-other] li a::attr(href)").getall()
    assert other == [f"/kwalifikacje/{OTHER_CODE}"]
    mec08 = page.xpath("//li[a[@href='/kwalifikacje/MEC.08']]")
    # Two published MEC.08 offers (the course and the validation); the archived one is not one.
    assert "ofert: 2" in " ".join(mec08.xpath("string()").get().split())


def test_a_register_qualification_shows_the_kind_and_level_its_zrk_entry_gives(
    client: TestClient,
) -> None:
    page = html(client, f"/kwalifikacje/{SECTOR_CODE}")
    facts = text_of(page, "#facts-heading + dl")
    assert "kwalifikacja sektorowa w Zintegrowanym Systemie Kwalifikacji" in facts
    assert "4 z 8" in facts
    assert "Rodzaj według wpisu w Zintegrowanym Rejestrze Kwalifikacji." in text_of(page, "section")


def test_the_occupation_box_leads_to_that_occupations_qualifications(client: TestClient) -> None:
    page = html(client, "/kwalifikacje?zawod=mechanik")
    codes = page.css("li a .code::text").getall()
    assert "MEC.08" in codes and "MEC.03" in codes and "MOT.04" in codes
    assert "EKA.07" not in codes and "HGT.02" not in codes
    assert page.css("#zawod::attr(value)").get() == "mechanik"
    assert "/?q=mechanik" in page.css("a::attr(href)").getall()  # on to the courses
    assert "Pokazano 7 z" in text_of(page, ".results-count")


def test_the_filter_box_finds_by_code_or_name_and_says_when_nothing_matches(
    client: TestClient,
) -> None:
    assert html(client, "/kwalifikacje?q=mec.08").css("li a .code::text").getall() == ["MEC.08"]
    assert html(client, "/kwalifikacje?q=rachunkowo").css("li a .code::text").getall() == ["EKA.07"]
    nothing = html(client, "/kwalifikacje?q=zzzyxq")
    assert not nothing.css("li a .code")
    assert "Żadna kwalifikacja nie pasuje" in nothing.get()


def test_a_vocational_qualification_page_has_level_occupations_courses_and_validation(
    client: TestClient, ids: dict[str, int]
) -> None:
    page = html(client, "/kwalifikacje/MEC.08")
    assert text_of(page, "h1") == (
        "MEC.08 Wykonywanie i naprawa elementów maszyn, urządzeń i narzędzi"
    )
    facts = text_of(page, "dl.details")
    assert "kwalifikacja w zawodzie" in facts and "3 z 8" in facts
    level = text_of(page, "section[aria-labelledby=prk-heading]")
    assert "Co oznacza poziom 3?" in level and "branżowej szkoły I stopnia" in level
    occupations = text_of(page, "section[aria-labelledby=occupations-heading]")
    first = page.css(".qual-occupation-list li").xpath("string()").get()
    assert "ślusarz (branżowa szkoła I stopnia) – Kwalifikacje tego zawodu: MEC.08" in " ".join(
        first.split()
    )
    assert "technik mechanik (technikum)" in occupations and "MEC.03" in occupations
    assert "/kwalifikacje/MEC.03" in page.css("a::attr(href)").getall()
    courses = page.css("section[aria-labelledby=courses-heading] a::attr(href)").getall()
    assert courses == [f"/oferty/{ids['mec08']}"]  # published only: not the archived one
    validation = page.css("section[aria-labelledby=validation-heading]")
    assert "Okręgowa Komisja Egzaminacyjna w Poznaniu" in validation.get()
    assert "https://www.oke.poznan.pl/" in validation.css("a::attr(href)").getall()
    assert f"/oferty/{ids['validation']}" in validation.css("a::attr(href)").getall()
    assert "/?q=MEC.08" in page.css("a::attr(href)").getall()


def test_the_code_is_case_insensitive_and_an_unknown_one_is_404(client: TestClient) -> None:
    assert text_of(html(client, "/kwalifikacje/mec.08"), "h1").startswith("MEC.08 ")
    html(client, "/kwalifikacje/XYZ.99", status=404)
    html(client, "/kwalifikacje/%3Cscript%3E", status=404)


def test_a_withdrawn_offers_qualification_lists_no_course(client: TestClient) -> None:
    page = html(client, "/kwalifikacje/MED.10")  # the massage course was withdrawn
    assert "nie ma teraz opublikowanych kursów" in page.get()


def test_another_kinds_page_names_the_register_not_the_board(client: TestClient) -> None:
    page = html(client, f"/kwalifikacje/{OTHER_CODE}")
    assert "Okręgowa Komisja" not in page.get()
    assert "https://kwalifikacje.gov.pl/" in page.css("a::attr(href)").getall()
    assert "inna kwalifikacja" in text_of(page, "dl.details")


def test_the_search_link_of_a_qualification_finds_its_course(
    client: TestClient, ids: dict[str, int]
) -> None:
    found = html(client, "/?q=MEC.08").css("ol.results .card-title a::attr(href)").getall()
    # A result links its offer with the search to go back to (`wroc`).
    assert f"/oferty/{ids['mec08']}" in [link.split("?")[0] for link in found]


def test_an_offer_page_links_its_qualification(client: TestClient, ids: dict[str, int]) -> None:
    page = html(client, f"/oferty/{ids['mec08']}")
    assert "Przygotowuje do kwalifikacji" in text_of(page, ".prepares-for")
    assert page.css(".prepares-for a::attr(href)").get() == "/kwalifikacje/MEC.08"


def test_the_pages_speak_english(client: TestClient) -> None:
    page = html(client, "/kwalifikacje/MEC.08?lang=en")
    assert "What does level 3 mean?" in page.get()
    assert "/kwalifikacje?lang=en" in page.css("a::attr(href)").getall()


def test_filtering_is_a_pure_function_of_the_summaries(tmp_path: Path) -> None:
    url = SqliteFiles(tmp_path).create(tmp_path)
    engine = get_engine(url)
    with Session(engine) as session:
        summaries = list(known_qualifications(session).values())
    engine.dispose()
    assert all(s.offers == 0 for s in summaries)  # an empty catalogue: the table only
    chefs = filter_qualifications(summaries, occupation="kucharz")
    assert [s.code for s in chefs] == ["HGT.02"]
