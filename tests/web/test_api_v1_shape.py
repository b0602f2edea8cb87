"""The one offer shape (web/api_v1_shape.py): a hit is the offer's summary, value for value."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer
from catalogue.offer_details import with_details
from search.interface import Query
from search.tantivy import EmbeddedBackend
from tests.web.web_support import Catalogue
from web.api_v1_shape import hit_v1, offer_url_for, offer_v1

URLS = offer_url_for("https://katalog.example.org")


def _walk(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [value, *(x for v in value.values() for x in _walk(v))]
    if isinstance(value, list):
        return [x for v in value for x in _walk(v)]
    return [value]


def test_a_hit_is_the_offers_summary_on_a_real_catalogue(catalogue: Catalogue) -> None:
    backend = EmbeddedBackend(catalogue.index_dir)
    results = backend.search(Query(per_page=100))
    assert results.total > 5
    engine = get_engine(catalogue.database_url)
    with Session(engine) as session:
        offers = {o.id: o for o in session.exec(with_details(select(Offer)))}
        checked = 0
        for hit in results.hits:
            as_hit = hit_v1(hit, URLS).model_dump(mode="json")
            as_offer = offer_v1(offers[hit.id], URLS).model_dump(mode="json")
            match = as_hit.pop("match")
            assert set(match) == {"score", "highlights", "distance_km"}
            assert set(as_hit) < set(as_offer)
            assert as_hit == {k: as_offer[k] for k in as_hit}
            for value in _walk(as_offer):
                assert value != "", as_offer
            assert as_offer["url"] == f"https://katalog.example.org/oferty/{hit.id}"
            assert as_offer["source_url"].startswith("https://zrodlo.example.org/oferty/")
            checked += 1
        assert checked == results.total
    engine.dispose()
