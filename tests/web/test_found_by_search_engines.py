"""Found by search engines (issue 14, part 6): robots.txt, the sitemap and its split, canonical
URLs, Open Graph, and an offer's schema.org Course as JSON-LD — parsed back from the served
page and checked against Google's course rich-result requirements and an extract of the
schema.org vocabulary (tests/web/data/schema_org_course.json: source and licence inside).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import extruct
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.models import Edition, Offer
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.web_support import Catalogue
from web.app import create_app
from web.security import CONTENT_SECURITY_POLICY

PUBLIC = "http://127.0.0.1:8000"  # PUBLIC_URL's default: canonical URLs are built on it
VOCABULARY = json.loads(
    (Path(__file__).parent / "data" / "schema_org_course.json").read_text(encoding="utf-8")
)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PER_FILE = 40  # a small SITEMAP_MAX_URLS: the sample catalogue's sitemap takes several files
# A value written as text is fine where the range holds a data type, or a Duration (schema.org
# writes durations as ISO 8601 text: "PT146H").
LITERAL_RANGES = {"Text", "URL", "Number", "Date", "DateTime", "Duration", "Boolean"}
# Google's course info rich result (Search Central: "Course info (Course and CourseInstance)
# structured data"), the properties it requires.
COURSE_REQUIRED = ("name", "description", "provider", "hasCourseInstance")
COURSE_MODES = {"Online", "Onsite", "Blended"}
OFFER_CATEGORIES = {"Free", "Partially Free", "Subscription", "Paid"}


@dataclass
class Site:
    client: TestClient
    ids: dict[str, int]
    duplicate_id: int
    tricky_id: int


@pytest.fixture(scope="module")
def site(
    catalogue: Catalogue, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    """The sample catalogue, plus a second source's copy of an offer and an offer whose text
    tries to close its script block; the sitemap split at `PER_FILE` URLs."""
    url = databases.copy(catalogue.database_url, tmp_path_factory.mktemp("found"))
    engine = get_engine(url)
    with Session(engine) as session:
        mag = session.get(Offer, catalogue.ids["mag"])
        assert mag is not None
        duplicate = Offer(
            source_id=mag.source_id,
            external_id="mag-elsewhere",
            url="https://inne.example.org/mag",
            title=mag.title,
            kind=mag.kind,
            content_hash="mag-elsewhere",
            canonical_id=mag.id,
        )
        tricky = Offer(
            source_id=mag.source_id,
            external_id="tricky",
            url="https://zrodlo.example.org/tricky",
            title="Kurs </script><script>alert(1)</script> & <!-- więcej",
            description="Opis </script> z <b>znacznikami</b>",
            content_hash="tricky",
            editions=[Edition(town="Sulechów", price_grosze=12_345)],
        )
        session.add_all([duplicate, tricky])
        session.commit()
        ids = (duplicate.id, tricky.id)
    engine.dispose()
    settings = app_settings(url, catalogue.index_dir)
    settings.web.sitemap_max_urls = PER_FILE
    app: FastAPI = create_app(settings)
    with TestClient(app) as client:
        yield Site(client, catalogue.ids, *ids)  # type: ignore[arg-type]
    databases.drop(url)


# --- robots.txt ----------------------------------------------------------------------------


def test_robots_txt_opens_the_public_pages_and_closes_the_signed_in_ones(site: Site) -> None:
    answer = site.client.get("/robots.txt")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    lines = answer.text.splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    for private in ("/panel", "/koordynator", "/konto", "/doradca", "/skierowanie"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /?" in lines  # searches with parameters
    assert "Allow: /?lang=en$" in lines  # … but not the home page in another language
    assert "Disallow: /*?*wroc=" in lines  # an offer opened from a search is the same offer
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in lines
    for public in ("/oferty", "/instytucje", "/kwalifikacje"):
        assert not any(line.startswith(f"Disallow: {public}") for line in lines)


# --- the sitemap ---------------------------------------------------------------------------


def _urls(text: str) -> list[tuple[str, str | None]]:
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SITEMAP}urlset"
    return [
        (u.findtext(f"{SITEMAP}loc") or "", u.findtext(f"{SITEMAP}lastmod"))
        for u in root.findall(f"{SITEMAP}url")
    ]


def test_the_sitemap_lists_every_public_page_of_an_object(
    client: TestClient, catalogue: Catalogue
) -> None:
    answer = client.get("/sitemap.xml")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/xml")
    urls = dict(_urls(answer.text))
    assert f"{PUBLIC}/" in urls and f"{PUBLIC}/kwalifikacje" in urls
    offers = [u for u in urls if u.startswith(f"{PUBLIC}/oferty/")]
    providers = [u for u in urls if u.startswith(f"{PUBLIC}/instytucje/")]
    qualifications = [u for u in urls if u.startswith(f"{PUBLIC}/kwalifikacje/")]
    assert f"{PUBLIC}/kwalifikacje/MEC.08" in qualifications
    assert providers  # the sample's registered institutions
    for url in offers + providers:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", urls[url] or ""), url
    # Each listed page is there: no 404 in a sitemap.
    for url in [*offers[:3], *providers, *qualifications[:3]]:
        assert client.get(url.removeprefix(PUBLIC)).status_code == 200, url
    # Every published offer, and no withdrawn one (its page stays, saying so).
    published = {k: i for k, i in catalogue.ids.items() if not catalogue.offer(k).get("withdrawn")}
    assert sorted(offers) == sorted(f"{PUBLIC}/oferty/{i}" for i in published.values())
    assert f"{PUBLIC}/oferty/{catalogue.ids['massage']}" not in urls


def test_past_its_limit_the_sitemap_is_an_index_of_files_that_together_list_it(
    site: Site, client: TestClient
) -> None:
    whole = _urls(client.get("/sitemap.xml").text)  # one file at the protocol's limit
    index = site.client.get("/sitemap.xml")
    root = ElementTree.fromstring(index.text)
    assert root.tag == f"{SITEMAP}sitemapindex"
    locations = [s.findtext(f"{SITEMAP}loc") for s in root.findall(f"{SITEMAP}sitemap")]
    assert locations == [f"{PUBLIC}/sitemap-{n}.xml" for n in range(1, len(locations) + 1)]
    parts = [_urls(site.client.get(f"/sitemap-{n}.xml").text) for n in range(1, len(locations) + 1)]
    assert all(len(part) <= PER_FILE for part in parts)
    assert all(len(part) == PER_FILE for part in parts[:-1])
    joined = [url for part in parts for url in part]
    # The same pages as one file holds, plus the tricky offer; the duplicate is not listed.
    assert [u for u, _ in joined if not u.endswith(f"/oferty/{site.tricky_id}")] == [
        u for u, _ in whole
    ]
    assert f"{PUBLIC}/oferty/{site.duplicate_id}" not in {u for u, _ in joined}
    assert site.client.get(f"/sitemap-{len(locations) + 1}.xml").status_code == 404
    assert site.client.get("/sitemap-0.xml").status_code == 404


# --- canonical URLs and Open Graph ---------------------------------------------------------


def _head(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in re.findall(r"<(?:link|meta)\b[^>]*>", html.split("</head>")[0]):
        attributes = dict(re.findall(r'([a-z:-]+)="([^"]*)"', tag))
        key = attributes.get("property") or attributes.get("name") or attributes.get("rel")
        value = attributes.get("content") or attributes.get("href")
        if key and value is not None:
            found.setdefault(key, []).append(value)
    return found


def test_every_public_page_names_its_canonical_url_and_open_graph_tags(site: Site) -> None:
    mag, pm = site.ids["mag"], site.ids["pm"]
    client = site.client
    institution = _provider_path(client)
    pages = {
        "/": f"{PUBLIC}/",
        "/?q=spawanie&powiat=0862": f"{PUBLIC}/",  # a search: the home page
        "/?lang=en": f"{PUBLIC}/?lang=en",
        f"/oferty/{mag}": f"{PUBLIC}/oferty/{mag}",
        f"/oferty/{mag}?wroc=q%3Dspawanie": f"{PUBLIC}/oferty/{mag}",
        f"/oferty/{pm}?lang=uk": f"{PUBLIC}/oferty/{pm}?lang=uk",
        f"/oferty/{site.duplicate_id}": f"{PUBLIC}/oferty/{mag}",  # its canonical offer
        institution: f"{PUBLIC}{institution}",
        f"{institution}?strona=1": f"{PUBLIC}{institution}",
        "/kwalifikacje": f"{PUBLIC}/kwalifikacje",
        "/kwalifikacje?q=mec": f"{PUBLIC}/kwalifikacje",
        "/kwalifikacje/MEC.08": f"{PUBLIC}/kwalifikacje/MEC.08",
        "/o-robocie": f"{PUBLIC}/o-robocie",
    }
    for path, canonical in pages.items():
        answer = client.get(path)
        assert answer.status_code == 200, path
        head = _head(answer.text)
        assert head["canonical"] == [canonical], path
        og = extruct.extract(answer.text, base_url=PUBLIC + path, syntaxes=["opengraph"])
        properties = dict(og["opengraph"][0]["properties"])
        assert properties["og:url"] == canonical, path
        assert properties["og:site_name"] and properties["og:title"], path
        assert properties["og:description"] == head["description"][0], path
        assert properties["og:type"] == "website", path
        assert properties["og:locale"] == {"en": "en_GB", "uk": "uk_UA"}.get(
            re.search(r"lang=(\w+)", path).group(1) if "lang=" in path else "", "pl_PL"
        ), path
    offer = _head(client.get(f"/oferty/{mag}").text)
    assert offer["og:title"] == ["Kurs spawania metodą MAG (135)"]
    assert len(offer["og:description"][0]) <= 200


def _provider_path(client: TestClient) -> str:
    urls = _urls(client.get("/sitemap-1.xml").text)
    return next(u for u, _ in urls if "/instytucje/" in u).removeprefix(PUBLIC)


def test_signed_in_areas_and_error_pages_have_no_canonical_url(site: Site) -> None:
    for path in ("/logowanie", "/oferty/999999", "/kwalifikacje/XYZ.99"):
        head = _head(site.client.get(path).text)
        assert "canonical" not in head and "og:url" not in head, path
    assert _head(site.client.get("/oferty/999999").text)["robots"] == ["noindex"]


# --- schema.org Course as JSON-LD ----------------------------------------------------------


def _json_ld(html: str) -> dict[str, Any]:
    blocks = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    inline = [(attributes, body) for attributes, body in blocks if "src=" not in attributes]
    # The only inline script is the data block; the CSP executes no inline script.
    assert [a.strip() for a, _ in inline] == ['type="application/ld+json"']
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "</" not in inline[0][1] and "<!--" not in inline[0][1]
    data = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert len(data) == 1 and json.loads(inline[0][1]) == data[0]
    return data[0]


def vocabulary_problems(node: Any, path: str = "$") -> list[str]:
    """What in `node` is not schema.org as the extract knows it: an unknown type or property,
    a property on a type outside its domain, a value outside its range."""
    problems: list[str] = []
    if isinstance(node, list):
        for n, item in enumerate(node):
            problems += vocabulary_problems(item, f"{path}[{n}]")
        return problems
    if not isinstance(node, dict):
        return problems
    kind = node.get("@type")
    if kind not in VOCABULARY["classes"]:
        return [f"{path}: unknown type {kind!r}"]
    lineage = {kind, *VOCABULARY["classes"][kind]["superclasses"]}
    for name, value in node.items():
        if name.startswith("@"):
            continue
        term = VOCABULARY["properties"].get(name)
        if term is None:
            problems.append(f"{path}.{name}: not in the vocabulary extract")
            continue
        if not lineage & set(term["domain"]):
            problems.append(f"{path}.{name}: not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                inner = item.get("@type")
                inner_lineage = {
                    inner,
                    *VOCABULARY["classes"].get(inner, {"superclasses": []})["superclasses"],
                }
                if not inner_lineage & set(term["range"]):
                    problems.append(f"{path}.{name}: {inner} outside {term['range']}")
            elif not LITERAL_RANGES & set(term["range"]):
                problems.append(f"{path}.{name}: text where {term['range']} is expected")
        problems += vocabulary_problems(value, f"{path}.{name}")
    return problems


def google_problems(course: dict[str, Any]) -> list[str]:
    """Google's course info requirements the Course misses."""
    problems = [f"Course.{p} missing" for p in COURSE_REQUIRED if not course.get(p)]
    provider = course.get("provider")
    if not isinstance(provider, dict) or provider.get("@type") != "Organization":
        problems.append("provider is no Organization")
    for offer in course.get("offers", []):
        if offer.get("category") not in OFFER_CATEGORIES:
            problems.append(f"offers.category {offer.get('category')!r}")
        if offer.get("category") == "Paid" and not (
            offer.get("price") and offer.get("priceCurrency")
        ):
            problems.append("a paid offer without its price")
    for instance in course.get("hasCourseInstance", []):
        if instance.get("courseMode") not in COURSE_MODES:
            problems.append(f"courseMode {instance.get('courseMode')!r}")
        if not (instance.get("courseSchedule") or instance.get("courseWorkload")):
            problems.append("CourseInstance without courseSchedule or courseWorkload")
    if "offers" not in course:
        problems.append("Course.offers missing")
    return problems


def test_an_offer_page_carries_its_course_as_valid_json_ld(
    site: Site, catalogue: Catalogue
) -> None:
    seen = {"editions": 0, "no editions": 0, "free": 0, "online": 0, "qualification": 0}
    for key, offer_id in site.ids.items():
        spec = catalogue.offer(key)
        html = site.client.get(f"/oferty/{offer_id}").text
        course = _json_ld(html)
        assert vocabulary_problems(course) == [], key
        assert course["@context"] == "https://schema.org" and course["@type"] == "Course"
        assert course["@id"] == course["url"] == f"{PUBLIC}/oferty/{offer_id}"
        assert course["name"] == spec["title"]
        # Google's requirements, but for what the sample does not know: an offer's price
        # (no `offers` without one) and its hours (no workload without them). Nothing invented.
        expected = []
        if not any(e["price"] is not None for e in spec["editions"]):
            expected.append("Course.offers missing")
        if spec.get("hours") is None:
            expected += ["CourseInstance without courseSchedule or courseWorkload"] * max(
                1, len(spec["editions"])
            )
        assert sorted(google_problems(course)) == sorted(expected), key
        instances = course["hasCourseInstance"]
        assert len(instances) == max(1, len(spec["editions"])), key
        seen["editions" if spec["editions"] else "no editions"] += 1
        for edition, instance in zip(spec["editions"], instances, strict=False):
            if edition["town"]:
                assert instance["location"]["address"]["addressLocality"] == edition["town"]
            if edition["price"] == 0:
                assert instance["offers"]["category"] == "Free"
                assert instance["offers"]["price"] == 0
                seen["free"] += 1
            elif edition["price"] is not None:
                assert instance["offers"]["price"] == edition["price"] / 100
                assert instance["offers"]["priceCurrency"] == "PLN"
        if spec["form"] == "online":
            assert {i["courseMode"] for i in instances} == {"Online"}
            seen["online"] += 1
        if spec.get("qual"):
            credential = course["educationalCredentialAwarded"]
            assert credential["@type"] == "EducationalOccupationalCredential"
            assert credential["identifier"] == spec["qual"]
            assert credential["credentialCategory"]
            if spec.get("prk"):
                level = credential["educationalLevel"]
                assert level["termCode"] == str(spec["prk"])
                assert level["url"] == f"http://data.europa.eu/snb/eqf/{spec['prk']}"
            seen["qualification"] += 1
        else:
            assert "educationalCredentialAwarded" not in course, key
    assert all(seen.values()), seen  # every kind of offer page was checked


def test_an_offers_text_cannot_leave_its_script_block(site: Site) -> None:
    html = site.client.get(f"/oferty/{site.tricky_id}").text
    course = _json_ld(html)
    assert course["name"] == "Kurs </script><script>alert(1)</script> & <!-- więcej"
    assert course["description"] == "Opis </script> z <b>znacznikami</b>"
    assert course["offers"][0] == {
        "@type": "Offer",
        "category": "Paid",
        "price": 123.45,
        "priceCurrency": "PLN",
        "url": f"{PUBLIC}/oferty/{site.tricky_id}",
    }


def test_the_validators_see_what_is_wrong() -> None:
    """The checks above can fail: a property outside its domain, an unknown type, a text where
    an object is needed, a missing requirement."""
    wrong = {
        "@type": "Course",
        "name": "x",
        "courseMode": "Online",
        "hasCourseInstance": [{"@type": "CourseInstanse", "courseMode": "online"}],
        "provider": "Someone",
        "inLanguage": "pl",
    }
    assert vocabulary_problems(wrong) == [
        "$.courseMode: not a property of Course",
        "$.hasCourseInstance: CourseInstanse outside ['CourseInstance']",
        "$.hasCourseInstance[0]: unknown type 'CourseInstanse'",
        "$.provider: text where ['Organization', 'Person'] is expected",
    ]
    assert google_problems(wrong) == [
        "Course.description missing",
        "provider is no Organization",
        "courseMode 'online'",
        "CourseInstance without courseSchedule or courseWorkload",
        "Course.offers missing",
    ]
