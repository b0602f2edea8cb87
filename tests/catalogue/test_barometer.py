"""The occupational barometer's file read and checked, and its occupations matched, with the
barometer's real Polish names (`catalogue.barometer`; pure, no database)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from catalogue.barometer import (
    BALANCE,
    DATA_DIR,
    MAPPING_FILE,
    SHORTAGE,
    SURPLUS,
    BarometerFileError,
    Preparation,
    forecast_of,
    header_problem,
    mapping_for,
    mappings,
    powiat_teryt,
    preparation,
    read_barometer,
)

EXAMPLE = DATA_DIR / "barometr" / "przyklad.csv"


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_example_file_reads_whole() -> None:
    read = read_barometer(EXAMPLE.read_bytes(), EXAMPLE.name)
    assert (len(read.rows), read.rejected, read.skipped, read.years) == (18, [], 0, [2026])
    first = read.rows[0]
    assert (first.line, first.powiat_teryt, first.occupation, first.forecast, first.label) == (
        2, "0811", "spawacze", SHORTAGE, "deficyt"
    )  # fmt: skip
    assert {r.powiat_teryt for r in read.rows} == {"0811", "0862", "0861", "0812", "0805", "0806"}
    assert [r.forecast for r in read.rows if r.occupation == "pracownicy biurowi"] == [SURPLUS]


def test_an_xlsx_with_a_title_row_numbers_and_other_voivodeships_reads_as_the_csv() -> None:
    data = _xlsx([
        ["Barometr zawodów 2026 – prognozy dla powiatów"],
        ["Rok", "Województwo", "Powiat", "Zawód", "Prognoza", "TERYT"],
        [2026.0, "LUBUSKIE", "powiat żarski", "Spawacze", "Duży deficyt", None],
        [2026, "wielkopolskie", "poznański", "spawacze", "deficyt", None],
        [2026, "województwo lubuskie", "m. Gorzów Wielkopolski", "kucharze", "zawód zrównoważony"],
        [2026, "lubuskie", "nieważne, liczy się kod", "piekarze", "nadwyżka", "0812"],
    ])  # fmt: skip
    read = read_barometer(data, "barometr.xlsx")
    assert read.skipped == 1 and read.rejected == []
    assert [(r.line, r.powiat_teryt, r.forecast, r.label) for r in read.rows] == [
        (3, "0811", SHORTAGE, "Duży deficyt"),
        (5, "0861", BALANCE, "zawód zrównoważony"),
        (6, "0812", SURPLUS, "nadwyżka"),
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_other_columns_stop_the_import_with_a_message_naming_them(kind: str) -> None:
    header = ["Rok", "Województwo", "Powiat", "Zawód", "Ocena 2025 r.", "Uwagi"]
    row = [2026, "lubuskie", "żarski", "spawacze", "deficyt", ""]
    if kind == "xlsx":
        data = _xlsx([header, row])
    else:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows([header, row])
        data = buffer.getvalue().encode("utf-8")
    with pytest.raises(BarometerFileError) as raised:
        read_barometer(data, f"barometr.{kind}")
    message = str(raised.value)
    assert "brak kolumn: „prognoza”" in message
    assert "nieoczekiwane kolumny: „Ocena 2025 r.”, „Uwagi”" in message
    assert "Nic nie zostało zapisane" in message


def test_a_header_naming_a_column_twice_is_refused_and_a_right_one_passes() -> None:
    assert "dwa razy: „powiat”" in (
        header_problem(["rok", "województwo", "powiat", "nazwa powiatu", "zawód", "prognoza"]) or ""
    )
    assert header_problem(["ROK", "Wojewodztwo", " Powiat ", "Nazwa zawodu", "Prognoza"]) is None


def test_malformed_rows_are_rejected_with_their_line_and_reason_the_rest_kept() -> None:
    text = (
        "rok;województwo;powiat;zawód;prognoza\n"
        "2026;lubuskie;żarski;spawacze;deficyt\n"
        "26;lubuskie;żarski;kucharze;deficyt\n"
        "2026;lubuskie;poznański;kucharze;deficyt\n"
        "2026;lubuskie;żarski;;deficyt\n"
        "2026;lubuskie;żarski;kucharze;brak danych\n"
        "2026;;żarski;kucharze;deficyt\n"
        "2026;lubuskie;Żarski;Spawacze;równowaga\n"
        "2026;lubuskie;żarski;piekarze;równowaga\n"
        "2026;lubuskie;;piekarze;równowaga\n"
    )
    read = read_barometer(text.encode("utf-8"), "b.csv")
    assert [(r.line, r.occupation) for r in read.rows] == [(2, "spawacze"), (9, "piekarze")]
    reasons = {r.line: r.reason for r in read.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 10]
    assert "rok „26”" in reasons[3]
    assert "nieznany powiat województwa lubuskiego: „poznański”" in reasons[4]
    assert reasons[5] == "brak nazwy zawodu"
    assert "prognoza „brak danych”" in reasons[6]
    assert reasons[7] == "brak województwa"
    assert "już w wierszu 2" in reasons[8]
    assert reasons[10].startswith("brak powiatu")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "pusty"),
        (b"%PDF-1.7 ...", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "XLS"),
    ],
)
def test_an_unreadable_file_is_refused_whole(data: bytes, says: str) -> None:
    with pytest.raises(BarometerFileError, match=says):
        read_barometer(data, "b.csv")


def test_the_barometers_words_for_its_forecast() -> None:
    assert [forecast_of(w) for w in ("Deficyt", "duży deficyt", "DEFICYTOWY")] == [SHORTAGE] * 3
    assert [forecast_of(w) for w in ("równowaga", "Zawód zrównoważony")] == [BALANCE] * 2
    assert [forecast_of(w) for w in ("nadwyżka", "Duża nadwyżka")] == [SURPLUS] * 2
    assert forecast_of("brak danych") is None and forecast_of("") is None


def test_powiats_named_as_the_barometer_names_them() -> None:
    assert powiat_teryt("żarski") == powiat_teryt("Powiat Żarski") == "0811"
    assert powiat_teryt("strzelecko-drezdenecki") == "0806"
    assert powiat_teryt("Zielona Góra") == powiat_teryt("m. Zielona Góra") == "0862"
    assert powiat_teryt("miasto Gorzów Wielkopolski") == powiat_teryt("Gorzów Wlkp.") == "0861"
    assert powiat_teryt("0809") == powiat_teryt("809") == "0809"
    assert powiat_teryt("poznański") is None and powiat_teryt("1465") is None


def _field(code: str, word: str) -> Preparation:
    return Preparation("field", code, word)


def _qualification(code: str) -> Preparation:
    return Preparation("qualification", code)


TRUCKS = "kierowcy samochodów ciężarowych i ciągników siodłowych"
CARERS = "opiekunowie osoby starszej lub niepełnosprawnej"
TURNERS = "operatorzy obrabiarek skrawających"
NURSES_COURSE = "Kurs specjalistyczny dla pielęgniarek: szczepienia"
CASES = [
    ("Spawacze", "Kurs spawania metodą MAG 135", None, "0715", _field("0715", "spaw")),
    ("spawacze", "Tokarz CNC – kurs od podstaw", None, "0715", None),
    (TURNERS, "Tokarz CNC – kurs od podstaw", None, "0715", _field("0715", "cnc")),
    ("kucharze", "KKZ Przygotowanie dań", "HGT.02", "1013", _qualification("HGT.02")),
    ("kucharze", "Kurs baristy", None, "1013", None),
    ("ślusarze", "Kwalifikacyjny kurs zawodowy", "mec.08", None, _qualification("MEC.08")),
    (TRUCKS, "Prawo jazdy kat. C+E z kwalifikacją wstępną", None, "1041", _field("1041", "kat c")),
    ("kierowcy autobusów", "Prawo jazdy kat. C", None, "1041", None),
    ("pielęgniarki i położne", NURSES_COURSE, None, "0913", _field("0913", "pielegn")),
    (CARERS, "Opiekun medyczny", "MED.14", "0913", _qualification("MED.14")),
    ("magazynierzy", "Wózki widłowe z egzaminem UDT", None, "1041", _field("1041", "widlow")),
    ("fryzjerzy", "Stylizacja paznokci", None, "1012", None),
    ("monterzy instalacji budowlanych", "Montaż instalacji sanitarnych", None, "0732",
     _field("0732", "instalacj sanitar")),
    ("spawacze", "Bezpieczeństwo przy spawaniu", None, "0413", None),
]  # fmt: skip


@pytest.mark.parametrize(("occupation", "title", "code", "isced", "expected"), CASES)
def test_offers_prepare_for_occupations_through_qualifications_and_fields(
    occupation: str, title: str, code: str | None, isced: str | None, expected: Preparation | None
) -> None:
    mapping = mapping_for(occupation)
    assert mapping is not None
    assert preparation(mapping, title=title, qualification_code=code, isced_code=isced) == expected


def test_a_school_occupation_brings_its_qualification_codes() -> None:
    cooks = mapping_for("kucharze")
    accountants = mapping_for("księgowi")
    assert cooks is not None and accountants is not None
    assert cooks.qualifications == {"HGT.02"}  # kucharz's only, not technik żywienia's HGT.12
    # technik ekonomista's EKA.04, which the row does not name itself
    assert accountants.qualifications == {"EKA.04", "EKA.05", "EKA.07"}
    assert mapping_for("ekonomiści") is None


def test_the_declared_mapping_names_only_known_codes_fields_and_occupations() -> None:
    def column(name: str, key: str) -> set[str]:
        with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
            return {row[key] for row in csv.DictReader(handle)}

    codes = column("vocational_qualifications.csv", "code")
    fields = column("isced_f_2013.csv", "code")
    occupations = column("vocational_occupations.csv", "occupation")
    with Path(MAPPING_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(mappings()) >= 35
    for row in rows:
        assert row["basis"] and row["words"] and row["isced"], row["occupation"]
        assert set(filter(None, row["qualifications"].split("|"))) <= codes, row["occupation"]
        assert set(row["isced"].split("|")) <= fields, row["occupation"]
        assert set(filter(None, row["occupations"].split("|"))) <= occupations, row["occupation"]
