"""When the search service cannot answer, people get a clear 503, never a 500."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

from tests.app_settings import app_settings
from web.app import create_app


@pytest.fixture
def client(database_url):
    with socket.socket() as probe:  # a local port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = app_settings(
        database_url=database_url,
        backend="meilisearch",
        meili_url=f"http://127.0.0.1:{port}",
        meili_master_key="test-key",
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_the_api_answers_503_when_the_search_service_is_down(client):
    response = client.get("/api/v1/offers", params={"q": "spawanie"})
    assert response.status_code == 503
    assert response.json() == {"detail": "Search unavailable"}


def test_the_search_page_says_so_in_polish_when_the_search_service_is_down(client):
    response = client.get("/", params={"q": "spawanie"}, headers={"Accept-Language": "pl"})
    assert response.status_code == 503
    assert "Wyszukiwarka jest chwilowo niedostępna" in response.text
