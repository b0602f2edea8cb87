"""The open-loop load of the search benchmark: Poisson send times, latency from the schedule."""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from benchmarks.open_loop import OpenRun, arrivals, capacity, open_loop

SERVICE_SECONDS = 0.02


def test_send_times_are_a_poisson_process_of_the_rate() -> None:
    times = arrivals(200, 20, random.Random(1))
    assert times == sorted(times) and times[0] > 0 and times[-1] < 20
    assert 3_600 < len(times) < 4_400  # 4,000 expected; the standard deviation is 63
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert 0.0045 < sum(gaps) / len(gaps) < 0.0055
    # exponential gaps: about 1/e of them longer than the mean
    assert 0.33 < sum(g > 0.005 for g in gaps) / len(gaps) < 0.41


class Slow(BaseHTTPRequestHandler):
    """Answers after `SERVICE_SECONDS`, one request at a time (the server has one thread)."""

    def do_GET(self) -> None:
        time.sleep(SERVICE_SECONDS)
        body = b'{"total": 0}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_waiting_for_a_busy_server_counts_in_the_latency(slow_server: str) -> None:
    requests = [(("q", "kurs"),)] * 200
    calm = open_loop(slow_server, requests, rate=10, seconds=2)
    assert calm.errors == 0 and calm.p(0.5) < 10 * SERVICE_SECONDS * 1000
    # Twice what the server can answer: a closed-loop client would wait politely and measure
    # the service time (20 ms); here the queue's growth is measured.
    busy = open_loop(slow_server, requests, rate=100, seconds=1)
    assert busy.errors == 0 and len(busy.latencies) > 60
    assert busy.p(0.95) > 300 and busy.connections > 1
    assert busy.achieved < 70  # the server's 50 a second, not the 100 asked


def test_capacity_steps_up_then_bisects() -> None:
    def measure(rate: float) -> OpenRun:
        return OpenRun(rate, 1, latencies=[rate * 0.4] * 20)  # p95 of 50 ms at 125/s

    found = capacity(measure, limit_ms=50, start=50, step=50)
    assert [run.rate for run in found.runs] == [50, 100, 150, 125, 137.5]
    assert found.best == 125
