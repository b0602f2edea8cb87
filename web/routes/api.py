"""The JSON API: search, suggestions, one offer, and the health check."""

from __future__ import annotations

import re
from dataclasses import asdict

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response
from starlette.requests import Request

from catalogue.models import OfferPublic
from operations.index_health import check_index
from search.interface import MAX_QUERY_LENGTH
from web.errors import InvalidInput
from web.i18n import negotiate_language
from web.offers import MAX_OFFER_ID, load_offer, offer_public
from web.params import beyond_last_page, openapi_parameters, parse_search
from web.schemas import Health, SearchResponse, Suggestion, SuggestResponse
from web.searching import offer_urls, search_response
from web.services import EngineDep, SearchDep, SessionDep, SettingsDep

router = APIRouter()

MAX_SUGGESTIONS = 20
HEALTH_COUNTS_MAX_AGE = 10.0  # seconds; the catalogue counts of `/healthz` (see check_index)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

_ERRORS = {
    404: {"description": "No such offer"},
    422: {"description": "Invalid search input; `detail` lists each problem"},
}


@router.get(
    "/api/offers",
    response_model=SearchResponse,
    summary="Search the learning offers",
    description=(
        "Free-text search with filters and facet counts. Each facet count is the number of hits "
        "the value would give with the other filters kept. Labels follow `lang` or "
        "Accept-Language (Polish by default)."
    ),
    openapi_extra={"parameters": openapi_parameters()},
    responses={422: _ERRORS[422]},
    tags=["offers"],
)
def search_offers(request: Request, search: SearchDep, settings: SettingsDep) -> Response:
    query = parse_search(request.query_params).require_valid()
    results = search.search(query)
    beyond = beyond_last_page(query, results.pages)
    if beyond is not None:
        raise InvalidInput([beyond.as_error()])
    answer = search_response(
        results, offer_urls(request, settings.catalogue.public_url), negotiate_language(request)
    )
    # Already a validated SearchResponse: serialised once, not validated again by FastAPI.
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get(
    "/api/suggest",
    response_model=SuggestResponse,
    summary="Suggestions for a query being typed",
    description=(
        "Search-as-you-type: places (Lubuskie towns and powiats where offers are held) whose "
        "name the last word begins, then qualifications (code and name) and offer titles the "
        "words find. The last word is a prefix; case, Polish letters and (from 5 letters) one "
        "typo do not matter. Each suggestion's `query` is what to search for when it is chosen."
    ),
    responses={422: _ERRORS[422]},
    tags=["offers"],
)
def suggest(
    search: SearchDep,
    q: str = Query("", max_length=MAX_QUERY_LENGTH, description="The text typed so far"),
    limit: int = Query(8, ge=1, le=MAX_SUGGESTIONS, description="At most this many"),
) -> SuggestResponse:
    typed = " ".join(_CONTROL.sub(" ", q).split())
    found = search.suggest(typed, limit) if typed else []
    return SuggestResponse(q=typed, suggestions=[Suggestion(**asdict(s)) for s in found])


@router.get(
    "/api/offers/{offer_id}",
    response_model=OfferPublic,
    summary="One offer with its editions",
    responses={404: _ERRORS[404], 422: _ERRORS[422]},
    tags=["offers"],
)
def get_offer(
    session: SessionDep,
    offer_id: int = Path(ge=1, le=MAX_OFFER_ID, description="The offer's id"),
) -> OfferPublic:
    return offer_public(load_offer(session, offer_id))


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
