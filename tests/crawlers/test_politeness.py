"""Politeness: who we say we are, how hard each source is hit, and what a second crawl costs.

robots.txt is tested with the other faults (tests/crawlers/test_crawl_faults.py).
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from catalogue.settings import CatalogueSettings
from crawlers.run import crawl
from crawlers.settings import CrawlerSettings
from crawlers.summary import RunSummary
from samples.replies import Reply
from tests.crawlers.recorded import RECORDED, RecordedServer

# What the crawl does over HTTP, not the database: SQLite only (decision 0010).
pytestmark = pytest.mark.crawl_not_database

FOLDER = RECORDED / "faults_polite"
REGISTRY = FOLDER / "sources.toml"
QUIET = {"AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING"}  # and no DOWNLOAD_DELAY here
PAGES = ["kursy.html", *(f"kurs-{n}.html" for n in range(1, 7))]

OUR_AGENT = CrawlerSettings().user_agent_for(CatalogueSettings().public_url)


class PoliteServer(RecordedServer):
    """A RecordedServer that answers a conditional request with 304 as web servers do, and
    notes when each request of each site (the path's first segment) came and how many of a
    site's requests were in flight at once."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.arrivals: dict[str, list[float]] = defaultdict(list)
        self.most_in_flight: Counter[str] = Counter()
        self._in_flight: Counter[str] = Counter()
        self._count_lock = threading.Lock()

    def answer(self, method: str, target: str, headers: Any, body: bytes = b"") -> Reply:
        site = urlsplit(target).path.split("/")[1]
        with self._count_lock:
            self.arrivals[site].append(time.monotonic())
            self._in_flight[site] += 1
            self.most_in_flight[site] = max(self.most_in_flight[site], self._in_flight[site])
        try:
            return super().answer(method, target, headers, body)
        finally:
            with self._count_lock:
                self._in_flight[site] -= 1

    def _recorded(
        self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes, target: str
    ) -> Reply:
        reply = super()._recorded(method, path, query, headers, body, target)
        if reply.status == 200 and not_modified(headers, reply.headers):
            return Reply(304, b"", reply.content_type, reply.headers)
        return reply

    def change(self, path: str, body_file: str, etag: str) -> None:
        """The page at `path` now reads as `body_file`, with a new ETag."""
        (exchange,) = [e for e in self.exchanges if e.path == path]
        exchange.body = (FOLDER / body_file).read_bytes()
        exchange.reply_headers = {**exchange.reply_headers, "ETag": etag}

    def asked(self, site: str) -> dict[str, int]:
        """The status each page of `site` was answered with (robots.txt left out)."""
        return {
            seen.path.rsplit("/", 1)[1]: seen.status
            for seen in self.requests.all()
            if seen.path.startswith(f"/{site}/")
        }


def not_modified(request: Any, validators: dict[str, str]) -> bool:
    etag, since = request.get("If-None-Match"), request.get("If-Modified-Since")
    if etag is not None:
        return etag == validators.get("ETag")
    if since is not None and "Last-Modified" in validators:
        modified = parsedate_to_datetime(validators["Last-Modified"])
        return modified <= parsedate_to_datetime(since)
    return False


@pytest.fixture
def server() -> Iterator[PoliteServer]:
    with PoliteServer(FOLDER) as running:
        yield running


def crawl_sources(
    server: PoliteServer, database_url: str, *names: str, **settings: Any
) -> list[RunSummary]:
    return crawl(
        list(names),
        database_url,
        base_url=server.base_url,
        settings={**QUIET, **settings},
        registry_path=REGISTRY,
    )


def test_the_user_agent_names_the_crawler_and_links_a_page_about_it():
    from crawlers import scrapy_settings as crawler_settings

    agent = crawler_settings.USER_AGENT
    assert agent == OUR_AGENT
    assert agent.isascii()  # an HTTP header
    # "Name/version (+https://where.to/read-about-it; what it is)", as search engines' bots do
    assert re.fullmatch(r"[A-Za-z]+Bot/[0-9.]+ \(\+https?://[^\s;]+/o-robocie; [^()]+\)", agent)


def test_each_source_keeps_its_own_delay_and_concurrency_when_crawled_together(
    server, database_url
):
    server.delays.update({f"/wolne/kurs-{n}.html": 0.05 for n in range(1, 7)})
    server.delays.update({f"/szybkie/kurs-{n}.html": 0.3 for n in range(1, 7)})

    slow, fast = crawl_sources(server, database_url, "wolne", "szybkie")

    assert [(s.status, s.new) for s in (slow, fast)] == [("success", 6), ("success", 6)]
    # wolne: one request at a time, 0.3 s apart (its pages answer in 0.05 s)
    arrived = server.arrivals["wolne"]
    assert server.most_in_flight["wolne"] == 1
    assert (arrived[-1] - arrived[0]) / (len(arrived) - 1) >= 0.27
    # szybkie: three at a time (its pages answer in 0.3 s), with no pause between
    assert server.most_in_flight["szybkie"] == 3
    assert {seen.user_agent for seen in server.requests.all()} == {OUR_AGENT}
    assert not server.unmatched


def test_a_second_crawl_asks_only_whether_pages_changed_and_reads_what_did(
    server, database_url, tmp_path
):
    cache = {"HTTPCACHE_DIR": str(tmp_path / "httpcache")}
    first, *_ = crawl_sources(server, database_url, "walidowane", **cache)
    assert (first.status, first.new) == ("success", 6)
    assert server.asked("walidowane") == dict.fromkeys(PAGES, 200)

    server.requests.clear()
    second, *_ = crawl_sources(server, database_url, "walidowane", **cache)

    assert (second.status, second.unchanged, second.updated) == ("success", 6, 0)
    # Pages with an ETag or a Last-Modified date (even one from 2020, which Scrapy's own
    # policy would deem fresh for months) are asked again and cost a 304; the page the server
    # declared fresh for an hour (max-age=3600) is not asked at all.
    assert server.asked("walidowane") == {page: 304 for page in PAGES if page != "kurs-6.html"}

    server.change("/walidowane/kurs-2.html", "kurs-2-zmieniony.html", etag='"kurs-2-v2"')
    server.requests.clear()
    third, *_ = crawl_sources(server, database_url, "walidowane", **cache)

    assert (third.status, third.unchanged, third.updated) == ("success", 5, 1)
    assert server.asked("walidowane")["kurs-2.html"] == 200
    assert not server.unmatched


def test_the_development_cache_replays_every_page_without_asking(
    server, database_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("LLL_HTTPCACHE", "dev")
    monkeypatch.setenv("LLL_HTTPCACHE_DIR", str(tmp_path))
    first, *_ = crawl_sources(server, database_url, "szybkie")
    assert (first.status, first.new) == ("success", 6)
    assert server.asked("szybkie") == dict.fromkeys(
        PAGES, 200
    )  # no validators: only the dev cache keeps them

    server.requests.clear()
    second, *_ = crawl_sources(server, database_url, "szybkie")

    assert (second.status, second.unchanged) == ("success", 6)
    assert server.requests.all() == []  # robots.txt included
    assert (tmp_path / "dev").is_dir()
