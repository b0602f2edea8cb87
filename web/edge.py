"""How a request is read before any route sees it: HEAD, 405's `Allow`, the Host, proxies.

- **HEAD** is answered wherever GET is (uptime monitors use it): the request goes to the GET
  route and the body is dropped, headers (and Content-Length) kept. FastAPI's routes answer
  only the methods they name, so without this `HEAD /healthz` was a 405.
- **405 says `Allow`**, with HEAD beside GET.
- **The Host header is not trusted.** Absolute URLs (Starlette's `url_for`, a trailing-slash
  redirect) are built from the request's Host; a client could send `Host: evil.example` and
  read its own address back in an answer. Every request's Host is replaced by the host of
  `PUBLIC_URL`, so every absolute URL names the catalogue's public address.
- **Bodies are bounded** (`MAX_BODY_BYTES`, above the largest file an institution may upload):
  a larger request is answered 413 before any of it is read, or, without a Content-Length,
  as soon as what arrived passes the bound; nothing is spooled to disk past it.
- **Proxies are trusted only when named** (`TRUSTED_PROXIES`: addresses or networks, comma
  separated; none by default): from such a peer, `X-Forwarded-Proto` and `X-Forwarded-For` give
  the scheme (https turns on HSTS) and the client (rate limits count by it). uvicorn's own
  handling trusts 127.0.0.1 by default and only does the same again, so the two agree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from web.errors import WebError, error_response
from web.security import SecurityHeaders

MAX_BODY_BYTES = 6 * 1024 * 1024  # an upload's 5 MB (catalogue/uploads.py) and its form


class BodyTooLarge(WebError):
    status_code = 413
    title_key = "error.413.title"
    text_key = "error.413.text"


class BodyLimit:
    """ASGI middleware: no request body larger than `MAX_BODY_BYTES` is read."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received, refused = 0, False

        async def counted() -> Message:
            nonlocal received, refused
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:  # a chunked body: the route's reading stops here
                refused = True
                raise BodyTooLarge("Request body too large")
            return message

        async def answer(message: Message) -> None:
            # Whatever the route made of its interrupted body (FastAPI: a 400), the answer is
            # this 413.
            if not refused:
                await send(message)
            elif message["type"] == "http.response.start":
                await self._refuse(scope, receive, send)

        await self.app(scope, counted, answer)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(Request(scope), BodyTooLarge("Request body too large"))
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


# Every route of the app is a GET; StaticFiles' 405 names no methods, so this is what it allows.
DEFAULT_ALLOW = "GET, HEAD"


class HeadAsGet:
    """ASGI middleware: HEAD runs the GET route without a body; every 405 carries `Allow`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET", HEAD_ASKED: True}

        async def send_head(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                _allow_head(MutableHeaders(scope=message))
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_head)


HEAD_ASKED = "lll.head"  # in the scope of a HEAD request turned into a GET


def asked_head(request: Request) -> bool:
    """Whether the GET route runs for a HEAD request: one that makes a large body (a bulk
    export) answers its headers alone instead of making the body to have it dropped."""
    return bool(request.scope.get(HEAD_ASKED))


def headers_alone(media_type: str, headers: dict[str, str] | None = None) -> Response:
    """The answer to HEAD of a large streamed body: GET's headers, no body made (and no
    Content-Length: the stream tells none either)."""
    response = Response(media_type=media_type, headers=headers)
    del response.headers["content-length"]
    return response


def _allow_head(headers: MutableHeaders) -> None:
    methods = [m.strip() for m in headers.get("allow", DEFAULT_ALLOW).split(",") if m.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.append("HEAD")
    headers["Allow"] = ", ".join(methods)


class PublicHost:
    """ASGI middleware: the request's Host is the host of `PUBLIC_URL`, whatever was sent."""

    def __init__(self, app: ASGIApp, public_url: str) -> None:
        self.app = app
        self.host = urlsplit(public_url).netloc.encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = [(k, v) for k, v in scope["headers"] if k != b"host"]
            scope = {**scope, "headers": [(b"host", self.host), *headers]}
        await self.app(scope, receive, send)


def trusted_proxies(setting: str) -> list[str]:
    return [address.strip() for address in setting.split(",") if address.strip()]


def install_edge(app: FastAPI, public_url: str, proxies: str) -> None:
    """Register the edge middleware; called last in `create_app`, so it runs first."""
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.add_middleware(PublicHost, public_url=public_url)
    if trusted_proxies(proxies):
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=trusted_proxies(proxies))
