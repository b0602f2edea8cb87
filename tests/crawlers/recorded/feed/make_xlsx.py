"""Writes warta-harmonogram.xlsx (and its truncated copy) as an institution's office exports it.

A title row above the header, headers in the institution's own words (aliases, capitals,
diacritics), ids and prices as numbers, dates as date cells, one offer run by a partner
organisation, and one row whose link lacks "https://".

    .venv/bin/python tests/crawlers/recorded/feed/make_xlsx.py
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SITE = "https://www.fundacja-warta.example/szkolenia"
HEADER = [
    "ID", "Nazwa", "Rodzaj", "Forma zajęć", "Liczba godzin", "Poziom PRK", "Język",
    "Data rozpoczęcia", "Data zakończenia", "Zapisy do", "Miasto", "Adres", "Cena brutto",
    "Miejsca", "Organizator", "Grupa docelowa", "Dofinansowanie", "Link",
]  # fmt: skip
ROWS = [
    [1001, "Warsztaty kompetencji cyfrowych dla seniorów", "warsztaty", "stacjonarna", 12, None,
     None, date(2027, 1, 12), date(2027, 1, 21), date(2027, 1, 8), "Gorzów Wlkp.",
     "ul. Sikorskiego 3", "bezpłatne", 15, None, "Osoby 60+", "Program „Cyfrowy Senior”",
     f"{SITE}/warsztaty-cyfrowe"],
    [1001, "Warsztaty kompetencji cyfrowych dla seniorów", "warsztaty", "stacjonarna", 12, None,
     None, date(2027, 3, 2), date(2027, 3, 11), date(2027, 2, 26), "Międzyrzecz",
     "ul. Rynek 1", "bezpłatne", 15, None, "Osoby 60+", "Program „Cyfrowy Senior”",
     f"{SITE}/warsztaty-cyfrowe"],
    [1002, "Kurs e-learningowy: RODO w małej firmie", "e-learning", "online", 8, None, None,
     None, None, None, None, None, 149, None, None, "Właściciele małych firm", None,
     f"{SITE}/rodo-e-learning"],
    [1003, "Język angielski w biznesie – poziom B1", "kurs", "hybrydowa", 60, None, "angielski",
     date(2027, 2, 1), date(2027, 6, 14), date(2027, 1, 25), "Gorzów Wlkp.",
     "ul. Sikorskiego 3", 1890, 10, None, None, None, f"{SITE}/angielski-b1"],
    [1004, "Szkolenie okresowe BHP dla pracowników administracyjno-biurowych", "szkolenie",
     "online", 8, None, None, datetime(2026, 12, 10, 9, 0), date(2026, 12, 10), None, None, None,
     120, 30, None, None, None, f"{SITE}/bhp-okresowe"],
    [1005, "Walidacja i certyfikacja: Prowadzenie szkoleń z wykorzystaniem metod aktywizujących",
     "walidacja", "stacjonarna", None, 5, None, date(2027, 4, 17), date(2027, 4, 17), None,
     "Gorzów Wlkp.", "ul. Sikorskiego 3", 950, 6, "Stowarzyszenie Edukatorów Lubuskich",
     "Trenerzy i edukatorzy dorosłych", None, f"{SITE}/walidacja-trener"],
    [1006, "Operator drona – kurs z egzaminem NSTS", "kurs", "stacjonarna", 24, None, None,
     date(2027, 3, 6), date(2027, 3, 7), None, "Gorzów Wlkp.", "ul. Sikorskiego 3", 1450.5,
     8, None, None, None, f"{SITE}/operator-drona"],
    [1006, "Operator drona – kurs z egzaminem NSTS", "kurs", "stacjonarna", 24, None, None,
     date(2027, 5, 8), date(2027, 5, 9), None, "Międzyrzecz", "ul. Rynek 1", 1450.5, 8, None,
     None, None, f"{SITE}/operator-drona"],
    [1007, "Excel od podstaw", "kurs", "stacjonarna", 20, None, None, date(2027, 2, 15),
     date(2027, 2, 26), None, "Gorzów Wlkp.", "ul. Sikorskiego 3", 690, 12, None, None, None,
     "www.fundacja-warta.example/szkolenia/excel"],
]  # fmt: skip


def build() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Harmonogram"
    sheet.append(["Harmonogram szkoleń Fundacji „Warta” – stan na 23.11.2026"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    date_columns = [i + 1 for i, name in enumerate(HEADER) if name.startswith(("Data", "Zapisy"))]
    for column in date_columns:
        for cells in sheet.iter_rows(min_row=3, min_col=column, max_col=column):
            cells[0].number_format = "DD.MM.YYYY"
    book.properties.creator = "Fundacja Warta"
    path = HERE / "warta-harmonogram.xlsx"
    book.save(path)
    return path.read_bytes()


def main() -> None:
    data = build()
    # A download cut short: the ZIP's central directory, at its end, is missing.
    (HERE / "warta-harmonogram-uciety.xlsx").write_bytes(data[: len(data) * 3 // 5])


if __name__ == "__main__":
    main()
