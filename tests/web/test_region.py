"""The coordinator's region pages (`/koordynator/region`, `/koordynator/region/mapa`) and their
CSV downloads over TestClient: every chart has its table, every table its CSV with exactly the
table's cells, the filters narrow the counts, the map draws the 14 powiats with their values."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session
from starlette.responses import Response as StarletteResponse

from catalogue.accounts import Account, Role
from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Edition, Offer, OfferKind, Source
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from web.app import create_app
from web.auth import SESSION_COOKIE, start_session
from web.region_charts import class_edges, colour_class, inside, label_point, powiat_map
from web.routes.coordinator_region import CSV_NAMES

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

PATH = "/koordynator/region"


@dataclass
class Site:
    client: TestClient
    coordinator: dict[str, str]  # cookies
    member: dict[str, str]


def _cookie(db: Session, account: Account) -> dict[str, str]:
    response = StarletteResponse()
    start_session(response, db, account)
    name, value = response.headers["set-cookie"].split(";", 1)[0].split("=", 1)
    assert name == SESSION_COOKIE
    return {name: value}


def fill_region(url: str) -> tuple[dict[str, str], dict[str, str]]:
    """Three current offers (two KKZ in Zielona Góra and Gorzów, a free course in Żary), a
    coordinator and an institution's member: the cookies of a session of each."""
    engine = get_engine(url)
    soon = date.today() + timedelta(days=30)
    with Session(engine) as db:
        source = Source(name="s", title="S", url="https://s.example.org/")
        for key, kind, powiat, price in [
            ("spaw-1", OfferKind.kkz, "0862", 250_000),
            ("spaw-2", OfferKind.kkz, "0861", 80_000),
            ("kurs-1", OfferKind.course, "0811", 0),
        ]:
            db.add(
                Offer(source=source, external_id=key, title=key, content_hash=key,
                      url=f"https://s.example.org/{key}", kind=kind, zsu_area=1,
                      isced_broad="07", prk_level=3, form=DeliveryForm.on_site,
                      first_seen=datetime.now(UTC),
                      editions=[Edition(start_date=soon, powiat_teryt=powiat, price_grosze=price)])
            )  # fmt: skip
        coordinator = Account(email="k@wup.example", password_hash="-", role=Role.coordinator,
                              name="Koordynator", email_confirmed_at=datetime.now(UTC))  # fmt: skip
        member = Account(email="m@inst.example", password_hash="-", role=Role.member,
                         name="Członek", email_confirmed_at=datetime.now(UTC))  # fmt: skip
        db.add_all([coordinator, member])
        db.commit()
        cookies = _cookie(db, coordinator), _cookie(db, member)
    engine.dispose()
    return cookies


@pytest.fixture(scope="module")
def site(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("region-pages")
    url = databases.create(root)
    cookies = fill_region(url)
    with TestClient(create_app(app_settings(url, root / "index"))) as client:
        yield Site(client, *cookies)


def get(site: Site, path: str, who: str = "coordinator") -> object:
    site.client.cookies.clear()
    cookies = {"coordinator": site.coordinator, "member": site.member}.get(who, {})
    header = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return site.client.get(
        path, headers={"Cookie": header} if header else {}, follow_redirects=False
    )


class Tables(HTMLParser):
    """Each table's rows (header row first), by its caption's id."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._current: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "caption":
            self._current = self.tables.setdefault(dict(attrs)["id"] or "", [])
        elif tag == "tr" and self._current is not None:
            self._current.append([])
        elif tag in ("td", "th") and self._current is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._current is not None:
            self._current[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables_of(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return {key.removeprefix("region-caption-"): rows for key, rows in parser.tables.items()}


def csv_rows(answer: object) -> list[list[str]]:
    text = answer.content.decode("utf-8")  # type: ignore[attr-defined]
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_dashboard_shows_each_chart_beside_its_table_and_each_csv_is_that_table(
    site: Site,
) -> None:
    page = get(site, PATH)
    assert page.status_code == 200  # type: ignore[attr-defined]
    html = page.text  # type: ignore[attr-defined]
    tables = tables_of(html)
    assert set(tables) == set(CSV_NAMES) - {"mapa"}
    assert html.count('<svg class="region-chart"') == len(tables)
    assert tables["rodzaje"][0] == ["Rodzaj", "Aktualne oferty", "Nadchodzące edycje"]
    assert ["kwalifikacyjny kurs zawodowy", "2", "2"] in tables["rodzaje"]
    assert ["warsztaty", "0", "0"] in tables["rodzaje"]  # a gap shows as a zero
    assert ["bezpłatne", "1", "1"] in tables["ceny"]
    assert ["ponad 1000 do 5000 zł", "1", "1"] in tables["ceny"]
    assert ["Zielona Góra", "1", "1"] in tables["powiaty"]
    # Each value's row opens the search for its offers; the unknown and the price bands none.
    assert '<th scope="row"><a href="/?kind=kkz">kwalifikacyjny kurs zawodowy</a></th>' in html
    assert '<a href="/?powiat=0862">Zielona Góra</a>' in html
    assert '<th scope="row">bezpłatne</th>' in html
    assert re.search(r"<dd>3</dd>\s*<dt>Nadchodzące edycje</dt><dd>3</dd>", html)
    for name in tables:
        answer = get(site, f"{PATH}/{name}.csv")
        assert answer.status_code == 200, name  # type: ignore[attr-defined]
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"  # type: ignore[attr-defined]
        assert answer.headers["content-disposition"] == f'attachment; filename="region-{name}.csv"'  # type: ignore[attr-defined]
        assert csv_rows(answer) == tables[name], name
        assert f'href="{PATH}/{name}.csv"' in html


def test_the_filters_narrow_the_counts_and_the_csv_keeps_them(site: Site) -> None:
    page = get(site, f"{PATH}?kind=kkz&powiat=0862&zsu_area=&form=")
    html = page.text  # type: ignore[attr-defined]
    assert re.search(r"<dd>1</dd>\s*<dt>Nadchodzące edycje</dt><dd>1</dd>", html)
    assert '<option value="kkz" selected>' in html and '<option value="0862" selected>' in html
    assert '<a href="/?kind=course&amp;powiat=0862">kurs</a>' in html
    assert '<a href="/?kind=kkz&amp;powiat=0811">powiat żarski</a>' in html
    query = "?kind=kkz&amp;powiat=0862&amp;zsu_area=&amp;form="
    assert f'href="{PATH}/rodzaje.csv{query}"' in html
    answer = get(site, f"{PATH}/rodzaje.csv?kind=kkz&powiat=0862")
    assert ["kwalifikacyjny kurs zawodowy", "1", "1"] in csv_rows(answer)
    assert get(site, f"{PATH}?kind=rakieta").status_code == 422  # type: ignore[attr-defined]
    assert get(site, f"{PATH}/ceny.csv?powiat=9999").status_code == 422  # type: ignore[attr-defined]


def test_the_map_draws_the_fourteen_powiats_with_their_values_legend_and_table(
    site: Site,
) -> None:
    html = get(site, f"{PATH}/mapa").text  # type: ignore[attr-defined]
    paths = re.findall(r'<path d="M[^"]+" class="powiat powiat-class-(\d)" data-teryt="(\d{4})">'
                       r"<title>([^<]+)</title>", html)  # fmt: skip
    assert len(paths) == 14 and len({code for _, code, _ in paths}) == 14
    by_code = {code: (int(cls), title) for cls, code, title in paths}
    # Żary: 1 offer / 91,897 residents = 0.11 per 10,000; Zielona Góra 1 / 139,278 = 0.07.
    assert by_code["0811"] == (4, "powiat żarski: 0,11 ofert na 10 tys. mieszkańców")
    assert by_code["0801"][0] == 0 and by_code["0862"][0] > 0
    assert 'role="img" aria-labelledby="region-map-title region-map-desc"' in html
    assert html.count('<rect x="1" y="1" width="16" height="12"') == 5  # the legend's classes
    table = tables_of(html)["mapa"]
    assert table[0] == ["Powiat", "Mieszkańcy", "Aktualne oferty", "Oferty na 10 tys. mieszkańców"]
    assert ["powiat żarski", "91897", "1", "0,11"] in table and len(table) == 15
    assert csv_rows(get(site, f"{PATH}/mapa.csv")) == table


def test_english_pages_and_csv_headers(site: Site) -> None:
    html = get(site, f"{PATH}?lang=en").text  # type: ignore[attr-defined]
    assert "<h1>The region at a glance</h1>" in html
    assert ["vocational qualification course", "2", "2"] in tables_of(html)["rodzaje"]
    assert csv_rows(get(site, f"{PATH}/miesiace.csv?lang=en"))[0] == [
        "Month", "New offers", "Editions starting"
    ]  # fmt: skip
    month = date.today().strftime("%Y-%m")
    assert [month, "3", "0"] in csv_rows(get(site, f"{PATH}/miesiace.csv"))


def test_nobody_but_the_coordinator_sees_the_region(site: Site) -> None:
    for path in (PATH, f"{PATH}/mapa", f"{PATH}/ceny.csv"):
        assert get(site, path, "member").status_code == 403  # type: ignore[attr-defined]
        anonymous = get(site, path, "anonymous")
        assert anonymous.status_code == 303  # type: ignore[attr-defined]
        assert anonymous.headers["location"].startswith("/logowanie")  # type: ignore[attr-defined]
    assert f'href="{PATH}"' in get(site, "/koordynator/oferty").text  # type: ignore[attr-defined]


def test_the_colour_classes_and_where_a_value_is_written() -> None:
    edges = class_edges([0.0, 2.0, 8.0])
    assert edges == [0.0, 2.0, 4.0, 6.0, 8.0]
    assert [colour_class(v, edges) for v in (0.0, 0.5, 2.0, 2.1, 6.0, 8.0)] == [0, 1, 1, 2, 3, 4]
    assert class_edges([0.0, 0.0]) == [0.0, 1.0, 2.0, 3.0, 4.0]  # nothing anywhere: class 0
    square = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)]
    city = [(40.0, 40.0), (60.0, 40.0), (60.0, 60.0), (40.0, 60.0)]
    alone = label_point(square, [])
    assert abs(alone[0] - 50) <= 5 and abs(alone[1] - 50) <= 5
    around = label_point(square, [city])  # the city's own number sits in the middle
    assert inside(around, square) and not inside(around, city)
    # The 14 drawn powiats: each value inside its own powiat; a land powiat's outside every
    # other (a city's lies in its land powiat too, which it is drawn over).
    drawn = powiat_map({}, {})
    for shape in drawn.shapes:
        holding = {o.code for o in drawn.shapes if inside((shape.x, shape.y), _points(o.path))}
        assert shape.code in holding and (shape.code >= "0861" or holding == {shape.code})


def _points(path: str) -> list[tuple[float, float]]:
    pairs = re.findall(r"([\d.]+),([\d.]+)", path)
    return [(float(x), float(y)) for x, y in pairs]
