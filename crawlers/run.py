"""Run crawls: `crawl(["sample-bur"], database_url)` -> one RunSummary per source.

Twisted's reactor cannot be restarted in one process, so each call runs its spiders in a fresh
child process (`python -m crawlers.child`); the parent starts the sample server when a sample
source needs one, shows progress, and collects the summaries. `crawl()` can therefore be called
again and again from one process: the tests, the CLI, the scheduler. (A subprocess rather than
multiprocessing's 'spawn', which re-runs the caller's main module and so breaks any script that
calls `crawl()` without an `if __name__ == "__main__"` guard.)

    python -m crawlers.run sample-bur --database-url sqlite:///var/test.sqlite3 --progress
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from catalogue.db import get_engine
from catalogue.runs import fail_unfinished
from crawlers.progress import ProgressDisplay
from crawlers.registry import SourceConfig, load_registry, select_sources
from crawlers.samples.server import SampleServer
from crawlers.summary import MESSAGE_PREFIX, CrawlJob, RunSummary

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PORT = 8001  # a stable address keeps the sample offers' URLs the same between crawls


class CrawlFailed(RuntimeError):
    """The crawling process died before it could report."""


def start_sample_server() -> SampleServer:
    try:
        return SampleServer(port=SAMPLE_PORT).start()
    except OSError:  # the port is taken: any free port will do
        return SampleServer().start()


def crawl(
    source_names: list[str] | None,
    database_url: str,
    *,
    base_url: str | None = None,
    progress: bool = False,
    settings: dict[str, Any] | None = None,
    registry_path: Path | str | None = None,
) -> list[RunSummary]:
    """Crawl the named sources (every enabled one when None) into `database_url`.

    `settings` overrides Scrapy settings for every source (tests turn AutoThrottle off);
    `registry_path` reads another sources.toml.
    """
    sources = select_sources(load_registry(registry_path), source_names)
    server = None
    if base_url is None and any(s.needs_base_url for s in sources):
        server = start_sample_server()
        base_url = server.base_url
    overrides = dict(settings or {})
    # Scrapy's INFO log drowns the summary (and the live table); ask for it with settings.
    overrides.setdefault("LOG_LEVEL", "WARNING")
    try:
        jobs = [make_job(source, base_url) for source in sources]
        return run_child(jobs, database_url, overrides, progress)
    except CrawlFailed as exc:
        fail_unfinished(get_engine(database_url), [s.name for s in sources], str(exc))
        raise
    finally:
        if server is not None:
            server.stop()


def make_job(source: SourceConfig, base_url: str | None) -> CrawlJob:
    job = CrawlJob(source.name, source.title, source.url, source.spider, settings=source.settings)
    try:
        job.kwargs = source.spider_kwargs(base_url)
        job.url = job.kwargs["source_url"]
    except ValueError as exc:
        job.error = str(exc)
    return job


def child_env() -> dict[str, str]:
    paths = [str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def run_child(
    jobs: list[CrawlJob], database_url: str, overrides: dict[str, Any], progress: bool
) -> list[RunSummary]:
    request = {
        "jobs": [asdict(j) for j in jobs],
        "database_url": database_url,
        "settings": overrides,
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "crawlers.child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=child_env(),
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps(request))
    child.stdin.close()
    result: list[dict[str, Any]] | None = None
    with ProgressDisplay([job.source for job in jobs], enabled=progress) as display:
        for line in child.stdout:
            if not line.startswith(MESSAGE_PREFIX):
                sys.stdout.write(line)  # something in the child printed: pass it on
                continue
            kind, payload = json.loads(line[len(MESSAGE_PREFIX) :])
            if kind == "progress":
                display.update(**payload)
            elif kind == "done":
                result = payload
    code = child.wait()
    if result is None:
        raise CrawlFailed(f"proces crawlera zakończył się kodem {code} bez wyników (zob. stderr)")
    return [RunSummary(**summary) for summary in result]


def main(argv: list[str] | None = None) -> None:
    from catalogue.settings import get_settings

    parser = argparse.ArgumentParser(description="Crawl sources into the catalogue.")
    parser.add_argument("sources", nargs="*", help="source names (default: every enabled one)")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--base-url", default=None, help="the sample server, if already running")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)
    database_url = args.database_url or get_settings().database_url
    summaries = crawl(
        args.sources or None, database_url, base_url=args.base_url, progress=args.progress
    )
    for s in summaries:
        print(
            f"{s.source}: {s.status}, widziane {s.seen}, nowe {s.new}, zmienione {s.updated}, "
            f"bez zmian {s.unchanged}, odrzucone {s.rejected}, wycofane {s.withdrawn}, "
            f"{s.seconds:.1f} s"
        )
        for error in s.errors[:5]:
            print(f"  ! {error}")


if __name__ == "__main__":
    main()
