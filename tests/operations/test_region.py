"""The region's counts (`operations.region.region_counts`) on a small real catalogue of each
database kind: which offers are current (active, canonical, not expired), which editions are
upcoming, the price bands, the powiats (online too), the filters, and the trends by month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Edition, Offer, OfferKind, OfferStatus, Source
from operations.region import (
    RegionCounts,
    RegionFilters,
    Tally,
    month_keys,
    per_10k,
    price_band,
    recent_region_counts,
    region_counts,
    residents,
)
from search.documents import active_documents
from tests.postgres_support import Databases

TODAY = date(2027, 3, 15)


@dataclass
class Catalogue:
    url: str


def _when(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def _edition(start: str | None, powiat: str | None = None, price: int | None = None,
             end: str | None = None, form: DeliveryForm | None = None) -> Edition:  # fmt: skip
    return Edition(
        start_date=date.fromisoformat(start) if start else None,
        end_date=date.fromisoformat(end) if end else None,
        powiat_teryt=powiat,
        price_grosze=price,
        form=form,
    )


def _offer(source: Source, key: str, **fields: object) -> Offer:
    fields.setdefault("first_seen", _when("2027-01-10"))
    return Offer(source=source, external_id=key, title=f"Oferta {key}", content_hash=key,
                 url=f"https://s.example.org/{key}", **fields)  # fmt: skip


@pytest.fixture(scope="module")
def catalogue(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = databases.create(Path(tmp_path_factory.mktemp("region")))
    engine = get_engine(url)
    with Session(engine) as db:
        source = Source(name="s", title="S", url="https://s.example.org/")
        spaw = _offer(source, "spaw", kind=OfferKind.kkz, zsu_area=1, isced_broad="07",
                      prk_level=3, form=DeliveryForm.on_site, editions=[
                          _edition("2027-04-01", "0862", 250_000),
                          _edition("2027-05-01", "0861", 80_000)])  # fmt: skip
        db.add(spaw)
        db.flush()
        db.add_all([
            _offer(source, "excel", kind=OfferKind.course, zsu_area=1, isced_broad="06",
                   form=DeliveryForm.online, funding="Szkolenie bezpłatne",
                   first_seen=_when("2026-12-05"), editions=[_edition(None)]),
            # Every edition over: expired, not current.
            _offer(source, "dawny", kind=OfferKind.course, first_seen=_when("2026-01-10"),
                   editions=[_edition("2026-01-01", "0801", end="2026-02-01")]),
            # Withdrawn: in the trends only.
            _offer(source, "wycofany", kind=OfferKind.training, status=OfferStatus.withdrawn,
                   first_seen=_when("2027-02-01"), editions=[_edition("2027-02-10", "0801")]),
            # The same offer as `spaw` from another source: never counted.
            _offer(source, "kopia", kind=OfferKind.kkz, canonical_id=spaw.id,
                   editions=[_edition("2027-04-01", "0862", 250_000)]),
            _offer(source, "szkic", kind=OfferKind.kkz, status=OfferStatus.draft,
                   editions=[_edition("2027-04-01", "0862")]),
            _offer(source, "studia", kind=OfferKind.studies, zsu_area=3, isced_broad="01",
                   prk_level=7, form=DeliveryForm.blended, first_seen=_when("2027-03-01"),
                   editions=[_edition("2027-10-01", "0862", 900_000),
                             _edition("2027-03-01", "0862", 900_000, end="2027-06-30")]),
        ])  # fmt: skip
        db.commit()
    engine.dispose()
    yield url
    databases.drop(url)


def counts(url: str, **filters: tuple[str, ...]) -> RegionCounts:
    engine = get_engine(url)
    try:
        with Session(engine) as db:
            return region_counts(db, RegionFilters(**filters), TODAY)
    finally:
        engine.dispose()


def table(result: RegionCounts, dimension: str) -> dict[str, tuple[int, int]]:
    return {value: (n.offers, n.editions) for value, n in result.by[dimension].items()}


def test_current_offers_and_upcoming_editions_are_counted_by_every_dimension(
    catalogue: str,
) -> None:
    result = counts(catalogue)
    assert (result.offers, result.editions) == (3, 3)
    assert table(result, "kind") == {"kkz": (1, 2), "course": (1, 0), "studies": (1, 1)}
    assert table(result, "zsu_area") == {"1": (2, 2), "3": (1, 1)}
    assert table(result, "isced_broad") == {"07": (1, 2), "06": (1, 0), "01": (1, 1)}
    assert table(result, "prk_level") == {"3": (1, 2), "": (1, 0), "7": (1, 1)}
    assert table(result, "form") == {"on_site": (1, 2), "online": (1, 0), "blended": (1, 1)}
    # The offer's band is its cheapest edition's (or free by its funding words); each edition
    # has its own price's band.
    assert table(result, "price") == {
        "to_1000": (1, 1),
        "1000_5000": (0, 1),
        "free": (1, 0),
        "over_5000": (1, 1),
    }
    # An offer counts in each powiat it has an edition in, and online when followed online.
    assert table(result, "powiat") == {"0862": (2, 2), "0861": (1, 1), "online": (2, 0)}


def test_the_filters_narrow_offers_and_a_powiat_filter_narrows_editions(catalogue: str) -> None:
    kkz = counts(catalogue, kind=("kkz",))
    assert (kkz.offers, kkz.editions) == (1, 2)
    zielona_gora = counts(catalogue, powiat=("0862",))
    assert (zielona_gora.offers, zielona_gora.editions) == (2, 2)
    assert table(zielona_gora, "powiat")["0861"] == (1, 0)  # spaw's Gorzów edition left out
    online_area_1 = counts(catalogue, zsu_area=("1",), form=("online",))
    assert (online_area_1.offers, online_area_1.editions) == (1, 0)
    several = counts(catalogue, kind=("kkz", "studies"), prk_level=("7",))
    assert (several.offers, several.editions) == (1, 1)
    assert counts(catalogue, isced_broad=("10",)).offers == 0


def test_the_trends_count_offers_first_seen_and_editions_starting_per_month(
    catalogue: str,
) -> None:
    months = {m.month: (m.first_seen, m.starting) for m in counts(catalogue).months}
    assert list(months) == month_keys(TODAY) and len(months) == 12
    assert min(months) == "2026-04" and max(months) == "2027-03"
    assert {m: n for m, n in months.items() if n != (0, 0)} == {
        "2026-12": (1, 0),
        "2027-01": (1, 0),
        "2027-02": (1, 1),  # the withdrawn offer and its edition
        "2027-03": (1, 1),
    }
    training = {
        m.month: (m.first_seen, m.starting) for m in counts(catalogue, kind=("training",)).months
    }
    assert training["2027-02"] == (1, 1) and sum(a + b for a, b in training.values()) == 2


def test_price_bands_and_offers_per_ten_thousand_residents() -> None:
    assert [price_band(p) for p in (None, 0, 1, 100_000, 100_001, 500_000, 500_001)] == [
        "", "free", "to_1000", "to_1000", "1000_5000", "1000_5000", "over_5000"
    ]  # fmt: skip
    people = residents()
    assert len(people) == 14 and sum(people.values()) == 979_976
    rates = per_10k({"0862": Tally(offers=2)}, people)
    assert rates["0862"] == pytest.approx(2 * 10_000 / 139_278)
    assert rates["0801"] == 0 and len(rates) == 14


def test_recent_counts_are_remembered_for_a_while_per_filters(catalogue: str) -> None:
    engine = get_engine(catalogue)
    with Session(engine) as db:
        first = recent_region_counts(db, RegionFilters(), TODAY)
        assert recent_region_counts(db, RegionFilters(), TODAY) is first
        kkz = recent_region_counts(db, RegionFilters(kind=("kkz",)), TODAY)
        assert kkz is not first and kkz.offers == 1
        fresh = recent_region_counts(db, RegionFilters(), TODAY, max_age=0)
        assert fresh is not first and fresh == first
    engine.dispose()


def test_the_current_offers_are_those_search_indexes(catalogue: str) -> None:
    engine = get_engine(catalogue)
    indexed = list(active_documents(engine, today=TODAY))
    engine.dispose()
    assert counts(catalogue).offers == len(indexed) == 3
    by_kind = table(counts(catalogue), "kind")
    assert {kind: n[0] for kind, n in by_kind.items()} == dict(
        Counter(document["kind"] for document in indexed)
    )
