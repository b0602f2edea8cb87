"""The load benchmark works end to end, on a small catalogue (no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from benchmarks.load import MIX
from catalogue.settings import PROJECT_ROOT


def test_the_load_benchmark_sends_every_kind_of_request_and_reports_each() -> None:
    command = [sys.executable, "benchmarks/load.py", "--offers", "300", "--queries", "50",
               "--clients", "2", "--seconds", "2"]  # fmt: skip
    run = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=240)
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert re.search(r"Machine: \d+ CPUs .* GiB RAM", out)
    assert re.search(r"Load average before the run \(1, 5, 15 min\): [\d.]+ [\d.]+ [\d.]+", out)
    assert "Catalogue: 300 offers stored" in out and "Index: 300 documents" in out
    assert re.search(r"Requests: [\d,]+ in [\d.]+ s, \d+ requests/s; errors: 0\n", out)
    for kind in [*MIX, "all"]:  # requests, p50, p95, p99, max, verdict
        row = rf"^  {kind} +[\d,]+( +[\d.]+ms){{4}}  (PASS|FAIL)$"
        assert re.search(row, out, re.MULTILINE), kind
    assert re.search(r"peak \d+ MB \(VmHWM\)", out)
