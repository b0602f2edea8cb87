"""The feed spider over real HTTP: institutions' CSV and XLSX files (tests/crawlers/recorded/feed/)
crawled into a real catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from catalogue.db import create_all, get_engine
from catalogue.models import (
    DeliveryForm,
    Institution,
    Offer,
    OfferKind,
    OfferStatus,
    Rejection,
    Source,
)
from crawlers.run import crawl
from crawlers.summary import RunSummary
from tests.crawlers.conftest import FAST
from tests.crawlers.recorded import RECORDED, Exchange, RecordedServer
from tests.postgres_support import Databases

# What the crawl does over HTTP, not the database: SQLite only (decision 0010).
pytestmark = pytest.mark.crawl_not_database

FOLDER = RECORDED / "feed"
REGISTRY = FOLDER / "sources.toml"
NADODRZE, WARTA, TWO_FILES = "feed-test-nadodrze", "feed-test-warta", "feed-test-dwa-pliki"
CSV_PATH = "/rekrutacja/oferta-kursow.csv"
XLSX_PATH = "/pliki/harmonogram-szkolen.xlsx"
# The developer's HTTP cache under var/ has no place in a test.
SETTINGS = {**FAST, "HTTPCACHE_ENABLED": False}
NADODRZE_IDS = {
    "NS-KKZ-01", "NS-KKZ-02", "NS-KKZ-03", "NS-K-10", "NS-K-11", "NS-K-12", "NS-K-13",
    "NS-K-14", "NS-K-15", "NS-K-18",
}  # fmt: skip
WARTA_IDS = {"1001", "1002", "1003", "1004", "1005", "1006"}


def crawl_feeds(server: RecordedServer, database_url: str, *names: str) -> dict[str, RunSummary]:
    summaries = crawl(
        list(names),
        database_url,
        base_url=server.base_url,
        settings=SETTINGS,
        registry_path=REGISTRY,
    )
    return {summary.source: summary for summary in summaries}


def serve_instead(server: RecordedServer, path: str, body: bytes, content_type: str) -> None:
    """From now on answer `path` with another body (the recorded exchanges stay as they are)."""
    server.exchanges.insert(0, Exchange(path=path, body=body, content_type=content_type))


def recorded_exchange(server: RecordedServer, path: str) -> Exchange:
    return next(e for e in server.exchanges if e.path == path)


def stored(database_url: str, source: str) -> dict[str, Offer]:
    """The source's offers with their editions and institution, readable after the session."""
    query = (
        select(Offer)
        .join(Source)
        .where(Source.name == source)
        .options(selectinload(Offer.editions), selectinload(Offer.institution))
    )
    with Session(get_engine(database_url)) as session:
        return {offer.external_id: offer for offer in session.exec(query).all()}


def rejections(database_url: str, source: str) -> list[Rejection]:
    query = select(Rejection).join(Source).where(Source.name == source).order_by(Rejection.id)
    with Session(get_engine(database_url)) as session:
        return list(session.exec(query).all())


@dataclass
class TwoCrawls:
    database_url: str
    first: dict[str, RunSummary]
    second: dict[str, RunSummary]
    after_first: dict[str, dict[str, Any]]  # source -> external id -> (hash, last changed)
    unmatched: list[str]


def fingerprints(database_url: str, source: str) -> dict[str, Any]:
    return {
        ext: (offer.content_hash, offer.last_changed, offer.status, len(offer.editions))
        for ext, offer in stored(database_url, source).items()
    }


@pytest.fixture(scope="module")
def two_crawls(
    tmp_path_factory: pytest.TempPathFactory, databases: Databases
) -> Iterator[TwoCrawls]:
    """Both feeds (and the two-file source) crawled twice from an unchanged server."""
    database_url = databases.create(tmp_path_factory.mktemp("feed"))
    sources = (NADODRZE, WARTA, TWO_FILES)
    with RecordedServer(FOLDER) as server:
        first = crawl_feeds(server, database_url, *sources)
        after_first = {name: fingerprints(database_url, name) for name in sources}
        second = crawl_feeds(server, database_url, *sources)
        yield TwoCrawls(database_url, first, second, after_first, list(server.unmatched))


def test_the_polish_excel_csv_is_stored_offer_by_offer_with_its_editions(two_crawls):
    summary = two_crawls.first[NADODRZE]
    assert (summary.status, summary.new, summary.rejected) == ("success", 10, 2)
    assert two_crawls.unmatched == []
    offers = stored(two_crawls.database_url, NADODRZE)
    assert set(offers) == NADODRZE_IDS

    ele = offers["NS-KKZ-01"]
    assert (ele.kind, ele.qualification_code, ele.prk_level) == (OfferKind.kkz, "ELE.02", 3)
    assert ele.institution.name == "Centrum Szkoleń i Doradztwa „Nadodrze” w Nowej Soli"
    assert ele.description.endswith("OKE w Poznaniu. Zajęcia w systemie zaocznym (piątek–sobota).")
    assert [(e.external_id, e.town, e.powiat_teryt, e.price_grosze) for e in ele.editions] == [
        ("KKZ01-NS", "Nowa Sól", "0804", 0),
        ("KKZ01-ZG", "Zielona Góra", "0862", 0),
    ]
    assert (ele.editions[0].start_date, ele.editions[0].end_date) == (
        date(2027, 2, 1),
        date(2028, 1, 30),
    )
    assert offers["NS-KKZ-03"].form == DeliveryForm.blended
    assert offers["NS-KKZ-03"].editions[0].start_date == date(2027, 2, 5)  # written 2027-02-05

    forklift = offers["NS-K-10"]  # "1 200,00 zł" with Excel's non-breaking space
    assert [(e.town, e.price_grosze) for e in forklift.editions] == [
        ("Nowa Sól", 120000),
        ("Kożuchów", 115000),
    ]
    assert forklift.extras == {"inne_kolumny": {"Uwagi": "cena zawiera opłatę egzaminacyjną"}}
    assert offers["NS-K-11"].editions[0].price_grosze == 245000
    assert offers["NS-K-14"].editions[0].price_grosze == 0  # "bezpłatne"


def test_online_offers_keep_their_form_and_have_no_place(two_crawls):
    offers = stored(two_crawls.database_url, NADODRZE)
    cash_registers, excel, bhp = offers["NS-K-12"], offers["NS-K-13"], offers["NS-K-18"]
    assert cash_registers.form == DeliveryForm.online
    assert (cash_registers.editions[0].town, cash_registers.editions[0].price_grosze) == (
        None,
        35000,
    )
    assert excel.form == DeliveryForm.online  # "zdalna w czasie rzeczywistym", its first row
    assert [(e.form, e.town, e.price_grosze) for e in excel.editions] == [
        (DeliveryForm.online, None, 48000),
        (DeliveryForm.on_site, "Nowa Sól", 52000),
    ]
    (anytime,) = bhp.editions  # e-learning with no dates: an edition holding only its price
    assert (bhp.form, anytime.start_date, anytime.price_grosze) == (
        DeliveryForm.online,
        None,
        15000,
    )


def test_the_xlsx_is_stored_with_its_numbers_dates_and_partner_organiser(two_crawls):
    summary = two_crawls.first[WARTA]
    assert (summary.status, summary.new, summary.rejected) == ("success", 6, 1)
    offers = stored(two_crawls.database_url, WARTA)
    assert set(offers) == WARTA_IDS

    drone = offers["1006"]
    assert [(e.start_date, e.powiat_teryt, e.price_grosze) for e in drone.editions] == [
        (date(2027, 3, 6), "0861", 145050),  # Gorzów Wlkp.
        (date(2027, 5, 8), "0803", 145050),  # Międzyrzecz
    ]
    seniors = offers["1001"]
    assert (seniors.kind, seniors.editions[0].price_grosze) == (OfferKind.workshop, 0)
    assert seniors.institution.name == "Fundacja Rozwoju Kompetencji „Warta”"
    assert offers["1002"].kind == OfferKind.elearning
    assert offers["1003"].language == "en"
    validation = offers["1005"]
    assert (validation.kind, validation.prk_level) == (OfferKind.validation, 5)
    assert validation.institution.name == "Stowarzyszenie Edukatorów Lubuskich"
    assert validation.institution.website is None  # not the feed's own institution's
    assert offers["1004"].editions[0].start_date == date(2026, 12, 10)  # a date-and-time cell


def test_bad_rows_are_rejected_with_their_reason_row_number_and_the_row_as_written(two_crawls):
    no_title, bad_date = rejections(two_crawls.database_url, NADODRZE)[:2]
    assert no_title.reason == "wiersz 15: brak tytułu oferty (kolumna tytul)"
    assert (no_title.external_id, no_title.payload["wiersz"]) == ("NS-K-16", 15)
    assert no_title.payload["dane"]["Uwagi"] == "do uzupełnienia"
    assert no_title.payload["plik"].endswith(CSV_PATH)
    assert bad_date.reason.startswith(
        "wiersz 16: niepoprawna data w kolumnie data_rozpoczecia: „31.02.2027”"
    )
    assert bad_date.payload["dane"]["tytul"] == "Stylizacja paznokci – kurs z certyfikatem"

    (no_scheme,) = rejections(two_crawls.database_url, WARTA)[:1]
    assert no_scheme.reason.startswith("wiersz 11: niepoprawny adres w kolumnie url")
    assert (no_scheme.external_id, no_scheme.payload["dane"]["Nazwa"]) == (
        "1007",
        "Excel od podstaw",
    )


def test_an_offer_listed_again_in_another_file_of_the_source_is_rejected(two_crawls):
    summary = two_crawls.first[TWO_FILES]
    assert (summary.status, summary.new) == ("success", 10)
    assert summary.rejected == 2 + 2 + 10  # the bad rows of each copy, every offer once more
    repeats = [r for r in rejections(two_crawls.database_url, TWO_FILES) if "pliku" in r.reason]
    assert {r.external_id for r in repeats} == NADODRZE_IDS
    assert repeats[0].reason.startswith(f"id_oferty {repeats[0].external_id} występuje już w pliku")


def test_a_second_crawl_of_unchanged_files_changes_nothing(two_crawls):
    for source, count in ((NADODRZE, 10), (WARTA, 6)):
        second = two_crawls.second[source]
        assert (second.status, second.new, second.updated, second.withdrawn) == ("success", 0, 0, 0)
        assert second.unchanged == count
        assert second.changed_ids == []
        assert fingerprints(two_crawls.database_url, source) == two_crawls.after_first[source]


def test_a_broken_file_fails_the_run_and_withdraws_nothing(database_url: str):
    with RecordedServer(FOLDER) as server:
        crawl_feeds(server, database_url, NADODRZE, WARTA)
        before = {name: fingerprints(database_url, name) for name in (NADODRZE, WARTA)}
        error_page = recorded_exchange(server, "/rekrutacja/oferta-kursow-stara.csv")
        truncated = recorded_exchange(server, "/pliki/harmonogram-szkolen-uciety.xlsx")
        server.exchanges[:0] = [
            replace(error_page, path=CSV_PATH),
            replace(truncated, path=XLSX_PATH),
        ]

        broken = crawl_feeds(server, database_url, NADODRZE, WARTA)

    assert (broken[NADODRZE].status, broken[WARTA].status) == ("failed", "failed")
    (html_error,) = broken[NADODRZE].errors
    assert "zamiast pliku CSV/XLSX serwer zwrócił stronę HTML" in html_error
    assert "Strona nie została znaleziona" in html_error
    (xlsx_error,) = broken[WARTA].errors
    assert "plik XLSX jest uszkodzony lub niepełny" in xlsx_error
    for name in (NADODRZE, WARTA):
        assert broken[name].withdrawn == 0
        assert fingerprints(database_url, name) == before[name]
        assert {o.status for o in stored(database_url, name).values()} == {OfferStatus.active}


def test_a_good_file_that_no_longer_lists_an_offer_withdraws_it(database_url: str):
    original = (FOLDER / "nadodrze-oferta.csv").read_bytes()
    without_first_aid = b"".join(
        line for line in original.splitlines(keepends=True) if not line.startswith(b"NS-K-14;")
    )
    assert len(without_first_aid) < len(original)
    with RecordedServer(FOLDER) as server:
        crawl_feeds(server, database_url, NADODRZE)
        serve_instead(server, CSV_PATH, without_first_aid, "text/csv")
        summary = crawl_feeds(server, database_url, NADODRZE)[NADODRZE]

    assert (summary.status, summary.withdrawn, summary.unchanged) == ("success", 1, 9)
    offers = stored(database_url, NADODRZE)
    assert offers["NS-K-14"].status == OfferStatus.withdrawn
    assert {o.status for k, o in offers.items() if k != "NS-K-14"} == {OfferStatus.active}


def test_a_feed_that_robots_txt_forbids_is_a_failed_run_not_an_empty_one(database_url: str):
    with RecordedServer(FOLDER) as server:
        robots = b"User-agent: *\nDisallow: /rekrutacja/\n"
        serve_instead(server, "/robots.txt", robots, "text/plain")
        summary = crawl_feeds(server, database_url, NADODRZE)[NADODRZE]
        fetched = server.requests.all(CSV_PATH)

    assert fetched == []
    assert summary.status == "failed"
    assert summary.errors == [f"robots.txt zabrania pobrania pliku: {server.base_url}{CSV_PATH}"]


HOSTILE_FEED = (
    "id_oferty;tytul;url;organizator;organizator_www;miejscowosc\r\n"
    "X-1;Kurs obsługi wózków widłowych;https://www.nadodrze.example/k/1;"
    "Ośrodek „Zły Link”;javascript:alert(1);Nowa Sól\r\n"
    "X-2;Kurs spawania MAG;https://www.nadodrze.example/k/2;"
    "Ośrodek „Stary Link”;https://www.stary-link.example/;Nowa Sól\r\n"
    "X-3;Kurs pierwszej pomocy;https://www.nadodrze.example/k/3;"
    "Ośrodek „Ukryty Link”;java\tscript:alert(1);Nowa Sól\r\n"
).encode("cp1250")


def institutions(database_url: str) -> dict[str, str | None]:
    with Session(get_engine(database_url)) as session:
        return {i.name: i.website for i in session.exec(select(Institution)).all()}


def test_a_javascript_website_of_an_organiser_is_stored_as_no_website(database_url: str):
    create_all(get_engine(database_url))
    with Session(get_engine(database_url)) as session:
        # stored before addresses were checked
        session.add(Institution(name="Ośrodek „Stary Link”", key="osrodek stary link",
                                website="javascript:alert(document.cookie)"))  # fmt: skip
        session.commit()
    with RecordedServer(FOLDER) as server:
        serve_instead(server, CSV_PATH, HOSTILE_FEED, "text/csv")
        summary = crawl_feeds(server, database_url, NADODRZE)[NADODRZE]

    assert (summary.status, summary.rejected) == ("success", 0)
    offers = stored(database_url, NADODRZE)
    bad, hidden = offers["X-1"], offers["X-3"]
    assert (bad.status, bad.institution.name) == (OfferStatus.active, "Ośrodek „Zły Link”")
    assert bad.institution.website is None and hidden.institution.website is None
    assert bad.evidence["provider.website"] == (
        "odrzucony adres (adres nie zaczyna się od http:// ani https://): „javascript:alert(1)”"
    )
    assert "ukośnikiem" in hidden.evidence["provider.website"]
    assert institutions(database_url)["Ośrodek „Stary Link”"] == "https://www.stary-link.example/"


def thirty_offers(broken: dict[int, bytes] | None = None) -> bytes:
    """A feed of 30 offers; `broken` replaces the line of an offer (1-30)."""
    lines = [f"S-{i};Kurs nr {i};https://www.nadodrze.example/s/{i}".encode() for i in range(1, 31)]
    for number, line in (broken or {}).items():
        lines[number - 1] = line
    return b"\r\n".join([b"id_oferty;tytul;url", *lines]) + b"\r\n"


@pytest.mark.parametrize(
    ("broken", "error"),
    [
        ({21: b'S-21;"Kurs nr 21;https://www.nadodrze.example/s/21'},
         "wiersz 22, kolumna tytul: cudzysłów otwarty w tej komórce nie zamyka się w niej, więc "
         "wchłonąłby 9 kolejnych wierszy pliku"),
        ({21: b"S-21;Kurs nr 21;https://www.nadodrze.example/s/21;dopisek"},
         "wiersz 22 ma 4 pola, a nagłówek ma 3"),
        ({21: "S-21;Obsługa kas fiskalnych;https://www.nadodrze.example/s/21".encode()
                  .replace(b"\xc5\x82", b"\xc5\x82\xff")},
         "plik nie jest poprawnym tekstem UTF-8: niepoprawny bajt 0xFF w linii 22"),
    ],
)  # fmt: skip
def test_a_feed_whose_rows_would_be_swallowed_or_garbled_fails_the_run_and_withdraws_nothing(
    database_url: str, broken: dict[int, bytes], error: str
):
    with RecordedServer(FOLDER) as server:
        serve_instead(server, CSV_PATH, thirty_offers(), "text/csv")
        first = crawl_feeds(server, database_url, NADODRZE)[NADODRZE]
        serve_instead(server, CSV_PATH, thirty_offers(broken), "text/csv")
        summary = crawl_feeds(server, database_url, NADODRZE)[NADODRZE]

    assert (first.status, first.new) == ("success", 30)
    assert (summary.status, summary.withdrawn, summary.new, summary.updated) == ("failed", 0, 0, 0)
    (message,) = summary.errors
    assert error in message and message.startswith("nie można odczytać pliku")
    offers = stored(database_url, NADODRZE)
    assert len(offers) == 30 and {o.status for o in offers.values()} == {OfferStatus.active}


def test_a_feed_that_suddenly_lists_under_half_of_its_offers_fails_and_withdraws_nothing(
    database_url: str,
):
    """A file that reads well but lists a third of the offers (an export cut short) fails its
    run: the recorder's guard against sharp drops withdraws nothing and says why."""
    with RecordedServer(FOLDER) as server:
        serve_instead(server, CSV_PATH, thirty_offers(), "text/csv")
        crawl_feeds(server, database_url, NADODRZE)
        cut = b"".join(thirty_offers().splitlines(keepends=True)[:11])
        serve_instead(server, CSV_PATH, cut, "text/csv")
        summary = crawl_feeds(server, database_url, NADODRZE)[NADODRZE]

    assert (summary.status, summary.withdrawn, summary.unchanged) == ("failed", 0, 10)
    assert summary.errors == [
        "zniknęłoby naraz 20 z 30 aktywnych ofert (więcej niż 50%) – to raczej awaria lub "
        "zmiana źródła; nic nie wycofano"
    ]
    assert {o.status for o in stored(database_url, NADODRZE).values()} == {OfferStatus.active}
