"""The hostile inputs of `hostile_inputs.py` against the pages and the API: never a 5xx, an
error always in the documented shape, and nothing reflected unescaped into a page."""

from __future__ import annotations

import html
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.web.hostile_inputs import ENDPOINTS, PATHS, RAW_QUERIES, VALUES

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

# Characters that make a reflected value markup; a page may show the value only escaped.
MARKUP = ("<", ">", '"')


def assert_sound(response: httpx.Response, sent: str) -> None:
    request = response.request
    assert response.status_code < 500, f"{request.method} {request.url} -> {response.status_code}"
    content_type = response.headers.get("content-type", "")
    if response.status_code >= 400 and content_type.startswith("application/json"):
        assert set(response.json()) == {"detail"}
    if content_type.startswith("text/html") and any(c in sent for c in MARKUP):
        assert sent not in response.text, f"{request.url} reflects its input unescaped"
        for part in sent.split():
            if any(c in part for c in MARKUP) and len(part) > 3:
                assert part not in response.text, f"{request.url} reflects {part!r} unescaped"


# The parameters never reach the database as they are (ids do, in paths: those run on both).
@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
@pytest.mark.parametrize("name", VALUES)
def test_a_hostile_value_in_any_parameter_answers_without_a_server_error(
    client: TestClient, name: str
) -> None:
    value = VALUES[name]
    for endpoint, parameters in ENDPOINTS.items():
        for parameter in parameters:
            response = client.get(endpoint, params={parameter: value})
            assert_sound(response, value)


@pytest.mark.parametrize("name", VALUES)
def test_a_hostile_value_in_a_path_answers_without_a_server_error(
    client: TestClient, name: str
) -> None:
    value = VALUES[name]
    for prefix in ("/oferty/", "/api/v1/offers/", "/static/"):
        response = client.get(prefix + quote(value, safe=""))
        assert_sound(response, value)


@pytest.mark.parametrize("name", RAW_QUERIES)
def test_a_malformed_query_string_answers_without_a_server_error(
    client: TestClient, name: str
) -> None:
    for endpoint in [*ENDPOINTS, "/oferty/1", "/healthz"]:
        assert_sound(client.get(f"{endpoint}?{RAW_QUERIES[name]}"), RAW_QUERIES[name])


@pytest.mark.parametrize("name", PATHS)
def test_a_hostile_path_answers_without_a_server_error(client: TestClient, name: str) -> None:
    response = client.get(PATHS[name], follow_redirects=False)
    assert_sound(response, PATHS[name])
    assert "root:" not in response.text  # /etc/passwd stays unread
    assert "evil.example" not in response.headers.get("location", "")


def test_a_reflected_query_is_shown_escaped_on_the_search_page(client: TestClient) -> None:
    payload = '"><script>alert(1)</script>'
    page = client.get("/", params={"q": payload})
    assert page.status_code == 200
    assert html.escape(payload) in page.text or "&#34;&gt;&lt;script&gt;" in page.text
    assert "<script>alert(1)" not in page.text
