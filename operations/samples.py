"""Start and stop the bundled sample sites, for the sample sources of `crawlers/sources.toml`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from crawlers.registry import SourceConfig
from samples.server import SampleServer

SAMPLE_PORT = 8001  # a stable address keeps the sample offers' URLs the same between crawls


def start_sample_sites() -> SampleServer:
    """The sample sites on 127.0.0.1:8001, or on any free port when that one is taken."""
    try:
        return SampleServer(port=SAMPLE_PORT).start()
    except OSError:
        return SampleServer().start()


@contextmanager
def sample_sites_for(
    sources: Iterable[SourceConfig], base_url: str | None = None
) -> Iterator[str | None]:
    """The sample sites' address for these sources: `base_url` when given, else sites started
    for as long as the block runs when a source needs them (None when none does)."""
    if base_url is not None or not any(source.needs_base_url for source in sources):
        yield base_url
        return
    server = start_sample_sites()
    try:
        yield server.base_url
    finally:
        server.stop()
