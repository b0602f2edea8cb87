"""Whether a source is being crawled as it should: the two rules the coordinator's list of sources
highlights, and the crawl runs they read.

Too old: a source's last good run (a `success`: complete, nothing failed) finished longer ago than
`stale_after(every)`, twice its schedule's interval but never less than `STALE_FLOOR`, so one late
or failed run is not yet an alarm and the second is. A source that never had a good run is too old
once it has existed that long. A disabled source is never too old: nobody expects its runs.

Rejections jumped: the last finished run that saw anything rejected a share of what it saw
(`rejected / seen`; `seen` counts the rejected items too) at least `JUMP_MARGIN` (10 percentage
points) above the median share of up to `JUMP_HISTORY` finished runs before it, and at least
twice that median, and at least `JUMP_MIN_REJECTED` items. At least `JUMP_MIN_HISTORY` earlier
runs make the median; with fewer there is no jump to speak of. Runs that saw nothing (failed
before the first item) count neither as the last run nor in the median.

    health = source_health(session, source_ids, now)    # {source id: RunHealth}
    runs, pages = source_runs(session, source_id, page)  # the newest first, paged
    rejections, pages = run_rejections(session, run_id, page)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from statistics import median

from sqlalchemy import func
from sqlmodel import Session, col, select

from catalogue.models import CrawlRun, Rejection, RunStatus

STALE_FACTOR = 2
STALE_FLOOR = timedelta(days=1)
JUMP_HISTORY = 10
JUMP_MIN_HISTORY = 3
JUMP_MARGIN = 0.10
JUMP_MIN_REJECTED = 5
RUNS_PER_PAGE = 50
REJECTIONS_PER_PAGE = 50


def aware(moment: datetime) -> datetime:
    """A stored moment as UTC-aware (SQLite gives back naive UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def stale_after(every: timedelta) -> timedelta:
    """How long a source on a schedule of `every` may go without a good run."""
    return max(STALE_FACTOR * every, STALE_FLOOR)


def is_stale(
    *,
    every: timedelta,
    last_good: datetime | None,
    known_since: datetime | None,
    now: datetime,
    enabled: bool = True,
) -> bool:
    """Whether a source's last good run (its end) is too old; without one, whether the source
    (known since `known_since`, None: never stored, so never crawled) has waited too long."""
    if not enabled:
        return False
    since = last_good if last_good is not None else known_since
    if since is None:
        return True
    return aware(now) - aware(since) > stale_after(every)


def rejected_share(run: CrawlRun) -> float | None:
    """The share of what a run saw that it rejected; None when it saw nothing."""
    return run.rejected / run.seen if run.seen > 0 else None


@dataclass(frozen=True)
class Jump:
    share: float  # the last run's rejected share
    usual: float  # the median share of the runs before it
    run_id: int | None


def rejections_jump(runs_newest_first: Sequence[CrawlRun]) -> Jump | None:
    """The jump in rejections of the newest finished run that saw anything over the runs before
    it (given newest first, any status), or None."""
    counted = [
        run
        for run in runs_newest_first
        if run.status != RunStatus.running and rejected_share(run) is not None
    ]
    if len(counted) < 1 + JUMP_MIN_HISTORY:
        return None
    last, earlier = counted[0], counted[1 : 1 + JUMP_HISTORY]
    share = rejected_share(last)
    usual = median(s for run in earlier if (s := rejected_share(run)) is not None)
    assert share is not None
    if last.rejected >= JUMP_MIN_REJECTED and share >= usual + JUMP_MARGIN and share >= 2 * usual:
        return Jump(share=share, usual=usual, run_id=last.id)
    return None


@dataclass
class RunHealth:
    """What the runs of one source say: its newest run, its last good one, a jump if any."""

    last_run: CrawlRun | None = None
    last_good: CrawlRun | None = None
    jump: Jump | None = None
    recent: list[CrawlRun] = field(default_factory=list)  # newest first

    @property
    def last_good_at(self) -> datetime | None:
        good = self.last_good
        if good is None:
            return None
        return aware(good.finished_at or good.started_at)


def source_health(session: Session, source_ids: Iterable[int]) -> dict[int, RunHealth]:
    """Each source's newest runs (enough for the jump rule) and last good run, in two queries."""
    ids = sorted(set(source_ids))
    health = {source_id: RunHealth() for source_id in ids}
    if not ids:
        return health
    # The newest runs of each source: more than the history, since the newest may be running
    # or have seen nothing.
    keep = 1 + JUMP_HISTORY + 5
    number = (
        func.row_number()
        .over(partition_by=col(CrawlRun.source_id), order_by=col(CrawlRun.id).desc())
        .label("number")
    )
    ranked = (
        select(col(CrawlRun.id).label("run_id"), number)
        .where(col(CrawlRun.source_id).in_(ids))
        .subquery()
    )
    newest_ids = select(ranked.c.run_id).where(ranked.c.number <= keep)
    good_ids = (
        select(func.max(CrawlRun.id))
        .where(col(CrawlRun.source_id).in_(ids), CrawlRun.status == RunStatus.success)
        .group_by(col(CrawlRun.source_id))
    )
    runs = session.exec(
        select(CrawlRun)
        .where(col(CrawlRun.id).in_(newest_ids) | col(CrawlRun.id).in_(good_ids))
        .order_by(col(CrawlRun.id).desc())
    ).all()
    newest_by_source: dict[int, list[CrawlRun]] = {}
    good: dict[int, CrawlRun] = {}
    for run in runs:
        if run.status == RunStatus.success and run.source_id not in good:
            good[run.source_id] = run
        newest_by_source.setdefault(run.source_id, []).append(run)
    for source_id, entry in health.items():
        recent = newest_by_source.get(source_id, [])[:keep]
        entry.recent = recent
        entry.last_run = recent[0] if recent else None
        entry.last_good = good.get(source_id)
        entry.jump = rejections_jump(recent)
    return health


def pages_of(count: int, per_page: int) -> int:
    """How many pages `count` items fill (one, when there are none)."""
    return max(1, math.ceil(count / per_page))


def source_runs(
    session: Session, source_id: int, page: int = 1, per_page: int = RUNS_PER_PAGE
) -> tuple[list[CrawlRun], int]:
    """One page of a source's runs, the newest first, and how many pages there are."""
    count = session.exec(
        select(func.count()).select_from(CrawlRun).where(CrawlRun.source_id == source_id)
    ).one()
    runs = session.exec(
        select(CrawlRun)
        .where(CrawlRun.source_id == source_id)
        .order_by(col(CrawlRun.id).desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(runs), pages_of(count, per_page)


def run_rejections(
    session: Session, run_id: int, page: int = 1, per_page: int = REJECTIONS_PER_PAGE
) -> tuple[list[Rejection], int, int]:
    """One page of a run's rejected items in the order they came, how many pages, how many."""
    count = session.exec(
        select(func.count()).select_from(Rejection).where(Rejection.crawl_run_id == run_id)
    ).one()
    rejections = session.exec(
        select(Rejection)
        .where(Rejection.crawl_run_id == run_id)
        .order_by(col(Rejection.id))
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rejections), pages_of(count, per_page), count
