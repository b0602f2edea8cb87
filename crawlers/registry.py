"""The registry of sources (`sources.toml`): what to crawl, with which spider, where, as whom.

URLs are templates: `{base_url}` is the sample server's address for the sample sources.
Credentials are named by environment variable; only sample sources may have defaults.
`every = "6h"` says how often the scheduler crawls a source (units s, m, h, d; a day by
default) and `at = "03:00"` (Polish time) optionally pins its runs to that time of day.

Institutions register their own feeds in the panel (`operations.institution_feeds`): `Source`
rows with a `feed_url`, which `database_sources` turns into sources like those of the file,
held to tighter limits (`FEED_LIMITS`); `load_registry(engine=…)` lists both.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from catalogue.accounts import Approval
from catalogue.feeds import MAX_BYTES
from catalogue.models import Institution, Source
from crawlers.settings import CrawlerSettings, credential_environment

REGISTRY_FILE = Path(__file__).resolve().parent / "sources.toml"
BASE_URL = "{base_url}"
DEFAULT_EVERY = timedelta(days=1)
UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_INTERVAL = re.compile(r"\s*(\d+)\s*([smhd])\s*")
_TIME_OF_DAY = re.compile(r"\s*(\d{1,2}):(\d{2})\s*")


class RegistryError(ValueError):
    """A source that is unknown, or cannot run as configured (a missing credential, say)."""


@dataclass(frozen=True)
class Credential:
    env: str  # the environment variable holding it, e.g. "BUR_API_KEY"
    default: str | None = None  # sample sources only


@dataclass
class SourceConfig:
    name: str  # "sample-bur"
    title: str
    spider: str  # a spider's `name`, e.g. "sample_bur"
    url: str  # the source's home page, shown in the catalogue
    start_urls: list[str]
    enabled: bool = True
    sample: bool = False  # served by samples.server
    credentials: dict[str, Credential] = field(default_factory=dict)  # spider attribute -> env
    args: dict[str, Any] = field(default_factory=dict)  # further spider attributes
    settings: dict[str, Any] = field(default_factory=dict)  # Scrapy settings for this source
    every: timedelta = DEFAULT_EVERY  # how often the scheduler crawls it
    at: time | None = None  # the time of day (Polish) its runs are pinned to, if any

    @property
    def schedule_text(self) -> str:
        """The schedule as the registry writes it: "6h", "1d o 03:00"."""
        text = format_interval(self.every)
        return f"{text} o {self.at:%H:%M}" if self.at else text

    @property
    def needs_base_url(self) -> bool:
        texts = [self.url, *self.start_urls, *(v for v in self.args.values() if isinstance(v, str))]
        return any(BASE_URL in text for text in texts)

    def spider_kwargs(
        self, base_url: str | None, environ: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """The spider's arguments, with templates filled in and credentials read."""
        environ = credential_environment() if environ is None else environ
        if self.needs_base_url and not base_url:
            raise RegistryError(f"{self.name}: brak adresu serwera przykładowego (base_url)")

        def fill(value: Any) -> Any:
            return (
                value.replace(BASE_URL, base_url.rstrip("/"))
                if isinstance(value, str) and base_url
                else value
            )

        kwargs = {key: fill(value) for key, value in self.args.items()}
        for attribute, credential in self.credentials.items():
            value = environ.get(credential.env) or credential.default
            if not value:
                raise RegistryError(f"{self.name}: ustaw zmienną środowiskową {credential.env}")
            kwargs[attribute] = value
        kwargs.update(
            source_name=self.name,
            source_title=self.title,
            source_url=fill(self.url),
            start_urls=[fill(url) for url in self.start_urls],
        )
        kwargs["allowed_domains"] = declared_domains(kwargs)
        return kwargs

    @property
    def crawl_settings(self) -> dict[str, Any]:
        """The source's Scrapy settings; a sample source (served by the local sample server,
        on 127.0.0.1 by design) may reach loopback addresses, no other source may."""
        return {"LLL_ALLOW_LOOPBACK": True, **self.settings} if self.sample else dict(self.settings)


# Arguments naming a URL the spider does not fetch (the provider's home page, shown as a link).
NOT_FETCHED = frozenset({"provider_url"})


def declared_domains(kwargs: Mapping[str, Any]) -> list[str]:
    """The hosts a source's crawl may visit: those of its `source_url`, `start_urls` and
    `*_url` / `*_template` arguments (e.g. BUR's `login_url`, `url_template`); every request
    to another host is refused (crawlers.middlewares.SafeDestinationMiddleware)."""
    urls = [kwargs.get("source_url", ""), *kwargs.get("start_urls", [])]
    urls += [
        value
        for key, value in kwargs.items()
        if isinstance(value, str)
        and key.endswith(("_url", "_template"))
        and key not in NOT_FETCHED | {"source_url"}
    ]
    return sorted({host for url in urls if (host := urlsplit(str(url)).hostname)})


def parse_interval(text: Any) -> timedelta:
    """ "90m" -> 90 minutes; one whole number and a unit (s, m, h, d), more than zero."""
    found = _INTERVAL.fullmatch(text) if isinstance(text, str) else None
    if found is None or int(found[1]) == 0:
        raise ValueError(
            f'nieprawidłowy odstęp {text!r}: podaj liczbę i jednostkę s, m, h lub d, np. "6h"'
        )
    return timedelta(**{UNITS[found[2]]: int(found[1])})


def format_interval(interval: timedelta) -> str:
    """The shortest registry spelling of an interval: 1 day -> "1d", 90 minutes -> "90m"."""
    seconds = int(interval.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def parse_time_of_day(value: Any) -> time:
    """ "03:00" (or a TOML local time) -> time(3, 0)."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    found = _TIME_OF_DAY.fullmatch(value) if isinstance(value, str) else None
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValueError(f'nieprawidłowa godzina {value!r}: podaj GG:MM, np. "03:00"')
    return time(int(found[1]), int(found[2]))


def parse_source(entry: dict[str, Any]) -> SourceConfig:
    entry = dict(entry)
    credentials = {
        attribute: Credential(env=spec["env"], default=spec.get("default"))
        for attribute, spec in entry.pop("credentials", {}).items()
    }
    try:
        if "every" in entry:
            entry["every"] = parse_interval(entry["every"])
        if "at" in entry:
            entry["at"] = parse_time_of_day(entry["at"])
    except ValueError as exc:
        raise RegistryError(f"{entry.get('name', '?')}: {exc}") from None
    source = SourceConfig(credentials=credentials, **entry)
    if not source.sample and any(c.default for c in credentials.values()):
        raise RegistryError(
            f"{source.name}: tylko źródła przykładowe mogą mieć domyślne dane logowania"
        )
    return source


def load_registry(
    path: Path | str | None = None,
    *,
    sample_sources: bool | None = None,
    engine: Engine | None = None,
) -> dict[str, SourceConfig]:
    """Sources by name, in file order, then the feeds institutions registered in `engine`'s
    catalogue (`database_sources`). Unless `sample_sources` (by default the crawler setting
    LLL_SAMPLE_SOURCES; off in a real deployment), the bundled sample sources count as disabled."""
    with open(path or REGISTRY_FILE, "rb") as handle:
        data = tomllib.load(handle)
    if sample_sources is None:
        sample_sources = CrawlerSettings().sample_sources
    samples_off = not sample_sources
    sources: dict[str, SourceConfig] = {}
    for entry in data.get("sources", []):
        source = parse_source(entry)
        if samples_off and source.sample:
            source.enabled = False
        if source.name in sources:
            raise RegistryError(f"źródło {source.name} występuje dwa razy")
        sources[source.name] = source
    if engine is not None:
        for source in database_sources(engine):
            sources.setdefault(source.name, source)  # the file's source of that name wins
    return sources


def load_sources(
    path: Path | str | None = None,
    *,
    sample_sources: bool | None = None,
    engine: Engine | None = None,
) -> list[SourceConfig]:
    """Every source, in file order, then those registered in `engine`'s catalogue."""
    return list(load_registry(path, sample_sources=sample_sources, engine=engine).values())


# --- Feeds institutions register in the panel -----------------------------------------------

FEED_SPIDER = "feed"  # a CSV or XLSX file (docs/feeds.md)
SITE_SPIDER = "schema_org"  # a site with schema.org markup, read through its sitemap
# A registered address naming one of these is a site's sitemap (or robots.txt naming it);
# any other is a file. The panel checks the address against the kind chosen.
SITE_PATHS = (".xml", ".xml.gz", "/robots.txt")
SITE_MAX_BYTES = 5 * 1024 * 1024  # one page, or one sitemap
# What a crawl of an address an institution typed may do: a few redirects, bounded sizes and
# times (the hosts and addresses it may reach are kept by SafeDestinationMiddleware).
FEED_LIMITS: dict[str, Any] = {
    "REDIRECT_MAX_TIMES": 3,
    "DOWNLOAD_TIMEOUT": 60,  # seconds for one response
    "CLOSESPIDER_TIMEOUT": 3600,  # seconds for the whole run (then partial: nothing withdrawn)
    "RETRY_TIMES": 1,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "DOWNLOAD_DELAY": 1.0,
}


def feed_spider(feed_url: str) -> str:
    """The spider for a registered address: a sitemap (or robots.txt) is a schema.org site's,
    anything else a feed file's."""
    path = urlsplit(feed_url).path.lower()
    return SITE_SPIDER if path.endswith(SITE_PATHS) else FEED_SPIDER


def feed_source_config(
    source: Source, institution: Institution, allow_loopback: bool = False
) -> SourceConfig:
    """A registered feed as a source: its only host is the feed address's, and it runs only
    while enabled and its institution is approved."""
    assert source.feed_url is not None  # only feeds are asked for
    spider = feed_spider(source.feed_url)
    try:
        every = parse_interval(source.every or "1d")
    except ValueError:
        every = DEFAULT_EVERY
    provider = {
        "provider_name": institution.name,
        "provider_town": institution.town,
        "provider_url": institution.website,
    }
    limits = {
        **FEED_LIMITS,
        "DOWNLOAD_MAXSIZE": MAX_BYTES if spider == FEED_SPIDER else SITE_MAX_BYTES,
    }
    if allow_loopback:
        limits["LLL_ALLOW_LOOPBACK"] = True
    return SourceConfig(
        name=source.name,
        title=source.title or institution.name,
        spider=spider,
        url=source.feed_url,
        start_urls=[source.feed_url],
        enabled=source.enabled and institution.approval == Approval.approved,
        args={key: value for key, value in provider.items() if value},
        settings=limits,
        every=every,
    )


def database_sources(engine: Engine, *, allow_loopback: bool | None = None) -> list[SourceConfig]:
    """The feeds registered in the catalogue, oldest first. Loopback addresses are reachable
    only with `allow_loopback` (by default the crawler setting LLL_ALLOW_LOOPBACK, for tests).
    A catalogue that cannot be read (not created yet) lists none: its crawl reports why."""
    if allow_loopback is None:
        allow_loopback = CrawlerSettings().allow_loopback
    query = (
        select(Source, Institution)
        .join(Institution, col(Source.institution_id) == col(Institution.id))
        .where(col(Source.feed_url).is_not(None))
        .order_by(col(Source.id))
    )
    try:
        with Session(engine) as session:
            rows = session.exec(query).all()
    except SQLAlchemyError:
        return []
    return [feed_source_config(source, institution, allow_loopback) for source, institution in rows]


def select_sources(
    registry: dict[str, SourceConfig], names: list[str] | None
) -> list[SourceConfig]:
    """The named sources (enabled or not), or every enabled source when no names are given."""
    if not names:
        return [s for s in registry.values() if s.enabled]
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise RegistryError(f"nieznane źródła: {', '.join(unknown)}")
    return [registry[n] for n in names]
