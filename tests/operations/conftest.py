"""The application layer's tests crawl the fixture sources as the crawler tests do."""

from tests.crawlers.conftest import (  # noqa: F401  (fixtures, found by name)
    catalogue,
    fixture_data,
    private_http_cache,
    server,
)
