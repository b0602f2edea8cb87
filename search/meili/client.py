"""A small HTTP client for Meilisearch: JSON requests, bounded timeouts, errors, task waits.

Every write in Meilisearch is a task: the request only enqueues it (`202` with a `taskUid`) and
`GET /tasks/{uid}` tells when it has `succeeded`, `failed` or been `canceled`
(docs: reference/api/tasks). Writes here wait for their task, so that what `index()` returns
from is searchable, as with the embedded backend.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from search.interface import SearchUnavailable

# Searches answer in milliseconds; a request still unanswered after this is a server in trouble.
REQUEST_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
TASK_TIMEOUT = 300.0  # seconds a write may take (indexing 100 000 offers takes about a minute)
FIRST_POLL, MAX_POLL = 0.005, 0.25  # seconds between task polls, doubling


class MeiliError(SearchUnavailable):
    """Meilisearch answered with an error; `code` is its error code (`index_not_found` …)."""

    def __init__(self, message: str, code: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.code, self.status = code, status


class MeiliClient:
    """JSON over HTTP to one Meilisearch server, the key sent as `Authorization: Bearer`."""

    def __init__(
        self,
        url: str,
        key: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        task_timeout: float = TASK_TIMEOUT,
    ) -> None:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.url = url.rstrip("/")
        self.task_timeout = task_timeout
        self._http = httpx.Client(
            base_url=self.url, headers=headers, timeout=REQUEST_TIMEOUT, transport=transport
        )

    def close(self) -> None:
        self._http.close()

    def request(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        """The decoded JSON answer; `MeiliError` for an error answer."""
        try:
            response = self._http.request(method, path, json=body, params=params or None)
        except httpx.TimeoutException as exc:
            raise SearchUnavailable(f"Meilisearch at {self.url} did not answer in time") from exc
        except httpx.HTTPError as exc:
            raise SearchUnavailable(f"Meilisearch at {self.url} is unreachable: {exc}") from exc
        if response.status_code >= 400:
            raise _error(response, method, path)
        return response.json() if response.content else None

    def run(self, method: str, path: str, body: Any = None, **params: Any) -> dict[str, Any]:
        """Enqueue a task and wait until it has succeeded."""
        return self.wait(self.request(method, path, body, **params))

    def wait(self, enqueued: dict[str, Any]) -> dict[str, Any]:
        """The finished task; `MeiliError` if it failed, `SearchUnavailable` if it is too slow."""
        uid = enqueued["taskUid"]
        deadline = time.monotonic() + self.task_timeout
        pause = FIRST_POLL
        while True:
            task = self.request("GET", f"/tasks/{uid}")
            status = task.get("status")
            if status == "succeeded":
                return task
            if status in ("failed", "canceled"):
                error = task.get("error") or {}
                message = error.get("message") or f"task {uid} was {status}"
                raise MeiliError(
                    f"Meilisearch task {uid} ({task.get('type')}) {status}: {message}",
                    code=error.get("code", status),
                )
            if time.monotonic() > deadline:
                raise SearchUnavailable(
                    f"Meilisearch task {uid} ({task.get('type')}) did not finish within "
                    f"{self.task_timeout:g} s (status {status})"
                )
            time.sleep(pause)
            pause = min(pause * 2, MAX_POLL)


def _error(response: httpx.Response, method: str, path: str) -> MeiliError:
    try:
        error = response.json()
    except ValueError:
        error = {}
    if not isinstance(error, dict):
        error = {}
    message = error.get("message") or response.text[:200] or response.reason_phrase
    return MeiliError(
        f"Meilisearch refused {method} {path} ({response.status_code}): {message}",
        code=str(error.get("code", "")),
        status=response.status_code,
    )
