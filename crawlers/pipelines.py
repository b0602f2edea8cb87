"""The item pipeline: every item goes to the catalogue through one `CrawlRecorder` per spider run.

A run is complete only when the spider closed normally ("finished") and nothing went wrong:
no `CrawlError` from an errback, no exception in a callback, no error in the log and no HTTP
error response that Scrapy skipped. Only a complete run lets the recorder withdraw the offers
the source no longer lists, and only when the run shows they are gone: a run that found no
offer at all (a maintenance page served as 200, a redesigned list) or that rejected records it
could not identify (the source renamed its id field) cannot tell which offers it missed.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from twisted.python.failure import Failure

from catalogue.db import create_all, get_engine
from catalogue.models import Offer, OfferStatus
from catalogue.settings import get_settings
from catalogue.store import CrawlRecorder
from crawlers import signals as lll_signals
from crawlers.items import CrawlError, RawOffer, Rejected
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
        self.seen_ids: set[str] = set()  # external ids of every offer and rejection
        self.unidentified = 0  # rejections without an external id
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CataloguePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        assert spider is not None  # the engine opens the spider before its pipelines
        url = self.crawler.settings.get("CATALOGUE_DATABASE_URL") or get_settings().database_url
        self.recorder = CrawlRecorder(
            engine_for(url),
            source_name=getattr(spider, "source_name", "") or spider.name,
            source_title=getattr(spider, "source_title", ""),
            source_url=getattr(spider, "source_url", ""),
        )
        self.recorder.start()
        self.started = time.monotonic()

    def process_item(self, item: Any) -> Any:
        recorder = self._recorder()
        outcome: str
        if isinstance(item, RawOffer):
            self.seen_ids.add(str(item.external_id))
            outcome = recorder.add(item)
        elif isinstance(item, Rejected):
            if item.external_id:
                self.seen_ids.add(str(item.external_id))
            else:
                self.unidentified += 1
            recorder.reject(item.reason, item.payload, item.external_id)
            outcome = "rejected"
        elif isinstance(item, CrawlError):
            log.warning("%s: %s", recorder.source_name, item.message)
            recorder.error(item.message)
            outcome = "error"
        else:
            recorder.error(f"nieznany typ elementu: {type(item).__name__}")
            outcome = "error"
        self.crawler.signals.send_catch_log(
            signal=lll_signals.item_recorded,
            source=recorder.source_name,
            outcome=outcome,
            counts=dict(recorder.counts),
            elapsed=time.monotonic() - self.started,
        )
        return item

    def spider_error(self, failure: Failure, response: Any, spider: Spider) -> None:
        self._recorder().error(f"błąd przetwarzania {response.url}: {failure.getErrorMessage()}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        recorder = self._recorder()
        for message in problems_in_stats(self.crawler.stats.get_stats(), bool(recorder.errors)):
            recorder.error(message)
        if reason != "finished":
            recorder.error(f"pająk zamknięty przed końcem: {reason}")
        elif not recorder.errors:
            doubt = withdrawal_doubt(
                len(self.missing_offers(recorder)),
                len(self.seen_ids),
                self.unidentified,
                self.crawler.settings.getfloat("MAX_WITHDRAWN_SHARE", 0.5),
            )
            if doubt:
                recorder.error(doubt)
        run = recorder.finish(complete=reason == "finished")
        summary = RunSummary.from_run(
            recorder.source_name, run, time.monotonic() - self.started, recorder.changed_ids
        )
        self.crawler.signals.send_catch_log(signal=lll_signals.run_finished, summary=summary)

    def missing_offers(self, recorder: CrawlRecorder) -> list[str]:
        """External ids of the source's active offers this run has not seen."""
        with Session(recorder.engine) as session:
            active = session.exec(
                select(Offer.external_id).where(
                    Offer.source_id == recorder.source_id, Offer.status == OfferStatus.active
                )
            ).all()
        return [external_id for external_id in active if external_id not in self.seen_ids]

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
    errors = stats.get("log_count/ERROR", 0)
    # An errback's failure is usually logged too ("Gave up retrying"); count the log only
    # when nothing else explains it.
    if errors and not already_failing and not problems:
        problems.append(f"{errors} błędów w dzienniku pająka")
    return problems


# Fewer missing offers than this are withdrawn whatever their share: a small source may
# really drop most of its few offers at once.
FEW_WITHDRAWALS = 5


def withdrawal_doubt(
    missing: int, seen: int, unidentified: int, max_share: float = 0.5
) -> str | None:
    """Why a complete run may not withdraw the `missing` offers it did not see, if it may not.

    Besides a run that saw nothing or could not identify some records, a run that would
    withdraw more than `max_share` of the source's active offers at once (a list page cut
    short with a matching Content-Length, a filter the source stopped honouring) withdraws
    nothing: the coordination office sees the error, and if the offers are really gone, a crawl
    with the Scrapy setting MAX_WITHDRAWN_SHARE=1 withdraws them.
    """
    if not missing:
        return None
    if not seen and not unidentified:
        return (
            f"źródło nie podało żadnej oferty (w katalogu {missing} aktywnych) – "
            "to raczej awaria lub zmiana strony niż koniec oferty; nic nie wycofano"
        )
    if unidentified:
        return (
            f"{unidentified} odrzuconych rekordów bez identyfikatora: nie wiadomo, czy to nie "
            f"{missing} ofert, których zabrakło; nic nie wycofano"
        )
    active = missing + seen
    if missing >= FEW_WITHDRAWALS and missing > max_share * active:
        return (
            f"zniknęłoby naraz {missing} z {active} aktywnych ofert (więcej niż "
            f"{max_share:.0%}) – to raczej awaria lub zmiana źródła; nic nie wycofano"
        )
    return None
