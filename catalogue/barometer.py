"""The occupational barometer (Barometr zawodów): its file read and checked, its occupations
matched to what the catalogue knows. Pure functions; the import and the gaps are
`operations.barometer`'s, the tables `catalogue.barometer_tables`'.

The barometer is a one-year forecast, made for every powiat by the labour offices, of about
170 occupations (named as groups in the plural: "spawacze", "kucharze", "pielęgniarki i
położne"), each in shortage ("deficyt"), balance ("równowaga") or surplus ("nadwyżka"); its
editions before 2020 also said "duży deficyt" and "duża nadwyżka". The file the office receives
is read as the tables the barometer publishes (docs/barometer.md): one row per year, voivodeship,
powiat and occupation, in the columns `COLUMNS`. The header is checked first: a missing or an
unexpected column stops the import with a message naming them. Then each row is checked on its
own: a malformed one is rejected with its line and reason; rows of another voivodeship are
skipped (the national file may be given whole).

Occupations are matched through a declared table, `data/barometer_occupations.csv`: for each of
the barometer's occupations, the school occupations and qualification codes that prepare for it,
and the ISCED-F fields with the words an offer's title must hold to count (a field alone, such
as 0715 for a welder, also holds locksmiths and turners). Its `basis` column says why.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from catalogue.barometer_tables import LABEL_MAX, OCCUPATION_MAX
from catalogue.feeds.errors import FeedError
from catalogue.feeds.files import csv_rows, decode, detect_format, pick_delimiter, xlsx_rows
from catalogue.polish import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
MAPPING_FILE = DATA_DIR / "barometer_occupations.csv"
REGION = "lubuskie"
MAX_BYTES = 20 * 1024 * 1024  # the whole country's file is about 65,000 rows
MAX_ROWS = 200_000
HEADER_SEARCH = 5  # non-empty rows in which the header is looked for
FIRST_YEAR, LAST_YEAR = 2008, 2100  # the barometer began in 2008 (Małopolska)

SHORTAGE, BALANCE, SURPLUS = "shortage", "balance", "surplus"
FORECASTS = (SHORTAGE, BALANCE, SURPLUS)

# The file's columns: the name documented (docs/barometer.md), then the other headers read as it
# (folded: lower case, no diacritics, runs of other characters as one space).
COLUMNS: dict[str, tuple[str, ...]] = {
    "rok": ("rok", "rok prognozy", "edycja"),
    "województwo": ("wojewodztwo", "nazwa wojewodztwa"),
    "powiat": ("powiat", "nazwa powiatu"),
    "zawód": ("zawod", "nazwa zawodu", "grupa zawodow", "zawod grupa zawodow"),
    "prognoza": ("prognoza", "ocena", "sytuacja", "kategoria", "prognoza na rok"),
}
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "teryt": ("teryt", "kod teryt", "kod powiatu", "teryt powiatu"),
}

# The barometer's words for its forecast, folded; older editions' five degrees read as three.
_FORECAST_WORDS = {
    SHORTAGE: ("deficyt", "duzy deficyt", "deficytowy", "deficytowe", "zawod deficytowy"),
    BALANCE: ("rownowaga", "zrownowazony", "zrownowazone", "zawod zrownowazony"),
    SURPLUS: ("nadwyzka", "duza nadwyzka", "nadwyzkowy", "nadwyzkowe", "zawod nadwyzkowy"),
}
_FORECAST = {word: kind for kind, words in _FORECAST_WORDS.items() for word in words}
_NON_WORD = re.compile(r"[^0-9a-z]+")


class BarometerFileError(Exception):
    """The file cannot be imported at all (unreadable, or its columns differ); Polish text."""


@dataclass(frozen=True)
class ForecastRow:
    line: int  # as a spreadsheet shows it
    year: int
    powiat_teryt: str
    occupation: str
    forecast: str  # SHORTAGE, BALANCE or SURPLUS
    label: str  # the file's word, as written


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str  # Polish, for the coordinator


@dataclass
class BarometerFile:
    rows: list[ForecastRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    skipped: int = 0  # rows of another voivodeship

    @property
    def years(self) -> list[int]:
        return sorted({row.year for row in self.rows})


def header_key(value: Any) -> str:
    """A header cell folded for comparison: "Województwo " -> "wojewodztwo"."""
    return _NON_WORD.sub(" ", fold(str(value or ""))).strip()


def column_of(value: Any) -> str | None:
    """The documented column a header cell names, or None."""
    key = header_key(value)
    for name, spellings in (COLUMNS | OPTIONAL_COLUMNS).items():
        if key in spellings:
            return name
    return None


def header_problem(header: Sequence[Any]) -> str | None:
    """Why a header row is not the barometer's (Polish, naming every missing and unexpected
    column), or None when it is."""
    named = [(cell, column_of(cell)) for cell in header if str(cell or "").strip()]
    found = [name for _, name in named if name]
    twice = sorted({name for name in found if found.count(name) > 1})
    missing = [name for name in COLUMNS if name not in found]
    unexpected = [str(cell).strip() for cell, name in named if name is None]
    if not (missing or unexpected or twice):
        return None
    parts = []
    if missing:
        parts.append("brak kolumn: " + _quoted(missing))
    if unexpected:
        parts.append("nieoczekiwane kolumny: " + _quoted(unexpected))
    if twice:
        parts.append("kolumny podane dwa razy: " + _quoted(twice))
    return (
        "Kolumny pliku nie zgadzają się z formatem barometru zawodów ("
        + "; ".join(parts)
        + "). Oczekiwane kolumny: "
        + ", ".join(COLUMNS)
        + " (i opcjonalnie teryt — kod TERYT powiatu). Nic nie zostało zapisane."
    )


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"„{name}”" for name in names)


def forecast_of(label: Any) -> str | None:
    """SHORTAGE, BALANCE or SURPLUS for the barometer's word ("Deficyt", "duża nadwyżka")."""
    return _FORECAST.get(header_key(label))


@dataclass(frozen=True)
class Powiat:
    teryt: str
    name: str  # "powiat żarski", "Zielona Góra"
    seat: str  # its main town
    lat: float
    lon: float


def by_name(powiat: Powiat) -> str:
    """A sort key: "gorzowski", "Gorzów Wielkopolski", "krośnieński"… (the word "powiat" left
    out)."""
    return fold(powiat.name.removeprefix("powiat "))


@cache
def powiats() -> dict[str, Powiat]:
    """The 14 powiats of Lubuskie by TERYT, with their seat's coordinates."""
    with (DATA_DIR / "lubuskie_powiaty.csv").open(encoding="utf-8", newline="") as handle:
        found = {}
        for row in csv.DictReader(handle):
            found[row["powiat_teryt"]] = Powiat(
                row["powiat_teryt"],
                row["powiat_name"],
                row["seat"],
                float(row["seat_lat"]),
                float(row["seat_lon"]),
            )
    return found


@cache
def _powiat_names() -> dict[str, str]:
    names = {}
    for powiat in powiats().values():
        key = header_key(powiat.name)
        names[key] = powiat.teryt
        if key.startswith("powiat "):
            names[key.removeprefix("powiat ")] = powiat.teryt
        else:  # a city with powiat rights: "Zielona Góra", "m. Zielona Góra", "miasto …"
            for prefix in ("m", "miasto", "powiat m", "powiat miasto", "miasto na prawach powiatu"):
                names[f"{prefix} {key}"] = powiat.teryt
    names["gorzow wlkp"] = names["m gorzow wlkp"] = "0861"
    return names


def powiat_teryt(value: Any) -> str | None:
    """The TERYT of a Lubuskie powiat named as the barometer names it ("żarski", "powiat
    żarski", "Zielona Góra", "m. Gorzów Wielkopolski") or by its code ("0811", "811")."""
    text = str(value or "").strip()
    digits = re.sub(r"\s", "", text)
    if digits.isdigit() and len(digits) in (3, 4, 7):
        code = digits[:4].zfill(4) if len(digits) != 7 else digits[:4]
        return code if code in powiats() else None
    return _powiat_names().get(header_key(text))


def year_of(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime | date):
        return value.year
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    if not re.fullmatch(r"\d{4}", text):
        return None
    year = int(text)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def read_barometer(data: bytes, name: str | None = None) -> BarometerFile:
    """The file's forecasts for Lubuskie, its rejected rows and how many rows it had of other
    voivodeships; `BarometerFileError` when it cannot be read or its columns differ."""
    if not data.strip():
        raise BarometerFileError("Plik jest pusty.")
    if len(data) > MAX_BYTES:
        raise BarometerFileError(
            f"Plik jest za duży ({len(data) / 1048576:.1f} MB; najwięcej "
            f"{MAX_BYTES // 1048576} MB)."
        )
    try:
        rows = _table_rows(data, name)
        header_at, header = _header(rows)
        problem = header_problem(header)
        if problem:
            raise BarometerFileError(problem)
        columns = {column_of(cell): i for i, cell in enumerate(header) if column_of(cell)}
        return _rows(rows[header_at + 1 :], columns)
    except FeedError as exc:
        raise BarometerFileError(f"Nie można odczytać pliku: {exc}.") from exc


def _table_rows(data: bytes, name: str | None) -> list[tuple[int, list[Any]]]:
    if detect_format(data, None, name) == "xlsx":
        source: Iterator[tuple[int, list[Any]]] = xlsx_rows(data)
    else:
        text, _ = decode(data)
        delimiter = pick_delimiter(text, lambda cells: sum(map(bool, map(column_of, cells))))
        source = csv_rows(text, delimiter)
    rows = []
    for number, cells in source:
        if any(str(c).strip() for c in cells if c is not None):
            rows.append((number, cells))
            if len(rows) > MAX_ROWS:
                raise BarometerFileError(f"Plik ma więcej niż {MAX_ROWS} wierszy.")
    return rows


def _header(rows: list[tuple[int, list[Any]]]) -> tuple[int, list[Any]]:
    """The first of the first rows that names the most columns (a title row may stand above)."""
    if not rows:
        raise BarometerFileError("Plik nie ma żadnego wiersza.")
    candidates = rows[:HEADER_SEARCH]
    best = max(
        range(len(candidates)),
        key=lambda i: (sum(bool(column_of(c)) for c in candidates[i][1]), -i),
    )
    return best, rows[best][1]


def _cell(cells: list[Any], columns: dict[str | None, int], name: str) -> Any:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def _rows(rows: list[tuple[int, list[Any]]], columns: dict[str | None, int]) -> BarometerFile:
    result = BarometerFile()
    seen: dict[tuple[int, str, str], int] = {}
    for line, cells in rows:
        region = header_key(_cell(cells, columns, "województwo")).removeprefix("wojewodztwo ")
        if region and region != REGION:
            result.skipped += 1
            continue
        row, reason = _row(line, cells, columns, region)
        if row is None:
            result.rejected.append(Rejection(line, reason))
            continue
        key = (row.year, row.powiat_teryt, fold(row.occupation))
        if key in seen:
            reason = f"ten sam zawód w tym powiecie i roku jest już w wierszu {seen[key]}"
            result.rejected.append(Rejection(line, reason))
            continue
        seen[key] = line
        result.rows.append(row)
    return result


def _row(
    line: int, cells: list[Any], columns: dict[str | None, int], region: str
) -> tuple[ForecastRow | None, str]:
    if not region:
        return None, "brak województwa"
    year = year_of(_cell(cells, columns, "rok"))
    if year is None:
        shown = _shown(_cell(cells, columns, "rok"))
        return None, f"rok „{shown}” nie jest rokiem ({FIRST_YEAR}–{LAST_YEAR})"
    code = _cell(cells, columns, "teryt")
    named = code if str(code or "").strip() else _cell(cells, columns, "powiat")
    if not str(named or "").strip():
        return None, "brak powiatu (prognozy dla całego województwa nie są importowane)"
    teryt = powiat_teryt(named)
    if teryt is None:
        return None, f"nieznany powiat województwa lubuskiego: „{_shown(named)}”"
    occupation = " ".join(str(_cell(cells, columns, "zawód") or "").split())
    if not occupation:
        return None, "brak nazwy zawodu"
    if len(occupation) > OCCUPATION_MAX:
        return None, f"nazwa zawodu ma ponad {OCCUPATION_MAX} znaków"
    label = " ".join(str(_cell(cells, columns, "prognoza") or "").split())
    forecast = forecast_of(label)
    if forecast is None or len(label) > LABEL_MAX:
        return None, (
            f"prognoza „{_shown(label)}” nie jest żadną z: deficyt, równowaga, nadwyżka "
            "(także duży deficyt, duża nadwyżka)"
        )
    return ForecastRow(line, year, teryt, occupation, forecast, label), ""


def _shown(value: Any) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= 60 else text[:59] + "…"


# --- the occupations matched ---------------------------------------------------------------


@dataclass(frozen=True)
class OccupationMapping:
    occupation: str  # the barometer's name
    occupations: tuple[str, ...]  # school occupations (vocational_occupations.csv)
    qualifications: frozenset[str]  # codes: the row's own and its occupations'
    isced: tuple[str, ...]  # ISCED-F codes; an offer's code must start with one
    words: tuple[str, ...]  # folded stems, one of which the title must hold for a field match
    basis: str


@dataclass(frozen=True)
class Preparation:
    """Why an offer prepares for an occupation: its qualification, or its field and a word."""

    kind: str  # "qualification" or "field"
    code: str  # the qualification code or the offer's ISCED-F code
    word: str = ""  # for "field": the stem found in the title


@cache
def _qualifications_of_occupations() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    with (DATA_DIR / "vocational_qualifications.csv").open(encoding="utf-8", newline="") as h:
        for row in csv.DictReader(h):
            for occupation in filter(None, row["occupations"].split("|")):
                found.setdefault(fold(occupation), set()).add(row["code"])
    return {k: frozenset(v) for k, v in found.items()}


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


@cache
def mappings() -> dict[str, OccupationMapping]:
    """The declared mapping, by the barometer's occupation folded."""
    by_occupation = _qualifications_of_occupations()
    found = {}
    with MAPPING_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            occupations = _split(row["occupations"])
            codes = set(_split(row["qualifications"]))
            for occupation in occupations:
                codes |= by_occupation.get(fold(occupation), frozenset())
            found[fold(row["occupation"])] = OccupationMapping(
                occupation=row["occupation"],
                occupations=occupations,
                qualifications=frozenset(codes),
                isced=_split(row["isced"]),
                words=tuple(fold(w) for w in _split(row["words"])),
                basis=row["basis"],
            )
    return found


def mapping_for(occupation: str) -> OccupationMapping | None:
    """The declared mapping of the barometer's occupation ("Spawacze", "kucharze"), or None."""
    return mappings().get(fold(" ".join(occupation.split())))


_TITLE_WORD = re.compile(r"[0-9a-z+]+")


def holds(title_words: Sequence[str], stem: str) -> bool:
    """Whether the title's folded words hold the stem's words in a row, each word starting
    with the stem's ("wozk widl" in "wozki widlowe", "kat c" in "kat. C+E")."""
    parts = stem.split()
    return any(
        all(title_words[i + j].startswith(part) for j, part in enumerate(parts))
        for i in range(len(title_words) - len(parts) + 1)
    )


def preparation(
    mapping: OccupationMapping,
    *,
    title: str,
    qualification_code: str | None = None,
    isced_code: str | None = None,
) -> Preparation | None:
    """Why an offer prepares for the mapping's occupation, or None: its qualification is one
    of the occupation's, or its ISCED-F field is one of the occupation's and its title holds
    one of the occupation's words ("Kurs spawania MAG 135" in 0715 for "spawacze")."""
    code = (qualification_code or "").strip().upper()
    if code and code in mapping.qualifications:
        return Preparation("qualification", code)
    field_code = (isced_code or "").strip()
    if not field_code or not any(field_code.startswith(c) for c in mapping.isced):
        return None
    title_words = _TITLE_WORD.findall(fold(title))
    for word in mapping.words:
        if holds(title_words, word):
            return Preparation("field", field_code, word)
    return None
