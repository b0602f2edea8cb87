"""Crawl tests run real spiders over real HTTP against the sample server, into a fresh
catalogue database of each kind (`database_url`, tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import CrawlRun, Offer, Rejection, Source
from crawlers.run import crawl
from crawlers.summary import RunSummary
from samples.server import SampleServer

HERE = Path(__file__).resolve().parent
FIXTURE_DATA = HERE / "data"
FIXTURE_REGISTRY = HERE / "fixture_sources.toml"
# Fast and quiet: no politeness delays against our own local server.
FAST = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "LOG_LEVEL": "WARNING",
    "RETRY_TIMES": 1,
    "BACKOFF_429_BASE_DELAY": 0.2,
    # The recorded sources are served on 127.0.0.1, which a real crawl never reaches.
    "LLL_ALLOW_LOOPBACK": True,
}


@pytest.fixture(autouse=True)
def private_http_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's crawls keep their HTTP cache (crawlers/scrapy_settings.py) to themselves."""
    monkeypatch.setenv("LLL_HTTPCACHE_DIR", str(tmp_path / "httpcache"))


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A private copy of the small fixtures, which a test may edit between crawls."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def server(fixture_data: Path) -> Iterator[SampleServer]:
    with SampleServer(fixture_data) as running:
        yield running


@pytest.fixture
def crawl_fixtures(server: SampleServer, database_url: str) -> Callable[..., RunSummary]:
    """Crawl one fixture source (fixture-bur, fixture-kkz, fixture-jsonld) from `server`."""

    def run(source: str, **settings: Any) -> RunSummary:
        (summary,) = crawl(
            [source],
            database_url,
            base_url=server.base_url,
            settings={**FAST, **settings},
            registry_path=FIXTURE_REGISTRY,
        )
        return summary

    return run


class Catalogue:
    """What a crawl left in the database, read back for assertions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def offers(self, source: str) -> dict[str, Offer]:
        with Session(self.engine) as session:
            rows = session.exec(select(Offer).join(Source).where(Source.name == source)).all()
            return {offer.external_id: offer for offer in rows}

    def runs(self, source: str) -> list[CrawlRun]:
        query = select(CrawlRun).join(Source).where(Source.name == source).order_by(CrawlRun.id)
        with Session(self.engine) as session:
            return list(session.exec(query).all())

    def rejections(self, source: str) -> list[Rejection]:
        query = select(Rejection).join(Source).where(Source.name == source)
        with Session(self.engine) as session:
            return list(session.exec(query).all())


@pytest.fixture
def catalogue(database_url: str) -> Iterator[Catalogue]:
    engine = get_engine(database_url)
    yield Catalogue(engine)
    engine.dispose()
