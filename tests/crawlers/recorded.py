"""Recorded responses of the real sources, served over real HTTP for spider tests.

Each source has a folder `tests/crawlers/recorded/<source>/` holding the bodies a real source
answers (shaped exactly like its API's: field names, envelopes, paging, error bodies) and an
`exchanges.toml` saying which request gets which body:

    [[exchange]]
    method = "GET"                                   # the default
    path = "/api/usluga"
    query = { idWojewodztwa = "4", strona = "1" }    # the request's query must be exactly this
    headers = { Authorization = "Bearer abc" }       # and carry these headers (optional)
    request_json = { nazwaUzytkownika = "jan" }      # a JSON body holding these (optional)
    status = 200                                     # the default
    body = "usluga-strona-1.json"                    # a file of the folder; or `text = "..."`
    content_type = "application/json; charset=utf-8" # the default for .json bodies
    reply_headers = { ETag = '"v1"' }                # more response headers (optional)
    times = 1                                        # answer this many times, then fall through

The first exchange matching a request answers it; `{base_url}` in a body becomes the server's
address (for absolute `next` links). A request nothing matches gets a 404 with a JSON body and
is listed in `server.unmatched`, so that a test failing on a missing recording says which.
`server.faults` (see `samples.faults`) answers before the recordings, and
`server.requests` logs every request; `Fault`s with `delay` (seconds) answer late, for timeouts.

    with RecordedServer("bur") as server:
        crawl(["recorded-bur"], database_url, base_url=server.base_url, registry_path=...)
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import tomllib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from samples.faults import FaultPlan, RequestLog
from samples.replies import Reply

RECORDED = Path(__file__).resolve().parent / "recorded"
CONTENT_TYPES = {
    ".json": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass
class Exchange:
    path: str
    method: str = "GET"
    query: dict[str, str] | None = None  # None: any query
    headers: dict[str, str] = field(default_factory=dict)
    request_json: dict[str, Any] | None = None
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    reply_headers: dict[str, str] = field(default_factory=dict)
    times: int | None = None

    def matches(
        self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes
    ) -> bool:
        if method != self.method or path != self.path:
            return False
        if self.query is not None and query != self.query:
            return False
        if not all(headers.get(name) == value for name, value in self.headers.items()):
            return False
        return self.request_json is None or _holds(body, self.request_json)


def _holds(body: bytes, expected: dict[str, Any]) -> bool:
    try:
        sent = json.loads(body or b"null")
    except ValueError:
        return False
    return isinstance(sent, dict) and all(sent.get(k) == v for k, v in expected.items())


def load_exchanges(folder: Path) -> list[Exchange]:
    spec = tomllib.loads((folder / "exchanges.toml").read_text(encoding="utf-8"))
    exchanges = []
    for entry in spec.get("exchange", []):
        entry = dict(entry)
        if "body" in entry:
            name = entry.pop("body")
            entry["body"] = (folder / name).read_bytes()
            entry.setdefault("content_type", CONTENT_TYPES.get(Path(name).suffix, "text/plain"))
        elif "text" in entry:
            entry["body"] = entry.pop("text").encode("utf-8")
        if "query" in entry:
            entry["query"] = {k: str(v) for k, v in entry["query"].items()}
        exchanges.append(Exchange(**entry))
    return exchanges


class RecordedServer:
    def __init__(self, source: str | Path, host: str = "127.0.0.1", port: int = 0) -> None:
        folder = Path(source) if isinstance(source, Path) else RECORDED / source
        self.exchanges = load_exchanges(folder)
        self.faults = FaultPlan()
        self.requests = RequestLog()
        self.unmatched: list[str] = []
        self.delays: dict[str, float] = {}  # path -> seconds to wait before answering
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.recorded = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> RecordedServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        if self._thread is not None:
            self._thread.join()
        self._httpd.server_close()

    def answer(self, method: str, target: str, headers: Any, body: bytes = b"") -> Reply:
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        delay = self.delays.get(parts.path)
        if delay:
            time.sleep(delay)
        reply = self.faults.take(method, parts.path, query) or self._recorded(
            method, parts.path, query, headers, body, target
        )
        self.requests.record(method, parts.path, query, reply.status, headers.get("User-Agent"))
        return reply

    def _recorded(
        self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes, target: str
    ) -> Reply:
        with self._lock:
            for exchange in self.exchanges:
                if exchange.times != 0 and exchange.matches(method, path, query, headers, body):
                    if exchange.times is not None:
                        exchange.times -= 1
                    body = exchange.body.replace(b"{base_url}", self.base_url.encode())
                    return Reply(
                        exchange.status, body, exchange.content_type, dict(exchange.reply_headers)
                    )
        if path != "/robots.txt":
            self.unmatched.append(f"{method} {target}")
        return Reply(404, b'{"detail": "no recorded exchange"}', "application/json")


class _Handler(BaseHTTPRequestHandler):
    server_version = "RecordedSource/1.0"

    def do_GET(self) -> None:
        self._serve("GET", b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve("POST", self.rfile.read(length))

    def _serve(self, method: str, body: bytes) -> None:
        recorded: RecordedServer = self.server.recorded  # type: ignore[attr-defined]
        reply = recorded.answer(method, self.path, self.headers, body)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            reply.send(self)  # unless the crawler gave up (a timeout test)

    def log_message(self, format: str, *args: Any) -> None:
        pass
