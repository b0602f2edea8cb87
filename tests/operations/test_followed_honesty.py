"""A followed search (feed, e-mail alert) brings only offers that match it: never those a search
page shows instead when nothing matched (some words only, or outside the place: issue 13)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from operations.followed_searches import newest_offers, normal_search
from search.interface import Query
from search.tantivy import EmbeddedBackend
from tests.operations.test_search_alerts import backend, engine

__all__ = ["backend", "engine"]  # the fixtures, found by name


def test_relaxed_results_are_never_followed(engine: Engine, backend: EmbeddedBackend) -> None:
    for text in ("spawanie żary", "spawanie aluminium"):  # no welding in Żary, no aluminium
        assert backend.search(Query(text=text)).relaxed  # the page shows something else
        assert newest_offers(engine, backend, normal_search([("q", text)])) == []
    assert newest_offers(engine, backend, normal_search([("q", "spawanie")]))
