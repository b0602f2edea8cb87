"""The scheduler crawls the feeds institutions register like the sources of sources.toml: it
schedules them at its start, picks up those registered, changed or deleted while it runs, and its
run crawls the feed for real over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer, Source
from operations.institution_feeds import delete_feed, register_feed
from operations.schedule import CrawlScheduler, ScheduleOptions
from operations.schedule_jobs import ALERTS_JOB, HOUSEKEEPING_JOB, SOURCES_EVERY, SOURCES_JOB
from tests.app_settings import app_settings
from tests.crawlers.conftest import FAST
from tests.crawlers.recorded import RECORDED, RecordedServer
from tests.operations.test_institution_feeds import add_institution

CSV_PATH = "/rekrutacja/oferta-kursow.csv"  # 10 offers (tests/crawlers/recorded/feed)


@pytest.fixture
def server() -> Iterator[RecordedServer]:
    with RecordedServer(RECORDED / "feed") as running:
        yield running


@pytest.fixture
def scheduler(tmp_path: Path, database_url: str) -> Iterator[CrawlScheduler]:
    registry = tmp_path / "sources.toml"
    registry.write_text("", encoding="utf-8")  # only the feeds in the database
    settings = app_settings(database_url, tmp_path / "index")
    options = ScheduleOptions(
        registry_path=registry,
        crawl_settings={**FAST, "HTTPCACHE_ENABLED": False},
        stop_grace=1.0,
    )
    made = CrawlScheduler(settings, options)
    yield made
    made.shutdown()


def register(database_url: str, url: str, every: str = "1d") -> Source:
    with Session(get_engine(database_url), expire_on_commit=False) as db:
        school = add_institution(db, f"Szkoła z harmonogramu {url}")
        return register_feed(db, school, url=url, kind="file", every=every, allow_loopback=True)


def job_ids(scheduler: CrawlScheduler) -> set[str]:
    return {job.id for job in scheduler.scheduler.get_jobs()}


def test_a_registered_feed_is_scheduled_and_its_due_run_crawls_it(
    scheduler: CrawlScheduler, server: RecordedServer, database_url: str
) -> None:
    feed = register(database_url, server.base_url + CSV_PATH)

    due = scheduler.run_due()  # a new source is due at once

    assert due == sorted([HOUSEKEEPING_JOB, feed.name])
    with Session(get_engine(database_url)) as db:
        offers = db.exec(select(Offer).where(Offer.source_id == feed.id)).all()
    assert len(offers) == 10
    assert [seen.path for seen in server.requests.all() if seen.path == CSV_PATH] == [CSV_PATH]


def test_feeds_registered_changed_or_deleted_while_it_runs_are_picked_up(
    scheduler: CrawlScheduler, database_url: str
) -> None:
    first = register(database_url, "http://127.0.0.1:9/pierwszy.csv")
    changes = scheduler.start(paused=True)
    assert changes.added == [first.name]
    assert job_ids(scheduler) == {first.name, HOUSEKEEPING_JOB, SOURCES_JOB, ALERTS_JOB}
    refresh = scheduler.scheduler.get_job(SOURCES_JOB)
    assert refresh is not None and refresh.trigger.interval == SOURCES_EVERY

    second = register(database_url, "http://127.0.0.1:9/drugi.csv", every="6h")
    with Session(get_engine(database_url), expire_on_commit=False) as db:
        source = db.get(Source, first.id)
        assert source is not None
        delete_feed(db, source)
    scheduler.refresh_sources()  # what the job does every SOURCES_EVERY

    assert job_ids(scheduler) == {second.name, HOUSEKEEPING_JOB, SOURCES_JOB, ALERTS_JOB}
    job = scheduler.scheduler.get_job(second.name)
    assert job is not None and job.trigger.interval == timedelta(hours=6)
