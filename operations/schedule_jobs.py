"""The scheduler's jobs, kept in step with the registry: one per enabled source (of the file, or
a feed registered in the panel), plus housekeeping, the search alerts' mails and the re-reading
of the sources.

A job is named by its source (`id` = source name) and lives in the job store, so its next run
survives a restart. On each start `sync_jobs` keeps a job whose schedule is unchanged (a run
missed while the scheduler was down is then made up at once, once), replaces one whose `every`
or `at` changed, adds the new sources' jobs and removes those of sources gone or disabled.

The crawl runs in the catalogue have the last word on when a source is due: APScheduler moves a
job's next run on when it hands the run to a worker, so a run still waiting for a worker when
the scheduler stopped would otherwise be skipped until the next interval.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.job import Job
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from crawlers.registry import SourceConfig

JOB_TABLE = "apscheduler_jobs"  # created by migration 0003
TIMEZONE = ZoneInfo("Europe/Warsaw")  # `at` and the housekeeping hour are Polish time
# Textual references: the job store pickles them, and they stay valid across restarts.
CRAWL_FUNC = "operations.schedule:run_source"
HOUSEKEEPING_FUNC = "operations.schedule:run_housekeeping"
HOUSEKEEPING_JOB = "catalogue:housekeeping"  # ':' keeps it apart from source names
# The e-mail alerts of searches (`operations.search_alerts`), daily in the morning.
ALERTS_FUNC = "operations.schedule:run_search_alerts"
ALERTS_JOB = "catalogue:search-alerts"
ALERTS_AT = time(7, 0)
# Re-reading the sources, for the feeds institutions register in the panel (database sources).
SOURCES_JOB = "catalogue:sources"
SOURCES_EVERY = timedelta(minutes=5)
OWN_JOBS = frozenset({HOUSEKEEPING_JOB, SOURCES_JOB, ALERTS_JOB})  # not sources: never removed
HOUSEKEEPING_AT = time(0, 15)  # just after midnight, when yesterday's editions have started
# A run may wait this long for a free worker (or a restart) before it is dropped. With missed
# runs coalesced, the one left is never more than one interval late, so it always runs.
MIN_GRACE = timedelta(minutes=1)


@dataclass
class JobChanges:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # its `every` or `at` changed
    kept: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)  # kept, due now: no run for an interval
    removed: list[str] = field(default_factory=list)


def sync_jobs(
    scheduler: BaseScheduler,
    sources: Iterable[SourceConfig],
    last_started: dict[str, datetime],
    now: datetime,
) -> JobChanges:
    """Make the scheduler's jobs match the enabled `sources`; `last_started` (by source name,
    from the crawl runs) times a new job's first run: one interval after the last run."""
    changes = JobChanges()
    wanted = {source.name: source for source in sources if source.enabled}
    for job in scheduler.get_jobs():
        if job.id not in wanted and job.id not in OWN_JOBS:
            scheduler.remove_job(job.id)
            changes.removed.append(job.id)
    for name, source in wanted.items():
        job = scheduler.get_job(name)
        if job is not None and _same_schedule(job, source):
            changes.kept.append(name)
            if _overdue(job, source, last_started.get(name), now):
                scheduler.modify_job(name, next_run_time=now)
                changes.overdue.append(name)
            continue
        (changes.added if job is None else changes.replaced).append(name)
        _add_source_job(scheduler, source, last_started.get(name), now)
    if scheduler.get_job(HOUSEKEEPING_JOB) is None:
        # First start: tidy up now rather than wait for tonight.
        scheduler.add_job(
            HOUSEKEEPING_FUNC,
            CronTrigger(
                hour=HOUSEKEEPING_AT.hour, minute=HOUSEKEEPING_AT.minute, timezone=TIMEZONE
            ),
            id=HOUSEKEEPING_JOB,
            name="porządki w katalogu",
            misfire_grace_time=int(timedelta(hours=23).total_seconds()),
            next_run_time=now,
        )
    if scheduler.get_job(ALERTS_JOB) is None:
        scheduler.add_job(
            ALERTS_FUNC,
            CronTrigger(hour=ALERTS_AT.hour, minute=ALERTS_AT.minute, timezone=TIMEZONE),
            id=ALERTS_JOB,
            name="powiadomienia o nowych ofertach wyszukiwań",
            misfire_grace_time=int(timedelta(hours=23).total_seconds()),
        )
    return changes


def _add_source_job(
    scheduler: BaseScheduler, source: SourceConfig, last_started: datetime | None, now: datetime
) -> None:
    seconds = int(source.every.total_seconds())
    if source.at is not None:
        # Runs at `at` and every interval from it; the first in the next such slot.
        anchor = datetime.combine(now.astimezone(TIMEZONE).date(), source.at, tzinfo=TIMEZONE)
        trigger = IntervalTrigger(seconds=seconds, start_date=anchor, timezone=TIMEZONE)
        first = trigger.get_next_fire_time(None, now)
    else:
        first = now if last_started is None else max(now, last_started + source.every)
        trigger = IntervalTrigger(seconds=seconds, start_date=first, timezone=TIMEZONE)
    scheduler.add_job(
        CRAWL_FUNC,
        trigger,
        args=[source.name],
        id=source.name,
        name=source.title,
        replace_existing=True,
        misfire_grace_time=int(max(source.every, MIN_GRACE).total_seconds()),
        next_run_time=first,
    )


def _overdue(job: Job, source: SourceConfig, last_started: datetime | None, now: datetime) -> bool:
    """No run of the source started in the last interval, yet the job's next run is later."""
    if source.at is not None:
        # Running now would move a pinned source off its time; APScheduler makes up a missed
        # slot itself, at the slot's phase.
        return False
    due = now if last_started is None else last_started + source.every
    return job.next_run_time is not None and due < job.next_run_time


def _same_schedule(job: Job, source: SourceConfig) -> bool:
    trigger = job.trigger
    if job.func_ref != CRAWL_FUNC or not isinstance(trigger, IntervalTrigger):
        return False
    if trigger.interval != source.every:
        return False
    # Without `at` a job may run at any time of day, so only a pinned time must match.
    local = trigger.start_date.astimezone(TIMEZONE)
    return source.at is None or (local.hour, local.minute) == (source.at.hour, source.at.minute)


def next_runs(engine: Engine) -> dict[str, datetime]:
    """Each scheduled job's next run, read from the job store (empty before the first start)."""
    if not inspect(engine).has_table(JOB_TABLE):
        return {}
    query = text(f"SELECT id, next_run_time FROM {JOB_TABLE} WHERE next_run_time IS NOT NULL")
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return {job_id: datetime.fromtimestamp(stamp, UTC) for job_id, stamp in rows}
