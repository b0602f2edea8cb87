"""A stand-in for a Meilisearch server on a real socket, for the request tests.

    with FakeMeili({"offers": 12}) as meili:       # 127.0.0.1, a free port
        MeiliBackend(meili.url, "key").count()
        assert meili.lines() == ["GET /indexes/offers/stats"]

It records every request as it arrives (method, path, query, JSON body, headers) and answers
the way Meilisearch's API reference describes: writes enqueue a task (`202` and the task's
summary), `GET /tasks/{n}` reports it succeeded (or failed, when a test says so in `failing`,
or still processing, when `stuck`), missing indexes answer `404 index_not_found`, and a server
started with a `master_key` refuses requests without it (`401`/`403`). Searches answer what the
test gives (`answer`): tests check the exact requests the official client sends and how the
answers are read; nothing here ranks or filters documents.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

Answer = Callable[[str, dict[str, Any]], dict[str, Any]]  # (path, body) -> search answer
Reply = tuple[int, Any]  # status, JSON body

MOMENT = "2026-03-02T10:00:00.000000Z"  # when every task was enqueued, started and finished


@dataclass
class Sent:
    method: str
    path: str
    params: dict[str, str]
    body: Any
    headers: dict[str, str]  # names in lower case

    @property
    def line(self) -> str:
        return f"{self.method} {self.path}"


def no_hits(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if "queries" in body and not body.get("federation"):
        return {"results": [no_hits(path, q) for q in body["queries"]]}
    return {"hits": [], "totalHits": 0, "facetDistribution": {}}


@dataclass
class FakeMeili:
    indexes: dict[str, int] = field(default_factory=dict)  # uid -> number of documents
    answer: Answer = no_hits
    failing: dict[str, dict[str, str]] = field(default_factory=dict)  # task type -> error
    master_key: str | None = None  # None: an open server, which reads no Authorization
    stuck: bool = False  # tasks stay `processing`
    delay: float = 0.0  # seconds before each answer
    sent: list[Sent] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)

    def __enter__(self) -> FakeMeili:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.fake = self  # type: ignore[attr-defined]
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._thread.join()
        self._httpd.server_close()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def lines(self, without_tasks: bool = False) -> list[str]:
        return [s.line for s in self.sent if not (without_tasks and s.path.startswith("/tasks/"))]

    def bodies(self, method: str, path: str) -> list[Any]:
        return [s.body for s in self.sent if s.method == method and s.path == path]

    def handle(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Reply:
        parts = urlsplit(target)
        body = json.loads(raw) if raw else None
        with self._lock:
            self.sent.append(Sent(method, parts.path, dict(parse_qsl(parts.query)), body, headers))
            refused = self._refused(headers.get("authorization"))
            return refused or self._route(method, parts.path.strip("/").split("/"), body)

    def _refused(self, authorization: str | None) -> Reply | None:
        if self.master_key is None:
            return None
        if authorization is None:
            error = ("missing_authorization_header", "The Authorization header is missing.")
            return 401, {"message": error[1], "code": error[0], "type": "auth"}
        if authorization != f"Bearer {self.master_key}":
            message = "The provided API key is invalid."
            return 403, {"message": message, "code": "invalid_api_key", "type": "auth"}
        return None

    def _route(self, method: str, parts: list[str], body: Any) -> Reply:
        match (method, parts):
            case ("GET", ["tasks", uid]):
                return 200, self.tasks[int(uid)]
            case ("POST", ["indexes"]):
                return self._enqueue("indexCreation", body["uid"])
            case ("GET", ["indexes", uid]):
                found = {"uid": uid, "primaryKey": "id", "createdAt": MOMENT, "updatedAt": MOMENT}
                return self._missing(uid) or (200, found)
            case ("PATCH", ["indexes", uid, "settings"]):
                return self._enqueue("settingsUpdate", uid)
            case ("POST", ["indexes", uid, "documents"]):
                return self._enqueue("documentAdditionOrUpdate", uid, len(body))
            case ("POST", ["indexes", uid, "documents", "delete"]):
                ids = re.fullmatch(r"id IN \[([\d, ]*)\]", body["filter"])
                assert ids, body  # deletions here are by id
                return self._enqueue("documentDeletion", uid, -len(ids[1].split(",")))
            case ("DELETE", ["indexes", uid]):
                return self._enqueue("indexDeletion", uid)
            case ("POST", ["swap-indexes"]):
                return self._enqueue("indexSwap", None, swap=body[0]["indexes"])
            case ("GET", ["indexes", uid, "stats"]):
                return self._missing(uid) or (200, _stats(self.indexes.get(uid)))
            case ("POST", ["indexes", uid, "search"]):
                return self._missing(uid) or (200, self.answer("search", body))
            case ("POST", ["multi-search"]):
                missing = [
                    q["indexUid"] for q in body["queries"] if q["indexUid"] not in self.indexes
                ]
                if missing:  # Meilisearch answers 400 here: the index is not in the URL
                    return 400, _not_found(missing[0])
                return 200, self.answer("multi-search", body)
        return 404, {"message": "no route", "code": "not_found"}

    def _missing(self, uid: str) -> Reply | None:
        return None if uid in self.indexes else (404, _not_found(uid))

    def _enqueue(
        self, kind: str, uid: str | None, change: int = 0, swap: list[str] | None = None
    ) -> Reply:
        task: dict[str, Any] = {"uid": len(self.tasks), "indexUid": uid, "type": kind,
                                "enqueuedAt": MOMENT}  # fmt: skip
        if self.stuck:
            task.update({"status": "processing", "startedAt": MOMENT})
        else:
            error = self.failing.get(kind) or self._apply(kind, uid, change, swap)
            task.update({"status": "failed", "error": error} if error else {"status": "succeeded"})
            task.update({"startedAt": MOMENT, "finishedAt": MOMENT})
        self.tasks.append(task)
        summary = {"taskUid": task["uid"], "indexUid": uid, "status": "enqueued", "type": kind,
                   "enqueuedAt": MOMENT}  # fmt: skip
        return 202, summary

    def _apply(
        self, kind: str, uid: str | None, change: int, swap: list[str] | None
    ) -> dict[str, str] | None:
        if kind == "indexCreation":
            assert uid is not None
            if uid in self.indexes:
                return {"code": "index_already_exists", "message": f"Index `{uid}` exists."}
            self.indexes[uid] = 0
        elif kind == "documentAdditionOrUpdate":
            assert uid is not None
            self.indexes[uid] = self.indexes.get(uid, 0) + change  # additions create the index
        elif kind in ("documentDeletion", "settingsUpdate", "indexDeletion"):
            if uid not in self.indexes:
                return {"code": "index_not_found", "message": f"Index `{uid}` not found."}
            if kind == "indexDeletion":
                del self.indexes[uid]
            elif kind == "documentDeletion":
                self.indexes[uid] = max(0, self.indexes[uid] + change)
        elif kind == "indexSwap":
            assert swap is not None
            a, b = swap
            self.indexes[a], self.indexes[b] = self.indexes[b], self.indexes[a]
        return None


def _stats(documents: int | None) -> dict[str, Any]:
    return {"numberOfDocuments": documents, "isIndexing": False, "fieldDistribution": {}}


def _not_found(uid: str) -> dict[str, str]:
    return {"message": f"Index `{uid}` not found.", "code": "index_not_found",
            "type": "invalid_request"}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        fake: FakeMeili = self.server.fake  # type: ignore[attr-defined]
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {name.lower(): value for name, value in self.headers.items()}
        status, answer = fake.handle(self.command, self.path, headers, raw)
        time.sleep(fake.delay)
        payload = json.dumps(answer).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def log_message(self, format: str, *args: Any) -> None:
        pass
