"""The health check (`/healthz`) and what `web.routes.api_v1` shares with it and reuses."""

from __future__ import annotations

import re
from dataclasses import asdict

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from operations.index_health import check_index
from search.interface import SearchBackend
from web.schemas import Health, Suggestion, SuggestResponse
from web.services import EngineDep, SearchDep

router = APIRouter()

MAX_SUGGESTIONS = 20
HEALTH_COUNTS_MAX_AGE = 10.0  # seconds; the catalogue counts of `/healthz` (see check_index)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def suggestions(search: SearchBackend, q: str, limit: int) -> SuggestResponse:
    """The answer of `/api/v1/suggest` (`web.routes.api_v1`)."""
    typed = " ".join(_CONTROL.sub(" ", q).split())
    found = search.suggest(typed, limit) if typed else []
    return SuggestResponse(q=typed, suggestions=[Suggestion(**asdict(s)) for s in found])


@router.get(
    "/healthz",
    response_model=Health,
    summary="Database and index status",
    description=(
        "503 when the catalogue cannot be read, or the index cannot be read or holds another "
        "number of offers than the catalogue says it should (beyond the changes waiting to be "
        "indexed); `reason` says which. The index writer rebuilds such an index by itself."
    ),
    responses={503: {"model": Health, "description": "Something is wrong; see `reason`"}},
    tags=["ops"],
)
def health(engine: EngineDep, search: SearchDep) -> JSONResponse:
    try:
        check = check_index(engine, search, max_age=HEALTH_COUNTS_MAX_AGE)
    except Exception:  # any failure to read the catalogue is what this check reports
        try:
            documents: int | None = search.count()
        except Exception:  # likewise for the index
            documents = None
        body = Health(
            status="error",
            database="error",
            index_documents=documents,
            expected_documents=None,
            reason="the catalogue cannot be read",
        )
        return JSONResponse(body.model_dump(), status_code=503)
    healthy = check.problem is None
    body = Health(
        status="ok" if healthy else "error",
        database="ok",
        index_documents=check.documents,
        expected_documents=check.expected,
        reason=check.problem,
    )
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)
