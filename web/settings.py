"""The web layer's settings, and the settings the web app is built from.

`create_app` takes any object with the four layers' settings (`AppSettings`); the command line
composes them once (`lll.settings.Settings`), tests compose their own.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from operations.settings import OperationSettings


class WebSettings(BaseSettings):
    """SAMPLE_DATA: show the banner saying the catalogue holds the bundled sample sources
    (on by default; `false` in a real deployment). RATE_LIMIT…: per-client budgets of the API
    and of the pages (`web/ratelimit.py`). Timeouts and connections: how `lll serve` runs
    uvicorn, in how many processes (`WEB_WORKERS`, `web/serving.py`), each running
    `WEB_THREADS` requests at once. TRUSTED_PROXIES: the addresses or networks of reverse
    proxies whose X-Forwarded-Proto/-For are believed (`web/edge.py`). SITEMAP_MAX_URLS: URLs
    in one sitemap file (the protocol's limit, 50,000, by default)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    sample_data: bool = True
    rate_limits: bool = True
    rate_limit_api_per_second: float = Field(20.0, ge=0)
    rate_limit_api_burst: int = Field(60, ge=0)
    rate_limit_pages_per_second: float = Field(10.0, ge=0)
    rate_limit_pages_burst: int = Field(40, ge=0)
    request_read_timeout: float = Field(10.0, gt=0)
    keep_alive_timeout: int = Field(5, gt=0)
    max_connections: int = Field(1000, gt=0)
    web_workers: int = Field(1, ge=1, le=64)
    web_threads: int = Field(4, ge=1, le=64)
    trusted_proxies: str = ""
    # issue 14: URLs per sitemap file; past it /sitemap.xml is an index of files (web/sitemap.py)
    sitemap_max_urls: int = Field(50_000, ge=1, le=50_000)


class AppSettings(OperationSettings, Protocol):
    """What the web app reads: its own settings and those of the layers below it."""

    @property
    def web(self) -> WebSettings: ...
