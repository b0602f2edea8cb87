"""The catalogue stores crawled offers idempotently and records every crawl run."""

from __future__ import annotations

import pytest
from sqlmodel import Session, func, select

from catalogue.db import get_engine
from catalogue.models import CrawlRun, Edition, Offer, OfferStatus, Rejection, RunStatus
from catalogue.raw import RawEdition, RawOffer
from catalogue.runs import fail_unfinished
from catalogue.store import CrawlRecorder


@pytest.fixture
def engine(database_url):
    engine = get_engine(database_url)
    yield engine
    engine.dispose()


def welding(external_id: str = "1", price: int = 246000, title: str | None = None) -> RawOffer:
    return RawOffer(
        source="test",
        external_id=external_id,
        url=f"https://example.org/uslugi/{external_id}",
        title=title or "Kurs spawania metodą MAG (135)",
        description="Kurs przygotowuje do egzaminu spawacza metodą MAG.",
        provider_name="Zakład Doskonalenia Zawodowego w Zielonej Górze",
        kind="Usługa szkoleniowa",
        category="Techniczne",
        form="stacjonarna",
        editions=[
            RawEdition(
                start="2027-01-11T00:00:00+01:00",
                end="2027-02-26T00:00:00+01:00",
                town="Zielona Góra",
                price=price,
                price_in_grosze=True,
                seats=12,
            )
        ],
    )


def crawl(engine, offers, complete: bool = True) -> CrawlRun:
    recorder = CrawlRecorder(engine, "test", "Źródło testowe", "https://example.org")
    recorder.start()
    for raw in offers:
        recorder.add(raw)
    return recorder.finish(complete=complete)


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_a_new_offer_is_stored_with_its_edition(engine):
    run = crawl(engine, [welding()])
    assert (run.status, run.seen, run.new) == (RunStatus.success, 1, 1)
    with Session(engine) as session:
        offer = session.exec(select(Offer)).one()
        assert offer.title == "Kurs spawania metodą MAG (135)"
        assert offer.institution.name.startswith("Zakład Doskonalenia Zawodowego")
        [edition] = offer.editions
        assert edition.price_grosze == 246000
        assert edition.powiat_teryt == "0862"


def test_a_second_crawl_of_unchanged_offers_adds_nothing(engine):
    crawl(engine, [welding("1"), welding("2", title="Spawanie metodą TIG (141)")])
    offers, editions = count(engine, Offer), count(engine, Edition)
    run = crawl(engine, [welding("1"), welding("2", title="Spawanie metodą TIG (141)")])
    assert (run.seen, run.new, run.updated, run.unchanged) == (2, 0, 0, 2)
    assert (count(engine, Offer), count(engine, Edition)) == (offers, editions)


def test_a_changed_price_updates_the_offer_in_place(engine):
    crawl(engine, [welding(price=246000)])
    run = crawl(engine, [welding(price=199000)])
    assert (run.updated, run.new) == (1, 0)
    with Session(engine) as session:
        [edition] = session.exec(select(Edition)).all()
        assert edition.price_grosze == 199000


def test_an_offer_without_a_title_is_rejected_and_recorded(engine):
    broken = welding("3", title="   ")
    run = crawl(engine, [welding("1"), broken])
    assert (run.new, run.rejected) == (1, 1)
    with Session(engine) as session:
        rejection = session.exec(select(Rejection)).one()
        assert rejection.external_id == "3"
        assert rejection.payload["external_id"] == "3"


def test_a_complete_run_withdraws_offers_its_source_no_longer_lists(engine):
    crawl(engine, [welding("1"), welding("2", title="Spawanie metodą TIG (141)")])
    run = crawl(engine, [welding("1")])
    assert run.withdrawn == 1
    with Session(engine) as session:
        statuses = dict(session.exec(select(Offer.external_id, Offer.status)).all())
    assert statuses == {"1": OfferStatus.active, "2": OfferStatus.withdrawn}


def test_a_partial_run_withdraws_nothing(engine):
    crawl(engine, [welding("1"), welding("2", title="Spawanie metodą TIG (141)")])
    run = crawl(engine, [welding("1")], complete=False)
    assert (run.status, run.withdrawn) == (RunStatus.partial, 0)
    with Session(engine) as session:
        assert set(session.exec(select(Offer.status)).all()) == {OfferStatus.active}


def test_a_run_with_errors_is_partial_even_when_the_spider_finished(engine):
    recorder = CrawlRecorder(engine, "test")
    recorder.start()
    recorder.add(welding("1"))
    recorder.error("HTTP 500 https://example.org/api?strona=2")
    run = recorder.finish(complete=True)
    assert run.status == RunStatus.partial
    assert run.errors == ["HTTP 500 https://example.org/api?strona=2"]


def test_a_rejected_item_keeps_its_stored_offer_active(engine):
    crawl(engine, [welding("1"), welding("2", title="Spawanie metodą TIG (141)")])
    run = crawl(engine, [welding("1"), welding("2", title="   ")])
    assert (run.rejected, run.withdrawn) == (1, 0)
    with Session(engine) as session:
        offer = session.exec(select(Offer).where(Offer.external_id == "2")).one()
        assert (offer.status, offer.title) == (OfferStatus.active, "Spawanie metodą TIG (141)")


def test_a_change_only_in_the_sources_extras_updates_the_offer(engine):
    crawl(engine, [welding()])
    changed = welding()
    changed.extras = {"ocena": 4.8}
    run = crawl(engine, [changed])
    assert run.updated == 1
    with Session(engine) as session:
        assert session.exec(select(Offer)).one().extras == {"ocena": 4.8}


def test_runs_left_running_by_a_dead_crawl_are_marked_failed(engine):
    recorder = CrawlRecorder(engine, "test")
    recorder.start()
    recorder.add(welding())  # the process dies here, before finish()
    assert fail_unfinished(engine, ["test"], "proces crawlera przerwany") == 1
    with Session(engine) as session:
        run = session.exec(select(CrawlRun)).one()
    assert run.status == RunStatus.failed
    assert run.errors == ["proces crawlera przerwany"]
    assert count(engine, Offer) == 1  # what it had stored stays
