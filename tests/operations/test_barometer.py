"""The barometer imported (`operations.barometer.import_barometer`: one year replaced in one
transaction, nothing changed by a bad file) and the gaps per powiat computed on a small real
catalogue of each database kind: what counts as near (30 km from the powiat's seat, current
offers and editions only), online offers apart, unmapped occupations apart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from catalogue.barometer import DATA_DIR, SHORTAGE, BarometerFileError, powiats
from catalogue.barometer_tables import BarometerForecast, BarometerImport
from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Edition, Offer, OfferStatus, Source
from operations.barometer import (
    SHOWN_NEARBY,
    Candidate,
    Place,
    import_barometer,
    imported_years,
    occupation_gap,
    powiat_gaps,
    recent_imports,
    region_gaps,
)
from tests.postgres_support import Databases

EXAMPLE = (DATA_DIR / "barometr" / "przyklad.csv").read_bytes()
TODAY = date.today()
SOON, PAST = TODAY + timedelta(days=20), TODAY - timedelta(days=40)
ZARY = (51.6358, 15.1383)  # the seat of powiat żarski (0811)
ZARY_NEARBY = (51.55, 15.30)  # Iłowa side, about 15 km from Żary: 42 km from Zielona Góra


def _offer(source: Source, key: str, title: str, **fields: object) -> Offer:
    editions = fields.pop("editions", [])
    return Offer(source=source, external_id=key, title=title, content_hash=key,
                 url=f"https://s.example.org/{key}", editions=editions, **fields)  # fmt: skip


def _at(point: tuple[float, float] | None, start: date | None = SOON, **fields: object) -> Edition:
    lat, lon = point if point else (None, None)
    return Edition(start_date=start, lat=lat, lon=lon, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def url(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = databases.create(Path(tmp_path_factory.mktemp("barometer")))
    engine = get_engine(url)
    with Session(engine) as db:
        s = Source(name="s", title="S", url="https://s.example.org/")
        db.add_all([
            _offer(s, "weld-zary", "Kurs spawania MAG 135", isced_code="0715",
                   editions=[_at(ZARY_NEARBY, town="Iłowa")]),
            _offer(s, "weld-online", "Spawanie – teoria online", isced_code="0715",
                   form=DeliveryForm.online, editions=[_at(None, form=DeliveryForm.online)]),
            _offer(s, "weld-past", "Spawanie TIG 141", isced_code="0715",
                   editions=[_at((51.94, 15.50), start=PAST, end_date=PAST)]),
            _offer(s, "weld-gone", "Spawanie MMA 111", isced_code="0715",
                   status=OfferStatus.withdrawn, editions=[_at((51.94, 15.50))]),
            _offer(s, "turner-zg", "Tokarz CNC", isced_code="0715", editions=[_at((51.94, 15.50))]),
            _offer(s, "cook-zary", "KKZ kucharz", qualification_code="HGT.02", isced_code="1013",
                   editions=[_at(None, powiat_teryt="0811", town="Żary")]),
            _offer(s, "carer-zg", "Opiekun osoby starszej", isced_code="0923",
                   editions=[_at((51.94, 15.51), start=None, town="Zielona Góra")]),
        ])  # fmt: skip
        db.commit()
        duplicate_of = db.exec(select(Offer).where(Offer.external_id == "weld-zary")).one()
        db.add(_offer(s, "weld-copy", "Kurs spawania MAG 135 (kopia)", isced_code="0715",
                      canonical_id=duplicate_of.id, editions=[_at((51.94, 15.50))]))  # fmt: skip
        db.commit()
        import_barometer(db, EXAMPLE, "przyklad.csv", via="lll")
    engine.dispose()
    yield url
    databases.drop(url)


def _forecasts(url: str) -> list[tuple[int, str, str, str]]:
    engine = get_engine(url)
    with Session(engine) as db:
        rows = db.exec(select(BarometerForecast).order_by(col(BarometerForecast.id))).all()
        found = [(f.year, f.powiat_teryt, f.occupation, f.forecast) for f in rows]
    engine.dispose()
    return found


def test_the_example_file_is_imported_whole(url: str) -> None:
    stored = _forecasts(url)
    assert len(stored) == 18
    assert stored[0] == (2026, "0811", "spawacze", SHORTAGE)
    engine = get_engine(url)
    with Session(engine) as db:
        assert imported_years(db) == [2026]
        latest = recent_imports(db)[0]
        assert (latest.year, latest.filename, latest.via, latest.kept) == (
            2026, "przyklad.csv", "lll", 18
        )  # fmt: skip
    engine.dispose()


def test_a_spawacz_near_zary_covers_zary_but_not_zielona_gora(url: str) -> None:
    engine = get_engine(url)
    with Session(engine) as db:
        zary = {o.occupation: o for o in powiat_gaps(db, "0811", 2026, TODAY).shortages}
        zielona = {o.occupation: o for o in powiat_gaps(db, "0862", 2026, TODAY).shortages}
    engine.dispose()
    welders = zary["spawacze"]
    assert welders.status == "covered"
    assert [(o.title, o.town) for o in welders.nearby] == [("Kurs spawania MAG 135", "Iłowa")]
    assert 10 < (welders.nearby[0].distance_km or 0) < 20
    assert welders.nearby[0].reason.kind == "field" and welders.nearby[0].reason.word == "spaw"
    # Online is listed apart and never near; past, withdrawn and duplicate offers do not count;
    # the turner in Zielona Góra holds 0715 but is no welder.
    assert [o.title for o in welders.online] == ["Spawanie – teoria online"]
    zg_welders = zielona["spawacze"]
    assert zg_welders.status == "gap" and zg_welders.nearby == []
    # farther: the course near Żary (42 km) and the one whose only edition is over
    assert (zg_welders.farther, zg_welders.online_count) == (2, 1)
    # An edition without coordinates is placed at its powiat's seat.
    cooks = zary["kucharze"]
    assert cooks.status == "covered" and cooks.nearby[0].distance_km == 0.0
    assert cooks.nearby[0].reason.kind == "qualification"
    assert zary["pielęgniarki i położne"].status == "gap"
    # An undated edition counts.
    assert zielona["opiekunowie osoby starszej lub niepełnosprawnej"].status == "covered"


def test_the_region_lists_every_powiat_with_its_gaps_and_unmapped_occupations(url: str) -> None:
    engine = get_engine(url)
    with Session(engine) as db:
        region = {p.powiat.teryt: p for p in region_gaps(db, 2026, TODAY)}
    engine.dispose()
    assert len(region) == 14
    zary, gorzow, nowa_sol = region["0811"], region["0861"], region["0804"]
    assert (len(zary.shortages), len(zary.gaps), zary.balance, zary.surplus) == (4, 2, 1, 1)
    assert [o.occupation for o in zary.gaps] == [
        "kierowcy samochodów ciężarowych i ciągników siodłowych",
        "pielęgniarki i położne",
    ]
    assert gorzow.surplus == 1 and gorzow.unmapped == []  # "ekonomiści" is in surplus only
    assert nowa_sol.shortages == []


def test_a_bad_file_changes_nothing_and_a_good_one_replaces_its_year_only(url: str) -> None:
    before = _forecasts(url)
    engine = get_engine(url)
    with Session(engine) as db:
        with pytest.raises(BarometerFileError, match="brak kolumn: „prognoza”"):
            import_barometer(db, "rok;województwo;powiat;zawód\n2026;lubuskie;żarski;x\n".encode(),
                             "zly.csv", via="panel")  # fmt: skip
        with pytest.raises(BarometerFileError, match="Żaden wiersz"):
            bad = "rok;województwo;powiat;zawód;prognoza\n2026;lubuskie;Berlin;spawacze;deficyt\n"
            import_barometer(db, bad.encode(), "zle-wiersze.csv", via="panel")
        assert _forecasts(url) == before
        assert [i.filename for i in db.exec(select(BarometerImport)).all()] == ["przyklad.csv"]
        other_year = (
            "rok;województwo;powiat;zawód;prognoza\n2025;lubuskie;żarski;spawacze;równowaga\n"
        )
        import_barometer(db, other_year.encode(), "2025.csv", via="panel")
        again = (
            "rok;województwo;powiat;zawód;prognoza\n"
            "2026;lubuskie;żarski;kucharze;nadwyżka\n"
            "2026;lubuskie;żarski;zawód bez prognozy;\n"
        )
        result = import_barometer(db, again.encode(), "2026-poprawiony.csv", via="panel")
        assert (result.years, result.kept, result.replaced) == ([2026], 1, 18)
        assert [(r.line, r.reason[:8]) for r in result.rejected] == [(3, "prognoza")]
        assert imported_years(db) == [2026, 2025]
    engine.dispose()
    assert sorted(_forecasts(url)) == [
        (2025, "0811", "spawacze", "balance"),
        (2026, "0811", "kucharze", "surplus"),
    ]
    # put the example back for any test that runs after
    with Session(get_engine(url)) as db:
        import_barometer(db, EXAMPLE, "przyklad.csv", via="lll")


def test_the_nearest_offers_are_listed_the_rest_counted() -> None:
    zary = powiats()["0811"]
    courses = [
        Candidate(
            i,
            f"Spawanie {i}",
            None,
            None,
            "0715",
            (Place(51.6358 + i / 1000, 15.1383, "Żary", False),),
        )
        for i in range(30, 0, -1)
    ] + [
        Candidate(
            99, "Spawanie zdalnie", None, None, "0715", (Place(51.6358, 15.1383, None, True),)
        )
    ]
    gap = occupation_gap("spawacze", "deficyt", zary, courses)
    assert (gap.nearby_count, len(gap.nearby), gap.online_count) == (30, SHOWN_NEARBY, 1)
    assert [o.id for o in gap.nearby[:3]] == [1, 2, 3]
