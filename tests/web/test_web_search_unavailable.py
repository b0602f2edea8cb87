"""When the search service cannot answer, people get a clear 503, never a 500."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

from catalogue.db import create_all, get_engine
from catalogue.settings import Settings
from web.app import create_app


@pytest.fixture
def client(tmp_path):
    with socket.socket() as probe:  # a local port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'catalogue.sqlite3'}",
        search_backend="meilisearch",
        meili_url=f"http://127.0.0.1:{port}",
        meili_master_key="test-key",
        index_sync=False,
    )
    create_all(get_engine(settings.database_url))
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_the_api_answers_503_when_the_search_service_is_down(client):
    response = client.get("/api/offers", params={"q": "spawanie"})
    assert response.status_code == 503
    assert response.json() == {"detail": "Search unavailable"}


def test_the_search_page_says_so_in_polish_when_the_search_service_is_down(client):
    response = client.get("/", params={"q": "spawanie"}, headers={"Accept-Language": "pl"})
    assert response.status_code == 503
    assert "Wyszukiwarka jest chwilowo niedostępna" in response.text
