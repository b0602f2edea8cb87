"""Schemathesis over the institutions' write API with a real token (test_web_fuzz.py sends
none, so its requests stop at 401): every operation, requests the schema allows and requests
it forbids, on a catalogue the writes really change. No 5xx, every 4xx in the `{"detail"}`
shape, every 401 with its Bearer challenge."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

from tests.postgres_support import Databases
from tests.web.test_institution_api_support import World, make_world

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

OPERATIONS = [
    "GET /api/v1/institution/offers",
    "POST /api/v1/institution/offers",
    "GET /api/v1/institution/offers/{external_id}",
    "PUT /api/v1/institution/offers/{external_id}",
    "DELETE /api/v1/institution/offers/{external_id}",
]
EXAMPLES = 60  # per operation and mode
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module")
def world(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("institution-api-fuzz")
    url = databases.create(folder)
    yield from make_world(url, folder)
    databases.drop(url)


@pytest.fixture(scope="module")
def token(world: World) -> str:
    return world.token(world.a)


@pytest.fixture(scope="module")
def api_schema(world: World) -> Any:
    app = world.client.app
    assert isinstance(app, FastAPI)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_the_fuzzer_covers_every_operation_of_the_write_api(api_schema: Any) -> None:
    labels = [result.ok().label for result in api_schema.get_all_operations()]
    assert sorted(label for label in labels if "/institution/" in label) == sorted(OPERATIONS)


@pytest.mark.parametrize(
    ("label", "mode"),
    [(label, mode) for label in OPERATIONS for mode in GenerationMode],
)
def test_no_request_with_a_token_makes_the_write_api_fail(
    api_schema: Any, world: World, token: str, label: str, mode: GenerationMode
) -> None:
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def fuzz(case: Any) -> None:
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        TALLY[f"{response.status_code // 100}xx"] += 1
        assert response.status_code < 500, (case.method, case.formatted_path, case.body)
        if response.status_code >= 400:
            assert set(response.json()) == {"detail"}, response.text
        if response.status_code == 401:
            assert response.headers["www-authenticate"][0].startswith("Bearer")

    fuzz()
    assert sum(TALLY.values())


def test_the_token_took_the_requests_past_authentication() -> None:
    """Runs after the fuzzing above: some requests wrote or read (2xx), and most were not
    stopped at 401 (the token is sent with every one)."""
    assert TALLY["2xx"] > 0, TALLY
    assert TALLY["4xx"] > 0, TALLY
