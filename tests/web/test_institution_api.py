"""The institutions' write API over a real catalogue, with real tokens made as the panel makes
them: bearer only, scoped to one institution, idempotent, checked like the upload."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.accounts import ApiToken, OfferChange
from catalogue.models import Offer, OfferStatus
from operations.api_tokens import revoke_token
from tests.web.test_institution_api_support import World, make_world
from web.institution_api_schemas import EditionBody, OfferBody
from web.settings import WebSettings

BASE = "/api/v1/institution/offers"
NEXT_YEAR = date.today().year + 1


@pytest.fixture
def world(database_url: str, tmp_path: Path) -> Iterator[World]:
    yield from make_world(database_url, tmp_path)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def offer_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Kurs operatora wózków jezdniowych",
        "url": "https://szkola.example.org/kursy/wozki",
        "kind": "kurs",
        "form": "stacjonarna",
        "duration_hours": 67,
        "editions": [
            {
                "start": f"{NEXT_YEAR}-03-15",
                "end": f"{NEXT_YEAR}-04-30",
                "town": "Nowa Sól",
                "price": "1 200,00 zł",
                "seats": 12,
            }
        ],
    }
    return body | changes


def history(world: World, external_id: str) -> list[OfferChange]:
    with Session(world.engine) as db:
        offer = db.exec(select(Offer).where(Offer.external_id == external_id)).one()
        return list(db.exec(select(OfferChange).where(OfferChange.offer_id == offer.id)))


# --- who may call it --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", BASE), ("GET", f"{BASE}/K-1"), ("PUT", f"{BASE}/K-1"), ("POST", BASE),
     ("DELETE", f"{BASE}/K-1")],
)  # fmt: skip
def test_no_token_is_answered_401_with_a_bearer_challenge(
    world: World, method: str, path: str
) -> None:
    response = world.client.request(method, path, json=offer_body(external_id="K-1"))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert set(response.json()) == {"detail"}


@pytest.mark.parametrize(
    "value",
    ["Bearer lll_nonsense", "Bearer ", "Basic dXNlcjpwYXNz", "lll_x", "Bearer " + "a" * 5000],
)
def test_an_unknown_or_malformed_token_is_answered_401(world: World, value: str) -> None:
    response = world.client.get(BASE, headers={"Authorization": value})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_revoked_token_is_answered_401(world: World) -> None:
    token = world.token(world.a)
    assert world.client.get(BASE, headers=bearer(token)).status_code == 200
    with Session(world.engine) as db:
        row = db.exec(select(ApiToken)).one()
        assert row.id is not None and revoke_token(db, world.a.institution_id, row.id)
    response = world.client.get(BASE, headers=bearer(token))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_a_signed_in_session_alone_never_authorises_the_api(world: World) -> None:
    world.sign_in(world.a)
    assert world.client.get("/panel/tokeny").status_code == 200  # the cookie is a real session
    response = world.client.put(f"{BASE}/K-1", json=offer_body())
    assert response.status_code == 401
    with Session(world.engine) as db:
        assert db.exec(select(Offer)).all() == []


def test_another_institutions_offer_is_404_and_untouched(world: World) -> None:
    a, b = world.token(world.a), world.token(world.b)
    assert world.client.put(f"{BASE}/K-1", json=offer_body(), headers=bearer(a)).status_code == 201
    assert world.client.get(f"{BASE}/K-1", headers=bearer(b)).status_code == 404
    assert world.client.delete(f"{BASE}/K-1", headers=bearer(b)).status_code == 404
    assert world.client.get(BASE, headers=bearer(b)).json() == {"total": 0, "offers": []}
    # B's own K-1 is another offer: A's keeps its title.
    other = offer_body(title="Kurs B")
    assert world.client.put(f"{BASE}/K-1", json=other, headers=bearer(b)).status_code == 201
    assert (
        world.client.get(f"{BASE}/K-1", headers=bearer(a)).json()["title"] == offer_body()["title"]
    )
    assert world.client.get(f"{BASE}/K-1", headers=bearer(a)).json()["status"] != "archived"


def test_each_use_is_noted_on_the_token(world: World) -> None:
    world.client.get(BASE, headers=bearer(world.token(world.a)))
    with Session(world.engine) as db:
        assert db.exec(select(ApiToken)).one().last_used_at is not None


# --- writing ----------------------------------------------------------------------------


def test_put_creates_then_the_same_body_again_changes_nothing(world: World) -> None:
    headers = bearer(world.token(world.a))
    first = world.client.put(f"{BASE}/K-1", json=offer_body(), headers=headers)
    assert first.status_code == 201, first.text
    assert first.headers["location"] == f"{BASE}/K-1"
    assert first.json()["changed"] is True
    again = world.client.put(f"{BASE}/K-1", json=offer_body(), headers=headers)
    assert again.status_code == 200
    assert again.json() | {"changed": True} == first.json()
    assert again.json()["changed"] is False
    assert len(history(world, "K-1")) == 1


def test_put_replaces_and_the_history_names_the_token_and_the_api(world: World) -> None:
    headers = bearer(world.token(world.a))
    world.client.put(f"{BASE}/K-1", json=offer_body(), headers=headers)
    response = world.client.put(f"{BASE}/K-1", json=offer_body(duration_hours=80), headers=headers)
    assert response.status_code == 200 and response.json()["changed"] is True
    changes = history(world, "K-1")
    assert len(changes) == 2
    with Session(world.engine) as db:
        token_id = db.exec(select(ApiToken.id)).one()
    assert {(c.via, c.api_token_id, c.account_id) for c in changes} == {("api", token_id, None)}
    assert changes[-1].fields["duration_hours"] == [67, 80]
    read = world.client.get(f"{BASE}/K-1", headers=headers).json()
    assert read["fields"]["duration_hours"] == 80
    assert read["catalogue"]["duration_hours"] == 80


def test_what_get_returns_put_takes_unchanged(world: World) -> None:
    headers = bearer(world.token(world.a))
    world.client.put(f"{BASE}/K-1", json=offer_body(), headers=headers)
    fields = world.client.get(f"{BASE}/K-1", headers=headers).json()["fields"]
    response = world.client.put(f"{BASE}/K-1", json=fields, headers=headers)
    assert response.status_code == 200 and response.json()["changed"] is False


def test_a_new_institutions_first_offer_waits_for_review_and_a_draft_stays_a_draft(
    world: World,
) -> None:
    headers = bearer(world.token(world.a))
    published = world.client.put(f"{BASE}/K-1", json=offer_body(), headers=headers).json()
    assert published["status"] == "review"
    assert "first_offers" in {reason["code"] for reason in published["review_reasons"]}
    draft = world.client.put(f"{BASE}/K-2?draft=true", json=offer_body(), headers=headers)
    assert draft.json()["status"] == "draft"


def test_post_creates_and_a_second_post_of_the_id_is_409(world: World) -> None:
    headers = bearer(world.token(world.a))
    body = offer_body(external_id="K-9")
    created = world.client.post(BASE, json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"{BASE}/K-9"
    conflict = world.client.post(
        BASE, json=offer_body(external_id="K-9", title="Inny"), headers=headers
    )
    assert conflict.status_code == 409 and set(conflict.json()) == {"detail"}
    assert world.client.get(f"{BASE}/K-9", headers=headers).json()["title"] == body["title"]
    assert len(history(world, "K-9")) == 1


def test_an_id_with_slashes_and_spaces_is_addressed_escaped(world: World) -> None:
    headers = bearer(world.token(world.a))
    created = world.client.post(BASE, json=offer_body(external_id="KKZ 01/2027"), headers=headers)
    assert created.headers["location"] == f"{BASE}/KKZ%2001%2F2027"
    assert world.client.get(f"{BASE}/KKZ%2001%2F2027", headers=headers).status_code == 200
    assert world.client.get(f"{BASE}/KKZ 01/2027", headers=headers).status_code == 200


def test_delete_archives_and_is_idempotent(world: World) -> None:
    headers = bearer(world.token(world.a))
    world.client.put(f"{BASE}/K-1", json=offer_body(), headers=headers)
    first = world.client.delete(f"{BASE}/K-1", headers=headers)
    assert first.status_code == 200 and first.json()["status"] == "archived"
    assert first.json()["changed"] is True
    again = world.client.delete(f"{BASE}/K-1", headers=headers)
    assert again.status_code == 200 and again.json()["changed"] is False
    assert len(history(world, "K-1")) == 2
    assert world.client.delete(f"{BASE}/K-404", headers=headers).status_code == 404
    with Session(world.engine) as db:
        assert db.exec(select(Offer)).one().status == OfferStatus.archived


def test_the_list_holds_the_institutions_offers_paged_by_id(world: World) -> None:
    headers = bearer(world.token(world.a))
    for key in ("K-1", "K-2", "K-3"):
        world.client.put(f"{BASE}/{key}", json=offer_body(), headers=headers)
    world.client.put(f"{BASE}/K-B", json=offer_body(), headers=bearer(world.token(world.b)))
    first = world.client.get(f"{BASE}?limit=2", headers=headers).json()
    assert first["total"] == 3
    assert [o["external_id"] for o in first["offers"]] == ["K-1", "K-2"]
    rest = world.client.get(f"{BASE}?after={first['offers'][-1]['id']}", headers=headers).json()
    assert [o["external_id"] for o in rest["offers"]] == ["K-3"]


# --- checking ---------------------------------------------------------------------------


def test_an_offer_that_fails_the_checks_is_422_with_the_uploads_codes_and_not_stored(
    world: World,
) -> None:
    headers = bearer(world.token(world.a))
    edition = {"start": f"{NEXT_YEAR}-05-01", "end": f"{NEXT_YEAR}-04-01", "town": "Atlantyda"}
    body = offer_body(url="javascript:alert(1)", editions=[edition])
    response = world.client.put(f"{BASE}/K-1", json=body, headers=headers)
    assert response.status_code == 422
    problems = response.json()["detail"]
    found = {(p["code"], p["field"], p["column"]) for p in problems}
    assert ("bad_url", "url", "url") in found
    assert ("end_before_start", "editions[0].end", "data_zakonczenia") in found
    assert ("unknown_place", "editions[0].town", "miejscowosc") in found
    assert all(p["message"] and p["message_en"] and p["severity"] == "error" for p in problems)
    assert world.client.get(f"{BASE}/K-1", headers=headers).status_code == 404


def test_an_id_of_spaces_only_is_422_about_the_external_id(world: World) -> None:
    response = world.client.put(
        f"{BASE}/%20%20", json=offer_body(), headers=bearer(world.token(world.a))
    )
    assert response.status_code == 422
    assert [(p["code"], p["field"]) for p in response.json()["detail"]] == [
        ("bad_external_id", "external_id")
    ]


def test_writes_of_one_offer_at_once_make_one_offer_with_one_set_of_editions(world: World) -> None:
    headers = bearer(world.token(world.a))
    app = world.client.app

    def put(n: int) -> int:
        with TestClient(app) as client:  # type: ignore[arg-type]
            body = offer_body(duration_hours=60 + n)
            return client.put(f"{BASE}/K-1", json=body, headers=headers).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(put, range(12)))
    assert set(answers) <= {200, 201, 409}, answers
    assert answers.count(201) == 1, answers
    with Session(world.engine) as db:
        (offer,) = db.exec(select(Offer)).all()
        # Each write replaced the editions whole: one edition, never two writes' mixed.
        assert len(offer.editions) == 1


def test_a_warning_is_saved_and_returned(world: World) -> None:
    headers = bearer(world.token(world.a))
    past = (date.today() - timedelta(days=3)).isoformat()
    body = offer_body(editions=[{"start": past, "town": "Nowa Sól"}])
    response = world.client.put(f"{BASE}/K-1", json=body, headers=headers)
    assert response.status_code == 201
    assert [w["code"] for w in response.json()["warnings"]] == ["date_in_past"]


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        (offer_body(editions=[{"price": [1]}]), "invalid_", "editions[0].price"),
        (offer_body(colour="red"), "invalid_extra_forbidden", "colour"),
        (offer_body(extras={"panel_published": {}}), "invalid_value_error", "extras"),
        (offer_body(title="x" * 501), "invalid_string_too_long", "title"),
        (offer_body(editions=[{"price": float("1e300")}]), "invalid_", "editions[0].price"),
    ],
)
def test_a_body_that_cannot_be_read_is_422_in_the_same_shape(
    world: World, body: dict[str, Any], code: str, field: str
) -> None:
    response = world.client.put(f"{BASE}/K-1", json=body, headers=bearer(world.token(world.a)))
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert any(p["code"].startswith(code) and p["field"] == field for p in problems), problems


@pytest.mark.parametrize("content", [b"{", b"[]", b"null", b"\xff", b"[" * 100_000])
def test_a_body_that_is_not_an_offer_is_a_4xx(world: World, content: bytes) -> None:
    response = world.client.put(
        f"{BASE}/K-1",
        content=content,
        headers=bearer(world.token(world.a)) | {"Content-Type": "application/json"},
    )
    assert 400 <= response.status_code < 500
    assert set(response.json()) == {"detail"}


def test_a_chunked_body_over_the_limit_is_refused_and_one_under_it_read(world: World) -> None:
    headers = bearer(world.token(world.a)) | {"Content-Type": "application/json"}
    big = json.dumps(offer_body(description="x" * 1_100_000)).encode()
    small = json.dumps(offer_body()).encode()

    def chunks(content: bytes) -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield from (content[i : i + 65536] for i in range(0, len(content), 65536))

    refused = world.client.put(f"{BASE}/K-1", content=chunks(big), headers=headers)
    assert refused.status_code == 413
    taken = world.client.put(f"{BASE}/K-1", content=chunks(small), headers=headers)
    assert taken.status_code == 201, taken.text


def test_a_body_over_the_limit_is_refused_unread(world: World) -> None:
    body = offer_body(description="x" * 1_100_000)
    response = world.client.put(f"{BASE}/K-1", json=body, headers=bearer(world.token(world.a)))
    assert response.status_code == 413


def test_the_write_api_spends_the_api_budget_and_answers_429_past_it(
    database_url: str, tmp_path: Path
) -> None:
    web = WebSettings(rate_limit_api_per_second=0.1, rate_limit_api_burst=3)  # none back in a test
    with closing(make_world(database_url, tmp_path, web)) as limited:
        check_the_budget(next(limited))


def check_the_budget(world: World) -> None:
    headers = bearer(world.token(world.a))
    answers = [
        world.client.put(f"{BASE}/K-{n}", json=offer_body(), headers=headers) for n in range(4)
    ]
    assert [a.status_code for a in answers] == [201, 201, 201, 429]
    assert int(answers[-1].headers["retry-after"]) >= 1
    assert set(answers[-1].json()) == {"detail"}
    schema = world.client.app.openapi()  # type: ignore[attr-defined]
    assert "429" in schema["paths"][f"{BASE}/{{external_id}}"]["put"]["responses"]


# --- documentation ----------------------------------------------------------------------


def test_the_guide_names_every_field_of_the_body() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "institution-api.md").read_text()
    for model in (OfferBody, EditionBody):
        for name in model.model_fields:
            assert f"`{name}`" in guide, name


def test_the_openapi_schema_documents_each_operation_and_its_errors(world: World) -> None:
    schema = world.client.get("/openapi.json").json()
    operations = {
        (method.upper(), path): op
        for path, ops in schema["paths"].items()
        if path.startswith("/api/v1/institution")
        for method, op in ops.items()
    }
    assert set(operations) == {
        ("GET", BASE),
        ("POST", BASE),
        ("GET", BASE + "/{external_id}"),
        ("PUT", BASE + "/{external_id}"),
        ("DELETE", BASE + "/{external_id}"),
    }
    for (method, path), op in operations.items():
        assert op["tags"] == ["institution"] and op["summary"]
        assert {"401", "422"} <= set(op["responses"]), (method, path)
        assert op["security"] == [{"institution_token": []}]
    assert {"409", "413"} <= set(operations[("POST", BASE)]["responses"])
    assert "413" in operations[("PUT", BASE + "/{external_id}")]["responses"]
    for created in (operations[("POST", BASE)], operations[("PUT", BASE + "/{external_id}")]):
        assert "Location" in created["responses"]["201"]["headers"]
    assert "404" in operations[("DELETE", BASE + "/{external_id}")]["responses"]
    assert schema["components"]["securitySchemes"]["institution_token"]["scheme"] == "bearer"
