"""A small exception tree and one handler that renders it as a page or as JSON.

Routes raise `NotFound` or `InvalidInput`; nothing else in `web/` builds an error response.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from search.interface import SearchUnavailable
from web.security import HEADERS, SERVER
from web.services import services_of


class WebError(Exception):
    """Base of the errors a route may raise: set `status_code` and the page's message keys."""

    status_code = 500
    title_key = "error.title"
    text_key = "error.text"

    def __init__(self, detail: Any = None) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(WebError):
    status_code = 404
    title_key = "error.404.title"
    text_key = "error.404.text"


class InvalidInput(WebError):
    """Search input that the API refuses; `detail` lists the problems FastAPI-style."""

    status_code = 422
    title_key = "error.422.title"


class ServiceUnavailable(WebError):
    """The search service cannot answer right now (see `search.interface.SearchUnavailable`)."""

    status_code = 503
    title_key = "error.503.title"
    text_key = "error.503.text"


def wants_json(request: Request) -> bool:
    path = request.url.path
    return (
        path.startswith("/api/")
        or path.endswith(".json")
        or path == "/healthz"
        or request.query_params.get("format") == "json"
    )


def error_response(request: Request, error: WebError) -> Response:
    if wants_json(request):
        detail = error.detail if error.detail is not None else _default_detail(error)
        return JSONResponse({"detail": detail}, status_code=error.status_code)
    templates = services_of(request).templates
    template = "404.html" if error.status_code == 404 else "error.html"
    context = {"error": error, "problems": error.detail if isinstance(error, InvalidInput) else []}
    return templates.TemplateResponse(request, template, context, status_code=error.status_code)


def _default_detail(error: WebError) -> str:
    return {404: "Not found", 422: "Invalid input", 503: "Search unavailable"}.get(
        error.status_code, "Server error"
    )


async def _on_web_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WebError)
    return error_response(request, exc)


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    # Starlette raises these for unknown paths (404) and wrong methods (405).
    assert isinstance(exc, StarletteHTTPException)
    error = NotFound() if exc.status_code == 404 else WebError(exc.detail)
    error.status_code = exc.status_code
    response = error_response(request, error)
    response.headers.update(exc.headers or {})  # a 405's Allow
    return response


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, InvalidInput(_jsonable(exc.errors())))


async def _on_search_unavailable(request: Request, exc: Exception) -> Response:
    return error_response(request, ServiceUnavailable())


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    # Starlette re-raises the exception after this response is sent, so the server logs it.
    # Its ServerErrorMiddleware sends this answer outside every other middleware, so the
    # security headers are added here too.
    response = error_response(request, WebError())
    response.headers.update(HEADERS)
    response.headers["Server"] = SERVER
    return response


def _jsonable(errors: Any) -> list[dict[str, Any]]:
    return [
        {key: value for key, value in error.items() if key in ("loc", "msg", "type")}
        for error in errors
    ]


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(WebError, _on_web_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(SearchUnavailable, _on_search_unavailable)
    app.add_exception_handler(Exception, _on_unexpected)
