"""Slow clients cannot hold connections: the app served as `lll serve` serves it, over raw sockets.

uvicorn runs in a thread on a free port with `web.serving.server_config` and a one-second
read timeout; the clients are plain sockets that send part of a request and stall. The
connection handling does not depend on the database, so the catalogue is SQLite only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from catalogue.db import create_all, get_engine
from operations.indexing import rebuild_index
from search.tantivy import EmbeddedBackend
from tests.app_settings import app_settings
from tests.web.conftest import fill_catalogue
from web.app import create_app
from web.serving import MAX_HEAD_BYTES, server_config
from web.settings import WebSettings

HOST = "127.0.0.1"
READ_TIMEOUT = 1.0
KEEP_ALIVE = 1


class Served:
    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"http://{HOST}:{port}"

    def connect(self, sent: bytes = b"") -> socket.socket:
        connection = socket.create_connection((HOST, self.port), timeout=10)
        if sent:
            connection.sendall(sent)
        return connection


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serving")
    database_url = f"sqlite:///{root / 'catalogue.sqlite3'}"
    engine = get_engine(database_url)
    create_all(engine)
    fill_catalogue(engine)
    rebuild_index(engine, EmbeddedBackend(root / "index"))
    engine.dispose()
    app = create_app(app_settings(database_url, root / "index"))
    web = WebSettings(request_read_timeout=READ_TIMEOUT, keep_alive_timeout=KEEP_ALIVE)
    port = free_port()
    config = server_config(app, web, host=HOST, port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield Served(port)
    server.should_exit = True
    thread.join(timeout=15)


def seconds_until_closed(connection: socket.socket, limit: float = 10) -> float:
    """Read until the server closes the connection; how long that took (fails after `limit`)."""
    started = time.monotonic()
    connection.settimeout(limit)
    with connection:
        try:
            while connection.recv(65536):
                pass
        except TimeoutError:
            pytest.fail(f"the server kept the connection open for {limit} s")
        except ConnectionResetError:
            pass
    return time.monotonic() - started


def test_a_client_that_sends_half_a_request_line_and_stalls_is_disconnected(served: Served):
    stalled = served.connect(b"GET /api/off")
    assert seconds_until_closed(stalled) < READ_TIMEOUT + 1


def test_a_client_that_connects_and_sends_nothing_is_disconnected(served: Served):
    assert seconds_until_closed(served.connect()) < READ_TIMEOUT + 1


def test_a_client_that_stops_halfway_through_its_headers_is_disconnected(served: Served):
    stalled = served.connect(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/")
    assert seconds_until_closed(stalled) < READ_TIMEOUT + 1


def test_a_client_that_sends_its_headers_a_byte_at_a_time_is_still_disconnected(served: Served):
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100
    connection = served.connect()
    started = time.monotonic()
    with pytest.raises(OSError):  # the server closes while bytes still trickle in
        for byte in request:
            connection.sendall(bytes([byte]))
            time.sleep(0.05)
            assert time.monotonic() - started < READ_TIMEOUT + 2, "still open"
    connection.close()


def test_a_client_that_stalls_in_its_body_is_disconnected(served: Served):
    head = b"POST /api/v1/offers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n"
    stalled = served.connect(head + b"q=" + b"x" * 10)
    assert seconds_until_closed(stalled) < READ_TIMEOUT + 1


def test_a_kept_alive_connection_serves_another_request_then_closes_when_idle(served: Served):
    connection = served.connect()
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    for _ in range(2):
        connection.sendall(request)
        answer = connection.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200")
        time.sleep(READ_TIMEOUT * 0.7)  # idle, but within the keep-alive and read timeouts
    assert seconds_until_closed(connection) < KEEP_ALIVE + 1


def test_a_request_head_larger_than_the_limit_is_refused_with_431(served: Served):
    connection = served.connect()
    connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    header = b"X-Filler: " + b"a" * 1000 + b"\r\n"
    answer = b""
    try:
        for _ in range(MAX_HEAD_BYTES // len(header) + 10):
            connection.sendall(header)
            time.sleep(0.001)
    except OSError:
        pass  # closed by the server: its answer is in the socket's buffer
    answer = connection.recv(65536)
    connection.close()
    assert answer.startswith(b"HTTP/1.1 431")


def test_many_stalled_clients_do_not_stop_a_normal_client_being_served(served: Served):
    stalled = [served.connect(b"GET /?q=spaw") for _ in range(300)]
    try:
        started = time.monotonic()
        answer = httpx.get(f"{served.url}/api/v1/offers?q=spawanie", timeout=10)
        assert answer.status_code == 200
        assert time.monotonic() - started < READ_TIMEOUT
        time.sleep(READ_TIMEOUT + 0.5)
        still_open = 0
        for connection in stalled:
            connection.settimeout(2)
            try:
                still_open += connection.recv(1) != b""
            except ConnectionResetError:
                pass
            except TimeoutError:
                still_open += 1
        assert still_open == 0
    finally:
        for connection in stalled:
            connection.close()


def worker_processes(pid: int) -> list[int]:
    """uvicorn's workers among the children of `pid` (not multiprocessing's resource tracker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [
        int(child)
        for child in children
        if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_lll_serve_disconnects_a_stalled_client_and_keeps_serving(tmp_path, workers):
    """The command itself runs uvicorn with these options, read from the environment, in one
    process or (WEB_WORKERS) in several, each with the read timeout."""
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'catalogue.sqlite3'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "REQUEST_READ_TIMEOUT": "1",
        "WEB_WORKERS": str(workers),
    }
    command = [str(Path(sys.executable).with_name("lll")), "serve", "--port", str(port)]
    server = subprocess.Popen(
        command, cwd=tmp_path, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        served = Served(port)
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            try:
                answer = httpx.get(f"{served.url}/o-robocie", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "lll serve did not start"
                time.sleep(0.2)
        assert answer.status_code == 200
        assert "uvicorn" not in answer.headers.get("server", "")
        # Enough stalled clients that every worker is handed some.
        stalled = [served.connect(b"GET /o-rob") for _ in range(4 * workers)]
        assert max(seconds_until_closed(connection) for connection in stalled) < 2.5
        assert httpx.get(f"{served.url}/o-robocie", timeout=5).status_code == 200
        assert len(worker_processes(server.pid)) == (workers if workers > 1 else 0)
    finally:
        server.terminate()
        server.wait(timeout=15)
