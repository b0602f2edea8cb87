"""Replay a query log in process (the backend alone) and over HTTP (the served API).

In process, each logged query string is read by the API's own parser (`web.params`), so both
replays run the very same `Query`, with every facet counted. Over HTTP, `clients` workers send
the log to `/api/v1/offers` concurrently, each sending its next query as soon as its previous
answer arrives; latency runs from sending a request to having read its whole answer.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import json
import math
import pstats
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from starlette.datastructures import QueryParams

from benchmarks.queries import LoggedQuery
from search.interface import Query, SearchBackend
from web.params import parse_search


@dataclass
class Timing:
    query: LoggedQuery
    ms: float
    total: int | None  # hits found (None: the request failed)
    status: int = 200


@dataclass
class HttpRun:
    timings: list[Timing]
    seconds: float  # wall time of the timed replay

    @property
    def throughput(self) -> float:
        return len(self.timings) / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> list[Timing]:
        return [t for t in self.timings if not answered(t.status, t.query.params)]


def answered(status: int, params: Sequence[tuple[str, str]]) -> bool:
    """An answer, not an error: 200, or the refusal of a page past the last (the log asks for
    later pages of searches that may find fewer offers; the API refuses those pages)."""
    return status == 200 or (status in (404, 422) and later_page(params))


def later_page(params: Sequence[tuple[str, str]]) -> bool:
    return any(name == "page" and value.isdigit() and int(value) > 1 for name, value in params)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest rank: the smallest value at least `share` of the values are at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def parse(logged: LoggedQuery) -> Query:
    """The `Query` the API runs for this query string (`ValueError` if the API refuses it)."""
    try:
        return parse_search(QueryParams(list(logged.params))).require_valid()
    except Exception as error:  # the API's own refusal, whatever its type
        raise ValueError(f"the API refuses {logged.describe()}: {error}") from error


def in_process(backend: SearchBackend, log: list[LoggedQuery], warmup: int) -> list[Timing]:
    """Time each query of the log, after running the first `warmup` ones untimed."""
    queries = [parse(logged) for logged in log]
    for query in queries[:warmup]:
        backend.search(query)
    timings = []
    for logged, query in zip(log, queries, strict=True):
        started = time.perf_counter()
        results = backend.search(query)
        timings.append(Timing(logged, (time.perf_counter() - started) * 1000, results.total))
    return timings


def profile(backend: SearchBackend, log: list[LoggedQuery], path: Path, lines: int = 25) -> str:
    """Run the log once under cProfile; save the stats to `path`, return the top functions."""
    queries = [parse(logged) for logged in log]
    profiler = cProfile.Profile()
    profiler.enable()
    for query in queries:
        backend.search(query)
    profiler.disable()
    profiler.dump_stats(path)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
    return out.getvalue()


def over_http(
    base_url: str, log: list[LoggedQuery], clients: int, warmup: int, timeout: float = 30.0
) -> HttpRun:
    """Replay the log against a running server; the first `warmup` queries go untimed first."""
    return asyncio.run(_replay(base_url, log, clients, warmup, timeout))


async def _replay(
    base_url: str, log: list[LoggedQuery], clients: int, warmup: int, timeout: float
) -> HttpRun:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout) as client:
        for logged in log[:warmup]:
            await client.get("/api/v1/offers", params=list(logged.params))
        pending = list(reversed(log))
        answers: list[tuple[LoggedQuery, float, httpx.Response]] = []

        async def worker() -> None:
            while pending:
                logged = pending.pop()
                started = time.perf_counter()
                response = await client.get("/api/v1/offers", params=list(logged.params))
                answers.append((logged, (time.perf_counter() - started) * 1000, response))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        seconds = time.perf_counter() - started
    # Bodies are read after the clock stops, so the client's JSON work does not slow the server.
    timings = [Timing(q, ms, _total(r), r.status_code) for q, ms, r in answers]
    return HttpRun(timings, seconds)


def _total(response: httpx.Response) -> int | None:
    if response.status_code != 200:
        return None
    try:
        return int(json.loads(response.content)["total"])
    except (ValueError, KeyError, TypeError):
        return None
