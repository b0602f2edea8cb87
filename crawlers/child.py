"""The crawling process: runs every job's spider in one Twisted reactor and reports back.

`crawlers.run` starts it as `python -m crawlers.child`, writes a JSON request to its stdin
({"jobs": [CrawlJob…], "database_url": …, "settings": {…}}) and reads its reports from stdout,
one JSON line each after a marker: ["progress", {…}] while crawling, ["done", [RunSummary…]],
or ["fatal", "…"] with the one-line cause when the catalogue cannot be written at all.
The parent keeps the child's stdin open while it lives: when it closes, the child stops.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TextIO

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from sqlalchemy.exc import SQLAlchemyError

from catalogue.runs import fail_runs_of_process
from catalogue.store import (
    CatalogueUnwritable,
    CrawlRecorder,
    check_writable,
    describe_database_error,
)
from crawlers import signals as lll_signals
from crawlers.pipelines import engine_for
from crawlers.settings import user_agent_problem
from crawlers.summary import MESSAGE_PREFIX, CrawlJob, RunSummary

Emit = Callable[[tuple[str, Any]], None]
PROGRESS_EVERY = 0.2  # seconds between progress messages of one source
PARENT_GONE = "proces nadrzędny (lll crawl, harmonogram) zniknął: przeszukiwanie przerwano"


def project_settings(database_url: str, overrides: dict[str, Any]) -> Settings:
    settings = Settings()
    settings.setmodule("crawlers.scrapy_settings", priority="project")
    settings.set("CATALOGUE_DATABASE_URL", database_url, priority="project")
    settings.setdict(overrides, priority="cmdline")
    return settings


def run_jobs(
    jobs: list[CrawlJob], database_url: str, overrides: dict[str, Any], emit: Emit
) -> list[RunSummary]:
    settings = project_settings(database_url, overrides)
    engine_for(database_url)  # upgrade the schema once, before the spiders share it
    process = CrawlerProcess(settings)
    loader = SpiderLoader.from_settings(settings)
    finished: dict[str, RunSummary] = {}
    started: list[CrawlJob] = []
    for job in jobs:
        if job.error is None:
            try:
                crawler = process.create_crawler(loader.load(job.spider))
            except KeyError:
                job.error = f"nieznany pająk: {job.spider}"
                continue
            crawler.settings.setdict(job.settings, priority="spider")
            # A crawl that may reach only public hosts is of real sources: their owners must
            # be able to read who we are (sample sources and tests may link 127.0.0.1).
            if not crawler.settings.getbool("LLL_ALLOW_LOOPBACK"):
                job.error = user_agent_problem(crawler.settings.get("USER_AGENT", ""))
                if job.error:
                    continue
            watch(crawler, job.source, finished, emit)
            process.crawl(crawler, **job.kwargs)
            started.append(job)
    if started:
        process.start()
    return [finished.get(job.source) or failed_run(job, database_url) for job in jobs]


def watch(crawler: Crawler, source: str, finished: dict[str, RunSummary], emit: Emit) -> None:
    last_sent = [0.0]

    def on_item(source: str, outcome: str, counts: dict[str, int], elapsed: float) -> None:
        now = time.monotonic()
        if now - last_sent[0] >= PROGRESS_EVERY:
            last_sent[0] = now
            emit(("progress", {"source": source, "counts": counts, "elapsed": elapsed}))

    def on_finished(summary: RunSummary) -> None:
        finished[source] = summary
        emit(("progress", {"source": source, "counts": asdict_counts(summary),
                           "elapsed": summary.seconds, "status": summary.status}))  # fmt: skip

    crawler.signals.connect(on_item, signal=lll_signals.item_recorded, weak=False)
    crawler.signals.connect(on_finished, signal=lll_signals.run_finished, weak=False)


def asdict_counts(summary: RunSummary) -> dict[str, int]:
    names = ("seen", "new", "updated", "unchanged", "rejected", "withdrawn")
    return {name: getattr(summary, name) for name in names}


def failed_run(job: CrawlJob, database_url: str) -> RunSummary:
    """Record a run that never got going (bad configuration, a spider that did not start)."""
    recorder = CrawlRecorder(
        engine_for(database_url), source_name=job.source, source_title=job.title, source_url=job.url
    )
    recorder.start()
    recorder.error(job.error or "pająk nie wystartował (szczegóły w dzienniku)")
    run = recorder.finish(complete=False)
    return RunSummary.from_run(job.source, run, 0.0, recorder.changed_ids)


def emit(message: tuple[str, Any]) -> None:
    try:
        sys.stdout.write(MESSAGE_PREFIX + json.dumps(message, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the parent is gone: nobody to tell
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (no flush error at exit either)


def stop_when_parent_goes(
    database_url: str, stdin: TextIO = sys.stdin, grace: float = 10.0
) -> threading.Thread:
    """Stop when the parent is gone: it keeps our stdin open while it lives, so its end of
    file means it died (even by SIGKILL, which no handler sees). SIGTERM first, so Scrapy closes
    the spiders and their runs are recorded as partial; a download that hangs can hold that up,
    so after `grace` seconds the runs still open are failed and the process exits."""

    def watch() -> None:
        while stdin.read(4096):
            pass
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(grace)
        with contextlib.suppress(Exception):  # exit whatever the catalogue says
            fail_runs_of_process(engine_for(database_url), os.getpid(), PARENT_GONE)
        os._exit(3)

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


def main() -> None:
    request = json.loads(sys.stdin.readline())
    stop_when_parent_goes(request["database_url"])
    jobs = [CrawlJob(**job) for job in request["jobs"]]
    try:
        check_writable(engine_for(request["database_url"]))
        summaries = run_jobs(jobs, request["database_url"], request.get("settings") or {}, emit)
    except CatalogueUnwritable as exc:
        emit(("fatal", str(exc)))
        sys.exit(2)
    except SQLAlchemyError as exc:  # the schema upgrade, or a run that could not be recorded
        emit(("fatal", describe_database_error(exc)))
        sys.exit(2)
    emit(("done", [asdict(summary) for summary in summaries]))


if __name__ == "__main__":
    main()
