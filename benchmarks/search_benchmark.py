"""The search benchmark of issues 3 and 13 (run it as `benchmarks/search.py`; see
benchmarks/README.md).

Generates a catalogue of realistic offers and a log of real-looking queries, builds the index
into a temporary folder, replays the log in process and over HTTP against the real web app
(closed loop), sends fresh queries of the same mix at random times (open loop, Poisson) at the
target rate and looks for the highest rate that keeps p95 within its limit, and compares each
figure with its target.
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.offers import generate_documents
from benchmarks.open_loop import Capacity, OpenRun, capacity, load_average, open_loop
from benchmarks.providers import providers
from benchmarks.queries import LoggedQuery, composition, generate_queries
from benchmarks.replay import HttpRun, in_process, over_http, percentile, profile
from benchmarks.server import ServedApp
from benchmarks.vocabulary import places, subjects
from catalogue.db import create_all, get_engine
from catalogue.settings import CatalogueSettings
from lll.settings import Settings
from search.backends import get_backend
from search.settings import SearchSettings
from web.app import create_app


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/search.py", description=__doc__)
    parser.add_argument("--offers", type=int, default=100_000, help="offers to generate")
    parser.add_argument("--queries", type=int, default=1_000, help="queries in the log")
    parser.add_argument(
        "--clients", type=int, default=16, help="concurrent closed-loop HTTP clients"
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=report.OPEN_LOOP_RATE,
        help="searches per second arriving at random (open loop)",
    )
    parser.add_argument(
        "--seconds", type=float, default=30, help="how long the open-loop run at --rate lasts"
    )
    parser.add_argument(
        "--step-seconds",
        type=float,
        default=10,
        help="how long each rate of the capacity search lasts (0: no capacity search)",
    )
    parser.add_argument(
        "--server-workers",
        type=int,
        default=2,
        help="server processes (WEB_WORKERS, as `lll serve` runs them; one per core)",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of offers and queries")
    parser.add_argument("--backend", default="embedded", help="SEARCH_BACKEND to measure")
    parser.add_argument("--workers", type=int, default=None, help="processes making offers")
    parser.add_argument(
        "--profile", type=Path, metavar="FILE", help="also replay in process under cProfile"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # each phase's lines as soon as it ends
    print(
        f"Search benchmark: {args.offers:,} offers, {args.queries:,} queries, "
        f"{args.clients} HTTP clients, open loop at {args.rate:g}/s, "
        f"{args.server_workers} server workers, backend {args.backend}"
    )
    print(report.machine())
    with tempfile.TemporaryDirectory(prefix="lll-search-benchmark-") as name:
        return _run(args, Path(name))


def _run(args: argparse.Namespace, folder: Path) -> int:
    settings = Settings(
        catalogue=CatalogueSettings(database_url=f"sqlite:///{folder / 'catalogue.sqlite3'}"),
        search=SearchSettings(index_dir=folder / "index", backend=args.backend),
    )
    # An empty catalogue: the API reads the index.
    create_all(get_engine(settings.catalogue.database_url))
    parameters = api_parameters(folder)
    log = generate_queries(args.queries, parameters, seed=args.seed)
    _describe_log(log)
    build_seconds = _build(args, settings)
    gc.collect()  # the documents are gone: do not make the first queries pay for them
    warmup = min(50, max(1, args.queries // 10))
    # Warm up on other queries of the same mix: the backend keeps recent answers, and a warm-up
    # on the log's own first queries would have them answered from memory when timed.
    warmup_log = generate_queries(warmup, parameters, seed=args.seed + WARMUP_SEED)
    backend = get_backend(settings.search)
    in_process(backend, warmup_log, warmup)
    # What the first searches of a commit start in the background (the facet bitmaps of the
    # embedded backend, `search.tantivy.facet_bitmaps`) is done before the timed replay.
    time.sleep(SETTLE_SECONDS)
    print(f"\nLoad average before the in-process replay: {load_average()}")
    local = in_process(backend, log, 0)
    repeats = len(log) - len({logged.params for logged in log})
    print(
        f"In process ({len(local):,} queries after {warmup} warm-up on other queries, every "
        f"facet counted; {repeats} repeat an earlier query of the log)"
    )
    print(f"  {report.latency(local)}")
    if args.profile:  # a separate, untimed pass: the profiler slows every call
        print(f"\nProfile of one more replay (saved to {args.profile}):")
        # A new backend, without the answers the replay above kept.
        print(profile(get_backend(settings.search), log, args.profile))
    served = _serve(args, settings, folder, log, warmup)
    if served is None:
        return 1
    concurrent, single, opened, found, peak_mb = served
    differ = report.disagreements(local, concurrent.timings)
    print(f"Same number of hits in process and over HTTP: {len(log) - len(differ)}/{len(log)}")
    if differ:
        print("\n".join(differ[:5]))
    _targets(build_seconds, [t.ms for t in local], opened, found, peak_mb)
    print("\nIn process, by kind of query:")
    print("\n".join(report.by_shape(local)))
    print("\nSlowest queries in process (top 10):")
    print("\n".join(report.slowest(local)))
    print("\nSlowest queries over HTTP (top 10):")
    print("\n".join(report.slowest(concurrent.timings)))
    failed = concurrent.errors or single.errors or opened.errors
    return 1 if failed else 0


Served = tuple[HttpRun, HttpRun, OpenRun, Capacity, float]


def _serve(
    args: argparse.Namespace, settings: Settings, folder: Path, log: list[LoggedQuery], warmup: int
) -> Served | None:
    """Replay the log against the served app: concurrently, then one query at a time; then
    fresh queries of the same mix at random times, at the target rate and in search of the
    highest rate keeping p95 within its limit."""
    with (folder / "server.log").open("wb") as server_log:
        try:
            served = ServedApp(
                settings.catalogue.database_url,
                folder / "index",
                args.backend,
                server_log,
                workers=args.server_workers,
            )
        except RuntimeError as error:
            print(f"\nThe web app could not be started: {error}")
            print((folder / "server.log").read_text(errors="replace")[-3000:])
            return None
        with served:
            started_mb = served.memory_mb("VmRSS")
            print(f"\nLoad average before the HTTP replays: {load_average()}")
            concurrent = over_http(served.url, log, args.clients, warmup)
            single = over_http(served.url, log, 1, 0)
            _print_closed(args, log, concurrent, single)
            fresh = _FreshQueries(folder, args.seed)
            print(
                f"\nHTTP /api/v1/offers, open loop: fresh queries of the same mix at random "
                f"(Poisson) times, {args.server_workers} server workers"
            )
            server_cpu, own_cpu = served.cpu_seconds(), time.process_time()
            opened = open_loop(
                served.url, fresh.take(args.rate, args.seconds), args.rate, args.seconds
            )
            print(f"  {opened.line()}")
            answered = max(1, len(opened.latencies))
            server_ms = (served.cpu_seconds() - server_cpu) * 1000 / answered
            own_ms = (time.process_time() - own_cpu) * 1000 / answered
            print(
                f"  CPU a request: server {server_ms:.1f} ms (every worker), "
                f"load generator {own_ms:.1f} ms"
            )
            found = Capacity(0.0, [])
            if args.step_seconds > 0:
                print(
                    f"Highest rate keeping p95 ≤ {report.OPEN_LOOP_P95_MS:g} ms "
                    f"({args.step_seconds:g} s a rate):"
                )
                found = capacity(
                    lambda rate: open_loop(
                        served.url, fresh.take(rate, args.step_seconds), rate, args.step_seconds
                    ),
                    report.OPEN_LOOP_P95_MS,
                    report=lambda run: print(f"  {run.line()}"),
                )
                print(f"  highest rate keeping p95 ≤ {report.OPEN_LOOP_P95_MS:g} ms: "
                      f"{found.best:.0f} requests/s")  # fmt: skip
            peak_mb = served.memory_mb("VmHWM")
            worker_peak_mb = served.largest_mb("VmHWM")
    print(
        f"Server memory: {started_mb:.0f} MB resident after start, peak {peak_mb:.0f} MB "
        f"(VmHWM, every process), {worker_peak_mb:.0f} MB the largest process"
    )
    return concurrent, single, opened, found, worker_peak_mb


def _print_closed(
    args: argparse.Namespace, log: list[LoggedQuery], concurrent: HttpRun, single: HttpRun
) -> None:
    print(
        f"HTTP /api/v1/offers, {args.clients} concurrent clients "
        f"({len(log):,} queries, closed loop)"
    )
    print(f"  {report.latency(concurrent.timings)}")
    print(f"  throughput {concurrent.throughput:.0f} requests/s, errors {len(concurrent.errors)}")
    print("HTTP /api/v1/offers, one client at a time (the same queries again: answers kept)")
    print(f"  {report.latency(single.timings)}; {single.throughput:.0f} requests/s")


SETTLE_SECONDS = 3.0
WARMUP_SEED = 500  # added to --seed: the in-process warm-up's queries
OPEN_SEED = 1000  # added to --seed: the open-loop queries'


class _FreshQueries:
    """Queries of the benchmark's mix, not in its log: each open-loop run takes new ones, so
    the server's kept answers help only where the mix itself repeats a query."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.parameters = api_parameters(folder)
        self.seed = seed + OPEN_SEED

    def take(self, rate: float, seconds: float) -> list[tuple[tuple[str, str], ...]]:
        count = int(rate * seconds * 1.5) + 50  # a Poisson count seldom passes 1.5 times its mean
        self.seed += 1
        return [q.params for q in generate_queries(count, self.parameters, seed=self.seed)]


def api_parameters(folder: Path) -> dict[str, dict[str, Any]]:
    """The parameters `/api/v1/offers` documents, with their schemas, from the app's OpenAPI."""
    settings = Settings(
        catalogue=CatalogueSettings(database_url=f"sqlite:///{folder / 'openapi.sqlite3'}"),
        search=SearchSettings(index_dir=folder / "openapi-index"),
    )
    operation = create_app(settings).openapi()["paths"]["/api/v1/offers"]["get"]
    return {param["name"]: param.get("schema", {}) for param in operation["parameters"]}


def _describe_log(log: list[LoggedQuery]) -> None:
    tags = composition(log)
    shapes = ", ".join(
        f"{tag} {tags[tag]}"
        for tag in ("1 word", "2 words", "3 words", "no diacritics", "typo", "filtered")
    )
    others = ", ".join(f"{tag} {tags[tag]}" for tag in ("broad", "subject and place", "sorted"))
    print(f"Queries: {len(log):,}: {shapes}; {others}; every facet requested")


def _build(args: argparse.Namespace, settings: Settings) -> float:
    started = time.perf_counter()
    documents = generate_documents(args.offers, args.seed, workers=args.workers)
    made = time.perf_counter() - started
    subject_count, provider_count = len(subjects()), sum(len(p) for p in providers().values())
    print(
        f"Offers: {len(documents):,} documents generated in {made:.1f} s "
        f"({subject_count} subjects, {provider_count} providers, {len(places())} places)"
    )
    backend = get_backend(settings.search)
    started = time.perf_counter()
    backend.rebuild(documents)
    seconds = time.perf_counter() - started
    size = report.folder_mb(settings.search.index_dir)
    print(f"Index: built in {seconds:.1f} s ({backend.count():,} documents, {size:.0f} MB on disk)")
    return seconds


def _targets(
    build: float, local: list[float], opened: OpenRun, found: Capacity, peak_mb: float
) -> None:
    rate = f"{opened.rate:g}/s"
    targets = [
        report.Target("index build", build, report.BUILD_SECONDS, "s"),
        report.Target("in process p95", percentile(local, 0.95), report.IN_PROCESS_P95_MS, "ms"),
        report.Target("in process p99", percentile(local, 0.99), report.IN_PROCESS_P99_MS, "ms"),
        report.Target(
            f"HTTP p95 at {rate} (open loop)", opened.p(0.95), report.OPEN_LOOP_P95_MS, "ms"
        ),
        report.Target("serving memory (peak, a process)", peak_mb, report.SERVING_MB, "MB"),
    ]
    if found.runs:
        targets.append(
            report.Target(
                f"highest rate with p95 ≤ {report.OPEN_LOOP_P95_MS:g} ms",
                found.best,
                report.OPEN_LOOP_RATE,
                "/s",
                at_least=True,
            )
        )
    print(f"\nTargets (issues 3 and 13, on a 2-core machine; load average now {load_average()}):")
    print("\n".join(target.line() for target in targets))
    print(f"  {sum(t.met for t in targets)} of {len(targets)} targets met")
