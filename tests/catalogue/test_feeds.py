"""Reading institutions' feed files (docs/feeds.md): bytes -> table -> RawOffers, no Scrapy."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from catalogue.feeds import FeedError, Limits, Provider, read_feed
from catalogue.feeds.files import read_table

NBSP = "\u00a0"
NADODRZE = Provider("Centrum Szkoleń „Nadodrze”", "https://www.nadodrze.example/", "Nowa Sól")


def csv_bytes(*lines: str, encoding: str = "cp1250", newline: str = "\r\n") -> bytes:
    return (newline.join(lines) + newline).encode(encoding)


def feed(data: bytes, **kwargs):
    return read_feed(data, source="feed-test", provider=NADODRZE, **kwargs)


def xlsx_bytes(rows: list[list[object]], extra_sheet: list[list[object]] | None = None) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    if extra_sheet is not None:
        other = book.create_sheet("Archiwum")
        for row in extra_sheet:
            other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- the file: format, encoding, separator, header -------------------------------------------


def test_a_polish_excel_csv_in_windows_1250_with_semicolons_is_read():
    data = csv_bytes(
        "id_oferty;tytul;url;cena;miejscowosc",
        f"K-10;Kurs operatora wózków jezdniowych;https://www.nadodrze.example/k10;1{NBSP}200,00 zł;"
        "Kożuchów",
    )
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test really holds Windows-1250 bytes

    table = read_table(data)
    (offer,) = feed(data).offers

    assert (table.format, table.encoding, table.delimiter) == ("csv", "windows-1250", ";")
    assert offer.title == "Kurs operatora wózków jezdniowych"
    assert offer.editions[0].price == f"1{NBSP}200,00 zł"  # as written: the normaliser reads it
    assert offer.editions[0].town == "Kożuchów"


def test_utf8_with_bom_and_commas_with_quoted_cells_is_read():
    data = csv_bytes(
        "id_oferty,tytul,url,opis",
        'E1,"Excel: formuły, tabele przestawne",https://szkolenia.example/e1,"Dwa dni; 16 h"',
        encoding="utf-8-sig",
        newline="\n",
    )
    table = read_table(data)
    (offer,) = feed(data).offers
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert offer.title == "Excel: formuły, tabele przestawne"
    assert offer.description == "Dwa dni; 16 h"


def test_excel_unicode_text_utf16_with_tabs_is_read():
    data = csv_bytes(
        "id_oferty\ttytul\turl", "Ż1\tŻeglarz jachtowy\thttps://x.example/z", encoding="utf-16"
    )
    (offer,) = feed(data).offers
    assert (offer.external_id, offer.title) == ("Ż1", "Żeglarz jachtowy")


def test_headers_match_whatever_their_case_diacritics_or_alias():
    data = csv_bytes(
        "ID;Nazwa;Link;Forma zajęć;Data rozpoczęcia;Cena brutto;Miasto;Liczba godz.",
        "7;Obsługa kas fiskalnych;https://x.example/kasy;online;14.12.2026;350 zł;;16",
    )
    (offer,) = feed(data).offers
    assert (offer.external_id, offer.title, offer.url) == (
        "7",
        "Obsługa kas fiskalnych",
        "https://x.example/kasy",
    )
    assert (offer.form, offer.duration_hours) == ("online", "16")
    (edition,) = offer.editions
    assert (edition.start, edition.price, edition.town, edition.form) == (
        "14.12.2026",
        "350 zł",
        None,
        "online",
    )


def test_title_rows_above_the_header_are_skipped_and_rows_keep_their_spreadsheet_numbers():
    data = csv_bytes(
        "Oferta kursów – stan na 2.03.2026;;",
        ";;",
        "id_oferty;tytul;url",
        "A;Kurs A;https://x.example/a",
        ";;",
        "B;;https://x.example/b",
    )
    result = feed(data)
    assert [o.external_id for o in result.offers] == ["A"]
    (bad,) = result.rejected
    assert bad.number == 6
    assert bad.reason.startswith("wiersz 6: brak tytułu")


def test_a_column_named_twice_makes_the_file_unreadable():
    data = csv_bytes("id_oferty;tytul;url;cena;koszt", "A;Kurs;https://x.example/a;100;120")
    with pytest.raises(FeedError, match="kolumna cena występuje w nagłówku dwa razy"):
        feed(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "plik jest pusty"),
        (b"\r\n\r\n", "plik jest pusty"),
        ("Nazwa kursu;Termin\r\nSpawanie;marzec\r\n".encode("cp1250"), "id_oferty, tytul, url"),
        ("id_oferty;tytul\r\nA;Kurs\r\n".encode("cp1250"), "brak wymaganych kolumn: url"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "XLS (Excel 97–2003)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ],
)
def test_a_file_that_is_no_feed_is_refused_whole_with_the_reason(data, expected):
    with pytest.raises(FeedError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        feed(data)


def test_an_html_page_instead_of_the_file_is_named_as_such():
    page = "<!DOCTYPE html>\n<html><head><title>Błąd 404 – nie znaleziono</title></head></html>"
    with pytest.raises(FeedError, match=r"serwer zwrócił stronę HTML .*Błąd 404 – nie znaleziono"):
        feed(page.encode("utf-8"), content_type="text/csv")


def test_a_truncated_or_fake_xlsx_is_refused():
    good = xlsx_bytes([["id_oferty", "tytul", "url"], ["A", "Kurs", "https://x.example/a"]])
    with pytest.raises(FeedError, match="uszkodzony lub niepełny"):
        feed(good[: len(good) // 2])
    with pytest.raises(FeedError, match="miał być arkuszem XLSX"):
        feed(b"id_oferty;tytul;url\r\n", name="https://x.example/oferta.xlsx")


def test_an_ods_spreadsheet_is_refused_with_a_hint():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(FeedError, match="ODS"):
        feed(buffer.getvalue())


def test_files_over_the_limits_are_refused():
    lines = ["id_oferty;tytul;url"] + [f"K{i};Kurs {i};https://x.example/{i}" for i in range(4)]
    data = csv_bytes(*lines)
    assert len(feed(data, limits=Limits(max_rows=4)).offers) == 4
    with pytest.raises(FeedError, match="więcej niż 3 wierszy"):
        feed(data, limits=Limits(max_rows=3))
    with pytest.raises(FeedError, match="za duży"):
        feed(data, limits=Limits(max_bytes=50))


def test_xlsx_reads_the_first_sheet_with_numbers_and_date_cells():
    data = xlsx_bytes(
        [
            ["Harmonogram szkoleń – stan na 23.11.2026"],
            ["ID", "Nazwa", "Link", "Data rozpoczęcia", "Zapisy do", "Cena brutto", "Miejsca"],
            [
                1006,
                "Operator drona",
                "https://x.example/dron",
                date(2027, 3, 6),
                datetime(2027, 2, 26, 15, 30),
                1450.5,
                8.0,
            ],
            [1007, "RODO w małej firmie", "https://x.example/rodo", None, None, 149, None],
        ],
        extra_sheet=[["id_oferty", "tytul", "url"], ["OLD", "Archiwalny", "https://x.example/o"]],
    )
    result = feed(data)
    assert [o.external_id for o in result.offers] == ["1006", "1007"]
    drone, rodo = (o.editions[0] for o in result.offers)
    assert (drone.start, drone.enrolment_end, drone.price, drone.seats) == (
        "2027-03-06",
        "2027-02-26",
        1450.5,
        8,
    )
    assert (rodo.start, rodo.price) == (None, 149)


# --- rows -> offers ---------------------------------------------------------------------------

HEADER = (
    "id_oferty;id_terminu;tytul;opis;url;forma;data_rozpoczecia;data_zakonczenia;cena;miejscowosc"
)


def test_rows_sharing_an_id_are_one_offer_with_one_edition_per_row():
    data = csv_bytes(
        HEADER,
        "KKZ-01;NS;KKZ ELE.02 Montaż instalacji;Zajęcia zaoczne;https://x.example/ele;stacjonarna;"
        "01.02.2027;30.01.2028;bezpłatny;Nowa Sól",
        "KKZ-01;ZG;;;;stacjonarna;08.02.2027;06.02.2028;bezpłatny;Zielona Góra",
        "K-13;;Excel w pracy biurowej;;https://x.example/excel;online;11.01.2027;15.01.2027;"
        "480,00 zł;",
        "K-13;;Excel w pracy biurowej;;https://x.example/excel;stacjonarna;2027-02-15;2027-02-19;"
        "520,00 zł;Nowa Sól",
    )
    result = feed(data)
    assert result.rejected == []
    kkz, excel = result.offers
    assert (kkz.title, kkz.description) == ("KKZ ELE.02 Montaż instalacji", "Zajęcia zaoczne")
    assert [(e.external_id, e.town, e.start) for e in kkz.editions] == [
        ("NS", "Nowa Sól", "01.02.2027"),
        ("ZG", "Zielona Góra", "08.02.2027"),
    ]
    assert excel.form == "online"  # the offer's form comes from its first row
    assert [(e.form, e.price) for e in excel.editions] == [
        ("online", "480,00 zł"),
        ("stacjonarna", "520,00 zł"),
    ]


def test_the_first_row_wins_and_a_later_different_value_is_kept_for_a_person_to_check():
    data = csv_bytes(
        HEADER,
        "K-1;;Spawanie MAG;Kurs podstawowy;https://x.example/mag;;18.01.2027;;;",
        "K-1;;spawanie  MAG;Kurs podstawowy z egzaminem;https://x.example/mag;;08.03.2027;;;",
    )
    (offer,) = feed(data).offers
    assert offer.description == "Kurs podstawowy"
    assert offer.extras["rozbiezne_pola"] == {"opis": ["Kurs podstawowy z egzaminem"]}
    assert len(offer.editions) == 2  # a title differing only in case and spaces is the same


def test_a_later_row_with_another_title_is_refused():
    data = csv_bytes(
        HEADER,
        "K-1;;Spawanie MAG;;https://x.example/mag;;18.01.2027;;;",
        "K-1;;Spawanie TIG;;https://x.example/tig;;08.03.2027;;;",
    )
    result = feed(data)
    assert [len(o.editions) for o in result.offers] == [1]
    (bad,) = result.rejected
    assert bad.reason == (
        "wiersz 3: id_oferty K-1 ma w wierszu 2 inny tytuł („Spawanie MAG”); "
        "jeden identyfikator to jedna oferta"
    )
    assert (bad.offer_id, bad.cells["tytul"]) == ("K-1", "Spawanie TIG")


def test_a_repeated_edition_is_refused_as_a_duplicate():
    data = csv_bytes(
        HEADER,
        "K-1;T1;Kurs;;https://x.example/k;;18.01.2027;;100 zł;Nowa Sól",
        "K-1;T1;Kurs;;https://x.example/k;;25.01.2027;;100 zł;Nowa Sól",
        "K-1;;Kurs;;https://x.example/k;;01.03.2027;;100 zł;Nowa Sól",
        "K-1;;Kurs;;https://x.example/k;;01.03.2027;;100 zł;Nowa Sól",
    )
    result = feed(data)
    assert len(result.offers[0].editions) == 2
    assert [b.reason for b in result.rejected] == [
        "wiersz 3: id_terminu T1 występuje już w wierszu 2",
        "wiersz 5: ten sam termin co w wierszu 4",
    ]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "K-17;;Stylizacja paznokci;;https://x.example/p;;31.02.2027;05.03.2027;;",
            "wiersz 3: niepoprawna data w kolumnie data_rozpoczecia: „31.02.2027” "
            "(oczekiwano RRRR-MM-DD lub DD.MM.RRRR)",
        ),
        (
            "K-17;;Stylizacja paznokci;;https://x.example/p;;marzec 2027;;;",
            "wiersz 3: niepoprawna data w kolumnie data_rozpoczecia: „marzec 2027”",
        ),
        (
            "K-17;;Stylizacja paznokci;;https://x.example/p;;15.03.2027;01.03.2027;;",
            "wiersz 3: data zakończenia (01.03.2027) jest wcześniejsza niż data rozpoczęcia "
            "(15.03.2027)",
        ),
        (
            "K-17;;Stylizacja paznokci;;www.x.example/p;;15.03.2027;;;",
            "wiersz 3: niepoprawny adres w kolumnie url: „www.x.example/p”",
        ),
        (";;Stylizacja paznokci;;https://x.example/p;;;;;", "wiersz 3: brak identyfikatora"),
        ("K-17;;Stylizacja paznokci;;;;15.03.2027;;;", "wiersz 3: brak adresu strony oferty"),
    ],
)
def test_a_bad_row_is_refused_with_its_number_and_the_rest_is_stored(row, reason):
    data = csv_bytes(HEADER, "K-1;;Kurs dobry;;https://x.example/k;;18.01.2027;;;", row)
    result = feed(data)
    assert [o.external_id for o in result.offers] == ["K-1"]
    (bad,) = result.rejected
    assert bad.number == 3
    assert bad.reason.startswith(reason)


def test_a_row_after_a_refused_first_row_says_why_it_lacks_a_title():
    data = csv_bytes(
        HEADER,
        "K-17;;Stylizacja paznokci;;https://x.example/p;;31.02.2027;;;",
        "K-17;;;;;;15.03.2027;;;",
    )
    result = feed(data)
    assert result.offers == []
    assert result.rejected[1].reason == (
        "wiersz 3: brak tytułu oferty (kolumna tytul) (pierwszy wiersz tej oferty, nr 2, odrzucono)"
    )


def test_the_provider_comes_from_the_file_when_a_row_names_an_organiser():
    data = csv_bytes(
        "id_oferty;tytul;url;organizator",
        "W-1;Walidacja: trener;https://x.example/w;Stowarzyszenie Edukatorów Lubuskich",
        "W-2;Warsztaty cyfrowe;https://x.example/c;",
    )
    partner, own = feed(data).offers
    assert (partner.provider_name, partner.provider_url, partner.provider_town) == (
        "Stowarzyszenie Edukatorów Lubuskich",
        None,
        None,
    )
    assert (own.provider_name, own.provider_url, own.provider_town) == (
        NADODRZE.name,
        NADODRZE.url,
        NADODRZE.town,
    )


def test_unknown_columns_of_the_first_row_are_kept_in_extras():
    data = csv_bytes(
        "id_oferty;tytul;url;Uwagi;Prowadzący",
        "K-10;Wózki jezdniowe;https://x.example/w;cena zawiera egzamin UDT;",
        "K-10;;;filia;inż. Nowak",
    )
    (offer,) = feed(data).offers
    assert offer.extras == {"inne_kolumny": {"Uwagi": "cena zawiera egzamin UDT"}}
    assert offer.editions == []  # rows without dates, place, price or seats are no editions
