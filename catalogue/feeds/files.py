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
_POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_TYPOGRAPHY = frozenset("„”“‘’«»–—…§°×·•\u00a0éÉüÜöÖäÄ")

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
    check_rows_whole(table, delimiter)
    return table


def check_rows_whole(table: Table, delimiter: str) -> None:
    """`FeedError` when the CSV reader may have swallowed or shifted rows: a quote that
    opens a cell and closes lines later (or never), so the rows between became one cell (a
    30-row file read as 20 rows would withdraw 10 offers), or a row with more fields than the
    header, or fewer in a file whose writer writes every separator (Excel does)."""
    width = len(_trimmed(table.header))
    headers = [str(h or f"kolumna {i + 1}").strip() for i, h in enumerate(table.header)]
    for number, cells in table.rows:
        for index, cell in enumerate(cells):
            swallowed = _rows_in_cell(cell, delimiter, width)
            if swallowed:
                name = headers[index] if index < len(headers) else f"kolumna {index + 1}"
                raise FeedError(
                    f"wiersz {number}, kolumna {name}: cudzysłów otwarty w tej komórce nie "
                    f"zamyka się w niej, więc wchłonąłby {swallowed} kolejnych wierszy pliku; "
                    'popraw cudzysłowy (cudzysłów w tekście zapisuje się podwójnie: "")'
                )
    _check_widths(table, width)


def _rows_in_cell(cell: Any, delimiter: str, width: int) -> int:
    """The lines of a multi-line cell that look like rows of the file (as many separators as
    the header), not a description's second paragraph."""
    if not isinstance(cell, str) or "\n" not in cell or width < 3:
        return 0
    lines = cell.splitlines()[1:]
    return sum(line.count(delimiter) >= width - 1 for line in lines)


def _check_widths(table: Table, width: int) -> None:
    full = sum(len(cells) >= width for _, cells in table.rows)
    every_separator = full * 2 > len(table.rows)  # not a hand-written file that stops early
    wrong = [
        (number, len(cells) if len(cells) < width else len(_trimmed(cells)))
        for number, cells in table.rows
        if len(_trimmed(cells)) > width or (every_separator and len(cells) < width)
    ]
    if not wrong:
        return
    (number, found), others = wrong[0], [str(n) for n, _ in wrong[1:6]]
    also = f" (także wiersze {', '.join(others)}{'…' if len(wrong) > 6 else ''})" if others else ""
    raise FeedError(
        f"wiersz {number} ma {found} {_fields(found)}, a nagłówek ma {width}{also}: separator "
        "lub cudzysłów w tekście komórki przesuwa kolumny; ujmij taki tekst w cudzysłów"
    )


def _trimmed(cells: list[Any]) -> list[Any]:
    end = len(cells)
    while end and (cells[end - 1] is None or not str(cells[end - 1]).strip()):
        end -= 1
    return cells[:end]


def _fields(count: int) -> str:
    if count == 1:
        return "pole"
    return "pola" if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else "pól"


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
    """The text of a CSV file and the encoding it was read with, by evidence: a BOM, else
    UTF-8, else Windows-1250 only when the whole file decodes as it and reads as Polish.

    Trying Windows-1250 whenever UTF-8 fails would read a UTF-8 file with one stray byte
    (0xFF) as Windows-1250, every "ł" turned into "Ĺ‚"; such a file is refused with the
    position of its first bad byte instead.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16"), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        # Polish Excel's "CSV (rozdzielany przecinkami)" is Windows-1250.
        text = data.decode("cp1250")
    except UnicodeDecodeError:
        text = ""
    if reads_as_polish(text):
        return text, "windows-1250"
    raise FeedError(
        "plik nie jest poprawnym tekstem UTF-8: " + _bad_bytes(data, first_bad)
        + "; zapisz go w UTF-8 (lub cały w Windows-1250)"
    )  # fmt: skip


def reads_as_polish(text: str) -> bool:
    """Whether the non-ASCII characters of a text are Polish letters and typography."""
    others = [c for c in text if ord(c) > 127]
    polish = sum(c in _POLISH_LETTERS for c in others)
    usual = polish + sum(c in _TYPOGRAPHY for c in others)
    return polish > 0 and usual >= 0.95 * len(others)


def _bad_bytes(data: bytes, first: int) -> str:
    line = data.count(b"\n", 0, first) + 1
    found = f"niepoprawny bajt 0x{data[first]:02X} w linii {line} (bajt {first})"
    escaped = data.decode("utf-8", "surrogateescape")
    more = sum("\udc80" <= c <= "\udcff" for c in escaped) - 1
    return found + (f" i {more} kolejnych" if more > 0 else "")


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
