"""What every source spider shares: its place in the registry, error reports, item checks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.items import CrawlError, RawOffer, Rejected

# A field spec: a dotted path into a record ("adres.nazwaMiejscowosci"), a tuple of paths whose
# values are joined with spaces, or a function of the record.
FieldSpec = str | tuple[str, ...] | Callable[[dict[str, Any]], Any]


class SourceSpider(scrapy.Spider):
    """Base of every spider. The registry (`sources.toml`) sets, as spider arguments:

    - `source_name`: the registry name, written into every RawOffer's `source`;
    - `source_title`, `source_url`: how the catalogue names and links the source;
    - `start_urls` and any attribute the concrete base class documents.

    Requests that must succeed for the crawl to be complete use `errback=self.on_request_error`,
    which reports a `CrawlError` to the pipeline; records that cannot become a RawOffer are
    reported with `self.reject(...)`.
    """

    source_name: str = ""
    source_title: str = ""
    source_url: str = ""

    @property
    def robots_blocked(self) -> set[str]:
        """The URLs robots.txt forbade in this run: the pipeline keeps their offers."""
        if "_robots_blocked" not in self.__dict__:
            self._robots_blocked: set[str] = set()
        return self._robots_blocked

    def on_request_error(self, failure: Failure) -> Iterator[CrawlError]:
        if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            # The site asks us not to read the page: not a failure of the crawl, but not an
            # absence either: an offer stored from that page is kept (see `robots_blocked`).
            request = getattr(failure, "request", None)
            self.logger.info("robots.txt zabrania: %s", request)
            if request is not None:
                self.robots_blocked.add(request.url)
            return
        yield CrawlError(describe_failure(failure))

    def reject(
        self, reason: str, payload: dict[str, Any] | Any, external_id: Any = None
    ) -> Rejected:
        if not isinstance(payload, dict):
            payload = {"record": payload}
        return Rejected(reason, payload, str(external_id) if external_id is not None else None)

    def checked(self, item: RawOffer | Rejected | None, payload: Any) -> RawOffer | Rejected | None:
        """The item if the catalogue can key and show it, else its rejection."""
        if not isinstance(item, RawOffer):
            return item
        for name in ("external_id", "title", "url"):
            value = getattr(item, name)
            if not isinstance(value, str) or not value.strip():
                return self.reject(f"brak pola {name}", payload, item.external_id or None)
        return item


def describe_failure(failure: Failure) -> str:
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "?"
    if isinstance(failure.value, HttpError):
        return f"HTTP {failure.value.response.status}: {failure.value.response.url}"
    return f"błąd pobierania {url}: {failure.getErrorMessage()}"


def dig(record: Any, path: str) -> Any:
    """`dig(r, "adres.nazwaMiejscowosci")`: None where any step is missing."""
    value = record
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def pick(record: dict[str, Any], spec: FieldSpec) -> Any:
    if callable(spec):
        return spec(record)
    if isinstance(spec, tuple):
        parts = [dig(record, path) for path in spec]
        text = " ".join(str(p).strip() for p in parts if p not in (None, ""))
        return text or None
    return dig(record, spec)


def url_path(url: str) -> str:
    """The path and query of a URL: an external id that survives a change of host or port."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
