"""The whole path: crawl the sample sites over HTTP, store, index, search through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from catalogue.db import get_engine
from crawlers.registry import load_sources
from operations.crawling import crawl_and_index
from operations.indexing import rebuild_index
from search.backends import get_backend
from tests.app_settings import app_settings
from tests.crawlers.conftest import FAST
from web.app import create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory, databases):
    folder = tmp_path_factory.mktemp("e2e")
    settings = app_settings(
        database_url=databases.create(folder),
        index_dir=folder / "index",
    )
    names = [s.name for s in load_sources() if s.enabled and s.sample]
    # As `lll crawl` does: the sample sites started for the crawl, the index updated after it.
    summaries = crawl_and_index(settings, names, crawl_settings=FAST).summaries
    engine = get_engine(settings.catalogue.database_url)
    backend = get_backend(settings.search)
    with TestClient(create_app(settings)) as client:
        yield client, summaries, engine, backend


def test_every_sample_source_is_crawled_successfully(site):
    _, summaries, _, _ = site
    assert {s.status for s in summaries} == {"success"}
    assert sum(s.new for s in summaries) >= 150


def test_spawanie_lists_the_mag_welding_course_first(site):
    client, *_ = site
    hits = client.get("/api/v1/offers", params={"q": "spawanie"}).json()["hits"]
    assert hits[0]["title"] == "Kurs spawania metodą MAG (135)"


def test_the_index_synced_after_the_crawl_equals_a_full_rebuild(site):
    client, _, engine, backend = site
    before = client.get("/api/v1/offers", params={"per_page": 100}).json()
    assert rebuild_index(engine, backend) == before["total"]
    after = client.get("/api/v1/offers", params={"per_page": 100}).json()
    assert [h["id"] for h in after["hits"]] == [h["id"] for h in before["hits"]]
    assert after["facets"] == before["facets"]


def test_the_catalogue_spans_the_region_and_every_kind(site):
    client, *_ = site
    facets = client.get("/api/v1/offers").json()["facets"]
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
    hit = client.get("/api/v1/offers", params={"q": "spawanie"}).json()["hits"][0]
    page = client.get(f"/oferty/{hit['id']}")
    assert page.status_code == 200
    assert "Ostatnio sprawdzono" in page.text
    assert hit["source_url"] in page.text
