"""The search benchmark works end to end, on a small catalogue (no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from catalogue.settings import PROJECT_ROOT

TARGETS = (
    "index build", "in process p95", "in process p99", "HTTP p95 at 150/s (open loop)",
    "serving memory", "highest rate with p95",
)  # fmt: skip
# Small, and short: two seconds at the target rate, a second a rate while stepping up.
SMOKE = ["benchmarks/search.py", "--offers", "2000", "--queries", "100", "--seconds", "2",
         "--step-seconds", "1"]  # fmt: skip


def test_the_benchmark_runs_every_step_and_judges_every_target() -> None:
    run = subprocess.run(
        [sys.executable, *SMOKE],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert "Index: built in" in out and "(2,000 documents" in out
    assert re.search(r"In process \(100 queries .*\n  p50 [\d.]+ ms, p95 [\d.]+ ms", out)
    assert re.search(
        r"16 concurrent clients \(100 queries, closed loop\)\n  p50 [\d.]+ ms, p95", out
    )
    assert "errors 0" in out
    # the open loop: the target rate, then rates stepped up until p95 passes its limit
    opened = re.findall(
        r"^  asked (\d+)/s for [\d.]+ s: achieved \d+/s, p50 .* errors 0;", out, re.M
    )
    assert opened[:2] == ["150", "50"], out
    assert re.search(r"highest rate keeping p95 ≤ 50 ms: \d+ requests/s", out)
    assert out.count("load average") >= 4
    assert re.search(r"peak \d+ MB \(VmHWM, every process\)", out)
    # both replays ran the same queries on the same index: they must find the same offers
    assert "Same number of hits in process and over HTTP: 100/100" in out
    for target in TARGETS:
        assert re.search(rf"^  {re.escape(target)}.* (PASS|FAIL)$", out, re.MULTILINE), target
    assert out.count("ms  ") >= 20  # the two lists of the ten slowest queries
