"""Institutions' feeds: a CSV or XLSX file at a URL, with the column set of docs/feeds.md.

One class serves every institution: the registry sets `start_urls` (the file) and the
institution (`provider_name`, `provider_town`, `provider_url`) for each `feed-…` source.
"""

from __future__ import annotations

from crawlers.spiders.base.feed import FeedSpider


class InstitutionFeedSpider(FeedSpider):
    name = "feed"
