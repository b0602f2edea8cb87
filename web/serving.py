"""How the web app is served: uvicorn with timeouts that slow clients cannot outlast.

uvicorn closes a connection idle between requests (`timeout_keep_alive`), but it has no timeout
for reading a request: a client that opens a connection and sends nothing, half a request line,
or a body a byte a minute keeps it open for as long as it likes. `ReadTimeoutProtocol` (uvicorn's
httptools protocol, with a timer) closes a connection whose request has not fully arrived within
`REQUEST_READ_TIMEOUT` seconds of its first byte, or of the connection's opening; and one whose
request line and headers outgrow `MAX_HEAD_BYTES` (answered 431).

    serve("lll.asgi:app", settings.web, host=host, port=port, workers=2)

With more than one worker (`WEB_WORKERS`), uvicorn starts that many processes, each building the
app from the environment (an import string), all accepting on one socket: the web only reads
(the scheduler writes the index), so the processes share nothing but the database and the
index folder. Rate limits are kept per process (`web/ratelimit.py`).
"""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.supervisors import Multiprocess

from web.settings import WebSettings

MAX_HEAD_BYTES = 64 * 1024  # request line and headers; browsers send a few kB
logger = logging.getLogger("uvicorn.error")


class ServingConfig(uvicorn.Config):
    """uvicorn's configuration with our read timeout, which `ReadTimeoutProtocol` reads.
    (A module-level class: with several workers the configuration is pickled to each.)"""

    request_read_timeout: float = 10.0


class ReadTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol, with a time limit on reading each request."""

    read_timeout: float = 10.0

    _read_timer: asyncio.TimerHandle | None = None
    _head_bytes: int | None = None  # bytes of the request head so far (None: not reading one)

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.read_timeout = getattr(config, "request_read_timeout", self.read_timeout)

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


def server_config(app: Any, settings: WebSettings, **options: Any) -> ServingConfig:
    """uvicorn's configuration for serving `app` (the app, or an import string of a factory)
    with these settings; `options` are uvicorn's (host, port, workers, log_level…)."""
    config = ServingConfig(app, **_server_options(settings), **options)
    config.request_read_timeout = settings.request_read_timeout
    return config


def serve(app: Any, settings: WebSettings, **options: Any) -> None:
    """Serve until stopped (uvicorn.run, with `server_config`). With several workers, `app` is
    the import string of a factory, which should call `tune_gc` once it has built the app."""
    config = server_config(app, settings, **options)
    try:
        if config.workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            tune_gc()
            uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass


def tune_gc() -> None:
    """Python's garbage collector, tuned for serving: what start-up built (the app, the
    reference data, the search index's tables) is moved out of its sight, and it runs after
    50,000 new objects instead of 700. A search allocates tens of thousands of short-lived
    objects, and each full collection walked the whole start-up heap (300 MB): measured with
    `benchmarks/load.py` (2 workers, 32 clients, 60 s), p99 went from 355 ms to 161 ms and the
    throughput from 393 to 510 requests/s."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _server_options(settings: WebSettings) -> dict[str, Any]:
    return {
        "http": ReadTimeoutProtocol,
        "timeout_keep_alive": settings.keep_alive_timeout,
        "limit_concurrency": settings.max_connections,
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "server_header": False,  # the app names itself (`web/security.py`), not uvicorn
        # uvicorn would believe X-Forwarded-* from 127.0.0.1 (FORWARDED_ALLOW_IPS); the app
        # believes only TRUSTED_PROXIES (`web/edge.py`), one setting however it is served.
        "proxy_headers": False,
    }
