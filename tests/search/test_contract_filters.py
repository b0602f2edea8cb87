"""Every filter alone and combined, on every backend (see conftest.BACKENDS).

The expected offers are worked out from the offers' own editions (`filter_support.SPECS`),
not from the search documents, so a wrong document fails here too.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from search.conditions import Near, Range
from search.geo import locate
from search.interface import MAX_PER_PAGE, Query, SearchBackend
from tests.search.filter_support import SPECS, TODAY, any_run, documents, km, where


@pytest.fixture
def offers(backend: SearchBackend) -> SearchBackend:
    backend.index(documents())
    return backend


def found(backend: SearchBackend, text: str = "", **filters: object) -> set[int]:
    results = backend.search(Query(text=text, filters=filters, per_page=MAX_PER_PAGE))
    assert results.total == len(results.hits)
    return {hit.id for hit in results.hits}


def near(town: str, radius_km: float | None = None, include_online: bool = False) -> Near:
    place = locate(town)
    assert place is not None
    return Near(place.lat, place.lon, radius_km, include_online, place.name)


def day(offset: int) -> object:
    return TODAY + timedelta(days=offset)


def test_a_narrow_field_keeps_only_its_offers_and_sits_under_its_broad_field(
    offers: SearchBackend,
) -> None:
    assert found(offers, isced_narrow=("071",)) == where(lambda s: s["isced"][:3] == "071")
    both = found(offers, isced_broad=("06",), isced_narrow=("061",))
    assert both == where(lambda s: s["isced"][:3] == "061") == {205, 206}
    assert found(offers, isced_broad=("07",), isced_narrow=("061",)) == set()


def test_a_zsu_area_keeps_the_offers_of_that_area(offers: SearchBackend) -> None:
    assert found(offers, zsu_area=("1", "8")) == where(lambda s: s.get("zsu") in (1, 8))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("kfs", {201}), ("eu", {204, 214}), ("subsidised", {202, 207}), ("free", {202, 203, 212})],
)
def test_funding_is_read_from_the_sources_words_and_prices(
    offers: SearchBackend, value: str, expected: set[int]
) -> None:
    assert found(offers, funding=(value,)) == expected


def test_the_language_filter_keeps_offers_taught_in_it(offers: SearchBackend) -> None:
    assert found(offers, language=("de", "en")) == where(
        lambda s: s.get("language") in ("de", "en")
    )
    assert found(offers, language=("pl",)) == where(lambda s: s.get("language", "pl") == "pl")


def test_free_only_keeps_offers_with_a_free_edition_or_said_to_be_free(
    offers: SearchBackend,
) -> None:
    expected = where(
        lambda s: (
            any_run(s, lambda r: r["price"] == 0)
            or s.get("funding", "").lower().startswith(("bezpłat", "nieodpłat"))
        )
    )
    assert found(offers, free=True) == expected == {202, 203, 212}


@pytest.mark.parametrize("zloty", [900, 1000, 2450])
def test_a_maximum_price_keeps_offers_whose_cheapest_edition_costs_no_more(
    offers: SearchBackend, zloty: int
) -> None:
    free = found(offers, free=True)
    cheap = where(
        lambda s: any_run(s, lambda r: r["price"] is not None and r["price"] <= zloty * 100)
    )
    assert found(offers, price=Range(None, zloty * 100)) == cheap | free
    assert 211 not in found(offers, price=Range(None, 10**9))  # an unknown price never matches


@pytest.mark.parametrize(("low", "high"), [(100, None), (None, 20), (50, 150), (146, 146)])
def test_a_duration_range_includes_both_ends_and_skips_unknown_durations(
    offers: SearchBackend, low: float | None, high: float | None
) -> None:
    expected = where(
        lambda s: (
            s.get("hours") is not None
            and (low is None or s["hours"] >= low)
            and (high is None or s["hours"] <= high)
        )
    )
    assert found(offers, hours=Range(low, high)) == expected


@pytest.mark.parametrize(("first", "last"), [(10, 20), (70, 80), (150, 250), (0, 3), (41, 74)])
def test_an_offer_matches_a_start_range_through_any_upcoming_edition(
    offers: SearchBackend, first: int, last: int
) -> None:
    expected = where(
        lambda s: any_run(s, lambda r: r["start"] is not None and first <= r["start"] <= last)
    )
    assert found(offers, start=Range(day(first), day(last))) == expected


def test_editions_that_started_already_never_match_a_start_range(offers: SearchBackend) -> None:
    # Offer 210 started ten days ago; its next edition is in 200 days.
    assert 210 not in found(offers, start=Range(day(-30), day(30)))
    assert found(offers, start=Range(day(-30), day(-1))) == set()
    assert found(offers, start=Range(None, day(5))) == where(
        lambda s: any_run(s, lambda r: r["start"] is not None and 0 <= r["start"] <= 5)
    )


def test_enrolment_is_open_until_its_end_or_until_the_start(offers: SearchBackend) -> None:
    def open_now(run: dict) -> bool:
        if run.get("enrol") is not None:
            return run["enrol"] >= 0  # the last enrolment day is today or later
        return run["start"] is not None and run["start"] > 0  # it has not started

    expected = where(lambda s: any_run(s, open_now))
    assert found(offers, enrolment_open=True) == expected
    assert {203, 211, 213}.isdisjoint(expected) and {208, 210} <= expected


@pytest.mark.parametrize("radius", [5, 25, 30, 31, 50, 100])
def test_a_radius_keeps_offers_with_an_edition_that_close(
    offers: SearchBackend, radius: float
) -> None:
    def close(spec: dict) -> bool:
        distance = _nearest_any(spec, "Zielona Góra")
        return distance is not None and distance <= radius

    assert found(offers, distance=near("Zielona Góra", radius)) == where(close)


def _nearest_any(spec: dict, town: str) -> float | None:
    placed = [r for r in spec["runs"] if r["town"] and r.get("form") != "online"]
    upcoming = [r for r in placed if r["start"] is None or r["start"] >= 0] or placed
    return min((km(town, r["town"]) for r in upcoming), default=None)


def test_krosno_is_just_beyond_thirty_kilometres_of_zielona_gora(offers: SearchBackend) -> None:
    assert 30 < km("Zielona Góra", "Krosno Odrzańskie") < 31
    assert 211 not in found(offers, distance=near("Zielona Góra", 30))
    assert 211 in found(offers, distance=near("Zielona Góra", 31))


def test_an_offer_matches_a_distance_through_any_of_its_editions(offers: SearchBackend) -> None:
    # The welding course is held in Zielona Góra and in Nowa Sól, 21 km apart.
    assert found(offers, distance=near("Nowa Sól", 5)) == {201}
    assert 201 in found(offers, distance=near("Zielona Góra", 5))


def test_online_offers_are_kept_only_when_asked(offers: SearchBackend) -> None:
    online = where(
        lambda s: (
            s.get("form") in ("online", "blended")
            or any_run(s, lambda r: r.get("form") in ("online", "blended"))
        )
    )
    without = found(offers, distance=near("Zielona Góra", 10))
    assert without.isdisjoint({204, 205})
    assert found(offers, distance=near("Zielona Góra", 10, include_online=True)) == without | online


def test_a_point_given_as_coordinates_works_like_a_town(offers: SearchBackend) -> None:
    gorzow = Near(52.73, 15.24, 10.0)
    assert found(offers, distance=gorzow) == where(
        lambda s: any_run(s, lambda r: r["town"] == "Gorzów Wielkopolski")
    )
    assert found(offers, distance=Near(0.0, 0.0, 50.0)) == set()


def test_a_point_without_a_radius_filters_nothing(offers: SearchBackend) -> None:
    assert found(offers, distance=near("Żary")) == {spec["id"] for spec in SPECS}


def test_filters_of_every_kind_combine_with_and(offers: SearchBackend) -> None:
    chosen = found(
        offers,
        kind=("course", "workshop"),
        enrolment_open=True,
        price=Range(None, 300000),
        distance=near("Zielona Góra", 25, include_online=True),
    )
    assert chosen == {201, 204, 206, 214}  # 206: its Żary edition costs 3000 zł
    assert found(offers, "kurs", language=("de",), hours=Range(50, 70)) == {204}


def test_filters_apply_to_a_text_query(offers: SearchBackend) -> None:
    assert found(offers, "pomoc", free=True) == {212}
    assert found(offers, "kurs", free=True) == {202, 203, 212}  # "kwalifikacyjny kurs zawodowy"
    assert found(offers, "spawanie", distance=near("Gorzów Wielkopolski", 20)) == set()


def test_an_unknown_filter_or_a_wrong_value_is_refused(offers: SearchBackend) -> None:
    for filters in ({"city": ("Żary",)}, {"price": 100}, {"free": "yes"}):
        with pytest.raises(ValueError):
            offers.search(Query(filters=filters))
