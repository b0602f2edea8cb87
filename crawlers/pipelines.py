"""The item pipeline: every item goes to the catalogue through one `CrawlRecorder` per spider run.

A run is complete only when the spider closed normally ("finished") and nothing went wrong:
no `CrawlError` from an errback, no exception in a callback, no error in the log and no HTTP
error response that Scrapy skipped. Only a complete run lets the recorder withdraw the offers
the source no longer lists, and only when the run shows they are gone (see
`catalogue.store.withdrawal_doubt`); the Scrapy setting MAX_WITHDRAWN_SHARE sets how much of a
source one run may withdraw.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from twisted.python.failure import Failure

from catalogue.db import create_all, get_engine
from catalogue.settings import CatalogueSettings
from catalogue.store import CrawlRecorder, describe_database_error
from crawlers import signals as lll_signals
from crawlers.items import CrawlError, RawOffer, Rejected
from crawlers.middlewares import ADDRESS_STAT, OFFSITE_STAT
from crawlers.summary import RunSummary

log = logging.getLogger(__name__)
_ENGINES: dict[str, Engine] = {}  # one engine (and one schema upgrade) per database per process


def engine_for(database_url: str) -> Engine:
    if database_url not in _ENGINES:
        engine = get_engine(database_url)
        create_all(engine)
        _ENGINES[database_url] = engine
    return _ENGINES[database_url]


class CataloguePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.recorder: CrawlRecorder | None = None
        self.started = 0.0
        self.catalogue_error: str | None = None
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CataloguePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        assert spider is not None  # the engine opens the spider before its pipelines
        url = self.crawler.settings.get("CATALOGUE_DATABASE_URL")
        url = url or CatalogueSettings().database_url
        self.recorder = CrawlRecorder(
            engine_for(url),
            source_name=getattr(spider, "source_name", "") or spider.name,
            source_title=getattr(spider, "source_title", ""),
            source_url=getattr(spider, "source_url", ""),
        )
        self.recorder.start()
        self.started = time.monotonic()

    def process_item(self, item: Any) -> Any:
        if self.catalogue_error:
            return item  # the catalogue refused a write: the spider is closing, nothing stored
        try:
            outcome = self._record(item)
        except SQLAlchemyError as exc:
            self._catalogue_failed(describe_database_error(exc))
            return item
        recorder = self._recorder()
        self.crawler.signals.send_catch_log(
            signal=lll_signals.item_recorded,
            source=recorder.source_name,
            outcome=outcome,
            counts=dict(recorder.counts),
            elapsed=time.monotonic() - self.started,
        )
        return item

    def _catalogue_failed(self, message: str) -> None:
        """A write the catalogue refused (read-only, no rights, disk full): said once, in one
        line, and the crawl of this source stops, rather than a traceback for every item."""
        self.catalogue_error = message
        recorder = self._recorder()
        log.error("%s: %s", recorder.source_name, message)
        recorder.error(message)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="catalogue_error"))

    def _record(self, item: Any) -> str:
        recorder = self._recorder()
        outcome: str
        if isinstance(item, RawOffer):
            outcome = recorder.add(item)
        elif isinstance(item, Rejected):
            recorder.reject(item.reason, item.payload, item.external_id)
            outcome = "rejected"
        elif isinstance(item, CrawlError):
            log.warning("%s: %s", recorder.source_name, item.message)
            recorder.error(item.message)
            outcome = "error"
        else:
            recorder.error(f"nieznany typ elementu: {type(item).__name__}")
            outcome = "error"
        return outcome

    def spider_error(self, failure: Failure, response: Any, spider: Spider) -> None:
        self._recorder().error(f"błąd przetwarzania {response.url}: {failure.getErrorMessage()}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        recorder = self._recorder()
        for message in problems_in_stats(self.crawler.stats.get_stats(), bool(recorder.errors)):
            recorder.error(message)
        if reason != "finished":
            recorder.error(f"pająk zamknięty przed końcem: {reason}")
        seconds = time.monotonic() - self.started
        try:
            run = recorder.finish(
                complete=reason == "finished",
                max_withdrawn_share=self.crawler.settings.getfloat("MAX_WITHDRAWN_SHARE", 0.5),
                kept_urls=set(getattr(spider, "robots_blocked", ())),
                failed=self.catalogue_error is not None,
                doubt_fails=self.crawler.settings.getbool("DOUBTFUL_RUN_FAILS"),
            )
        except SQLAlchemyError as exc:  # the run cannot be recorded: it is reported all the same
            message = self.catalogue_error or describe_database_error(exc)
            log.error("%s: %s", recorder.source_name, message)
            counts = recorder.counts
            summary = RunSummary(
                recorder.source_name, "failed", seen=counts["seen"], new=counts["new"],
                updated=counts["updated"], unchanged=counts["unchanged"],
                rejected=counts["rejected"], seconds=round(seconds, 3),
                errors=list(dict.fromkeys([*recorder.errors, message])),
            )  # fmt: skip
        else:
            summary = RunSummary.from_run(recorder.source_name, run, seconds, recorder.changed_ids)
        self.crawler.signals.send_catch_log(signal=lll_signals.run_finished, summary=summary)

    def _recorder(self) -> CrawlRecorder:
        if self.recorder is None:
            raise RuntimeError("the pipeline was not opened")
        return self.recorder


def problems_in_stats(stats: dict[str, Any], already_failing: bool) -> list[str]:
    """Failures that no errback reported: HTTP errors Scrapy skipped, errors in the log."""
    problems = []
    ignored = stats.get("httperror/response_ignored_count", 0)
    if ignored:
        problems.append(f"{ignored} odpowiedzi HTTP z błędem pominięto")
    offsite = stats.get(OFFSITE_STAT, 0)
    if offsite:
        problems.append(f"{offsite} żądań poza domenami źródła odrzucono (nic z nich nie pobrano)")
    private = stats.get(ADDRESS_STAT, 0)
    if private:
        problems.append(f"{private} żądań do adresów niepublicznych odrzucono (nic nie pobrano)")
    errors = stats.get("log_count/ERROR", 0)
    # An errback's failure is usually logged too ("Gave up retrying"); count the log only
    # when nothing else explains it.
    if errors and not already_failing and not problems:
        problems.append(f"{errors} błędów w dzienniku pająka")
    return problems
