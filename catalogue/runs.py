"""Reading the history of crawl runs."""

from __future__ import annotations

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
            run.status = RunStatus.failed
            run.finished_at = utcnow()
            run.errors = [*run.errors, reason]
        session.commit()
        return len(runs)
