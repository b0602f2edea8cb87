"""The register spiders (ZRK, RIS, RSPO) over real HTTP against their recorded API responses
(tests/crawlers/recorded/{zrk,ris,rspo}/), crawled into a real catalogue.

One crawl of every recorded source (registry: recorded/zrk/sources.toml) serves most tests;
the fault test crawls twice on its own.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import DeliveryForm, Offer, OfferKind, OfferStatus, Source
from catalogue.normalise.kinds import resolve_kind
from catalogue.qualification_info import known_qualifications, qualification_detail
from crawlers.run import crawl
from crawlers.spiders.rspo import CONTINUING_EDUCATION_TYPES
from crawlers.spiders.rspo import KIND as RSPO_KIND
from crawlers.summary import RunSummary
from samples.faults import Fault
from samples.replies import Reply
from tests.crawlers.conftest import FAST, Catalogue
from tests.crawlers.recorded import RECORDED, RecordedServer, load_exchanges
from tests.postgres_support import Databases

# What the crawl does over HTTP, not the database: SQLite only (decision 0010).
pytestmark = pytest.mark.crawl_not_database

REGISTRY = RECORDED / "zrk" / "sources.toml"
SETTINGS = {**FAST, "HTTPCACHE_ENABLED": False}
LOGIN, PASSWORD = "wzk-lubuskie", "Haslo-Testowe-2026"  # the account the recordings accept
ZRK, RIS, RSPO = "recorded-zrk", "recorded-ris", "recorded-rspo"
WRONG_PASSWORD, NO_CREDENTIALS = "recorded-rspo-wrong-password", "recorded-rspo-no-credentials"
ONE_PAGE, PLAIN_HTTP = "recorded-rspo-one-page", "recorded-rspo-plain-http"
ZRK_LIST, RIS_LIST, RIS_TRAININGS, RSPO_LIST = (
    "/pl/v1/qualifications/",
    "/api_ris/v1/instytucje-szkoleniowe",
    "/api_ris/v1/szkolenia",
    "/api/placowki/",
)


class RegisterServer(RecordedServer):
    """The recordings of several registers behind one address (their API paths differ), with
    the Authorization header of every request kept: the request log does not keep headers."""

    def __init__(self, *sources: str) -> None:
        super().__init__(sources[0])
        for source in sources[1:]:
            self.exchanges += load_exchanges(RECORDED / source)
        self.authorizations: list[tuple[str, str | None]] = []  # (path, header)

    def answer(self, method: str, target: str, headers: Any, body: bytes = b"") -> Reply:
        self.authorizations.append((target.split("?")[0], headers.get("Authorization")))
        return super().answer(method, target, headers, body)


@dataclass
class Crawled:
    summaries: dict[str, RunSummary]
    server: RegisterServer
    database_url: str

    def offers(self, source: str) -> dict[str, Offer]:
        return stored(self.database_url, source)


def crawl_registers(
    server: RecordedServer, database_url: str, *names: str
) -> dict[str, RunSummary]:
    summaries = crawl(
        list(names), database_url, base_url=server.base_url, settings=SETTINGS,
        registry_path=REGISTRY,
    )  # fmt: skip
    return {summary.source: summary for summary in summaries}


def stored(database_url: str, source: str) -> dict[str, Offer]:
    """The source's offers with their institution and editions, readable after the session."""
    query = (
        select(Offer)
        .join(Source)
        .where(Source.name == source)
        .options(selectinload(Offer.institution), selectinload(Offer.editions))
    )
    with Session(get_engine(database_url)) as session:
        return {offer.external_id: offer for offer in session.exec(query).all()}


def basic(login: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Iterator[Crawled]:
    database_url = databases.create(tmp_path_factory.mktemp("registers"))
    with pytest.MonkeyPatch.context() as env, RegisterServer("zrk", "ris", "rspo") as server:
        env.setenv("RECORDED_RSPO_LOGIN", LOGIN)
        env.setenv("RECORDED_RSPO_PASSWORD", PASSWORD)
        env.setenv("RECORDED_RSPO_WRONG_PASSWORD", "nie-to-haslo")
        env.delenv("RECORDED_RSPO_UNSET_LOGIN", raising=False)
        env.delenv("RECORDED_RSPO_UNSET_PASSWORD", raising=False)
        names = (ZRK, RIS, RSPO, WRONG_PASSWORD, NO_CREDENTIALS, ONE_PAGE, PLAIN_HTTP)
        summaries = crawl_registers(server, database_url, *names)
        yield Crawled(summaries, server, database_url)


def test_every_request_of_the_crawl_was_recorded(crawled: Crawled) -> None:
    assert crawled.server.unmatched == []
    assert {crawled.summaries[name].status for name in (ZRK, RIS, RSPO)} == {"success"}


# --- ZRK ------------------------------------------------------------------------------------


def test_zrk_gives_one_validation_offer_per_certifying_institution_in_lubuskie(
    crawled: Crawled,
) -> None:
    offers = crawled.offers(ZRK)
    providers = {ext: (o.institution.name, o.institution.town) for ext, o in offers.items()}
    assert providers == {
        "41001-3101": ("Lubuska Akademia Rachunkowości Sp. z o.o.", "Zielona Góra"),
        "41003-3301": (
            "Zachodnia Izba Przemysłowo-Handlowa w Gorzowie Wielkopolskim",
            "Gorzów Wlkp.",
        ),
        "41003-3302": ("Lubuska Izba Rzemieślnicza w Zielonej Górze", "Zielona Góra"),
        "41004-3401": ("Fundacja Kompetencji Cyfrowych", "Kraków"),
        "41006-3601": ("Centrum Usług Opiekuńczych „Senior” Sp. z o.o.", "Świebodzin"),
        "41007-3701": ("Lubuskie Centrum Odnawialnych Źródeł Energii", "Nowa Sól"),
    }
    assert {o.kind for o in offers.values()} == {OfferKind.validation}
    assert {ext: (o.prk_level, o.isced_code) for ext, o in offers.items()} == {
        "41001-3101": (5, "0411"),
        "41003-3301": (3, "1012"),
        "41003-3302": (3, "1012"),
        "41004-3401": (5, "0613"),
        "41006-3601": (3, "0923"),
        "41007-3701": (4, "0713"),
    }
    craft = offers["41003-3302"]
    assert craft.title == "Dyplom czeladnika w zawodzie fryzjer"
    assert craft.extras["code"] == "ZRK-41003"
    assert craft.extras["certifying_institution"]["address"]["postal_code"] == "65-426"
    assert craft.url == f"{crawled.server.base_url}/k?id_kw=41003"
    assert all(o.status == OfferStatus.active for o in offers.values())
    # Undated: held at the certifying institution's seat when it is a Lubuskie place.
    assert all(e.start_date is None for o in offers.values() for e in o.editions)


def test_a_crawled_zrk_qualification_has_its_registers_kind_and_certifying_institutions(
    crawled: Crawled,
) -> None:
    with Session(get_engine(crawled.database_url)) as session:
        known = known_qualifications(session)
        kinds = {code: known[code].kind for code in known if code.startswith("ZRK-")}
        craft = qualification_detail(session, "zrk-41003")
    assert kinds == {
        "ZRK-41001": "market",  # "wolnorynkowe"
        "ZRK-41003": "craft",  # "rzemieślnicze"
        "ZRK-41004": "market",
        "ZRK-41006": "market",
        "ZRK-41007": "sector",  # "sektorowe"
    }
    assert craft is not None and craft.summary.prk_level == 3
    assert {o.institution.name for o in craft.validations if o.institution} == {
        "Zachodnia Izba Przemysłowo-Handlowa w Gorzowie Wielkopolskim",
        "Lubuska Izba Rzemieślnicza w Zielonej Górze",
    }


def test_zrk_leaves_out_other_regions_unless_the_institution_validates_remotely(
    crawled: Crawled,
) -> None:
    offers = crawled.offers(ZRK)
    assert "41001-3102" not in offers  # Warszawa, no remote validation
    assert not any(ext.startswith(("41002-", "41005-", "41008-")) for ext in offers)
    assert {ext for ext, o in offers.items() if o.form is not None} == {"41004-3401"}
    assert offers["41004-3401"].form == DeliveryForm.online  # Kraków, validates remotely


def test_zrk_reads_details_only_of_categories_that_certifying_institutions_validate(
    crawled: Crawled,
) -> None:
    requests = crawled.server.requests
    pages = [
        (r.query["offset"], r.query["limit"], r.query["status"]) for r in requests.all(ZRK_LIST)
    ]
    assert pages == [("0", "3", "2"), ("3", "3", "2"), ("6", "3", "2")]
    assert requests.all(f"{ZRK_LIST}41005/") == []  # a degree: no certifying institutions
    assert len(requests.all(f"{ZRK_LIST}41007/")) == 1


def test_zrk_rejects_an_institution_without_a_voivodeship_with_its_payload(
    crawled: Crawled,
) -> None:
    (rejection,) = Catalogue(get_engine(crawled.database_url)).rejections(ZRK)
    assert rejection.reason == "instytucja certyfikująca bez województwa"
    assert rejection.external_id == "41006"
    assert rejection.payload["instytucja"]["name"] == "Instytut Opieki Domowej"
    assert crawled.summaries[ZRK].rejected == 1


# --- RIS ------------------------------------------------------------------------------------


def test_ris_gives_one_training_offer_per_training_of_a_lubuskie_institution(
    crawled: Crawled,
) -> None:
    offers = crawled.offers(RIS)
    assert {ext: o.title for ext, o in offers.items()} == {
        "20811-901": "Spawanie metodą MAG (135) – kurs podstawowy",
        "20811-902": "Obsługa wózków jezdniowych podnośnikowych z wymianą butli gazowej",
        "20811-903": "Kadry i płace z obsługą programu Płatnik",
        "20812-911": "Opiekun osoby starszej z elementami pierwszej pomocy",
        "20812-912": "Florystyka z elementami sprzedaży",
        "20814-941": "Grafika komputerowa z wykorzystaniem programów Adobe",
        "20815-951": "Prawo jazdy kat. C z kwalifikacją wstępną przyspieszoną",
    }
    # "szkolenie" says only "some training": a title naming a course makes it a course.
    assert {ext for ext, o in offers.items() if o.kind != OfferKind.training} == {"20811-901"}
    assert offers["20811-901"].kind == OfferKind.course
    assert {(o.institution.name, o.institution.town) for o in offers.values()} == {
        ("Ośrodek Szkoleniowy „Kwalifikacje” Sp. z o.o.", "Zielona Góra"),
        ("Centrum Edukacji „Progres” s.c.", "Gorzów Wielkopolski"),
        ("Akademia Kompetencji Cyfrowych Sp. z o.o.", "Żary"),
        ("Lubuskie Centrum Szkoleń Zawodowych Sp. z o.o.", "Nowa Sól"),
    }
    welding = offers["20811-901"]
    assert welding.extras["numerWRejestrze"] == "2.08/00045/2012"
    assert welding.extras["kodObszaruSzkolenia"] == "521"
    assert welding.extras["adres"] == "ul. Zjednoczenia 104 65-120 Zielona Góra"
    # RIS trainings have no dates: placed at the institution's seat (the normaliser's rule).
    (seat,) = welding.editions
    assert (seat.start_date, seat.town, seat.powiat_teryt) == (None, "Zielona Góra", "0862")
    assert welding.url.endswith("/portal/#/ris/wyszukiwarka/szczegolyRis?id=20811")


def test_ris_sends_the_lubuskie_filter_and_walks_both_lists_page_by_page(
    crawled: Crawled,
) -> None:
    requests = crawled.server.requests
    institutions = requests.all(RIS_LIST)
    assert [r.query["page[number]"] for r in institutions] == ["1", "2", "3"]
    assert {r.query["filter[miejsceDzialalnosci.kodWojewodztwa]"] for r in institutions} == {"08"}
    trainings = sorted(
        (r.query["filter[numerWRejestrze]"], r.query["page[number]"])
        for r in requests.all(RIS_TRAININGS)
    )
    # 20812's one page is full, but its `links.next` is null: no second request.
    assert trainings == [
        ("2.08/00045/2012", "1"), ("2.08/00045/2012", "2"), ("2.08/00077/2013", "1"),
        ("2.08/00112/2015", "1"), ("2.08/00203/2019", "1"), ("2.08/00241/2021", "1"),
    ]  # fmt: skip


def test_ris_rejects_a_training_without_an_id(crawled: Crawled) -> None:
    (rejection,) = Catalogue(get_engine(crawled.database_url)).rejections(RIS)
    assert rejection.reason == "szkolenie bez identyfikatora"
    assert rejection.external_id == "20815"
    assert "BHP" in rejection.payload["attributes"]["nazwaSzkolenia"]


# --- RSPO -----------------------------------------------------------------------------------

RSPO_OFFERS = {
    "301001-311513": "technik pojazdów samochodowych",
    "301001-723103": "mechanik pojazdów samochodowych",
    "301002-334306": "technik administracji",
    "301002-431103": "technik rachunkowości",
    "301002-325509": "technik bezpieczeństwa i higieny pracy",
    "301004-343203": "florysta",
    "301004-512001": "kucharz",
    "301005-311513": "technik pojazdów samochodowych",
    "301005-311303": "technik elektryk",
    "301007-512001": "kucharz",
    "301007-751201": "cukiernik",
    "301008-325402": "technik masażysta",
    "301008-514207": "technik usług kosmetycznych",
    "301009-532102": "opiekun medyczny",
    "301009-325101": "asystentka stomatologiczna",
    "301009-325907": "terapeuta zajęciowy",
    "301010-341203": "opiekun w domu pomocy społecznej",
    "301011-351203": "technik informatyk",
    "301011-333107": "technik logistyk",
}


def test_rspo_gives_one_offer_per_centre_and_occupation_taught(crawled: Crawled) -> None:
    offers = crawled.offers(RSPO)
    assert {ext: o.title for ext, o in offers.items()} == {
        ext: f"Kształcenie w zawodzie {occupation}" for ext, occupation in RSPO_OFFERS.items()
    }
    # 301003 (an empty list) and 301006 (no field) teach no occupation: nothing from them.
    assert not any(ext.startswith(("301003-", "301006-")) for ext in offers)
    expected_kind = resolve_kind(RSPO_KIND, "Kształcenie w zawodzie kucharz").kind
    assert {o.kind for o in offers.values()} == {expected_kind}
    medyk = offers["301009-532102"]
    assert medyk.institution.name.startswith("Szkoła Policealna nr 1 w Centrum Kształcenia")
    assert (medyk.institution.town, medyk.institution.website) == (
        "Zielona Góra",
        "https://www.medyk-zg.example/",
    )
    assert medyk.extras["idZawodu"] == "532102"
    assert (medyk.extras["powiatKodTERYT"], medyk.extras["gminaKodTERYT"]) == ("0862", "0862011")
    assert medyk.extras["geolokalizacja"] == [{"latitude": "51.9356", "longitude": "15.5062"}]
    assert medyk.extras["adres"] == "ul. Wazów 2, 65-044 Zielona Góra"
    assert medyk.url == f"{crawled.server.base_url}/institutions/301009"


def test_rspo_sends_basic_auth_and_the_continuing_education_filters(crawled: Crawled) -> None:
    requests = crawled.server.requests.all(RSPO_LIST)
    assert {(r.query["wojewodztwo_kod_teryt"], r.query["zlikwidowana"]) for r in requests} == {
        ("08", "false")
    }
    assert {r.query["typ_podmiotu_id"] for r in requests} == set(CONTINUING_EDUCATION_TYPES)
    sent = {header for path, header in crawled.server.authorizations if path == RSPO_LIST}
    assert sent == {basic(LOGIN, PASSWORD), basic(LOGIN, "nie-to-haslo")}
    others = {header for path, header in crawled.server.authorizations if path != RSPO_LIST}
    assert others == {None}  # ZRK and RIS are open: no credentials sent to them


def test_rspo_with_a_wrong_password_fails_and_stores_nothing(crawled: Crawled) -> None:
    summary = crawled.summaries[WRONG_PASSWORD]
    assert summary.status == "failed"
    assert summary.errors and all(e.startswith("HTTP 401: ") for e in summary.errors)
    assert crawled.offers(WRONG_PASSWORD) == {}


def test_rspo_without_credentials_fails_before_asking_anything(crawled: Crawled) -> None:
    summary = crawled.summaries[NO_CREDENTIALS]
    assert summary.status == "failed"
    assert any("RECORDED_RSPO_UNSET_LOGIN" in error for error in summary.errors)
    assert crawled.offers(NO_CREDENTIALS) == {}


def test_rspo_never_sends_its_password_over_plain_http(crawled: Crawled) -> None:
    summary = crawled.summaries[PLAIN_HTTP]
    assert summary.status == "failed"
    assert summary.errors == [
        "dane logowania wysyłamy tylko przez HTTPS: "
        "http://api.rspo.gov.pl/api/placowki/?wojewodztwo_kod_teryt=08"
    ]


def test_a_list_longer_than_the_page_guard_leaves_the_run_partial(crawled: Crawled) -> None:
    summary = crawled.summaries[ONE_PAGE]
    assert summary.status == "partial"
    assert len([e for e in summary.errors if e.startswith("przerwano listę po 1 stronach")]) == 3
    assert len(crawled.offers(ONE_PAGE)) == 17  # the first page of every type's list


# --- faults --------------------------------------------------------------------------------


def test_a_malformed_page_or_a_500_leaves_the_run_partial_and_withdraws_nothing(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECORDED_RSPO_LOGIN", LOGIN)
    monkeypatch.setenv("RECORDED_RSPO_PASSWORD", PASSWORD)
    sources = (ZRK, RIS, RSPO)
    with RegisterServer("zrk", "ris", "rspo") as server:
        first = crawl_registers(server, database_url, *sources)
        before = {source: stored(database_url, source) for source in sources}
        server.requests.clear()
        for fault in faults():
            server.faults.add(fault)
        second = crawl_registers(server, database_url, *sources)

    assert {s.status for s in first.values()} == {"success"}
    assert {s.status for s in second.values()} == {"partial"}
    assert any(e.startswith("niepoprawny JSON") for e in second[ZRK].errors)
    assert any(e.startswith("HTTP 500: ") and "/41003/" in e for e in second[ZRK].errors)
    assert any(e.startswith("HTTP 500: ") and "szkolenia" in e for e in second[RIS].errors)
    assert any(
        e.startswith("HTTP 500: ") and "typ_podmiotu_id=19" in e for e in second[RSPO].errors
    )
    # ZRK's list stops at the page it cannot read; the other lists go on around their faults.
    assert [r.query["offset"] for r in server.requests.all(ZRK_LIST)] == ["0", "3"]
    assert (second[ZRK].unchanged, second[RIS].unchanged, second[RSPO].unchanged) == (1, 5, 17)
    for source in sources:
        after = stored(database_url, source)
        assert set(after) == set(before[source]) and after
        assert {o.status for o in after.values()} == {OfferStatus.active}
        assert second[source].withdrawn == 0


def faults() -> list[Fault]:
    """A page cut off in transit and three 500s: on a detail, a sub-list and a list page."""
    truncated = (RECORDED / "zrk" / "qualifications-offset-3-truncated.json").read_text("utf-8")
    django_500 = (RECORDED / "zrk" / "error-500.html").read_text("utf-8")
    jsonapi_500 = (RECORDED / "ris" / "error-500.json").read_text("utf-8")
    spring_500 = (RECORDED / "rspo" / "error-500.json").read_text("utf-8")
    rspo_page = {"typ_podmiotu_id": "19", "page": "2"}
    return [
        Fault(ZRK_LIST, query={"offset": "3"}, status=200, body=truncated),
        Fault(f"{ZRK_LIST}41003/", status=500, body=django_500, content_type="text/html"),
        Fault(
            RIS_TRAININGS, query={"filter[numerWRejestrze]": "2.08/00112/2015"}, body=jsonapi_500
        ),
        Fault(RSPO_LIST, query=rspo_page, body=spring_500),
    ]
