"""Downloader middlewares and HTTP cache policies that keep a crawl polite and honest.

- BackoffOn429Middleware: wait and retry when a site answers 429 Too Many Requests;
- HttpCacheMiddleware with RevalidatingPolicy: conditional requests, so an unchanged page costs
  a 304, without ever passing off a stale copy as the source's answer;
- ReplayPolicy: the development cache (LLL_HTTPCACHE=dev) that replays what it fetched;
- Downloader: Scrapy's, keeping each source's CONCURRENT_REQUESTS_PER_DOMAIN when it has no
  download delay.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import Request
from scrapy.core.downloader import Downloader as ScrapyDownloader
from scrapy.core.downloader import Slot
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware as ScrapyHttpCacheMiddleware
from scrapy.extensions.httpcache import DummyPolicy, RFC2616Policy, parse_cachecontrol
from scrapy.http import Response
from scrapy.spiders import Spider
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import deferred_from_coro

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


class HttpCacheMiddleware(ScrapyHttpCacheMiddleware):
    """Scrapy's cache middleware without its "error recovery": after a timeout or a dropped
    connection Scrapy answers with the stale cached copy, and a source that is down would pass
    for one that answered (and the run for a complete one, withdrawing nothing it should keep
    but also verifying what it never saw)."""

    def process_exception(
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> None:
        request.meta.pop("cached_response", None)
        return None


class RevalidatingPolicy(RFC2616Policy):
    """RFC 2616 caching, reusing a body only when the server vouches for it.

    Scrapy's RFC2616Policy goes further in three ways this one does not:
    - it treats a page as fresh for a tenth of its age since Last-Modified (a heuristic from
      Firefox: a page last changed a year ago would not be asked for again for five weeks);
      here only the server's own max-age or Expires make a copy fresh, otherwise we ask;
    - it answers a 5xx with the cached copy (stale-if-error), hiding a failing source;
    - it stores any request's response; here only GET, and only successes (a login POST
      returns a new token each time; a cached 401 or 404 would outlive its cause).
    """

    def should_cache_request(self, request: Request) -> bool:
        return request.method == "GET" and super().should_cache_request(request)

    def should_cache_response(self, response: Response, request: Request) -> bool:
        return response.status < 400 and super().should_cache_response(response, request)

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        cache_control = parse_cachecontrol(cachedresponse.headers.get(b"Cache-Control") or b"")
        if b"max-age" in cache_control or b"Expires" in cachedresponse.headers:
            return super().is_cached_response_fresh(cachedresponse, request)
        ask_if_changed(request, cachedresponse)
        return False

    def is_cached_response_valid(
        self, cachedresponse: Response, response: Response, request: Request
    ) -> bool:
        return response.status == 304


def ask_if_changed(request: Request, cachedresponse: Response) -> None:
    """Make `request` conditional on the cached copy's validators."""
    if b"ETag" in cachedresponse.headers:
        request.headers[b"If-None-Match"] = cachedresponse.headers[b"ETag"]
    if b"Last-Modified" in cachedresponse.headers:
        request.headers[b"If-Modified-Since"] = cachedresponse.headers[b"Last-Modified"]


class ReplayPolicy(DummyPolicy):
    """The development cache: every GET answered once is replayed, whatever its headers say
    (failures listed in HTTPCACHE_IGNORE_HTTP_CODES are not kept). A login POST still goes
    to the site, so a page not yet in the cache is asked for with a fresh token."""

    def should_cache_request(self, request: Request) -> bool:
        return request.method == "GET" and super().should_cache_request(request)


class Downloader(ScrapyDownloader):
    """Scrapy's downloader with one line added: a request counts against its slot's
    concurrency from the moment it is started.

    Scrapy 2.19 starts each download as an asyncio task, which marks itself "transferring"
    only once it runs, while the loop below checks the free slots before any task it started
    has run: with no download delay it starts the whole queue at once (nine requests in flight
    to one site with CONCURRENT_REQUESTS_PER_DOMAIN = 1; tests/crawlers/test_politeness.py).
    A delay hides it, as the loop then starts one request per pass.
    """

    def _process_queue(self, slot: Slot) -> None:
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = now
            request, queue_dfd = slot.queue.popleft()
            slot.transferring.add(request)  # the line added (`_download` adds it again: a set)
            deferred_from_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:  # prevent a burst when a delay is set
                self._process_queue(slot)
                break
