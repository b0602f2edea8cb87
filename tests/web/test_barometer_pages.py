"""The coordinator's barometer pages over TestClient: the import form (a good file, other
columns, bad rows, a POST without its CSRF token), the region's gaps and a powiat's page with
its offers and their links; nobody else sees them."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.accounts import Account, LoginSession, Role
from catalogue.barometer import DATA_DIR
from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Edition, Offer, Source
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from web.app import create_app
from web.auth import CSRF_FIELD, SESSION_COOKIE, start_session

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

EXAMPLE = (DATA_DIR / "barometr" / "przyklad.csv").read_bytes()
IMPORT, GAPS = "/koordynator/barometr", "/koordynator/luki"


@dataclass
class Site:
    client: TestClient
    coordinator: dict[str, str]  # cookies
    csrf: str
    member: dict[str, str]
    offers: dict[str, int]


def _signed_in(db: Session, account: Account) -> tuple[dict[str, str], str]:
    from starlette.responses import Response

    response = Response()
    start_session(response, db, account)
    name, value = response.headers["set-cookie"].split(";", 1)[0].split("=", 1)
    assert name == SESSION_COOKIE
    login = db.exec(select(LoginSession).where(LoginSession.account_id == account.id)).one()
    return {name: value}, login.csrf_token


@dataclass
class People:
    offers: dict[str, int]
    coordinator: dict[str, str]  # cookies
    csrf: str  # the coordinator's
    member: dict[str, str]


def fill_gaps_site(url: str) -> People:
    """A welding course near Żary, an online one, a coordinator and a member, signed in."""
    engine = get_engine(url)
    soon = date.today() + timedelta(days=30)
    with Session(engine) as db:
        source = Source(name="s", title="S", url="https://s.example.org/")
        weld = Offer(
            source=source,
            external_id="w",
            title="Kurs spawania MAG 135",
            content_hash="w",
            url="https://s.example.org/w",
            isced_code="0715",
            provider_name="CKZiU w Żarach",
            editions=[Edition(start_date=soon, lat=51.64, lon=15.14, town="Żary")],
        )
        online = Offer(source=source, external_id="o", title="Spawanie: teoria online",
                       content_hash="o", url="https://s.example.org/o", isced_code="0715",
                       form=DeliveryForm.online)  # fmt: skip
        coordinator = Account(
            email="k@wup.example",
            password_hash="-",
            role=Role.coordinator,
            name="Koordynator",
            email_confirmed_at=datetime.now(UTC),
        )
        member = Account(email="m@inst.example", password_hash="-", role=Role.member,
                         name="Członek", email_confirmed_at=datetime.now(UTC))  # fmt: skip
        db.add_all([weld, online, coordinator, member])
        db.commit()
        offers = {"weld": weld.id or 0, "online": online.id or 0}
        coordinator_cookies, csrf = _signed_in(db, coordinator)
        member_cookies, _ = _signed_in(db, member)
    engine.dispose()
    return People(offers, coordinator_cookies, csrf, member_cookies)


@pytest.fixture(scope="module")
def site(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("barometer-pages")
    url = databases.create(root)
    people = fill_gaps_site(url)
    with TestClient(create_app(app_settings(url, root / "index"))) as client:
        yield Site(client, people.coordinator, people.csrf, people.member, people.offers)


def _as(site: Site, cookies: dict[str, str]) -> TestClient:
    site.client.cookies.clear()
    for name, value in cookies.items():
        site.client.cookies.set(name, value)
    return site.client


def _upload(site: Site, name: str, data: bytes, csrf: bool = True):  # type: ignore[no-untyped-def]
    client = _as(site, site.coordinator)
    form = {CSRF_FIELD: site.csrf} if csrf else {}
    return client.post(IMPORT, data=form, files={"plik": (name, data)})


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_pages_are_the_coordinators_only(site: Site) -> None:
    for path in (IMPORT, GAPS, f"{GAPS}?powiat=0811"):
        assert _as(site, {}).get(path, follow_redirects=False).status_code == 303
        assert _as(site, site.member).get(path).status_code == 403
    client = _as(site, site.member)
    assert client.post(IMPORT, files={"plik": ("b.csv", EXAMPLE)}).status_code == 403


def test_before_any_import_the_gaps_page_says_so(site: Site) -> None:
    page = _as(site, site.coordinator).get(GAPS)
    assert page.status_code == 200
    assert "Nie zaimportowano jeszcze barometru zawodów." in _text(page.text)


def test_a_file_with_other_columns_is_refused_naming_them(site: Site) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Rok", "Województwo", "Powiat", "Zawód", "Prognoza 2026"])
    sheet.append([2026, "lubuskie", "żarski", "spawacze", "deficyt"])
    data = io.BytesIO()
    book.save(data)
    page = _upload(site, "barometr.xlsx", data.getvalue())
    assert page.status_code == 422
    text = _text(page.text)
    assert "brak kolumn: „prognoza”" in text and "nieoczekiwane kolumny: „Prognoza 2026”" in text
    assert "Nie zaimportowano jeszcze żadnego barometru." in text


def test_a_post_without_its_csrf_token_imports_nothing(site: Site) -> None:
    assert _upload(site, "przyklad.csv", EXAMPLE, csrf=False).status_code == 403
    assert "Nie zaimportowano jeszcze" in _as(site, site.coordinator).get(GAPS).text


def test_a_good_file_with_a_bad_row_is_imported_and_the_row_named(site: Site) -> None:
    data = EXAMPLE + "2026;lubuskie;berliński;spawacze;deficyt\n".encode()
    page = _upload(site, "barometr-2026.csv", data)
    assert page.status_code == 200
    text = _text(page.text)
    assert "zapisane wiersze: 18, odrzucone: 1" in text
    assert "20 nieznany powiat województwa lubuskiego: „berliński”" in text
    assert "barometr-2026.csv" in text  # the imports so far


def test_the_region_counts_shortages_and_gaps_per_powiat(site: Site) -> None:
    page = _as(site, site.coordinator).get(GAPS)
    assert page.status_code == 200
    row = re.search(r"powiat żarski</a></th>(.*?)</tr>", page.text, re.S)
    assert row is not None
    assert re.findall(r"<td>(\d+)</td>", row.group(1)) == ["4", "3", "0", "1", "1"]
    assert f'href="{GAPS}?rok=2026&amp;powiat=0811"' in page.text


def test_a_powiat_page_shows_each_shortage_with_its_offers_and_online_apart(site: Site) -> None:
    page = _as(site, site.coordinator).get(GAPS, params={"powiat": "0811", "rok": "2026"})
    assert page.status_code == 200
    text = _text(page.text)
    assert "Luki na rynku pracy: powiat żarski" in text
    welders = text.split("spawacze", 1)[1].split("kucharze", 1)[0]
    assert "Są oferty w promieniu 30 km." in welders
    assert "CKZiU w Żarach" in welders and "dziedzina ISCED-F 0715 i „spaw…” w tytule" in welders
    assert f'href="/oferty/{site.offers["weld"]}"' in page.text
    assert f'href="/oferty/{site.offers["online"]}"' in page.text
    assert "Oferty online (wszystkich: 1)" in text
    assert "Luka: brak oferty w promieniu 30 km." in text.split("pielęgniarki i położne", 1)[1]


@pytest.mark.parametrize("query", ["powiat=1465", "powiat=x", "rok=1999", "rok=dwa"])
def test_an_unknown_powiat_or_year_is_not_found(site: Site, query: str) -> None:
    assert _as(site, site.coordinator).get(f"{GAPS}?{query}").status_code == 404
