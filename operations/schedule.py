"""Crawl every source on its own schedule, re-index what changed, tidy up the catalogue daily.

    scheduler = CrawlScheduler(settings, ScheduleOptions(workers=4))
    scheduler.start()           # jobs from the registry and the registered feeds
                                # (see `operations.schedule_jobs`)
    ...
    scheduler.shutdown()        # running crawls are asked to stop and record partial runs

APScheduler runs the jobs in a thread pool and keeps them in the catalogue database (table
`apscheduler_jobs`), so the next runs survive a restart. At most one run of a source at a time
(`max_instances=1`); runs missed while the scheduler was down or busy are made up once
(`coalesce`). Each run crawls in its own process group with a time limit (`crawlers.run`), so
a failing or hanging source holds one worker and nothing else.

The scheduler is the process that keeps the index in step in production: while it runs, an
`IndexSyncer` drains the index outbox continuously (whoever wrote to the catalogue), and each
run and housekeeping pass drains it once more when done, for its log line
(docs/decisions/0008-application-layer-and-the-index-writer.md).

The feeds institutions register in the panel are `Source` rows (`crawlers.registry.
database_sources`): every `SOURCES_EVERY` a job (kept in memory) reads the sources again and
brings the jobs in line, so a feed registered, changed, disabled or deleted is scheduled
accordingly (a new one is crawled at once).

One scheduler per database: APScheduler 3 cannot share a job store between processes.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobExecutionEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.interval import IntervalTrigger
from sqlmodel import Session

from catalogue.db import create_all, get_engine
from catalogue.housekeeping import Housekeeping, housekeep
from catalogue.plans import PLAN_EXPIRY_DAYS
from catalogue.runs import last_runs
from crawlers.registry import load_sources
from crawlers.run import CrawlFailed, crawl, stop_all
from crawlers.summary import RunSummary
from operations.indexing import IndexSyncer, drain_outbox
from operations.plans import delete_expired as delete_expired_plans
from operations.schedule_jobs import (
    JOB_TABLE,
    SOURCES_EVERY,
    SOURCES_JOB,
    TIMEZONE,
    JobChanges,
    sync_jobs,
)
from operations.search_alerts import send_alerts_logged
from operations.settings import OperationSettings
from operations.shortlists import clear_expired_shares
from search.backends import get_backend

log = logging.getLogger(__name__)

_current: CrawlScheduler | None = None  # the running scheduler, which the job functions use
_current_lock = threading.Lock()
MEMORY = "memory"  # the job store of the jobs made anew at each start


@dataclass
class ScheduleOptions:
    registry_path: Path | str | None = None  # another sources.toml
    base_url: str | None = None  # the sample server, for sample sources
    crawl_settings: dict[str, Any] = field(default_factory=dict)  # Scrapy settings for all
    run_limit: float = 3 * 3600.0  # seconds; then Scrapy closes the spider (a partial run)
    kill_after: float = 60.0  # seconds past `run_limit` before the crawl is killed
    workers: int = 4  # crawls at the same time
    stop_grace: float = 30.0  # seconds running crawls get to stop on shutdown


class _Scheduler(BackgroundScheduler):
    """APScheduler 3 makes one more pass over the due jobs after shutdown
    (agronholm/apscheduler#285): it cannot run them any more, yet moves their next run on, so
    a run due at that moment would be lost rather than made up after a restart. Skip it."""

    def _process_jobs(self) -> float | None:
        if self.state == STATE_STOPPED:
            return None
        return super()._process_jobs()


class CrawlScheduler:
    """The scheduler of one process: its jobs call back into it through `run_source` and
    `run_housekeeping`, the module functions the job store names."""

    def __init__(self, settings: OperationSettings, options: ScheduleOptions | None = None) -> None:
        self.settings = settings
        self.options = options or ScheduleOptions()
        self.engine = get_engine(settings.catalogue.database_url)
        self.backend = get_backend(settings.search)
        self.scheduler = _Scheduler(
            jobstores={
                "default": SQLAlchemyJobStore(engine=self.engine, tablename=JOB_TABLE),
                MEMORY: MemoryJobStore(),  # the re-reading of the sources, made at each start
            },
            executors={"default": ThreadPoolExecutor(self.options.workers)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=TIMEZONE,
        )
        self.scheduler.add_listener(self._skipped, EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
        self._drain_lock = threading.Lock()  # one drain at a time from this process
        self._syncer: IndexSyncer | None = None
        self._stopping = threading.Event()
        self._active = 0  # jobs running now
        self._idle = threading.Condition()

    def start(self, paused: bool = False) -> JobChanges:
        """Bring the jobs in line with the registry and start running them."""
        create_all(self.engine)  # the job table comes with the migrations
        self._claim()
        try:
            self.scheduler.start(paused=True)
            changes = self.sync_sources()
            self.scheduler.add_job(
                self.refresh_sources,
                IntervalTrigger(seconds=SOURCES_EVERY.total_seconds(), timezone=TIMEZONE),
                id=SOURCES_JOB,
                name="źródła z bazy (kanały instytucji)",
                jobstore=MEMORY,
                replace_existing=True,
                misfire_grace_time=int(SOURCES_EVERY.total_seconds()),
            )
        except BaseException:
            self.shutdown()
            raise
        log.info(
            "harmonogram: %d źródeł (nowe: %s; zmienione: %s; usunięte: %s; zaległe: %s)",
            len(changes.added) + len(changes.replaced) + len(changes.kept),
            *(", ".join(names) or "—" for names in (changes.added, changes.replaced,
                                                    changes.removed, changes.overdue)),
        )  # fmt: skip
        if not paused:
            self.scheduler.resume()
            self._syncer = IndexSyncer(self.engine, self.backend, lock=self._drain_lock).start()
        return changes

    def run_due(self) -> list[str]:
        """Start, run once every job due now (sources and housekeeping), stop; their ids.

        A run that falls due meanwhile is let finish too.
        """
        self.start(paused=True)
        now = datetime.now(UTC)
        due = {
            j.id for j in self.scheduler.get_jobs() if j.next_run_time and j.next_run_time <= now
        }
        finished: set[str] = set()
        all_done = threading.Event()

        def on_done(event: JobExecutionEvent) -> None:
            finished.add(event.job_id)
            if due <= finished:
                all_done.set()

        self.scheduler.add_listener(
            on_done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED
        )
        try:
            if due:
                self.scheduler.resume()
                all_done.wait()
        finally:
            # Interrupted (Ctrl-C): the running crawls are stopped rather than waited for.
            self.shutdown(finish_runs=all_done.is_set() or not due)
        return sorted(due)

    def shutdown(self, finish_runs: bool = False) -> None:
        """Stop scheduling. Running crawls are let finish (`finish_runs`), or asked to stop
        (SIGTERM: they record partial runs) and killed after `stop_grace` seconds."""
        global _current
        with self._idle:
            self._stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._syncer is not None:
            self._syncer.stop()
        if finish_runs:
            self._wait_idle(None)
        else:
            stop_all(signal.SIGTERM)
            if not self._wait_idle(self.options.stop_grace):
                stop_all(signal.SIGKILL)
                self._wait_idle(10)
        with _current_lock:
            if _current is self:
                _current = None

    def sync_sources(self) -> JobChanges:
        """Bring the jobs in line with the registry file and the feeds in the catalogue."""
        sources = load_sources(
            self.options.registry_path,
            sample_sources=self.settings.crawlers.sample_sources,
            engine=self.engine,
        )
        started = {name: run.started_at for name, run in last_runs(self.engine).items()}
        return sync_jobs(self.scheduler, sources, started, datetime.now(UTC))

    def refresh_sources(self) -> None:
        """The periodic job: pick up the feeds registered, changed or removed meanwhile."""
        if not self._begin():
            return
        try:
            changes = self.sync_sources()
            if changes.added or changes.replaced or changes.removed:
                log.info(
                    "harmonogram: źródła nowe: %s; zmienione: %s; usunięte: %s",
                    *(", ".join(names) or "—"
                      for names in (changes.added, changes.replaced, changes.removed)),
                )  # fmt: skip
        finally:
            self._end()

    def run_source(self, name: str) -> None:
        """One scheduled run: crawl the source, then index what changed."""
        if not self._begin():
            return
        try:
            options = self.options
            try:
                (summary,) = crawl(
                    [name],
                    self.settings.catalogue.database_url,
                    limit=options.run_limit,
                    kill_after=options.kill_after,
                    base_url=options.base_url,
                    settings=options.crawl_settings,
                    registry_path=options.registry_path,
                )
            except (CrawlFailed, ValueError) as exc:  # ValueError: a registry problem
                log.error("%s: przebieg nieudany: %s", name, exc)
                summary = None
            indexed = self.sync_index()
            if summary is not None:
                log.info("%s", describe_run(summary, indexed))
        finally:
            self._end()

    def run_housekeeping(self) -> None:
        if not self._begin():
            return
        try:
            result = housekeep(self.engine, datetime.now(TIMEZONE).date())
            log.info("%s", describe_housekeeping(result, self.sync_index()))
            with Session(self.engine) as db:
                plans = delete_expired_plans(db, datetime.now(UTC))
                shares = clear_expired_shares(db, datetime.now(UTC))
            log.info("porządki: usunięte plany nieużywane od %d dni: %d", PLAN_EXPIRY_DAYS, plans)
            log.info("porządki: wygasłe linki do skierowań usunięte: %d", shares)
        finally:
            self._end()

    def run_search_alerts(self) -> None:
        """The daily job: index what is waiting, then mail each due alert its new offers."""
        if not self._begin():
            return
        try:
            self.sync_index()
            send_alerts_logged(self.engine, self.backend, self.settings)
        finally:
            self._end()

    def sync_index(self) -> int:
        """Drain the index outbox into the search backend; how many changes were indexed."""
        indexed = 0
        with self._drain_lock:
            try:
                while handled := drain_outbox(self.engine, self.backend):
                    indexed += handled
            except Exception:  # the index is down: the changes wait in the outbox
                log.exception("nie udało się zaktualizować indeksu; zmiany czekają w kolejce")
        return indexed

    def _claim(self) -> None:
        global _current
        with _current_lock:
            if _current is not None:
                raise RuntimeError("w tym procesie działa już harmonogram")
            _current = self

    def _begin(self) -> bool:
        """Count a job in, unless shutdown has begun (a job queued for a worker then skips)."""
        with self._idle:
            if self._stopping.is_set():
                return False
            self._active += 1
            return True

    def _end(self) -> None:
        with self._idle:
            self._active -= 1
            self._idle.notify_all()

    def _wait_idle(self, timeout: float | None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout)

    def _skipped(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MAX_INSTANCES:
            log.info("%s: poprzedni przebieg jeszcze trwa, pominięto termin", event.job_id)
        else:
            when = event.scheduled_run_time.astimezone(TIMEZONE)
            log.warning(
                "%s: przepadł termin %s (zbyt duże opóźnienie)",
                event.job_id,
                f"{when:%Y-%m-%d %H:%M:%S}",
            )


def _running() -> CrawlScheduler:
    if _current is None:
        raise RuntimeError("harmonogram nie działa w tym procesie")
    return _current


def run_source(name: str) -> None:
    """The job of one source (the job store refers to it by name)."""
    _running().run_source(name)


def run_housekeeping() -> None:
    """The daily housekeeping job."""
    _running().run_housekeeping()


def run_search_alerts() -> None:
    """The daily job of the search alerts' mails (`ALERTS_JOB`)."""
    _running().run_search_alerts()


def describe_run(summary: RunSummary, indexed: int) -> str:
    """One line for the log: "sample-bur: success, widziane 27, nowe 25, … (4.1 s), indeks: 25"."""
    counts = (
        f"widziane {summary.seen}, nowe {summary.new}, zmienione {summary.updated}, "
        f"bez zmian {summary.unchanged}, odrzucone {summary.rejected}, "
        f"wycofane {summary.withdrawn}"
    )
    line = (
        f"{summary.source}: {summary.status}, {counts} ({summary.seconds:.1f} s), indeks: {indexed}"
    )
    errors = "; ".join(summary.errors[:3])
    return f"{line}; błędy: {errors}" if errors else line


def describe_housekeeping(result: Housekeeping, indexed: int) -> str:
    return (
        f"porządki: {len(result.requeued)} ofert do ponownego zindeksowania (edycja rozpoczęta "
        f"lub zakończona), {len(result.expired)} ofert bez nadchodzących edycji, indeks: {indexed}"
    )
