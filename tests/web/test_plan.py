""" "Mój plan" through its pages: adding from a result card and an offer page, the owner's page
and its forms, the read-only share link, the .ics file (parsed back with icalendar), the
cookie, and what hostile or forged requests get."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar
from parsel import Selector
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Edition
from catalogue.plans import PLAN_EXPIRY_DAYS, Plan
from operations.plans import share_key_for
from tests.web.web_support import TODAY, Catalogue, html
from web.routes.plan import PLAN_COOKIE

pytestmark = pytest.mark.pages_not_database


@pytest.fixture
def browser(app: FastAPI) -> TestClient:
    """A client of its own: its cookies (the plan's key) are this test's only."""
    return TestClient(app)


def _csrf(client: TestClient, url: str = "/") -> str:
    token = html(client, url).css("input[name=csrf_token]::attr(value)").get()
    assert token
    return token


def _add(client: TestClient, offer: int | str, edition: int | str | None = None, **more):
    data = {"csrf_token": _csrf(client), "offer": str(offer), **more}
    if edition is not None:
        data["edition"] = str(edition)
    return client.post("/plan/dodaj", data=data, follow_redirects=False)


def _editions(catalogue: Catalogue, key: str) -> list[int]:
    engine = get_engine(catalogue.database_url)
    with Session(engine) as db:
        ids = db.exec(
            select(Edition.id)
            .where(Edition.offer_id == catalogue.ids[key])
            .order_by(Edition.start_date)
        ).all()
    engine.dispose()
    return [i for i in ids if i is not None]


def _items(page: Selector) -> list[str]:
    return [t.strip() for t in page.css("#plan-items h3 ::text").getall() if t.strip()]


def test_a_result_card_adds_an_offer_and_the_cookie_keeps_the_plan(
    browser: TestClient, catalogue: Catalogue
):
    search = html(browser, "/?q=spawania")
    button = search.css(f"button[form=plan-add-form][value='{catalogue.ids['mag']}']")
    assert button, "each result card has its add button"
    form = search.css("form#plan-add-form")
    assert form.attrib["method"] == "post" and form.css("input[name=csrf_token]")
    back = form.css("input[name=back]::attr(value)").get()
    assert back == "/?q=spawania"
    response = _add(browser, catalogue.ids["mag"], back=back)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/plan?zrobiono=added")
    cookie = response.headers["set-cookie"]
    assert f"{PLAN_COOKIE}=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert f"Max-Age={PLAN_EXPIRY_DAYS * 86400}" in cookie and "Secure" not in cookie
    page = html(browser, response.headers["location"])
    assert page.css("#plan-flash a::attr(href)").get() == "/?q=spawania"
    assert _items(page) == [catalogue.offer("mag")["title"]]
    assert page.css("meta[name=robots]::attr(content)").get() == "noindex, nofollow"
    # Adding it again duplicates nothing.
    again = _add(browser, catalogue.ids["mag"])
    assert again.headers["location"].startswith("/plan?zrobiono=already")
    assert len(_items(html(browser, "/plan"))) == 1


def test_the_cookie_is_secure_behind_tls(app: FastAPI, catalogue: Catalogue):
    client = TestClient(app, base_url="https://testserver")
    response = _add(client, catalogue.ids["mag"])
    assert response.status_code == 303
    assert "Secure" in response.headers["set-cookie"]


def test_the_offer_page_adds_an_edition_and_the_plan_shows_totals_and_warnings(
    browser: TestClient, catalogue: Catalogue
):
    mag = catalogue.ids["mag"]
    first, _second = _editions(catalogue, "mag")
    page = html(browser, f"/oferty/{mag}")
    assert page.css("form#plan-add input[name=offer]::attr(value)").get() == str(mag)
    editions = page.css("form.plan-add-edition input[name=edition]::attr(value)").getall()
    assert editions == [str(e) for e in _editions(catalogue, "mag")]
    assert _add(browser, mag, first).headers["location"].startswith("/plan?zrobiono=added")
    _add(browser, catalogue.ids["pm"])  # one edition, 5 800 zł, 180 h
    page = html(browser, "/plan")
    assert _items(page) == [catalogue.offer("mag")["title"], catalogue.offer("pm")["title"]]
    assert page.css("#total-cost::text").get().replace("\xa0", " ").startswith("8 250")
    assert "326" in page.css("#total-hours::text").get()
    bases = [b.strip("()") for b in page.css(".cost-basis::text").getall()]
    assert bases == ["wybrany termin", "jedyny termin"]
    # The first MAG edition (days 20-60) overlaps postgraduate studies (day 50 on) once chosen.
    pm_edition = _editions(catalogue, "pm")[0]
    _add(browser, catalogue.ids["pm"], pm_edition)
    warnings = " ".join(html(browser, "/plan").css("#plan-warnings li::text").getall())
    assert "nakładają się" in warnings
    # Withdrawn offers cannot be added, and an offer page for one shows no button.
    massage = catalogue.ids["massage"]
    assert not html(browser, f"/oferty/{massage}").css("form#plan-add")
    refused = _add(browser, massage)
    assert refused.status_code == 422
    assert Selector(text=refused.text).css("#plan-error")


def test_the_owner_moves_notes_and_removes_items(browser: TestClient, catalogue: Catalogue):
    for key in ("mag", "excel", "udt"):
        _add(browser, catalogue.ids[key])
    page = html(browser, "/plan")
    ids = [i.split("-")[1] for i in page.css("#plan-items > li::attr(id)").getall()]
    token = page.css("input[name=csrf_token]::attr(value)").get()

    def change(item: str, **data: str):
        return browser.post(
            f"/plan/pozycje/{item}", data={"csrf_token": token, **data}, follow_redirects=False
        )

    assert change(ids[2], action="up").status_code == 303
    assert change(ids[0], action="down").status_code == 303
    titles = [catalogue.offer(k)["title"] for k in ("udt", "mag", "excel")]
    assert _items(html(browser, "/plan")) == titles
    assert change(ids[1], action="note", note="Zapytać o KFS – żółć").status_code == 303
    assert change(ids[0], action="remove").status_code == 303
    page = html(browser, "/plan")
    assert _items(page) == titles[:1] + titles[2:]
    assert page.css(f"#note-{ids[1]}::text").get() == "Zapytać o KFS – żółć"
    # Hostile input: an overlong note, an unknown action, non-numeric or foreign items.
    long = change(ids[1], action="note", note="x" * 501)
    assert long.status_code == 422 and "500" in Selector(text=long.text).css("#plan-error").get()
    assert change(ids[1], action="explode").status_code == 422
    assert change("abc", action="up").status_code in (404, 405)
    assert change("99999999", action="remove").status_code == 404
    assert change(str(2**40), action="remove").status_code in (404, 422)


def test_the_share_link_is_read_only_and_a_forged_one_is_not_found(
    browser: TestClient, app: FastAPI, catalogue: Catalogue
):
    _add(browser, catalogue.ids["mag"])
    page = html(browser, "/plan")
    item = page.css("#plan-items > li::attr(id)").get().split("-")[1]
    token = page.css("input[name=csrf_token]::attr(value)").get()
    browser.post(f"/plan/pozycje/{item}", data={"csrf_token": token, "action": "note",
                                                "note": "Pierwszy wybór"})  # fmt: skip
    share = page.css("#share-link::attr(href)").get()
    key = browser.cookies[PLAN_COOKIE]
    assert share == f"/plan/{share_key_for(key)}"
    stranger = TestClient(app)  # another browser: no cookie
    shared = stranger.get(share)
    assert shared.status_code == 200
    assert shared.headers["x-robots-tag"].startswith("noindex")
    view = Selector(text=shared.text)
    assert _items(view) == [catalogue.offer("mag")["title"]]
    assert "Pierwszy wybór" in view.css(".plan-note").get()
    assert not view.css("#main form") and not view.css("#share-link")
    assert not html(stranger, "/plan").css("#plan-items")  # its own (empty) plan
    # A forged share key, the owner's key used as a share key, a changed character: 404.
    changed = ("B" if share[6] == "A" else "A") + share[7:]  # one character of the key
    for forged in ("x" * 43, key, changed, "a" * 300):
        assert stranger.get(f"/plan/{forged}").status_code == 404
        assert stranger.get(f"/plan/{forged}.ics").status_code == 404
    # A forged cookie opens no plan and changes nothing.
    stranger.cookies.set(PLAN_COOKIE, "forged")
    assert not html(stranger, "/plan").css("#plan-items")
    forged_change = stranger.post(
        f"/plan/pozycje/{item}",
        data={"csrf_token": _csrf(stranger), "action": "remove"},
        follow_redirects=False,
    )
    assert forged_change.status_code == 404
    assert stranger.get("/plan.ics").status_code == 404
    assert len(_items(html(browser, "/plan"))) == 1


def test_forms_without_the_csrf_token_are_refused(browser: TestClient, catalogue: Catalogue):
    _csrf(browser)  # the browser has its CSRF cookie; the forms below do not send it back
    no_token = browser.post("/plan/dodaj", data={"offer": str(catalogue.ids["mag"])})
    assert no_token.status_code == 403
    wrong = browser.post("/plan/dodaj", data={"offer": "1", "csrf_token": "zly"})
    assert wrong.status_code == 403
    assert PLAN_COOKIE not in browser.cookies
    _add(browser, catalogue.ids["mag"])
    item = html(browser, "/plan").css("#plan-items > li::attr(id)").get().split("-")[1]
    refused = browser.post(f"/plan/pozycje/{item}", data={"action": "remove"})
    assert refused.status_code == 403
    assert len(_items(html(browser, "/plan"))) == 1


@pytest.mark.parametrize(
    ("offer", "edition"),
    [("abc", None), ("-1", None), ("0", None), (str(2**40), None), ("999999", None),
     ("{mag}", "abc"), ("{mag}", "999999"), ("{mag}", "{pm_edition}"), ("1 OR 1=1", None)],
)  # fmt: skip
def test_hostile_adds_are_refused(
    browser: TestClient, catalogue: Catalogue, offer: str, edition: str | None
):
    values = {"mag": catalogue.ids["mag"], "pm_edition": _editions(catalogue, "pm")[0]}
    response = _add(browser, offer.format(**values), edition.format(**values) if edition else None)
    assert response.status_code in (404, 422)
    assert PLAN_COOKIE not in response.headers.get("set-cookie", "")


def test_the_ics_holds_the_chosen_editions(browser: TestClient, catalogue: Catalogue):
    assert browser.get("/plan.ics").status_code == 404  # no plan yet
    _first, second = _editions(catalogue, "mag")
    _add(browser, catalogue.ids["mag"], second)
    _add(browser, catalogue.ids["pm"])  # no edition chosen: not in the calendar
    response = browser.get("/plan.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "attachment" in response.headers["content-disposition"]
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == catalogue.offer("mag")["title"]
    assert event.decoded("dtstart") == TODAY + timedelta(days=75)
    assert event.decoded("dtend") == TODAY + timedelta(days=116)  # exclusive end
    assert str(event["location"]) == "Nowa Sól"
    assert str(event["url"]).endswith(f"/oferty/{catalogue.ids['mag']}")
    share = html(browser, "/plan").css("#share-link::attr(href)").get()
    shared = TestClient(browser.app).get(share + ".ics")
    assert shared.status_code == 200
    assert Calendar.from_ical(shared.content).walk("VEVENT")[0]["uid"] == event["uid"]


def test_an_unused_plan_expires_and_its_links_stop_working(
    browser: TestClient, catalogue: Catalogue
):
    from datetime import UTC, datetime

    from operations.plans import delete_expired

    _add(browser, catalogue.ids["mag"])
    share = html(browser, "/plan").css("#share-link::attr(href)").get()
    path = share
    engine = get_engine(catalogue.database_url)
    with Session(engine) as db:
        later = datetime.now(UTC) + timedelta(days=PLAN_EXPIRY_DAYS + 1)
        assert delete_expired(db, later) >= 1
        assert db.exec(select(Plan)).all() == []
    engine.dispose()
    assert browser.get(path).status_code == 404
    assert not html(browser, "/plan").css("#plan-items")


def test_the_pdf_holds_the_plan_in_polish_letters(browser: TestClient, catalogue: Catalogue):
    from io import BytesIO

    from pypdf import PdfReader

    assert browser.get("/plan.pdf").status_code == 404  # no plan yet
    _add(browser, catalogue.ids["mag"], _editions(catalogue, "mag")[1])
    _add(browser, catalogue.ids["senior"])  # "Opiekun osoby starszej", Świebodzin, free
    page = html(browser, "/plan")
    item = page.css("#plan-items > li::attr(id)").getall()[1].split("-")[1]
    token = page.css("input[name=csrf_token]::attr(value)").get()
    note = "Zażółć gęślą jaźń – zapytać w PUP"
    browser.post(
        f"/plan/pozycje/{item}", data={"csrf_token": token, "action": "note", "note": note}
    )
    response = browser.get(page.css("#pdf-link::attr(href)").get())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    reader = PdfReader(BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Mój plan" in text
    assert catalogue.offer("mag")["title"] in text and "Opiekun osoby starszej" in text
    assert note in text  # Polish letters survive: the font has them
    assert "2 450,00 zł (wybrany termin)" in text.replace("\xa0", " ")
    assert "Nowa Sól" in text
    share = page.css("#share-link::attr(href)").get()
    assert share in text  # the printed plan says where to read it online
    # The share link's PDF: the same plan, titled read-only; a forged link: 404.
    shared = TestClient(browser.app).get(share + ".pdf")
    assert shared.status_code == 200
    shared_text = PdfReader(BytesIO(shared.content)).pages[0].extract_text()
    assert "tylko do odczytu" in shared_text and "Zażółć gęślą jaźń" in shared_text
    assert browser.get("/plan/" + "x" * 43 + ".pdf").status_code == 404


def test_the_owner_chooses_a_date_on_the_plan_page(browser: TestClient, catalogue: Catalogue):
    _add(browser, catalogue.ids["mag"])  # two editions, none chosen
    page = html(browser, "/plan")
    form = page.css("form.plan-edition-form")
    assert form.css("input[name=offer]::attr(value)").get() == str(catalogue.ids["mag"])
    options = form.css("select[name=edition] option::attr(value)").getall()
    assert options == [str(e) for e in _editions(catalogue, "mag")]
    response = browser.post(
        form.attrib["action"],
        data={
            "csrf_token": _csrf(browser),
            "offer": str(catalogue.ids["mag"]),
            "edition": options[1],
        },
        follow_redirects=False,
    )
    assert response.headers["location"].startswith("/plan?zrobiono=edition")
    page = html(browser, "/plan")
    assert page.css("select[name=edition] option[selected]::attr(value)").get() == options[1]
    assert "(wybrany termin)" in page.css(".cost-basis::text").get()
