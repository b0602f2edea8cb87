"""Serve the real web app for the benchmark, on 127.0.0.1, in a process of its own.

    .venv/bin/python -m benchmarks.server --database-url sqlite:///… --index-dir … --port 8765

`ServedApp` starts it, waits until its search API answers, reads its peak memory and stops it.
(Not `/healthz`: the search benchmark serves an index without the catalogue behind it, which
health rightly reports as a problem.)
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx

from catalogue.settings import PROJECT_ROOT
from lll.settings import get_settings
from web.serving import serve

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class ServedApp:
    """The app served by uvicorn in a child process: `with ServedApp(...) as app: app.url`."""

    def __init__(
        self,
        database_url: str,
        index_dir: Path,
        backend: str,
        log: IO[bytes],
        startup: float = 90,
        workers: int = 1,
    ) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        command = [
            sys.executable, "-m", "benchmarks.server", "--database-url", database_url,
            "--index-dir", str(index_dir), "--backend", backend, "--port", str(self.port),
            "--workers", str(workers),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=log)
        self._wait(startup)

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with code {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/api/v1/offers?per_page=1", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the search API did not answer within {seconds:.0f} s")

    def memory_mb(self, key: str = "VmHWM") -> float:
        """`VmHWM` (peak resident memory) or `VmRSS` (now) of the server, in MB: of its
        process and, with several workers, of theirs added up."""
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_status_kb(pid, key) for pid in pids) / 1024

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the server's processes have used so far."""
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_cpu_seconds(pid) for pid in pids)

    def largest_mb(self, key: str = "VmHWM") -> float:
        """`key` of the largest process of the server (a worker when there are several)."""
        pids = [self.process.pid, *_children(self.process.pid)]
        return max(_status_kb(pid, key) for pid in pids) / 1024

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


def _children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def _cpu_seconds(pid: int) -> float:
    # /proc/<pid>/stat: the name (field 2) may hold spaces; utime and stime are fields 14, 15
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])  # the kernel reports kB
    raise RuntimeError(f"{key} not found in /proc/{pid}/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--index-dir", required=True, type=Path)
    parser.add_argument("--backend", default="embedded")
    parser.add_argument("--port", required=True, type=int)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    # As `lll serve` runs it (`lll.asgi:app` built from the environment in each worker): its
    # timeouts, no `Server: uvicorn`, access log on (into the benchmark's log file).
    os.environ.update(
        DATABASE_URL=args.database_url,
        SEARCH_INDEX_DIR=str(args.index_dir),
        SEARCH_BACKEND=args.backend,
        # Every benchmark client comes from 127.0.0.1: per-client limits would make them one.
        RATE_LIMITS="false",
        WEB_WORKERS=str(args.workers),
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_hex(32),
    )
    settings = get_settings()
    serve(
        "lll.asgi:app", settings.web, factory=True, host=HOST, port=args.port,
        workers=args.workers, log_level="info",
    )  # fmt: skip


if __name__ == "__main__":
    main()
