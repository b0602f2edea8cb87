"""Base spider for an institution's feed: a CSV or XLSX file at a URL, with the column set of
docs/feeds.md. The file is read by `catalogue.feeds`, which knows nothing of Scrapy; this
spider only fetches it and reports what came of it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from catalogue.feeds import MAX_BYTES, BadRow, FeedError, Provider, read_feed
from crawlers.items import CrawlError, RawOffer, Rejected
from crawlers.spiders.base.common import SourceSpider


class FeedSpider(SourceSpider):
    """Reads one feed file per start URL; each row becomes an edition of its offer.

    Set (in the registry's `[sources.args]`):
    - `start_urls`: the file(s); CSV or XLSX is told from the bytes and the Content-Type;
    - `provider_name`, `provider_url`, `provider_town`: the institution, for the offers whose
      row names no `organizator`.

    A row that cannot be used is a `Rejected` (its number and reason in Polish, the row as
    written in the payload) and the rest is stored; a file that cannot be read at all (not a
    CSV or XLSX, empty, without the required columns, a truncated XLSX, an HTTP error) is a
    `CrawlError`, so the run is not complete and nothing is withdrawn. With several files,
    an `id_oferty` must be unique across them: a repeat in a later file is rejected.
    """

    provider_name: str | None = None
    provider_url: str | None = None
    provider_town: str | None = None
    # A file that reads well but lists under half the offers of the last good one (an export
    # cut short) fails its run: `CrawlRecorder.finish(doubt_fails=True)`.
    custom_settings = {  # noqa: RUF012  (Scrapy's declaration)
        "DOWNLOAD_MAXSIZE": MAX_BYTES,
        "DOUBTFUL_RUN_FAILS": True,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer_files: dict[str, str] = {}  # id_oferty -> the file that listed it

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls:
            yield Request(url, callback=self.parse, errback=self.on_request_error)

    def on_request_error(self, failure: Failure) -> Iterator[CrawlError]:
        if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            # The institution gave us this file to read: a ban on it is a broken feed, not
            # an empty one (which would withdraw every offer).
            request = getattr(failure, "request", None)
            url = request.url if request is not None else "?"
            yield CrawlError(f"robots.txt zabrania pobrania pliku: {url}")
            return
        yield from super().on_request_error(failure)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        try:
            result = read_feed(
                response.body,
                source=self.source_name,
                provider=Provider(self.provider_name, self.provider_url, self.provider_town),
                content_type=content_type,
                name=response.url,
            )
        except FeedError as exc:
            yield CrawlError(f"nie można odczytać pliku {response.url}: {exc}")
            return
        for offer in result.offers:
            yield self.once(offer, response.url)
        for row in result.rejected:
            yield self.reject(row.reason, row_payload(row, response.url), row.offer_id)

    def once(self, offer: RawOffer, url: str) -> RawOffer | Rejected | None:
        """The offer, or its rejection when another file of the source listed it first."""
        first = self.offer_files.setdefault(offer.external_id, url)
        if first != url:
            reason = f"id_oferty {offer.external_id} występuje już w pliku {first}"
            return self.reject(reason, {"plik": url, "oferta": offer.to_dict()}, offer.external_id)
        return self.checked(offer, {"plik": url, "oferta": offer.to_dict()})


def row_payload(row: BadRow, url: str) -> dict[str, Any]:
    return {"plik": url, "wiersz": row.number, "dane": row.cells}
