"""The panel's feeds page (`/panel/zrodla`) in the real app over a real SQLite file: a member
registers its file's address (a private one refused, with the error tied to the field), sees the
last reading, disables and deletes its feed; another institution's feed answers 404."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.responses import Response

from catalogue.accounts import Account, LoginSession, Role
from catalogue.db import get_engine
from catalogue.models import CrawlRun, Offer, OfferKind, OfferStatus, RunStatus, Source
from tests.app_settings import app_settings
from tests.operations.test_institution_feeds import PUBLIC, add_institution
from web.app import create_app
from web.auth import SESSION_COOKIE, start_session

FEED_URL = f"https://{PUBLIC}/oferta/kursy.csv"


@dataclass
class Member:
    client: TestClient
    csrf: str
    institution_id: int

    def post(self, path: str, **form: str) -> Response:
        return self.client.post(path, data={"csrf_token": self.csrf, **form})

    def register(self, url: str = FEED_URL, kind: str = "file", every: str = "1d") -> Response:
        return self.post("/panel/zrodla", url=url, kind=kind, every=every)


@dataclass
class Site:
    engine: Engine
    a: Member
    b: Member
    anonymous: TestClient

    def feeds(self, institution_id: int) -> list[Source]:
        with Session(self.engine) as db:
            query = select(Source).where(Source.institution_id == institution_id)
            return list(db.exec(query).all())


def member_session(engine: Engine, name: str) -> tuple[int, str, str]:
    """A member of a new approved institution, signed in: the institution's id, the session
    cookie's value and the session's CSRF token."""
    with Session(engine, expire_on_commit=False) as db:
        institution = add_institution(db, name)
        account = Account(email=f"{institution.id}@kanaly.example.org", password_hash="-",
                          role=Role.member, institution_id=institution.id,
                          email_confirmed_at=datetime.now(UTC))  # fmt: skip
        db.add(account)
        db.commit()
        signed_in = Response()
        start_session(signed_in, db, account)
        login = db.exec(select(LoginSession).where(LoginSession.account_id == account.id)).one()
    token = signed_in.headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]
    assert institution.id is not None
    return institution.id, token, login.csrf_token


def _member(engine: Engine, client: TestClient, name: str) -> Member:
    institution_id, token, csrf = member_session(engine, name)
    client.cookies.set(SESSION_COOKIE, token)
    return Member(client, csrf, institution_id)


@pytest.fixture
def site(database_url: str, tmp_path: Path) -> Iterator[Site]:
    app = create_app(app_settings(database_url, tmp_path / "index"))
    engine = get_engine(database_url)
    with (
        TestClient(app, follow_redirects=False) as a,
        TestClient(app, follow_redirects=False) as b,
        TestClient(app, follow_redirects=False) as anonymous,
    ):
        yield Site(
            engine,
            _member(engine, a, "Szkoła A kanałów"),
            _member(engine, b, "Szkoła B kanałów"),
            anonymous,
        )
    engine.dispose()


def test_the_page_asks_to_sign_in_and_a_form_without_its_token_changes_nothing(
    site: Site,
) -> None:
    answer = site.anonymous.get("/panel/zrodla")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/logowanie?next=%2Fpanel%2Fzrodla"
    refused = site.a.client.post("/panel/zrodla", data={"url": FEED_URL, "kind": "file"})
    assert refused.status_code == 403
    assert site.feeds(site.a.institution_id) == []


def test_a_member_registers_its_file_and_sees_it_listed(site: Site) -> None:
    page = site.a.client.get("/panel/zrodla")
    assert page.status_code == 200
    assert '<label for="feed-url">Adres pliku lub strony</label>' in page.text
    assert "Nie masz jeszcze zarejestrowanych źródeł." in page.text

    answer = site.a.register()

    assert answer.status_code == 303
    assert answer.headers["location"] == "/panel/zrodla?zrobiono=dodano"
    (feed,) = site.feeds(site.a.institution_id)
    assert (feed.name, feed.feed_url, feed.every, feed.enabled) == (
        f"feed-{site.a.institution_id}-1", FEED_URL, "1d", True,
    )  # fmt: skip
    listed = site.a.client.get("/panel/zrodla?zrobiono=dodano")
    assert FEED_URL in listed.text
    assert "Źródło zarejestrowane." in listed.text
    assert "jeszcze nie odczytano" in listed.text
    assert FEED_URL not in site.b.client.get("/panel/zrodla").text


@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/a.csv",
     "http://localhost:8000/a.csv"],
)  # fmt: skip
def test_a_private_address_is_refused_with_the_error_tied_to_the_field(
    site: Site, url: str
) -> None:
    answer = site.a.register(url=url)

    assert answer.status_code == 422
    assert "Ten adres prowadzi do sieci prywatnej lub wewnętrznej." in answer.text
    assert 'aria-describedby="feed-url-hint feed-url-error" aria-invalid="true"' in answer.text
    assert f'value="{url}"' in answer.text  # what was typed is kept
    assert site.feeds(site.a.institution_id) == []


def test_a_loopback_feed_is_accepted_only_with_the_test_setting(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLL_ALLOW_LOOPBACK", "1")
    app = create_app(app_settings(database_url, tmp_path / "index"))
    engine = get_engine(database_url)
    with TestClient(app, follow_redirects=False) as client:
        member = _member(engine, client, "Szkoła testowa")
        assert member.register(url="http://localhost:8000/a.csv").status_code == 303
    engine.dispose()


def test_the_last_reading_is_shown_with_its_counts_and_errors(site: Site) -> None:
    site.a.register()
    (feed,) = site.feeds(site.a.institution_id)
    assert feed.id is not None
    with Session(site.engine) as db:
        db.add(CrawlRun(source_id=feed.id, status=RunStatus.failed, seen=3, new=1, rejected=2,
                        errors=["nie można odczytać pliku: brak kolumny tytul"]))  # fmt: skip
        db.commit()

    page = site.a.client.get("/panel/zrodla")

    assert "<strong>nieudany</strong>" in page.text
    assert "ofert: 3, nowe: 1, zmienione: 0, odrzucone: 2, wycofane: 0" in page.text
    assert "<li>nie można odczytać pliku: brak kolumny tytul</li>" in page.text
    english = site.a.client.get("/panel/zrodla?lang=en")
    assert "<strong>failed</strong>" in english.text
    assert "Offer sources: a file or a site" in english.text


def test_another_institutions_feed_is_not_found_and_stays_as_it_was(site: Site) -> None:
    site.a.register()
    (feed,) = site.feeds(site.a.institution_id)

    for action in ("wylacz", "wlacz", "usun"):
        assert site.b.post(f"/panel/zrodla/{feed.id}/{action}").status_code == 404
    assert site.b.client.get(f"/panel/zrodla/{feed.id}/usun").status_code == 404

    (after,) = site.feeds(site.a.institution_id)
    assert (after.enabled, after.feed_url) == (True, FEED_URL)


def test_a_member_disables_then_deletes_its_feed(site: Site) -> None:
    site.a.register()
    (feed,) = site.feeds(site.a.institution_id)

    assert site.a.post(f"/panel/zrodla/{feed.id}/wylacz").headers["location"] == (
        "/panel/zrodla?zrobiono=wylaczono"
    )
    assert not site.feeds(site.a.institution_id)[0].enabled
    page = site.a.client.get("/panel/zrodla").text
    assert "wyłączone" in page and f'aria-label="Włącz: {FEED_URL}"' in page

    confirm = site.a.client.get(f"/panel/zrodla/{feed.id}/usun")
    assert confirm.status_code == 200
    assert "Usunąć źródło?" in confirm.text
    assert site.a.post(f"/panel/zrodla/{feed.id}/usun").status_code == 303

    (gone,) = site.feeds(site.a.institution_id)
    assert gone.feed_url is None
    assert FEED_URL not in site.a.client.get("/panel/zrodla").text


def test_the_offers_read_from_its_feeds_are_listed_for_the_institution_alone(site: Site) -> None:
    site.a.register()
    (feed,) = site.feeds(site.a.institution_id)
    with Session(site.engine) as db:
        for n, status in enumerate((OfferStatus.active, OfferStatus.withdrawn)):
            db.add(Offer(source_id=feed.id, external_id=f"K-{n}", url=f"{FEED_URL}#{n}",
                         title=f"Kurs z pliku {status.value}", kind=OfferKind.course,
                         content_hash=str(n), status=status,
                         institution_id=site.a.institution_id))  # fmt: skip
        db.commit()

    page = site.a.client.get("/panel/zrodla").text

    assert "Oferty z Twoich źródeł (1)" in page
    assert "Kurs z pliku active" in page and "Kurs z pliku withdrawn" not in page
    assert "Kurs z pliku" not in site.b.client.get("/panel/zrodla").text
