"""Where the service meets the internet: security headers, HEAD and 405, ids out of range, the
Host header, and links built from crawled data."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from catalogue.db import get_engine
from catalogue.models import Institution, Offer, OfferKind, OfferStatus, Source
from catalogue.settings import CatalogueSettings
from lll.settings import Settings
from search.settings import SearchSettings
from tests.web.web_support import LAST_VERIFIED, Catalogue
from web.app import create_app
from web.edge import MAX_BODY_BYTES
from web.serving import server_config
from web.settings import WebSettings
from web.templating import TEMPLATES_DIR

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL


def _paths(catalogue: Catalogue) -> list[str]:
    offer = catalogue.ids["mag"]
    return [
        "/",
        "/?q=spawanie",
        f"/oferty/{offer}",
        "/o-robocie",
        "/api/v1/offers?q=spawanie",
        f"/api/v1/offers/{offer}",
        "/api/v1/suggest?q=spa",
        "/healthz",
        "/openapi.json",
        "/static/style.css",
        "/nie-ma-takiej-strony",
    ]


def _csp(header: str) -> dict[str, list[str]]:
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: values for name, *values in directives}


def test_every_answer_carries_a_strict_content_security_policy_and_the_other_headers(
    client: TestClient, catalogue: Catalogue
) -> None:
    for path in _paths(catalogue):
        response = client.get(path)
        csp = _csp(response.headers["content-security-policy"])
        assert csp["default-src"] == ["'self'"], path
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["form-action"] == ["'self'"]
        assert not any("unsafe" in value for values in csp.values() for value in values)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response.headers["permissions-policy"]
        assert "geolocation=()" in response.headers["permissions-policy"]
        assert "uvicorn" not in response.headers.get("server", "").lower()
        assert "strict-transport-security" not in response.headers, "HSTS over plain HTTP"


def test_hsts_is_sent_when_the_request_came_over_tls(app: FastAPI) -> None:
    with TestClient(app, base_url="https://testserver") as secure:
        hsts = secure.get("/").headers["strict-transport-security"]
    assert re.fullmatch(r"max-age=\d{8,}; includeSubDomains", hsts)


def test_the_templates_hold_no_inline_script_or_style() -> None:
    for template in Path(TEMPLATES_DIR).rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        # A JSON-LD data block is not executed (issue 14: an offer's schema.org Course).
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))", text), (
            template
        )
        assert "<style" not in text and " style=" not in text, template
        assert not re.search(r"\son[a-z]+=", text), f"an inline event handler in {template}"


def test_head_is_answered_wherever_get_is(client: TestClient, catalogue: Catalogue) -> None:
    for path in _paths(catalogue):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code, path
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
    assert client.head("/").status_code == 200
    assert client.head("/healthz").status_code == 200


def test_every_405_says_which_methods_are_allowed(client: TestClient, catalogue: Catalogue) -> None:
    for path in _paths(catalogue)[:-1]:  # an unknown path is a 404 whatever the method
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            response = client.request(method, path)
            assert response.status_code == 405, (method, path)
            allowed = {m.strip() for m in response.headers["allow"].split(",")}
            assert {"GET", "HEAD"} <= allowed, (method, path)
            if path.startswith("/api/") or path == "/healthz":
                assert response.json() == {"detail": "Method Not Allowed"}


@pytest.mark.parametrize(
    "offer_id", [str(2**63), str(MAX_ID + 1), "9" * 40, "0", str(MAX_ID), str(2**63 - 1)]
)
def test_an_id_out_of_range_is_not_found_never_a_server_error(
    client: TestClient, offer_id: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert client.get(f"/oferty/{offer_id}").status_code == 404
    api = client.get(f"/api/v1/offers/{offer_id}")
    assert api.status_code in (404, 422)
    assert set(api.json()) == {"detail"}
    assert "Traceback" not in caplog.text


def test_a_negative_id_is_not_found_on_pages_and_invalid_in_the_api(client: TestClient) -> None:
    assert client.get("/oferty/-1").status_code == 404
    response = client.get("/api/v1/offers/-1")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "offer_id"]


def test_a_forged_host_header_appears_in_no_answer(
    client: TestClient, catalogue: Catalogue
) -> None:
    public = CatalogueSettings().public_url
    for path in [*_paths(catalogue), "/api/v1/offers/", "/oferty/"]:
        response = client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
        assert "evil.example" not in response.text, path
        assert "evil.example" not in str(response.headers), path
    hits = client.get("/api/v1/offers?q=spawanie", headers={"Host": "evil.example"}).json()["hits"]
    assert hits[0]["url"] == f"{public}/oferty/{catalogue.ids['mag']}"


@pytest.fixture
def hostile_offer(database_url: str, tmp_path: Path) -> Iterator[tuple[TestClient, int]]:
    """An offer whose every link was crawled as a `javascript:` URL."""
    engine = get_engine(database_url)
    with Session(engine) as session:
        source = Source(name="wrogie", title="Wrogie źródło", url="javascript:alert('source')")
        offer = Offer(
            source=source,
            external_id="x1",
            url="JaVaScRiPt:alert('offer')",
            title="Kurs obsługi kas fiskalnych",
            kind=OfferKind.course,
            provider_name="Firma",
            institution=Institution(name="Firma", key="firma", website=" javascript:alert(1)"),
            status=OfferStatus.active,
            content_hash="x1",
            last_verified=LAST_VERIFIED,
        )
        session.add(offer)
        session.commit()
        offer_id = offer.id
    engine.dispose()
    assert offer_id is not None
    settings = Settings(
        catalogue=CatalogueSettings(database_url=database_url),
        search=SearchSettings(index_dir=tmp_path / "index"),
        web=WebSettings(),
    )
    with TestClient(create_app(settings)) as client:
        yield client, offer_id


def test_links_from_crawled_data_that_are_not_http_are_shown_as_text(
    hostile_offer: tuple[TestClient, int],
) -> None:
    client, offer_id = hostile_offer
    page = client.get(f"/oferty/{offer_id}")
    assert page.status_code == 200
    assert "Firma" in page.text
    assert "javascript:" not in page.text.lower()


def _app_behind(catalogue: Catalogue, trusted_proxies: str) -> FastAPI:
    return create_app(
        Settings(
            catalogue=CatalogueSettings(database_url=catalogue.database_url),
            search=SearchSettings(index_dir=catalogue.index_dir),
            web=WebSettings(trusted_proxies=trusted_proxies),
        )
    )


def test_only_a_trusted_proxy_can_say_the_request_came_over_tls(catalogue: Catalogue) -> None:
    app = _app_behind(catalogue, trusted_proxies="10.0.0.2, 192.0.2.0/24")
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.9"}
    for proxy in ("10.0.0.2", "192.0.2.77"):
        with TestClient(app, client=(proxy, 40000)) as behind_proxy:
            assert "strict-transport-security" in behind_proxy.get("/", headers=forwarded).headers
    with TestClient(app, client=("198.51.100.9", 40000)) as anyone:
        assert "strict-transport-security" not in anyone.get("/", headers=forwarded).headers
    untrusting = _app_behind(catalogue, trusted_proxies="")
    with TestClient(untrusting, client=("10.0.0.2", 40000)) as behind_proxy:
        assert "strict-transport-security" not in behind_proxy.get("/", headers=forwarded).headers


def test_an_unexpected_error_is_answered_with_the_security_headers_too(
    catalogue: Catalogue,
) -> None:
    app = _app_behind(catalogue, trusted_proxies="")

    def broken() -> None:
        raise RuntimeError("a defect")

    app.add_api_route("/zepsute", broken)  # a defect no route of ours has, we hope
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/zepsute")
    assert response.status_code == 500
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_served_as_lll_serve_serves_it_no_proxy_is_believed_unless_named(
    catalogue: Catalogue,
) -> None:
    """uvicorn believes X-Forwarded-* from 127.0.0.1 by default; `lll serve` leaves that to
    TRUSTED_PROXIES alone, so a local client cannot claim TLS."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    web = WebSettings(rate_limits=False)
    app = _app_behind(catalogue, trusted_proxies="")
    server = uvicorn.Server(
        server_config(app, web, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.9"}
        response = httpx.get(f"http://127.0.0.1:{port}/", headers=forwarded)
        assert response.status_code == 200
        assert "strict-transport-security" not in response.headers
        assert response.headers.get_list("server") == ["lll"]
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# --- Bodies are bounded ------------------------------------------------------------------


def test_a_body_declared_larger_than_the_bound_is_refused_before_it_is_read(client):
    too_large = b"x" * (MAX_BODY_BYTES + 1)
    answer = client.post("/logowanie", content=too_large, headers={"Content-Type": "text/plain"})
    assert answer.status_code == 413
    assert answer.headers["connection"] == "close"


def test_a_chunked_body_is_refused_once_it_passes_the_bound(client):
    def chunks():
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    answer = client.post("/logowanie", content=chunks(), headers=headers)
    assert answer.status_code == 413
    api = client.post("/api/v1/institution/offers", content=chunks(), headers=headers)
    assert api.status_code in (401, 413)  # no token: refused before or while reading


def test_a_body_within_the_bound_reaches_its_route(client):
    answer = client.post("/logowanie", data={"email": "a@b.pl", "password": "x"})
    assert answer.status_code == 403  # the route's own answer: no CSRF token
