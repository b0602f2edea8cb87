"""The crawlers' settings, read from the environment (or `.env`) like every layer's.

LLL_HTTPCACHE: `revalidate` (default) keeps responses that carry a validator (ETag,
Last-Modified) and asks again with If-None-Match / If-Modified-Since, so an unchanged page
costs a 304; `dev` replays every response ever fetched, for working on a spider offline;
`off` fetches everything afresh. LLL_HTTPCACHE_DIR: where the cache lives.
LLL_SAMPLE_SOURCES: `off` in a real deployment, so the bundled sample sources count as disabled.
LLL_ALLOW_LOOPBACK: tests only: institutions may register feeds on 127.0.0.1 and their crawls
may reach it (a real deployment never: the address check stops server-side request forgery).
LLL_USER_AGENT: the crawler's user agent; empty, it is built from the catalogue's PUBLIC_URL.
A crawl of real sources refuses to start while the user agent links no public page (PUBLIC_URL
left at its default, 127.0.0.1): sites must be able to read who we are (`user_agent_problem`).
(Scrapy's own settings for every crawl are in `crawlers.scrapy_settings`.)
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from dotenv import dotenv_values
from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from catalogue.settings import VAR_DIR

OFF_WORDS = frozenset({"off", "false", "0", "no", "nie"})
ENV_FILE = ".env"


class CrawlerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LLL_", env_file=ENV_FILE, extra="ignore")

    httpcache: Literal["revalidate", "dev", "off"] = "revalidate"
    httpcache_dir: Path = VAR_DIR / "httpcache"
    sample_sources: bool = True
    allow_loopback: bool = False  # tests only (feeds served on 127.0.0.1)
    # HTTP headers are ASCII: no Polish letters here.
    user_agent: str = ""

    @field_validator("sample_sources", mode="before")
    @classmethod
    def _on_or_off(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().lower() not in OFF_WORDS
        return value

    def user_agent_for(self, public_url: str) -> str:
        """Who we are and where to read about it (and whom to write to): `/o-robocie`."""
        return self.user_agent or (
            f"LubuskieLLLBot/0.1 (+{public_url.rstrip('/')}/o-robocie; "
            "katalog ksztalcenia ustawicznego, WUP Zielona Gora)"
        )


def credential_environment() -> dict[str, str]:
    """Where the sources' credentials are read (their variables are named in sources.toml): the
    `.env` file, and the process environment over it, as for every setting."""
    from_file = {key: value for key, value in dotenv_values(ENV_FILE).items() if value is not None}
    return {**from_file, **os.environ}


_LINK = re.compile(r"https?://[^\s;()]+")


def user_agent_problem(user_agent: str) -> str | None:
    """Why a crawl of real sources may not present `user_agent`, or None: it must link a page
    on a public host (a site owner reads it to learn who we are and whom to write to)."""
    link = _LINK.search(user_agent or "")
    host = (urlsplit(link.group()).hostname or "") if link else ""
    if host and _public_host(host):
        return None
    where = f"wskazuje {link.group()}, adres niepubliczny" if link else "nie podaje adresu strony"
    return (
        f"agent użytkownika robota {where}: ustaw PUBLIC_URL na publiczny adres katalogu "
        "(lub LLL_USER_AGENT), zanim robot odwiedzi prawdziwe źródła"
    )


def _public_host(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        name = host.lower().rstrip(".")
        return "." in name and not name.endswith((".localhost", ".local", ".internal", ".lan"))
    return ip.is_global
