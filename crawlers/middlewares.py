"""Downloader middleware: wait and retry when a site answers 429 Too Many Requests."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

TRIES_KEY = "backoff_429_tries"


def retry_after_seconds(value: bytes | None) -> float | None:
    """`Retry-After` as seconds: either a number ("30") or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class BackoffOn429Middleware:
    """Retries a 429 after `Retry-After`, or after an exponential delay, up to a limit.

    Settings: BACKOFF_429_MAX_RETRIES, BACKOFF_429_BASE_DELAY, BACKOFF_429_MAX_DELAY.
    After the last retry the 429 goes on to the spider (its errback records the failure).
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.stats = crawler.stats
        self.max_retries = settings.getint("BACKOFF_429_MAX_RETRIES", 5)
        self.base_delay = settings.getfloat("BACKOFF_429_BASE_DELAY", 2.0)
        self.max_delay = settings.getfloat("BACKOFF_429_MAX_DELAY", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffOn429Middleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status != 429:
            return response
        tries = request.meta.get(TRIES_KEY, 0)
        if tries >= self.max_retries:
            self.stats.inc_value("backoff_429/gave_up")
            return response
        stated = retry_after_seconds(response.headers.get("Retry-After"))
        delay = min(self.max_delay, stated if stated is not None else self.base_delay * 2**tries)
        self.stats.inc_value("backoff_429/retries")
        await asyncio.sleep(delay)
        return request.replace(dont_filter=True, meta={**request.meta, TRIES_KEY: tries + 1})
