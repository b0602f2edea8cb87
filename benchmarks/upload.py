"""How long an institution's file of 5,000 rows takes to check and to publish, and how soon its
offers are searchable.

Generates a realistic file (the offers of `benchmarks.offers`, written as docs/feeds.md rows: an
offer's first row with its columns, each further edition a row of its own, Polish dates and
prices, about 1 % of rows with a mistake), then on a fresh SQLite catalogue:
1. checks it as the panel does (`operations.uploads.check_upload`: read, check every offer,
   keep the upload), target ≤ 10 s;
2. publishes it (`publish_upload`: every offer without errors through `save_offer`), target
   ≤ 20 s, with the scheduler's indexer (`IndexSyncer`) running beside it;
3. polls the site's search API until every published offer is found, target ≤ 1 s after the
   publish returns.
The institution has published offers before (a new one's first offers wait for review).

    .venv/bin/python benchmarks/upload.py [--rows 5000] [--format csv|xlsx]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project's packages are one folder up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl
from fastapi.testclient import TestClient
from sqlmodel import Session

from benchmarks.offers import make_offer
from benchmarks.report import Target, machine
from catalogue.accounts import Account, Approval, Role
from catalogue.db import create_all, get_engine
from catalogue.models import DeliveryForm, Edition, Institution, Offer, OfferKind
from catalogue.offer_fields import EditionFields, OfferFields
from catalogue.settings import CatalogueSettings
from lll.settings import Settings
from operations.index_health import expected_documents
from operations.indexing import IndexSyncer, rebuild_index
from operations.institution_offers import Actor, save_offer, set_state
from operations.uploads import check_upload, publish_upload
from search.backends import get_backend
from search.settings import SearchSettings
from web.app import create_app

CHECK_SECONDS, PUBLISH_SECONDS, SEARCHABLE_SECONDS = 10.0, 20.0, 1.0
HEADER = (
    "id_oferty", "tytul", "url", "opis", "rodzaj", "kod_kwalifikacji", "forma", "jezyk",
    "liczba_godzin", "finansowanie", "grupa_docelowa", "id_terminu", "data_rozpoczecia",
    "data_zakonczenia", "koniec_zapisow", "miejscowosc", "adres", "cena", "liczba_miejsc",
)  # fmt: skip
KIND_WORDS = {
    OfferKind.course: "kurs", OfferKind.training: "szkolenie", OfferKind.workshop: "warsztaty",
    OfferKind.elearning: "e-learning", OfferKind.postgraduate: "studia podyplomowe",
    OfferKind.studies: "studia", OfferKind.validation: "walidacja", OfferKind.kkz: "KKZ",
    OfferKind.other: "kurs",
}  # fmt: skip
FORM_WORDS = {
    DeliveryForm.on_site: "stacjonarna", DeliveryForm.online: "online",
    DeliveryForm.blended: "hybrydowa",
}  # fmt: skip
LANGUAGES = {"pl": "polski", "en": "angielski", "uk": "ukraiński", "de": "niemiecki"}
MISTAKE_SHARE = 0.01


def file_rows(count: int, today: date, seed: int = 11) -> list[list[object]]:
    """`count` data rows of realistic offers, as an institution's export writes them."""
    rng = random.Random(f"upload:{seed}")
    rows: list[list[object]] = []
    number = 0
    while len(rows) < count:
        number += 1
        offer = make_offer(rng, number, today)
        for index, edition in enumerate(offer.editions or [Edition()]):
            if len(rows) == count:
                break
            row = _edition_cells(offer, number, index, edition, rng)
            if index == 0:
                row.update(_offer_cells(offer, number))
            if rng.random() < MISTAKE_SHARE:
                _mistake(row, rng)
            rows.append([row.get(name) for name in HEADER])
    return rows


def _offer_cells(offer: Offer, number: int) -> dict[str, object]:
    return {
        "tytul": offer.title,
        "url": f"https://www.osrodek-szkolen.example.pl/oferta/{number}",
        "opis": offer.description,
        "rodzaj": KIND_WORDS[offer.kind],
        "kod_kwalifikacji": offer.qualification_code,
        "forma": FORM_WORDS.get(offer.form) if offer.form else None,
        "jezyk": LANGUAGES.get(offer.language, "polski"),
        "liczba_godzin": f"{offer.duration_hours:.0f}" if offer.duration_hours else None,
        "finansowanie": offer.funding,
        "grupa_docelowa": offer.audience,
    }


def _edition_cells(
    offer: Offer, number: int, index: int, edition: Edition, rng: random.Random
) -> dict[str, object]:
    def day(value: date | None) -> str | None:
        if value is None:
            return None
        return value.strftime("%d.%m.%Y") if rng.random() < 0.7 else value.isoformat()

    price = edition.price_grosze
    return {
        "id_oferty": f"OSR-{number:05d}",
        "id_terminu": f"OSR-{number:05d}-{index + 1}",
        "data_rozpoczecia": day(edition.start_date),
        "data_zakonczenia": day(edition.end_date),
        "koniec_zapisow": day(edition.enrolment_end),
        "miejscowosc": edition.town,
        "adres": edition.address,
        "cena": None if price is None else "bezpłatny" if price == 0 else _zloty(price),
        "liczba_miejsc": edition.seats,
    }


def _zloty(grosze: int) -> str:
    whole = f"{grosze // 100:,}".replace(",", " ")
    return f"{whole},{grosze % 100:02d} zł"


def _mistake(row: dict[str, object], rng: random.Random) -> None:
    """What people get wrong: dates swapped, a misspelt town, a price in words."""
    kind = rng.randrange(3)
    if kind == 0 and row.get("data_rozpoczecia") and row.get("data_zakonczenia"):
        row["data_rozpoczecia"], row["data_zakonczenia"] = "30.06.2027", "01.06.2027"
    elif kind == 1:
        row["miejscowosc"] = "Zielona Gróra"
    else:
        row["cena"] = "do uzgodnienia"


def as_csv(rows: list[list[object]]) -> bytes:
    lines = [";".join(HEADER)]
    for row in rows:
        lines.append(";".join(_csv_cell(cell) for cell in row))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def _csv_cell(cell: object) -> str:
    text = "" if cell is None else str(cell)
    if any(c in text for c in ';"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def as_xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Oferty")
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def established_member(engine) -> Account:  # type: ignore[no-untyped-def]
    """An approved institution with a few offers published before, and its member."""
    with Session(engine, expire_on_commit=False) as db:
        institution = Institution(
            name="Ośrodek Szkoleń Zawodowych", key="osz", approval=Approval.approved
        )
        db.add(institution)
        db.commit()
        account = Account(
            email="oferty@osrodek.example.pl", password_hash="-", role=Role.member,
            institution_id=institution.id, email_confirmed_at=datetime.now(UTC),
        )  # fmt: skip
        db.add(account)
        db.commit()
        actor = Actor(account.id, None, "form")
        for n in range(3):
            fields = OfferFields(
                title=f"Kurs pierwszej pomocy, grupa {n + 1}",
                url=f"https://www.osrodek-szkolen.example.pl/stare/{n}",
                editions=[EditionFields(start="2030-01-10", town="Zielona Góra", price="300")],
            )
            saved = save_offer(db, institution, actor=actor, external_id=f"OLD-{n}",
                               fields=fields, submit=True)  # fmt: skip
            offer = db.get(Offer, saved.offer_id)
            assert offer is not None
            set_state(db, offer, Actor(None, None, "review"), "approve")
        return account


def _searchable(client: TestClient) -> int:
    return int(client.get("/api/v1/offers", params={"per_page": 1}).json()["total"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    args = parser.parse_args()
    print(machine())
    today = date.today()
    rows = file_rows(args.rows, today)
    data = as_xlsx(rows) if args.format == "xlsx" else as_csv(rows)
    print(f"File: {len(rows):,} rows, {args.format.upper()}, {len(data) / 1048576:.1f} MB")

    with tempfile.TemporaryDirectory(prefix="lll-upload-bench-") as folder:
        run(Path(folder), args.format, data, today)


def run(folder: Path, file_format: str, data: bytes, today: date) -> None:
    """Check, publish and find the file on a fresh catalogue in `folder`; print the figures."""
    settings = Settings(
        catalogue=CatalogueSettings(database_url=f"sqlite:///{folder / 'catalogue.sqlite3'}"),
        search=SearchSettings(index_dir=folder / "index"),
    )
    engine = get_engine(settings.catalogue.database_url)
    create_all(engine)
    account = established_member(engine)
    rebuild_index(engine, get_backend(settings.search))
    indexer = IndexSyncer(engine, get_backend(settings.search)).start()

    with Session(engine) as db:
        started = time.perf_counter()
        upload = check_upload(db, account, f"oferta.{file_format}", data, today)
        checked = time.perf_counter() - started
        assert upload.id is not None
        print(
            f"Check: {checked:.1f} s; {upload.rows:,} rows, {upload.errors} errors, "
            f"{upload.warnings} warnings"
        )
        started = time.perf_counter()
        published = publish_upload(db, account, upload.id)
        took = time.perf_counter() - started
        committed = time.perf_counter()
        print(
            f"Publish: {took:.1f} s; {published.offers:,} offers written ({published.active:,} "
            f"published, {published.review} for review), {len(published.refused)} refused"
        )
    expected = expected_documents(engine, today)
    with TestClient(create_app(settings)) as client:
        while (found := _searchable(client)) < expected:
            if time.perf_counter() - committed > 60:
                raise SystemExit(f"only {found} of {expected} offers searchable after 60 s")
            time.sleep(0.02)
    searchable = time.perf_counter() - committed
    indexer.stop()
    print(f"Searchable: all {expected:,} open offers found {searchable:.2f} s after the publish")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Load average after the run: {load} (rerun on a quiet machine if above 0.5)")
    print("Targets (2 cores):")
    for target in (
        Target("check", checked, CHECK_SECONDS, "s"),
        Target("publish", took, PUBLISH_SECONDS, "s"),
        Target("searchable after", searchable, SEARCHABLE_SECONDS, "s"),
    ):
        print(target.line())


if __name__ == "__main__":
    main()
