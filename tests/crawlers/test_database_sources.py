"""A feed an institution registered in its panel, crawled for real over HTTP from a local server:
its offers are the institution's, and the crawl stays on the feed's host, follows few redirects
and reaches a loopback address only when the test allows it (LLL_ALLOW_LOOPBACK)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Institution, Offer, OfferStatus, Source
from crawlers.run import crawl
from operations.crawling import crawl_and_index
from operations.institution_feeds import feed_offers, register_feed
from samples.faults import Fault
from tests.app_settings import app_settings
from tests.crawlers.conftest import FAST
from tests.crawlers.recorded import RECORDED, RecordedServer
from tests.operations.test_institution_feeds import add_institution

CSV_PATH = "/rekrutacja/oferta-kursow.csv"  # tests/crawlers/recorded/feed: 10 offers, 2 bad rows
SETTINGS = {**FAST, "HTTPCACHE_ENABLED": False}


@pytest.fixture
def server() -> Iterator[RecordedServer]:
    with RecordedServer(RECORDED / "feed") as running:
        yield running


def registered(database_url: str, url: str) -> tuple[Institution, Source]:
    """An approved institution with the feed `url` registered (loopback allowed, as in tests)."""
    with Session(get_engine(database_url), expire_on_commit=False) as db:
        school = add_institution(db, "Centrum Kształcenia Rejestrującego")
        feed = register_feed(db, school, url=url, kind="file", allow_loopback=True)
        return school, feed


def offers_of(database_url: str, feed: Source) -> list[Offer]:
    with Session(get_engine(database_url)) as db:
        return list(db.exec(select(Offer).where(Offer.source_id == feed.id)).all())


def test_lll_crawl_reads_a_registered_feed_into_its_institutions_offers_and_the_index(
    server: RecordedServer, database_url: str, tmp_path: Path
) -> None:
    school, feed = registered(database_url, server.base_url + CSV_PATH)
    settings = app_settings(database_url, tmp_path / "index")

    outcome = crawl_and_index(settings, [feed.name], crawl_settings=SETTINGS)

    (summary,) = outcome.summaries
    assert (summary.source, summary.status, summary.new, summary.rejected) == (
        feed.name, "success", 10, 2,
    )  # fmt: skip
    offers = offers_of(database_url, feed)
    assert len(offers) == 10
    # The rows name their organiser ("Nadodrze"); the feed is the registered institution's.
    assert {offer.institution_id for offer in offers} == {school.id}
    assert outcome.indexed >= 10
    with Session(get_engine(database_url)) as db:  # what its panel lists
        assert len(feed_offers(db, school)) == 10


def test_every_enabled_feed_is_crawled_when_no_source_is_named(
    server: RecordedServer, database_url: str, tmp_path: Path
) -> None:
    _, feed = registered(database_url, server.base_url + CSV_PATH)
    registry = tmp_path / "sources.toml"
    registry.write_text("", encoding="utf-8")  # no sources in the file

    summaries = crawl(None, database_url, settings=SETTINGS, registry_path=registry)

    assert [(s.source, s.status) for s in summaries] == [(feed.name, "success")]


def test_a_chain_of_redirects_is_cut_after_three(server: RecordedServer, database_url: str) -> None:
    for n in range(6):
        server.faults.add(Fault(f"/krok-{n}.csv", status=302, body="",
                                headers={"Location": f"/krok-{n + 1}.csv"}))  # fmt: skip
    server.faults.add(Fault("/krok-6.csv", status=200, body="tytul\nKurs\n"))
    _, feed = registered(database_url, server.base_url + "/krok-0.csv")

    (summary,) = crawl([feed.name], database_url, settings=SETTINGS)

    assert summary.status == "failed"
    asked = [seen.path for seen in server.requests.all() if seen.path.startswith("/krok-")]
    assert asked == ["/krok-0.csv", "/krok-1.csv", "/krok-2.csv", "/krok-3.csv"]
    assert offers_of(database_url, feed) == []


def test_a_redirect_to_another_host_is_not_followed(
    server: RecordedServer, database_url: str
) -> None:
    other = server.base_url.replace("127.0.0.1", "localhost") + CSV_PATH  # the same server
    server.faults.add(Fault("/oferta.csv", status=302, body="", headers={"Location": other}))
    _, feed = registered(database_url, server.base_url + "/oferta.csv")

    (summary,) = crawl([feed.name], database_url, settings=SETTINGS)

    assert summary.status != "success"
    assert any("poza domenami źródła" in error for error in summary.errors)
    assert [s.path for s in server.requests.all() if s.path == CSV_PATH] == []
    assert offers_of(database_url, feed) == []


def test_without_the_test_setting_a_loopback_feed_is_refused_before_any_request(
    server: RecordedServer, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUBLIC_URL", "https://kursy.lubuskie.example.pl")  # a real crawl's
    monkeypatch.delenv("LLL_ALLOW_LOOPBACK", raising=False)
    local = server.base_url.replace("127.0.0.1", "localhost")  # a name resolving to 127.0.0.1
    _, feed = registered(database_url, local + CSV_PATH)

    (summary,) = crawl(
        [feed.name], database_url, settings={**SETTINGS, "LLL_ALLOW_LOOPBACK": False}
    )

    assert server.requests.all() == []  # not even robots.txt
    assert summary.status == "failed"
    assert any("adres pętli zwrotnej 127.0.0.1" in error for error in summary.errors)
    assert offers_of(database_url, feed) == []


def test_a_disabled_feed_is_not_crawled(
    server: RecordedServer, database_url: str, tmp_path: Path
) -> None:
    _, feed = registered(database_url, server.base_url + CSV_PATH)
    with Session(get_engine(database_url)) as db:
        source = db.get(Source, feed.id)
        assert source is not None
        source.enabled = False
        db.commit()
    registry = tmp_path / "sources.toml"
    registry.write_text("", encoding="utf-8")

    assert crawl(None, database_url, settings=SETTINGS, registry_path=registry) == []
    assert server.requests.all() == []
    assert all(o.status == OfferStatus.active for o in offers_of(database_url, feed))
