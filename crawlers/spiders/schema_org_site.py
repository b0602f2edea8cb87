"""An institution's site describing its courses in schema.org JSON-LD or microdata, read
through its sitemap.

One class serves every such site; the registry sets, per source:
- `start_urls`: the sitemap (`https://…/sitemap.xml`, a sitemap index, or `robots.txt`);
- `page_pattern` (optional): a regular expression a page's URL must match to be read, so that
  a contact page or a news post the sitemap lists is not reported as a page without an offer
  (`"/kursy/.+\\.html$"`); without it every page is read;
- `provider_name`, `provider_town`, `provider_url` (optional): the institution, for the
  offers whose markup names no provider (many course templates leave `provider` out).
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawlers.items import RawOffer, Rejected
from crawlers.spiders.base.structured_data import StructuredDataSpider


class SchemaOrgSiteSpider(StructuredDataSpider):
    name = "schema_org"
    provider_name: str | None = None
    provider_town: str | None = None
    provider_url: str | None = None

    def __init__(self, *args: Any, page_pattern: str = "", **kwargs: Any) -> None:
        if page_pattern:  # SitemapSpider reads its rules while it is built
            self.sitemap_rules = [(page_pattern, "parse_page")]
        super().__init__(*args, **kwargs)

    def post_process(
        self, item: RawOffer, node: dict[str, Any], response: Response
    ) -> RawOffer | Rejected | None:
        if not item.provider_name:
            item.provider_name = self.provider_name
            item.provider_town = item.provider_town or self.provider_town
            item.provider_url = item.provider_url or self.provider_url
        return item
