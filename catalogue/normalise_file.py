"""`lll normalise FILE`: offers from a CSV or JSON-lines file -> their normalised fields with
the evidence behind each, so an institution or the coordination office can audit any record.

Input headers are matched after folding, in Polish or English ("Tytuł", "title", "Data
rozpoczęcia", "start"); the feed columns of `catalogue.feeds.columns` are understood too.
Every row gives one output record: a row that cannot be normalised carries its error.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from catalogue.feeds.columns import column_for, header_key
from catalogue.feeds.errors import FeedError
from catalogue.feeds.files import Table, check_rows_whole, csv_rows, decode, pick_delimiter
from catalogue.models import DeliveryForm, EditionBase
from catalogue.normalise import NormalisedOffer, normalise
from catalogue.normalise.taxonomy import DATA_DIR, isced_codes, zsu_area_names
from catalogue.raw import RawEdition, RawOffer
from catalogue.spreadsheets import write_csv

SOURCE = "plik"
# Header (folded, "_" for spaces) -> RawOffer or RawEdition field, beyond the feed columns.
FIELD_NAMES = {
    "id": "external_id", "title": "title", "tytul": "title", "description": "description",
    "provider": "provider_name", "provider_name": "provider_name", "town": "town",
    "miejscowosc": "town", "kind": "kind", "category": "category",
    "subcategory": "subcategory", "podkategoria": "subcategory",
    "qualification_code": "qualification_code", "level": "level", "isced": "isced",
    "kod_isced": "isced", "form": "form", "start": "start", "end": "end", "price": "price",
    "language": "language", "funding": "funding", "address": "address",
    "postcode": "postcode", "duration_hours": "duration_hours", "hours": "duration_hours",
    "audience": "audience", "provider_town": "provider_town", "seats": "seats",
    "occupation": "occupation", "qualification_name": "qualification_name",
}  # fmt: skip
_EDITION_FIELDS = ("start", "end", "enrolment_end", "town", "address", "postcode", "price", "seats")
_OFFER_FIELDS = frozenset(f for f in RawOffer.__dataclass_fields__ if f not in ("editions",))
OUTPUT_COLUMNS = (
    "wiersz", "tytul", "blad", "rodzaj", "rodzaj_uzasadnienie",
    "isced_szeroka", "isced_szeroka_nazwa", "isced_waska", "isced_waska_nazwa",
    "isced_szczegolowa", "isced_szczegolowa_nazwa", "isced_uzasadnienie",
    "prk", "prk_uzasadnienie", "kwalifikacja", "kwalifikacja_uzasadnienie",
    "zsu_obszar", "zsu_obszar_nazwa", "zsu_uzasadnienie", "forma", "forma_uzasadnienie",
    "jezyk", "online", "miejscowosc", "gmina_teryt", "gmina", "powiat_teryt", "powiat",
    "miejsce_uzasadnienie", "data_rozpoczecia", "data_zakonczenia", "cena_zl",
    "cena_uzasadnienie", "finansowanie", "problemy",
)  # fmt: skip


@dataclass
class Summary:
    rows: int = 0
    normalised: int = 0
    errors: int = 0

    def __str__(self) -> str:
        return f"wiersze: {self.rows}, znormalizowane: {self.normalised}, błędy: {self.errors}"


def field_for(header: Any) -> str | None:
    """The RawOffer/RawEdition field a header names: "Miejscowość" -> "town"."""
    key = header_key(header)
    if key in FIELD_NAMES:
        return FIELD_NAMES[key]
    column = column_for(header)
    return column.target if column is not None else None


def read_records(data: bytes, name: str = "") -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(row number, fields by RawOffer name) or (row number, error) for each data row."""
    text, _ = decode(data)
    if name.lower().endswith((".jsonl", ".ndjson", ".json")) or text.lstrip().startswith("{"):
        yield from _json_lines(text)
    else:
        yield from _csv_records(text)


def _json_lines(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"niepoprawny JSON: {exc.msg} (kolumna {exc.colno})"
            continue
        if not isinstance(item, dict):
            yield number, "wiersz JSON nie jest obiektem"
            continue
        yield number, _json_fields(item)


def _json_fields(item: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {"editions": item.get("editions") or []}
    for key, value in item.items():
        name = field_for(key)
        if name and value not in (None, ""):
            fields[name] = value
    return fields


def _csv_records(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    delimiter = pick_delimiter(text, _known_headers, rows=1)
    rows = csv_rows(text, delimiter)
    _, header = next(rows, (0, []))
    fields = [field_for(h) for h in header]
    if "title" not in fields:
        raise FeedError("brak kolumny z tytułem (title / tytul / nazwa)")
    kept = [(number, cells) for number, cells in rows if any(c.strip() for c in cells)]
    # A quote left open would make the rest of the file one cell: say so, as a feed does.
    check_rows_whole(Table("csv", header, kept), delimiter)
    for number, cells in kept:
        yield number, {f: c for f, c in zip(fields, cells, strict=False) if f and c.strip()}


def _known_headers(header: list[str]) -> int:
    return sum(field_for(h) is not None for h in header)


def raw_offer(number: int, fields: dict[str, Any]) -> RawOffer:
    """The RawOffer of one row; a row without an id is "wiersz N", one without a URL gets an
    address under the reserved `.invalid` domain (the output has no URL column; a URL the row
    states is checked like any source's)."""
    values = {k: v for k, v in fields.items() if k in _OFFER_FIELDS}
    values.setdefault("external_id", f"wiersz {number}")
    values.setdefault("url", f"https://plik.invalid/wiersz-{number}")
    values["source"] = SOURCE
    editions: list[Any] = list(fields.get("editions") or [])
    edition = {k: fields[k] for k in _EDITION_FIELDS if fields.get(k) not in (None, "")}
    if edition:
        editions.append(RawEdition(**edition))
    return RawOffer(title=values.pop("title", ""), editions=editions, **values)


def normalise_records(
    data: bytes, name: str = "", today: date | None = None
) -> tuple[list[dict[str, Any]], Summary]:
    """One output record per data row, and the counts for the summary line."""
    records, summary = [], Summary()
    for number, fields in read_records(data, name):
        summary.rows += 1
        record: dict[str, Any] = {"wiersz": number}
        try:
            if isinstance(fields, str):
                raise ValueError(fields)
            record["tytul"] = fields.get("title")
            record.update(describe(normalise(raw_offer(number, fields), today)))
            summary.normalised += 1
        # Any failure is this row's: it is reported with the row and the run goes on.
        except Exception as exc:
            record["blad"] = str(exc) or type(exc).__name__
            summary.errors += 1
        records.append(record)
    return records, summary


def describe(result: NormalisedOffer) -> dict[str, Any]:
    """The normalised fields of one offer with their evidence, as output columns."""
    offer, why = result.offer, result.evidence
    names = isced_codes()
    detailed = offer.isced_code if offer.isced_code and len(offer.isced_code) == 4 else None
    record: dict[str, Any] = {
        "rodzaj": offer.kind.value,
        "rodzaj_uzasadnienie": why.get("kind"),
        "isced_szeroka": offer.isced_broad,
        "isced_szeroka_nazwa": names.get(offer.isced_broad or ""),
        "isced_waska": offer.isced_narrow,
        "isced_waska_nazwa": names.get(offer.isced_narrow or ""),
        "isced_szczegolowa": detailed,
        "isced_szczegolowa_nazwa": names.get(detailed or ""),
        "isced_uzasadnienie": why.get("isced_code"),
        "prk": offer.prk_level,
        "prk_uzasadnienie": why.get("prk_level"),
        "kwalifikacja": offer.qualification_code,
        "kwalifikacja_uzasadnienie": why.get("qualification_code"),
        "zsu_obszar": offer.zsu_area,
        "zsu_obszar_nazwa": zsu_area_names().get(offer.zsu_area or 0),
        "zsu_uzasadnienie": why.get("zsu_area"),
        "forma": offer.form.value if offer.form else None,
        "forma_uzasadnienie": why.get("form"),
        "jezyk": offer.language,
        "finansowanie": offer.funding,
        "problemy": " | ".join(result.problems) or None,
    }
    record.update(_editions(result.editions, offer.form, why))
    return record


def _editions(
    editions: list[EditionBase], offer_form: DeliveryForm | None, why: dict[str, str]
) -> dict[str, Any]:
    """Edition fields; several editions are joined with " | " in one column."""
    forms = {e.form or offer_form for e in editions} or {offer_form}
    online = forms & {DeliveryForm.online, DeliveryForm.blended}
    gminy, powiaty = _teryt_names()

    def joined(values: list[Any]) -> str | None:
        shown = [str(v) for v in values if v is not None]
        return " | ".join(shown) or None

    return {
        "online": "tak" if online else "nie",
        "miejscowosc": joined([e.town for e in editions]),
        "gmina_teryt": joined([e.gmina_teryt for e in editions]),
        "gmina": joined([gminy.get(e.gmina_teryt or "") for e in editions]),
        "powiat_teryt": joined([e.powiat_teryt for e in editions]),
        "powiat": joined([powiaty.get(e.powiat_teryt or "") for e in editions]),
        "miejsce_uzasadnienie": joined(
            [why.get(f"editions[{i}].place") for i in range(len(editions))]
        ),
        "data_rozpoczecia": joined([e.start_date for e in editions]),
        "data_zakonczenia": joined([e.end_date for e in editions]),
        "cena_zl": joined([_zl(e.price_grosze) for e in editions]),
        "cena_uzasadnienie": joined(
            [why.get(f"editions[{i}].price") for i in range(len(editions))]
        ),
    }


def _zl(grosze: int | None) -> str | None:
    return None if grosze is None else f"{grosze / 100:.2f}"


@cache
def _teryt_names() -> tuple[dict[str, str], dict[str, str]]:
    """(gmina TERYT -> name, powiat TERYT -> name) from `lubuskie_powiaty.csv`."""
    with (DATA_DIR / "lubuskie_powiaty.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return (
        {r["gmina_teryt"]: f"{r['gmina_name']} ({r['gmina_type']})" for r in rows},
        {r["powiat_teryt"]: r["powiat_name"] for r in rows},
    )


def write_records(records: list[dict[str, Any]], output_format: str) -> str:
    """The records as CSV (comma-separated, a header row, formulas neutralised) or JSON lines."""
    if output_format == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records)
    return write_csv(records, OUTPUT_COLUMNS)
