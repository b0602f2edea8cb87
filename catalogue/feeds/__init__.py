"""Institutions' feeds: a CSV or XLSX file with the column set of docs/feeds.md -> RawOffers.

Used by the feed spider (`crawlers/spiders/base/feed.py`); `lll normalise` reads files with
its column names. It knows nothing of Scrapy or the web. Two steps, each usable alone:
`files.read_table` (bytes -> header and numbered rows) and `offers.offers_from_table`
(rows -> RawOffers and refused rows).

    result = read_feed(data, source="feed-odra", provider=Provider("CKZ Odra", town="Nowa Sól"))
    result.offers, result.rejected
"""

from __future__ import annotations

from catalogue.feeds.errors import FeedError
from catalogue.feeds.files import MAX_BYTES, MAX_ROWS, Limits, read_table
from catalogue.feeds.offers import BadRow, FeedResult, Provider, offers_from_table

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "BadRow",
    "FeedError",
    "FeedResult",
    "Limits",
    "Provider",
    "read_feed",
]


def read_feed(
    data: bytes,
    *,
    source: str,
    provider: Provider = Provider(),
    content_type: str | None = None,
    name: str | None = None,
    limits: Limits = Limits(),
) -> FeedResult:
    """The offers and refused rows of a feed file; `FeedError` when it cannot be read at all.

    `content_type` (the server's) and `name` (a URL or a file name) help tell an XLSX that
    is broken from a CSV.
    """
    table = read_table(data, content_type, name, limits)
    return offers_from_table(table, source, provider)
