"""The registry of sources (`sources.toml`): what to crawl, with which spider, where, as whom.

URLs are templates: `{base_url}` is the sample server's address for the sample sources.
Credentials are named by environment variable; only sample sources may have defaults.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REGISTRY_FILE = Path(__file__).resolve().parent / "sources.toml"
BASE_URL = "{base_url}"


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
    sample: bool = False  # served by crawlers.samples.server
    credentials: dict[str, Credential] = field(default_factory=dict)  # spider attribute -> env
    args: dict[str, Any] = field(default_factory=dict)  # further spider attributes
    settings: dict[str, Any] = field(default_factory=dict)  # Scrapy settings for this source

    @property
    def needs_base_url(self) -> bool:
        texts = [self.url, *self.start_urls, *(v for v in self.args.values() if isinstance(v, str))]
        return any(BASE_URL in text for text in texts)

    def spider_kwargs(
        self, base_url: str | None, environ: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """The spider's arguments, with templates filled in and credentials read."""
        environ = os.environ if environ is None else environ
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
        return kwargs


def parse_source(entry: dict[str, Any]) -> SourceConfig:
    entry = dict(entry)
    credentials = {
        attribute: Credential(env=spec["env"], default=spec.get("default"))
        for attribute, spec in entry.pop("credentials", {}).items()
    }
    source = SourceConfig(credentials=credentials, **entry)
    if not source.sample and any(c.default for c in credentials.values()):
        raise RegistryError(
            f"{source.name}: tylko źródła przykładowe mogą mieć domyślne dane logowania"
        )
    return source


def load_registry(path: Path | str | None = None) -> dict[str, SourceConfig]:
    """Sources by name, in file order."""
    with open(path or REGISTRY_FILE, "rb") as handle:
        data = tomllib.load(handle)
    sources: dict[str, SourceConfig] = {}
    for entry in data.get("sources", []):
        source = parse_source(entry)
        if source.name in sources:
            raise RegistryError(f"źródło {source.name} występuje dwa razy")
        sources[source.name] = source
    return sources


def load_sources(path: Path | str | None = None) -> list[SourceConfig]:
    """Every source, in file order."""
    return list(load_registry(path).values())


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
