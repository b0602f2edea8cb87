"""The panel's API tokens: made by a signed-in member with the CSRF token, shown once, listed
without their value, revoked; another institution's token is 404."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sqlmodel import Session, col, select

from catalogue.accounts import ApiToken
from tests.web.test_institution_api_support import World, make_world

PAGE = "/panel/tokeny"


@pytest.fixture
def world(database_url: str, tmp_path: Path) -> Iterator[World]:
    yield from make_world(database_url, tmp_path)


def tokens(world: World) -> list[ApiToken]:
    with Session(world.engine) as db:
        return list(db.exec(select(ApiToken).order_by(col(ApiToken.id))))


def make(world: World, csrf: str, name: str = "System zapisów") -> str:
    """Makes a token through the page; its value as the page shows it."""
    response = world.client.post(PAGE, data={"name": name, "csrf_token": csrf})
    assert response.status_code == 200, response.text
    shown = BeautifulSoup(response.text, "html.parser").find(id="token-created")
    assert shown is not None
    return str(shown["value"])


def test_the_page_asks_the_anonymous_to_sign_in(world: World) -> None:
    response = world.client.get(PAGE, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/logowanie?next=")


def test_a_token_is_shown_once_and_stored_only_hashed(world: World) -> None:
    csrf = world.sign_in(world.a)
    plain = make(world, csrf)
    assert re.fullmatch(r"lll_[A-Za-z0-9_-]{40,}", plain)
    (row,) = tokens(world)
    assert row.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert row.institution_id == world.a.institution_id
    assert row.created_by_id == world.a.account_id
    listing = world.client.get(PAGE)
    assert listing.headers["cache-control"] == "no-store"
    assert plain not in listing.text
    assert row.prefix in listing.text and "System zapisów" in listing.text
    # The token the page showed opens the API.
    api = world.client.get(
        "/api/v1/institution/offers", headers={"Authorization": f"Bearer {plain}"}
    )
    assert api.status_code == 200


def test_the_page_that_shows_the_token_is_not_cached(world: World) -> None:
    csrf = world.sign_in(world.a)
    response = world.client.post(PAGE, data={"name": "x", "csrf_token": csrf})
    assert response.headers["cache-control"] == "no-store"


def test_making_a_token_without_the_csrf_token_is_refused(world: World) -> None:
    world.sign_in(world.a)
    response = world.client.post(PAGE, data={"name": "System"})
    assert response.status_code == 403
    assert tokens(world) == []


def test_a_token_without_a_name_is_refused_with_the_error_tied_to_the_field(
    world: World,
) -> None:
    csrf = world.sign_in(world.a)
    response = world.client.post(PAGE, data={"name": "   ", "csrf_token": csrf})
    assert response.status_code == 422
    page = BeautifulSoup(response.text, "html.parser")
    field = page.find(id="token-name")
    assert field is not None and field["aria-invalid"] == "true"
    assert "token-name-error" in str(field["aria-describedby"]).split()
    assert page.find(id="token-name-error") is not None
    assert tokens(world) == []


def test_a_member_revokes_its_token_and_the_api_then_refuses_it(world: World) -> None:
    csrf = world.sign_in(world.a)
    plain = make(world, csrf)
    (row,) = tokens(world)
    response = world.client.post(
        f"{PAGE}/{row.id}/uniewaznij", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert response.status_code == 303
    assert tokens(world)[0].revoked_at is not None
    api = world.client.get(
        "/api/v1/institution/offers", headers={"Authorization": f"Bearer {plain}"}
    )
    assert api.status_code == 401
    page = BeautifulSoup(world.client.get(response.headers["location"]).text, "html.parser")
    assert page.find("form", action=f"{PAGE}/{row.id}/uniewaznij") is None  # no second revoke


def test_another_institutions_token_is_neither_listed_nor_revoked(world: World) -> None:
    csrf_a = world.sign_in(world.a)
    make(world, csrf_a, name="Token instytucji A")
    (row,) = tokens(world)
    csrf_b = world.sign_in(world.b)
    assert "Token instytucji A" not in world.client.get(PAGE).text
    assert row.prefix not in world.client.get(PAGE).text
    response = world.client.post(f"{PAGE}/{row.id}/uniewaznij", data={"csrf_token": csrf_b})
    assert response.status_code == 404
    assert tokens(world)[0].revoked_at is None


@pytest.mark.parametrize("token_id", ["0", "99999", "9223372036854775808", "abc"])
def test_a_token_id_that_is_no_token_is_a_4xx(world: World, token_id: str) -> None:
    csrf = world.sign_in(world.a)
    response = world.client.post(f"{PAGE}/{token_id}/uniewaznij", data={"csrf_token": csrf})
    assert response.status_code in (404, 422)


def test_every_field_has_a_label_and_the_page_is_in_both_languages(world: World) -> None:
    csrf = world.sign_in(world.a)
    make(world, csrf)
    for lang, heading in (("pl", "Tokeny API"), ("en", "API tokens")):
        page = BeautifulSoup(world.client.get(f"{PAGE}?lang={lang}").text, "html.parser")
        assert page.html is not None and page.html["lang"] == lang
        assert page.h1 is not None and page.h1.get_text(strip=True) == heading
        for field in page.find_all("input", type=lambda kind: kind != "hidden"):
            assert page.find("label", attrs={"for": field["id"]}) is not None, field
        for button in page.find_all("button"):
            assert button.get("aria-label") or button.get_text(strip=True)
