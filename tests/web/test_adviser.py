"""A career adviser's client shortlists through the pages: a
label that looks like personal data is refused; adding from an offer page and by number;
notes, order, outcomes; another adviser gets 404; the referral sheet's read-only link and QR
code (a new link replaces the old, an expired or forged one is 404 and not indexed); the
coordinator's counts show no label and no adviser."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from urllib.parse import urlsplit

import pytest
import segno
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import Session, col, select

from catalogue.accounts import Role
from catalogue.db import get_engine
from catalogue.models import Edition, Offer, OfferStatus
from catalogue.shortlists import Shortlist, ShortlistItem
from operations.accounts import create_staff_account
from tests.mail_support import post_form
from tests.web.web_support import Catalogue, html

pytestmark = pytest.mark.pages_not_database

PASSWORD = "hasło doradcy do testów stron"
_people = itertools.count(1)


@dataclass
class Person:
    client: TestClient
    email: str


def _person(app: FastAPI, catalogue: Catalogue, role: Role) -> Person:
    email = f"{role.value}-{next(_people)}@strony-doradcy.example.org"
    engine = get_engine(catalogue.database_url)
    with Session(engine) as db:
        create_staff_account(db, email, PASSWORD, role, name=f"Nazwisko {role.value}")
    engine.dispose()
    client = TestClient(app)
    signed_in = post_form(client, "/logowanie", {"email": email, "password": PASSWORD})
    assert signed_in.status_code == 303
    home = "/doradca" if role == Role.adviser else "/koordynator/instytucje"
    assert signed_in.headers["location"] == home  # where each lands after signing in
    return Person(client, email)


@pytest.fixture
def adviser(app: FastAPI, catalogue: Catalogue) -> Person:
    return _person(app, catalogue, Role.adviser)


@pytest.fixture
def other(app: FastAPI, catalogue: Catalogue) -> Person:
    return _person(app, catalogue, Role.adviser)


def _create(person: Person, label: str) -> int:
    made = post_form(person.client, "/doradca", {"label": label}, action="/doradca/listy")
    assert made.status_code == 303, made.text
    found = re.fullmatch(r"/doradca/listy/(\d+)\?zrobiono=created", made.headers["location"])
    assert found
    return int(found.group(1))


def _add(person: Person, shortlist: int, offer: int):
    page = f"/doradca/listy/{shortlist}"
    return post_form(person.client, page, {"shortlist": str(shortlist), "offer": str(offer)},
                     action="/doradca/dodaj")  # fmt: skip


def _change(person: Person, shortlist: int, item: int, **data: str):
    page = f"/doradca/listy/{shortlist}"
    return post_form(person.client, page, data, action=f"/doradca/pozycje/{item}")


def _items(person: Person, shortlist: int) -> list[tuple[int, str]]:
    page = html(person.client, f"/doradca/listy/{shortlist}")
    return [
        (int(li.attrib["id"].removeprefix("item-")), li.css("h3 a::text").get(""))
        for li in page.css("#shortlist-items > li")
    ]


@pytest.mark.parametrize(
    ("label", "says"),
    [
        ("90010112345", "PESEL"),
        ("jan.kowalski@example.com", "e-mail"),
        ("+48 600 700 800", "telefonu"),
        ("", "Wpisz numer sprawy"),
    ],
)
def test_a_label_like_personal_data_is_refused(adviser: Person, label: str, says: str) -> None:
    answer = post_form(adviser.client, "/doradca", {"label": label}, action="/doradca/listy")
    assert answer.status_code == 422
    page = html(adviser.client, "/doradca")
    assert says in answer.text and page.css("#adviser-empty")
    assert 'aria-invalid="true"' in answer.text


def test_an_adviser_builds_a_shortlist_from_offer_pages(
    adviser: Person, other: Person, client: TestClient, catalogue: Catalogue
) -> None:
    mag, eka = catalogue.ids["mag"], catalogue.ids["eka07"]
    shortlist = _create(adviser, "CAZ/2027/0042")
    assert "CAZ/2027/0042" in html(adviser.client, "/doradca").css("#adviser-lists").get("")
    # The offer page offers an adviser (and only an adviser) the client's shortlist.
    assert html(adviser.client, f"/oferty/{mag}").css("#adviser-add")
    assert not html(client, f"/oferty/{mag}").css("#adviser-add")
    assert not html(other.client, "/doradca").css("#adviser-lists")  # the other's is empty
    choose = html(adviser.client, f"/doradca/dodaj?oferta={mag}")
    assert choose.css(f"input[name=shortlist][value='{shortlist}']")
    assert _add(adviser, shortlist, mag).headers["location"].endswith("zrobiono=added")
    assert _add(adviser, shortlist, eka).status_code == 303
    assert _add(adviser, shortlist, mag).headers["location"].endswith("zrobiono=already")
    assert _add(adviser, shortlist, 999_999).status_code == 422
    items = _items(adviser, shortlist)
    assert [title for _, title in items] == [
        catalogue.offer("mag")["title"],
        catalogue.offer("eka07")["title"],
    ]
    (first, _), (second, _) = items
    assert _change(adviser, shortlist, second, action="up").status_code == 303
    assert _change(adviser, shortlist, second, action="note", note="od marca").status_code == 303
    assert _change(adviser, shortlist, second, action="note", note="x" * 301).status_code == 422
    answer = _change(adviser, shortlist, first, action="outcome", outcome="enrolled")
    assert answer.status_code == 303
    assert _change(adviser, shortlist, first, action="outcome", outcome="hired").status_code == 422
    page = html(adviser.client, f"/doradca/listy/{shortlist}")
    assert [int(li.attrib["id"][5:]) for li in page.css("#shortlist-items > li")] == [second, first]
    assert page.css(f"#note-{second}::text").get() == "od marca"
    assert "zapisał(a) się" in page.css(f"#outcome-{first}").get("")
    # Another adviser: the shortlist and its items do not exist.
    assert other.client.get(f"/doradca/listy/{shortlist}").status_code == 404
    assert other.client.get(f"/doradca/listy/{shortlist}/skierowanie").status_code == 404
    assert _add(other, shortlist, mag).status_code == 404
    own = _create(other, "Pseudonim Sowa")
    answer = post_form(other.client, f"/doradca/listy/{own}", {"action": "remove"},
                       action=f"/doradca/pozycje/{first}")  # fmt: skip
    assert answer.status_code == 404
    assert len(_items(adviser, shortlist)) == 2


def test_the_referral_sheet_links_a_read_only_copy_that_expires(
    adviser: Person, client: TestClient, catalogue: Catalogue
) -> None:
    shortlist = _create(adviser, "CAZ/2027/0077")
    _add(adviser, shortlist, catalogue.ids["mag"])
    sheet = html(adviser.client, f"/doradca/listy/{shortlist}/skierowanie")
    assert not sheet.css("#referral-qr") and sheet.css("#make-referral")
    page = f"/doradca/listy/{shortlist}"
    shared = post_form(adviser.client, page, {}, action=f"{page}/udostepnij")
    assert shared.status_code == 303
    sheet = html(adviser.client, shared.headers["location"])
    address = sheet.css("#referral-link::attr(href)").get("")
    assert re.fullmatch(r"https?://[^/]+/skierowanie/[\w-]{43}", address)
    assert sheet.css("#sheet-label::text").get() == "CAZ/2027/0077"
    # The QR code is inline SVG of that very address.
    svg = sheet.css("#referral-qr svg")
    assert svg and svg.attrib["role"] == "img" and svg.css("title::text").get()
    expected = segno.make(address, error="m").svg_inline(scale=3)
    assert re.search(r' d="([^"]+)"', expected).group(1) == svg.css("path::attr(d)").get()  # type: ignore[union-attr]
    path = urlsplit(address).path
    copy = client.get(path)
    assert copy.status_code == 200 and "noindex" in copy.headers["x-robots-tag"]
    assert catalogue.offer("mag")["title"] in copy.text
    assert "CAZ/2027/0077" not in copy.text  # the client's label stays with the adviser
    assert "<form" not in copy.text.split('id="main"', 1)[1]  # read only
    forged = client.get(path[:-2] + "xx")
    assert forged.status_code == 404 and "noindex" in forged.headers["x-robots-tag"]
    # A new link replaces the old one.
    again = post_form(adviser.client, page, {}, action=f"{page}/udostepnij")
    assert client.get(path).status_code == 404
    newer = again.headers["location"].split("k=", 1)[1]
    assert client.get(f"/skierowanie/{newer}").status_code == 200
    # And it expires.
    engine = get_engine(catalogue.database_url)
    with Session(engine) as db:
        row = db.exec(select(Shortlist).where(Shortlist.id == shortlist)).one()
        row.share_expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db.add(row)
        db.commit()
    engine.dispose()
    assert client.get(f"/skierowanie/{newer}").status_code == 404


def test_the_coordinator_sees_counts_without_labels_or_advisers(
    app: FastAPI, adviser: Person, catalogue: Catalogue
) -> None:
    coordinator = _person(app, catalogue, Role.coordinator)
    eka = catalogue.ids["eka07"]
    for label, outcome in [("CAZ/9/1", "completed"), ("CAZ/9/2", "dropped")]:
        shortlist = _create(adviser, label)
        _add(adviser, shortlist, eka)
        [(item, _)] = _items(adviser, shortlist)
        _change(adviser, shortlist, item, action="outcome", outcome=outcome)
    assert adviser.client.get("/koordynator/wyniki-skierowan").status_code == 403
    page = html(coordinator.client, "/koordynator/wyniki-skierowan")
    row = next(tr for tr in page.css("#outcome-counts tbody tr") if f"/oferty/{eka}" in tr.get())
    enrolled, completed, dropped = (int(n) for n in row.css("td::text").getall())
    assert completed >= 1 and dropped >= 1 and enrolled >= 0
    text = page.get()
    assert "CAZ/9/" not in text and adviser.email not in text and "Nazwisko adviser" not in text


def test_the_referral_sheet_downloads_as_a_pdf_with_its_qr_code(
    adviser: Person, other: Person, client: TestClient, catalogue: Catalogue
) -> None:
    shortlist = _create(adviser, "CAZ/2027/0300")
    _add(adviser, shortlist, catalogue.ids["mag"])
    page = f"/doradca/listy/{shortlist}"
    shared = post_form(adviser.client, page, {}, action=f"{page}/udostepnij")
    sheet = html(adviser.client, shared.headers["location"])
    pdf_link = sheet.css("#referral-pdf::attr(href)").get("")
    key = shared.headers["location"].split("k=", 1)[1]
    assert pdf_link == f"{page}/skierowanie.pdf?k={key}"
    answer = adviser.client.get(pdf_link)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    document = PdfReader(BytesIO(answer.content))
    text = " ".join(p.extract_text() for p in document.pages)
    assert "CAZ/2027/0300" in text and catalogue.offer("mag")["title"] in text
    assert f"/skierowanie/{key}" in text.replace("\n", "")
    assert len(document.pages[0].images) == 1  # the QR code
    public = client.get(f"/skierowanie/{key}.pdf")
    assert public.status_code == 200 and "noindex" in public.headers["x-robots-tag"]
    public_text = " ".join(p.extract_text() for p in PdfReader(BytesIO(public.content)).pages)
    assert "CAZ/2027/0300" not in public_text and catalogue.offer("mag")["title"] in public_text
    assert client.get(f"/skierowanie/{key[:-2]}xx.pdf").status_code == 404
    assert other.client.get(pdf_link).status_code == 404
    # Without a live key, the adviser's PDF has no link and no QR code.
    bare = PdfReader(BytesIO(adviser.client.get(f"{page}/skierowanie.pdf").content))
    assert len(bare.pages[0].images) == 0


def test_the_shortlist_warns_of_overlapping_editions_by_title(
    adviser: Person, catalogue: Catalogue
) -> None:
    engine = get_engine(catalogue.database_url)
    with Session(engine) as db:
        editions = [
            (e.offer_id, e.id, e.start_date, e.end_date or e.start_date)
            for e in db.exec(select(Edition).where(col(Edition.start_date).is_not(None)))
            if (offer := db.get(Offer, e.offer_id)) and offer.status == OfferStatus.active
        ]
        titles = {o.id: o.title for o in db.exec(select(Offer))}
    engine.dispose()
    first, second = next(
        (a, b)
        for a in editions
        for b in editions
        if a[0] != b[0] and a[2] <= b[3] and b[2] <= a[3]  # two offers' editions overlap
    )
    shortlist = _create(adviser, "CAZ/2027/0500")
    for offer_id, edition_id, _, _ in (first, second):
        data = {"shortlist": str(shortlist), "offer": str(offer_id), "edition": str(edition_id)}
        page = f"/doradca/listy/{shortlist}"
        assert post_form(adviser.client, page, data, action="/doradca/dodaj").status_code == 303
    warnings = " ".join(
        html(adviser.client, f"/doradca/listy/{shortlist}")
        .css("#shortlist-warnings li::text")
        .getall()
    )
    assert titles[first[0]] in warnings and titles[second[0]] in warnings


def test_an_edition_is_chosen_from_the_offer_pages_table(
    adviser: Person, client: TestClient, catalogue: Catalogue
) -> None:
    mag = catalogue.ids["mag"]
    shortlist = _create(adviser, "CAZ/2027/0600")
    offer_page = html(adviser.client, f"/oferty/{mag}")
    editions = offer_page.css(".adviser-add-edition input[name=termin]::attr(value)").getall()
    assert len(editions) >= 2 and not html(client, f"/oferty/{mag}").css(".adviser-add-edition")
    choose = f"/doradca/dodaj?oferta={mag}&termin={editions[1]}"
    assert html(adviser.client, choose).css("input[name=edition]::attr(value)").get() == editions[1]
    data = {"shortlist": str(shortlist), "offer": str(mag), "edition": editions[1]}
    added = post_form(adviser.client, choose, data, action="/doradca/dodaj")
    assert added.headers["location"].endswith("zrobiono=added")
    engine = get_engine(catalogue.database_url)
    with Session(engine) as db:
        item = db.exec(select(ShortlistItem).where(ShortlistItem.shortlist_id == shortlist)).one()
    engine.dispose()
    assert item.edition_id == int(editions[1])
