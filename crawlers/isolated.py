"""One crawl in a process group of its own, with a time limit: what the scheduler runs.

`crawl()` already crawls in a child process, but waits for it as long as it takes. Here
`crawl()` itself runs in a worker process (`python -m crawlers.isolated`) started in a new
session, so the whole group (worker, crawling child, a sample server) can be stopped at once:

- after `limit` seconds Scrapy closes the spider itself (CLOSESPIDER_TIMEOUT): the run is
  recorded as partial, keeping what it stored and withdrawing nothing;
- a crawl still running `kill_after` seconds later (a parser stuck in a loop never lets
  Scrapy's timer fire) is killed with its group, and its run is marked failed;
- `stop_all()` asks every running crawl to stop (SIGTERM: Scrapy closes its spiders, and the
  worker, which ignores the signal, still reports the partial run).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from catalogue.db import get_engine
from catalogue.runs import fail_unfinished
from crawlers.run import CrawlFailed, child_env, crawl
from crawlers.summary import RunSummary

RESULT_PREFIX = "@@lll-isolated "  # marks the worker's report among what the crawl printed

_running: set[subprocess.Popen] = set()
_running_lock = threading.Lock()


class CrawlTimeout(CrawlFailed):
    """The crawl overran its time and was killed."""


def crawl_isolated(
    source: str,
    database_url: str,
    *,
    limit: float,
    kill_after: float = 60.0,
    base_url: str | None = None,
    settings: dict[str, Any] | None = None,
    registry_path: Path | str | None = None,
) -> RunSummary:
    """Crawl one source as `crawl([source], …)` does, stopped after `limit` seconds."""
    request = {
        "source": source,
        "database_url": database_url,
        "base_url": base_url,
        "settings": {**(settings or {}), "CLOSESPIDER_TIMEOUT": limit},
        "registry_path": str(registry_path) if registry_path else None,
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "crawlers.isolated"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=child_env(),
        start_new_session=True,  # its own process group, out of reach of the terminal's Ctrl-C
    )
    with _running_lock:
        _running.add(worker)
    try:
        output, _ = worker.communicate(json.dumps(request), timeout=limit + kill_after)
    except subprocess.TimeoutExpired:
        _signal_group(worker, signal.SIGKILL)
        worker.communicate()
        reason = f"przekroczono limit czasu ({limit + kill_after:.0f} s), przerwano"
        fail_unfinished(get_engine(database_url), [source], reason)
        raise CrawlTimeout(f"{source}: {reason}") from None
    finally:
        with _running_lock:
            _running.discard(worker)
    return _result(source, database_url, output, worker.returncode)


def stop_all(signum: int = signal.SIGTERM) -> int:
    """Send `signum` to every running crawl's process group; returns how many."""
    with _running_lock:
        workers = list(_running)
    for worker in workers:
        _signal_group(worker, signum)
    return len(workers)


def _signal_group(worker: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it has just finished
        os.killpg(worker.pid, signum)


def _result(source: str, database_url: str, output: str, code: int) -> RunSummary:
    for line in output.splitlines():
        if not line.startswith(RESULT_PREFIX):
            sys.stdout.write(line + "\n")  # something the crawl printed: pass it on
            continue
        kind, payload = json.loads(line[len(RESULT_PREFIX) :])
        if kind == "done":
            return RunSummary(**payload)
        raise CrawlFailed(payload)
    reason = f"proces crawlera zakończył się kodem {code} bez wyników"
    fail_unfinished(get_engine(database_url), [source], reason)
    raise CrawlFailed(f"{source}: {reason}")


def _report(kind: str, payload: Any) -> None:
    sys.stdout.write(RESULT_PREFIX + json.dumps([kind, payload], ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> None:
    # SIGTERM reaches the whole group: the crawling child stops its spiders and reports, and
    # this process stays to pass the report on.
    signal.signal(signal.SIGTERM, lambda *_: None)
    request = json.load(sys.stdin)
    try:
        (summary,) = crawl(
            [request["source"]],
            request["database_url"],
            base_url=request["base_url"],
            settings=request["settings"],
            registry_path=request["registry_path"],
        )
    except (CrawlFailed, ValueError) as exc:  # ValueError: RegistryError, an unknown source
        _report("error", str(exc))
    else:
        _report("done", asdict(summary))


if __name__ == "__main__":
    main()
