"""Feeds an institution registers in its panel: the address of its CSV/XLSX file, or of its site
with schema.org markup (its sitemap), and how often to read it.

    source = register_feed(db, institution, url="https://szkola.pl/oferta.csv", kind="file",
                           every="1d")
    feeds = list_feeds(db, institution)          # with each one's last crawl run
    offers = feed_offers(db, institution)        # what they published
    feed = get_feed(db, institution, feed_id)    # None: not this institution's (a 404)
    set_enabled(db, feed, False); delete_feed(db, feed)

A feed is a `Source` row (`feed-<institution id>-<n>`, `institution_id`, `feed_url`, `every`,
`enabled`), which the scheduler crawls like the sources of sources.toml
(`crawlers.registry.database_sources`), its offers attributed to the institution.

An address anyone can type is one the crawler would fetch from the server's own network
(server-side request forgery): it must be http(s), name a host without credentials, and that
host must resolve only to public addresses (`crawlers.middlewares.forbidden_address`, the check
every crawl request passes too, after its own resolution). Loopback is allowed only with the
test setting LLL_ALLOW_LOOPBACK.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from catalogue.models import CrawlRun, Institution, Offer, OfferStatus, Source, utcnow
from crawlers.middlewares import forbidden_address
from crawlers.registry import FEED_SPIDER, feed_spider

MAX_URL_LENGTH = 2000
MAX_FEEDS = 10  # per institution
EVERY_CHOICES = ("6h", "12h", "1d", "7d")
DEFAULT_EVERY = "1d"

Resolver = Callable[[str, int], list[str]]


class FeedKind(StrEnum):
    file = "file"  # a CSV or XLSX file (docs/feeds.md): the `feed` spider
    site = "site"  # a site with schema.org markup, through its sitemap: the `schema_org` spider


@dataclass(frozen=True)
class FeedProblem:
    """What is wrong with a field of the form: `code` names the message (`feeds.error.<code>`)."""

    field: str  # "url", "kind", "every"
    code: str


class FeedRefused(ValueError):
    def __init__(self, problems: list[FeedProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


@dataclass
class FeedView:
    """A feed as the panel lists it, with its last crawl run (None before the first)."""

    source: Source
    kind: FeedKind
    last_run: CrawlRun | None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


_SPACE = re.compile(r"\s")


def check_feed_url(
    url: str,
    kind: FeedKind,
    *,
    allow_loopback: bool = False,
    resolve: Resolver = resolve_host,
) -> tuple[str, list[FeedProblem]]:
    """The address to store (a site's root becomes its /sitemap.xml), and what is wrong with it."""
    url = url.strip()

    def refused(code: str) -> tuple[str, list[FeedProblem]]:
        return url, [FeedProblem("url", code)]

    if not url:
        return refused("url_missing")
    if len(url) > MAX_URL_LENGTH or _SPACE.search(url):
        return refused("url_invalid")
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return refused("url_invalid")
    if parts.scheme not in ("http", "https"):
        return refused("url_scheme")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return refused("url_invalid")
    if parts.username is not None or parts.password is not None:
        return refused("url_credentials")
    if kind == FeedKind.site and parts.path in ("", "/") and not parts.query:
        url = urlunsplit((parts.scheme, parts.netloc, "/sitemap.xml", "", ""))
    is_site = feed_spider(url) != FEED_SPIDER
    if kind == FeedKind.site and not is_site:
        return refused("site_path")
    if kind == FeedKind.file and is_site:
        return refused("file_is_sitemap")
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        return refused("url_unresolved")
    if not addresses:
        return refused("url_unresolved")
    if any(forbidden_address(address, allow_loopback) for address in addresses):
        return refused("url_private")
    return url, []


def feed_kind(source: Source) -> FeedKind:
    return FeedKind.file if feed_spider(source.feed_url or "") == FEED_SPIDER else FeedKind.site


def register_feed(
    db: Session,
    institution: Institution,
    *,
    url: str,
    kind: str,
    every: str = DEFAULT_EVERY,
    allow_loopback: bool = False,
    resolve: Resolver = resolve_host,
) -> Source:
    """Check the form and create the feed's source; `FeedRefused` lists what is wrong."""
    assert institution.id is not None
    problems: list[FeedProblem] = []
    if every not in EVERY_CHOICES:
        problems.append(FeedProblem("every", "every_invalid"))
    try:
        feed_kind_chosen = FeedKind(kind)
    except ValueError:
        problems.append(FeedProblem("kind", "kind_invalid"))
        raise FeedRefused(problems) from None
    url, url_problems = check_feed_url(
        url, feed_kind_chosen, allow_loopback=allow_loopback, resolve=resolve
    )
    problems += url_problems
    feeds = _feeds_query(institution.id)
    existing = db.exec(feeds).all()
    if not url_problems and any(source.feed_url == url for source in existing):
        problems.append(FeedProblem("url", "url_duplicate"))
    if len(existing) >= MAX_FEEDS:
        problems.append(FeedProblem("url", "too_many"))
    if problems:
        raise FeedRefused(problems)
    what = "plik z ofertami" if feed_kind_chosen == FeedKind.file else "strona (schema.org)"
    source = Source(
        name=_next_name(db, institution.id),
        title=f"{institution.name} – {what}",
        url=url,
        institution_id=institution.id,
        feed_url=url,
        every=every,
        enabled=True,
    )
    db.add(source)
    db.commit()
    db.refresh(source)
    return source


def _next_name(db: Session, institution_id: int) -> str:
    """`feed-<institution id>-<n>`, `n` one past the highest ever used (deleted feeds too)."""
    prefix = f"feed-{institution_id}-"
    names = db.exec(select(Source.name).where(col(Source.name).startswith(prefix))).all()
    numbers = [int(name[len(prefix) :]) for name in names if name[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _feeds_query(institution_id: int) -> SelectOfScalar[Source]:
    return (
        select(Source)
        .where(Source.institution_id == institution_id, col(Source.feed_url).is_not(None))
        .order_by(col(Source.id))
    )


def list_feeds(db: Session, institution: Institution) -> list[FeedView]:
    """The institution's feeds, oldest first, each with its newest crawl run."""
    assert institution.id is not None
    sources = list(db.exec(_feeds_query(institution.id)).all())
    ids = [source.id for source in sources]
    last: dict[int, CrawlRun] = {}
    if ids:
        runs = db.exec(
            select(CrawlRun).where(col(CrawlRun.source_id).in_(ids)).order_by(col(CrawlRun.id))
        ).all()
        last = {run.source_id: run for run in runs}
    return [
        FeedView(source, feed_kind(source), last.get(source.id) if source.id else None)
        for source in sources
    ]


def feed_offers(db: Session, institution: Institution, limit: int = 500) -> list[Offer]:
    """The published offers read from the institution's feeds, by title (read-only in the
    panel: the feed is where they are changed)."""
    return list(
        db.exec(
            select(Offer)
            .join(Source, col(Source.id) == col(Offer.source_id))
            .where(
                Source.institution_id == institution.id,
                col(Source.feed_url).is_not(None),
                Offer.status == OfferStatus.active,
            )
            .order_by(col(Offer.title))
            .limit(limit)
        ).all()
    )


def get_feed(db: Session, institution_id: int | None, feed_id: int) -> Source | None:
    """The feed `feed_id` when it is the institution's, else None (the page answers 404)."""
    source = db.get(Source, feed_id)
    if (
        source is None
        or institution_id is None
        or source.institution_id != institution_id
        or source.feed_url is None
    ):
        return None
    return source


def set_enabled(db: Session, source: Source, enabled: bool) -> None:
    """Stop (or resume) crawling the feed; its offers stay as they are."""
    source.enabled = enabled
    db.add(source)
    db.commit()


def delete_feed(db: Session, source: Source) -> int:
    """Remove the feed: no more crawls, and its published offers are withdrawn (out of search;
    the records and their runs stay as history). How many offers were withdrawn."""
    offers = db.exec(
        select(Offer).where(Offer.source_id == source.id, Offer.status == OfferStatus.active)
    ).all()
    for offer in offers:
        offer.status, offer.last_changed = OfferStatus.withdrawn, utcnow()  # the outbox tells
        db.add(offer)
    source.feed_url, source.enabled = None, False
    db.add(source)
    db.commit()
    return len(offers)
