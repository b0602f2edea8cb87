"""A file an institution uploads by hand: read, checked row by row, its problems, the template.

The file has the column set of docs/feeds.md and is read by the feeds' own reader
(`catalogue.feeds.files.read_table`), under the upload's smaller limits. The check lists every
problem of every row (`RowProblem`: the row as a spreadsheet numbers it, the column, a stable
code, error or warning, a Polish and an English message) instead of stopping at the first:
an error keeps the row's offer from being published, a warning is said and published anyway.
Two kinds of rules:
- one row alone (`check_row`, replaceable: `check_file(..., check_row=...)`): a date that is
  no date, an end before the start, a place or qualification code the reference data does not
  know, a price that cannot be read;
- rows together (`file_problems`): an offer's first row without a title or address, one
  `id_oferty` given two titles, an edition listed twice.
The problems file (`problems_csv`, `problems_xlsx`) is the rows that have problems, as the
institution wrote them, with two columns added; every cell goes through `safe_cell`, so a
cell such as `=HYPERLINK(...)` is text in whatever opens it. It can be corrected and uploaded
again: the two added columns are ignored and a neutralising apostrophe is taken off.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import openpyxl
from openpyxl.styles import Font

from catalogue.feeds.columns import BY_NAME, COLUMNS, Column, header_key, map_header
from catalogue.feeds.errors import FeedError
from catalogue.feeds.files import Limits, Table, read_table
from catalogue.feeds.values import BadValue, cell_value, date_value, text
from catalogue.normalise.forms import parse_form
from catalogue.normalise.levels import stated_level
from catalogue.normalise.numbers import parse_count, parse_hours
from catalogue.normalise.places import resolve_place
from catalogue.normalise.prices import parse_price
from catalogue.normalise.qualifications import find_code
from catalogue.normalise.taxonomy import vocational_qualifications
from catalogue.normalise.text import fold
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


def read_upload(data: bytes, name: str | None = None, limits: Limits = UPLOAD_LIMITS) -> UploadFile:
    """The uploaded file's rows; `UploadUnreadable` when it is too large or cannot be read."""
    if len(data) > limits.max_bytes:
        megabytes = f"{len(data) / 1048576:.1f}".replace(".", ",")
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


# --- one row -------------------------------------------------------------------------------

RowCheck = Callable[[UploadRow, date], list[RowProblem]]


def check_row(row: UploadRow, today: date) -> list[RowProblem]:
    """The problems of one row by itself (the rules shared with the form and the API)."""
    found: list[RowProblem] = []

    def add(column: str | None, code: str, severity: Severity, pl: str, en: str) -> None:
        found.append(RowProblem(row.number, column, code, severity, pl, en))

    if not row.offer_id:
        add("id_oferty", "missing_value", "error",
            "Brak identyfikatora oferty (kolumna id_oferty).",
            "The offer's id is missing (column id_oferty).")  # fmt: skip
    for name, value in row.values.items():
        column = BY_NAME[name]
        try:
            cell_value(column, value)
        except BadValue as exc:
            code = {"date": "bad_date", "url": "bad_url"}.get(column.value, "garbled_text")
            add(name, code, "error", _sentence(str(exc)), _EN_BAD_VALUE[code].format(name))
    _dates(row, today, add)
    _reference(row, add)
    return found


_EN_BAD_VALUE = {
    "bad_date": "The date in column {} is not a calendar date written YYYY-MM-DD or DD.MM.YYYY.",
    "bad_url": "The address in column {} must be a full web address starting http:// or https://.",
    "garbled_text": "The text in column {} has garbled Polish letters; save the file in UTF-8.",
}


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + "."


def _dates(row: UploadRow, today: date, add: Callable[..., None]) -> None:
    days: dict[str, date] = {}
    for name in ("data_rozpoczecia", "data_zakonczenia", "koniec_zapisow"):
        try:
            day = date_value(BY_NAME[name], row.values.get(name))[1]
        except BadValue:
            continue  # said above
        if day is not None:
            days[name] = day
    start, end = days.get("data_rozpoczecia"), days.get("data_zakonczenia")
    enrolment = days.get("koniec_zapisow")
    if start and end and end < start:
        add(
            "data_zakonczenia",
            "end_before_start",
            "error",
            f"Data zakończenia ({end:%d.%m.%Y}) jest wcześniejsza niż data rozpoczęcia "
            f"({start:%d.%m.%Y}).",
            f"The end date ({end:%Y-%m-%d}) is before the start date ({start:%Y-%m-%d}).",
        )
    if end and end < today:
        add(
            "data_zakonczenia",
            "date_in_past",
            "error",
            f"Termin już się zakończył ({end:%d.%m.%Y}); usuń ten wiersz albo podaj nowe daty.",
            f"This edition has already ended ({end:%Y-%m-%d}); remove the row or give new dates.",
        )
    elif start and start < today:
        add(
            "data_rozpoczecia",
            "date_in_past",
            "warning",
            f"Data rozpoczęcia ({start:%d.%m.%Y}) już minęła; zostanie pokazana jako "
            "termin w toku.",
            f"The start date ({start:%Y-%m-%d}) has passed; it will be shown as running.",
        )
    if enrolment and start and enrolment > start:
        add(
            "koniec_zapisow",
            "enrolment_after_start",
            "warning",
            f"Koniec zapisów ({enrolment:%d.%m.%Y}) jest później niż rozpoczęcie "
            f"({start:%d.%m.%Y}).",
            f"Enrolment ends ({enrolment:%Y-%m-%d}) after the start ({start:%Y-%m-%d}).",
        )
    elif enrolment and enrolment < today and not (end and end < today):
        add("koniec_zapisow", "date_in_past", "warning",
            f"Zapisy zakończyły się {enrolment:%d.%m.%Y}.",
            f"Enrolment closed on {enrolment:%Y-%m-%d}.")  # fmt: skip


def _reference(row: UploadRow, add: Callable[..., None]) -> None:
    """What the normaliser's reference data does not know: places, codes, prices, forms."""
    values = {name: text(value) for name, value in row.values.items()}
    town, address, postcode = (
        values.get("miejscowosc"),
        values.get("adres"),
        values.get("kod_pocztowy"),
    )
    if town or address or postcode:
        place = resolve_place(town, address, postcode)
        if place.outside:
            add(
                "miejscowosc",
                "place_outside_region",
                "warning",
                f"Miejsce „{town or address or postcode}” leży poza województwem lubuskim.",
                f"The place “{town or address or postcode}” lies outside the Lubuskie region.",
            )
        elif place.place is None and place.form is None:
            add(
                "miejscowosc",
                "unknown_place",
                "warning",
                f"Nieznana miejscowość „{town or address}”: sprawdź pisownię (np. „Gorzów "
                "Wielkopolski”, „Nowa Sól”) albo podaj kod pocztowy.",
                f"Unknown place “{town or address}”: check the spelling or add the postcode.",
            )
    code = values.get("kod_kwalifikacji")
    if code:
        found = find_code(code.upper())
        if found is None or found not in vocational_qualifications():
            add(
                "kod_kwalifikacji",
                "unknown_qualification",
                "error",
                f"Nieznany kod kwalifikacji „{code}”: kod ma postać np. ELE.02 i musi być "
                "w wykazie kwalifikacji w zawodach.",
                f"Unknown qualification code “{code}”: a code looks like ELE.02 and must be in "
                "the list of vocational qualifications.",
            )
    raw_price = row.values.get("cena")
    price = parse_price(raw_price)
    if price is not None and price.grosze is None:
        add(
            "cena",
            "bad_price",
            "warning",
            f"Nie można odczytać ceny „{text(raw_price)}”: zostanie pokazana tak, jak ją "
            "podano. Podaj kwotę (np. 1200 lub 1 200,00 zł) albo „bezpłatny”.",
            f"The price “{text(raw_price)}” cannot be read: it will be shown as written. Give "
            "an amount (e.g. 1200) or “bezpłatny” (free).",
        )
    _readable(row, values, add)


def _readable(row: UploadRow, values: dict[str, str | None], add: Callable[..., None]) -> None:
    checks: tuple[tuple[str, str, Callable[[Any], Any], str, str], ...] = (
        ("forma", "unknown_form", parse_form,
         "Nieznana forma zajęć „{}”: użyj np. stacjonarna, online, hybrydowa.",
         "Unknown form “{}”: use e.g. stacjonarna (on site), online, hybrydowa (blended)."),
        ("liczba_godzin", "bad_number", parse_hours,
         "Nie można odczytać liczby godzin „{}”.", "The number of hours “{}” cannot be read."),
        ("liczba_miejsc", "bad_number", parse_count,
         "Nie można odczytać liczby miejsc „{}”.", "The number of seats “{}” cannot be read."),
        ("poziom_prk", "unknown_level", stated_level,
         "Nieznany poziom PRK „{}”: podaj liczbę od 1 do 8.",
         "Unknown PRK level “{}”: give a number from 1 to 8."),
    )  # fmt: skip
    for name, code, parse, pl, en in checks:
        value = values.get(name)
        if value and parse(row.values[name]) is None:
            add(name, code, "warning", pl.format(value), en.format(value))


# --- rows together -------------------------------------------------------------------------


_OPENING_COLUMNS = (("tytul", "tytułu", "title"), ("url", "adresu strony", "web address"))


def file_problems(rows: Iterable[UploadRow]) -> list[RowProblem]:
    """What only rows together show: an offer's first row without a title or address, one id
    given to two titles, the same edition twice (docs/feeds.md, "Wiele wierszy jednej oferty")."""
    found: list[RowProblem] = []
    first: dict[str, UploadRow] = {}
    editions: dict[tuple[str, str], int] = {}
    for row in rows:
        offer_id = row.offer_id
        if not offer_id:
            continue
        title = text(row.values.get("tytul"))
        opening = first.setdefault(offer_id, row)
        if opening is row:
            for name, pl, en in (
                ("tytul", "tytułu", "title"),
                ("url", "adresu strony", "web address"),
            ):
                if not text(row.values.get(name)):
                    found.append(RowProblem(
                        row.number, name, "missing_value", "error",
                        f"Pierwszy wiersz oferty {offer_id} nie podaje {pl} (kolumna {name}).",
                        f"The first row of offer {offer_id} gives no {en} (column {name}).",
                    ))  # fmt: skip
        elif title and fold(title) != fold(text(opening.values.get("tytul"))):
            found.append(RowProblem(
                row.number, "id_oferty", "duplicate_id", "error",
                f"Identyfikator {offer_id} ma w wierszu {opening.number} inny tytuł; jeden "
                "identyfikator to jedna oferta (nadaj tej ofercie inny id_oferty).",
                f"The id {offer_id} has another title in row {opening.number}; one id is one "
                "offer (give this offer another id_oferty).",
            ))  # fmt: skip
        key = edition_key(row)
        if key is None:
            continue
        earlier = editions.setdefault((offer_id, key), row.number)
        if earlier != row.number:
            found.append(RowProblem(
                row.number, "id_terminu" if key.startswith("id:") else None, "duplicate_edition",
                "error",
                f"Ten sam termin oferty {offer_id} jest już w wierszu {earlier}.",
                f"The same edition of offer {offer_id} is already in row {earlier}.",
            ))  # fmt: skip
    return found


_EDITION_COLUMNS = tuple(c.name for c in COLUMNS if c.level in ("edition", "both"))


def edition_key(row: UploadRow) -> str | None:
    """How an edition is told apart (as the feed reader does): its `id_terminu`, else all it
    states; None when the row states no edition (only a form)."""
    own = text(row.values.get("id_terminu"))
    if own:
        return f"id:{own}"
    stated = {n: fold(text(row.values.get(n))) for n in _EDITION_COLUMNS if text(row.values.get(n))}
    if not set(stated) - {"forma"}:
        return None
    return repr(sorted(stated.items()))


# --- the check as a whole ------------------------------------------------------------------


@dataclass
class CheckResult:
    file: UploadFile
    problems: list[RowProblem]

    @property
    def error_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.severity == "error"}

    @property
    def held_offers(self) -> set[str]:
        """Offers with an error in any of their rows: none of their rows is published."""
        bad = self.error_rows
        return {r.offer_id or "" for r in self.file.rows if r.number in bad}

    def publishable(self) -> list[UploadRow]:
        held = self.held_offers
        return [r for r in self.file.rows if r.offer_id and r.offer_id not in held]

    def counts(self) -> tuple[int, int]:
        errors = sum(p.severity == "error" for p in self.problems)
        return errors, len(self.problems) - errors


def check_file(upload: UploadFile, today: date, check_row: RowCheck = check_row) -> CheckResult:
    problems = [p for row in upload.rows for p in check_row(row, today)]
    problems += file_problems(upload.rows)
    problems.sort(key=lambda p: (p.row, p.severity != "error", p.column or ""))
    return CheckResult(upload, problems)


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
            f"wiersz {row.number}: {p.message if lang == 'pl' else p.message_en}" for p in found
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
    return _workbook([("Problemy" if lang == "pl" else "Problems", [header, *rows], 1)])


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
