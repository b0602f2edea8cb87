"""Downloader middlewares and HTTP cache policies that keep a crawl polite and honest.

- BackoffOn429Middleware: wait and retry when a site answers 429 Too Many Requests;
- HttpCacheMiddleware with RevalidatingPolicy: conditional requests, so an unchanged page costs
  a 304, without ever passing off a stale copy as the source's answer;
- ReplayPolicy: the development cache (LLL_HTTPCACHE=dev) that replays what it fetched;
- SafeDestinationMiddleware: every request stays on its source's domains and off private
  networks (no server-side request forgery through a sitemap or a redirect);
- Downloader: Scrapy's, keeping each source's CONCURRENT_REQUESTS_PER_DOMAIN when it has no
  download delay.
"""

from __future__ import annotations

import asyncio
import ipaddress
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import Request
from scrapy.core.downloader import Downloader as ScrapyDownloader
from scrapy.core.downloader import Slot
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware as ScrapyHttpCacheMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.httpcache import DummyPolicy, RFC2616Policy, parse_cachecontrol
from scrapy.http import Response
from scrapy.spiders import Spider
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

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


# Stats keys: requests refused because their host is not one the source declared, or because
# it resolves to an address a crawl must never reach.
OFFSITE_STAT = "lll/refused_offsite"
ADDRESS_STAT = "lll/refused_address"


def on_domains(host: str, domains: list[str]) -> bool:
    """Whether `host` is one of `domains` or a subdomain of one."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in (d.lower().strip(".") for d in domains))


def forbidden_address(address: str, allow_loopback: bool = False) -> str | None:
    """Why a crawl must not connect to `address` (an IP literal), or None when it may.

    Private, loopback, link-local (169.254.169.254, the cloud metadata service), multicast,
    reserved, shared (100.64/10) and unspecified addresses are refused; loopback only unless
    `allow_loopback` (the sample sources and tests, which serve on 127.0.0.1).
    """
    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%")[0])
    except ValueError:
        return f"nieprawidłowy adres {address!r}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback else f"adres pętli zwrotnej {ip}"
    if ip.is_global and not (ip.is_multicast or ip.is_reserved):
        return None
    return f"adres niepubliczny {ip}"


class SafeDestinationMiddleware:
    """Keeps every request, redirects included, on its source's declared domains and off
    private networks (the crawler must not become a way into the server's own network).

    - the host must be one of the spider's `allowed_domains` (the registry declares them from
      the source's URLs: `url`, `start_urls` and its `*_url` arguments) or their subdomains,
      whatever the request's `dont_filter`;
    - the host is resolved with the crawl's own (caching) resolver, the one the connection then
      uses, and private, loopback, link-local, multicast and reserved addresses are refused;
      loopback is allowed only with the Scrapy setting LLL_ALLOW_LOOPBACK (sample sources).

    Refused requests are counted (OFFSITE_STAT, ADDRESS_STAT); the pipeline reports the counts
    as run errors, so a run that was refused anything withdraws nothing.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.allow_loopback = crawler.settings.getbool("LLL_ALLOW_LOOPBACK", False)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafeDestinationMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        domains = list(getattr(self.crawler.spider, "allowed_domains", None) or [])
        if not on_domains(host, domains):
            self.stats.inc_value(OFFSITE_STAT)
            allowed = ", ".join(domains) or "brak"
            raise IgnoreRequest(f"odmowa: {request.url} – poza domenami źródła ({allowed})")
        try:
            address = str(ipaddress.ip_address(host))
        except ValueError:
            try:
                address = await maybe_deferred_to_future(reactor_resolve(host))
            except Exception:  # a name that does not resolve: the download reports it
                return None
        reason = forbidden_address(address, self.allow_loopback)
        if reason:
            self.stats.inc_value(ADDRESS_STAT)
            raise IgnoreRequest(f"odmowa: {request.url} – {reason}")
        return None


def reactor_resolve(host: str) -> Deferred[str]:
    from twisted.internet import reactor

    return reactor.resolve(host)  # type: ignore[arg-type]  # a host name, typed as bytes
