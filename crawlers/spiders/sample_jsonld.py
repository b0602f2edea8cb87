"""A university's continuing-education pages with schema.org JSON-LD (the sample sites).

The registry sets `start_urls` to the site's sitemap; every page it lists is read.
"""

from __future__ import annotations

from crawlers.spiders.base.structured_data import StructuredDataSpider


class SampleJsonLdSpider(StructuredDataSpider):
    name = "sample_jsonld"
    # Pages of offers end in .html; the sitemap lists nothing else today, but a future
    # "index" or "kontakt" page must not be read as a missing offer.
    sitemap_rules = [(r"\.html$", "parse_page")]  # noqa: RUF012
