"""Sessions, CSRF and role requirements (`web/auth.py`) in the real app, over a real SQLite file.

The routes under test are added to the app here: what is tested is the dependencies and
middleware every signed-in page uses, not any one page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from catalogue.accounts import Account, LoginSession, Role
from catalogue.db import create_all, get_engine
from catalogue.models import Institution
from operations.passwords import hash_password
from tests.app_settings import app_settings
from web.app import create_app
from web.auth import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    AccountDep,
    CoordinatorDep,
    CsrfDep,
    MemberDep,
    csrf_field,
    end_all_sessions,
    end_session,
    safe_next,
    start_session,
)
from web.services import SessionDep

router = APIRouter()


@router.get("/panel/test")
def member_page(account: MemberDep) -> JSONResponse:
    return JSONResponse({"email": account.email})


@router.get("/api/v1/institution/test")
def member_api(account: MemberDep) -> JSONResponse:
    return JSONResponse({"email": account.email})


@router.get("/koordynator/test")
def coordinator_page(account: CoordinatorDep) -> JSONResponse:
    return JSONResponse({"email": account.email})


@router.get("/test/form")
def form_page(request: Request) -> HTMLResponse:
    return HTMLResponse(f"<form method=post>{csrf_field(request)}</form>")


@router.post("/test/form", dependencies=[CsrfDep])
def form_post(account: AccountDep) -> JSONResponse:
    return JSONResponse({"signed_in": account is not None})


@router.post("/test/sign-in/{account_id}")
def sign_in(account_id: int, request: Request, db: SessionDep) -> JSONResponse:
    response = JSONResponse({"ok": True})
    account = db.get(Account, account_id)
    assert account is not None
    start_session(response, db, account, request)
    return response


@router.post("/test/sign-out")
def sign_out(request: Request, db: SessionDep) -> JSONResponse:
    response = JSONResponse({"ok": True})
    end_session(request, response, db)
    return response


@dataclass
class Site:
    app: FastAPI
    engine: Engine
    member: int
    coordinator: int
    unconfirmed: int


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[Site]:
    database_url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    engine = get_engine(database_url)
    create_all(engine)
    now = datetime.now(UTC)
    with Session(engine) as db:
        institution = Institution(name="CKZ Odra", key="ckz odra", approval="approved")
        db.add(institution)
        db.commit()
        accounts = [
            Account(email="a@ckz.example", password_hash=hash_password("x" * 12),
                    role=Role.member, institution_id=institution.id, email_confirmed_at=now),
            Account(email="k@wup.example", password_hash=hash_password("y" * 12),
                    role=Role.coordinator, email_confirmed_at=now),
            Account(email="n@ckz.example", password_hash=hash_password("z" * 12),
                    role=Role.member, institution_id=institution.id),
        ]  # fmt: skip
        db.add_all(accounts)
        db.commit()
        ids = [a.id for a in accounts]
    app = create_app(app_settings(database_url, tmp_path / "index"))
    app.include_router(router)
    assert all(isinstance(i, int) for i in ids)
    yield Site(app, engine, *ids)  # type: ignore[arg-type]
    engine.dispose()


def signed_in(site: Site, account_id: int, base_url: str = "http://testserver") -> TestClient:
    client = TestClient(site.app, base_url=base_url, follow_redirects=False)
    assert client.post(f"/test/sign-in/{account_id}").status_code == 200
    return client


def test_nobody_signed_in_is_sent_to_sign_in_and_the_api_answers_401(site: Site) -> None:
    client = TestClient(site.app, follow_redirects=False)
    page = client.get("/panel/test?x=1")
    assert page.status_code == 303
    assert page.headers["location"] == "/logowanie?next=%2Fpanel%2Ftest%3Fx%3D1"
    api = client.get("/api/v1/institution/test")
    assert api.status_code == 401 and "detail" in api.json()


def test_a_session_cookie_signs_in_and_only_its_hash_is_stored(site: Site) -> None:
    client = signed_in(site, site.member)
    cookie = client.cookies[SESSION_COOKIE]
    assert client.get("/panel/test").json() == {"email": "a@ckz.example"}
    with Session(site.engine) as db:
        stored = db.exec(select(LoginSession)).one()
    assert stored.id == hashlib.sha256(cookie.encode()).hexdigest() != cookie


def test_the_session_cookie_is_httponly_lax_and_secure_over_tls(site: Site) -> None:
    client = TestClient(site.app, follow_redirects=False)
    plain = client.post(f"/test/sign-in/{site.member}").headers["set-cookie"]
    assert "HttpOnly" in plain and "SameSite=lax" in plain and "Secure" not in plain
    tls = TestClient(site.app, base_url="https://testserver", follow_redirects=False)
    secure = tls.post(f"/test/sign-in/{site.member}").headers["set-cookie"]
    assert "Secure" in secure


def test_roles_and_confirmation_are_required(site: Site) -> None:
    member = signed_in(site, site.member)
    assert member.get("/koordynator/test").status_code == 403
    coordinator = signed_in(site, site.coordinator)
    assert coordinator.get("/koordynator/test").status_code == 200
    assert coordinator.get("/panel/test").status_code == 403
    unconfirmed = signed_in(site, site.unconfirmed)
    assert unconfirmed.get("/panel/test").status_code == 403


def test_signing_out_here_and_everywhere_ends_sessions(site: Site) -> None:
    first, second = signed_in(site, site.member), signed_in(site, site.member)
    assert first.post("/test/sign-out").status_code == 200
    assert first.get("/panel/test").status_code == 303
    assert second.get("/panel/test").status_code == 200
    third = signed_in(site, site.member)
    with Session(site.engine) as db:
        assert end_all_sessions(db, site.member) == 2
    assert second.get("/panel/test").status_code == 303
    assert third.get("/panel/test").status_code == 303


def test_an_expired_or_forged_session_is_nobody(site: Site) -> None:
    client = signed_in(site, site.member)
    with Session(site.engine) as db:
        login = db.exec(select(LoginSession)).one()
        login.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.add(login)
        db.commit()
    assert client.get("/panel/test").status_code == 303
    forged = TestClient(site.app, follow_redirects=False, cookies={SESSION_COOKIE: "x" * 43})
    assert forged.get("/panel/test").status_code == 303


def test_an_anonymous_form_needs_the_cookie_it_was_given(site: Site) -> None:
    client = TestClient(site.app, follow_redirects=False)
    page = client.get("/test/form")
    assert f"{CSRF_COOKIE}=" in page.headers["set-cookie"]
    assert "HttpOnly" in page.headers["set-cookie"]
    token = client.cookies[CSRF_COOKIE]
    assert token in page.text
    assert client.post("/test/form", data={"csrf_token": token}).json() == {"signed_in": False}
    assert client.post("/test/form", data={"csrf_token": "wrong"}).status_code == 403
    assert client.post("/test/form", data={}).status_code == 403
    stranger = TestClient(site.app, follow_redirects=False)  # a forged form from elsewhere
    assert stranger.post("/test/form", data={"csrf_token": token}).status_code == 403


def test_a_signed_in_form_needs_its_sessions_token(site: Site) -> None:
    client = signed_in(site, site.member)
    page = client.get("/test/form")
    with Session(site.engine) as db:
        token = db.exec(select(LoginSession)).one().csrf_token
    assert token in page.text
    assert client.post("/test/form", data={"csrf_token": token}).json() == {"signed_in": True}
    other = signed_in(site, site.coordinator)
    assert other.post("/test/form", data={"csrf_token": token}).status_code == 403


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/panel/oferty/3", "/panel/oferty/3"),
        ("//evil.example/x", "/panel"),
        ("/\\evil.example", "/panel"),
        ("https://evil.example", "/panel"),
        (None, "/panel"),
    ],
)
def test_after_sign_in_only_paths_of_this_site_are_followed(target, expected) -> None:
    assert safe_next(target) == expected
