"""How the web app is served: uvicorn with timeouts that slow clients cannot outlast.

uvicorn closes a connection idle between requests (`timeout_keep_alive`), but it has no timeout
for reading a request: a client that opens a connection and sends nothing, half a request line,
or a body a byte a minute keeps it open for as long as it likes. `ReadTimeoutProtocol` (uvicorn's
httptools protocol, with a timer) closes a connection whose request has not fully arrived within
`REQUEST_READ_TIMEOUT` seconds of its first byte, or of the connection's opening; and one whose
request line and headers outgrow `MAX_HEAD_BYTES` (answered 431).

    uvicorn.run(app, host=host, port=port, **server_options(settings.web))
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from web.settings import WebSettings

MAX_HEAD_BYTES = 64 * 1024  # request line and headers; browsers send a few kB
logger = logging.getLogger("uvicorn.error")


class ReadTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol, with a time limit on reading each request."""

    read_timeout: float = 10.0

    _read_timer: asyncio.TimerHandle | None = None
    _head_bytes: int | None = None  # bytes of the request head so far (None: not reading one)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_reading()

    def data_received(self, data: bytes) -> None:
        if self._head_bytes is None and self._read_timer is None:
            self._start_reading()  # the first byte of a request on a kept-alive connection
        if self._head_bytes is not None:  # the head is not complete yet
            if self._head_bytes > MAX_HEAD_BYTES:  # (a chunk may also carry the body: not it)
                self._refuse_head()
                return
            self._head_bytes += len(data)
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._head_bytes = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._stop_reading()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_reading()
        super().connection_lost(exc)

    def _start_reading(self) -> None:
        self._head_bytes = 0
        self._read_timer = self.loop.call_later(self.read_timeout, self._read_timed_out)

    def _stop_reading(self) -> None:
        self._head_bytes = None
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _read_timed_out(self) -> None:
        self._read_timer = None
        if not self.transport.is_closing():
            client = f"{self.client[0]}:{self.client[1]} " if self.client else ""
            logger.info(
                "%sclosed: the request did not arrive within %ss", client, self.read_timeout
            )
            self.transport.close()

    def _refuse_head(self) -> None:
        self._stop_reading()
        if not self.transport.is_closing():
            self.transport.write(
                b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                b"content-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
                b"content-length: 29\r\n\r\nRequest header is too large.\n"
            )
            self.transport.close()


def server_options(settings: WebSettings) -> dict[str, Any]:
    """uvicorn's options for serving the app with these settings (`uvicorn.run(app, **…)`)."""
    protocol = type(
        "ReadTimeoutProtocol",
        (ReadTimeoutProtocol,),
        {"read_timeout": settings.request_read_timeout},
    )
    return {
        "http": protocol,
        "timeout_keep_alive": settings.keep_alive_timeout,
        "limit_concurrency": settings.max_connections,
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "server_header": False,  # the app names itself (`web/security.py`), not uvicorn
        # uvicorn would believe X-Forwarded-* from 127.0.0.1 (FORWARDED_ALLOW_IPS); the app
        # believes only TRUSTED_PROXIES (`web/edge.py`), one setting however it is served.
        "proxy_headers": False,
    }
