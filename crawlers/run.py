"""Run crawls: `crawl(["sample-bur"], database_url)` -> one RunSummary per source.

Twisted's reactor cannot be restarted in one process, so each call crawls in one fresh child
process (`python -m crawlers.child`) that runs every asked source's spider in one reactor, and
reports on its stdout (see `crawlers.child`). `crawl()` can therefore be called again and again
from one process: the tests, the command line, the scheduler. (A subprocess rather than
multiprocessing's 'spawn', which re-runs the caller's main module.)

The child starts a session of its own, so the crawl can be stopped as one process group:

- with `limit`, Scrapy closes the spiders after `limit` seconds (CLOSESPIDER_TIMEOUT): the runs
  are recorded as partial, keeping what they stored and withdrawing nothing; a crawl still
  running `kill_after` seconds later (a parser stuck in a loop never lets Scrapy's timer fire)
  is killed, its runs are marked failed and `CrawlTimeout` is raised;
- `stop_all()` asks every running crawl to stop (SIGTERM: Scrapy closes its spiders and the
  child still reports the partial runs); Ctrl-C in the caller does the same for its crawl;
- a child that dies without reporting has its runs marked failed, and `CrawlFailed` is raised;
  a catalogue that refuses writes raises `CatalogueUnwritable` with the cause in one line;
- the child stops by itself when this process dies (even by SIGKILL: see `crawlers.child`), and
  each crawl first marks failed the runs whose process is gone (`catalogue.runs.fail_abandoned`).

Sources whose URLs name the sample server (`{base_url}`) need `base_url`: the caller starts
the sample sites (see `operations.samples`); without it their runs are recorded as failed.
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

from sqlalchemy.exc import SQLAlchemyError

from catalogue.db import get_engine
from catalogue.runs import fail_abandoned, fail_unfinished
from crawlers.progress import ProgressDisplay
from crawlers.registry import SourceConfig, load_registry, select_sources
from crawlers.summary import MESSAGE_PREFIX, CrawlJob, RunSummary

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_running: set[subprocess.Popen[str]] = set()
_running_lock = threading.Lock()


class CrawlFailed(RuntimeError):
    """The crawling process died before it could report."""


class CrawlTimeout(CrawlFailed):
    """The crawl overran its time and was killed."""


class CatalogueUnwritable(CrawlFailed):
    """The catalogue refused writes: nothing could be crawled (the message is the cause)."""


def crawl(
    source_names: list[str] | None,
    database_url: str,
    *,
    base_url: str | None = None,
    progress: bool = False,
    settings: dict[str, Any] | None = None,
    registry_path: Path | str | None = None,
    limit: float | None = None,
    kill_after: float = 60.0,
) -> list[RunSummary]:
    """Crawl the named sources (every enabled one when None) into `database_url`.

    `settings` overrides Scrapy settings for every source (tests turn AutoThrottle off);
    `registry_path` reads another sources.toml; `limit` bounds the crawl's time in seconds.
    """
    engine = get_engine(database_url)
    try:  # the registry's sources and the feeds institutions registered in this catalogue
        sources = select_sources(load_registry(registry_path, engine=engine), source_names)
    except BaseException:
        engine.dispose()
        raise
    overrides = dict(settings or {})
    # Scrapy's INFO log drowns the summary (and the live table); ask for it with settings.
    overrides.setdefault("LOG_LEVEL", "WARNING")
    if limit is not None:
        overrides["CLOSESPIDER_TIMEOUT"] = limit
    jobs = [make_job(source, base_url) for source in sources]
    names = [job.source for job in jobs]
    # Runs a killed crawl left `running`; a catalogue that cannot be written (or is not yet
    # upgraded) is the child's to report, in one line.
    with contextlib.suppress(SQLAlchemyError):
        fail_abandoned(engine)
    try:
        return _run_child(jobs, database_url, overrides, progress, limit, kill_after)
    except CrawlFailed as exc:
        with contextlib.suppress(SQLAlchemyError):  # recorded as failed when it can be at all
            fail_unfinished(engine, names, str(exc))
        raise
    finally:
        engine.dispose()


def make_job(source: SourceConfig, base_url: str | None) -> CrawlJob:
    job = CrawlJob(
        source.name, source.title, source.url, source.spider, settings=source.crawl_settings
    )
    try:
        job.kwargs = source.spider_kwargs(base_url)
        job.url = job.kwargs["source_url"]
    except ValueError as exc:
        job.error = str(exc)
    return job


def stop_all(signum: int = signal.SIGTERM) -> int:
    """Send `signum` to every running crawl's process group; returns how many."""
    with _running_lock:
        children = list(_running)
    for child in children:
        _signal_group(child, signum)
    return len(children)


def _run_child(
    jobs: list[CrawlJob],
    database_url: str,
    overrides: dict[str, Any],
    progress: bool,
    limit: float | None,
    kill_after: float,
) -> list[RunSummary]:
    request = {"jobs": [asdict(j) for j in jobs], "database_url": database_url,
               "settings": overrides}  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-m", "crawlers.child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_child_env(),
        start_new_session=True,  # its own process group, out of reach of the terminal's Ctrl-C
    )
    timed_out = threading.Event()
    timer = threading.Timer(limit + kill_after, _kill, (child, timed_out)) if limit else None
    with _running_lock:
        _running.add(child)
    try:
        if timer is not None:
            timer.start()
        assert child.stdin is not None
        # One line, and stdin stays open while we live: the child stops when it closes.
        child.stdin.write(json.dumps(request) + "\n")
        child.stdin.flush()
        result = _read_reports(child, [job.source for job in jobs], progress)
        code = child.wait()
    finally:
        if timer is not None:
            timer.cancel()
        with _running_lock:
            _running.discard(child)
        with contextlib.suppress(OSError):
            child.stdin.close()  # type: ignore[union-attr]  # PIPE: never None
    if timed_out.is_set():
        assert limit is not None  # only the timer sets it, and only a limit starts the timer
        raise CrawlTimeout(f"przekroczono limit czasu ({limit + kill_after:.0f} s), przerwano")
    if isinstance(result, str):
        raise CatalogueUnwritable(result)
    if result is None:
        raise CrawlFailed(f"proces crawlera zakończył się kodem {code} bez wyników (zob. stderr)")
    return [RunSummary(**summary) for summary in result]


def _read_reports(
    child: subprocess.Popen[str], sources: list[str], progress: bool
) -> list[dict[str, Any]] | str | None:
    """Follow the child's reports until it closes its stdout; the summaries it sent, if any."""
    assert child.stdout is not None
    result = None
    interrupted = False
    with ProgressDisplay(sources, enabled=progress) as display:
        while True:
            try:
                line = child.stdout.readline()
            except KeyboardInterrupt:
                if interrupted:
                    raise
                interrupted = True  # Ctrl-C: let the crawl stop and report its partial runs
                _signal_group(child, signal.SIGTERM)
                continue
            if not line:
                return result
            if not line.startswith(MESSAGE_PREFIX):
                sys.stdout.write(line)  # something in the child printed: pass it on
                continue
            kind, payload = json.loads(line[len(MESSAGE_PREFIX) :])
            if kind == "progress":
                display.update(**payload)
            elif kind in ("done", "fatal"):
                result = payload  # the summaries, or the one-line cause of a fatal failure


def _kill(child: subprocess.Popen[str], timed_out: threading.Event) -> None:
    timed_out.set()
    _signal_group(child, signal.SIGKILL)


def _signal_group(child: subprocess.Popen[str], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it has just finished
        os.killpg(child.pid, signum)


def _child_env() -> dict[str, str]:
    paths = [str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
