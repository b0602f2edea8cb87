"""The real BUR spider crawls recorded answers of the BUR API over HTTP into a catalogue.

The recordings (tests/crawlers/recorded/bur/) hold a login, three pages of services in
Lubuskie (25 + 25 + 11) and the schedule of every live service; expectations are read from them.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Institution, Offer, OfferKind, OfferStatus, Source
from crawlers.items import RawOffer
from crawlers.run import crawl
from crawlers.spiders.bur import BurSpider
from crawlers.summary import RunSummary
from samples.faults import Fault
from samples.replies import Reply
from tests.crawlers.conftest import FAST
from tests.crawlers.recorded import RECORDED, RecordedServer
from tests.postgres_support import Databases

# What the crawl does over HTTP, not the database: SQLite only (decision 0010).
pytestmark = pytest.mark.crawl_not_database

FOLDER = RECORDED / "bur"
REGISTRY = FOLDER / "sources.toml"
SOURCE = "recorded-bur"
LIST = "/api/usluga"
LOGIN = "/api/autoryzacja/logowanie"
REMOTE_FORMS = (2, 3, 6)


def read(name: str) -> Any:
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def recorded_login() -> dict[str, str]:
    exchanges = tomllib.loads((FOLDER / "exchanges.toml").read_text(encoding="utf-8"))
    return next(e["request_json"] for e in exchanges["exchange"] if "request_json" in e)


RECORDS = [record for page in (1, 2, 3) for record in read(f"usluga-strona-{page}.json")["lista"]]
BY_ID = {str(record["id"]): record for record in RECORDS}
LIVE = {key for key, record in BY_ID.items() if record["status"] == "OPUBLIKOWANA"}
TOKEN = read("autoryzacja-logowanie.json")["token"]
TWO_PAGE_SCHEDULE = next(
    key for key in LIVE if (FOLDER / f"harmonogram/{key}-strona-2.json").exists()
)


def recorded_schedule(key: str) -> list[dict[str, Any]]:
    pages = sorted((FOLDER / "harmonogram").glob(f"{key}-strona-*.json"))
    entries = [e for page in pages for e in json.loads(page.read_text("utf-8"))["lista"]]
    return [
        {"data": e["data"], "od": e["godzinaRozpoczecia"], "do": e["godzinaZakonczenia"],
         "temat": e["temat"], "typ": e["typAktywnosci"]}
        for e in entries
    ]  # fmt: skip


class LoggingServer(RecordedServer):
    """The recorded server, also noting each request's Authorization header."""

    def __init__(self, source: str | Path) -> None:
        super().__init__(source)
        self.authorization: list[tuple[str, str, str | None]] = []

    def answer(self, method: str, target: str, headers: Any, body: bytes = b"") -> Reply:
        self.authorization.append((method, urlsplit(target).path, headers.get("Authorization")))
        return super().answer(method, target, headers, body)


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    login = recorded_login()
    monkeypatch.setenv("RECORDED_BUR_LOGIN", login["nazwaUzytkownika"])
    monkeypatch.setenv("RECORDED_BUR_API_KEY", login["kluczAutoryzacyjny"])


@pytest.fixture
def server(credentials: None) -> Iterator[LoggingServer]:
    with LoggingServer(FOLDER) as running:
        yield running


def run(server: RecordedServer, database_url: str) -> RunSummary:
    (summary,) = crawl(
        [SOURCE], database_url, base_url=server.base_url, settings=FAST, registry_path=REGISTRY
    )
    return summary


def stored(database_url: str) -> dict[str, Offer]:
    """The source's offers with their editions and institution loaded."""
    query = (
        select(Offer)
        .join(Source)
        .where(Source.name == SOURCE)
        .options(selectinload(Offer.editions), selectinload(Offer.institution))
    )
    with Session(get_engine(database_url)) as session:
        return {offer.external_id: offer for offer in session.exec(query).all()}


@pytest.fixture(scope="module")
def full_crawl(
    tmp_path_factory: pytest.TempPathFactory, databases: Databases
) -> Iterator[dict[str, Any]]:
    """One undisturbed crawl of the recordings, shared by the tests that only read it."""
    database_url = databases.create(tmp_path_factory.mktemp("bur"))
    login = recorded_login()
    with pytest.MonkeyPatch.context() as patch, LoggingServer(FOLDER) as server:
        patch.setenv("RECORDED_BUR_LOGIN", login["nazwaUzytkownika"])
        patch.setenv("RECORDED_BUR_API_KEY", login["kluczAutoryzacyjny"])
        summary = run(server, database_url)
        yield {"summary": summary, "server": server, "offers": stored(database_url),
               "database_url": database_url}  # fmt: skip


def test_every_listed_service_is_stored_and_the_run_succeeds(full_crawl):
    summary = full_crawl["summary"]
    assert (summary.status, summary.errors) == ("success", [])
    assert (summary.seen, summary.new, summary.rejected) == (len(RECORDS), len(RECORDS), 0)
    assert set(full_crawl["offers"]) == set(BY_ID)
    assert full_crawl["server"].unmatched == []


def test_a_postgraduate_service_becomes_a_postgraduate_offer(full_crawl):
    postgraduate = {key for key, r in BY_ID.items() if r["idPodrodzajuUslugi"] == 147}
    assert postgraduate
    kinds = {key: offer.kind for key, offer in full_crawl["offers"].items()}
    assert {key for key, kind in kinds.items() if kind == OfferKind.postgraduate} == postgraduate
    offer = full_crawl["offers"][sorted(postgraduate)[0]]
    assert (
        offer.url
        == f"https://uslugirozwojowe.parp.gov.pl/wyszukiwarka/uslugi/podglad?id={offer.external_id}"
    )


def test_a_remote_service_is_online_and_has_no_place(full_crawl):
    remote = [key for key, r in BY_ID.items() if r["idFormySwiadczenia"] in REMOTE_FORMS]
    assert remote and all(BY_ID[key]["adres"] is None for key in remote)
    for key in remote:
        offer = full_crawl["offers"][key]
        assert offer.form == DeliveryForm.online, BY_ID[key]["idFormySwiadczenia"]
        (edition,) = offer.editions
        assert (edition.town, edition.address, edition.powiat_teryt) == (None, None, None)


def test_a_service_with_an_address_is_placed_in_its_lubuskie_powiat(full_crawl):
    placed = [key for key, r in BY_ID.items() if r["idFormySwiadczenia"] not in REMOTE_FORMS]
    for key in placed:
        offer = full_crawl["offers"][key]
        expected = (
            DeliveryForm.on_site if BY_ID[key]["idFormySwiadczenia"] == 1 else DeliveryForm.blended
        )
        assert offer.form == expected
        (edition,) = offer.editions
        assert edition.powiat_teryt and edition.powiat_teryt.startswith("08")
        assert edition.postcode == BY_ID[key]["adres"]["kodPocztowy"]


def test_prices_are_read_as_grosze(full_crawl):
    power_bi = [key for key, r in BY_ID.items() if r["tytul"].startswith("Power BI")]
    assert {BY_ID[key]["cenaBruttoZaUczestnika"] for key in power_bi} == {246000}
    for key in power_bi:
        (edition,) = full_crawl["offers"][key].editions
        assert edition.price_grosze / 100 == 2460.00  # zł, not 246 000 zł
    for key, offer in full_crawl["offers"].items():
        assert offer.editions[0].price_grosze == BY_ID[key]["cenaBruttoZaUczestnika"]


def test_the_schedule_of_a_live_service_is_kept_in_its_extras(full_crawl):
    offers = full_crawl["offers"]
    for key in LIVE:
        assert offers[key].extras["harmonogram"] == recorded_schedule(key), key
    two_pages = offers[TWO_PAGE_SCHEDULE].extras["harmonogram"]
    assert (
        len(two_pages)
        == read(f"harmonogram/{TWO_PAGE_SCHEDULE}-strona-1.json")["wszystkieElementy"]
        > 25
    )
    assert offers[TWO_PAGE_SCHEDULE].extras["idPodrodzajuUslugi"] == 147


def test_services_no_longer_on_offer_are_stored_but_not_active(full_crawl):
    statuses = {r["status"] for r in BY_ID.values()} - {"OPUBLIKOWANA"}
    assert {"ODWOLANA", "ZREALIZOWANA"} <= statuses
    for key, offer in full_crawl["offers"].items():
        expected = OfferStatus.active if key in LIVE else OfferStatus.withdrawn
        assert offer.status == expected, (key, BY_ID[key]["status"])
    asked = {path for _, path, _ in full_crawl["server"].authorization}
    schedules = {path.split("/")[3] for path in asked if path.endswith("/harmonogram")}
    assert schedules == LIVE  # a cancelled or finished service's schedule is not asked for


def test_providers_become_institutions_and_funding_is_kept(full_crawl):
    with Session(get_engine(full_crawl["database_url"])) as session:
        names = set(session.exec(select(Institution.name)).all())
    assert names == {r["dostawcaUslug"]["nazwa"] for r in RECORDS}
    for key, offer in full_crawl["offers"].items():
        assert offer.institution.name == BY_ID[key]["dostawcaUslug"]["nazwa"]
        funded_by_kfs = any("KFS" in f for f in BY_ID[key]["formyDofinansowania"])
        assert ("KFS" in (offer.funding or "")) == funded_by_kfs


def test_every_list_request_asks_for_lubuskie_with_the_bearer_token(full_crawl):
    server = full_crawl["server"]
    lists = server.requests.all(LIST)
    assert sorted(s.query["strona"] for s in lists) == ["1", "2", "3"]
    assert all(s.query["idWojewodztwa"] == "4" for s in lists)
    (first, *others) = [a for a in server.authorization if a[1] != "/robots.txt"]
    assert first == ("POST", LOGIN, None)
    assert others and all(auth == f"Bearer {TOKEN}" for _, _, auth in others)


def test_an_expired_token_mid_crawl_logs_in_again_and_the_crawl_goes_on(server, database_url):
    page_one_live = next(str(r["id"]) for r in read("usluga-strona-1.json")["lista"]
                         if str(r["id"]) in LIVE)  # fmt: skip
    expired = read("blad-401-token.json")
    for path, query in ((LIST, {"strona": "2"}), (f"{LIST}/{page_one_live}/harmonogram", {})):
        server.faults.add(Fault(path, query=query, status=401, body=json.dumps(expired), times=1))

    summary = run(server, database_url)

    assert (summary.status, summary.new) == ("success", len(RECORDS))
    assert len(server.requests.all(LOGIN)) == 2  # one more login, shared by both pages
    page_two = [s.status for s in server.requests.all(LIST) if s.query["strona"] == "2"]
    assert page_two == [401, 200]
    assert stored(database_url)[page_one_live].extras["harmonogram"] == recorded_schedule(
        page_one_live
    )


def test_a_token_the_api_keeps_refusing_fails_the_run_after_one_more_login(server, database_url):
    server.faults.add(Fault(LOGIN, status=200, body='{"token": "niewydany-token"}'))
    summary = run(server, database_url)
    assert summary.status == "failed"
    assert any("HTTP 401 po ponownym zalogowaniu" in error for error in summary.errors)
    assert len(server.requests.all(LOGIN)) == 2
    assert [s.status for s in server.requests.all(LIST)] == [401, 401]  # the recorded refusal


def test_a_429_is_waited_for_and_retried(server, database_url):
    server.faults.add(
        Fault(LIST, query={"strona": "3"}, status=429, headers={"Retry-After": "1"}, times=1)
    )
    summary = run(server, database_url)
    assert summary.status == "success"
    asked = [s for s in server.requests.all(LIST) if s.query["strona"] == "3"]
    assert [s.status for s in asked] == [429, 200]
    assert asked[1].at - asked[0].at >= 0.9


def test_wrong_credentials_fail_the_run_with_nothing_stored(server, database_url, monkeypatch):
    monkeypatch.setenv("RECORDED_BUR_API_KEY", "zły-klucz")
    summary = run(server, database_url)
    assert summary.status == "failed"
    assert any("HTTP 401" in error for error in summary.errors)
    assert stored(database_url) == {}
    assert [s.path for s in server.requests.all() if s.path != "/robots.txt"] == [LOGIN]


def test_a_failing_schedule_page_keeps_the_offer_but_the_run_is_not_a_success(server, database_url):
    failing = f"{LIST}/{TWO_PAGE_SCHEDULE}/harmonogram"
    fault = server.faults.add(Fault(failing, query={"strona": "2"}, status=500))

    summary = run(server, database_url)

    assert summary.status == "partial"
    assert any(failing in error and "HTTP 500" in error for error in summary.errors)
    offers = stored(database_url)
    assert set(offers) == set(BY_ID)
    kept = offers[TWO_PAGE_SCHEDULE]  # new: stored without its schedule
    assert kept.status == OfferStatus.active
    assert "harmonogram" not in kept.extras
    assert all("harmonogram" in offers[key].extras for key in LIVE - {TWO_PAGE_SCHEDULE})

    server.faults.clear()
    assert run(server, database_url).status == "success"
    schedule = stored(database_url)[TWO_PAGE_SCHEDULE].extras["harmonogram"]
    server.faults.add(fault)
    assert run(server, database_url).status == "partial"
    # Stored earlier, it is not stripped of its schedule by a run that could not read it.
    assert stored(database_url)[TWO_PAGE_SCHEDULE].extras["harmonogram"] == schedule


@pytest.mark.parametrize("setting", [False, "false", "0", "nie"])
def test_schedules_are_not_asked_for_when_the_registry_says_so(setting):
    spider = BurSpider(source_name=SOURCE, fetch_schedule=setting)
    record = BY_ID[TWO_PAGE_SCHEDULE]
    item = spider.record_item(record)
    assert isinstance(item, RawOffer)
    assert spider.follow_up_url(record, item) is None
    assert list(spider.record_items(record)) == [item]  # the offer goes out at once


def test_a_live_services_schedule_is_asked_for_under_the_list_endpoint():
    spider = BurSpider(source_name=SOURCE)
    (request,) = spider.record_items(BY_ID[TWO_PAGE_SCHEDULE])
    assert request.url == (
        f"https://uslugirozwojowe.parp.gov.pl/api/usluga/{TWO_PAGE_SCHEDULE}/harmonogram?strona=1"
    )
