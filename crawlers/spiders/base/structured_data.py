"""Base spider for sites describing their offers in schema.org JSON-LD or microdata, read via
their sitemaps."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.spiders import SitemapSpider
from scrapy.utils.response import get_base_url

from crawlers.items import CrawlError, RawOffer, Rejected
from crawlers.spiders.base import microdata, schema_org
from crawlers.spiders.base.common import SourceSpider, url_path

JSONLD, MICRODATA = "jsonld", "microdata"
# What may tell two offers apart besides their name (see `same_offer`).
IDENTITY_KEYS = ("@id", "url", "courseCode")


class StructuredDataSpider(SourceSpider, SitemapSpider):
    """Reads every page a site's sitemap lists and turns each schema.org `Course` or
    `EducationalOccupationalProgram` in its JSON-LD or microdata into a RawOffer.

    Set:
    - `start_urls`: the sitemap(s) (`.../sitemap.xml`, a sitemap index, or a `robots.txt`);
    - `sitemap_rules` / `sitemap_follow` as in Scrapy's SitemapSpider, with `parse_page` as the
      callback (the default sends every URL there).

    Override `post_process(item, node, response)` to adjust an item (say, to add the provider a
    site never names). A page without a wanted type, or with JSON-LD that does not parse, is
    reported as a rejection; a sitemap or page that cannot be fetched, or a sitemap that is not
    one, as a `CrawlError`.

    Microdata items become nodes of the JSON-LD shape (`microdata.to_node`), so one mapping
    (`schema_org.to_offer`) reads both. An offer is a top-level node of a wanted type, or the
    `mainEntity` of another node (`<body itemtype=".../WebPage">` around
    `<article itemprop="mainEntity" itemtype=".../Course">`). A page stating one offer in both
    syntaxes (a CMS plugin's JSON-LD next to the template's microdata) yields it once, from
    the JSON-LD: a microdata offer is dropped when a JSON-LD offer of the page has the same
    name and does not differ in `@id`, `url` or `courseCode` where both state them.
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
        jsonld, malformed = self.jsonld_nodes(response)
        from_microdata = self.microdata_nodes(response)
        offers = page_offers(jsonld, from_microdata, response.url)
        if not offers:
            yield self.no_offer(response, jsonld + from_microdata, malformed)
            return
        for index, (syntax, node) in enumerate(offers):
            yield self.offer_item(response, syntax, node, index)

    def offer_item(
        self, response: Response, syntax: str, node: dict[str, Any], index: int
    ) -> RawOffer | Rejected | None:
        external_id = str(
            node.get("@id") or url_path(response.url) + (f"#{index}" if index else "")
        )
        try:
            offer = schema_org.to_offer(
                node, source=self.source_name, url=response.url, external_id=external_id
            )
            item = self.post_process(offer, node, response)
        except Exception as exc:  # one odd node must not stop the crawl
            where = "JSON-LD" if syntax == JSONLD else "mikrodanych"
            return self.reject(f"nie można odczytać {where}: {exc!r}", node, external_id)
        return self.checked(item, {"url": response.url, syntax: node})

    def no_offer(self, response: Response, nodes: list[dict[str, Any]], malformed: int) -> Rejected:
        reason = (
            f"niepoprawny JSON-LD ({malformed} blok(i))"
            if malformed
            else "brak Course ani EducationalOccupationalProgram w JSON-LD ani w mikrodanych"
        )
        types = sorted({t for n in nodes for t in schema_org.types_of(n)})
        payload = {"url": response.url, "types": types, "malformed_blocks": malformed}
        return self.reject(reason, payload, url_path(response.url))

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

    def microdata_nodes(self, response: Response) -> list[dict[str, Any]]:
        """The microdata items of a page, shaped as JSON-LD nodes."""
        if not isinstance(response, TextResponse):  # a body that is not text has none
            return []
        return microdata.nodes(response.selector.root, get_base_url(response))

    def post_process(
        self, item: RawOffer, node: dict[str, Any], response: Response
    ) -> RawOffer | Rejected | None:
        return item


def page_offers(
    jsonld: list[dict[str, Any]], from_microdata: list[dict[str, Any]], page_url: str
) -> list[tuple[str, dict[str, Any]]]:
    """The page's offers, each once, as (syntax, node): JSON-LD first, then the microdata
    offers no JSON-LD offer already states."""
    stated = list(offers_in(jsonld))
    extra = [
        node
        for node in offers_in(from_microdata)
        if not any(same_offer(node, other, page_url) for other in stated)
    ]
    return [(JSONLD, node) for node in stated] + [(MICRODATA, node) for node in extra]


def offers_in(nodes: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        if not isinstance(node, dict):
            continue
        if schema_org.is_offer(node):
            yield node
        else:
            main = node.get("mainEntity")
            yield from offers_in(main if isinstance(main, list) else [main])


def same_offer(a: dict[str, Any], b: dict[str, Any], page_url: str) -> bool:
    """Whether two nodes describe one offer: the same name, and no stated difference in
    `@id`, `url` or `courseCode` (one side leaving a key out is no difference)."""
    name = _folded(a.get("name"))
    if name is None or name != _folded(b.get("name")):
        return False
    for key in IDENTITY_KEYS:
        ours, theirs = _identity(a, key, page_url), _identity(b, key, page_url)
        if ours and theirs and ours != theirs:
            return False
    return True


def _folded(value: Any) -> str | None:
    # Plugins write JSON-LD with HTML entities ("Kurs &#8211; spawanie"); microdata is text.
    found = schema_org.text(value)
    return " ".join(html.unescape(found).split()).casefold() if found else None


def _identity(node: dict[str, Any], key: str, page_url: str) -> str | None:
    found = schema_org.text(node.get(key))
    if found is None:
        return None
    if key in ("@id", "url"):
        return urljoin(page_url, found).rstrip("/")  # "/kursy/x.html" is the page's own URL
    return found.casefold()
