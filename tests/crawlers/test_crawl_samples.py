"""A crawl of every bundled sample source over HTTP stores what the sample files hold.

Expected numbers are computed from the data files, so the test follows the samples as they grow.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session, func, select

from catalogue.db import get_engine
from catalogue.models import Offer, Rejection, Source
from crawlers.registry import load_registry
from crawlers.run import crawl
from samples.dataset import DATA_DIR
from samples.server import SampleServer
from tests.postgres_support import Databases

FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING"}


def read(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def bur_expectation() -> tuple[int, int]:
    """(offers, rejections): a record the spider cannot key or title is rejected."""
    served = [
        r
        for r in read("bur_uslugi.json")
        if not isinstance(r, dict) or (r.get("adres") or {}).get("idWojewodztwa", 4) == 4
    ]
    good = [
        r
        for r in served
        if isinstance(r, dict)
        and r.get("id") not in (None, "")
        and isinstance(r.get("tytul"), str)
        and r["tytul"].strip()
    ]
    return len({str(r["id"]) for r in good}), len(served) - len(good)


def expectations() -> dict[str, tuple[int, int]]:
    expected = {"sample-bur": bur_expectation()}
    for path in sorted(DATA_DIR.glob("kkz_*.json")):
        site = json.loads(path.read_text(encoding="utf-8"))
        expected[f"sample-kkz-{path.stem[4:]}"] = (len(site["courses"]), 0)
    for path in sorted(DATA_DIR.glob("jsonld_*.json")):
        pages = json.loads(path.read_text(encoding="utf-8"))["pages"]
        no_offer = sum(1 for p in pages if p.get("expect") == "no_offer")
        expected[f"sample-jsonld-{path.stem[7:]}"] = (len(pages) - no_offer, no_offer)
    return expected


@pytest.fixture(scope="module")
def two_crawls(
    tmp_path_factory: pytest.TempPathFactory, databases: Databases
) -> Iterator[dict[str, Any]]:
    """Every sample source crawled twice from one server into one catalogue."""
    database_url = databases.create(tmp_path_factory.mktemp("samples"))
    names = [name for name, source in load_registry().items() if source.sample]
    engine = get_engine(database_url)
    with SampleServer() as server:
        first = {
            s.source: s for s in crawl(names, database_url, base_url=server.base_url, settings=FAST)
        }
        with Session(engine) as session:
            rows_after_first = session.exec(select(func.count()).select_from(Offer)).one()
        second = {
            s.source: s for s in crawl(names, database_url, base_url=server.base_url, settings=FAST)
        }
        yield {"first": first, "second": second, "rows_after_first": rows_after_first,
               "engine": engine, "server": server}  # fmt: skip


def test_every_sample_source_is_crawled_successfully(two_crawls):
    assert set(two_crawls["first"]) == set(expectations())
    for summary in two_crawls["first"].values():
        assert summary.status == "success", (summary.source, summary.errors)


def test_each_source_stores_as_many_offers_as_its_sample_file_holds(two_crawls):
    for source, (offers, rejections) in expectations().items():
        summary = two_crawls["first"][source]
        assert (summary.new, summary.rejected) == (offers, rejections), source
        assert summary.seen == offers + rejections
        with Session(two_crawls["engine"]) as session:
            stored = session.exec(
                select(func.count()).select_from(Offer).join(Source).where(Source.name == source)
            ).one()
        assert stored == offers, source
    total = sum(offers for offers, _ in expectations().values())
    assert two_crawls["rows_after_first"] == total


def test_the_malformed_json_ld_pages_are_recorded_as_rejections(two_crawls):
    with Session(two_crawls["engine"]) as session:
        for source, (_, rejections) in expectations().items():
            if source.startswith("sample-jsonld-"):
                run_id = two_crawls["first"][source].run_id
                rows = session.exec(select(Rejection).where(Rejection.crawl_run_id == run_id)).all()
                assert len(rows) == rejections
                assert all(row.reason and row.payload.get("url") for row in rows)


def test_a_second_crawl_adds_no_rows_and_finds_everything_unchanged(two_crawls):
    with Session(two_crawls["engine"]) as session:
        rows = session.exec(select(func.count()).select_from(Offer)).one()
    assert rows == two_crawls["rows_after_first"]
    for source, summary in two_crawls["second"].items():
        first = two_crawls["first"][source]
        assert summary.status == "success"
        assert (summary.new, summary.updated, summary.withdrawn) == (0, 0, 0)
        assert summary.unchanged == first.new
        assert summary.changed_ids == []


def test_every_stored_offer_links_to_a_page_a_person_can_open(two_crawls):
    with Session(two_crawls["engine"]) as session:
        urls = session.exec(select(Offer.url)).all()
    assert urls
    base = two_crawls["server"].base_url
    for url in urls[:: max(1, len(urls) // 15)]:  # a spread of them, from every source
        assert url.startswith(base)
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/html")


def test_a_sample_source_crawled_without_the_sites_address_fails_saying_so(database_url: str):
    # The crawlers know no sample sites: whoever crawls sample sources starts them
    # (`operations.samples`) and passes their address.
    (summary,) = crawl(["sample-bur"], database_url, settings=FAST)
    assert summary.status == "failed"
    assert any("base_url" in error for error in summary.errors)
