"""The search benchmark of issue 3 (run it as `benchmarks/search.py`; see benchmarks/README.md).

Generates a catalogue of realistic offers and a log of real-looking queries, builds the index
into a temporary folder, replays the log in process and over HTTP against the real web app, and
compares each figure with its target.
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
    parser.add_argument("--clients", type=int, default=16, help="concurrent HTTP clients")
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
        f"{args.clients} HTTP clients, backend {args.backend}"
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
    log = generate_queries(args.queries, api_parameters(folder), seed=args.seed)
    _describe_log(log)
    build_seconds = _build(args, settings)
    gc.collect()  # the documents are gone: do not make the first queries pay for them
    warmup = min(50, max(1, args.queries // 10))
    backend = get_backend(settings.search)
    local = in_process(backend, log, warmup)
    print(f"\nIn process ({len(local):,} queries after {warmup} warm-up, every facet counted)")
    print(f"  {report.latency(local)}")
    if args.profile:  # a separate, untimed pass: the profiler slows every call
        print(f"\nProfile of one more replay (saved to {args.profile}):")
        print(profile(backend, log, args.profile))
    served = _serve(args, settings, folder, log, warmup)
    if served is None:
        return 1
    concurrent, single, peak_mb = served
    differ = report.disagreements(local, concurrent.timings)
    print(f"Same number of hits in process and over HTTP: {len(log) - len(differ)}/{len(log)}")
    if differ:
        print("\n".join(differ[:5]))
    _targets(build_seconds, [t.ms for t in local], [t.ms for t in concurrent.timings], peak_mb)
    print("\nIn process, by kind of query:")
    print("\n".join(report.by_shape(local)))
    print("\nSlowest queries in process (top 10):")
    print("\n".join(report.slowest(local)))
    print("\nSlowest queries over HTTP (top 10):")
    print("\n".join(report.slowest(concurrent.timings)))
    return 1 if concurrent.errors or single.errors else 0


def _serve(
    args: argparse.Namespace, settings: Settings, folder: Path, log: list[LoggedQuery], warmup: int
) -> tuple[HttpRun, HttpRun, float] | None:
    """Replay the log against the served app: concurrently, then one query at a time."""
    with (folder / "server.log").open("wb") as server_log:
        try:
            served = ServedApp(
                settings.catalogue.database_url, folder / "index", args.backend, server_log
            )
        except RuntimeError as error:
            print(f"\nThe web app could not be started: {error}")
            print((folder / "server.log").read_text(errors="replace")[-3000:])
            return None
        with served:
            started_mb = served.memory_mb("VmRSS")
            concurrent = over_http(served.url, log, args.clients, warmup)
            single = over_http(served.url, log, 1, 0)
            peak_mb = served.memory_mb("VmHWM")
    print(f"\nHTTP /api/offers, {args.clients} concurrent clients ({len(log):,} queries)")
    print(f"  {report.latency(concurrent.timings)}")
    print(f"  throughput {concurrent.throughput:.0f} requests/s, errors {len(concurrent.errors)}")
    print("HTTP /api/offers, one client at a time (service time without queueing)")
    print(f"  {report.latency(single.timings)}; {single.throughput:.0f} requests/s")
    print(f"Server memory: {started_mb:.0f} MB resident after start, peak {peak_mb:.0f} MB (VmHWM)")
    return concurrent, single, peak_mb


def api_parameters(folder: Path) -> dict[str, dict[str, Any]]:
    """The parameters `/api/offers` documents, with their schemas, from the app's OpenAPI."""
    settings = Settings(
        catalogue=CatalogueSettings(database_url=f"sqlite:///{folder / 'openapi.sqlite3'}"),
        search=SearchSettings(index_dir=folder / "openapi-index"),
    )
    operation = create_app(settings).openapi()["paths"]["/api/offers"]["get"]
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


def _targets(build: float, local: list[float], remote: list[float], peak_mb: float) -> None:
    targets = [
        report.Target("index build", build, report.BUILD_SECONDS, "s"),
        report.Target("in process p95", percentile(local, 0.95), report.IN_PROCESS_P95_MS, "ms"),
        report.Target("in process p99", percentile(local, 0.99), report.IN_PROCESS_P99_MS, "ms"),
        report.Target("HTTP p95", percentile(remote, 0.95), report.HTTP_P95_MS, "ms"),
        report.Target("serving memory (peak)", peak_mb, report.SERVING_MB, "MB"),
    ]
    print("\nTargets (issue 3, on a 2-core machine):")
    print("\n".join(target.line() for target in targets))
    print(f"  {sum(t.met for t in targets)} of {len(targets)} targets met")
