"""Every search's Atom feed (`/kanal.atom?…`), parsed back as a feed reader would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer
from operations.indexing import rebuild_index
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from tests.web.conftest import fill_catalogue
from tests.web.web_support import Catalogue, active, html
from web.app import create_app

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

NS = {"a": "http://www.w3.org/2005/Atom"}


def feed(client: TestClient, url: str) -> ET.Element:
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(answer.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall("a:entry", NS)


def titles(root: ET.Element) -> list[str]:
    return [entry.findtext("a:title", namespaces=NS) or "" for entry in entries(root)]


def test_a_feed_has_every_element_atom_requires(client: TestClient) -> None:
    root = feed(client, "/kanal.atom?q=spawanie")
    assert root.findtext("a:id", namespaces=NS)
    assert "spawanie" in (root.findtext("a:title", namespaces=NS) or "")
    datetime.fromisoformat(root.findtext("a:updated", namespaces=NS) or "")
    links = {link.get("rel"): link for link in root.findall("a:link", NS)}
    assert urlsplit(links["self"].get("href", "")).path == "/kanal.atom"
    assert links["self"].get("type") == "application/atom+xml"
    alternate = urlsplit(links["alternate"].get("href", ""))
    assert (alternate.path, parse_qs(alternate.query)) == ("/", {"q": ["spawanie"]})
    assert entries(root)
    for entry in entries(root):
        for tag in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"a:{tag}", namespaces=NS), tag
        href = entry.find("a:link", NS)
        assert href is not None and "/oferty/" in href.get("href", "")
        datetime.fromisoformat(entry.findtext("a:updated", namespaces=NS) or "")


def test_an_entry_tells_provider_place_next_start_and_price(
    client: TestClient, catalogue: Catalogue
) -> None:
    root = feed(client, "/kanal.atom?q=spawanie")
    welding = next(e for e in entries(root) if "MAG" in (e.findtext("a:title", namespaces=NS)))
    summary = welding.findtext("a:summary", namespaces=NS) or ""
    assert "Centrum Kształcenia Zawodowego i Ustawicznego w Zielonej Górze" in summary
    assert "Zielona Góra" in summary and "Najbliższy termin: " in summary
    assert "2 450,00 zł" in summary
    link = welding.find("a:link", NS)
    assert link is not None and link.get("href", "").endswith(f"/oferty/{catalogue.ids['mag']}")


def test_the_filters_of_the_search_apply(client: TestClient) -> None:
    kkz = {o["title"] for o in active(lambda o: o["kind"] == "kkz")}
    assert set(titles(feed(client, "/kanal.atom?kind=kkz"))) == kkz
    assert "Kurs spawania metodą MAG (135)" not in titles(feed(client, "/kanal.atom?kind=kkz"))
    assert titles(feed(client, "/kanal.atom?q=niemiecki")) == ["Język niemiecki w pracy – kurs A2"]


def test_every_offer_newest_first_at_most_fifty(client: TestClient) -> None:
    root = feed(client, "/kanal.atom")
    found = entries(root)
    assert len(found) == min(50, len(active(lambda o: True)))
    stamps = [e.findtext("a:updated", namespaces=NS) or "" for e in found]
    assert stamps == sorted(stamps, reverse=True)


def test_the_same_search_in_another_order_is_one_feed(client: TestClient) -> None:
    one = feed(client, "/kanal.atom?kind=kkz&kind=course&q=kurs&page=3&sort=price")
    other = feed(client, "/kanal.atom?q=kurs&kind=course&kind=kkz")
    assert one.findtext("a:id", namespaces=NS) == other.findtext("a:id", namespaces=NS)
    assert titles(one) == titles(other)


def test_the_search_page_links_its_feed(client: TestClient) -> None:
    page = html(client, "/?q=spawanie&kind=course")
    head = page.css('head link[rel=alternate][type="application/atom+xml"]::attr(href)').get()
    assert head is not None
    visible = page.css("a.feed-link")
    assert "Obserwuj to wyszukiwanie" in visible.xpath("string()").get()
    assert visible.attrib["href"] == head
    target = feed(client, head)
    assert titles(target) == ["Kurs spawania metodą MAG (135)"]


def test_the_offer_the_catalogue_saw_last_comes_first(database_url: str, tmp_path: Path) -> None:
    engine = get_engine(database_url)
    ids = fill_catalogue(engine)
    with Session(engine) as session:
        for key, days_ago in (("de", 0), ("bud12", 1), ("mag", 2)):  # the others: a week ago
            offer = session.get(Offer, ids[key])
            assert offer is not None
            offer.first_seen = datetime.now(UTC) - timedelta(days=days_ago)
            session.add(offer)
        for offer in session.exec(select(Offer)).all():
            if offer.id not in (ids["de"], ids["bud12"], ids["mag"]):
                offer.first_seen = datetime.now(UTC) - timedelta(days=7)
                session.add(offer)
        session.commit()
    rebuild_index(engine, EmbeddedBackend(tmp_path / "index"))
    with TestClient(create_app(app_settings(database_url, tmp_path / "index"))) as client:
        assert titles(feed(client, "/kanal.atom"))[:3] == [
            "Język niemiecki w pracy – kurs A2",
            "Murarz-tynkarz – KKZ BUD.12",
            "Kurs spawania metodą MAG (135)",
        ]
        assert titles(feed(client, "/kanal.atom?kind=kkz"))[0] == "Murarz-tynkarz – KKZ BUD.12"
        answer = client.get("/kanal.atom?q=niemiecki")
        assert "max-age" in answer.headers["cache-control"]
