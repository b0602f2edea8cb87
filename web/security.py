"""Security headers on every answer: a strict Content-Security-Policy and its companions.

The pages need no inline script or style (scripts and styles are files under `web/static`), so
the policy allows only this site's own files; `tests/web/test_web_edge.py` checks the templates
keep it so, and the browser tests that Chromium reports no violation. HSTS is sent only to a
request that came over TLS (`scheme` https, directly or through a trusted proxy: `web/edge.py`),
since over plain HTTP it would be ignored and, on a development address, misleading.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
# The powerful features, each denied to the page and to anything it could embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
HSTS = "max-age=31536000; includeSubDomains"  # a year
SERVER = "lll"  # names neither the server software nor its version

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
}


class SecurityHeaders:
    """ASGI middleware: adds `HEADERS` (and HSTS over TLS) to every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        over_tls = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if over_tls:
                    headers.setdefault("Strict-Transport-Security", HSTS)
                headers["Server"] = SERVER
            await send(message)

        await self.app(scope, receive, send_with_headers)
