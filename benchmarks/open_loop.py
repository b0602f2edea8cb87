"""Open-loop HTTP load: searches arriving at random (Poisson) at a given rate, as people do.

Closed-loop clients (each sending its next request when its answer has arrived) slow down when
the server does: a busy server is asked less, and the time requests would have waited is never
measured (coordinated omission). Here the send times are drawn first, with exponential gaps at
`rate` per second, and each request's latency runs from its *scheduled* send time to having read
its whole answer: when the server, the connection or the load generator itself is late, the wait
counts. A request that finds no idle connection opens a new one, as another person's browser
would.

`capacity` steps the rate up until p95 passes the limit, then bisects between the last rate that
kept it and the first that did not.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import uvloop

from benchmarks.http_client import Connection, HTTPFailure
from benchmarks.replay import answered, percentile

PATH = "/api/v1/offers"
Params = Sequence[tuple[str, str]]


@dataclass
class OpenRun:
    rate: float  # requests per second asked for
    seconds: float  # the span the send times were drawn over
    latencies: list[float] = field(default_factory=list)  # ms from scheduled send to answer
    errors: int = 0  # no answer, or an error (`benchmarks.replay.answered`)
    late: list[float] = field(default_factory=list)  # ms the send itself was behind schedule
    elapsed: float = 0.0  # s from the first scheduled send to the last answer
    connections: int = 0  # connections the generator had to open

    @property
    def achieved(self) -> float:
        """Answered requests per second over the whole run."""
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def p(self, share: float) -> float:
        return percentile(self.latencies, share) if self.latencies else float("inf")

    def line(self) -> str:
        late = percentile(self.late, 0.99) if self.late else 0.0
        return (
            f"asked {self.rate:.0f}/s for {self.seconds:g} s: achieved {self.achieved:.0f}/s, "
            f"p50 {self.p(0.5):.1f} ms, p95 {self.p(0.95):.1f} ms, p99 {self.p(0.99):.1f} ms, "
            f"max {max(self.latencies, default=0):.1f} ms; errors {self.errors}; "
            f"{self.connections} connections; sends late p99 {late:.1f} ms; "
            f"load average {load_average()}"
        )


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def arrivals(rate: float, seconds: float, rng: random.Random) -> list[float]:
    """Send times (s from the start) of a Poisson process of `rate` per second."""
    times, at = [], 0.0
    while True:
        at += rng.expovariate(rate)
        if at >= seconds:
            return times
        times.append(at)


def open_loop(
    url: str, requests: Sequence[Params], rate: float, seconds: float, seed: int = 7
) -> OpenRun:
    """Send `requests` (in order, as many as the schedule has room for) at Poisson times."""
    times = arrivals(rate, seconds, random.Random(f"arrivals:{seed}:{rate}"))
    if len(times) > len(requests):
        raise ValueError(f"{len(times)} sends scheduled, only {len(requests)} requests given")
    return uvloop.run(_run(url, requests[: len(times)], times, rate, seconds))


async def _run(
    url: str, requests: Sequence[Params], times: list[float], rate: float, seconds: float
) -> OpenRun:
    run = OpenRun(rate, seconds)
    idle: list[Connection] = []
    opened: list[Connection] = []
    start = time.perf_counter() + 0.05

    async def one(due: float, params: Params) -> None:
        if idle:
            connection = idle.pop()
        else:
            connection = Connection(url)
            opened.append(connection)
        run.late.append((time.perf_counter() - due) * 1000)
        try:
            status = await connection.get(PATH, list(params))
        except HTTPFailure:
            status = 0
        run.latencies.append((time.perf_counter() - due) * 1000)
        run.errors += not answered(status, params)
        idle.append(connection)

    tasks = []
    for at, params in zip(times, requests, strict=True):
        due = start + at
        wait = due - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        tasks.append(asyncio.create_task(one(due, params)))
    await asyncio.gather(*tasks)
    run.elapsed = time.perf_counter() - start
    run.connections = len(opened)
    for connection in opened:
        await connection.close()
    return run


@dataclass
class Capacity:
    best: float  # the highest rate measured whose p95 kept within the limit (0: none did)
    runs: list[OpenRun]


def capacity(
    measure: Callable[[float], OpenRun],
    limit_ms: float,
    start: float = 50,
    step: float = 50,
    ceiling: float = 1000,
    bisections: int = 2,
    report: Callable[[OpenRun], None] = lambda run: None,
) -> Capacity:
    """Step the rate up by `step` from `start` until p95 exceeds `limit_ms` (or a request
    fails), then bisect `bisections` times. (Not whether the achieved rate matched the asked:
    a Poisson count over 10 s at 50/s varies by about 14%.)"""
    runs: list[OpenRun] = []

    def kept(rate: float) -> bool:
        run = measure(rate)
        runs.append(run)
        report(run)
        return run.p(0.95) <= limit_ms and not run.errors

    good, bad, rate = 0.0, None, start
    while rate <= ceiling:
        if not kept(rate):
            bad = rate
            break
        good, rate = rate, rate + step
    if bad is not None:
        for _ in range(bisections):
            middle = (good + bad) / 2
            if kept(middle):
                good = middle
            else:
                bad = middle
    return Capacity(good, runs)
