"""The scheduler crawls each source on its interval, one run of a source at a time, keeps its jobs
in the catalogue database across restarts, makes up missed runs once, and indexes what changed.

The crawls are real (the fixture sources from a SampleServer, a site on a socket that never
answers), so each takes a few seconds; the tests are built to need few of them.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.events import EVENT_JOB_SUBMITTED

from catalogue.db import get_engine
from catalogue.models import CrawlRun, RunStatus
from catalogue.store import CrawlRecorder
from crawlers.run import CrawlTimeout, crawl
from operations.schedule import CrawlScheduler, ScheduleOptions
from operations.schedule_jobs import ALERTS_JOB, HOUSEKEEPING_JOB, TIMEZONE, next_runs
from samples.faults import Fault
from samples.server import SampleServer
from search.interface import Query
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from tests.crawlers.conftest import FAST, FIXTURE_REGISTRY, Catalogue

FIXTURE_SOURCES = ("fixture-bur", "fixture-kkz", "fixture-jsonld")
HANGING = """
[[sources]]
name = "hanging"
title = "Strona, która nie odpowiada"
spider = "sample_jsonld"
url = "http://127.0.0.1:{port}/"
start_urls = ["http://127.0.0.1:{port}/sitemap.xml"]
every = "1s"
"""


def registry(tmp_path: Path, schedules: dict[str, str], extra: str = "") -> Path:
    """The fixture registry with these lines (`every`, `at`) added to the named sources; the
    other fixture sources disabled."""
    text = FIXTURE_REGISTRY.read_text(encoding="utf-8")
    for name in FIXTURE_SOURCES:
        lines = schedules.get(name, "enabled = false")
        text = text.replace(f'name = "{name}"\n', f'name = "{name}"\n{lines}\n')
    path = tmp_path / "sources.toml"
    path.write_text(text + extra, encoding="utf-8")
    return path


@pytest.fixture
def make_scheduler(
    tmp_path: Path, database_url: str, server: SampleServer
) -> Iterator[Callable[..., CrawlScheduler]]:
    made: list[CrawlScheduler] = []

    def make(registry_path: Path, **options) -> CrawlScheduler:
        settings = app_settings(
            database_url=database_url,
            backend="embedded",
            index_dir=tmp_path / "index",
        )
        options = {"stop_grace": 1.0, **options}
        made.append(
            CrawlScheduler(
                settings,
                ScheduleOptions(
                    registry_path=registry_path,
                    base_url=server.base_url,
                    crawl_settings=FAST,
                    **options,
                ),
            )
        )
        return made[-1]

    yield make
    for scheduler in made:  # a failed test leaves nothing running
        scheduler.shutdown()


class SilentSite:
    """A site that accepts connections and never answers: whoever asks it waits forever."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:  # closed
                return
            self.connections.append(connection)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self._socket.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def silent_site() -> Iterator[SilentSite]:
    site = SilentSite()
    yield site
    site.close()


def wait_until(condition: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the scheduler did not get there in time"
        time.sleep(0.2)


def finished(runs: list[CrawlRun]) -> list[CrawlRun]:
    return [run for run in runs if run.finished_at is not None]


def assert_one_at_a_time(runs: list[CrawlRun]) -> None:
    for earlier, later in itertools.pairwise(runs):
        assert later.started_at >= earlier.finished_at, f"runs {earlier.id} and {later.id} overlap"


def test_sources_run_on_their_intervals_and_a_hanging_one_holds_up_no_other(
    tmp_path, make_scheduler, catalogue: Catalogue, silent_site
):
    path = registry(
        tmp_path, {"fixture-kkz": 'every = "1s"'}, HANGING.format(port=silent_site.port)
    )
    scheduler = make_scheduler(path, run_limit=60.0)
    scheduler.start()

    def healthy_runs_ended_during_the_hang() -> list[CrawlRun]:
        hanging = catalogue.runs("hanging")
        healthy = finished(catalogue.runs("fixture-kkz"))
        return [run for run in healthy if hanging and run.finished_at > hanging[0].started_at]

    try:
        wait_until(lambda: len(healthy_runs_ended_during_the_hang()) >= 2, timeout=60)
    finally:
        scheduler.shutdown()  # the hanging run is stopped, then killed

    healthy, (hang,) = catalogue.runs("fixture-kkz"), catalogue.runs("hanging")
    assert hang.status == RunStatus.failed  # the one run of it, never a second one meanwhile
    assert [run.status for run in healthy[:2]] == [RunStatus.success, RunStatus.success]
    assert all(run.status != RunStatus.running for run in healthy)
    assert all(run.finished_at < hang.finished_at for run in healthy_runs_ended_during_the_hang())
    assert_one_at_a_time(healthy)

    # What the runs stored is searchable, without a rebuild.
    hits = EmbeddedBackend(tmp_path / "index").search(Query(text="kelner")).hits
    assert hits
    assert {hit.id for hit in hits} <= {o.id for o in catalogue.offers("fixture-kkz").values()}
    assert set(next_runs(catalogue.engine)) == {
        "fixture-kkz",
        "hanging",
        HOUSEKEEPING_JOB,
        ALERTS_JOB,
    }


def test_a_crawl_that_overruns_its_time_is_killed_and_its_run_marked_failed(
    tmp_path, database_url, catalogue: Catalogue, silent_site
):
    path = registry(tmp_path, {}, HANGING.format(port=silent_site.port))
    started = time.monotonic()
    with pytest.raises(CrawlTimeout):
        crawl(["hanging"], database_url, limit=8, kill_after=1, settings=FAST, registry_path=path)
    assert 9 <= time.monotonic() - started < 9 + 5
    assert silent_site.connections  # killed while waiting for the site
    (run,) = catalogue.runs("hanging")
    assert run.status == RunStatus.failed
    assert "przekroczono limit czasu (9 s)" in run.errors[0]


def test_jobs_outlive_the_scheduler_and_runs_missed_meanwhile_are_made_up_once(
    tmp_path, make_scheduler, catalogue: Catalogue, server
):
    server.faults.add(Fault("/uczelnia-przyklad/oferta/sitemap.xml", status=500))  # it fails
    path = registry(tmp_path, {"fixture-jsonld": 'every = "1s"'})
    down = make_scheduler(path)
    down.start(paused=True)  # jobs made, nothing run
    down.shutdown()
    stored = next_runs(catalogue.engine)
    assert set(stored) == {"fixture-jsonld", HOUSEKEEPING_JOB, ALERTS_JOB}

    time.sleep(3.5)  # the scheduler is down while three runs fall due
    assert make_scheduler(path).run_due() == [HOUSEKEEPING_JOB, "fixture-jsonld"]

    (run,) = catalogue.runs("fixture-jsonld")  # one run for the missed ones, not four
    assert run.status == RunStatus.failed
    assert next_runs(catalogue.engine)["fixture-jsonld"] > stored["fixture-jsonld"] + timedelta(
        seconds=3
    )


def test_a_restart_keeps_unchanged_jobs_and_follows_the_registry_in_the_rest(
    tmp_path, make_scheduler, database_url
):
    engine = get_engine(database_url)
    recorder = CrawlRecorder(engine, "fixture-jsonld")  # crawled a moment ago
    recorder.start()
    recorder.finish(complete=True)

    def restart(schedules: dict[str, str]):
        scheduler = make_scheduler(registry(tmp_path, schedules))
        changes = scheduler.start(paused=True)
        scheduler.shutdown()
        return changes, next_runs(engine)

    kkz = 'every = "6h"'
    changes, before = restart({"fixture-kkz": kkz, "fixture-jsonld": 'every = "1d"'})
    assert changes.added == ["fixture-kkz", "fixture-jsonld"]

    now = datetime.now(UTC)
    changes, after = restart(
        {
            "fixture-kkz": kkz,
            "fixture-jsonld": 'every = "2h"',
            "fixture-bur": 'every = "12h"\nat = "03:00"',
        }
    )
    assert (changes.kept, changes.replaced, changes.added) == (
        ["fixture-kkz"],
        ["fixture-jsonld"],
        ["fixture-bur"],
    )
    assert after["fixture-kkz"] == before["fixture-kkz"]
    # Crawled a moment ago: the next run is one (new) interval after that one.
    assert now + timedelta(hours=2) - timedelta(minutes=1) < after["fixture-jsonld"]
    assert after["fixture-jsonld"] < now + timedelta(hours=2)
    pinned = after["fixture-bur"].astimezone(TIMEZONE)
    assert (pinned.hour, pinned.minute) in {(3, 0), (15, 0)}
    assert now < after["fixture-bur"] <= now + timedelta(hours=12)

    changes, after = restart({"fixture-kkz": kkz})
    assert sorted(changes.removed) == ["fixture-bur", "fixture-jsonld"]
    assert set(after) == {"fixture-kkz", HOUSEKEEPING_JOB, ALERTS_JOB}


def test_runs_cut_off_by_a_shutdown_are_made_up_at_the_next_start(
    tmp_path, make_scheduler, catalogue: Catalogue
):
    sources = ("fixture-kkz", "fixture-jsonld")
    path = registry(tmp_path, dict.fromkeys(sources, 'every = "1d"'))
    scheduler = make_scheduler(path, workers=1)  # one source crawls, the other waits
    submitted: list[str] = []
    scheduler.scheduler.add_listener(
        lambda event: submitted.append(event.job_id), EVENT_JOB_SUBMITTED
    )
    scheduler.start()
    wait_until(lambda: set(sources) <= set(submitted), timeout=10)
    scheduler.shutdown()
    # Handed to the worker pool, both count as run: their next runs are a day away.
    tomorrow = datetime.now(UTC) + timedelta(hours=23)
    assert all(next_runs(catalogue.engine)[name] > tomorrow for name in sources)

    changes = make_scheduler(path).start(paused=True)

    never_started = {name for name in sources if not catalogue.runs(name)}
    assert never_started  # the one waiting for the worker at least
    assert set(changes.overdue) == never_started
    for name in never_started:
        assert next_runs(catalogue.engine)[name] < datetime.now(UTC)
