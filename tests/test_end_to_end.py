"""The whole path: crawl the sample sites over HTTP, store, index, search through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from catalogue.db import create_all, get_engine
from catalogue.settings import Settings
from crawlers.registry import load_sources
from crawlers.run import crawl
from search.backends import get_backend
from search.sync import reindex, sync_offers
from tests.crawlers.conftest import FAST
from web.app import create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'catalogue.sqlite3'}",
        search_index_dir=folder / "index",
    )
    engine = get_engine(settings.database_url)
    create_all(engine)
    names = [s.name for s in load_sources() if s.enabled and s.sample]
    summaries = crawl(names, settings.database_url, settings=FAST)
    backend = get_backend(settings)
    sync_offers(engine, backend, set().union(*(s.changed_ids for s in summaries)))
    with TestClient(create_app(settings)) as client:
        yield client, summaries, engine, backend


def test_every_sample_source_is_crawled_successfully(site):
    _, summaries, _, _ = site
    assert {s.status for s in summaries} == {"success"}
    assert sum(s.new for s in summaries) >= 150


def test_spawanie_lists_the_mag_welding_course_first(site):
    client, *_ = site
    hits = client.get("/api/offers", params={"q": "spawanie"}).json()["hits"]
    assert hits[0]["title"] == "Kurs spawania metodą MAG (135)"


def test_the_index_synced_after_the_crawl_equals_a_full_rebuild(site):
    client, _, engine, backend = site
    before = client.get("/api/offers", params={"per_page": 100}).json()
    assert reindex(engine, backend) == before["total"]
    after = client.get("/api/offers", params={"per_page": 100}).json()
    assert [h["id"] for h in after["hits"]] == [h["id"] for h in before["hits"]]
    assert after["facets"] == before["facets"]


def test_the_catalogue_spans_the_region_and_every_kind(site):
    client, *_ = site
    facets = client.get("/api/offers").json()["facets"]
    values = {name: {f["value"] for f in counts if f["count"]} for name, counts in facets.items()}
    assert len(values["isced_broad"]) >= 10
    assert len(values["powiat"] - {"online"}) >= 8
    assert "online" in values["powiat"]
    assert {
        "course",
        "training",
        "kkz",
        "postgraduate",
        "studies",
        "validation",
        "workshop",
        "elearning",
    } <= values["kind"]


def test_an_offer_page_shows_where_and_when_it_was_verified(site):
    client, *_ = site
    hit = client.get("/api/offers", params={"q": "spawanie"}).json()["hits"][0]
    page = client.get(f"/oferty/{hit['id']}")
    assert page.status_code == 200
    assert "Ostatnio sprawdzono" in page.text
    assert hit["source_url"] in page.text
