"""What the search page and the API say when not every word matched, when the hits are outside
the place asked for, and when nothing was found (issue 13), over the web tests' catalogue; and
an offer whose only edition began in the past."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Edition, Offer, OfferKind, Source
from operations.indexing import rebuild_index
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.web_support import LAST_VERIFIED, TODAY, html
from web.app import create_app
from web.formatting import format_date
from web.i18n import Translator
from web.routes.feeds_atom import start_text

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

PARTIAL = "Brak ofert ze wszystkimi słowami; pokazujemy oferty z częścią słów."


def text(page, css: str) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(page.css(css + " ::text").getall()).split())


def test_hits_with_some_of_the_words_say_so(client: TestClient) -> None:
    page = html(client, "/?q=spawanie+aluminium")
    assert PARTIAL in text(page, "#results-partial")
    titles = [" ".join(a.xpath("string()").get().split()) for a in page.css("h3.card-title a")]
    assert "Kurs spawania metodą MAG (135)" in titles
    api = client.get("/api/v1/offers", params={"q": "spawanie aluminium"}).json()
    assert api["matched_all_words"] is False
    assert api["relaxed"] == [{"kind": "words", "values": ["spawanie", "aluminium"]}]
    assert api["help"] is None


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_the_partial_notice_is_in_every_language(client: TestClient, lang: str) -> None:
    page = html(client, f"/?q=spawanie+aluminium&lang={lang}")
    notice = text(page, "#results-partial")
    assert notice and PARTIAL not in notice


def test_hits_with_every_word_say_nothing_more(client: TestClient) -> None:
    page = html(client, "/?q=spawanie")
    assert not page.css("#results-partial, #results-outside, #search-help")
    api = client.get("/api/v1/offers", params={"q": "kurs spawania"}).json()
    assert api["matched_all_words"] is True and api["relaxed"] == []


def test_nothing_in_the_place_shows_the_nearest_outside_it_with_distances(
    client: TestClient,
) -> None:
    # Welding is taught in Zielona Góra and Nowa Sól, not in Żary.
    page = html(client, "/?q=kurs+spawania+%C5%BCary")
    assert "Brak takich ofert w miejscu: Żary" in text(page, "#results-outside")
    assert not page.css("#results-places")  # the hits are not held in Żary
    distance = text(page, "li.card dd.distance")
    assert "km" in distance and "Żary" in distance
    api = client.get("/api/v1/offers", params={"q": "spawanie żary"}).json()
    assert api["relaxed"] == [{"kind": "place", "values": ["Żary"]}]
    assert api["distance_from"] == "Żary"
    assert api["total"] == 2 and api["hits"][0]["match"]["distance_km"] > 0


def test_nothing_found_offers_to_drop_each_filter_set_with_its_count(client: TestClient) -> None:
    # Welding is taught on site only (the MAG course and the MEC.08 KKZ that mentions it).
    page = html(client, "/?q=spawanie&form=online")
    help_links = page.css("#search-help .help-drops a")
    assert [a.css("::text").get() for a in help_links] == ["Bez filtra „Forma”"]
    assert help_links[0].attrib["href"] == "/?q=spawanie"
    assert "2 oferty" in text(page, "#search-help .help-drops li")
    api = client.get("/api/v1/offers", params={"q": "spawanie", "form": "online"}).json()
    assert api["total"] == 0
    assert api["help"]["without_filter"] == [
        {"filter": "form", "label": "Forma", "count": 2, "params": ["form"]}
    ]


def test_nothing_within_the_chosen_distance_offers_the_nearest_beyond_it(
    client: TestClient,
) -> None:
    # Bricklaying is taught in Żary only, about 44 km from Zielona Góra.
    page = html(client, "/?q=murarz&near=Zielona+G%C3%B3ra&radius_km=10")
    assert "Najbliższe oferty poza wybranym miejscem (Zielona Góra)" in text(page, "#search-help")
    nearest = text(page, "#search-help .help-nearest li")
    assert (
        nearest.startswith("Murarz-tynkarz – KKZ BUD.12 – Żary, ") and "km od: Zielona" in nearest
    )
    api = client.get(
        "/api/v1/offers", params={"q": "murarz", "near": "Zielona Góra", "radius_km": "10"}
    ).json()
    assert api["total"] == 0 and api["hits"] == []  # the person's filter is never overridden
    assert api["help"]["nearest_from"] == "Zielona Góra"
    (hit,) = api["help"]["nearest"]
    assert hit["title"] == "Murarz-tynkarz – KKZ BUD.12" and 40 < hit["match"]["distance_km"] < 50


def test_nothing_found_without_filters_never_asks_to_remove_filters(client: TestClient) -> None:
    page = html(client, "/?q=%C5%BCeglarstwo")
    hint = text(page, "p.empty")
    assert hint and "filtr" not in hint
    assert not page.css("#search-help .help-drops")
    api = client.get("/api/v1/offers", params={"q": "żeglarstwo"}).json()
    assert api["help"] == {
        "without_filter": [],
        "related_qualifications": [],
        "nearest": [],
        "nearest_from": None,
    }


def test_nothing_found_lists_related_qualifications(client: TestClient) -> None:
    # No bricklaying online: the words lead to the BUD.12 qualification.
    page = html(client, "/?q=murarz&form=online")
    related = page.css("#search-help .help-related a")
    assert [a.css("::text").get().split()[0] for a in related] == ["BUD.12"]
    assert related[0].attrib["href"] == "/?form=online&q=BUD.12"


# -- an offer whose only edition began in the past -------------------------------------------


@pytest.fixture(scope="module")
def running_client(
    tmp_path_factory: pytest.TempPathFactory, databases: Databases
) -> Iterator[TestClient]:
    root: Path = tmp_path_factory.mktemp("running")
    url = databases.create(root)
    engine = get_engine(url)
    with Session(engine) as session:
        source = Source(name="running", title="Źródło", url="https://zrodlo.example.org/")
        started = Edition(start_date=TODAY - timedelta(days=30), end_date=TODAY + timedelta(60),
                          town="Żary", powiat_teryt="0811")  # fmt: skip
        session.add(Offer(source=source, external_id="florist", title="Florystyka w praktyce",
                          url="https://zrodlo.example.org/florist", kind=OfferKind.course,
                          form=DeliveryForm.on_site, content_hash="x",
                          last_verified=LAST_VERIFIED, editions=[started]))  # fmt: skip
        session.commit()
    rebuild_index(engine, EmbeddedBackend(root / "index"))
    engine.dispose()
    app = create_app(app_settings(database_url=url, index_dir=root / "index"))
    with TestClient(app) as test_client:
        yield test_client


def test_a_running_edition_shows_when_it_began_never_to_be_arranged(
    running_client: TestClient,
) -> None:
    page = html(running_client, "/?q=florystyka")
    start = text(page, "li.card .facts")
    began = format_date(TODAY - timedelta(days=30), "pl")
    assert f"rozpoczęte {began}" in start
    assert "do ustalenia" not in start
    hit = running_client.get("/api/v1/offers", params={"q": "florystyka"}).json()["hits"][0]
    assert hit["next_start"] is None
    assert hit["last_start"] == (TODAY - timedelta(days=30)).isoformat()


def test_the_atom_feed_says_when_a_running_edition_began() -> None:
    t = Translator("pl")
    began = (TODAY - timedelta(days=30)).isoformat()
    said = start_text({"next_start": None, "last_start": began}, t, "pl")
    assert said == f"rozpoczęte {format_date(began, 'pl')}"
    assert start_text({"next_start": None, "last_start": None}, t, "pl") == t("hit.start.none")
