"""The panel's upload (`/panel/import`) in the real app over a real SQLite file: a member uploads
a file with two bad rows, sees every problem, downloads them, publishes the rest once; another
institution's upload answers 404; a form without its token changes nothing."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import openpyxl
from sqlmodel import Session, select
from starlette.responses import Response

from catalogue.accounts import Upload
from catalogue.models import Offer, OfferStatus
from catalogue.uploads import UPLOAD_MAX_BYTES
from tests.web import test_panel_feeds
from tests.web.test_panel_feeds import Member, Site

HEADER = "id_oferty;tytul;url;id_terminu;data_rozpoczecia;data_zakonczenia;miejscowosc;cena"
GOOD = [
    "K-1;Kurs spawania MAG;https://szkola.example.pl/mag;A;2030-03-01;2030-04-30;Żary;1200",
    "K-1;;;B;2030-05-01;2030-06-30;Zielona Góra;1200",
    "K-2;Kurs obsługi wózków;https://szkola.example.pl/udt;;2030-03-10;2030-03-20;Nowa Sól;900",
]
BAD = [
    "K-3;Kurs księgowości;https://szkola.example.pl/ksi;;2030-05-10;2030-03-01;Gorzów;1500",
    'K-4;"=HYPERLINK(""http://evil.example"";""x"")";https://szkola.example.pl/x;;2030-01-01;'
    "2030-02-01;Xyzów Wielki;dużo",
]


def csv_file(*rows: str) -> bytes:
    return ("\ufeff" + "\r\n".join((HEADER, *rows)) + "\r\n").encode()


site = test_panel_feeds.site  # the fixture: the app, members of institutions A and B


def upload(member: Member, data: bytes, name: str = "oferta.csv") -> Response:
    return member.client.post(
        "/panel/import", data={"csrf_token": member.csrf}, files={"plik": (name, data, "text/csv")}
    )


def offers(site: Site) -> dict[str, OfferStatus]:
    with Session(site.engine) as db:
        return {o.external_id: o.status for o in db.exec(select(Offer))}


def upload_id(answer: Response) -> int:
    assert answer.status_code == 303, answer.text
    found = re.fullmatch(r"/panel/import/(\d+)", answer.headers["location"])
    assert found, answer.headers["location"]
    return int(found.group(1))


def test_the_upload_form_is_labelled_and_links_the_template(site: Site) -> None:
    page = site.a.client.get("/panel/import")
    assert page.status_code == 200
    assert '<label for="upload-file">Plik z ofertami (CSV lub XLSX)</label>' in page.text
    assert 'enctype="multipart/form-data"' in page.text
    assert 'aria-describedby="upload-file-hint"' in page.text and "5 MB" in page.text
    assert 'href="/panel/import/szablon.xlsx"' in page.text
    template = site.a.client.get("/panel/import/szablon.xlsx")
    assert template.status_code == 200 and template.content.startswith(b"PK\x03\x04")
    assert "attachment" in template.headers["content-disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(template.content))["Oferty"]
    assert [c.value for c in sheet[2]][:3] == ["id_oferty", "tytul", "url"]


def test_anonymous_is_sent_to_sign_in_and_a_post_without_its_token_keeps_nothing(
    site: Site,
) -> None:
    answer = site.anonymous.get("/panel/import")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/logowanie?next=%2Fpanel%2Fimport"
    refused = site.a.client.post("/panel/import", files={"plik": ("a.csv", csv_file(*GOOD))})
    assert refused.status_code == 403
    with Session(site.engine) as db:
        assert db.exec(select(Upload)).all() == []


def test_a_file_with_two_bad_rows_is_checked_downloaded_and_the_rest_published_once(
    site: Site,
) -> None:
    uploaded = upload_id(upload(site.a, csv_file(*GOOD, *BAD)))
    assert offers(site) == {}  # nothing is published before the institution confirms

    page = site.a.client.get(f"/panel/import/{uploaded}")
    assert page.status_code == 200
    assert "Wiersze: 5, oferty: 4. Błędy: 3," in page.text
    assert "end_before_start" in page.text and "unknown_place" in page.text
    assert "Opublikuj oferty bez błędów (2)" in page.text
    english = site.a.client.get(f"/panel/import/{uploaded}?lang=en")
    assert "The end date is before the start date." in english.text

    problems = site.a.client.get(f"/panel/import/{uploaded}/problemy.csv")
    assert problems.status_code == 200 and "attachment" in problems.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(problems.content.decode("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["K-3", "K-4"]
    assert rows[2][1] == '\'=HYPERLINK("http://evil.example";"x")'  # neutralised
    xlsx = site.a.client.get(f"/panel/import/{uploaded}/problemy.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["K-3", "K-4"]

    published = site.a.post(f"/panel/import/{uploaded}/publikuj")
    assert published.status_code == 303
    assert published.headers["location"].startswith(f"/panel/import/{uploaded}?zrobiono=")
    assert set(offers(site)) == {"K-1", "K-2"}
    done = site.a.client.get(published.headers["location"])
    assert "Oferty z pliku zostały zapisane." in done.text
    assert "Opublikuj oferty" not in done.text  # no second button

    again = site.a.post(f"/panel/import/{uploaded}/publikuj")  # a double click
    assert again.status_code == 303 and again.headers["location"] == f"/panel/import/{uploaded}"


def test_another_institutions_upload_is_not_found(site: Site) -> None:
    uploaded = upload_id(upload(site.a, csv_file(*GOOD)))
    for path in ("", "/problemy.csv", "/problemy.xlsx"):
        assert site.b.client.get(f"/panel/import/{uploaded}{path}").status_code == 404
    assert site.b.post(f"/panel/import/{uploaded}/publikuj").status_code == 404
    assert site.b.post(f"/panel/import/{uploaded}/odrzuc").status_code == 404
    assert "oferta.csv" not in site.b.client.get("/panel/import").text
    assert offers(site) == {}


def test_a_file_too_large_or_unreadable_is_said_with_nothing_to_publish(site: Site) -> None:
    large = upload_id(upload(site.a, csv_file(*GOOD) + b" " * UPLOAD_MAX_BYTES))
    page = site.a.client.get(f"/panel/import/{large}")
    assert 'role="alert"' in page.text and "Plik jest za duży" in page.text
    assert "Opublikuj" not in page.text
    html = upload_id(upload(site.a, b"<!doctype html><html></html>", "oferta.xlsx"))
    page = site.a.client.get(f"/panel/import/{html}")
    assert "Nie można odczytać pliku" in page.text
    assert site.a.post(f"/panel/import/{html}/publikuj").status_code == 303
    assert offers(site) == {}


def test_a_discarded_upload_publishes_nothing(site: Site) -> None:
    uploaded = upload_id(upload(site.a, csv_file(*GOOD)))
    answer = site.a.post(f"/panel/import/{uploaded}/odrzuc")
    assert answer.headers["location"] == "/panel/import?zrobiono=odrzucono"
    assert site.a.post(f"/panel/import/{uploaded}/publikuj").status_code == 303
    assert offers(site) == {}
    assert "odrzucony" in site.a.client.get("/panel/import").text


def test_a_form_sent_without_a_file_says_so_at_the_field(site: Site) -> None:
    answer = site.a.post("/panel/import")
    assert answer.status_code == 422
    assert 'id="upload-file-error"' in answer.text and "Wybierz plik CSV lub XLSX" in answer.text
    assert 'aria-describedby="upload-file-hint upload-file-error"' in answer.text
    assert 'aria-invalid="true"' in answer.text
    with Session(site.engine) as db:
        assert db.exec(select(Upload)).all() == []


def test_an_xlsx_with_a_hostile_file_name_is_checked_and_its_name_shown_as_text(
    site: Site,
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["id_oferty", "tytul", "url", "data_rozpoczecia", "miejscowosc"])
    book.active.append(["X-1", "Kurs Excela", "https://a.example.pl/x", date(2030, 3, 1), "Żary"])
    buffer = io.BytesIO()
    book.save(buffer)
    name = '<img src=x onerror="alert(1)">.xlsx'
    uploaded = upload_id(upload(site.a, buffer.getvalue(), name))
    page = site.a.client.get(f"/panel/import/{uploaded}")
    assert "<img src=x" not in page.text and "&lt;img src=x" in page.text
    assert "Wiersze: 1, oferty: 1. Błędy: 0, ostrzeżenia: 0." in page.text
    assert "Opublikuj oferty bez błędów (1)" in page.text
