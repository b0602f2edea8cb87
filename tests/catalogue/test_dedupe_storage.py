"""Two sources storing the same course make one cluster: one search hit, several sources."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer
from catalogue.raw import RawEdition, RawOffer
from catalogue.store import CrawlRecorder
from operations.indexing import drain_outbox
from search.interface import Query
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from web.app import create_app

START = date.today() + timedelta(days=40)


@pytest.fixture
def engine(database_url):
    engine = get_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def backend(tmp_path):
    return EmbeddedBackend(tmp_path / "index")


def welding(source: str, title: str, provider: str, start: date = START, ext: str = "1"):
    return RawOffer(
        source=source,
        external_id=ext,
        url=f"https://{source}.example.org/oferta/{ext}",
        title=title,
        provider_name=provider,
        kind="Usługa szkoleniowa",
        editions=[RawEdition(start=start.isoformat(), town="Zielona Góra", price=2460)],
    )


BUR = ("bur", "Kurs spawania metodą MAG (135) – Zielona Góra", "ZDZ w Zielonej Górze")
SITE = ("zdz", "Spawanie MAG 135 – zapisy trwają", "Zakład Doskonalenia Zawodowego")


def crawl(engine, source: str, *offers: RawOffer) -> None:
    recorder = CrawlRecorder(engine, source)
    recorder.start()
    for raw in offers:
        recorder.add(raw)
    recorder.finish(complete=True)


def clusters(engine) -> dict[str, int | None]:
    """external source name -> the source name of its canonical offer (None: canonical)."""
    with Session(engine) as session:
        offers = session.exec(select(Offer)).all()
        return {o.source.name: o.canonical.source.name if o.canonical else None for o in offers}


def hits(backend) -> list[dict]:
    return [hit.document for hit in backend.search(Query(text="spawanie")).hits]


def test_two_sources_storing_one_course_give_one_hit_with_two_sources(engine, backend):
    crawl(engine, "bur", welding(*BUR))
    crawl(engine, "zdz", welding(*SITE, start=START + timedelta(days=1)))
    assert clusters(engine) == {"bur": None, "zdz": "bur"}
    drain_outbox(engine, backend)
    [document] = hits(backend)
    assert (document["sources"], document["source_names"]) == (2, ["bur", "zdz"])


def test_a_later_crawl_moving_one_side_to_other_dates_splits_the_cluster(engine, backend):
    crawl(engine, "bur", welding(*BUR))
    crawl(engine, "zdz", welding(*SITE))
    drain_outbox(engine, backend)
    crawl(engine, "zdz", welding(*SITE, start=START + timedelta(days=60)))
    assert clusters(engine) == {"bur": None, "zdz": None}
    drain_outbox(engine, backend)
    assert sorted(d["sources"] for d in hits(backend)) == [1, 1]


def test_withdrawing_the_canonical_offer_promotes_the_other(engine, backend):
    crawl(engine, "bur", welding(*BUR))
    crawl(engine, "zdz", welding(*SITE))
    drain_outbox(engine, backend)
    crawl(engine, "bur")  # a complete run that no longer lists the course
    assert clusters(engine) == {"bur": None, "zdz": None}
    drain_outbox(engine, backend)
    [document] = hits(backend)
    assert (document["source_names"], document["url"]) == (
        ["zdz"],
        "https://zdz.example.org/oferta/1",
    )


def test_a_different_course_of_the_same_provider_on_the_same_day_stays_apart(engine):
    crawl(engine, "bur", welding(*BUR))
    crawl(engine, "zdz", welding("zdz", "Spawanie TIG 141", "Zakład Doskonalenia Zawodowego"))
    assert clusters(engine) == {"bur": None, "zdz": None}


def test_the_offer_page_lists_every_source_with_its_last_check(engine, tmp_path):
    crawl(engine, "bur", welding(*BUR))
    crawl(engine, "zdz", welding(*SITE))
    with Session(engine) as session:
        duplicate = session.exec(select(Offer).where(Offer.canonical_id.is_not(None))).one().id
    app = create_app(app_settings(database_url=str(engine.url), index_dir=tmp_path / "index"))
    with TestClient(app) as client:
        html = client.get(f"/oferty/{duplicate}").text
    assert "Oferta znaleziona w 2 źródłach" in html
    assert "https://bur.example.org/oferta/1" in html and "https://zdz.example.org/oferta/1" in html
