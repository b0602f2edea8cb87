"""Faults a test (or a demo) can make the sample server answer, and the log of what it was asked.

server.faults.add(Fault("/bur/api/usluga", query={"strona": "2"}, status=500))
server.faults.add(Fault("/bur/api/usluga", status=429, times=1, headers={"Retry-After": "1"}))
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from samples.replies import Reply


@dataclass
class Fault:
    path: str
    query: dict[str, str] = field(default_factory=dict)  # all of these must match
    status: int = 500
    body: str = '{"kod": 500, "komunikat": "Wewnętrzny błąd serwera."}'
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    times: int | None = None  # None: every time
    method: str | None = None

    def matches(self, method: str, path: str, query: dict[str, str]) -> bool:
        if self.method and self.method != method:
            return False
        if path.rstrip("/") != self.path.rstrip("/"):
            return False
        return all(query.get(k) == v for k, v in self.query.items())

    def reply(self) -> Reply:
        return Reply(self.status, self.body.encode("utf-8"), self.content_type, dict(self.headers))


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    status: int
    at: float  # time.monotonic()
    user_agent: str | None = None


class FaultPlan:
    """Faults in the order they were added; the first one matching a request answers it."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, method: str, path: str, query: dict[str, str]) -> Reply | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path, query) and fault.times != 0:
                    if fault.times is not None:
                        fault.times -= 1
                    return fault.reply()
        return None


class RequestLog:
    def __init__(self) -> None:
        self._seen: list[Seen] = []
        self._lock = threading.Lock()

    def record(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        status: int,
        user_agent: str | None = None,
    ) -> None:
        seen = Seen(method, path, dict(query), status, time.monotonic(), user_agent)
        with self._lock:
            self._seen.append(seen)

    def all(self, path: str | None = None, method: str | None = None) -> list[Seen]:
        with self._lock:
            return [
                s
                for s in self._seen
                if (path is None or s.path == path) and (method is None or s.method == method)
            ]

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()
