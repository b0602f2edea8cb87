"""The upload check on real files: CSV (BOM, semicolons, Windows-1250), XLSX written by
openpyxl, hostile cells, files over the limits; the problems file and the template."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from catalogue.feeds.files import Limits
from catalogue.offer_fields import check_offer
from catalogue.uploads import (
    CODES_COLUMN,
    MESSAGES_COLUMN,
    UPLOAD_MAX_BYTES,
    UploadUnreadable,
    check_file,
    problems_csv,
    problems_xlsx,
    read_upload,
    template_xlsx,
)

TODAY = date(2026, 12, 7)
HEADER = (
    "id_oferty;tytul;url;kod_kwalifikacji;id_terminu;data_rozpoczecia;data_zakonczenia;"
    "koniec_zapisow;miejscowosc;cena;liczba_miejsc"
)
GOOD = (
    "NS-KKZ-01;Kwalifikacyjny kurs zawodowy ELE.02;https://www.szkola.pl/kkz/ele-02;ELE.02;"
    "A;01.02.2027;30.01.2028;;Nowa Sól;bezpłatny;24"
)
SECOND_EDITION = "NS-KKZ-01;;;;B;08.02.2027;06.02.2028;;Zielona Góra;bezpłatny;20"


def _csv(*rows: str, bom: bool = True, encoding: str = "utf-8") -> bytes:
    body = "\r\n".join((HEADER, *rows)) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + body.encode(encoding)


def _codes(result, row):
    return {(p.code, p.severity) for p in result.problems if p.row == row}


def test_a_good_csv_with_a_bom_and_semicolons_has_no_problems_and_one_offer_to_publish():
    result = check_file(read_upload(_csv(GOOD, SECOND_EDITION), "oferta.csv"), TODAY)
    assert result.problems == []
    [offer] = result.publishable()
    assert offer.external_id == "NS-KKZ-01" and offer.edition_rows == [2, 3]
    assert offer.fields.title == "Kwalifikacyjny kurs zawodowy ELE.02"
    assert [e.town for e in offer.fields.editions] == ["Nowa Sól", "Zielona Góra"]


def test_a_windows_1250_file_from_polish_excel_reads_its_letters():
    upload = read_upload(_csv(GOOD, bom=False, encoding="cp1250"), "oferta.csv")
    assert upload.rows[0].values["miejscowosc"] == "Nowa Sól"


def test_every_problem_of_a_row_is_listed_with_its_column_code_and_both_languages():
    bad = (
        "K-2;Kurs spawania;https://www.szkola.pl/spawanie;XYZ.99;;10.03.2027;01.03.2027;;"
        "Xyzów Wielki;do uzgodnienia;12"
    )
    result = check_file(read_upload(_csv(GOOD, bad), "oferta.csv"), TODAY)
    found = {(p.column, p.code) for p in result.problems}
    assert found == {
        ("kod_kwalifikacji", "unknown_qualification"),
        ("data_zakonczenia", "end_before_start"),
        ("miejscowosc", "unknown_place"),
        ("cena", "bad_price"),
    }
    assert all(p.row == 3 and p.message and p.message_en for p in result.problems)
    place = next(p for p in result.problems if p.code == "unknown_place")
    assert "Xyzów Wielki" in place.message and "Xyzów Wielki" in place.message_en
    assert [o.external_id for o in result.publishable()] == ["NS-KKZ-01"]


def test_the_upload_gives_the_codes_the_form_and_the_api_give_for_the_same_offer():
    bad = "K-3;Kurs;javascript:alert(1);ABC;;31.02.2027;;;Berlin;-5;0"
    result = check_file(read_upload(_csv(bad), "oferta.csv"), TODAY)
    [offer] = result.offers
    same = check_offer(offer.fields, today=TODAY).problems
    assert {(p.code, p.column, p.severity) for p in result.problems} == {
        (p.code, p.column, p.severity) for p in same
    }
    assert {"bad_url", "bad_date"} <= {p.code for p in result.problems}


def test_a_problem_of_a_later_edition_is_put_at_its_own_row():
    later = "NS-KKZ-01;;;;B;08.02.2027;06.02.2027;;Zielona Góra;bezpłatny;20"
    result = check_file(read_upload(_csv(GOOD, later), "oferta.csv"), TODAY)
    assert _codes(result, 2) == set()
    assert _codes(result, 3) == {("end_before_start", "error")}
    assert result.publishable() == []  # one bad edition holds its offer back


def test_a_start_in_the_past_is_a_warning_and_the_offer_is_still_published():
    running = "P-2;Kurs B;https://a.pl/2;;;01.11.2026;30.06.2027;;;;"
    result = check_file(read_upload(_csv(running), "oferta.csv"), TODAY)
    assert _codes(result, 2) == {("date_in_past", "warning")}
    assert [o.external_id for o in result.publishable()] == ["P-2"]


def test_rows_together_a_reused_id_a_repeated_edition_a_missing_title_and_id():
    rows = (
        GOOD,
        SECOND_EDITION,
        SECOND_EDITION,  # the same id_terminu again
        "NS-KKZ-01;Zupełnie inny kurs;https://a.pl/x;;C;01.03.2027;;;;;",  # id of another offer
        "X-9;;https://a.pl/9;;;;;;;;",  # no title in the offer's first row
        ";Bez identyfikatora;https://a.pl/0;;;;;;;;",
    )
    result = check_file(read_upload(_csv(*rows), "oferta.csv"), TODAY)
    assert _codes(result, 4) == {("duplicate_edition", "error")}
    assert _codes(result, 5) == {("duplicate_id", "error")}
    assert _codes(result, 6) == {("missing_title", "error")}
    assert _codes(result, 7) == {("bad_external_id", "error")}
    assert result.publishable() == []


def test_an_xlsx_written_by_openpyxl_with_date_cells_is_checked():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Oferta kursów – stan na 7.12.2026"])
    sheet.append(["Identyfikator", "Nazwa oferty", "Link", "Data rozpoczęcia", "Cena"])
    sheet.append(["X-1", "Kurs Excel", "https://a.pl/excel", date(2027, 1, 10), 350])
    sheet.append(["X-2", "Kurs Word", "https://a.pl/word", date(2026, 1, 10), "=1+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = check_file(read_upload(buffer.getvalue(), "oferta.xlsx"), TODAY)
    assert result.file.format == "xlsx"
    assert _codes(result, 3) == set()
    assert ("date_in_past", "warning") in _codes(result, 4)
    assert result.offers[0].fields.editions[0].start == date(2027, 1, 10)  # a date, not text


def test_the_problems_file_neutralises_hostile_cells_and_reads_back_as_the_same_rows():
    hostile = (
        'H-1;"=HYPERLINK(""http://evil.example"";""kliknij"")";https://a.pl/h;;;10.03.2027;'
        "01.03.2027;;@SUM(A1);+48 123;-5"
    )
    result = check_file(read_upload(_csv(GOOD, hostile), "oferta.csv"), TODAY)
    data = problems_csv(result)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-2:] == [CODES_COLUMN, MESSAGES_COLUMN]
    assert len(rows) == 2  # the header and the one row with problems
    cells = rows[1]
    assert cells[1] == '\'=HYPERLINK("http://evil.example";"kliknij")'
    assert cells[8] == "'@SUM(A1)" and cells[9] == "'+48 123" and cells[10] == "-5"
    assert "end_before_start" in cells[-2] and "wiersz 3:" in cells[-1]
    # Corrected and uploaded again, the added columns are ignored and the apostrophes removed.
    again = read_upload(data, "problemy.csv")
    assert again.header == HEADER.split(";")
    assert again.rows[0].values["tytul"] == '=HYPERLINK("http://evil.example";"kliknij")'

    book = openpyxl.load_workbook(io.BytesIO(problems_xlsx(result, "en")))
    values = list(book.active.iter_rows(values_only=True))
    assert values[1][1].startswith("'=HYPERLINK") and values[1][8] == "'@SUM(A1)"
    assert "before the start date" in values[1][-1]


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message():
    data = _csv(GOOD) + b"#" * UPLOAD_MAX_BYTES
    with pytest.raises(UploadUnreadable) as caught:
        read_upload(data, "duzy.csv")
    assert caught.value.problem.code == "file_too_large"
    assert "5 MB" in caught.value.problem.message and "5 MB" in caught.value.problem.message_en


def test_a_file_over_the_row_limit_is_refused_with_a_clear_message():
    rows = [f"R-{i};Kurs {i};https://a.pl/{i};;;;;;;;" for i in range(12)]
    with pytest.raises(UploadUnreadable) as caught:
        read_upload(_csv(*rows), "duzo.csv", Limits(max_rows=10))
    assert caught.value.problem.code == "too_many_rows"
    assert "10" in caught.value.problem.message


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file_unreadable"),
        (b"<!doctype html><html><title>Logowanie</title></html>", "file_unreadable"),
        (b"PK\x03\x04broken", "file_unreadable"),
        (b"nazwa;cena\nKurs;100\n", "missing_column"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_problem_of_the_whole_file(data, code):
    with pytest.raises(UploadUnreadable) as caught:
        read_upload(data, "plik.csv")
    assert caught.value.problem.code == code and caught.value.problem.row == 0


def test_the_template_reads_back_as_one_offer_with_two_editions_and_no_problems():
    data = template_xlsx(TODAY)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Oferty", "Kolumny"]
    assert [c.value for c in book["Oferty"][2]][:3] == ["id_oferty", "tytul", "url"]
    result = check_file(read_upload(data, "szablon.xlsx"), TODAY)
    assert result.problems == []
    assert [o.external_id for o in result.publishable()] == ["KURS-001"]
