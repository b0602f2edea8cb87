"""What spiders take from a record or a page, in the source's own words."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawlers.items import RawOffer, Rejected
from crawlers.spiders.base import schema_org
from crawlers.spiders.base.kkz_list import KKZ_LINE
from crawlers.spiders.sample_bur import SampleBurSpider
from crawlers.spiders.sample_jsonld import SampleJsonLdSpider
from crawlers.spiders.sample_kkz import SampleKkzSpider

FIXTURE_DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    ("line", "occupation", "code", "name"),
    [
        ("florysta – ORG.01 Wykonywanie kompozycji florystycznych", "florysta", "ORG.01",
         "Wykonywanie kompozycji florystycznych"),
        ("murarz-tynkarz – BUD.12 Wykonywanie robót murarskich i tynkarskich", "murarz-tynkarz",
         "BUD.12", "Wykonywanie robót murarskich i tynkarskich"),
        ("technik rachunkowości - EKA.04 Prowadzenie dokumentacji", "technik rachunkowości",
         "EKA.04", "Prowadzenie dokumentacji"),
    ],
)  # fmt: skip
def test_a_kkz_line_splits_into_occupation_code_and_qualification(line, occupation, code, name):
    match = KKZ_LINE.fullmatch(line)
    assert match is not None
    assert (match["zawod"], match["kod"], match["nazwa"]) == (occupation, code, name)


def test_a_line_without_a_qualification_code_is_not_a_kkz_course():
    assert KKZ_LINE.fullmatch("Kurs kelnerski – zapisy trwają") is None


def bur_spider() -> SampleBurSpider:
    return SampleBurSpider(source_name="bur-test", url_template="https://bur.example/p?id={id}")


def bur_record() -> dict[str, Any]:
    records = json.loads((FIXTURE_DATA / "bur_uslugi.json").read_text(encoding="utf-8"))
    return next(r for r in records if r.get("id") and r.get("tytul") and r.get("adres"))


def test_a_bur_record_keeps_its_dates_and_grosze_as_the_api_gives_them():
    record = bur_record()
    item = bur_spider().record_item(record)
    assert isinstance(item, RawOffer)
    assert item.external_id == str(record["id"])
    assert item.url == f"https://bur.example/p?id={record['id']}"
    assert item.kind == str(record["idPodrodzajuUslugi"])  # the real API has ids, no labels
    (edition,) = item.editions
    assert edition.start == record["dataRozpoczeciaUslugi"]
    assert edition.price == record["cenaBruttoZaUczestnika"]
    assert edition.price_in_grosze is True
    assert edition.town == record["adres"]["nazwaMiejscowosci"]
    assert item.extras["idPodrodzajuUslugi"] == record["idPodrodzajuUslugi"]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda r: r.pop("id"), "id"),
        (lambda r: r.update(tytul=""), "title"),
        (lambda r: r.update(dostawcaUslug="nie obiekt"), "nie można odczytać"),
    ],
)
def test_a_bur_record_the_spider_cannot_read_is_rejected_with_its_reason(change, reason):
    record = bur_record()
    change(record)
    item = bur_spider().record_item(record)
    assert isinstance(item, Rejected)
    assert reason in item.reason
    assert item.payload["numer"] == record["numer"]


def test_a_record_that_is_not_an_object_is_rejected():
    item = bur_spider().record_item(["nie", "rekord"])
    assert isinstance(item, Rejected)


def page(body: str, url: str = "http://uczelnia.example/oferta/kurs.html") -> HtmlResponse:
    return HtmlResponse(url, body=body.encode("utf-8"), encoding="utf-8")


def jsonld_page(*blocks: str) -> HtmlResponse:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return page(f"<html><head>{scripts}</head><body><h1>Kurs</h1></body></html>")


COURSE = {
    "@context": "https://schema.org",
    "@type": "Course",
    "name": "Spawanie MAG",
    "provider": {"@type": "Organization", "name": "ZDZ", "url": "https://zdz.example"},
    "offers": {"@type": "Offer", "price": "2400.00", "priceCurrency": "PLN"},
    "courseCode": "MEC.08",
    "hasCourseInstance": {
        "@type": "CourseInstance",
        "courseMode": "onsite",
        "startDate": "2026-12-01",
        "location": {"@type": "Place", "address": {"addressLocality": "Nowa Sól"}},
    },
}


def test_a_course_with_one_instance_becomes_an_offer_with_one_edition():
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(jsonld_page(json.dumps(COURSE)))
    assert isinstance(item, RawOffer)
    assert (item.title, item.provider_name, item.kind) == ("Spawanie MAG", "ZDZ", "Course")
    assert item.qualification_code == "MEC.08"
    (edition,) = item.editions
    assert (edition.start, edition.town, edition.form) == ("2026-12-01", "Nowa Sól", "onsite")
    assert edition.price == "2400.00 PLN"
    assert item.external_id == "/oferta/kurs.html"


def test_an_online_instance_has_no_place_even_with_a_named_platform():
    online = {"@type": "VirtualLocation", "name": "Platforma ODN", "url": "https://odn.example"}
    course = {**COURSE, "hasCourseInstance": {"courseMode": "online", "location": online}}
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(jsonld_page(json.dumps(course)))
    (edition,) = item.editions
    assert (edition.town, edition.address, edition.form) == (None, None, "online")


def test_a_free_instance_keeps_its_price_of_nothing_over_the_courses_price():
    free = {**COURSE, "hasCourseInstance": {**COURSE["hasCourseInstance"], "offers": {"price": 0}}}
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(jsonld_page(json.dumps(free)))
    assert [edition.price for edition in item.editions] == [0]


def test_a_malformed_block_does_not_hide_a_good_one_on_the_same_page():
    response = jsonld_page('{"@type": "Course", "name": ', json.dumps(COURSE))
    items = list(SampleJsonLdSpider(source_name="s").parse_page(response))
    assert [type(i) for i in items] == [RawOffer]


def test_a_page_with_only_malformed_json_ld_is_rejected_as_malformed():
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(jsonld_page("{nie json"))
    assert isinstance(item, Rejected)
    assert "niepoprawny JSON-LD" in item.reason


def test_a_page_without_a_course_or_programme_is_rejected_naming_what_it_had():
    response = jsonld_page(json.dumps({"@type": "Organization", "name": "ZDZ"}))
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(response)
    assert isinstance(item, Rejected)
    assert item.payload["types"] == ["Organization"]


def test_a_programme_in_a_graph_keeps_its_deadline_type_and_level():
    programme = {
        "@type": "EducationalOccupationalProgram",
        "name": "Logistyka – studia podyplomowe",
        "programType": "studia podyplomowe",
        "applicationDeadline": "2026-09-30",
        "educationalCredentialAwarded": {"educationalLevel": "PRK 7"},
        "offers": [{"price": 5400, "priceCurrency": "PLN"}],
        "about": {"@type": "DefinedTerm", "termCode": "1041", "inDefinedTermSet": "ISCED-F 2013"},
    }
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, programme]}
    (item,) = SampleJsonLdSpider(source_name="s").parse_page(jsonld_page(json.dumps(graph)))
    assert (item.kind, item.level, item.isced) == ("studia podyplomowe", "PRK 7", "1041")
    (edition,) = item.editions
    assert (edition.enrolment_end, edition.price) == ("2026-09-30", 5400)


def test_schema_org_types_are_read_with_or_without_their_vocabulary_prefix():
    assert schema_org.types_of({"@type": ["http://schema.org/Course", "schema:Thing"]}) == [
        "Course",
        "Thing",
    ]


def follow_course(server, slug: str) -> list[Any]:
    """The items of one course, reached from the list page as the spider reaches it."""
    spider = SampleKkzSpider(source_name="kkz-test", provider_name="CKZ Przykład")
    listing = fetch_html(f"{server.base_url}/kkz/fixture/")
    listing = (
        listing if slug in listing.text else fetch_html(f"{server.base_url}/kkz/fixture/?strona=2")
    )
    (request,) = [r for r in spider.parse(listing) if r.url.endswith(f"/kursy/{slug}.html")]
    return list(request.callback(fetch_html(request.url, request), **request.cb_kwargs))


def fetch_html(url: str, request: Request | None = None) -> HtmlResponse:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return HtmlResponse(url, body=answer.read(), encoding="utf-8", request=request)


def kkz_course(slug: str) -> dict[str, Any]:
    site = json.loads((FIXTURE_DATA / "kkz_fixture.json").read_text(encoding="utf-8"))
    return next(c for c in site["courses"] if c["slug"] == slug)


def test_a_kkz_course_keeps_its_qualification_and_details_in_the_schools_words(server):
    course = kkz_course("kkz-mec-08-1")
    (item,) = follow_course(server, course["slug"])
    assert (item.qualification_code, item.occupation) == (course["code"], course["occupation"])
    assert item.qualification_name == course["qualification"]
    assert (item.kind, item.form, item.provider_name) == (
        "Kwalifikacyjny kurs zawodowy",
        course["form"],
        "CKZ Przykład",
    )
    (edition,) = item.editions
    assert (edition.start, edition.enrolment_end) == (course["start"], course["recruitment_until"])
    assert (edition.address, edition.price) == (course["place"], course["price"])
    assert item.extras["dokumenty"] == course["documents"]


def test_a_short_course_without_a_code_is_read_too(server):
    course = kkz_course("kurs-spawania-mag")
    (item,) = follow_course(server, course["slug"])
    assert item.qualification_code is None
    assert (item.occupation, item.kind) == ("spawacz", "Kurs")
    assert course["qualification"] in item.title
    assert item.editions[0].address == course["place"]
