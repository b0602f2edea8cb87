"""Several server workers (WEB_WORKERS) share the index folder: each sees every commit.

Each worker keeps its own searcher, recent answers and facet bitmaps, all per commit of the
index; before a search it checks the folder for a newer commit (`search.tantivy.store`). So an
offer indexed by another process (the scheduler's index syncer) is found by every worker's next
search, even one that answered the same search a moment before.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from benchmarks.server import ServedApp, _children
from catalogue.db import create_all, get_engine
from search.tantivy import EmbeddedBackend
from tests.search.search_support import OFFERS

ASKED = {"q": "fotowoltaika", "per_page": "5"}


def totals(url: str, times: int) -> list[int]:
    """The search asked on `times` new connections (spread over the workers by the kernel)."""
    answers = []
    for _ in range(times):
        with httpx.Client(base_url=url, timeout=30) as client:
            answer = client.get("/api/v1/offers", params=ASKED, headers={"Connection": "close"})
            answer.raise_for_status()
            answers.append(int(answer.json()["total"]))
    return answers


def test_every_worker_finds_an_offer_indexed_after_it_answered(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    create_all(get_engine(database_url))
    index = EmbeddedBackend(tmp_path / "index")
    index.index(OFFERS)
    with (
        (tmp_path / "server.log").open("wb") as log,
        ServedApp(database_url, tmp_path / "index", "embedded", log, workers=2) as served,
    ):
        assert len(_children(served.process.pid)) >= 2  # the workers (and a resource tracker)
        assert totals(served.url, 16) == [0] * 16  # each worker keeps this answer
        index.index([{**OFFERS[0], "id": 9_999, "title": "Fotowoltaika dla instalatorów"}])
        assert totals(served.url, 16) == [1] * 16
        index.delete([9_999])
        assert totals(served.url, 16) == [0] * 16
