"""The read API v1 (web/routes/api_v1.py): conditional answers, CORS, HEAD, 404/422, the moves of
the old JSON addresses, and /docs from our own origin."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from search.interface import Query
from search.meili import MeiliBackend
from search.tantivy import EmbeddedBackend
from tests.search.meili_fake import MOMENT, FakeMeili
from tests.web.web_support import Catalogue

pytestmark = pytest.mark.pages_not_database

ORIGIN = {"Origin": "https://elsewhere.example.org"}


def test_a_search_hit_and_its_offer_agree(client: TestClient) -> None:
    found = client.get("/api/v1/offers", params={"q": "spawanie"})
    assert found.status_code == 200
    hits = found.json()["hits"]
    assert hits
    for hit in hits:
        hit.pop("match")
        offer = client.get(f"/api/v1/offers/{hit['id']}").json()
        assert set(hit) < set(offer)
        assert hit == {k: offer[k] for k in hit}
        assert offer["url"].endswith(f"/oferty/{hit['id']}")
        assert offer["source_url"] != offer["url"]


def test_an_offer_answers_304_to_its_etag_and_to_its_time(
    client: TestClient, catalogue: Catalogue
) -> None:
    path = f"/api/v1/offers/{catalogue.ids['mec08']}"
    first = client.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    earlier = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(path, headers={"If-Modified-Since": earlier}).status_code == 200
    # Another language is another answer.
    english = client.get(path, headers={"If-None-Match": etag, "Accept-Language": "en"})
    assert english.status_code == 200 and english.headers["etag"] != etag


def test_a_search_answers_304_to_its_etag_and_to_its_time(client: TestClient) -> None:
    first = client.get("/api/v1/offers", params=[("powiat", "0862"), ("kind", "kkz")])
    etag = first.headers["etag"]
    # The same search spelled another way is the same answer.
    same = client.get(
        "/api/v1/offers", params=[("kind", "kkz"), ("powiat", "0862")],
        headers={"If-None-Match": etag},
    )  # fmt: skip
    assert same.status_code == 304
    other = client.get("/api/v1/offers", params={"kind": "kkz"}, headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    since = client.get(
        "/api/v1/offers", headers={"If-Modified-Since": first.headers["last-modified"]}
    )
    assert since.status_code == 304


def test_the_read_api_is_open_to_any_origin_the_rest_is_not(
    client: TestClient, catalogue: Catalogue
) -> None:
    simple = client.get("/api/v1/offers", headers=ORIGIN)
    assert simple.headers["access-control-allow-origin"] == "*"
    assert "ETag" in simple.headers["access-control-expose-headers"]
    assert "access-control-allow-credentials" not in simple.headers
    preflight = client.options(
        f"/api/v1/offers/{catalogue.ids['mec08']}",
        headers={**ORIGIN, "Access-Control-Request-Method": "GET",
                 "Access-Control-Request-Headers": "if-none-match"},
    )  # fmt: skip
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    assert "If-None-Match" in preflight.headers["access-control-allow-headers"]
    for path in ("/api/v1/institution/offers", "/", f"/oferty/{catalogue.ids['mec08']}"):
        answer = client.get(path, headers=ORIGIN)
        assert "access-control-allow-origin" not in answer.headers, path
        refused = client.options(path, headers={**ORIGIN, "Access-Control-Request-Method": "GET"})
        assert "access-control-allow-origin" not in refused.headers, path


def test_head_is_answered_wherever_get_is(client: TestClient, catalogue: Catalogue) -> None:
    offer = catalogue.ids["mec08"]
    for path in ("/api/v1/offers?q=spawanie", f"/api/v1/offers/{offer}",
                 "/api/v1/suggest?q=spaw", "/api/v1/health", "/docs"):  # fmt: skip
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b""
        assert head.headers.get("etag") == got.headers.get("etag"), path


def test_out_of_range_is_422_on_the_api_and_404_on_the_page(client: TestClient) -> None:
    beyond = client.get("/api/v1/offers", params={"page": 999, "per_page": 5})
    assert beyond.status_code == 422
    assert beyond.json()["detail"][0]["loc"] == ["query", "page"]
    assert client.get("/api/v1/offers", params={"page": 0}).status_code == 422
    assert client.get("/?page=999").status_code == 404
    missing = client.get("/api/v1/offers/987654")
    assert missing.status_code == 404 and missing.json() == {
        "detail": "Offer 987654 does not exist"
    }
    assert client.get("/api/v1/offers/0").status_code == 422


def test_the_json_of_before_moved_permanently(client: TestClient, catalogue: Catalogue) -> None:
    offer = catalogue.ids["mec08"]
    moves = {
        "/api/offers?q=spawanie&kind=kkz": "/api/v1/offers?q=spawanie&kind=kkz",
        f"/api/offers/{offer}": f"/api/v1/offers/{offer}",
        "/api/suggest?q=spaw": "/api/v1/suggest?q=spaw",
        f"/oferty/{offer}.json": f"/api/v1/offers/{offer}",
        "/?q=spawanie&format=json&page=1": "/api/v1/offers?q=spawanie&page=1",
    }
    for old, new in moves.items():
        answer = client.get(old, follow_redirects=False)
        assert answer.status_code == 308, old
        assert answer.headers["location"] == new
    assert client.get(f"/oferty/{offer}.json").json()["id"] == offer


def test_docs_come_from_our_own_origin(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text), "an outside address"
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in re.findall(r"(?:src|href)=\"(/[^\"]+)\"", page.text):
        if asset != "/openapi.json":
            assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["paths"]["/api/v1/offers"]


def test_the_index_version_changes_with_every_write(catalogue: Catalogue, tmp_path: Path) -> None:
    documents = [hit.document for hit in EmbeddedBackend(catalogue.index_dir).search(
        Query(per_page=3)).hits]  # fmt: skip
    backend = EmbeddedBackend(tmp_path / "index")
    empty = backend.version()
    assert empty.committed_at is None
    backend.index(documents[:2])
    first = backend.version()
    assert first.tag != empty.tag and first.committed_at is not None
    assert backend.version() == first  # nothing written: the same version
    backend.index(documents[2:])
    assert backend.version().tag != first.tag
    backend.rebuild(documents)
    assert backend.version().tag not in (first.tag, empty.tag)


def test_the_meilisearch_index_version_is_its_creation_and_last_update() -> None:
    with FakeMeili() as meili:
        backend = MeiliBackend(meili.url)
        assert backend.version().tag == "empty"
        meili.indexes["offers"] = 3
        version = backend.version()
        assert meili.lines()[-1] == "GET /indexes/offers"
    assert version.tag == f"{MOMENT}/{MOMENT}"
    assert version.committed_at == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
