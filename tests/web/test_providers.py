"""Provider pages (/instytucje/{id}) and every offer page's "Kontakt i zapisy", on a copy of the
web tests' catalogue to which providers with the sources' real fields are added: a RIS
training institution (register number, NIP, REGON, address), a BUR service (its contact
person, conditions in HTML), an RSPO school (e-mail, phone), a registered institution with the
crawled record linked to it, and one awaiting approval."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Edition, Institution, Offer, OfferStatus, Source
from tests.app_settings import app_settings
from tests.postgres_support import Databases
from tests.web.web_support import CKZIU_ZG, TODAY, UZ, Catalogue, html
from web.app import create_app
from web.formatting import format_date

BUR_URL = "https://uslugirozwojowe.parp.gov.pl/wyszukiwarka/uslugi/podglad?id=77001"


@dataclass
class Providers:
    client: TestClient
    ids: dict[str, int]  # name -> institution or offer id


def offer(source: Source, key: str, title: str, **more: object) -> Offer:
    values: dict[str, object] = {
        "url": f"https://zrodlo.example.org/{source.name}/{key}",
        "content_hash": key,
        **more,
    }
    return Offer(source=source, external_id=key, title=title, **values)  # type: ignore[arg-type]


def add_providers(database_url: str) -> dict[str, int]:
    engine = get_engine(database_url)
    with Session(engine) as session:
        ris, bur, rspo = (Source(name=n, title=n.upper()) for n in ("ris", "bur", "rspo"))
        osz = Institution(
            name="Ośrodek Szkolenia Zawodowego Kadra", key="osz kadra", town="Żary",
            website="https://kadra.example.pl/",
        )  # fmt: skip
        school = Institution(name="Zespół Szkół Technicznych w Żarach", key="zst zary")
        registered = Institution(
            name="Akademia Rozwoju Lubuskie", key="akademia rozwoju lubuskie", approval="approved",
            nip="9731234567", website="https://akademia.example.pl/",
        )  # fmt: skip
        crawled = Institution(name="Akademia Rozwoju", key="akademia rozwoju")
        pending = Institution(name="Szkoła Czeka", key="szkola czeka", approval="pending")
        session.add_all([osz, school, registered, crawled, pending])
        session.flush()
        crawled.registered_id = registered.id
        offers = {
            "ris_offer": offer(
                ris, "r1", "Kurs obsługi koparko-ładowarki", institution=osz,
                extras={
                    "numerWRejestrze": "2.08/00012/2019", "nip": "9281234567",
                    "regon": "970123456", "adres": "ul. Wrocławska 1 68-200 Żary",
                },
                editions=[Edition(town="Żary", start_date=TODAY + timedelta(days=20),
                                  enrolment_end=TODAY + timedelta(days=9))],
            ),
            "bur_offer": offer(
                bur, "b1", "Obsługa wózków widłowych z egzaminem UDT", institution=osz,
                url=BUR_URL,
                extras={
                    "osobaKontaktowa": {"imieNazwisko": "Anna Nowak", "zdjecie": None,
                                        "email": "a.nowak@kadra.example.pl",
                                        "telefon": "+48 68 123 45 67"},
                    "warunkiUczestnictwa": "<p>Ukończone 18 lat &amp; prawo jazdy kat. B</p>",
                },
                editions=[Edition(town="Żary", start_date=TODAY - timedelta(days=5),
                                  enrolment_end=TODAY - timedelta(days=7))],
            ),
            "withdrawn_offer": offer(
                ris, "r2", "Kurs wycofany", institution=osz, status=OfferStatus.withdrawn
            ),
            "school_offer": offer(
                rspo, "s1", "Kształcenie w zawodzie technik mechanik", institution=school,
                extras={"numerRspo": 123456, "regon": "080012345",
                        "email": "sekretariat@zst.example.pl", "telefon": "68 470 00 00",
                        "adres": "ul. Szkolna 5, 68-200 Żary"},
            ),
            "linked_offer": offer(
                ris, "a1", "Trening kompetencji miękkich", institution=crawled,
                extras={"telefon": "not a phone", "email": "not-an-email"},
            ),
        }  # fmt: skip
        session.add_all(offers.values())
        session.commit()
        ids = {name: o.id or 0 for name, o in offers.items()}
        ids |= {"osz": osz.id or 0, "school": school.id or 0, "registered": registered.id or 0}
        ids |= {"crawled": crawled.id or 0, "pending": pending.id or 0}
        ckziu = session.exec(select(Institution).where(Institution.name == CKZIU_ZG)).one()
        ids["ckziu"] = ckziu.id or 0
    engine.dispose()
    return ids


@pytest.fixture(scope="module")
def providers(
    catalogue: Catalogue, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Providers]:
    database_url = databases.copy(catalogue.database_url, tmp_path_factory.mktemp("providers"))
    ids = add_providers(database_url)
    app = create_app(app_settings(database_url, catalogue.index_dir, sample_data=True))
    with TestClient(app) as client:
        yield Providers(client, ids)


def texts(selector: object) -> dict[str, str]:
    """A definition list as {term: text}."""
    return {
        " ".join(row.css("dt").xpath("string()").get().split()): " ".join(  # type: ignore[attr-defined]
            row.css("dd").xpath("string()").get().split()
        )
        for row in selector.css("div")  # type: ignore[attr-defined]
    }


def test_a_provider_page_lists_offers_registers_and_contact(providers: Providers) -> None:
    page = html(providers.client, f"/instytucje/{providers.ids['osz']}")
    assert page.css("h1::text").get() == "Ośrodek Szkolenia Zawodowego Kadra"
    links = page.css("#provider-offers a::attr(href)").getall()
    assert links == [
        f"/oferty/{providers.ids['ris_offer']}",
        f"/oferty/{providers.ids['bur_offer']}",
    ]  # by title; the withdrawn one is not current
    registers = texts(page.css("#provider-registers"))
    assert registers == {
        "Rejestr Instytucji Szkoleniowych (RIS)": "2.08/00012/2019",
        "NIP": "9281234567",
        "REGON": "970123456",
        "Baza Usług Rozwojowych (BUR)": "usługi w BUR w katalogu: 1",
    }
    contact = texts(page.css("#provider-contact"))
    assert contact == {
        "Strona internetowa": "https://kadra.example.pl/",
        "Adres": "ul. Wrocławska 1 68-200 Żary",
    }
    # A service's contact person belongs to the service's page, not the provider's.
    assert "Anna Nowak" not in page.get()


def test_a_school_page_has_its_rspo_number_phone_and_email(providers: Providers) -> None:
    page = html(providers.client, f"/instytucje/{providers.ids['school']}?lang=en")
    registers = texts(page.css("#provider-registers"))
    assert registers["Register of Schools and Educational Institutions (RSPO)"] == "123456"
    assert registers["Business register number (REGON)"] == "080012345"
    contact = page.css("#provider-contact")
    assert contact.css("a[href='tel:684700000']::text").get() == "68 470 00 00"
    assert contact.css("a[href='mailto:sekretariat@zst.example.pl']")


def test_a_registered_institution_shows_its_linked_records_offers(providers: Providers) -> None:
    for key in ("registered", "crawled"):
        page = html(providers.client, f"/instytucje/{providers.ids[key]}")
        links = page.css("#provider-offers a::attr(href)").getall()
        assert links == [f"/oferty/{providers.ids['linked_offer']}"]
        assert texts(page.css("#provider-registers"))["NIP"] == "9731234567"
        contact = texts(page.css("#provider-contact"))
        assert contact["Strona internetowa"] == "https://akademia.example.pl/"
        assert "Telefon" not in contact and "E-mail" not in contact  # not a phone, not an e-mail


@pytest.mark.parametrize("key", ["pending", None])
def test_unknown_and_unapproved_providers_are_not_found(
    providers: Providers, key: str | None
) -> None:
    institution_id = providers.ids[key] if key else 999999
    html(providers.client, f"/instytucje/{institution_id}", status=404)


@pytest.mark.parametrize("path", ["/instytucje/0", "/instytucje/99999999999999999999"])
def test_impossible_ids_are_not_found(providers: Providers, path: str) -> None:
    html(providers.client, path, status=404)


def institution_id(database_url: str, name: str) -> int:
    """The id of the institution named `name` in a catalogue."""
    engine = get_engine(database_url)
    with Session(engine) as session:
        found = session.exec(select(Institution).where(Institution.name == name)).one()
    engine.dispose()
    return found.id or 0


def test_a_provider_without_data_says_so(client: TestClient, catalogue: Catalogue) -> None:
    page = html(client, f"/instytucje/{institution_id(catalogue.database_url, UZ)}")
    assert page.css("#provider-registers-none")
    assert texts(page.css("#provider-contact"))["Strona internetowa"] == "https://uz.example.org/"
    assert len(page.css("#provider-offers li")) == 2  # postgraduate studies and the validation


def test_the_offer_page_says_how_to_enrol_and_whom_to_ask(providers: Providers) -> None:
    page = html(providers.client, f"/oferty/{providers.ids['bur_offer']}")
    section = page.css("#contact")
    assert section.css("h2::text").get() == "Kontakt i zapisy"
    assert "Zapisy prowadzi organizator" in section.xpath("string()").get()
    contact = texts(section.css("#contact-list"))
    assert contact["Osoba do kontaktu"] == "Anna Nowak"
    assert contact["Telefon"] == "+48 68 123 45 67"
    assert section.css("a[href='tel:+48681234567']")
    assert section.css("a[href='mailto:a.nowak@kadra.example.pl']")
    conditions = section.css("#contact-conditions").xpath("string()").get()
    assert "Ukończone 18 lat & prawo jazdy kat. B" in conditions and "<p>" not in conditions
    assert section.css("#contact-enrol::attr(href)").get() == BUR_URL
    # The only deadline has passed: none is announced as open.
    assert "nie podaje terminu" in section.css("#contact-deadline").xpath("string()").get()
    provider = section.css("#contact-provider a")
    assert provider.attrib["href"] == f"/instytucje/{providers.ids['osz']}"


def test_the_offer_page_gives_the_open_deadline(providers: Providers) -> None:
    page = html(providers.client, f"/oferty/{providers.ids['ris_offer']}?lang=en")
    section = page.css("#contact")
    assert section.css("h2::text").get() == "Contact and enrolment"
    deadline = section.css("#contact-deadline time::attr(datetime)").get()
    assert deadline == (TODAY + timedelta(days=9)).isoformat()
    assert texts(section.css("#contact-list"))["Address"] == "ul. Wrocławska 1 68-200 Żary"


def test_an_offer_without_contact_data_points_to_its_source(
    client: TestClient, catalogue: Catalogue
) -> None:
    page = html(client, f"/oferty/{catalogue.ids['bud12']}")  # no institution, no extras
    section = page.css("#contact")
    assert section.css("#contact-none")
    assert not section.css("#contact-provider")
    href = section.css("#contact-enrol::attr(href)").get()
    assert href == "https://zrodlo.example.org/oferty/bud12"
    mag = html(client, f"/oferty/{catalogue.ids['mag']}").css("#contact")
    deadline = format_date(TODAY + timedelta(days=14), "pl")
    assert deadline in mag.css("#contact-deadline").xpath("string()").get()
    assert mag.css("#contact-provider a::attr(href)").get().startswith("/instytucje/")


def test_the_offer_json_carries_the_enrolment(providers: Providers) -> None:
    data = providers.client.get(f"/api/v1/offers/{providers.ids['bur_offer']}").json()
    assert data["enrolment"]["contact"]["person"] == "Anna Nowak"
    assert data["enrolment"]["provider_id"] == providers.ids["osz"]


def test_a_provider_with_many_offers_lists_them_in_pages_of_fifty(
    catalogue: Catalogue, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> None:
    database_url = databases.copy(catalogue.database_url, tmp_path_factory.mktemp("many"))
    engine = get_engine(database_url)
    with Session(engine) as session:
        source = Source(name="wielka", title="WIELKA")
        university = Institution(name="Uczelnia Wielka", key="uczelnia wielka")
        session.add_all(
            offer(source, f"k{n:03}", f"Kurs {n:03}", institution=university) for n in range(120)
        )
        session.commit()
        university_id = university.id
    engine.dispose()
    app = create_app(app_settings(database_url, catalogue.index_dir, sample_data=True))
    with TestClient(app) as client:
        first = html(client, f"/instytucje/{university_id}")
        third = html(client, f"/instytucje/{university_id}?strona=3")
        for wrong in ("4", "0", "abc", "-1"):
            html(client, f"/instytucje/{university_id}?strona={wrong}", status=404)
    titles = first.css("#provider-offers li a::text").getall()
    assert titles == [f"Kurs {n:03}" for n in range(50)]
    assert "Strona 1 z 3" in " ".join(first.css("p").xpath("string()").getall())
    pages = first.css("nav.pagination a::attr(href)").getall()
    assert pages == [f"/instytucje/{university_id}?strona={n}" for n in (2, 3, 2)]
    assert third.css("#provider-offers li a::text").getall()[-1] == "Kurs 119"
    assert third.css("#provider-offers::attr(start)").get() == "101"
    assert third.css("nav.pagination a[rel=prev]::attr(href)").get().endswith("?strona=2")
