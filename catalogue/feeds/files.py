"""A feed file's bytes -> a table: its header and its numbered rows.

CSV or XLSX, told apart by the first bytes (an XLSX is a ZIP archive) and by what the server
(its Content-Type) or the file's name calls it. CSV in UTF-8 (with or without BOM), UTF-16
with BOM or Windows-1250, separated by semicolons, commas or tabs: whichever makes the header
readable.
The header is the first row naming the required columns; a title row or two above it (an
export from a school's office system often starts "Oferta kursów – stan na 2.03.2026") is
skipped. Rows are numbered as a spreadsheet shows them, so a rejection can say "wiersz 7".
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

import openpyxl

from catalogue.feeds.columns import missing_required
from catalogue.feeds.errors import FeedError

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000  # data rows, empty ones not counted
HEADER_SEARCH = 5  # non-empty rows in which the header is looked for
# Rows read at most, empty ones included: a sheet with row formatting down to row 1 048 576
# would otherwise take minutes to read.
ROWS_READ_FACTOR = 5
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls)
_DELIMITERS = (";", ",", "\t")  # Polish Excel writes semicolons

Row = tuple[int, list[Any]]


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_BYTES
    max_rows: int = MAX_ROWS


@dataclass
class Table:
    format: str  # "csv" | "xlsx"
    header: list[Any]
    rows: list[Row]  # (row number as a spreadsheet shows it, cells); empty rows left out
    encoding: str | None = None
    delimiter: str | None = None


def read_table(
    data: bytes, content_type: str | None = None, name: str | None = None, limits: Limits = Limits()
) -> Table:
    """The file's table; `FeedError` when it cannot be read as a feed at all."""
    if not data.strip():
        raise FeedError("plik jest pusty")
    if len(data) > limits.max_bytes:
        raise FeedError(
            f"plik jest za duży ({len(data) / 1048576:.1f} MB; najwięcej "
            f"{limits.max_bytes / 1048576:.0f} MB)"
        )
    if detect_format(data, content_type, name) == "xlsx":
        return _table("xlsx", xlsx_rows(data), limits)
    text, encoding = decode(data)
    delimiter = pick_delimiter(text)
    table = _table("csv", csv_rows(text, delimiter), limits)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def detect_format(data: bytes, content_type: str | None = None, name: str | None = None) -> str:
    """ "xlsx" or "csv"; other formats (XLS, PDF, an HTML page) are a `FeedError`."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(_OLE2):
        raise FeedError("to plik XLS (Excel 97–2003); zapisz go jako XLSX lub CSV")
    if data.startswith(b"%PDF"):
        raise FeedError("to plik PDF, a nie CSV ani XLSX")
    title = html_title(data)
    if title is not None:
        raise FeedError(
            "zamiast pliku CSV/XLSX serwer zwrócił stronę HTML" + (f" („{title}”)" if title else "")
        )
    path = (name or "").lower().split("?")[0]
    if "spreadsheetml" in (content_type or "").lower() or path.endswith(".xlsx"):
        raise FeedError("plik miał być arkuszem XLSX, ale nim nie jest (uszkodzony lub niepełny)")
    return "csv"


def html_title(data: bytes) -> str | None:
    """The title of an HTML page ("" when it has none); None when the bytes are no page."""
    head = data[:2048].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if not (head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head)):
        return None
    match = re.search(rb"<title[^>]*>(.*?)</title>", data[:8192], re.IGNORECASE | re.DOTALL)
    return " ".join(match.group(1).decode("utf-8", "replace").split()) if match else ""


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16"), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Polish Excel's "CSV (rozdzielany przecinkami)" is Windows-1250.
        return _decode(data, "cp1250"), "windows-1250"


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FeedError(
            f"nie można odczytać znaków pliku (bajt {exc.start}): zapisz go w UTF-8 "
            "lub Windows-1250"
        ) from exc


def pick_delimiter(
    text: str, header_score: Callable[[list[str]], int] | None = None, rows: int = HEADER_SEARCH
) -> str:
    """The separator under which one of the first `rows` rows scores best as a header: by
    `header_score`, or by naming the most required columns. (Not `csv.Sniffer`, which guesses
    from character counts and fails on a title row above the header: decision 0009.)"""
    score = header_score or (lambda cells: -len(missing_required(cells)))

    def best(delimiter: str) -> int:
        found = islice(csv_rows(text, delimiter), rows)
        return max((score(cells) for _, cells in found), default=-99)

    return max(_DELIMITERS, key=best)  # ties: the first, the semicolon


def csv_rows(text: str, delimiter: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, list(cells)
    except csv.Error as exc:
        raise FeedError(f"niepoprawny plik CSV: {exc}") from exc


def xlsx_rows(data: bytes) -> Iterator[Row]:
    """The rows of the workbook's first sheet."""
    _check_archive(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise FeedError(f"nie można otworzyć arkusza XLSX: {exc}") from exc
    try:
        if not book.worksheets:
            raise FeedError("skoroszyt XLSX nie ma żadnego arkusza")
        sheet = book.worksheets[0]
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(values)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise FeedError(f"arkusz XLSX jest uszkodzony: {exc}") from exc
    finally:
        book.close()


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            kind = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError) as exc:
        raise FeedError("plik XLSX jest uszkodzony lub niepełny (ucięty)") from exc
    if "xl/workbook.xml" in names:
        return
    if b"opendocument" in kind:
        raise FeedError("to arkusz ODS (LibreOffice/OpenOffice); zapisz go jako XLSX lub CSV")
    raise FeedError("to archiwum ZIP, a nie arkusz XLSX")


def is_empty(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _table(kind: str, rows: Iterable[Row], limits: Limits) -> Table:
    kept = _non_empty(rows, limits.max_rows)
    candidates = kept[:HEADER_SEARCH]
    for index, (_, cells) in enumerate(candidates):
        if not missing_required(cells):
            data = kept[index + 1 :]
            if len(data) > limits.max_rows:
                raise FeedError(f"plik ma więcej niż {limits.max_rows} wierszy danych")
            return Table(kind, cells, data)
    if not candidates:
        raise FeedError("plik nie zawiera żadnych wierszy")
    first = candidates[0][1]
    shown = "; ".join(str(c).strip() for c in first if c not in (None, ""))[:200]
    raise FeedError(
        f"brak wymaganych kolumn: {', '.join(missing_required(first))} (pierwszy wiersz: „{shown}”)"
    )


def _non_empty(rows: Iterable[Row], max_rows: int) -> list[Row]:
    kept: list[Row] = []
    for number, cells in rows:
        if number > max_rows * ROWS_READ_FACTOR:
            raise FeedError(f"plik ma więcej niż {max_rows * ROWS_READ_FACTOR} wierszy (z pustymi)")
        if not is_empty(cells):
            kept.append((number, cells))
            if len(kept) > max_rows + HEADER_SEARCH:
                break  # enough to tell that the file is over the limit
    return kept
