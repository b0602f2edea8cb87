"""A file an institution uploads by hand: read, checked row by row, its problems, the template.

The file has the column set of docs/feeds.md and is read by the feeds' own reader
(`catalogue.feeds.files.read_table`), under the upload's smaller limits. The check lists every
problem of every row (`RowProblem`: the row as a spreadsheet numbers it, the column, a stable
code, error or warning, a Polish and an English message) instead of stopping at the first.
Rows sharing an `id_oferty` are one offer (`FileOffer`), checked by the rules the form and the
API use (`catalogue.offer_fields.check_offer`, one call per offer: `check_file(..., check=...)`),
so the three give the same codes; each problem is put back at the row it comes from. Only the
file shows two more: a row without an id, and one id given two titles. An error keeps the
row's whole offer from being published; a warning is said and published anyway.
The problems file (`problems_csv`, `problems_xlsx`) is the rows that have problems, as the
institution wrote them, with two columns added; every cell goes through `safe_cell`, so a
cell such as `=HYPERLINK(...)` is text in whatever opens it. It can be corrected and uploaded
again: the two added columns are ignored and a neutralising apostrophe is taken off.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

import openpyxl
from openpyxl.styles import Font

from catalogue import offer_fields
from catalogue.feeds.columns import COLUMNS, Column, header_key, map_header
from catalogue.feeds.errors import FeedError
from catalogue.feeds.files import Limits, Table, read_table
from catalogue.feeds.values import text
from catalogue.normalise.text import fold
from catalogue.offer_fields import EditionFields, OfferFields, Problem
from catalogue.spreadsheets import safe_cell

UPLOAD_MAX_BYTES = 5 * 1024 * 1024
UPLOAD_MAX_ROWS = 5_000
UPLOAD_LIMITS = Limits(max_bytes=UPLOAD_MAX_BYTES, max_rows=UPLOAD_MAX_ROWS)
# The two columns the problems file adds; ignored when the corrected file comes back.
CODES_COLUMN = "problemy_kody"
MESSAGES_COLUMN = "problemy_opisy"
ADDED_COLUMNS = (CODES_COLUMN, MESSAGES_COLUMN)
FILE_ROW = 0  # the row number of a problem of the file as a whole

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet shows it; FILE_ROW for the file as a whole
    column: str | None  # the docs/feeds.md name, e.g. "data_rozpoczecia"
    code: str  # stable: "end_before_start", "unknown_place"…
    severity: Severity
    message: str  # Polish
    message_en: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> RowProblem:
        return cls(**{name: stored.get(name) for name in cls.__dataclass_fields__})  # type: ignore[arg-type]


@dataclass
class UploadRow:
    number: int
    cells: list[Any]  # as read, the added columns left out
    values: dict[str, Any]  # docs/feeds.md column name -> cell, for the columns of the set

    @property
    def offer_id(self) -> str | None:
        return text(self.values.get("id_oferty"))


@dataclass
class UploadFile:
    format: str  # "csv" | "xlsx"
    header: list[str]  # as written, the added columns left out
    rows: list[UploadRow]
    columns: list[Column | None] = field(default_factory=list)


class UploadUnreadable(ValueError):
    """The file as a whole cannot be checked; `problem` says why in both languages."""

    def __init__(self, problem: RowProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def file_problem(code: str, message: str, message_en: str) -> RowProblem:
    return RowProblem(FILE_ROW, None, code, "error", message, message_en)


def read_upload(
    data: bytes, name: str | None = None, limits: Limits = UPLOAD_LIMITS, size: int | None = None
) -> UploadFile:
    """The uploaded file's rows; `UploadUnreadable` when it is too large or cannot be read.
    `size`: the whole file's, when only its start was read (enough to tell it is too large)."""
    size = max(size or 0, len(data))
    if size > limits.max_bytes:
        megabytes = f"{size / 1048576:.1f}".replace(".", ",")
        most = limits.max_bytes // 1048576
        raise UploadUnreadable(file_problem(
            "file_too_large",
            f"Plik jest za duży ({megabytes} MB). Można wgrać plik do {most} MB; "
            "podziel ofertę na kilka plików.",
            f"The file is too large ({megabytes} MB). Files of up to {most} MB can be "
            "uploaded; split the offers into several files.",
        ))  # fmt: skip
    try:
        table = read_table(data, None, name, limits)
        columns = map_header(table.header)
    except FeedError as exc:
        raise UploadUnreadable(_unreadable(str(exc), limits)) from exc
    return _upload_file(table, columns)


def _unreadable(reason: str, limits: Limits) -> RowProblem:
    if reason.startswith("plik ma więcej niż"):
        return file_problem(
            "too_many_rows",
            f"Plik ma więcej niż {limits.max_rows} wierszy ofert; podziel go na kilka plików.",
            f"The file has more than {limits.max_rows} rows of offers; split it into several "
            "files.",
        )
    if reason.startswith("brak wymaganych kolumn"):
        return file_problem(
            "missing_column",
            f"Nie można sprawdzić pliku: {reason}. Wymagane kolumny to id_oferty, tytul i url.",
            "The file cannot be checked: a required column is missing (id_oferty, tytul and "
            f"url are required). Details: {reason}",
        )
    return file_problem(
        "file_unreadable",
        f"Nie można odczytać pliku: {reason}.",
        f"The file cannot be read (CSV or XLSX with the columns of the template). Details: "
        f"{reason}",
    )


def _upload_file(table: Table, columns: list[Column | None]) -> UploadFile:
    kept = [i for i, h in enumerate(table.header) if header_key(h) not in ADDED_COLUMNS]
    header = [text(table.header[i]) or f"kolumna {i + 1}" for i in kept]
    names = [(i, columns[i].name) for i in kept if columns[i] is not None]  # type: ignore[union-attr]
    rows = []
    for number, cells in table.rows:
        own = [_restored(cells[i]) if i < len(cells) else None for i in kept]
        values = {name: _restored(cells[i]) for i, name in names if i < len(cells)}
        rows.append(UploadRow(number, own, values))
    return UploadFile(table.format, header, rows, [columns[i] for i in kept])


def _restored(cell: Any) -> Any:
    """A cell as the institution meant it: "'=1+1" (neutralised by our problems file) -> "=1+1"."""
    if isinstance(cell, str) and cell.startswith("'") and cell[1:2] and cell[1] in "=+-@":
        return cell[1:]
    return cell


# --- the check ------------------------------------------------------------------------------

# One offer's problems, by the rules the form and the API use (`catalogue.offer_fields`).
OfferCheck = Callable[[OfferFields, date], list[Problem]]


def check_offer_fields(fields: OfferFields, today: date) -> list[Problem]:
    """`check_offer`'s rules without its reading of the offer: the normaliser's run costs ten
    times the rules and the check page does not show it, and a file holds thousands of offers.
    Publishing runs the whole `check_offer` again (`save_offer`), so an offer the normaliser
    cannot store is still refused then. (The test that the upload gives `check_offer`'s codes
    keeps the two in step; `offer_fields` could offer this as a public function.)"""
    editions = [e for e in fields.editions if not e.is_empty()]
    found = offer_fields._offer_problems(fields) + offer_fields._duplicate_editions(editions)
    for index, edition in enumerate(editions):
        found += [replace(p, edition=index) for p in offer_fields._edition_problems(edition, today)]
    return found


@dataclass
class FileOffer:
    """The rows that share an `id_oferty`, read as the offer they describe."""

    external_id: str
    rows: list[UploadRow]
    fields: OfferFields
    edition_rows: list[int]  # the row of each edition of `fields.editions`
    stated: dict[str, int]  # offer column -> the first row that states it


_OFFER_COLUMNS = tuple(c for c in COLUMNS if c.level in ("offer", "both"))
_EDITION_COLUMNS = tuple(c for c in COLUMNS if c.level in ("edition", "both"))
_OFFER_TARGETS = frozenset(OfferFields.__dataclass_fields__)


def file_offers(upload: UploadFile) -> tuple[list[FileOffer], list[UploadRow]]:
    """The file's offers, in the order of their first rows, and the rows without an id."""
    grouped: dict[str, list[UploadRow]] = {}
    orphans = []
    for row in upload.rows:
        if row.offer_id:
            grouped.setdefault(row.offer_id, []).append(row)
        else:
            orphans.append(row)
    return [_file_offer(offer_id, rows, upload) for offer_id, rows in grouped.items()], orphans


def _file_offer(offer_id: str, rows: list[UploadRow], upload: UploadFile) -> FileOffer:
    """Offer columns from the first row that states them (docs/feeds.md); every row stating
    a date, place, price, seats or `id_terminu` is an edition; columns outside the set go to
    extras, as the feed reader keeps them."""
    values: dict[str, Any] = {}
    stated: dict[str, int] = {}
    others: dict[str, str] = {}
    editions: list[EditionFields] = []
    edition_rows: list[int] = []
    for row in rows:
        for column in _OFFER_COLUMNS:
            value = _value(row.values.get(column.name))
            if value is not None and column.name not in stated:
                stated[column.name] = row.number
                values[column.target] = value
        edition = {c.target: _value(row.values.get(c.name)) for c in _EDITION_COLUMNS}
        if any(v is not None for k, v in edition.items() if k != "form"):
            editions.append(EditionFields(**edition))
            edition_rows.append(row.number)
        if row is rows[0]:
            others = {
                upload.header[i]: found
                for i, column in enumerate(upload.columns)
                if column is None and i < len(row.cells) and (found := text(row.cells[i]))
            }
    known = {k: v for k, v in values.items() if k in _OFFER_TARGETS}
    extras = {k: v for k, v in values.items() if k not in _OFFER_TARGETS}  # "status"
    if others:
        extras["inne_kolumny"] = others
    fields = OfferFields(**known, editions=editions, extras=extras)
    return FileOffer(offer_id, rows, fields, edition_rows, stated)


def _value(cell: Any) -> Any:
    """A cell for `OfferFields`: numbers and dates kept, text stripped, empty -> None."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, (date, int, float)) and not isinstance(cell, bool):
        return cell
    return text(cell)


def offer_problems(offer: FileOffer, today: date, check: OfferCheck) -> list[RowProblem]:
    """The offer's problems, each at the row it comes from: an edition's at its row, an
    offer field's at the first row that states it (else the offer's first row)."""
    first = offer.rows[0].number
    found = []
    for problem in check(offer.fields, today):
        if problem.edition is not None and problem.edition < len(offer.edition_rows):
            row = offer.edition_rows[problem.edition]
        else:
            row = offer.stated.get(problem.column, first)
        found.append(RowProblem(row, problem.column, problem.code, problem.severity,
                                problem.message_pl, problem.message_en))  # fmt: skip
    return found + _title_conflicts(offer)


def _title_conflicts(offer: FileOffer) -> list[RowProblem]:
    """A later row giving the offer another title: one id for two offers is a mistake."""
    title = offer.fields.title
    found = []
    for row in offer.rows[1:]:
        other = text(row.values.get("tytul"))
        if other and title and fold(other) != fold(title):
            found.append(RowProblem(
                row.number, "id_oferty", "duplicate_id", "error",
                f"Identyfikator {offer.external_id} ma w wierszu {offer.rows[0].number} inny "
                "tytuł; jeden identyfikator to jedna oferta (nadaj tej ofercie inny id_oferty).",
                f"The id {offer.external_id} has another title in row {offer.rows[0].number}; "
                "one id is one offer (give this offer another id_oferty).",
            ))  # fmt: skip
    return found


def _missing_id(row: UploadRow) -> RowProblem:
    return RowProblem(
        row.number, "id_oferty", "bad_external_id", "error",
        "Brak identyfikatora oferty (kolumna id_oferty).",
        "The offer's id is missing (column id_oferty).",
    )  # fmt: skip


@dataclass
class CheckResult:
    file: UploadFile
    offers: list[FileOffer]
    problems: list[RowProblem]

    @property
    def error_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.severity == "error"}

    def publishable(self) -> list[FileOffer]:
        """Offers without an error in any of their rows (a half-published offer would lose
        an edition the institution meant)."""
        bad = self.error_rows
        return [o for o in self.offers if not any(r.number in bad for r in o.rows)]

    def counts(self) -> tuple[int, int]:
        errors = sum(p.severity == "error" for p in self.problems)
        return errors, len(self.problems) - errors


def check_file(
    upload: UploadFile, today: date, check: OfferCheck = check_offer_fields
) -> CheckResult:
    offers, orphans = file_offers(upload)
    problems = [_missing_id(row) for row in orphans]
    for offer in offers:
        problems += offer_problems(offer, today, check)
    problems.sort(key=lambda p: (p.row, p.severity != "error", p.column or ""))
    return CheckResult(upload, offers, problems)


# --- the problems file ---------------------------------------------------------------------


def problem_rows(result: CheckResult, lang: str = "pl") -> tuple[list[str], list[list[Any]]]:
    """The header and the rows that have problems, each with its codes and messages added."""
    by_row: dict[int, list[RowProblem]] = {}
    for problem in result.problems:
        by_row.setdefault(problem.row, []).append(problem)
    header = [*result.file.header, *ADDED_COLUMNS]
    width = len(result.file.header)
    rows = []
    for row in result.file.rows:
        found = by_row.get(row.number)
        if not found:
            continue
        cells = [*row.cells, *[None] * (width - len(row.cells))][:width]
        codes = ", ".join(dict.fromkeys(p.code for p in found))
        said = " | ".join(
            f"wiersz {row.number}: {p.message_en if lang == 'en' else p.message}" for p in found
        )
        rows.append([*cells, codes, said])
    return header, rows


def problems_csv(result: CheckResult, lang: str = "pl") -> bytes:
    """Semicolon-separated UTF-8 with a BOM: what Polish Excel opens with its letters right."""
    header, rows = problem_rows(result, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for cells in (header, *rows):
        writer.writerow([_csv_text(safe_cell(c)) for c in cells])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_text(value: Any) -> Any:
    return text(value) if not isinstance(value, str) else value


def problems_xlsx(result: CheckResult, lang: str = "pl") -> bytes:
    header, rows = problem_rows(result, lang)
    return _workbook([("Problems" if lang == "en" else "Problemy", [header, *rows], 1)])


def _workbook(sheets: list[tuple[str, list[list[Any]], int]]) -> bytes:
    """An XLSX of the sheets (title, rows, how many leading rows are bold), every cell safe."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    bold = Font(bold=True)
    for title, rows, bold_rows in sheets:
        sheet = book.create_sheet(title)
        for index, cells in enumerate(rows):
            sheet.append([safe_cell(c) for c in cells])
            if index < bold_rows:
                for cell in sheet[index + 1]:
                    cell.font = bold
        for letter_cells in sheet.columns:
            longest = max((len(str(c.value or "")) for c in letter_cells), default=8)
            sheet.column_dimensions[letter_cells[0].column_letter].width = min(max(longest, 8), 50)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- the template --------------------------------------------------------------------------

_MEANING = {
    "id_oferty": "stały identyfikator oferty w instytucji (nie zmieniaj go między plikami)",
    "tytul": "nazwa oferty",
    "url": "strona oferty, pełny adres z https://",
    "opis": "opis, program, warunki",
    "rodzaj": "KKZ, kurs, szkolenie, warsztaty, e-learning, studia podyplomowe, walidacja",
    "kod_kwalifikacji": "kod kwalifikacji w zawodzie, np. ELE.02",
    "poziom_prk": "poziom Polskiej Ramy Kwalifikacji, 1–8",
    "forma": "stacjonarna, online, hybrydowa, e-learning",
    "liczba_godzin": "liczba godzin zajęć",
    "id_terminu": "identyfikator terminu (gdy terminów jest kilka)",
    "data_rozpoczecia": "początek zajęć: RRRR-MM-DD lub DD.MM.RRRR",
    "data_zakonczenia": "koniec zajęć: RRRR-MM-DD lub DD.MM.RRRR",
    "koniec_zapisow": "ostatni dzień zapisów",
    "miejscowosc": "miejscowość zajęć (puste dla zajęć online)",
    "cena": "cena brutto za uczestnika, np. 1200 lub bezpłatny",
    "liczba_miejsc": "liczba miejsc",
}


def template_xlsx(today: date) -> bytes:
    """The workbook to start from: a note, the header (docs/feeds.md's columns, the required
    first), two example rows of one offer with two editions; a second sheet explains each
    column. It reads back as a file of one offer (the note row is skipped as a title)."""
    names = [c.name for c in COLUMNS if c.required] + [c.name for c in COLUMNS if not c.required]
    start = today + timedelta(days=60)
    example = {
        "id_oferty": "KURS-001", "tytul": "Kurs operatora wózków jezdniowych (UDT)",
        "url": "https://www.twoja-instytucja.pl/kursy/wozki", "rodzaj": "kurs",
        "forma": "stacjonarna", "liczba_godzin": 67, "id_terminu": "KURS-001-A",
        "data_rozpoczecia": start.isoformat(),
        "data_zakonczenia": (start + timedelta(days=14)).isoformat(),
        "miejscowosc": "Zielona Góra", "adres": "ul. Przykładowa 1", "cena": "1 200,00 zł",
        "liczba_miejsc": 12,
    }  # fmt: skip
    second = {
        "id_oferty": "KURS-001", "id_terminu": "KURS-001-B", "forma": "stacjonarna",
        "data_rozpoczecia": (start + timedelta(days=28)).isoformat(),
        "data_zakonczenia": (start + timedelta(days=42)).isoformat(),
        "miejscowosc": "Gorzów Wielkopolski", "cena": "1 200,00 zł", "liczba_miejsc": 10,
    }  # fmt: skip
    note = [
        "Oferta instytucji – jeden wiersz to jeden termin. Wymagane kolumny: id_oferty, tytul, "
        "url. Wiersze przykładowe (KURS-001) zastąp własnymi. Objaśnienia: arkusz „Kolumny”."
    ]
    offers: list[list[Any]] = [
        note,
        names,
        [example.get(n) for n in names],
        [second.get(n) for n in names],
    ]
    explained = [["kolumna", "wymagana", "znaczenie", "inne nazwy"]] + [
        [c.name, "tak" if c.required else "", _MEANING.get(c.name, ""), ", ".join(c.aliases)]
        for c in COLUMNS
    ]
    return _workbook([("Oferty", offers, 2), ("Kolumny", explained, 1)])
