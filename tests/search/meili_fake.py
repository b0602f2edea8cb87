"""A stand-in for a Meilisearch server at the HTTP boundary (`httpx.MockTransport`).

It records every request and answers the way Meilisearch's API reference describes: writes
enqueue a task (`202 {"taskUid": n}`), `GET /tasks/{n}` reports it succeeded (or failed, when a
test says so), missing indexes answer `404 index_not_found`. Searches answer what the test
gives (`answers`), so tests check the exact requests sent and how answers are read; nothing
here ranks or filters documents.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx

Answer = Callable[[str, dict[str, Any]], dict[str, Any]]  # (path, body) -> search answer


@dataclass
class Sent:
    method: str
    path: str
    params: dict[str, str]
    body: Any
    headers: httpx.Headers

    @property
    def line(self) -> str:
        return f"{self.method} {self.path}"


def no_hits(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if "queries" in body and "federation" not in body:
        return {"results": [no_hits(path, q) for q in body["queries"]]}
    return {"hits": [], "totalHits": 0, "facetDistribution": {}}


@dataclass
class FakeMeili:
    indexes: dict[str, int] = field(default_factory=dict)  # uid -> number of documents
    answer: Answer = no_hits
    failing: dict[str, dict[str, str]] = field(default_factory=dict)  # task type -> error
    sent: list[Sent] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def lines(self, without_tasks: bool = False) -> list[str]:
        return [s.line for s in self.sent if not (without_tasks and s.path.startswith("/tasks/"))]

    def bodies(self, method: str, path: str) -> list[Any]:
        return [s.body for s in self.sent if s.method == method and s.path == path]

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        params = dict(parse_qsl(request.url.query.decode()))
        self.sent.append(Sent(request.method, request.url.path, params, body, request.headers))
        return self._route(request.method, request.url.path.strip("/").split("/"), body)

    def _route(self, method: str, parts: list[str], body: Any) -> httpx.Response:
        match (method, parts):
            case ("GET", ["tasks", uid]):
                return httpx.Response(200, json=self.tasks[int(uid)])
            case ("POST", ["indexes"]):
                return self._enqueue("indexCreation", body["uid"])
            case ("GET", ["indexes", uid]):
                return self._exists(uid) or httpx.Response(200, json={"uid": uid})
            case ("PATCH", ["indexes", uid, "settings"]):
                return self._enqueue("settingsUpdate", uid)
            case ("POST", ["indexes", uid, "documents"]):
                return self._enqueue("documentAdditionOrUpdate", uid, len(body))
            case ("POST", ["indexes", uid, "documents", "delete-batch"]):
                return self._enqueue("documentDeletion", uid, -len(body))
            case ("DELETE", ["indexes", uid]):
                return self._enqueue("indexDeletion", uid)
            case ("POST", ["swap-indexes"]):
                return self._enqueue("indexSwap", None, swap=body[0]["indexes"])
            case ("GET", ["indexes", uid, "stats"]):
                stats = {"numberOfDocuments": self.indexes.get(uid), "isIndexing": False}
                return self._exists(uid) or httpx.Response(200, json=stats)
            case ("POST", ["indexes", uid, "search"]):
                return self._exists(uid) or httpx.Response(200, json=self.answer("search", body))
            case ("POST", ["multi-search"]):
                missing = [
                    q["indexUid"] for q in body["queries"] if q["indexUid"] not in self.indexes
                ]
                if missing:  # Meilisearch answers 400 here: the index is not in the URL
                    error = self._exists(missing[0])
                    assert error is not None
                    return httpx.Response(400, json=error.json())
                return httpx.Response(200, json=self.answer("multi-search", body))
        return httpx.Response(404, json={"message": "no route", "code": "not_found"})

    def _exists(self, uid: str) -> httpx.Response | None:
        if uid in self.indexes:
            return None
        error = {"message": f"Index `{uid}` not found.", "code": "index_not_found"}
        return httpx.Response(404, json={**error, "type": "invalid_request"})

    def _enqueue(
        self, kind: str, uid: str | None, change: int = 0, swap: list[str] | None = None
    ) -> httpx.Response:
        task: dict[str, Any] = {"uid": len(self.tasks), "indexUid": uid, "type": kind}
        error = self.failing.get(kind) or self._apply(kind, uid, change, swap)
        task.update({"status": "failed", "error": error} if error else {"status": "succeeded"})
        self.tasks.append(task)
        summary = {"taskUid": task["uid"], "indexUid": uid, "status": "enqueued", "type": kind}
        return httpx.Response(202, json=summary)

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
