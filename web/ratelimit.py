"""Per-client rate limits: a token bucket per client address and budget, answered with 429.

Two budgets, each a rate (requests per second) and a burst (how many may come at once):
the API (`/api/…`, searches and suggestions) and the pages (everything else). Static files
and `/healthz` are exempt. The client is the address the app is given (a trusted proxy's
X-Forwarded-For, `TRUSTED_PROXIES`: `web/edge.py`); IPv6 clients count by their /64 network,
since one host may hold all of it. Memory is bounded: a client idle long enough to have a
full bucket again is forgotten, and beyond `MAX_CLIENTS` the least recently seen is dropped.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from web.errors import WebError, error_response
from web.settings import WebSettings

MAX_CLIENTS = 50_000
EXEMPT_PREFIXES = ("/static/", "/healthz")


class TooManyRequests(WebError):
    status_code = 429
    title_key = "error.429.title"
    text_key = "error.429.text"


@dataclass(frozen=True)
class Budget:
    rate: float  # tokens added per second
    burst: int  # the bucket's size

    @property
    def refill_seconds(self) -> float:
        """How long an emptied bucket takes to fill again."""
        return self.burst / self.rate


class TokenBuckets:
    """One bucket per key; `take(key)` spends a token or says how long to wait for one.

    Safe from several threads (one lock); memory bounded by `max_keys`.
    """

    def __init__(
        self,
        budget: Budget,
        max_keys: int = MAX_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.budget = budget
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # tokens, when
        self._lock = threading.Lock()

    @property
    def clients(self) -> int:
        """How many keys have a bucket now."""
        return len(self._buckets)

    def take(self, key: str) -> float:
        """Spend a token of `key`'s bucket: 0 if it had one, else the seconds until it has."""
        now = self.clock()
        budget = self.budget
        with self._lock:
            tokens, then = self._buckets.pop(key, (budget.burst, now))
            tokens = min(budget.burst, tokens + (now - then) * budget.rate)
            if tokens >= 1:
                wait, tokens = 0.0, tokens - 1
            else:
                wait = (1 - tokens) / budget.rate
            self._buckets[key] = (tokens, now)  # the most recently seen last
            self._evict(now)
        return wait

    def _evict(self, now: float) -> None:
        # Oldest first: a key whose bucket has filled up again is the same as no key.
        idle = self.budget.refill_seconds
        while self._buckets:
            key, (_, then) = next(iter(self._buckets.items()))
            if now - then < idle and len(self._buckets) <= self.max_keys:
                return
            del self._buckets[key]


def client_key(scope: Scope) -> str:
    client = scope.get("client")
    host = client[0] if client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(address) >> 64 << 64, 64)))
    return str(address)


class RateLimitMiddleware:
    """ASGI middleware: spends a token of the request's budget, or answers 429 + Retry-After."""

    def __init__(self, app: ASGIApp, api: Budget | None, pages: Budget | None) -> None:
        self.app = app
        self.api = TokenBuckets(api) if api else None
        self.pages = TokenBuckets(pages) if pages else None

    def buckets_for(self, path: str) -> TokenBuckets | None:
        if path.startswith(EXEMPT_PREFIXES):
            return None
        return self.api if path.startswith("/api/") else self.pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        buckets = self.buckets_for(scope["path"]) if scope["type"] == "http" else None
        wait = buckets.take(client_key(scope)) if buckets is not None else 0.0
        if not wait:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        retry_after = str(max(1, math.ceil(wait)))
        response = error_response(request, TooManyRequests(_detail(retry_after)))
        response.headers["Retry-After"] = retry_after
        await response(scope, receive, send)


def _detail(retry_after: str) -> str:
    return f"Too many requests; retry after {retry_after} s"


def budgets(settings: WebSettings) -> tuple[Budget | None, Budget | None]:
    """The API's and the pages' budgets (None: that limit is off)."""

    def budget(rate: float, burst: int) -> Budget | None:
        return Budget(rate, burst) if settings.rate_limits and rate > 0 and burst > 0 else None

    return (
        budget(settings.rate_limit_api_per_second, settings.rate_limit_api_burst),
        budget(settings.rate_limit_pages_per_second, settings.rate_limit_pages_burst),
    )


TOO_MANY_REQUESTS = {
    "description": "Too many requests from this client: try again after `Retry-After` seconds",
    "headers": {
        "Retry-After": {
            "description": "Seconds until the client's budget allows another request",
            "schema": {"type": "integer", "minimum": 1},
        }
    },
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    },
}


def install_rate_limits(app: FastAPI, settings: WebSettings) -> None:
    api, pages = budgets(settings)
    if not (api or pages):
        return
    app.add_middleware(RateLimitMiddleware, api=api, pages=pages)
    described = app.openapi

    def openapi() -> dict[str, Any]:
        """The app's schema, with the 429 of every operation a limit applies to."""
        if app.openapi_schema is None:
            schema = described()
            for path, operations in schema.get("paths", {}).items():
                limited = api if path.startswith("/api/") else pages
                if limited is None or path.startswith(EXEMPT_PREFIXES):
                    continue
                for operation in operations.values():
                    operation.setdefault("responses", {}).setdefault("429", TOO_MANY_REQUESTS)
        return app.openapi_schema or described()

    app.openapi = openapi  # type: ignore[method-assign]
