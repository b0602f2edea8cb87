"""The registry of sources (`sources.toml`): what to crawl, with which spider, where, as whom.

URLs are templates: `{base_url}` is the sample server's address for the sample sources.
Credentials are named by environment variable; only sample sources may have defaults.
`every = "6h"` says how often the scheduler crawls a source (units s, m, h, d; a day by
default) and `at = "03:00"` (Polish time) optionally pins its runs to that time of day.
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
    path: Path | str | None = None, *, sample_sources: bool | None = None
) -> dict[str, SourceConfig]:
    """Sources by name, in file order. Unless `sample_sources` (by default the crawler setting
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
    return sources


def load_sources(
    path: Path | str | None = None, *, sample_sources: bool | None = None
) -> list[SourceConfig]:
    """Every source, in file order."""
    return list(load_registry(path, sample_sources=sample_sources).values())


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
