"""Per-client rate limits: 429 with Retry-After past the budget, and the budget back after it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalogue.settings import CatalogueSettings
from lll.settings import Settings
from search.settings import SearchSettings
from tests.web.web_support import Catalogue
from web.app import create_app
from web.ratelimit import Budget, TokenBuckets, client_key
from web.settings import WebSettings

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

BURST = 4


def limited_app(catalogue: Catalogue, **limits: float | str) -> FastAPI:
    web = {
        "sample_data": True,
        "rate_limit_api_per_second": 0.2,  # a token each 5 s: none comes back during a test
        "rate_limit_api_burst": BURST,
        "rate_limit_pages_per_second": 0.2,
        "rate_limit_pages_burst": BURST,
        **limits,
    }
    return create_app(
        Settings(
            catalogue=CatalogueSettings(database_url=catalogue.database_url),
            search=SearchSettings(index_dir=catalogue.index_dir),
            web=WebSettings(**web),  # type: ignore[arg-type]
        )
    )


@pytest.fixture
def app(catalogue: Catalogue) -> FastAPI:
    return limited_app(catalogue)


def client(app: FastAPI, address: str = "203.0.113.7") -> TestClient:
    return TestClient(app, client=(address, 40000))


@pytest.fixture
def visitor(app: FastAPI) -> Iterator[TestClient]:
    with client(app) as test_client:
        yield test_client


def spend(test_client: TestClient, path: str, times: int = BURST) -> None:
    for _ in range(times):
        assert test_client.get(path).status_code == 200


def test_a_client_past_its_api_budget_is_answered_429_with_retry_after_in_the_error_shape(
    visitor: TestClient,
):
    spend(visitor, "/api/v1/offers?q=spawanie")
    answer = visitor.get("/api/v1/offers?q=spawanie")
    assert answer.status_code == 429
    assert int(answer.headers["Retry-After"]) >= 1
    assert answer.headers["content-type"] == "application/json"
    assert set(answer.json()) == {"detail"}
    assert "retry after" in answer.json()["detail"]


def test_suggestions_share_the_api_budget(visitor: TestClient):
    spend(visitor, "/api/v1/suggest?q=spaw", BURST - 1)
    assert visitor.get("/api/v1/offers").status_code == 200
    assert visitor.get("/api/v1/suggest?q=spaw").status_code == 429


def test_a_client_past_its_page_budget_gets_a_polish_page_with_retry_after(visitor: TestClient):
    spend(visitor, "/?q=spawanie")
    answer = visitor.get("/?q=spawanie")
    assert answer.status_code == 429
    assert int(answer.headers["Retry-After"]) >= 1
    assert answer.headers["content-type"].startswith("text/html")
    assert "Za dużo zapytań" in answer.text


def test_the_budget_comes_back_after_the_wait_retry_after_names(catalogue: Catalogue):
    app = limited_app(catalogue, rate_limit_pages_per_second=1, rate_limit_pages_burst=2)
    with client(app) as visitor:
        spend(visitor, "/o-robocie", 2)
        refused = visitor.get("/o-robocie")
        assert refused.status_code == 429
        assert refused.headers["Retry-After"] == "1"
        time.sleep(1)
        assert visitor.get("/o-robocie").status_code == 200
        assert visitor.get("/o-robocie").status_code == 429


def test_two_clients_have_budgets_of_their_own(app: FastAPI):
    with client(app, "203.0.113.7") as first, client(app, "198.51.100.9") as second:
        spend(first, "/api/v1/offers")
        assert first.get("/api/v1/offers").status_code == 429
        spend(second, "/api/v1/offers")
        assert second.get("/api/v1/offers").status_code == 429


def test_a_client_cannot_escape_its_budget_by_naming_another_address(visitor: TestClient):
    for number in range(BURST):
        spoofed = {"X-Forwarded-For": f"192.0.2.{number}", "X-Real-IP": f"192.0.2.{number}"}
        assert visitor.get("/api/v1/offers", headers=spoofed).status_code == 200
    assert (
        visitor.get("/api/v1/offers", headers={"X-Forwarded-For": "192.0.2.99"}).status_code == 429
    )


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget(catalogue: Catalogue):
    app = limited_app(catalogue, trusted_proxies="203.0.113.7")
    with client(app, "203.0.113.7") as proxy:
        first, second = {"X-Forwarded-For": "192.0.2.1"}, {"X-Forwarded-For": "192.0.2.2"}
        for _ in range(BURST):
            assert proxy.get("/api/v1/offers", headers=first).status_code == 200
        assert proxy.get("/api/v1/offers", headers=first).status_code == 429
        assert proxy.get("/api/v1/offers", headers=second).status_code == 200


def test_the_pages_and_the_api_have_separate_budgets(visitor: TestClient):
    spend(visitor, "/api/v1/offers")
    assert visitor.get("/api/v1/offers").status_code == 429
    spend(visitor, "/o-robocie")


def test_health_checks_and_static_files_are_never_limited(visitor: TestClient):
    for _ in range(3 * BURST):
        assert visitor.get("/healthz").status_code == 200
        assert visitor.get("/static/style.css").status_code == 200


def test_limits_set_to_zero_or_turned_off_let_every_request_through(catalogue: Catalogue):
    for app in (
        limited_app(catalogue, rate_limit_api_per_second=0, rate_limit_pages_burst=0),
        limited_app(catalogue, rate_limits=False),
    ):
        with client(app) as test_client:
            spend(test_client, "/api/v1/offers", 3 * BURST)
            spend(test_client, "/o-robocie", 3 * BURST)


def test_the_default_budgets_let_a_person_browse_freely(catalogue: Catalogue):
    defaults = WebSettings()
    assert defaults.rate_limits
    assert defaults.rate_limit_api_per_second >= 10 and defaults.rate_limit_api_burst >= 30
    assert defaults.rate_limit_pages_per_second >= 5 and defaults.rate_limit_pages_burst >= 20
    app = create_app(
        Settings(
            catalogue=CatalogueSettings(database_url=catalogue.database_url),
            search=SearchSettings(index_dir=catalogue.index_dir),
        )
    )
    with client(app) as test_client:  # a page and typing a word with suggestions, twice
        for _ in range(2):
            spend(test_client, "/?q=spawanie", 1)
            spend(test_client, "/api/v1/suggest?q=spawa", 6)


def test_the_api_schema_documents_the_429_and_its_retry_after(app: FastAPI, catalogue: Catalogue):
    paths = app.openapi()["paths"]
    for path in ("/api/v1/offers", "/api/v1/suggest", "/api/v1/offers/{offer_id}"):
        answer = paths[path]["get"]["responses"]["429"]
        assert "Retry-After" in answer["headers"]
        assert answer["content"]["application/json"]["schema"]["required"] == ["detail"]
    assert "429" not in paths["/healthz"]["get"]["responses"]
    unlimited = limited_app(catalogue, rate_limits=False).openapi()["paths"]
    assert "429" not in unlimited["/api/v1/offers"]["get"]["responses"]


def test_an_ipv6_client_is_counted_by_its_64_network_and_a_mapped_ipv4_as_ipv4():
    one = client_key({"client": ("2001:db8:1:2:aaaa::1", 1)})
    assert one == client_key({"client": ("2001:db8:1:2:bbbb::9", 1)}) == "2001:db8:1:2::/64"
    assert client_key({"client": ("2001:db8:1:3::1", 1)}) != one
    assert client_key({"client": ("::ffff:192.0.2.1", 1)}) == "192.0.2.1"
    assert client_key({"client": None}) == "unknown"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_refills_at_its_rate_and_says_how_long_to_wait():
    clock = Clock()
    buckets = TokenBuckets(Budget(rate=2, burst=2), clock=clock)
    assert [buckets.take("a"), buckets.take("a")] == [0, 0]
    assert buckets.take("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert buckets.take("a") == 0


def test_idle_clients_are_forgotten_and_memory_is_bounded():
    clock = Clock()
    buckets = TokenBuckets(Budget(rate=10, burst=20), max_keys=100, clock=clock)
    for number in range(1000):
        buckets.take(f"10.0.{number // 256}.{number % 256}")
    assert buckets.clients == 100
    clock.now += 2  # a bucket of 20 at 10 a second is full again after 2 s
    buckets.take("192.0.2.1")
    assert buckets.clients == 1
