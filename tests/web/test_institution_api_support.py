"""What the tests of the institutions' API and of the tokens' panel share: an app on its own
writable catalogue, institutions with a member each, a signed-in browser, a real token."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalogue.accounts import Account, Approval, LoginSession, Role
from catalogue.db import get_engine
from catalogue.models import Institution, utcnow
from operations.api_tokens import create_token
from tests.app_settings import app_settings
from web.app import create_app
from web.settings import WebSettings


@dataclass
class Member:
    account_id: int
    institution_id: int


@dataclass
class World:
    client: TestClient
    engine: Engine
    a: Member
    b: Member

    def token(self, member: Member, name: str = "System zapisów") -> str:
        with Session(self.engine) as db:
            _, plain = create_token(
                db, institution_id=member.institution_id, account_id=member.account_id, name=name
            )
        return plain

    def sign_in(self, member: Member) -> str:
        """Signs the client in as the member (a session row and its cookie); its CSRF token."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with Session(self.engine) as db:
            db.add(
                LoginSession(
                    id=hashlib.sha256(token.encode()).hexdigest(),
                    account_id=member.account_id,
                    csrf_token=csrf,
                    expires_at=utcnow() + timedelta(hours=1),
                )
            )
            db.commit()
        self.client.cookies.set("lll_session", token)
        return csrf


def add_member(db: Session, key: str) -> Member:
    institution = Institution(name=f"Szkoła {key}", key=key, approval=Approval.approved)
    db.add(institution)
    db.flush()
    account = Account(
        email=f"{key}@example.org",
        password_hash="not used here",
        role=Role.member,
        institution_id=institution.id,
        email_confirmed_at=utcnow(),
    )
    db.add(account)
    db.commit()
    assert account.id is not None and institution.id is not None
    return Member(account.id, institution.id)


def make_world(
    database_url: str, tmp_path: Path, web: WebSettings | None = None
) -> Iterator[World]:
    """What a test module's `world` fixture yields; `web`: other web settings (rate limits)."""
    engine = get_engine(database_url)
    with Session(engine) as db:
        a, b = add_member(db, "a"), add_member(db, "b")
    settings = app_settings(database_url, tmp_path / "index")
    if web is not None:
        settings = settings.model_copy(update={"web": web})
    app = create_app(settings)
    with TestClient(app) as client:
        yield World(client, engine, a, b)
    engine.dispose()
