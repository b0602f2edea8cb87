"""The load benchmark of issue 10: many clients at once over pages, the API and suggestions.

    .venv/bin/python benchmarks/load.py          # 100,000 offers, 32 clients for 60 s
    .venv/bin/python benchmarks/load.py --offers 2000 --seconds 5 --clients 4   # smoke run

Stores the generated offers (`benchmarks/offers.py`) in a SQLite catalogue and builds their index
in a temporary folder (or `--workdir`), serves the real app as `lll serve` serves it
(`benchmarks/server.py`: `--workers` uvicorn processes with `web.serving.server_config`; rate
limits off, since every client comes from 127.0.0.1 and would share one budget), then
`--clients` clients send requests back to back for `--seconds`, each drawing its next request
from a fixed mix: searches over the API, search pages, offer pages, offers as JSON and
suggestions for words being typed. Prints the requests,
the errors (anything but 200, or no answer), p50/p95/p99 of each kind against the target
p99 ≤ 200 ms, the throughput, the machine and its load average before the run.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project's packages are one folder up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvloop
from sqlmodel import Session

from benchmarks import report
from benchmarks.http_client import Connection, HTTPFailure
from benchmarks.offers import CHUNK, SOURCES, make_offer
from benchmarks.queries import LoggedQuery, generate_queries
from benchmarks.replay import answered, percentile
from benchmarks.search_benchmark import api_parameters
from benchmarks.server import ServedApp
from catalogue.db import create_all, get_engine
from catalogue.models import Qualification, Source
from search.backends import get_backend
from search.documents import offer_document
from search.settings import SearchSettings

TARGET_P99_MS = 200.0
# What the clients ask for, and how often (weights): most traffic is searching and typing.
MIX = {"api search": 30, "search page": 20, "suggest": 25, "offer page": 15, "offer json": 10}


@dataclass
class Answer:
    kind: str
    ms: float
    status: int  # 0: no answer (a connection error or a timeout)
    path: str = ""
    failure: str = ""  # the client's exception when there was no answer
    # 200, or a page past the last refused (404 on the page, 422 in the API): the log asks for
    # later pages of searches that may find fewer offers in a small catalogue
    answered: bool = False


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/load.py", description=__doc__)
    parser.add_argument("--offers", type=int, default=100_000, help="offers in the catalogue")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60, help="how long they send")
    parser.add_argument("--queries", type=int, default=1_000, help="search queries to draw from")
    parser.add_argument(
        "--workers", type=int, default=2, help="server processes (WEB_WORKERS; one per core)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of offers, queries and mix")
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the catalogue and index in this folder, and reuse them when a run with the "
        "same --offers and --seed left them there (default: a temporary folder)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    print(
        f"Load benchmark: {args.offers:,} offers, {args.clients} clients for {args.seconds:g} s "
        f"over pages, API and suggestions (mix {', '.join(f'{k} {v}%' for k, v in MIX.items())})"
    )
    print(report.machine())
    print(f"Load average before the run (1, 5, 15 min): {_load()}")
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        return _run(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="lll-load-benchmark-") as name:
        return _run(args, Path(name))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _run(args: argparse.Namespace, folder: Path) -> int:
    database_url = f"sqlite:///{folder / 'catalogue.sqlite3'}"
    built = folder / f"built-{args.offers}-{args.seed}"
    if built.exists():
        print(f"Catalogue and index: reused from {folder}")
    else:
        _build(database_url, folder, args.offers, args.seed)
        built.touch()
    log = generate_queries(args.queries, api_parameters(folder), seed=args.seed)
    requests = RequestMaker(log, args.offers, random.Random(args.seed))
    with (folder / "server.log").open("wb") as server_log:
        try:
            served = ServedApp(
                database_url, folder / "index", "embedded", server_log, workers=args.workers
            )
        except RuntimeError as error:
            print(f"The web app could not be started: {error}")
            print((folder / "server.log").read_text(errors="replace")[-3000:])
            return 1
        with served:
            print(f"Load average just before the timed run: {_load()}")
            answers, seconds = uvloop.run(
                load(served.url, requests, args.clients, args.seconds, warmup=100)
            )
            peak_mb = served.memory_mb("VmHWM")
    failed = summary(answers, seconds, peak_mb)
    if failed:
        print("Server log, last warnings and errors:")
        print("\n".join(server_problems(folder / "server.log")) or "  (none)")
    return failed


def _build(database_url: str, folder: Path, offers: int, seed: int) -> None:
    for stale in [folder / "catalogue.sqlite3", *folder.glob("built-*")]:
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    documents = store_offers(database_url, offers, seed)
    print(f"Catalogue: {offers:,} offers stored in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    backend = get_backend(SearchSettings(index_dir=folder / "index"))
    backend.rebuild(documents)
    print(f"Index: {backend.count():,} documents built in {time.perf_counter() - started:.0f} s")


def store_offers(database_url: str, count: int, seed: int) -> list[dict]:
    """Store `count` generated offers (ids 1..count) in the catalogue; their search documents."""
    engine = get_engine(database_url)
    create_all(engine)
    today = date.today()
    documents = []
    qualifications: dict[str, Qualification] = {}
    with Session(engine, expire_on_commit=False) as session:
        session.add_all(Source(id=i + 1, name=name, title=name) for i, name in enumerate(SOURCES))
        session.commit()
        for start in range(0, count, CHUNK):  # the chunks `generate_documents` makes
            rng = random.Random(f"offers:{seed}:{start}")
            offers = [
                make_offer(rng, start + i + 1, today) for i in range(min(CHUNK, count - start))
            ]
            for offer in offers:
                if offer.qualification is not None:  # one row per code
                    code = offer.qualification.code
                    offer.qualification = qualifications.setdefault(code, offer.qualification)
                documents.append(offer_document(offer, today))
            session.add_all(offers)
            session.commit()
    engine.dispose()
    return documents


class RequestMaker:
    """Draws the next request: its kind and its path with query string."""

    def __init__(self, log: list[LoggedQuery], offers: int, rng: random.Random) -> None:
        self.log = log
        self.offers = offers
        self.rng = rng
        self.prefixes = [p for logged in log for p in _typed(logged.text)] or ["kur"]
        self.kinds, self.weights = list(MIX), list(MIX.values())
        self.make: dict[str, Callable[[], tuple[str, dict[str, str] | list]]] = {
            "api search": lambda: ("/api/v1/offers", list(self._query().params)),
            "search page": lambda: ("/", list(self._query().params)),
            "suggest": lambda: ("/api/v1/suggest", {"q": self.rng.choice(self.prefixes)}),
            "offer page": lambda: (f"/oferty/{self._id()}", {}),
            "offer json": lambda: (f"/api/v1/offers/{self._id()}", {}),
        }

    def _query(self) -> LoggedQuery:
        return self.rng.choice(self.log)

    def _id(self) -> int:
        return self.rng.randint(1, self.offers)

    def next(self) -> tuple[str, str, dict[str, str] | list]:
        kind = self.rng.choices(self.kinds, self.weights)[0]
        path, params = self.make[kind]()
        return kind, path, params


def _typed(text: str) -> list[str]:
    """What a suggestion box sends while `text` is typed: from the third letter on."""
    return [text[:end] for end in range(3, len(text) + 1) if not text[:end].endswith(" ")]


async def load(
    url: str, requests: RequestMaker, clients: int, seconds: float, warmup: int
) -> tuple[list[Answer], float]:
    """`clients` connections sending `requests` back to back for `seconds`; every answer."""
    connections = [Connection(url) for _ in range(clients)]
    for _ in range(warmup):  # untimed: the first searches open the index's files
        _, path, params = requests.next()
        await connections[0].get(path, params)
    answers: list[Answer] = []
    stop = time.perf_counter() + seconds

    async def one_client(connection: Connection) -> None:
        while time.perf_counter() < stop:
            kind, path, params = requests.next()
            started, failure = time.perf_counter(), ""
            try:
                status = await connection.get(path, params)
            except HTTPFailure as error:
                status, failure = 0, str(error)
            ms = (time.perf_counter() - started) * 1000
            pairs = list(params.items()) if isinstance(params, dict) else list(params)
            answers.append(Answer(kind, ms, status, path, failure, answered(status, pairs)))

    started = time.perf_counter()
    await asyncio.gather(*(one_client(connection) for connection in connections))
    elapsed = time.perf_counter() - started
    for connection in connections:
        await connection.close()
    return answers, elapsed


def summary(answers: list[Answer], seconds: float, peak_mb: float) -> int:
    errors = [a for a in answers if not a.answered]
    print(
        f"\nRequests: {len(answers):,} in {seconds:.1f} s, "
        f"{len(answers) / seconds:.0f} requests/s; errors: {len(errors)}"
        + (f" ({_statuses(errors)})" if errors else "")
    )
    by_kind: dict[str, list[float]] = defaultdict(list)
    for answer in answers:
        by_kind[answer.kind].append(answer.ms)
    by_kind["all"] = [a.ms for a in answers]
    header = f"{'kind':<12} {'requests':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>9}"
    print(f"  {header}  p99 ≤ {TARGET_P99_MS:g} ms")
    met = True
    for kind in [*MIX, "all"]:
        timings = by_kind.get(kind)
        if not timings:
            continue
        p50, p95, p99 = (percentile(timings, share) for share in (0.5, 0.95, 0.99))
        met &= p99 <= TARGET_P99_MS
        verdict = "PASS" if p99 <= TARGET_P99_MS else "FAIL"
        print(
            f"  {kind:<12} {len(timings):>8,} {p50:>6.1f}ms {p95:>6.1f}ms {p99:>6.1f}ms "
            f"{max(timings):>7.1f}ms  {verdict}"
        )
    for error in errors[:10]:
        what = error.failure or f"HTTP {error.status}"
        print(f"  failed: {error.kind} {error.path} after {error.ms:.0f} ms: {what}")
    print(f"Server memory: peak {peak_mb:.0f} MB (VmHWM); load average after the run {_load()}")
    verdict = "met" if met and not errors else "not met"
    print(f"Target: 0 errors and p99 ≤ {TARGET_P99_MS:g} ms of every kind: {verdict}")
    return 1 if errors else 0


def _statuses(errors: list[Answer]) -> str:
    counts: dict[int, int] = defaultdict(int)
    for error in errors:
        counts[error.status] += 1
    return ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(counts.items()))


def server_problems(log: Path, lines: int = 10) -> list[str]:
    """The server log's last warnings and errors, and connections closed by its read timeout."""
    text = log.read_text(errors="replace").splitlines() if log.exists() else []
    wanted = [t for t in text if t.startswith(("WARNING", "ERROR")) or "did not arrive" in t]
    return wanted[-lines:]


if __name__ == "__main__":
    raise SystemExit(main())
