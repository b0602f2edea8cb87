"""Reading the history of crawl runs."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from catalogue.models import CrawlRun, Source


def last_runs(engine: Engine) -> dict[str, CrawlRun]:
    """The newest crawl run of each source, by source name."""
    newest: dict[str, CrawlRun] = {}
    with Session(engine) as session:
        rows = session.exec(
            select(Source.name, CrawlRun).join(CrawlRun).order_by(CrawlRun.id)
        ).all()
        for name, run in rows:
            session.expunge(run)
            newest[name] = run
    return newest
