"""Schemathesis over the app's own OpenAPI schema, in-process: every operation, a fast seeded
profile (`make test` runs it), no 5xx and every 4xx in the documented error shape.

The issue's fuzzing of the running service found 203 answers 500 in 31,770 requests (an id
beyond 64 bits); this keeps such a defect from coming back unnoticed. Each operation gets
requests the schema allows and requests it forbids (wrong types, out-of-range numbers, missing
or extra parameters). The count of requests and of 5xx is printed at the end of the run.

(Schemathesis' own pytest plugin does not run under pytest 9, so its strategies are driven here
by Hypothesis directly.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

OPERATIONS = [
    "GET /api/v1/offers",
    "GET /api/v1/suggest",
    "GET /api/v1/offers/{offer_id}",
    "GET /healthz",
    # issue 14: the ELM 3 export (web/routes/elm_export.py)
    "GET /api/v1/export/elm.jsonld",
    "GET /api/v1/offers/{offer_id}/elm.jsonld",
    "GET /api/v1/health",
    # issue 14: the bulk exports, their dictionary and the changes feed (web/routes/reuse.py)
    "GET /api/v1/export/offers.csv",
    "GET /api/v1/export/offers.jsonl",
    "GET /api/v1/export/offers.xlsx",
    "GET /api/v1/export/dictionary.json",
    "GET /api/v1/changes",
    # The institutions' write API: without a token every request is a 401 (or a 4xx of its
    # input); with one, tests/web/test_institution_api_fuzz.py.
    "GET /api/v1/institution/offers",
    "POST /api/v1/institution/offers",
    "GET /api/v1/institution/offers/{external_id}",
    "PUT /api/v1/institution/offers/{external_id}",
    "DELETE /api/v1/institution/offers/{external_id}",
]
PARAMETERLESS = (
    "GET /healthz",
    "GET /api/v1/health",
    "GET /api/v1/export/elm.jsonld",
    "GET /api/v1/export/offers.csv",
    "GET /api/v1/export/offers.jsonl",
    "GET /api/v1/export/offers.xlsx",
    "GET /api/v1/export/dictionary.json",
)
EXAMPLES = 100  # per operation and mode: about 1,200 requests on each database
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def report_tally(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and TALLY["requests"]:
        with capture.global_and_fixture_disabled():
            reporter.write_line(
                f"\nfuzz: {TALLY['requests']} requests, {TALLY['5xx']} answered 5xx, "
                f"{TALLY['4xx']} answered 4xx"
            )


def test_the_fuzzer_covers_every_operation_of_the_schema(api_schema: Any) -> None:
    labels = [result.ok().label for result in api_schema.get_all_operations()]
    assert sorted(labels) == sorted(OPERATIONS)


def check(case: Any) -> None:
    response = case.call()
    TALLY["requests"] += 1
    status = response.status_code
    if status >= 500:
        TALLY["5xx"] += 1
    assert status < 500, f"{case.method} {case.formatted_path} {case.query} answered {status}"
    if 400 <= status < 500:
        TALLY["4xx"] += 1
        assert response.headers["content-type"][0].startswith("application/json")
        assert set(response.json()) == {"detail"}, response.text


@pytest.mark.parametrize(
    ("label", "mode"),
    [
        (label, mode)
        for label in OPERATIONS
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        # no parameters
        if not (label in PARAMETERLESS and mode == GenerationMode.NEGATIVE)
    ],
)
def test_no_request_the_schema_allows_or_forbids_makes_the_api_fail(
    api_schema: Any, label: str, mode: GenerationMode
) -> None:
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,  # the same cases on every run: a failure is repeatable
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def fuzz(case: Any) -> None:
        check(case)

    fuzz()
