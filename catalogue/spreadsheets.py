"""Cells for the CSV and XLSX files the project writes, made safe to open in a spreadsheet.

A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs
skip before looking for one) is run as a formula by Excel and LibreOffice: a crawled title
`=HYPERLINK("http://evil.example";"kliknij")` would become a link in the office's sheet (CSV
injection, OWASP). Such a cell is written with a leading apostrophe, which spreadsheets show
as text; a plain number ("-12,50", "+3.5") is left as it is. Every writer of CSV or XLSX uses
`safe_cell` (or `write_csv`), so a new export cannot forget it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def safe_cell(value: Any) -> Any:
    """The value, or a text that no spreadsheet runs as a formula: "=1+1" -> "'=1+1"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """The records as CSV (comma-separated, a header row), every cell through `safe_cell`."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in record.items()} for record in records)
    return buffer.getvalue()
