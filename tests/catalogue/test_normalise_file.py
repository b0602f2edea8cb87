import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from catalogue.feeds.errors import FeedError
from catalogue.normalise_file import normalise_records, write_records
from catalogue.spreadsheets import safe_cell

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 1, 15)


def _by_row(records):
    return {r["wiersz"]: r for r in records}


def test_a_hand_written_semicolon_csv_with_polish_headers_is_normalised():
    records, summary = normalise_records((DATA / "oferty_recznie.csv").read_bytes(), today=TODAY)
    rows = _by_row(records)
    florist = rows[2]
    assert (florist["rodzaj"], florist["kwalifikacja"], florist["prk"]) == ("kkz", "OGR.01", 3)
    assert florist["isced_szczegolowa"] == "0214" and "OGR.01" in florist["isced_uzasadnienie"]
    assert (florist["gmina_teryt"], florist["powiat_teryt"]) == ("0861011", "0861")
    assert florist["cena_zl"] == "0.00" and florist["data_rozpoczecia"] == "2026-03-02"
    assert rows[3]["isced_szczegolowa"] == "0913" and rows[3]["powiat"] == "Zielona Góra"
    assert rows[4]["rodzaj"] == "postgraduate"
    assert rows[4]["cena_zl"] == "4200.00" and rows[4]["gmina_teryt"] == "0861011"
    assert rows[5]["powiat"] == "powiat żarski" and "w Żarach" in rows[5]["miejsce_uzasadnienie"]
    assert rows[6]["online"] == "tak" and rows[6]["gmina_teryt"] is None
    assert "poza województwem lubuskim" in rows[8]["miejsce_uzasadnienie"]
    assert (summary.rows, summary.normalised, summary.errors) == (7, 6, 1)


def test_a_row_without_a_title_is_written_with_its_error():
    records, _ = normalise_records((DATA / "oferty_recznie.csv").read_bytes(), today=TODAY)
    bad = _by_row(records)[7]
    assert "title" in bad["blad"] and "rodzaj" not in bad


def test_a_windows_1250_csv_reads_like_utf8():
    utf8 = (DATA / "oferty_recznie.csv").read_bytes()
    cp1250 = utf8.decode("utf-8").encode("cp1250")
    assert normalise_records(cp1250, today=TODAY)[0] == normalise_records(utf8, today=TODAY)[0]


def test_a_comma_csv_with_english_headers():
    data = "title,provider,town,kind,start,price\nKurs spawania MAG,ZDZ,Zary,kurs,2026-05-11,2500\n"
    (record,), _ = normalise_records(data.encode(), today=TODAY)
    assert record["gmina_teryt"] == "0811021" and record["isced_szeroka"] == "07"


def test_a_csv_without_a_title_column_is_refused():
    with pytest.raises(FeedError):
        normalise_records("miasto;cena\nŻary;100\n".encode(), today=TODAY)


def test_json_lines_with_english_and_polish_names_and_a_broken_line():
    records, summary = normalise_records((DATA / "oferty.jsonl").read_bytes(), "oferty.jsonl")
    rows = _by_row(records)
    assert rows[1]["gmina"] == "Nowa Sól (gmina miejska)"
    assert (
        rows[2]["prk"] == 7 and rows[2]["online"] == "tak" and rows[2]["gmina_teryt"] == "0862011"
    )
    assert rows[3]["gmina_teryt"] == "0801011" and rows[3]["cena_zl"] == "0.00"
    assert "niepoprawny JSON" in rows[4]["blad"]
    assert (summary.rows, summary.normalised, summary.errors) == (4, 3, 1)


def test_output_is_csv_or_json_lines():
    records, _ = normalise_records((DATA / "oferty.jsonl").read_bytes(), "oferty.jsonl")
    table = list(csv.DictReader(io.StringIO(write_records(records, "csv"))))
    assert len(table) == 4 and table[0]["gmina_teryt"] == "0804011"
    lines = write_records(records, "jsonl").splitlines()
    assert json.loads(lines[1])["isced_waska"] == "041"


def test_the_command_line_prints_csv_and_a_summary():
    lll = Path(sys.executable).parent / "lll"
    done = subprocess.run(
        [str(lll), "normalise", str(DATA / "oferty_recznie.csv")],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["wiersz"] for r in table] == ["2", "3", "4", "5", "6", "7", "8"]
    assert table[3]["gmina_teryt"] == "0811021"
    assert "wiersze: 7, znormalizowane: 6, błędy: 1" in done.stderr


def test_the_command_line_writes_json_lines_to_a_file(tmp_path):
    lll = Path(sys.executable).parent / "lll"
    out = tmp_path / "wynik.jsonl"
    subprocess.run(
        [str(lll), "normalise", str(DATA / "oferty.jsonl"), "--format", "jsonl", "-o", str(out)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["powiat_teryt"] == "0804"


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text(tmp_path):
    rows = [
        ["tytul", "organizator", "miejscowosc"],
        ['=HYPERLINK("http://evil.example";"kliknij")', "+48 123", "Żary"],
        ["@SUM(A1)", "-2+3", "Żary"],
        ["\tKurs", "\rZDZ", "Żary"],
        ["-5 dni", "-12,50", "Żary"],
    ]
    source = tmp_path / "wrogie.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    out = tmp_path / "wynik.csv"
    lll = Path(sys.executable).parent / "lll"
    subprocess.run(
        [str(lll), "normalise", str(source), "-o", str(out)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    titles = [r["tytul"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))]
    assert titles == [
        "'=HYPERLINK(\"http://evil.example\";\"kliknij\")", "'@SUM(A1)", "'\tKurs", "'-5 dni",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"), ("+48 123", "'+48 123"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("-12,50", "-12,50"), ("-5", "-5"), ("+3.5", "+3.5"),
        ("Kurs", "Kurs"), (12, 12), (None, None), ("", ""),
    ],
)  # fmt: skip
def test_a_cell_is_neutralised_only_when_it_could_start_a_formula(cell, written):
    assert safe_cell(cell) == written


def test_a_quote_left_open_is_reported_instead_of_rows_going_missing():
    lines = ["tytul;miejscowosc;cena"] + [f"Kurs {i};Żary;100" for i in range(1, 11)]
    lines[4] = '"Kurs 4;Żary;100'
    with pytest.raises(FeedError, match="wiersz 5, kolumna tytul: cudzysłów otwarty"):
        normalise_records("\n".join(lines).encode(), today=TODAY)
