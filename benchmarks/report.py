"""What the search benchmark prints: the machine, latency summaries, targets, slow queries."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.replay import Timing, later_page, percentile

# the targets, on a 2-core machine: build and memory of issue 3, latency of issue 13
BUILD_SECONDS = 60.0
IN_PROCESS_P95_MS = 5.0
IN_PROCESS_P99_MS = 10.0
OPEN_LOOP_RATE = 150.0  # searches arriving at random (Poisson) per second, over HTTP
OPEN_LOOP_P95_MS = 50.0  # p95 at that rate, from each request's scheduled send
SERVING_MB = 500.0  # peak resident memory of one server process
# tags of the query log whose latency is worth seeing apart
SHAPES = ("1 word", "2 words", "3 words", "broad", "subject and place", "qualification",
          "no diacritics", "typo", "filtered", "sorted", "page > 1")  # fmt: skip


@dataclass(frozen=True)
class Target:
    label: str
    measured: float
    limit: float
    unit: str
    at_least: bool = False  # the measured figure must reach the limit (a rate), not stay under

    @property
    def met(self) -> bool:
        return self.measured >= self.limit if self.at_least else self.measured <= self.limit

    def line(self) -> str:
        verdict = "PASS" if self.met else "FAIL"
        wanted = f"{'≥' if self.at_least else '≤'} {self.limit:g} {self.unit}"
        return f"  {self.label:<34} {wanted:<11} {self.measured:9.1f} {self.unit:<3} {verdict}"


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory_kb = _proc_field("/proc/meminfo", "MemTotal")
    memory = f"{int(memory_kb.split()[0]) / 1024**2:.1f} GiB RAM" if memory_kb else "RAM unknown"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Machine: {cpus} CPUs ({model}), {memory}, Python {platform.python_version()}; "
        f"load average {load}; {when}"
    )


def _proc_field(path: str, name: str) -> str:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return ""
    for line in lines:
        key, _, value = line.partition(":")
        if key.strip() == name:
            return value.strip()
    return ""


def latency(timings: Sequence[Timing]) -> str:
    values = [t.ms for t in timings]
    if not values:
        return "no queries"
    return (
        f"p50 {percentile(values, 0.5):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
        f"p99 {percentile(values, 0.99):.1f} ms, max {max(values):.1f} ms"
    )


def by_shape(timings: Sequence[Timing]) -> list[str]:
    """p50/p95 of each kind of query, to show where the time goes."""
    lines = []
    for shape in SHAPES:
        values = [t.ms for t in timings if shape in t.query.tags]
        if values:
            lines.append(
                f"  {shape:<18} {len(values):5d} queries  p50 {percentile(values, 0.5):6.1f} ms"
                f"  p95 {percentile(values, 0.95):6.1f} ms  max {max(values):6.1f} ms"
            )
    return lines


def slowest(timings: Sequence[Timing], count: int = 10) -> list[str]:
    ranked = sorted(timings, key=lambda t: -t.ms)[:count]
    return [
        f"  {t.ms:8.1f} ms  {t.total if t.total is not None else '-':>7} hits  {t.query.describe()}"
        for t in ranked
    ]


def disagreements(local: Sequence[Timing], remote: Sequence[Timing]) -> list[str]:
    """Queries whose number of hits differs between the two replays of the same log."""
    totals = {id(t.query): t.total for t in local}
    return [
        f"  {t.query.describe()}: {totals.get(id(t.query))} in process, {t.total} over HTTP"
        for t in remote
        if totals.get(id(t.query)) != t.total and not _refused_page(t)
    ]


def _refused_page(timing: Timing) -> bool:
    """A later page the API refused as past the last (the total is then not in its answer)."""
    return timing.status in (404, 422) and later_page(timing.query.params)


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024**2
