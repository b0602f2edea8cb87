"""Base spider for sites describing their offers in schema.org JSON-LD, read via their sitemaps."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

from crawlers.items import CrawlError, RawOffer, Rejected
from crawlers.spiders.base import schema_org
from crawlers.spiders.base.common import SourceSpider, url_path


class StructuredDataSpider(SourceSpider, SitemapSpider):
    """Reads every page a site's sitemap lists and turns each schema.org `Course` or
    `EducationalOccupationalProgram` in its JSON-LD into a RawOffer.

    Set:
    - `start_urls`: the sitemap(s) (`.../sitemap.xml`, a sitemap index, or a `robots.txt`);
    - `sitemap_rules` / `sitemap_follow` as in Scrapy's SitemapSpider, with `parse_page` as the
      callback (the default sends every URL there).

    Override `post_process(item, node, response)` to adjust an item (say, to add the provider a
    site never names in its JSON-LD). A page without a wanted type, or with JSON-LD that does
    not parse, is reported as a rejection; a sitemap or page that cannot be fetched, or a
    sitemap that is not one, as a `CrawlError`.
    """

    sitemap_rules = [("", "parse_page")]  # noqa: RUF012  (SitemapSpider's own declaration)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemap_urls = list(getattr(self, "start_urls", ()))

    async def start(self) -> AsyncIterator[Request]:
        for url in self.sitemap_urls:
            yield Request(url, self._parse_sitemap, errback=self.on_request_error)

    def _parse_sitemap(self, response: Response) -> Iterable[Any]:
        # SitemapSpider's requests carry no errback and it only logs a warning for a body
        # that is not a sitemap; both would let a broken crawl pass as complete.
        if not response.url.endswith("/robots.txt") and not self._get_sitemap_body(response):
            return [CrawlError(f"to nie jest mapa strony: {response.url}")]
        return [
            request.replace(errback=self.on_request_error)
            for request in super()._parse_sitemap(response)
        ]

    def parse_page(self, response: Response) -> Iterator[RawOffer | Rejected | None]:
        nodes, malformed = self.jsonld_nodes(response)
        offers = [n for n in nodes if schema_org.is_offer(n)]
        if not offers:
            reason = (
                f"niepoprawny JSON-LD ({malformed} blok(i))"
                if malformed
                else "brak Course ani EducationalOccupationalProgram w JSON-LD"
            )
            types = sorted({t for n in nodes for t in schema_org.types_of(n)})
            payload = {"url": response.url, "types": types, "malformed_blocks": malformed}
            yield self.reject(reason, payload, url_path(response.url))
            return
        for index, node in enumerate(offers):
            external_id = str(
                node.get("@id") or url_path(response.url) + (f"#{index}" if index else "")
            )
            try:
                offer = schema_org.to_offer(
                    node, source=self.source_name, url=response.url, external_id=external_id
                )
                item = self.post_process(offer, node, response)
            except Exception as exc:  # one odd node must not stop the crawl
                yield self.reject(f"nie można odczytać JSON-LD: {exc!r}", node, external_id)
                continue
            yield self.checked(item, {"url": response.url, "jsonld": node})

    def jsonld_nodes(self, response: Response) -> tuple[list[dict[str, Any]], int]:
        """The JSON-LD objects of a page, and how many of its blocks did not parse."""
        items: list[Any] = []
        malformed = 0
        for script in response.xpath('//script[@type="application/ld+json"]'):
            try:
                items.extend(schema_org.parse_block(script))
            except ValueError:
                malformed += 1
        return list(schema_org.flatten(items)), malformed

    def post_process(
        self, item: RawOffer, node: dict[str, Any], response: Response
    ) -> RawOffer | Rejected | None:
        return item
