"""The sources watched: every crawled source (of `crawlers/sources.toml` and the feeds institutions
registered) with its schedule, newest run, last good run and the two alarms of
`catalogue.source_health` (too old, rejections jumped), the alarmed first; a source's runs and a
run's rejections, paged. The coordinator sees every source (`/koordynator/zrodla`), an
institution its own feeds (`/panel/zrodla/<id>/przebiegi`, `own_feed_run` answers None for
another's run: a 404).

    listed = watched_sources(session, registry, now)   # registry: crawlers.registry.load_registry
    source = watched_source(session, registry, source_id, now)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from catalogue.models import CrawlRun, Source
from catalogue.source_health import Jump, RunHealth, is_stale, source_health, stale_after
from crawlers.registry import SourceConfig, load_registry


@dataclass
class WatchedSource:
    name: str
    title: str
    source: Source | None  # None: in the registry, never crawled (no row yet)
    config: SourceConfig | None  # None: no longer in the registry, its runs remain
    health: RunHealth
    stale: bool

    @property
    def source_id(self) -> int | None:
        return self.source.id if self.source else None

    @property
    def schedule(self) -> str | None:
        return self.config.schedule_text if self.config else None

    @property
    def enabled(self) -> bool:
        return bool(self.config and self.config.enabled)

    @property
    def stale_after(self) -> timedelta | None:
        return stale_after(self.config.every) if self.config else None

    @property
    def jump(self) -> Jump | None:
        return self.health.jump

    @property
    def alarmed(self) -> bool:
        return self.stale or self.jump is not None

    @property
    def feed(self) -> bool:
        return bool(self.source and self.source.feed_url)


def registry_of(engine: Engine) -> dict[str, SourceConfig]:
    """The sources of the file and the registered feeds, as the scheduler reads them."""
    return load_registry(engine=engine)


def _watched(
    source: Source | None,
    config: SourceConfig | None,
    health: RunHealth,
    now: datetime,
) -> WatchedSource:
    stale = config is not None and is_stale(
        every=config.every,
        last_good=health.last_good_at,
        known_since=source.created_at if source else None,
        now=now,
        enabled=config.enabled,
    )
    name = config.name if config else source.name if source else ""
    title = (config.title if config else "") or (source.title if source else "") or name
    return WatchedSource(name, title, source, config, health, stale)


def watched_sources(
    session: Session, registry: dict[str, SourceConfig], now: datetime | None = None
) -> list[WatchedSource]:
    """Every source of the registry, and every stored source with runs that is no longer in
    it; the alarmed first, then in the registry's order."""
    now = now or datetime.now(UTC)
    stored = {source.name: source for source in session.exec(select(Source)).all()}
    with_runs = set(session.exec(select(CrawlRun.source_id).distinct()).all())
    rows: list[tuple[Source | None, SourceConfig | None]] = [
        (stored.get(name), config) for name, config in registry.items()
    ]
    rows += [
        (source, None)
        for name, source in sorted(stored.items())
        if name not in registry and source.id in with_runs
    ]
    health = source_health(session, [s.id for s, _ in rows if s is not None and s.id])
    listed = [
        _watched(source, config, health[source.id] if source and source.id else RunHealth(), now)
        for source, config in rows
    ]
    return sorted(listed, key=lambda watched: not watched.alarmed)  # stable: registry order


def watched_source(
    session: Session,
    registry: dict[str, SourceConfig],
    source_id: int,
    now: datetime | None = None,
    institution_id: int | None = None,
) -> WatchedSource | None:
    """One stored source as the list shows it; None when there is none (or, with
    `institution_id`, when it is not that institution's feed)."""
    source = session.get(Source, source_id) if 1 <= source_id <= 2**31 - 1 else None
    if source is None or source.id is None:
        return None
    if institution_id is not None and (
        source.institution_id != institution_id or source.feed_url is None
    ):
        return None
    health = source_health(session, [source.id])[source.id]
    return _watched(source, registry.get(source.name), health, now or datetime.now(UTC))


def watched_feeds(
    session: Session,
    registry: dict[str, SourceConfig],
    institution_id: int,
    now: datetime | None = None,
) -> dict[int, WatchedSource]:
    """An institution's feeds as the list shows them, by source id (for its panel)."""
    feeds = session.exec(
        select(Source).where(
            Source.institution_id == institution_id, col(Source.feed_url).is_not(None)
        )
    ).all()
    health = source_health(session, [feed.id for feed in feeds if feed.id])
    now = now or datetime.now(UTC)
    return {
        feed.id: _watched(feed, registry.get(feed.name), health[feed.id], now)
        for feed in feeds
        if feed.id
    }


def run_of(session: Session, source: Source, run_id: int) -> CrawlRun | None:
    """The run `run_id` when it is one of `source`'s, else None (a 404)."""
    run = session.get(CrawlRun, run_id) if 1 <= run_id <= 2**31 - 1 else None
    return run if run is not None and run.source_id == source.id else None
