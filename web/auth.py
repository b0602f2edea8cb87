"""Who is asking: server-side sessions, CSRF tokens, and the dependencies that require a role.

    @router.post("/panel/oferty/nowa", dependencies=[CsrfDep])
    def create(account: MemberDep, db: SessionDep) -> Response: ...

The session cookie (`lll_session`) holds a random token; the database holds its SHA-256
(`LoginSession`), so a copy of the database signs nobody in. A session ends when its person
signs out, after `IDLE` without use, or when every session of the account is ended (sign out
everywhere, a new password). Every form carries a CSRF token: the session's when signed in,
else the value of the `lll_csrf` cookie (double submit), which this module sets on the answer
that first renders a form. See docs/decisions/0014-institution-accounts.md.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, FastAPI
from markupsafe import Markup, escape
from sqlalchemy import delete
from sqlmodel import Session, col
from starlette.requests import HTTPConnection, Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from catalogue.accounts import Account, LoginSession, Role
from web.errors import WebError, error_response, wants_json
from web.services import SessionDep, services_of

SESSION_COOKIE = "lll_session"
CSRF_COOKIE = "lll_csrf"
CSRF_FIELD = "csrf_token"
IDLE = timedelta(hours=12)  # a session unused this long has ended
TOUCH_EVERY = timedelta(minutes=5)  # how often a session's last use is written
SIGN_IN_PATH = "/logowanie"


class Forbidden(WebError):
    """Signed in, but not allowed (another role), or a form without its CSRF token."""

    status_code = 403
    title_key = "error.403.title"
    text_key = "error.403.text"


class SignInRequired(WebError):
    """Nobody is signed in: pages send the person to sign in, the API answers 401."""

    status_code = 401
    title_key = "error.401.title"
    text_key = "error.401.text"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _secure(connection: HTTPConnection | None) -> bool:
    """Cookies are Secure when the page was served over TLS (directly or, per
    TRUSTED_PROXIES, behind a proxy that says so: `web/edge.py`)."""
    return connection is not None and connection.url.scheme == "https"


# --- sessions ---------------------------------------------------------------------------


def start_session(
    response: Response, db: Session, account: Account, request: HTTPConnection | None = None
) -> None:
    """Sign `account` in: a new session and its cookie on `response`. Call it only after the
    password was right (and the e-mail confirmed); pass the request so that the cookie is
    Secure behind TLS."""
    assert account.id is not None
    token = secrets.token_urlsafe(32)
    db.add(
        LoginSession(
            id=_digest(token),
            account_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=_now() + IDLE,
        )
    )
    db.commit()
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(IDLE.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )


def end_session(request: HTTPConnection, response: Response, db: Session) -> None:
    """Sign out this browser: its session row and its cookie."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        db.execute(delete(LoginSession).where(col(LoginSession.id) == _digest(token)))
        db.commit()
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    request.state.login = None


def end_all_sessions(db: Session, account_id: int) -> int:
    """Sign the account out everywhere; how many sessions ended."""
    ended = db.execute(delete(LoginSession).where(col(LoginSession.account_id) == account_id))
    db.commit()
    return int(getattr(ended, "rowcount", 0) or 0)


def _login(connection: HTTPConnection, db: Session) -> tuple[LoginSession, Account] | None:
    """The request's live session and its account, looked up once per request."""
    if hasattr(connection.state, "login"):
        found: tuple[LoginSession, Account] | None = connection.state.login
        return found
    connection.state.login = None
    token = connection.cookies.get(SESSION_COOKIE)
    if not token or len(token) > 200:
        return None
    login = db.get(LoginSession, _digest(token))
    now = _now()
    if login is None or login.expires_at <= now:
        return None
    account = db.get(Account, login.account_id)
    if account is None or not account.active:
        return None
    if now - login.last_seen_at >= TOUCH_EVERY:
        login.last_seen_at, login.expires_at = now, now + IDLE
        db.add(login)
        db.commit()
        db.refresh(account)
    connection.state.login = (login, account)
    return connection.state.login


def current_account(request: Request, db: SessionDep) -> Account | None:
    login = _login(request, db)
    return login[1] if login else None


AccountDep = Annotated[Account | None, Depends(current_account)]


def _requiring(*roles: Role) -> Callable[..., Account]:
    def require(request: Request, account: AccountDep) -> Account:
        if account is None:
            raise SignInRequired()
        if account.role not in roles or account.email_confirmed_at is None:
            raise Forbidden()
        if account.role == Role.member and account.institution_id is None:
            raise Forbidden()
        return account

    return require


MemberDep = Annotated[Account, Depends(_requiring(Role.member))]
CoordinatorDep = Annotated[Account, Depends(_requiring(Role.coordinator))]
AdviserDep = Annotated[Account, Depends(_requiring(Role.adviser))]


# --- CSRF -------------------------------------------------------------------------------


def csrf_token(request: HTTPConnection) -> str:
    """The token a form on this page must send back."""
    login = getattr(request.state, "login", None)
    if login is None and request.cookies.get(SESSION_COOKIE):
        with Session(services_of(request).engine) as db:
            login = _login(request, db)
    if login is not None:
        return login[0].csrf_token
    cookie = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not cookie or len(cookie) > 100:
        cookie = request.state.new_csrf = secrets.token_urlsafe(32)
    return cookie


def csrf_field(request: HTTPConnection) -> Markup:
    value = escape(csrf_token(request))
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{value}">')


async def verify_csrf(request: Request, db: SessionDep) -> None:
    """Refuse (403) a form whose token is not this browser's."""
    form = await request.form()  # Starlette keeps it: the route reads the same form
    sent = form.get(CSRF_FIELD)
    login = _login(request, db)
    expected = login[0].csrf_token if login else request.cookies.get(CSRF_COOKIE)
    # Compared as bytes: compare_digest refuses str with letters beyond ASCII ("zły": a 500).
    if (
        not isinstance(sent, str)
        or not expected
        or not secrets.compare_digest(sent.encode(), expected.encode())
    ):
        raise Forbidden("CSRF token missing or wrong")


CsrfDep = Depends(verify_csrf)


def viewer(request: HTTPConnection) -> Account | None:
    """The signed-in account for templates (the header's links), or None."""
    login = getattr(request.state, "login", None)
    if login is None and request.cookies.get(SESSION_COOKIE):
        with Session(services_of(request).engine, expire_on_commit=False) as db:
            login = _login(request, db)
    return login[1] if login else None


class CsrfCookie:
    """ASGI middleware: sets the `lll_csrf` cookie when the page rendered a form's first token."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            token = scope.get("state", {}).get("new_csrf")
            if message["type"] == "http.response.start" and token:
                secure = "; Secure" if scope.get("scheme") == "https" else ""
                cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}"
                message["headers"] = [*message["headers"], (b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


async def _on_sign_in_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    if wants_json(request) or request.method != "GET":
        return error_response(request, exc)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"{SIGN_IN_PATH}?{urlencode({'next': target})}", status_code=303)


def install_auth(app: FastAPI) -> None:
    app.add_middleware(CsrfCookie)
    app.add_exception_handler(SignInRequired, _on_sign_in_required)


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site only (never `//evil.example`)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/panel"
    return target
