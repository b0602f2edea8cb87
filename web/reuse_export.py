"""The catalogue taken whole: its current offers as CSV, JSON lines and XLSX, and their dictionary.

JSON lines: one offer a line, in the one JSON shape (`web.api_v1_shape.OfferV1`). CSV and XLSX:
one row per edition (an offer without editions is one row with the edition's columns empty),
the offer's columns repeated on each of its rows: the layout of an institution's file
(docs/feeds.md), whose columns come first under their names there, so an exported file can be
read back by the feeds' and uploads' reader; `EXPORT_COLUMNS` adds the catalogue's own after
them. Every column is in the data dictionary (`dictionary`), which the tests hold to the files.

Rows are read `BATCH` offers at a time (`catalogue.changes.current_offer_batches`), and the XLSX
is written by openpyxl's write-only workbook into a temporary file, so memory does not grow
with the catalogue. Every text cell goes through `safe_cell` (a cell starting with `=` gets an
apostrophe): the data dictionary says so.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalogue.changes import current_offer_batches
from catalogue.models import DeliveryForm, OfferKind
from catalogue.spreadsheets import safe_cell
from web.api_v1_shape import EditionV1, OfferUrl, OfferV1, offer_v1
from web.i18n import LANGUAGES, Translator

BATCH = 200
# The licence the catalogue's data is offered under: a proposal the regional office confirms
# (docs/reuse.md).
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DICTIONARY_PATH = "/api/v1/export/dictionary.json"
DICTIONARY_PAGE = "/dane"
CSV_TYPE = "text/csv; charset=utf-8"
JSONL_TYPE = "application/jsonl; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FUNDING_CODES = ("free", "kfs", "eu", "subsidised")

Cell = str | int | float | None
Getter = Callable[[OfferV1, EditionV1 | None], Cell]


@dataclass(frozen=True)
class ExportColumn:
    name: str
    type: str  # integer, number, text, url, date, datetime, code, codes
    get: Getter
    allowed: tuple[str, ...] = ()
    feed: bool = False  # a column of docs/feeds.md: read back by the institutions' reader

    def meaning(self, t: Translator) -> str:
        return t(f"reuse.col.{self.name}")


def _label(coded: Any) -> str | None:
    return coded.label if coded is not None else None


def _code(coded: Any) -> str | None:
    return coded.code if coded is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def _price(edition: EditionV1 | None) -> str | None:
    if edition is None or edition.price_grosze is None:
        return None
    return f"{edition.price_grosze / 100:.2f}"


def _form(offer: OfferV1, edition: EditionV1 | None) -> Any:
    return (edition.form if edition is not None else None) or offer.form


def _ed(name: str) -> Getter:
    return lambda _o, e: getattr(e, name) if e is not None else None


def _ed_day(name: str) -> Getter:
    return lambda _o, e: _day(getattr(e, name)) if e is not None else None


def _isced(offer: OfferV1) -> str | None:
    return offer.isced[-1].code if offer.isced else None


def _institution(offer: OfferV1) -> str | None:
    return offer.institution.name if offer.institution else None


def _qualification(name: str) -> Getter:
    return lambda o, _e: getattr(o.qualification, name) if o.qualification else None


EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("id_oferty", "integer", lambda o, _e: o.id, feed=True),
    ExportColumn("tytul", "text", lambda o, _e: o.title, feed=True),
    ExportColumn("url", "url", lambda o, _e: o.source_url, feed=True),
    ExportColumn("opis", "text", lambda o, _e: o.description, feed=True),
    ExportColumn("rodzaj", "text", lambda o, _e: _label(o.kind), feed=True),
    ExportColumn("kod_kwalifikacji", "text", _qualification("code"), feed=True),
    ExportColumn("nazwa_kwalifikacji", "text", _qualification("name"), feed=True),
    ExportColumn("zawod", "text", _qualification("occupation"), feed=True),
    ExportColumn("poziom_prk", "integer", lambda o, _e: o.prk_level, feed=True),
    ExportColumn("forma", "text", lambda o, e: _label(_form(o, e)), feed=True),
    ExportColumn("jezyk", "code", lambda o, _e: _code(o.language), feed=True),
    ExportColumn("liczba_godzin", "number", lambda o, _e: o.duration_hours, feed=True),
    ExportColumn(
        "finansowanie", "text", lambda o, _e: "; ".join(f.label for f in o.funding) or None,
        feed=True,
    ),
    ExportColumn("grupa_docelowa", "text", lambda o, _e: o.audience, feed=True),
    ExportColumn("organizator", "text", lambda o, _e: o.provider, feed=True),
    ExportColumn("data_rozpoczecia", "date", _ed_day("start_date"), feed=True),
    ExportColumn("data_zakonczenia", "date", _ed_day("end_date"), feed=True),
    ExportColumn("koniec_zapisow", "date", _ed_day("enrolment_end"), feed=True),
    ExportColumn("miejscowosc", "text", _ed("town"), feed=True),
    ExportColumn("adres", "text", _ed("address"), feed=True),
    ExportColumn("kod_pocztowy", "text", _ed("postcode"), feed=True),
    ExportColumn("cena", "number", lambda _o, e: _price(e), feed=True),
    ExportColumn("liczba_miejsc", "integer", _ed("seats"), feed=True),
    # The catalogue's own columns.
    ExportColumn("strona_w_katalogu", "url", lambda o, _e: o.url),
    ExportColumn(
        "rodzaj_kod", "code", lambda o, _e: o.kind.code, allowed=tuple(k.value for k in OfferKind)
    ),
    ExportColumn(
        "forma_kod", "code", lambda o, e: _code(_form(o, e)),
        allowed=tuple(f.value for f in DeliveryForm),
    ),
    ExportColumn(
        "finansowanie_kody", "codes", lambda o, _e: ";".join(f.code for f in o.funding) or None,
        allowed=FUNDING_CODES,
    ),
    ExportColumn("isced", "code", lambda o, _e: _isced(o)),
    ExportColumn("obszar_zsu", "integer", lambda o, _e: o.zsu_area),
    ExportColumn("powiat_teryt", "code", lambda _o, e: _code(e.powiat) if e else None),
    ExportColumn("gmina_teryt", "code", _ed("gmina_teryt")),
    ExportColumn("szerokosc_geo", "number", _ed("lat")),
    ExportColumn("dlugosc_geo", "number", _ed("lon")),
    ExportColumn("cena_slownie", "text", _ed("price_text")),
    ExportColumn("instytucja_rejestr", "text", lambda o, _e: _institution(o)),
    ExportColumn("zrodlo", "text", lambda o, _e: o.source.name),
    ExportColumn("zrodla", "text", lambda o, _e: "; ".join(o.sources) or None),
    ExportColumn("pierwsze_pojawienie", "datetime", lambda o, _e: _moment(o.first_seen)),
    ExportColumn("ostatnia_zmiana", "datetime", lambda o, _e: _moment(o.last_changed)),
    ExportColumn("ostatnie_sprawdzenie", "datetime", lambda o, _e: _moment(o.last_verified)),
)  # fmt: skip
HEADER = [column.name for column in EXPORT_COLUMNS]


def offers_v1(engine: Engine, offer_url: OfferUrl, lang: str = "pl") -> Iterator[OfferV1]:
    """Every current offer in the one shape, read `BATCH` at a time."""
    today = date.today()
    with Session(engine) as session:
        for batch in current_offer_batches(session, BATCH):
            for offer in batch:
                yield offer_v1(offer, offer_url, lang, today)


def rows_of(offer: OfferV1) -> Iterator[list[Cell]]:
    """The offer's rows: one per edition, or one with the edition's columns empty."""
    editions: list[EditionV1 | None] = list(offer.editions) or [None]
    for edition in editions:
        yield [safe_cell(column.get(offer, edition)) for column in EXPORT_COLUMNS]


def jsonl_chunks(offers: Iterator[OfferV1]) -> Iterator[bytes]:
    lines: list[str] = []
    for offer in offers:
        lines.append(offer.model_dump_json())
        if len(lines) >= BATCH:
            yield ("\n".join(lines) + "\n").encode()
            lines = []
    if lines:
        yield ("\n".join(lines) + "\n").encode()


def csv_chunks(offers: Iterator[OfferV1]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for count, offer in enumerate(offers, 1):
        writer.writerows(rows_of(offer))
        if count % BATCH == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def write_xlsx(offers: Iterator[OfferV1], public_url: str) -> str:
    """The offers as an XLSX file in a temporary file (write-only: rows go to disk as they
    come); the caller streams it and removes it."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = "Katalog kształcenia ustawicznego – Lubuskie: oferty"
    workbook.properties.creator = public_url
    workbook.properties.description = (
        f"Licencja / licence: {LICENCE_NAME} {LICENCE_URL}. "
        f"Słownik danych / data dictionary: {public_url.rstrip('/')}{DICTIONARY_PATH}"
    )
    workbook.properties.keywords = f"licence: {LICENCE_URL}"
    sheet = workbook.create_sheet("oferty")
    sheet.append(HEADER)
    for offer in offers:
        for row in rows_of(offer):
            sheet.append(row)
    about = workbook.create_sheet("licencja")
    about.append(["licencja", LICENCE_NAME])
    about.append(["licence_url", LICENCE_URL])
    about.append(["slownik_danych", public_url.rstrip("/") + DICTIONARY_PATH])
    handle, path = tempfile.mkstemp(prefix="lll-export-", suffix=".xlsx")
    os.close(handle)
    try:
        workbook.save(path)
    except BaseException:
        os.unlink(path)
        raise
    return path


def file_chunks(path: str, size: int = 64 * 1024) -> Iterator[bytes]:
    """The file's bytes, then the file removed."""
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(size):
                yield chunk
    finally:
        os.unlink(path)


def licence_link(public_url: str) -> str:
    """The `Link` header of every export: its licence and its data dictionary."""
    return (
        f'<{LICENCE_URL}>; rel="license", '
        f'<{public_url.rstrip("/")}{DICTIONARY_PATH}>; rel="describedby"'
    )


def dictionary(public_url: str) -> dict[str, Any]:
    """The machine-readable data dictionary: the files, every column of CSV and XLSX (type,
    meaning in each language, allowed values) and the JSON schema of a JSON line."""
    base = public_url.rstrip("/")
    translators = {lang: Translator(lang) for lang in LANGUAGES}
    return {
        "title": "Katalog kształcenia ustawicznego – Lubuskie: offers",
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": "Katalog kształcenia ustawicznego – Lubuskie",
        "files": {
            "csv": f"{base}/api/v1/export/offers.csv",
            "jsonl": f"{base}/api/v1/export/offers.jsonl",
            "xlsx": f"{base}/api/v1/export/offers.xlsx",
            "changes": f"{base}/api/v1/changes",
            "atom": f"{base}/kanal.atom",
        },
        "current_offers": "status active and the head of its cluster of duplicates: one record "
        "per offer, as search shows them",
        "rows": "CSV and XLSX: one row per edition; an offer without editions is one row with "
        "the edition's columns empty. JSON lines: one offer per line (shape_version 1).",
        "csv": "UTF-8, comma-separated, a header row, CRLF line ends; a text cell that starts "
        "with = + - @ gets a leading apostrophe (spreadsheets would run it as a formula)",
        "columns": [
            {
                "name": column.name,
                "type": column.type,
                "meaning": {lang: column.meaning(t) for lang, t in translators.items()},
                "allowed": list(column.allowed),
                "feed_column": column.feed,
            }
            for column in EXPORT_COLUMNS
        ],
        "jsonl_schema": OfferV1.model_json_schema(),
    }


def dictionary_json(public_url: str) -> str:
    return json.dumps(dictionary(public_url), ensure_ascii=False, indent=1)
