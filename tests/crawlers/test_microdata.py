"""schema.org microdata read next to JSON-LD: the conversion to JSON-LD-shaped nodes, the
rule that a page stating one offer in both syntaxes yields it once, and a crawl over HTTP of a
recorded Joomla site (tests/crawlers/recorded/microdata/) into a real catalogue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from scrapy.http import HtmlResponse
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer, Rejection, Source
from crawlers.items import RawOffer, Rejected
from crawlers.run import crawl
from crawlers.spiders.base import microdata, schema_org
from crawlers.spiders.base.structured_data import same_offer
from crawlers.spiders.schema_org_site import SchemaOrgSiteSpider
from crawlers.summary import RunSummary
from tests.crawlers.conftest import FAST
from tests.crawlers.recorded import RECORDED, RecordedServer
from tests.postgres_support import Databases

# What the crawl does over HTTP, not the database: SQLite only (decision 0010).
pytestmark = pytest.mark.crawl_not_database

PAGE_URL = "https://www.ckziu.example/kursy/spawanie-mag.html"
SOURCE = "recorded-microdata"
REGISTRY = RECORDED / "microdata" / "sources.toml"
SETTINGS = {**FAST, "HTTPCACHE_ENABLED": False}


def page(body: str, head: str = "", url: str = PAGE_URL) -> HtmlResponse:
    html = f'<!DOCTYPE html><html lang="pl-pl"><head>{head}</head><body>{body}</body></html>'
    return HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")


def nodes_of(body: str) -> list[dict[str, Any]]:
    response = page(body)
    return microdata.nodes(response.selector.root, response.url)


def jsonld(node: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(node, ensure_ascii=False)}</script>'


def spider() -> SchemaOrgSiteSpider:
    return SchemaOrgSiteSpider(source_name="test")


# A course as a Polish school's CMS template marks it up: content attributes, <time datetime>,
# <meta itemprop>, and nested Organization, CourseInstance, Place, PostalAddress and Offer.
MAG_COURSE = """
<div class="kurs" itemscope itemtype="http://schema.org/Course">
  <h1 itemprop="name">Kurs spawania metodą MAG (135)</h1>
  <meta itemprop="courseCode" content="MEC.08">
  <p itemprop="description">Kurs z egzaminem przed komisją Instytutu Spawalnictwa.</p>
  <p itemprop="provider" itemscope itemtype="http://schema.org/Organization">
    <span itemprop="name">CKZiU w Nowej Soli</span>
    <link itemprop="url" href="/">
  </p>
  <section itemprop="hasCourseInstance" itemscope itemtype="http://schema.org/CourseInstance">
    <meta itemprop="courseMode" content="onsite">
    Od <time itemprop="startDate" datetime="2026-12-01">1 grudnia 2026</time>
    do <time itemprop="endDate" datetime="2027-01-29">29 stycznia 2027</time>
    <div itemprop="location" itemscope itemtype="http://schema.org/Place">
      <span itemprop="name">Warsztaty szkolne</span>,
      <span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
        <span itemprop="streetAddress">ul. Staszica 1</span>,
        <span itemprop="postalCode">67-100</span> <span itemprop="addressLocality">Nowa Sól</span>
      </span>
    </div>
    <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
      Cena: <span itemprop="price" content="2400.00">2 400,00 zł</span>
      <meta itemprop="priceCurrency" content="PLN">
    </div>
  </section>
</div>
"""

MAG_NODE = {
    "@type": "Course",
    "name": "Kurs spawania metodą MAG (135)",
    "courseCode": "MEC.08",
    "description": "Kurs z egzaminem przed komisją Instytutu Spawalnictwa.",
    "provider": {
        "@type": "Organization",
        "name": "CKZiU w Nowej Soli",
        "url": "https://www.ckziu.example/",
    },
    "hasCourseInstance": {
        "@type": "CourseInstance",
        "courseMode": "onsite",
        "startDate": "2026-12-01",
        "endDate": "2027-01-29",
        "location": {
            "@type": "Place",
            "name": "Warsztaty szkolne",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "ul. Staszica 1",
                "postalCode": "67-100",
                "addressLocality": "Nowa Sól",
            },
        },
        "offers": {"@type": "Offer", "price": "2400.00", "priceCurrency": "PLN"},
    },
}


def test_a_microdata_course_becomes_the_node_json_ld_would_state():
    assert nodes_of(MAG_COURSE) == [MAG_NODE]


def test_the_json_ld_mapping_reads_the_microdata_node_as_it_reads_json_ld():
    (from_microdata,) = nodes_of(MAG_COURSE)
    options = {"source": "s", "url": PAGE_URL, "external_id": "1"}
    offer = schema_org.to_offer(from_microdata, **options)
    assert offer == schema_org.to_offer(MAG_NODE, **options)
    (edition,) = offer.editions
    assert (edition.start, edition.town, edition.price) == ("2026-12-01", "Nowa Sól", "2400.00 PLN")


def test_a_property_stated_twice_is_a_list_of_nested_nodes():
    body = """<div itemscope itemtype="https://schema.org/Course"><h2 itemprop="name">BHP</h2>
      <p itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
        <time itemprop="startDate" datetime="2026-10-10">10.10</time></p>
      <p itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
        <time itemprop="startDate" datetime="2026-11-14">14.11</time></p></div>"""
    (node,) = nodes_of(body)
    assert [i["startDate"] for i in node["hasCourseInstance"]] == ["2026-10-10", "2026-11-14"]
    assert all(i["@type"] == "CourseInstance" for i in node["hasCourseInstance"])


def test_a_time_without_datetime_is_read_by_its_text():
    body = """<div itemscope itemtype="https://schema.org/CourseInstance">
      <time itemprop="startDate">14.11.2026</time>
      <time itemprop="endDate"> 15.11.2026 </time></div>"""
    assert nodes_of(body) == [
        {"@type": "CourseInstance", "startDate": "14.11.2026", "endDate": "15.11.2026"}
    ]


def test_an_item_without_properties_keeps_its_text_as_the_place():
    body = """<div itemscope itemtype="https://schema.org/Course"><b itemprop="name">Excel</b>
      <div itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
        <span itemprop="location" itemscope itemtype="https://schema.org/Place">
          Gorzów Wlkp., ul. Łokietka 22</span></div></div>"""
    (node,) = nodes_of(body)
    location = node["hasCourseInstance"]["location"]
    assert location == {"@type": "Place", "@value": "Gorzów Wlkp., ul. Łokietka 22"}
    assert schema_org.place(location)[1] == "Gorzów Wlkp., ul. Łokietka 22"


def test_itemprops_outside_any_itemscope_belong_to_no_item():
    body = """<aside><h3 itemprop="name">Polecane kursy</h3><span itemprop="price">3 200 zł</span>
      </aside><div itemscope itemtype="https://schema.org/Course">
      <meta itemprop="name" content="Spawanie TIG"></div><footer itemscope>
      <span itemprop="telephone">95 755 00 00</span></footer>"""
    assert nodes_of(body) == [
        {"@type": "Course", "name": "Spawanie TIG"},
        {"telephone": "95 755 00 00"},
    ]


def test_types_lose_the_schema_org_prefix_only_and_itemid_becomes_the_id():
    body = """<div itemscope itemid="urn:kurs:17" itemtype="https://schema.org/Course
      http://schema.org/Product"><span itemprop="name">Kurs</span></div>
      <ol itemscope itemtype="http://data-vocabulary.org/Breadcrumb">
      <li itemprop="title">A</li></ol>"""
    course, crumbs = nodes_of(body)
    assert (course["@type"], course["@id"]) == (["Course", "Product"], "urn:kurs:17")
    assert crumbs["@type"] == "http://data-vocabulary.org/Breadcrumb"


def test_links_are_resolved_against_the_page():
    body = """<div itemscope itemtype="https://schema.org/Course"><span itemprop="name">Kurs</span>
      <a itemprop="url" href="../kursy/kurs.html">więcej</a></div>"""
    (node,) = nodes_of(body)
    assert node["url"] == "https://www.ckziu.example/kursy/kurs.html"


def test_a_microdata_only_page_yields_its_course():
    (item,) = spider().parse_page(page(MAG_COURSE))
    assert isinstance(item, RawOffer)
    assert (item.title, item.provider_name, item.qualification_code) == (
        "Kurs spawania metodą MAG (135)",
        "CKZiU w Nowej Soli",
        "MEC.08",
    )
    assert item.external_id == "/kursy/spawanie-mag.html"


def test_a_course_in_both_syntaxes_is_yielded_once_from_its_json_ld():
    stated = {**MAG_NODE, "@context": "https://schema.org", "description": "Opis z JSON-LD."}
    items = list(spider().parse_page(page(MAG_COURSE, head=jsonld(stated))))
    assert [(type(i), i.description) for i in items] == [(RawOffer, "Opis z JSON-LD.")]


def test_two_different_courses_in_the_two_syntaxes_are_both_yielded():
    other = {**MAG_NODE, "hasCourseInstance": [], "courseCode": "BUD.12"}
    items = list(spider().parse_page(page(MAG_COURSE, head=jsonld(other))))
    assert [i.qualification_code for i in items] == ["BUD.12", "MEC.08"]
    assert [i.external_id for i in items] == [
        "/kursy/spawanie-mag.html",
        "/kursy/spawanie-mag.html#1",
    ]


def test_malformed_json_ld_does_not_hide_a_microdata_course():
    head = '<script type="application/ld+json">{"@type": "Course", "name": </script>'
    (item,) = spider().parse_page(page(MAG_COURSE, head=head))
    assert isinstance(item, RawOffer)


def test_the_main_entity_of_a_web_page_is_an_offer():
    body = """<main itemscope itemtype="https://schema.org/WebPage">
      <article itemprop="mainEntity" itemscope itemtype="https://schema.org/Course">
      <h1 itemprop="name">Kurs kadrowo-płacowy</h1></article></main>"""
    (item,) = spider().parse_page(page(body))
    assert item.title == "Kurs kadrowo-płacowy"


def test_a_page_with_neither_syntax_stating_an_offer_is_rejected_naming_its_types():
    body = """<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">
      Zapisy</h1></div>"""
    (item,) = spider().parse_page(page(body, head=jsonld({"@type": "WebSite", "name": "CKZiU"})))
    assert isinstance(item, Rejected)
    assert (
        item.reason == "brak Course ani EducationalOccupationalProgram w JSON-LD ani w mikrodanych"
    )
    assert item.payload["types"] == ["Article", "WebSite"]


def named(name: str, **values: str) -> dict[str, str]:
    return {"@type": "Course", "name": name, **values}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (named("Kurs  BHP\n"), named("kurs bhp"), True),
        (named("Kurs &#8211; BHP"), named("Kurs – BHP"), True),
        (named("BHP", url="bhp.html"), named("BHP", url="https://www.ckziu.example/kursy/bhp.html/"),
         True),
        (named("BHP", courseCode="MEC.08"), named("BHP"), True),
        (named("BHP", courseCode="MEC.08"), named("BHP", courseCode="MEC.09"), False),
        (named("BHP", url="/kursy/bhp-1.html"), named("BHP", url="/kursy/bhp-2.html"), False),
        (named("BHP", **{"@id": "#kurs-1"}), named("BHP", **{"@id": "#kurs-2"}), False),
        (named("BHP"), named("BHP dla kadry"), False),
        ({"@type": "Course"}, {"@type": "Course"}, False),
    ],
)  # fmt: skip
def test_two_nodes_are_one_offer_when_their_names_match_and_nothing_else_differs(a, b, same):
    assert same_offer(a, b, PAGE_URL) is same


# --- A crawl of the recorded site ------------------------------------------------------------


@dataclass
class Crawled:
    first: RunSummary
    second: RunSummary
    offers: dict[str, Offer]  # by page path
    rejections: list[Rejection]
    requested: set[str]
    unmatched: list[str]


def stored(database_url: str) -> tuple[dict[str, Offer], list[Rejection]]:
    query = (
        select(Offer)
        .join(Source)
        .where(Source.name == SOURCE)
        .options(selectinload(Offer.editions), selectinload(Offer.institution))
    )
    with Session(get_engine(database_url)) as session:
        offers = {offer.url.split("/", 3)[3]: offer for offer in session.exec(query).all()}
        rejections = list(session.exec(select(Rejection).join(Source).where(Source.name == SOURCE)))
    return offers, rejections


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Iterator[Crawled]:
    """The recorded site crawled twice into one catalogue."""
    database_url = databases.create(tmp_path_factory.mktemp("microdata"))
    with RecordedServer("microdata") as server:
        first, second = (
            crawl([SOURCE], database_url, base_url=server.base_url, settings=SETTINGS,
                  registry_path=REGISTRY)[0]
            for _ in range(2)
        )  # fmt: skip
        requested = {seen.path for seen in server.requests.all()}
        unmatched = list(server.unmatched)
    offers, rejections = stored(database_url)
    yield Crawled(first, second, offers, rejections, requested, unmatched)


def test_the_crawl_stores_four_courses_and_rejects_the_page_without_one(crawled):
    assert crawled.first.status == "success", crawled.first.errors
    assert (crawled.first.seen, crawled.first.new, crawled.first.rejected) == (5, 4, 1)
    assert {path: offer.title for path, offer in crawled.offers.items()} == {
        "kursy/operator-wozkow-jezdniowych.html":
            "Kurs operatora wózków jezdniowych z napędem silnikowym (z wymianą butli gazowej)",
        "kursy/kkz-mec-08-slusarz.html": "Kwalifikacyjny kurs zawodowy MEC.08 – ślusarz",
        "kursy/pierwsza-pomoc-przedmedyczna.html": "Kurs pierwszej pomocy przedmedycznej",
        "kursy/spawanie-tig-141.html": "Kurs spawania metodą TIG (141) – blachy i rury",
    }  # fmt: skip
    assert crawled.unmatched == []


def test_only_the_pages_the_page_pattern_admits_are_read(crawled):
    assert "/kursy/zapisy-i-regulamin.html" in crawled.requested
    assert not crawled.requested & {"/", "/kursy.html", "/kontakt.html"}


def test_a_microdata_course_keeps_its_edition_dates_place_price_and_seats(crawled):
    offer = crawled.offers["kursy/operator-wozkow-jezdniowych.html"]
    assert (offer.provider_name, offer.duration_hours) == (
        "Ośrodek Szkolenia Zawodowego „Lubuski Warsztat”",
        67.0,
    )
    (edition,) = offer.editions
    assert (edition.start_date, edition.end_date) == (date(2026, 10, 5), date(2026, 10, 16))
    assert (edition.town, edition.address, edition.postcode) == (
        "Sulęcin",
        "ul. Lipowa 18",
        "69-200",
    )
    assert (edition.price_grosze, edition.seats) == (145000, 12)


def test_each_course_instance_is_an_edition_with_its_own_or_the_courses_price(crawled):
    offer = crawled.offers["kursy/pierwsza-pomoc-przedmedyczna.html"]
    editions = sorted(offer.editions, key=lambda e: e.start_date)
    assert [(e.start_date, e.town, e.price_grosze) for e in editions] == [
        (date(2026, 10, 10), "Sulęcin", 25000),
        (date(2026, 11, 14), "Międzyrzecz", 28000),
    ]
    # The page names no provider: the registry's institution stands in.
    assert offer.institution is not None and offer.institution.town == "Sulęcin"


def test_the_course_stated_in_both_syntaxes_is_stored_once_from_its_json_ld(crawled):
    (offer,) = [o for o in crawled.offers.values() if "kkz-mec-08" in o.url]
    assert offer.external_id == "/kursy/kkz-mec-08-slusarz.html"
    assert offer.description.startswith("Kurs dla osób dorosłych kończący się egzaminem")
    assert (offer.qualification_code, offer.prk_level) == ("MEC.08", 3)
    (edition,) = offer.editions
    assert (edition.start_date, edition.end_date, edition.price_grosze) == (
        date(2026, 9, 14),
        date(2027, 6, 25),
        0,
    )


def test_stray_itemprops_of_a_broken_template_are_ignored(crawled):
    offer = crawled.offers["kursy/spawanie-tig-141.html"]
    (edition,) = offer.editions
    assert edition.start_date == date(2026, 11, 2)
    assert edition.address == "spawalnia OSZ, ul. Przemysłowa 5, 66-300 Międzyrzecz"
    assert edition.price_grosze is None  # "3 200 zł" sits in the sidebar, in no item


def test_the_page_without_an_offer_is_recorded_with_the_types_it_had(crawled):
    (rejection,) = [r for r in crawled.rejections if r.crawl_run_id == crawled.first.run_id]
    assert rejection.external_id == "/kursy/zapisy-i-regulamin.html"
    assert "ani w mikrodanych" in rejection.reason
    assert rejection.payload["types"] == ["Article", "BreadcrumbList"]


def test_a_second_crawl_finds_every_course_unchanged(crawled):
    assert crawled.second.status == "success"
    assert (crawled.second.new, crawled.second.updated, crawled.second.unchanged) == (0, 0, 4)
