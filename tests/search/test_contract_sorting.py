"""Sorting on every backend: start date, price and distance, ties broken by id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from search.conditions import Near, Range
from search.geo import locate
from search.interface import MAX_PER_PAGE, Query, SearchBackend
from search.tantivy import EmbeddedBackend
from search.tantivy import sort as tantivy_sort
from tests.search.filter_support import SPECS, documents, nearest_km, where


@pytest.fixture
def offers(backend: SearchBackend) -> SearchBackend:
    backend.index(documents())
    return backend


def near(town: str, radius_km: float | None = None, include_online: bool = False) -> Near:
    place = locate(town)
    assert place is not None
    return Near(place.lat, place.lon, radius_km, include_online, place.name)


def order(backend: SearchBackend, sort: str, **query: Any) -> list[int]:
    query.setdefault("per_page", MAX_PER_PAGE)
    return [hit.id for hit in backend.search(Query(sort=sort, **query)).hits]


def by_distance(ids: set[int], town: str) -> list[int]:
    """The expected order: nearest edition first, then id; offers without a place last, by id."""
    specs = {spec["id"]: spec for spec in SPECS}

    def key(offer_id: int) -> tuple[bool, float, int]:
        distance = nearest_km(specs[offer_id], town)
        return (distance is None, distance or 0.0, offer_id)

    return sorted(ids, key=key)


def test_start_date_sorts_by_the_next_upcoming_edition(offers: SearchBackend) -> None:
    def next_start(spec: dict) -> int:
        upcoming = [r["start"] for r in spec["runs"] if r["start"] is not None and r["start"] >= 0]
        return min(upcoming, default=10**6)

    expected = sorted(where(lambda s: True), key=lambda i: (next_start(_spec(i)), i))
    assert order(offers, "start_date") == expected
    assert expected.index(210) > expected.index(206)  # 210 started already; next in 200 days


def test_price_sorts_free_first_unknown_last_ties_by_id(offers: SearchBackend) -> None:
    found = order(offers, "price")
    prices = [offers_price(i) for i in found]
    known = [p for p in prices if p is not None]
    assert known == sorted(known) and prices[len(known) :] == [None] * (len(prices) - len(known))
    assert found[:3] == [202, 203, 212]  # free, in id order
    assert found[-1] == 211  # price unknown


def offers_price(offer_id: int) -> int | None:
    return next(d["price_min_grosze"] for d in documents() if d["id"] == offer_id)


def _spec(offer_id: int) -> dict:
    return next(spec for spec in SPECS if spec["id"] == offer_id)


@pytest.mark.parametrize("town", ["Zielona Góra", "Nowa Sól", "Gorzów Wielkopolski", "Słubice"])
def test_distance_sorts_by_the_nearest_edition_and_puts_online_offers_last(
    offers: SearchBackend, town: str
) -> None:
    everything = where(lambda s: True)
    assert order(offers, "distance", filters={"distance": near(town)}) == by_distance(
        everything, town
    )


def test_distance_ties_are_broken_by_id(offers: SearchBackend) -> None:
    found = order(offers, "distance", filters={"distance": near("Zielona Góra")})
    in_zielona_gora = [i for i in found if nearest_km(_spec(i), "Zielona Góra") == 0]
    assert in_zielona_gora == sorted(in_zielona_gora) and len(in_zielona_gora) >= 4
    assert found[: len(in_zielona_gora)] == in_zielona_gora


def test_distance_pages_cover_the_order_once(offers: SearchBackend) -> None:
    point = {"distance": near("Żary")}
    whole = order(offers, "distance", filters=point)
    pages = [order(offers, "distance", filters=point, page=p, per_page=4) for p in (1, 2, 3, 4)]
    assert [i for page in pages for i in page] == whole
    assert order(offers, "distance", filters=point, page=5, per_page=4) == []


def test_distance_sort_with_a_radius_keeps_online_offers_last_only_when_asked(
    offers: SearchBackend,
) -> None:
    kept = order(offers, "distance", filters={"distance": near("Zielona Góra", 25, True)})
    within = order(offers, "distance", filters={"distance": near("Zielona Góra", 25)})
    assert kept[: len(within)] == within
    online_only = [i for i in kept if nearest_km(_spec(i), "Zielona Góra") is None]
    assert online_only == [204, 205] and kept[-2:] == online_only
    assert 203 in kept  # blended, held in Gorzów 90 km away: kept as online, sorted by distance


def test_distance_sort_applies_to_a_text_query_and_other_filters(offers: SearchBackend) -> None:
    found = order(
        offers, "distance", text="kurs", filters={"distance": near("Słubice"), "free": True}
    )
    assert found == by_distance({202, 203, 212}, "Słubice")


def test_hits_carry_the_distance_to_their_nearest_edition(offers: SearchBackend) -> None:
    results = offers.search(
        Query(sort="distance", filters={"distance": near("Nowa Sól")}, per_page=MAX_PER_PAGE)
    )
    distances = {hit.id: hit.distance_km for hit in results.hits}
    assert distances[201] == 0.0  # its second edition is in Nowa Sól
    assert distances[209] == pytest.approx(nearest_km(_spec(209), "Nowa Sól"), abs=0.06)
    assert distances[204] is None  # online only
    plain = offers.search(Query(filters={"price": Range(None, 10**9)}))
    assert all(hit.distance_km is None for hit in plain.hits)


def test_distance_sort_without_a_point_is_refused(offers: SearchBackend) -> None:
    with pytest.raises(ValueError, match="distance"):
        offers.search(Query(sort="distance"))


@pytest.mark.parametrize("few_hits", [0, 10_000])
def test_the_embedded_backend_gives_one_distance_order_by_groups_or_all_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, few_hits: int
) -> None:
    # Up to FEW_HITS hits are sorted at once, more group by group (search.tantivy.sort).
    monkeypatch.setattr(tantivy_sort, "FEW_HITS", few_hits)
    backend = EmbeddedBackend(tmp_path / "index")
    backend.index(documents())
    everything = set(where(lambda s: True))
    for town in ("Zielona Góra", "Słubice", "Żary"):
        point = {"distance": near(town)}
        assert order(backend, "distance", filters=point) == by_distance(everything, town)
        pages = [order(backend, "distance", filters=point, page=p, per_page=5) for p in (1, 2, 3)]
        assert [i for page in pages for i in page] == by_distance(everything, town)[:15]
