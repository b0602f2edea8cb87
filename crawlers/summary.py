"""What `crawl()` asks the crawling process to do (CrawlJob) and what it reports (RunSummary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.models import CrawlRun

MESSAGE_PREFIX = "@@lll "  # marks the crawling process's reports among anything else on stdout


@dataclass
class RunSummary:
    source: str
    status: str  # "success" | "partial" | "failed"
    seen: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    withdrawn: int = 0
    seconds: float = 0.0
    changed_ids: list[int] = field(default_factory=list)  # offers new/updated/withdrawn
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None
    notes: list[str] = field(default_factory=list)  # said, but not errors (robots.txt kept…)

    @classmethod
    def from_run(
        cls, source: str, run: CrawlRun, seconds: float, changed_ids: set[int]
    ) -> RunSummary:
        return cls(
            source=source,
            status=str(run.status.value if hasattr(run.status, "value") else run.status),
            seen=run.seen,
            new=run.new,
            updated=run.updated,
            unchanged=run.unchanged,
            rejected=run.rejected,
            withdrawn=run.withdrawn,
            seconds=round(seconds, 3),
            changed_ids=sorted(changed_ids),
            errors=list(run.errors or []),
            run_id=run.id,
            notes=list(run.notes or []),
        )


@dataclass
class CrawlJob:
    """One source to crawl, resolved by the parent process and run by `crawlers.child`."""

    source: str
    title: str
    url: str
    spider: str
    kwargs: dict[str, Any] = field(default_factory=dict)  # the spider's arguments
    settings: dict[str, Any] = field(default_factory=dict)  # the source's Scrapy settings
    error: str | None = None  # a configuration problem: the run is recorded as failed
