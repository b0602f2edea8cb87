"""Crawl sources into the catalogue, then bring the index up to date: `lll crawl`, `lll demo`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogue.db import create_all, get_engine
from crawlers.registry import load_registry, select_sources
from crawlers.run import crawl
from crawlers.summary import RunSummary
from operations.indexing import update_index
from operations.samples import sample_sites_for
from operations.settings import OperationSettings
from search.backends import get_backend


@dataclass
class CrawlOutcome:
    summaries: list[RunSummary]
    indexed: int  # index changes made after the crawl

    @property
    def failed(self) -> bool:
        return any(summary.status == "failed" for summary in self.summaries)


def crawl_and_index(
    settings: OperationSettings,
    names: list[str] | None = None,
    *,
    base_url: str | None = None,
    progress: bool = False,
    crawl_settings: dict[str, Any] | None = None,
    registry_path: Path | str | None = None,
) -> CrawlOutcome:
    """Crawl the named sources (every enabled one when None), starting the sample sites when a
    sample source needs them and `base_url` does not name them, then update the index."""
    engine = get_engine(settings.catalogue.database_url)
    create_all(engine)
    registry = load_registry(
        registry_path, sample_sources=settings.crawlers.sample_sources, engine=engine
    )
    sources = select_sources(registry, names)
    summaries: list[RunSummary] = []
    with sample_sites_for(sources, base_url) as sites:
        if sources:
            summaries = crawl(
                [source.name for source in sources],
                settings.catalogue.database_url,
                base_url=sites,
                progress=progress,
                settings=crawl_settings,
                registry_path=registry_path,
            )
    indexed = update_index(engine, get_backend(settings.search))
    return CrawlOutcome(summaries, indexed)
