"""More ways a source fails mid-crawl. Each test starts from a copy of one complete crawl of
fixture-bur and fixture-kkz, crawls once more with one fault, and checks the run's status and
errors, that rejected records are kept with their reason and payload, and that no offer the
complete run stored is withdrawn or altered.

The crawls run as in production, with the HTTP cache on, against a server that sends ETags and
answers 304: a cached copy must never stand in for a page the source failed to serve.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from catalogue.db import get_engine
from crawlers.run import CrawlFailed, crawl
from crawlers.summary import RunSummary
from samples.faults import Fault
from samples.replies import Reply
from samples.server import SampleServer
from tests.crawlers.conftest import FAST, FIXTURE_DATA, FIXTURE_REGISTRY, Catalogue
from tests.postgres_support import Databases

TEST_AGENT = "fault-test"  # the test's own requests, left out of `Scene.asked`
LIST = "/bur/api/usluga"
LOGIN = "/bur/api/autoryzacja/logowanie"
KKZ_LIST = "/kkz/fixture/"
PAGE_TWO = {"strona": "2"}
SOURCES = ("fixture-bur", "fixture-kkz")


@dataclass
class Trouble:
    """What a `Fault` cannot do: answer late, or send less of a body than it promised."""

    path: str
    query: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (ended early by `server.release`)
    keep: float | None = None  # the share of the body sent
    promise_all: bool = True  # Content-Length of the whole body; False: of the part sent

    def matches(self, path: str, query: dict[str, str]) -> bool:
        return Fault(self.path, self.query).matches("GET", path, query)


class FaultyServer(SampleServer):
    """The sample server, with the ETags and 304s of a real web server, and `troubles`."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.troubles: list[Trouble] = []
        self.arrived = threading.Event()  # a late request has come in
        self.release = threading.Event()  # answer every late request now
        self._httpd.RequestHandlerClass = CuttingHandler

    def trouble(self, path: str, query: dict[str, str]) -> Trouble | None:
        return next((t for t in list(self.troubles) if t.matches(path, query)), None)

    def answer(self, method: str, path: str, query: dict[str, str], request: Any) -> Reply:
        trouble = self.trouble(path, query)
        if trouble is not None and trouble.delay:
            self.arrived.set()
            if self.release.wait(trouble.delay):  # released: the crawler is long gone
                return Reply(503, b"", "text/plain")  # (and the next test's log is no place)
        return super().answer(method, path, query, request)

    def _route(self, method: str, path: str, query: dict[str, str], request: Any) -> Reply:
        reply = super()._route(method, path, query, request)
        if method != "GET" or reply.status != 200:
            return reply
        etag = f'"{hashlib.sha256(reply.body).hexdigest()[:20]}"'
        trouble = self.trouble(path, query)
        cut = trouble is not None and trouble.keep is not None  # a body to cut, not a 304
        if request.headers.get("If-None-Match") == etag and not cut:
            return Reply(304, b"", reply.content_type, {"ETag": etag})
        return replace(reply, headers={**reply.headers, "ETag": etag})

    def reset(self) -> None:
        self.release.set()  # wake what an earlier test left waiting
        self.faults.clear()
        self.troubles.clear()
        self.requests.clear()
        self.arrived.clear()
        self.release.clear()


class CuttingHandler(BaseHTTPRequestHandler):
    """SampleServer's handler, sending only part of a body when a Trouble says so."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def read_body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        server: FaultyServer = self.server.sample  # type: ignore[attr-defined]
        reply = server.answer(method, parts.path, query, self)
        trouble = server.trouble(parts.path, query)
        body, length = reply.body, len(reply.body)
        if trouble is not None and trouble.keep is not None:
            body = body[: int(len(body) * trouble.keep)]
            length = length if trouble.promise_all else len(body)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(length))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up waiting

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Complete:
    """One complete crawl of both fixture sources, copied by each test."""

    server: FaultyServer
    databases: Databases
    database_url: str
    cache: Path


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Iterator[Complete]:
    root = tmp_path_factory.mktemp("complete")
    shutil.copytree(FIXTURE_DATA, root / "data")
    with FaultyServer(root / "data") as server:
        database_url, cache = databases.create(root), root / "httpcache"
        summaries = crawl(
            list(SOURCES),
            database_url,
            base_url=server.base_url,
            settings={**FAST, "HTTPCACHE_DIR": str(cache)},
            registry_path=FIXTURE_REGISTRY,
        )
        assert [s.status for s in summaries] == ["success", "success"]
        yield Complete(server, databases, database_url, cache)
        server.release.set()


Snapshot = dict[str, tuple[Any, ...]]


def snapshot(catalogue: Catalogue, source: str) -> Snapshot:
    return {
        external_id: (offer.status, offer.content_hash, offer.last_changed, offer.title)
        for external_id, offer in catalogue.offers(source).items()
    }


class Scene:
    """A private copy of the complete crawl (database and HTTP cache) and the shared server."""

    def __init__(self, complete: Complete, folder: Path) -> None:
        self.server = complete.server
        self.server.reset()
        self.database_url = complete.databases.copy(complete.database_url, folder)
        self.cache = folder / "httpcache"
        shutil.copytree(complete.cache, self.cache)
        self.catalogue = Catalogue(get_engine(self.database_url))
        self.before = {source: snapshot(self.catalogue, source) for source in SOURCES}

    def crawl(self, source: str, **settings: Any) -> RunSummary:
        (summary,) = self.crawl_all([source], **settings)
        return summary

    def crawl_all(self, sources: list[str] | None = None, **settings: Any) -> list[RunSummary]:
        return crawl(
            sources or list(SOURCES),
            self.database_url,
            base_url=self.server.base_url,
            settings={**FAST, "HTTPCACHE_DIR": str(self.cache), **settings},
            registry_path=FIXTURE_REGISTRY,
        )

    def assert_nothing_withdrawn_or_altered(self, source: str) -> None:
        assert self.before[source], "the complete crawl stored offers"
        assert snapshot(self.catalogue, source) == self.before[source]

    def asked(self, path: str, query: dict[str, str] | None = None) -> list[int]:
        """The statuses answered to the crawler's requests for `path` (with `query` among their
        parameters)."""
        return [
            seen.status
            for seen in self.server.requests.all(path)
            if Fault(path, query or {}).matches(seen.method, seen.path, seen.query)
            and seen.user_agent != TEST_AGENT
        ]

    def fetch(self, path: str, query: str = "", token: str | None = None) -> bytes:
        """A page as the server serves it now (for a test to break)."""
        headers = {
            "User-Agent": TEST_AGENT,
            **({"Authorization": f"Bearer {token}"} if token else {}),
        }
        request = urllib.request.Request(f"{self.server.base_url}{path}{query}", headers=headers)
        with urllib.request.urlopen(request) as response:
            return response.read()

    def bur_page_two(self) -> dict[str, Any]:
        login = urllib.request.Request(
            self.server.base_url + LOGIN,
            data=json.dumps({"nazwaUzytkownika": "demo", "kluczAutoryzacyjny": "demo"}).encode(),
            headers={"Content-Type": "application/json", "User-Agent": TEST_AGENT},
        )
        with urllib.request.urlopen(login) as response:
            token = json.loads(response.read())["token"]
        return json.loads(self.fetch(LIST, "?idWojewodztwa=4&strona=2", token))


@pytest.fixture
def scene(complete: Complete, tmp_path: Path) -> Scene:
    return Scene(complete, tmp_path)


def test_a_page_that_answers_too_late_fails_the_page_and_withdraws_nothing(scene):
    scene.server.troubles.append(Trouble(LIST, PAGE_TWO, delay=3.0))

    summary = scene.crawl("fixture-bur", DOWNLOAD_TIMEOUT=1)

    assert summary.status == "partial"
    assert any("strona=2" in e and "took longer than 1" in e for e in summary.errors)
    assert summary.withdrawn == 0
    assert summary.unchanged == summary.seen - summary.rejected > 0  # page one only
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def test_a_page_failing_every_retry_with_503_is_not_replaced_by_its_cached_copy(scene):
    scene.server.faults.add(Fault(LIST, query=PAGE_TWO, status=503))

    summary = scene.crawl("fixture-bur")

    assert summary.status == "partial"
    assert any("HTTP 503" in error and "strona=2" in error for error in summary.errors)
    assert scene.asked(LIST, PAGE_TWO) == [503, 503]  # once, and once more (RETRY_TIMES = 1)
    assert scene.asked(LIST, {"strona": "1"}) == [304]  # the cache is in play
    assert summary.withdrawn == 0
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def test_a_json_page_cut_in_half_fails_the_page(scene):
    # A complete-looking reply: its Content-Length is that of the half sent.
    scene.server.troubles.append(Trouble(LIST, PAGE_TWO, keep=0.5, promise_all=False))

    summary = scene.crawl("fixture-bur")

    assert summary.status == "partial"
    assert any("niepoprawny JSON" in e and "strona=2" in e for e in summary.errors)
    assert summary.withdrawn == 0
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def test_bodies_shorter_than_their_content_length_fail_their_pages(scene):
    # Both sources in one crawl: a JSON page and an HTML list page, each cut short.
    for path in (LIST, KKZ_LIST):
        scene.server.troubles.append(Trouble(path, PAGE_TWO, keep=0.5, promise_all=True))

    summaries = scene.crawl_all()

    for summary, path in zip(summaries, (LIST, KKZ_LIST), strict=True):
        assert summary.status == "partial"
        assert any("strona=2" in e and "błąd pobierania" in e for e in summary.errors)
        assert scene.asked(path, PAGE_TWO) == [200, 200]  # retried once, cut short again
        assert summary.withdrawn == 0
        scene.assert_nothing_withdrawn_or_altered(summary.source)


def test_a_list_page_of_broken_html_withdraws_nothing(scene):
    broken = (
        "<html><head><title>Błąd</title><body><div class='err'><p>Warning: mysqli_connect(): "
        "(HY000/2002)<p>Fatal error: Uncaught Exception<table><tr><td>in /var/www/kursy.php"
    )
    scene.server.faults.add(Fault(KKZ_LIST, status=200, body=broken, content_type="text/html"))

    summary = scene.crawl("fixture-kkz")

    assert (summary.status, summary.seen, summary.withdrawn) == ("failed", 0, 0)
    assert any("nie podało żadnej oferty" in error for error in summary.errors)
    scene.assert_nothing_withdrawn_or_altered("fixture-kkz")


def test_a_course_page_with_mangled_markup_reads_the_same(scene):
    path = next(iter(scene.before["fixture-kkz"]))  # the external id is the page's path
    page = scene.fetch(path).decode("utf-8")
    for closing in ("</dd>", "</dt>", "</li>", "</p>", "</td>", "</tr>", "</body>", "</html>"):
        page = page.replace(closing, "")
    mangled = page.replace("<dl class='szczegoly'>", "<dl class='szczegoly'><<br/ >")
    scene.server.faults.add(Fault(path, status=200, body=mangled, content_type="text/html"))

    summary = scene.crawl("fixture-kkz")

    assert scene.asked(path) == [200]
    assert (summary.status, summary.updated, summary.rejected) == ("success", 0, 0)
    scene.assert_nothing_withdrawn_or_altered("fixture-kkz")


def test_page_two_in_another_envelope_fails_the_page(scene):
    records = scene.bur_page_two()["lista"]
    body = json.dumps({"page": 2, "total": 27, "items": records}, ensure_ascii=False)
    scene.server.faults.add(Fault(LIST, query=PAGE_TWO, status=200, body=body))

    summary = scene.crawl("fixture-bur")

    assert summary.status == "partial"
    assert any("brak listy 'lista'" in error for error in summary.errors)
    assert summary.withdrawn == 0
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def test_records_missing_a_title_are_rejected_with_their_payload_and_their_offers_kept(scene):
    page = scene.bur_page_two()
    for record in page["lista"]:
        del record["tytul"]
    body = json.dumps(page, ensure_ascii=False)
    scene.server.faults.add(Fault(LIST, query=PAGE_TWO, status=200, body=body))

    summary = scene.crawl("fixture-bur")

    assert summary.status == "success"  # a bad record is the source's problem, not the crawl's
    assert summary.rejected == 2 + len(page["lista"])  # two bad records on page one already
    new = scene.catalogue.rejections("fixture-bur")[-len(page["lista"]) :]
    assert [(r.external_id, r.reason, r.payload) for r in new] == [
        (str(record["id"]), "brak pola title", record) for record in page["lista"]
    ]
    assert all(r.crawl_run_id == summary.run_id for r in new)
    assert summary.withdrawn == 0
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def test_records_that_lost_their_id_field_withdraw_nothing(scene):
    page = scene.bur_page_two()
    for record in page["lista"]:
        record["idUslugi"] = record.pop("id")
    body = json.dumps(page, ensure_ascii=False)
    scene.server.faults.add(Fault(LIST, query=PAGE_TWO, status=200, body=body))

    summary = scene.crawl("fixture-bur")

    assert summary.status == "partial"
    assert any("bez identyfikatora" in error for error in summary.errors)
    new = scene.catalogue.rejections("fixture-bur")[-len(page["lista"]) :]
    assert [(r.external_id, r.reason, r.payload) for r in new] == [
        (None, "rekord bez pola id", record) for record in page["lista"]
    ]
    assert summary.withdrawn == 0
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def test_a_429_storm_beyond_the_retry_budget_fails_the_page_after_backing_off(scene):
    scene.server.faults.add(Fault(LIST, query=PAGE_TWO, status=429))

    summary = scene.crawl("fixture-bur", BACKOFF_429_MAX_RETRIES=2, BACKOFF_429_BASE_DELAY=0.2)

    assert summary.status == "partial"
    assert any("HTTP 429" in error and "strona=2" in error for error in summary.errors)
    asked = [s for s in scene.server.requests.all(LIST) if s.query.get("strona") == "2"]
    assert [s.status for s in asked] == [429, 429, 429]  # the first ask and two retries
    pauses = [later.at - earlier.at for earlier, later in pairwise(asked)]
    assert pauses[0] >= 0.2 and pauses[1] >= 0.4  # doubling
    assert summary.withdrawn == 0
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")


def crawling_children() -> list[int]:
    """Process ids of this process's children running `crawlers.child`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:  # it ended meanwhile
            continue
        if f"PPid:\t{os.getpid()}\n" in status and b"crawlers.child" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_a_crawl_killed_midway_is_marked_failed_and_the_next_one_works(scene):
    scene.server.troubles.append(Trouble(LIST, PAGE_TWO, delay=30.0))
    outcome: list[BaseException | list[RunSummary]] = []

    def run() -> None:
        try:
            outcome.append([scene.crawl("fixture-bur")])
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert scene.server.arrived.wait(20), "the crawl reached page two"
    (child,) = crawling_children()
    os.kill(child, signal.SIGKILL)
    worker.join(20)

    (failure,) = outcome
    assert isinstance(failure, CrawlFailed)
    killed = scene.catalogue.runs("fixture-bur")[-1]
    assert killed.status == "failed" and killed.finished_at is not None
    assert any("-9" in error for error in killed.errors)
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")

    scene.server.troubles.clear()
    scene.server.release.set()
    summary = scene.crawl("fixture-bur")
    assert (summary.status, summary.new, summary.updated) == ("success", 0, 0)
    assert summary.unchanged == len(scene.before["fixture-bur"])
    scene.assert_nothing_withdrawn_or_altered("fixture-bur")
