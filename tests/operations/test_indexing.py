"""Committed catalogue changes reach the index through the outbox; uncommitted ones never do."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from catalogue.db import get_engine
from catalogue.models import IndexChange, Offer
from catalogue.store import CrawlRecorder
from lll.settings import Settings
from operations.indexing import IndexSyncer, drain_outbox, rebuild_index
from search.backends import get_backend
from search.interface import Query
from tests.app_settings import app_settings
from tests.catalogue.test_store import welding
from web.app import create_app


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:
    return app_settings(
        database_url=database_url,
        index_dir=tmp_path / "index",
    )


@pytest.fixture
def engine(settings):
    engine = get_engine(settings.catalogue.database_url)
    yield engine
    engine.dispose()


def store(engine, *offers, complete: bool = True):
    recorder = CrawlRecorder(engine, "test")
    recorder.start()
    for raw in offers:
        recorder.add(raw)
    return recorder.finish(complete=complete)


def titles(backend, text: str) -> list[str]:
    return [hit.document["title"] for hit in backend.search(Query(text=text)).hits]


def outbox_size(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(IndexChange)).one()


def test_a_stored_offer_is_in_the_outbox_until_it_is_indexed(engine, settings):
    store(engine, welding("1"))
    assert outbox_size(engine) >= 1
    backend = get_backend(settings.search)
    assert titles(backend, "spawanie") == []
    drain_outbox(engine, backend)
    assert titles(backend, "spawanie") == ["Kurs spawania metodą MAG (135)"]
    assert outbox_size(engine) == 0


def test_a_rolled_back_change_never_reaches_the_index(engine, settings):
    store(engine, welding("1"))
    backend = get_backend(settings.search)
    drain_outbox(engine, backend)
    with Session(engine) as session:
        offer = session.exec(select(Offer)).one()
        offer.title = "Kurs spawania metodą TIG (141)"
        session.flush()  # the outbox row is written, inside the transaction ...
        session.rollback()  # ... and rolled back with it
    assert drain_outbox(engine, backend) == 0
    assert titles(backend, "tig") == []


def test_a_withdrawn_offer_leaves_the_index(engine, settings):
    store(engine, welding("1"), welding("2", title="Spawanie metodą TIG (141)"))
    backend = get_backend(settings.search)
    drain_outbox(engine, backend)
    store(engine, welding("1"))  # a complete run that no longer lists offer 2
    drain_outbox(engine, backend)
    assert titles(backend, "spawanie") == ["Kurs spawania metodą MAG (135)"]


def test_the_indexer_makes_a_committed_change_searchable_on_the_running_site(engine, settings):
    # How fast is measured by benchmarks/index_sync.py; here only that it happens.
    store(engine, welding("1"))
    rebuild_index(engine, get_backend(settings.search))
    syncer = IndexSyncer(engine, get_backend(settings.search), interval=0.05).start()
    with TestClient(create_app(settings)) as client:
        store(engine, welding("1", title="Kurs spawania metodą TIG (141)"))
        committed = time.monotonic()
        found = []
        while not found and time.monotonic() - committed < 20:
            found = client.get("/api/v1/offers", params={"q": "tig"}).json()["hits"]
            time.sleep(0.02)
        assert [hit["title"] for hit in found] == ["Kurs spawania metodą TIG (141)"]
    syncer.stop()


def test_the_site_alone_never_writes_the_index(engine, settings):
    store(engine, welding("1"))
    with TestClient(create_app(settings)) as client:
        assert client.get("/api/v1/offers", params={"q": "spawanie"}).json()["hits"] == []
    assert outbox_size(engine) >= 1  # waiting for the indexer


def test_a_rebuild_matches_what_the_outbox_built(engine, settings):
    store(engine, welding("1"), welding("2", title="Spawanie metodą TIG (141)"))
    backend = get_backend(settings.search)
    drain_outbox(engine, backend)
    before = backend.search(Query(text="spawanie"))
    assert rebuild_index(engine, backend) == 2
    after = backend.search(Query(text="spawanie"))
    assert [h.id for h in after.hits] == [h.id for h in before.hits]


def test_an_offer_whose_every_edition_is_over_is_not_searchable(engine, settings):
    past = welding("2", title="Spawanie metodą TIG (141)")
    past.editions[0].start, past.editions[0].end = "2025-01-13", "2025-02-28"
    undated = welding("3", title="Spawanie gazowe (311)")
    undated.editions[0].start = undated.editions[0].end = None
    store(engine, welding("1"), past, undated)
    backend = get_backend(settings.search)
    drain_outbox(engine, backend)
    # The catalogue keeps all three (the source still lists them); search shows what one can
    # still enrol in, and an offer the source gave no dates for.
    assert sorted(titles(backend, "spawanie")) == [
        "Kurs spawania metodą MAG (135)",
        "Spawanie gazowe (311)",
    ]
    assert rebuild_index(engine, backend) == 2
