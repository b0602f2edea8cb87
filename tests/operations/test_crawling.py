"""`lll crawl`'s use case: crawl, starting the sample sites when a sample source needs them, and
update the index."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer
from operations.crawling import crawl_and_index
from search.backends import get_backend
from search.interface import Query
from tests.app_settings import app_settings
from tests.crawlers.conftest import FAST


def test_crawl_and_index_starts_the_sample_sites_itself_and_stops_them_after(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    settings = app_settings(database_url, tmp_path / "index")
    outcome = crawl_and_index(settings, ["sample-bur"], progress=True, crawl_settings=FAST)
    (summary,) = outcome.summaries
    assert summary.status == "success" and not outcome.failed
    assert "sample-bur" in capsys.readouterr().out  # the progress table
    assert outcome.indexed >= summary.new > 0
    assert get_backend(settings.search).search(Query(text="spawanie")).total > 0
    with Session(get_engine(database_url)) as session:
        url = session.exec(select(Offer.url)).first()
    assert url is not None
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)  # the sites are gone


def test_crawl_and_index_with_no_source_enabled_crawls_nothing(database_url: str, tmp_path: Path):
    registry = tmp_path / "sources.toml"
    registry.write_text("", encoding="utf-8")
    settings = app_settings(database_url, tmp_path / "index")
    outcome = crawl_and_index(settings, registry_path=registry)
    assert (outcome.summaries, outcome.indexed) == ([], 0)
