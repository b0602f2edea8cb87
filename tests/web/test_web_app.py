"""The app as built from settings: the banner switch and failures shown as pages."""

from __future__ import annotations

from pathlib import Path

import anyio.to_thread
from fastapi.testclient import TestClient

from catalogue.db import get_engine
from tests.app_settings import app_settings
from tests.web.web_support import Catalogue, html
from web.app import create_app
from web.services import app_services


def test_the_sample_data_banner_follows_the_settings(catalogue: Catalogue) -> None:
    settings = app_settings(
        database_url=catalogue.database_url,
        index_dir=catalogue.index_dir,
        sample_data=False,
    )
    with TestClient(create_app(settings)) as client:
        page = html(client, "/")
    assert not page.css("#sample-banner")
    assert page.css("ol.results li.card")


def test_a_broken_catalogue_shows_the_error_page_and_health_says_so(
    tmp_path: Path, empty_database_url: str
) -> None:
    # A database without the catalogue's tables: every offer lookup fails.
    database_url = empty_database_url
    with get_engine(database_url).connect():
        pass
    settings = app_settings(database_url=database_url, index_dir=tmp_path / "index")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        page = html(client, "/oferty/1", status=500)
        assert page.css("h1::text").get() == "Coś poszło nie tak"
        assert "Traceback" not in page.get()
        api = client.get("/api/v1/offers/1")
        assert (api.status_code, api.json()) == (500, {"detail": "Server error"})
        # An index that was never built is empty, not an error; the catalogue is the error.
        health = client.get("/healthz")
        assert (health.status_code, health.json()) == (
            503,
            {
                "status": "error",
                "database": "error",
                "index_documents": 0,
                "expected_documents": None,
                "reason": "the catalogue cannot be read",
            },
        )
        assert html(client, "/").css("#results-count").xpath("string()").get().strip() == (
            "Nie znaleziono ofert."
        )


def test_the_page_the_crawlers_user_agent_links_says_who_we_are(client: TestClient) -> None:
    settings = app_services(client.app).settings
    agent = settings.crawlers.user_agent_for(settings.catalogue.public_url)
    assert f"{settings.catalogue.public_url.rstrip('/')}/o-robocie" in agent
    page = html(client, "/o-robocie")
    assert page.css("h1::text").get() == "Robot katalogu (LubuskieLLLBot)"
    assert page.css("code::text").get() == agent
    assert "robots.txt" in " ".join(page.css("p::text").getall())
    assert html(client, "/").css('footer a[href="/o-robocie"]')  # linked from every page
    assert "obeys robots.txt" in " ".join(
        html(client, "/o-robocie?lang=en").css("p::text").getall()
    )


def test_each_process_runs_as_many_requests_at_once_as_web_threads_says(
    catalogue: Catalogue,
) -> None:
    settings = app_settings(database_url=catalogue.database_url, index_dir=catalogue.index_dir)
    settings.web.web_threads = 3
    with TestClient(create_app(settings)) as client:
        tokens = client.portal.call(_thread_tokens)  # type: ignore[union-attr]
        assert client.get("/api/offers?q=spawanie").status_code == 200
    assert tokens == 3


async def _thread_tokens() -> float:
    return anyio.to_thread.current_default_thread_limiter().total_tokens
