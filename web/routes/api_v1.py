"""The read API, version 1: offers in one shape (`web.api_v1_shape`), cacheable, from any origin.

- `/api/v1/offers` (search), `/api/v1/offers/{id}`, `/api/v1/suggest`, `/api/v1/health`.
- **Conditional requests.** An offer's `ETag` is a hash of its answer, `Last-Modified` its last
  change or check; a search's `ETag` is built from the index's version (`SearchBackend.version`)
  and the normalised query, so a repeated search is answered 304 without searching,
  `Last-Modified` is when the index was last written. `If-None-Match` wins over
  `If-Modified-Since` (RFC 9110, 13.2.2).
- **CORS**: any origin may read it (GET, HEAD and their preflight OPTIONS, no credentials);
  not the institution API (`/api/v1/institution`, tokens) nor the pages.
- The JSON variants of before answer 308 to their v1 equivalent: `/api/offers…`, `/api/suggest`,
  `/oferty/{id}.json` and `/?format=json`.
- `/docs`: Swagger UI from the `swagger-ui-bundle` package, served from our own origin, started by
  a script file of ours (`web/static/docs.js`): no CDN, no inline script.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, replace
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Path, Query
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

from search.interface import MAX_QUERY_LENGTH, Results
from search.interface import Query as SearchQuery
from web.api_v1_shape import (
    SHAPE_VERSION,
    OfferUrl,
    OfferV1,
    SearchHitV1,
    hit_v1,
    last_changed,
    offer_v1,
)
from web.errors import InvalidInput
from web.i18n import negotiate_language
from web.offers import MAX_OFFER_ID, load_offer
from web.params import beyond_last_page, openapi_parameters, parse_search
from web.routes import api
from web.schemas import (
    FacetValue,
    FilterDrop,
    Health,
    RelatedQualification,
    Relaxed,
    SearchResponse,
    SuggestResponse,
    UnderstoodWords,
)
from web.searching import offer_urls, search_response
from web.security import CONTENT_SECURITY_POLICY
from web.services import EngineDep, SearchDep, SessionDep, SettingsDep

router = APIRouter()
legacy = APIRouter(include_in_schema=False)

PREFIX = "/api/v1"
DOCS_ASSETS = "/docs/assets"
# The read API: any origin may read it. The institution API (tokens) is not part of it.
READ_API = tuple(
    f"{PREFIX}/{name}" for name in ("offers", "suggest", "health", "changes", "export")
)
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Length",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
# Swagger UI's stylesheet draws its icons as `data:` images; nothing else is loosened.
DOCS_CSP = CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' data:")

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such offer"},
    422: {"description": "Invalid input (a page past the last one too); `detail` lists each"},
}
_CONDITIONAL: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified since the `ETag` or time the client has"}
}


class SearchHelpV1(BaseModel):
    without_filter: list[FilterDrop] = Field(default_factory=list)
    related_qualifications: list[RelatedQualification] = Field(default_factory=list)
    nearest: list[SearchHitV1] = Field(
        default_factory=list,
        description="The nearest offers outside the place a filter chose, nearest first",
    )
    nearest_from: str | None = None


class SearchResponseV1(BaseModel):
    shape_version: str = SHAPE_VERSION
    total: int
    page: int
    per_page: int
    pages: int
    took_ms: float
    hits: list[SearchHitV1]
    facets: dict[str, list[FacetValue]] = Field(
        description="filter name -> values with the number of hits each would give"
    )
    places: list[str] = Field(default_factory=list, description="Places named in `q`")
    did_you_mean: str | None = None
    matched_all_words: bool = True
    relaxed: list[Relaxed] = Field(default_factory=list)
    distance_from: str | None = None
    understood: list[UnderstoodWords] = Field(default_factory=list)
    help: SearchHelpV1 | None = None


@router.get(
    f"{PREFIX}/offers",
    response_model=SearchResponseV1,
    summary="Search the learning offers",
    description=(
        "Free-text search with filters, paging and facet counts; each hit is the offer's "
        "summary (the same fields, with the same values, as `/api/v1/offers/{offer_id}`) plus "
        "`match`. A page past the last one is refused (422). Labels follow `lang` or "
        "Accept-Language (Polish by default). Conditional: `ETag`, `Last-Modified`, 304."
    ),
    openapi_extra={"parameters": openapi_parameters()},
    responses={**_CONDITIONAL, 422: _ERRORS[422]},
    tags=["offers"],
)
def search_offers(request: Request, search: SearchDep, settings: SettingsDep) -> Response:
    query = parse_search(request.query_params).require_valid()
    lang = negotiate_language(request)
    version = search.version()
    etag = _tag(version.tag, _normalised(query), lang, date.today().isoformat(), SHAPE_VERSION)
    validators = _validators(etag, version.committed_at)
    if _not_modified(request, etag, version.committed_at):
        return Response(status_code=304, headers=validators)
    results = search.search(query)
    beyond = beyond_last_page(query, results.pages)
    if beyond is not None:
        raise InvalidInput([beyond.as_error()])
    urls = offer_urls(request, settings.catalogue.public_url)
    # Everything but the hits as the search page has it; the hits in shape version 1.
    rest = search_response(replace(results, hits=[]), urls, lang)
    answer = _search_v1(rest, results, urls, lang)
    return Response(answer.model_dump_json(), media_type="application/json", headers=validators)


@router.get(
    f"{PREFIX}/offers/{{offer_id}}",
    response_model=OfferV1,
    summary="One offer with its editions",
    description="Conditional: `ETag` (of the answer), `Last-Modified` (its last change), 304.",
    responses={**_CONDITIONAL, 404: _ERRORS[404], 422: _ERRORS[422]},
    tags=["offers"],
)
def get_offer(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    offer_id: int = Path(ge=1, le=MAX_OFFER_ID, description="The offer's id"),
) -> Response:
    offer = load_offer(session, offer_id)
    urls = offer_urls(request, settings.catalogue.public_url)
    body = offer_v1(offer, urls, negotiate_language(request)).model_dump_json().encode()
    changed = last_changed(offer)
    etag = _tag(hashlib.sha256(body).hexdigest())
    validators = _validators(etag, changed)
    if _not_modified(request, etag, changed):
        return Response(status_code=304, headers=validators)
    return Response(body, media_type="application/json", headers=validators)


@router.get(
    f"{PREFIX}/suggest",
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
    limit: int = Query(8, ge=1, le=api.MAX_SUGGESTIONS, description="At most this many"),
) -> SuggestResponse:
    return api.suggestions(search, q, limit)


@router.get(
    f"{PREFIX}/health",
    response_model=Health,
    summary="Database and index status",
    description="As `/healthz`: 503 with a `reason` when the catalogue or the index cannot "
    "be read, or the index holds another number of offers than it should.",
    responses={503: {"model": Health, "description": "Something is wrong; see `reason`"}},
    tags=["ops"],
)
def health(engine: EngineDep, search: SearchDep) -> JSONResponse:
    return api.health(engine, search)


# -- the JSON answers of before: permanently moved -------------------------------------------


@legacy.get("/api/offers")
def old_search(request: Request) -> Response:
    return _moved(request, f"{PREFIX}/offers")


@legacy.get("/api/offers/{offer_id}")
def old_offer(request: Request, offer_id: str) -> Response:
    return _moved(request, f"{PREFIX}/offers/{offer_id}")


@legacy.get("/api/suggest")
def old_suggest(request: Request) -> Response:
    return _moved(request, f"{PREFIX}/suggest")


@legacy.get("/oferty/{offer_id:int}.json")
def old_offer_json(request: Request, offer_id: int) -> Response:
    return _moved(request, f"{PREFIX}/offers/{offer_id}")


def search_json_moved(request: Request) -> Response:
    """`/?format=json` (the search page's JSON twin): the same search in `/api/v1/offers`."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    return _moved(request, f"{PREFIX}/offers", kept)


def _moved(request: Request, path: str, params: list[tuple[str, str]] | None = None) -> Response:
    items = request.query_params.multi_items() if params is None else params
    query = urlencode(items)
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=308)


# -- /docs -------------------------------------------------------------------------------------

DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API – Katalog kształcenia ustawicznego – Lubuskie</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
</head>
<body>
<main>
<div id="swagger-ui" data-openapi="/openapi.json"><p>Swagger UI needs JavaScript; the API's
schema is at <a href="/openapi.json">/openapi.json</a>.</p></div>
</main>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
""".replace("{assets}", DOCS_ASSETS)


@legacy.get("/docs", response_class=HTMLResponse)
def docs() -> Response:
    return HTMLResponse(DOCS_PAGE, headers={"Content-Security-Policy": DOCS_CSP})


def install(app: FastAPI) -> None:
    """Register the read API, its redirects, `/docs` and its assets, and CORS."""
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs_assets")
    app.include_router(router)
    app.include_router(legacy)
    app.add_middleware(ReadApiCors)


class ReadApiCors:
    """ASGI middleware: the read API may be read from any origin (no credentials)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_read_api(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await Response(status_code=204, headers=PREFLIGHT_HEADERS)(scope, receive, send)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer = MutableHeaders(scope=message)
                for name, value in CORS_HEADERS.items():
                    answer[name] = value
            await send(message)

        await self.app(scope, receive, with_cors)


def is_read_api(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in READ_API)


# -- helpers -----------------------------------------------------------------------------------


def _search_v1(
    answer: SearchResponse, results: Results, urls: OfferUrl, lang: str
) -> SearchResponseV1:
    help_v1 = None
    if answer.help is not None and results.help is not None:
        help_v1 = SearchHelpV1(
            without_filter=answer.help.without_filter,
            related_qualifications=answer.help.related_qualifications,
            nearest=[hit_v1(hit, urls, lang) for hit in results.help.nearest],
            nearest_from=answer.help.nearest_from or None,
        )
    return SearchResponseV1(
        total=answer.total,
        page=answer.page,
        per_page=answer.per_page,
        pages=answer.pages,
        took_ms=answer.took_ms,
        hits=[hit_v1(hit, urls, lang) for hit in results.hits],
        facets=answer.facets,
        places=answer.places,
        did_you_mean=answer.did_you_mean,
        matched_all_words=answer.matched_all_words,
        relaxed=answer.relaxed,
        distance_from=answer.distance_from,
        understood=answer.understood,
        help=help_v1,
    )


def _normalised(query: SearchQuery) -> str:
    """The query with its filters in one order: two spellings of one search are one key."""
    fields = asdict(query)
    fields["filters"] = sorted((name, repr(value)) for name, value in query.filters.items())
    return repr(sorted(fields.items()))


def _tag(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def _validators(etag: str, modified: datetime | None) -> dict[str, str]:
    headers = {"ETag": etag, "Vary": "Accept-Language"}
    if modified is not None:
        headers["Last-Modified"] = format_datetime(modified.astimezone(UTC), usegmt=True)
    return headers


def _not_modified(request: Request, etag: str, modified: datetime | None) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since is None or modified is None:
        return False
    try:
        client = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if client.tzinfo is None:
        client = client.replace(tzinfo=UTC)
    return modified.replace(microsecond=0) <= client
