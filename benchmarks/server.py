"""Serve the real web app for the benchmark, on 127.0.0.1, in a process of its own.

    .venv/bin/python -m benchmarks.server --database-url sqlite:///… --index-dir … --port 8765

`ServedApp` starts it, waits until its search API answers, reads its peak memory and stops it.
(Not `/healthz`: the search benchmark serves an index without the catalogue behind it, which
health rightly reports as a problem.)
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx
import uvicorn

from catalogue.settings import PROJECT_ROOT, CatalogueSettings
from lll.settings import Settings
from search.settings import SearchSettings
from web.app import create_app
from web.serving import server_options
from web.settings import WebSettings

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class ServedApp:
    """The app served by uvicorn in a child process: `with ServedApp(...) as app: app.url`."""

    def __init__(
        self, database_url: str, index_dir: Path, backend: str, log: IO[bytes], startup: float = 90
    ) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        command = [
            sys.executable, "-m", "benchmarks.server", "--database-url", database_url,
            "--index-dir", str(index_dir), "--backend", backend, "--port", str(self.port),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=log)
        self._wait(startup)

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with code {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/api/offers?per_page=1", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the search API did not answer within {seconds:.0f} s")

    def memory_mb(self, key: str = "VmHWM") -> float:
        """`VmHWM` (peak resident memory) or `VmRSS` (now) of the server process, in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 1024  # the kernel reports kB
        raise RuntimeError(f"{key} not found in /proc/{self.process.pid}/status")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> ServedApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--index-dir", required=True, type=Path)
    parser.add_argument("--backend", default="embedded")
    parser.add_argument("--port", required=True, type=int)
    args = parser.parse_args()
    settings = Settings(
        catalogue=CatalogueSettings(database_url=args.database_url),
        search=SearchSettings(index_dir=args.index_dir, backend=args.backend),
        # Every benchmark client comes from 127.0.0.1: per-client limits would make them one.
        web=WebSettings(rate_limits=False),
    )
    # As `lll serve` runs it: one process, its timeouts, no `Server: uvicorn`, access log on
    # (into the benchmark's log file).
    options = server_options(settings.web)
    uvicorn.run(create_app(settings), host=HOST, port=args.port, log_level="info", **options)


if __name__ == "__main__":
    main()
