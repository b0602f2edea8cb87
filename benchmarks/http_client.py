"""A lean HTTP/1.1 client for the load benchmark: keep-alive GETs over asyncio streams.

The benchmark's clients share the machine's two cores with the server they measure. httpx spends
about 1 ms of CPU on each request, so with 32 clients it was the client that set the pace (a
404 page answered by the app came back at 550 requests/s with p99 250 ms). This client writes
the request line by hand and parses answers with httptools (the C parser uvicorn uses), which
leaves the cores to the server.
"""

from __future__ import annotations

import asyncio
import contextlib
from urllib.parse import urlencode, urlsplit

import httptools


class HTTPFailure(Exception):
    """No complete answer: the connection was closed, refused or timed out."""


class _Answer:
    """httptools' callbacks for one response."""

    def __init__(self) -> None:
        self.body = bytearray()
        self.complete = False

    def on_body(self, body: bytes) -> None:
        self.body += body

    def on_message_complete(self) -> None:
        self.complete = True


class Connection:
    """One kept-alive connection, reopened when the server closes it."""

    def __init__(self, base_url: str, timeout: float = 30) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.timeout = timeout
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, params: dict[str, str] | list | None = None) -> int:
        """GET `path` with `params`; the answer's status once its whole body has arrived."""
        target = f"{path}?{urlencode(params)}" if params else path
        request = (
            f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Accept-Encoding: identity\r\n\r\n"
        ).encode("ascii")
        try:
            return await asyncio.wait_for(self._exchange(request), self.timeout)
        except (TimeoutError, OSError, httptools.HttpParserError, HTTPFailure) as error:
            await self.close()
            raise HTTPFailure(f"{type(error).__name__} {error}".strip()) from error

    async def _exchange(self, request: bytes) -> int:
        if self._writer is None or self._writer.is_closing():
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(request)
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        while not answer.complete:
            data = await self._reader.read(65536)
            if not data:
                raise HTTPFailure("the server closed the connection")
            parser.feed_data(data)
        if not parser.should_keep_alive():
            await self.close()
        return int(parser.get_status_code())

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
