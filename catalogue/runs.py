"""Reading the history of crawl runs, and failing the runs their process left behind."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from catalogue.models import CrawlRun, RunStatus, Source, utcnow


def last_runs(engine: Engine) -> dict[str, CrawlRun]:
    """The newest crawl run of each source, by source name."""
    newest: dict[str, CrawlRun] = {}
    with Session(engine) as session:
        rows = session.exec(
            select(Source.name, CrawlRun).join(CrawlRun).order_by(col(CrawlRun.id))
        ).all()
        for name, run in rows:
            session.expunge(run)
            newest[name] = run
    return newest


def fail_unfinished(engine: Engine, source_names: list[str], reason: str) -> int:
    """Mark runs left 'running' by a crawl process that died as failed; returns how many."""
    with Session(engine) as session:
        runs = session.exec(
            select(CrawlRun)
            .join(Source)
            .where(col(Source.name).in_(source_names), CrawlRun.status == RunStatus.running)
        ).all()
        for run in runs:
            _fail(run, reason)
        session.commit()
        return len(runs)


# A run of another machine (or one that recorded no process) still `running` after this long
# is taken for abandoned: far longer than any crawl's time limit (the scheduler's is 3 h).
ABANDONED_AFTER = timedelta(days=2)


def this_host() -> str:
    return socket.gethostname()


def process_alive(pid: int) -> bool:
    """Whether process `pid` exists on this machine and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): os.kill's answer stands
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def fail_runs_of_process(engine: Engine, pid: int, reason: str) -> int:
    """Mark failed the runs process `pid` of this machine left `running`; returns how many."""
    with Session(engine) as session:
        runs = session.exec(
            select(CrawlRun).where(
                CrawlRun.status == RunStatus.running,
                CrawlRun.pid == pid,
                CrawlRun.host == this_host(),
            )
        ).all()
        for run in runs:
            _fail(run, reason)
        session.commit()
        return len(runs)


def fail_abandoned(engine: Engine, *, now: datetime | None = None) -> int:
    """Mark failed the runs left `running` by a process that is gone; returns how many.

    A run of this machine is abandoned when its process no longer exists (a `kill -9`, a
    crash); a run of another machine, or one that recorded no process, only when it is older
    than ABANDONED_AFTER, since its process cannot be seen from here.
    """
    now = now or datetime.now(UTC)
    host = this_host()
    with Session(engine) as session:
        runs = session.exec(select(CrawlRun).where(CrawlRun.status == RunStatus.running)).all()
        abandoned = []
        for run in runs:
            if run.pid is not None and run.host == host:
                if not process_alive(run.pid):
                    abandoned.append((run, f"proces crawlera (pid {run.pid}) zniknął w trakcie"))
                continue
            started = run.started_at
            if started.tzinfo is None:
                started = started.replace(tzinfo=UTC)
            if now - started > ABANDONED_AFTER:
                where = f"na {run.host}" if run.host else "bez zapisanego procesu"
                reason = f"przebieg {where} trwa od {started:%Y-%m-%d %H:%M} UTC: porzucony"
                abandoned.append((run, reason))
        for run, reason in abandoned:
            _fail(run, reason)
        session.commit()
        return len(abandoned)


def _fail(run: CrawlRun, reason: str) -> None:
    run.status = RunStatus.failed
    run.finished_at = utcnow()
    run.errors = [*run.errors, reason]
