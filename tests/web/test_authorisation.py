"""The authorisation table (`authorisation_table.py`) against the real app over a real database.

Each row's request is made once per person, each time in a world of its own: institutions A and
B (approved), a member of each, an adviser, a coordinator, and A's offers (draft, under review,
published, archived) with their history, A's API token, upload and feed. Besides each answer's
status, the test checks that whoever is refused changed nothing of A's, and that no page or
answer given to B, an adviser or nobody shows anything of A's that is not public.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from starlette.responses import Response as StarletteResponse

from catalogue.accounts import (
    Account,
    ApiToken,
    Approval,
    LoginSession,
    OfferChange,
    Role,
    Upload,
)
from catalogue.db import get_engine
from catalogue.models import (
    CrawlRun,
    Institution,
    Offer,
    OfferKind,
    OfferStatus,
    Rejection,
    RunStatus,
    Source,
)
from catalogue.shortlists import Outcome, ReferralOutcome, Shortlist, ShortlistItem
from operations import shortlists
from operations.api_tokens import create_token
from operations.mailbox import Mailbox
from operations.passwords import hash_password
from operations.uploads import check_upload
from tests.app_settings import app_settings
from tests.mail_support import settings_with_mail
from tests.postgres_support import Databases
from tests.web.authorisation_table import ACTORS, PREFIXES, TABLE, Row
from web.app import create_app
from web.auth import CSRF_COOKIE, CSRF_FIELD, SESSION_COOKIE, start_session

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

PASSWORD_HASH = hash_password("hasło do testów uprawnień")
STATES = {
    "draft": OfferStatus.draft,
    "review": OfferStatus.review,
    "published": OfferStatus.active,
    "archived": OfferStatus.archived,
}
API_PREFIX = "/api/v1/institution"
_CONVERTOR = re.compile(r"{(\w+):\w+}")
_worlds = itertools.count(1)
# A's file: one good row and one with an end before its start.
UPLOAD = (
    "id_oferty;tytul;url;data_rozpoczecia;data_zakonczenia;miejscowosc\n"
    "plik-{n}-1;Kurs z pliku A;https://a.example.org/1;2030-03-01;2030-04-01;Nowa Sól\n"
    "plik-{n}-2;Kurs z pliku A;https://a.example.org/2;2030-03-01;2030-02-01;Nowa Sól\n"
)


@dataclass
class Site:
    app: FastAPI
    engine: Engine
    client: TestClient


@dataclass
class World:
    """One fresh set of people and of A's things."""

    n: int  # the world's number: what makes its names unique
    institution_a: int
    institution_b: int
    pending: int  # an institution awaiting the coordinator's approval
    pending_adviser: int  # an adviser's account awaiting it (address confirmed)
    offers: dict[str, Offer]  # state -> A's offer
    token_id: int
    upload_id: int
    feed_id: int
    run_id: int  # a crawl run of A's feed, with a rejected item
    change_id: int
    shortlist_id: int  # the adviser's client shortlist, with one item (A's published offer)
    item_id: int
    share_key: str  # its referral's read-only key
    cookies: dict[str, dict[str, str]]  # actor -> cookies
    csrf: dict[str, str]  # actor -> the token its forms carry
    api_tokens: dict[str, str]  # actor -> plain API token (members only)
    secrets: list[str]  # what of A's must reach nobody but A and the coordinator


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("authorisation")
    database_url = databases.create(root)
    engine = get_engine(database_url)
    with Mailbox(root / "mail") as mailbox:  # the coordinator's decisions are e-mailed
        settings = settings_with_mail(database_url, mailbox, app_settings(database_url, root))
        app = create_app(settings)
        with TestClient(app, follow_redirects=False) as client:
            yield Site(app, engine, client)
    engine.dispose()


def routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route of the app, with the paths' convertors left out."""
    return {
        (method, _CONVERTOR.sub(r"{\1}", context.path))
        for context in iter_route_contexts(app.routes)
        if context.path
        for method in context.methods or ()
        if method != "HEAD"
    }


def guarded_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route that reads or writes institution data."""
    return {(method, path) for method, path in routes(app) if path.startswith(PREFIXES)}


# --- a world ------------------------------------------------------------------------------


def _institution(db: Session, name: str, n: int) -> Institution:
    institution = Institution(
        name=f"{name} {n}",
        key=f"{name.lower()} {n}",
        approval=Approval.approved,
        registered_at=datetime.now(UTC),
        decided_at=datetime.now(UTC),
    )
    db.add(institution)
    db.flush()
    return institution


def _account(db: Session, who: str, n: int, role: Role, institution_id: int | None) -> Account:
    account = Account(
        email=f"{who}-{n}@uprawnienia.example.org",
        password_hash=PASSWORD_HASH,
        role=role,
        name=who,
        institution_id=institution_id,
        email_confirmed_at=datetime.now(UTC),
    )
    db.add(account)
    db.flush()
    return account


def _offer(db: Session, source: Source, institution: Institution, state: str, n: int) -> Offer:
    """An offer of `state` (a key of STATES, or "crawled": published by a crawl)."""
    public = state in ("published", "crawled")
    offer = Offer(
        source_id=source.id,
        external_id=f"{state}-{n}",
        institution_id=institution.id,
        url=f"https://a.example.org/oferty/{state}-{n}",
        title=f"Kurs A {state} {n}" if public else f"Oferta A {state} {n} zastrzeżona",
        kind=OfferKind.course,
        provider_name=institution.name,
        status=OfferStatus.active if public else STATES[state],
        content_hash=f"{state}-{n}",
    )
    db.add(offer)
    db.flush()
    return offer


def _sign_in(db: Session, account: Account) -> tuple[dict[str, str], str]:
    """Cookies of a new session of `account`, and its CSRF token."""
    response = StarletteResponse()
    start_session(response, db, account)
    cookie = response.headers["set-cookie"].split(";", 1)[0]
    name, value = cookie.split("=", 1)
    assert name == SESSION_COOKIE
    login = db.exec(select(LoginSession).where(LoginSession.account_id == account.id)).first()
    assert login is not None
    return {SESSION_COOKIE: value}, login.csrf_token


def build_world(engine: Engine) -> World:
    n = next(_worlds)
    with Session(engine, expire_on_commit=False) as db:
        a, b = _institution(db, "Instytucja A", n), _institution(db, "Instytucja B", n)
        pending = _institution(db, "Instytucja oczekująca", n)
        pending.approval, pending.decided_at = Approval.pending, None
        people = {
            "member_a": _account(db, "member-a", n, Role.member, a.id),
            "member_b": _account(db, "member-b", n, Role.member, b.id),
            "adviser": _account(db, "adviser", n, Role.adviser, None),
            "coordinator": _account(db, "coordinator", n, Role.coordinator, None),
        }
        asking = _account(db, "asking-adviser", n, Role.adviser, None)
        asking.active = False  # a request (operations.adviser_accounts)
        asking.name = f"Doradca oczekujący {n} – PUP w Żarach"
        db.add(asking)
        panel = Source(name=f"panel-{a.id}", title=a.name, institution_id=a.id)
        feed = Source(
            name=f"feed-{a.id}-{n}",
            title=f"Plik ofert A {n}",
            institution_id=a.id,
            feed_url=f"https://a.example.org/zastrzezony-plik-{n}.csv",
            every="1d",
        )
        db.add_all([panel, feed])
        db.flush()
        offers = {state: _offer(db, panel, a, state, n) for state in STATES}
        run = CrawlRun(source_id=feed.id or 0, status=RunStatus.partial, seen=2, rejected=1,
                       finished_at=datetime.now(UTC), errors=["wiersz 3: brak daty"])  # fmt: skip
        db.add(run)
        db.flush()
        payload = {"opis": f"Zastrzeżony wiersz A {n}"}
        db.add(Rejection(crawl_run_id=run.id, source_id=feed.id or 0, external_id=f"odrz-{n}",
                         reason="brak tytułu", payload=payload))  # fmt: skip
        # A crawled offer of a provider record linked to A: A sees it, nobody edits it here.
        crawl = Source(name=f"crawl-{n}", title="Rejestr ofert")
        provider = Institution(name=f"Instytucja A z rejestru {n}", key=f"a rejestr {n}")
        provider.registered_id = a.id
        db.add_all([crawl, provider])
        db.flush()
        offers["crawled"] = _offer(db, crawl, provider, "crawled", n)
        db.commit()
        upload = check_upload(
            db, people["member_a"], f"zastrzezony-plik-a-{n}.csv", UPLOAD.format(n=n).encode()
        )
        change = OfferChange(
            offer_id=offers["draft"].id,
            account_id=people["member_a"].id,
            via="form",
            action="edited",
            fields={"title": [f"Zastrzeżony stary tytuł {n}", offers["draft"].title]},
        )
        db.add(change)
        db.commit()
        token_a, plain_a = create_token(
            db, institution_id=a.id, account_id=people["member_a"].id, name=f"Program A {n}"
        )
        _, plain_b = create_token(
            db, institution_id=b.id, account_id=people["member_b"].id, name=f"Program B {n}"
        )
        shortlist = Shortlist(adviser_id=people["adviser"].id or 0, label=f"CAZ/{n}")
        db.add(shortlist)
        db.flush()
        item = ShortlistItem(shortlist_id=shortlist.id or 0, offer_id=offers["published"].id or 0)
        db.add(item)
        db.flush()  # its outcome fills the coordinator's counts (a table to check with axe-core)
        db.add(ReferralOutcome(item_id=item.id or 0, outcome=Outcome.enrolled))
        db.commit()
        share_key = shortlists.share(db, people["adviser"], shortlist.id or 0)
        cookies: dict[str, dict[str, str]] = {"anonymous": {CSRF_COOKIE: f"anonim-{n}"}}
        csrf = {"anonymous": f"anonim-{n}"}
        for actor, account in people.items():
            cookies[actor], csrf[actor] = _sign_in(db, account)
        assert a.id and b.id and token_a.id and upload.id and feed.id and change.id
        return World(
            n=n,
            institution_a=a.id,
            institution_b=b.id,
            pending=pending.id,
            pending_adviser=asking.id or 0,
            offers=offers,
            token_id=token_a.id,
            upload_id=upload.id,
            feed_id=feed.id,
            run_id=run.id or 0,
            change_id=change.id,
            shortlist_id=shortlist.id or 0,
            item_id=item.id or 0,
            share_key=share_key,
            cookies=cookies,
            csrf=csrf,
            api_tokens={"member_a": plain_a, "member_b": plain_b},
            secrets=[
                offers["draft"].title,
                offers["review"].title,
                token_a.prefix,
                upload.file_name,
                feed.feed_url or "",
                f"Zastrzeżony stary tytuł {n}",
                f"Zastrzeżony wiersz A {n}",  # the payload of the rejected item of A's feed
            ],
        )


def state_of(engine: Engine, world: World) -> Any:
    """Everything of A's a request could change, as plain values."""
    a = world.institution_a
    with Session(engine) as db:
        sources = db.exec(select(Source).where(Source.institution_id == a)).all()
        offers = db.exec(
            select(Offer).where(col(Offer.source_id).in_([s.id for s in sources]))
        ).all()
        changes = db.exec(
            select(OfferChange).where(col(OfferChange.offer_id).in_([o.id for o in offers]))
        ).all()
        return _dump(
            {
                "institution": db.get(Institution, a),
                "members": db.exec(select(Account).where(Account.institution_id == a)).all(),
                "sources": sources,
                "offers": [(offer, offer.editions) for offer in offers],
                "changes": changes,
                "tokens": db.exec(select(ApiToken).where(ApiToken.institution_id == a)).all(),
                "uploads": db.exec(select(Upload).where(Upload.institution_id == a)).all(),
                "pending": db.get(Institution, world.pending),
                "pending_adviser": db.get(Account, world.pending_adviser),
                "crawled": (world.offers["crawled"].id, db.get(Offer, world.offers["crawled"].id)),
                "sessions": len(
                    db.exec(
                        select(LoginSession.id)
                        .join(Account, col(Account.id) == col(LoginSession.account_id))
                        .where(Account.institution_id == a)
                    ).all()
                ),
            }
        )


def _dump(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    if hasattr(value, "model_dump"):
        return value.model_dump()
    return value


# --- a request ---------------------------------------------------------------------------

PARAMETERS = {
    "n": lambda world, row: world.n,
    "offer_id": lambda world, row: world.offers[row.target].id,
    "external_id": lambda world, row: world.offers[row.target].external_id,
    "token_id": lambda world, row: world.token_id,
    "upload_id": lambda world, row: world.upload_id,
    "feed_id": lambda world, row: world.feed_id,
    "source_id": lambda world, row: world.feed_id,
    "run_id": lambda world, row: world.run_id,
    "institution_id": lambda world, row: world.pending,
    "account_id": lambda world, row: world.pending_adviser,
    "kind": lambda world, row: "csv",
    "change_id": lambda world, row: world.change_id,
    "shortlist_id": lambda world, row: world.shortlist_id,
    "item_id": lambda world, row: world.item_id,
    "key": lambda world, row: world.share_key,
}


def fill(path: str, world: World, row: Row) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in PARAMETERS, f"{row.name}: add how to fill {{{name}}} to PARAMETERS"
        return str(PARAMETERS[name](world, row))

    return re.sub(r"{(\w+)}", value, path)


def ask(
    site: Site, world: World, row: Row, actor: str, *, csrf: bool = True, token: bool = True
) -> Response:
    """The row's request as `actor`: with its CSRF token and (on the API) its API token, unless
    told to leave them out."""
    site.client.cookies.clear()
    headers = {}
    cookies = dict(world.cookies[actor])
    if row.path.startswith(API_PREFIX) and actor in world.api_tokens and token:
        headers["Authorization"] = f"Bearer {world.api_tokens[actor]}"
        cookies = {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    url = fill(row.path, world, row)
    if row.json is not None:
        body = json.loads(fill(json.dumps(row.json), world, row))
        return site.client.request(row.method, url, json=body, headers=headers)
    if row.method != "GET":
        form = {k: fill(v, world, row) for k, v in row.form.items()}
        if csrf:
            form[CSRF_FIELD] = world.csrf[actor]
        files = {
            name: (fill(file_name, world, row), fill(content, world, row).encode())
            for name, (file_name, content) in row.files.items()
        }
        return site.client.request(row.method, url, data=form, files=files or None, headers=headers)
    return site.client.request(row.method, url, headers=headers)


def check(site: Site, row: Row, actor: str, expected: int) -> list[str]:
    world = build_world(site.engine)
    before = state_of(site.engine, world)
    answer = ask(site, world, row, actor)
    problems = []
    if answer.status_code != expected:
        problems.append(f"{actor}: {answer.status_code}, expected {expected}")
    after = state_of(site.engine, world)
    if after["crawled"] != before["crawled"]:
        problems.append(f"{actor}: the crawled offer changed ({answer.status_code})")
    if actor not in ("member_a", "coordinator"):
        if after != before:
            problems.append(f"{actor}: A's data changed ({answer.status_code})")
        shown = [secret for secret in world.secrets if secret and secret in answer.text]
        if shown:
            problems.append(f"{actor}: the answer shows A's {shown}")
    return problems


# --- the tests ---------------------------------------------------------------------------


def test_every_route_of_institution_data_is_in_the_table(site: Site) -> None:
    listed = {(row.method, row.route) for row in TABLE}
    missing = sorted(guarded_routes(site.app) - listed)
    assert not missing, f"routes missing from tests/web/authorisation_table.py: {missing}"
    unknown = sorted(listed - routes(site.app))
    assert not unknown, f"rows of tests/web/authorisation_table.py that are no route: {unknown}"


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(row, marks=[pytest.mark.xfail(reason=row.gap, strict=True)] if row.gap else [])
        for row in TABLE
    ],
    ids=[row.name for row in TABLE],
)
def test_each_person_gets_the_answer_the_table_gives(site: Site, row: Row) -> None:
    problems = []
    for actor, expected in zip(ACTORS, row.expect, strict=True):
        problems += check(site, row, actor, expected)
    assert not problems, f"{row.name}:\n" + "\n".join(problems)


def test_the_check_sees_a_refused_change_and_a_leak(site: Site) -> None:
    """The two checks besides the status can fail: a change to A's token is seen, and so is
    A's draft title in an answer."""
    world = build_world(site.engine)
    before = state_of(site.engine, world)
    with Session(site.engine) as db:
        token = db.get(ApiToken, world.token_id)
        assert token is not None
        token.revoked_at = datetime.now(UTC)
        db.add(token)
        db.commit()
    assert state_of(site.engine, world) != before
    assert world.offers["draft"].title in world.secrets


def _first_allowed(row: Row) -> str | None:
    """Who may make the row's request (the first of A's member, B's, ...), if anyone."""
    allowed = dict(zip(ACTORS, row.expect, strict=True))
    return next((actor for actor in ACTORS[1:] if allowed[actor] < 400), None)


# Each form someone may send (of a route, the rows on A's offers someone may change).
FORMS = [
    row
    for row in TABLE
    if row.method == "POST" and not row.path.startswith(API_PREFIX) and _first_allowed(row)
]
API_ROWS = [row for row in TABLE if row.path.startswith(API_PREFIX)]


@pytest.mark.parametrize("row", FORMS, ids=[row.name for row in FORMS])
def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(site: Site, row: Row) -> None:
    actor = _first_allowed(row)
    assert actor is not None
    world = build_world(site.engine)
    before = state_of(site.engine, world)
    answer = ask(site, world, row, actor, csrf=False)
    assert answer.status_code == 403, f"{actor}: {answer.status_code}"
    assert state_of(site.engine, world) == before


@pytest.mark.parametrize("row", API_ROWS, ids=[row.name for row in API_ROWS])
def test_the_api_takes_no_session_cookie(site: Site, row: Row) -> None:
    world = build_world(site.engine)
    before = state_of(site.engine, world)
    answer = ask(site, world, row, "member_a", token=False)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert state_of(site.engine, world) == before
