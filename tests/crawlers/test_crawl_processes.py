"""The crawling processes as an operator meets them: `lll crawl` on a catalogue it cannot
write says why in one line; a crawl whose parent is killed stops; runs left `running` by a
process that is gone (kill -9) are failed at the next crawl or `lll sources`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from catalogue.db import create_all, get_engine
from catalogue.models import CrawlRun, RunStatus
from catalogue.runs import fail_abandoned, process_alive
from crawlers.run import crawl
from tests.crawlers.conftest import FAST, FIXTURE_REGISTRY, Catalogue

PROJECT = Path(__file__).resolve().parents[2]

HANGING = """
[[sources]]
name = "hanging"
title = "Strona, która nie odpowiada"
spider = "sample_jsonld"
url = "http://127.0.0.1:{port}/"
start_urls = ["http://127.0.0.1:{port}/sitemap.xml"]
"""

# A parent like `lll crawl`: it crawls the hanging source in its child and waits.
PARENT = """
import sys
from crawlers.run import crawl
from tests.crawlers.conftest import FAST
crawl(["hanging"], sys.argv[1], settings=FAST, registry_path=sys.argv[2])
"""


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that takes connections and never answers: a crawl of it hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield listener.getsockname()[1]


def environment(**extra: str) -> dict[str, str]:
    paths = [str(PROJECT), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p), **extra}


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)
    return result


def start_hanging_crawl(tmp_path: Path, database_url: str, port: int, catalogue: Catalogue):
    """A parent process crawling the silent site; returns it and its run once the child runs."""
    registry = tmp_path / "hanging.toml"
    registry.write_text(HANGING.format(port=port), encoding="utf-8")
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), database_url, str(registry)],
        cwd=PROJECT,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    runs = wait_for(lambda: catalogue.runs("hanging"), 60, "the crawl to start")
    assert isinstance(runs, list)
    (run,) = runs
    return parent, run


def test_a_read_only_catalogue_makes_lll_crawl_say_why_in_one_line_and_exit_non_zero(
    tmp_path: Path,
):
    path = tmp_path / "catalogue.sqlite3"
    engine = get_engine(f"sqlite:///{path}")
    create_all(engine)
    engine.dispose()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"

    done = subprocess.run(
        [sys.executable, "-m", "lll.cli", "crawl", "sample-bur", "--no-progress"],
        cwd=PROJECT,
        env=environment(
            DATABASE_URL=read_only,
            SEARCH_INDEX_DIR=str(tmp_path / "index"),
            LLL_HTTPCACHE="off",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "Nie można zapisać do bazy katalogu: attempt to write a readonly database"
    ]


def test_the_crawling_child_stops_when_its_parent_is_killed_and_its_run_is_closed(
    tmp_path: Path, database_url: str, catalogue: Catalogue, silent_port: int
):
    parent, run = start_hanging_crawl(tmp_path, database_url, silent_port, catalogue)
    assert run.pid and run.pid != parent.pid and run.host == socket.gethostname()

    parent.send_signal(signal.SIGKILL)
    parent.wait()

    try:
        wait_for(lambda: not process_alive(run.pid), 30, "the child to stop")
    finally:
        if process_alive(run.pid):
            os.kill(run.pid, signal.SIGKILL)
    (closed,) = catalogue.runs("hanging")
    assert closed.status != RunStatus.running  # the child closed its run as it stopped


def abandon_a_run(tmp_path: Path, database_url: str, port: int, catalogue: Catalogue) -> CrawlRun:
    """kill -9 of both processes of a crawl: its run stays `running`, its process gone."""
    parent, run = start_hanging_crawl(tmp_path, database_url, port, catalogue)
    assert run.pid is not None
    os.kill(run.pid, signal.SIGSTOP)  # so that it cannot close its run when the parent goes
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    os.kill(run.pid, signal.SIGKILL)
    wait_for(lambda: not process_alive(run.pid), 10, "the child to die")
    (left,) = catalogue.runs("hanging")
    assert left.status == RunStatus.running
    return left


def test_a_run_whose_process_was_killed_is_failed_by_lll_sources(
    tmp_path: Path, database_url: str, catalogue: Catalogue, silent_port: int
):
    left = abandon_a_run(tmp_path, database_url, silent_port, catalogue)

    subprocess.run(
        [sys.executable, "-m", "lll.cli", "sources"],
        cwd=PROJECT,
        env=environment(DATABASE_URL=database_url),
        capture_output=True,
        check=True,
        timeout=60,
    )

    (run,) = catalogue.runs("hanging")
    assert run.status == RunStatus.failed
    assert run.errors == [f"proces crawlera (pid {left.pid}) zniknął w trakcie"]


def test_a_run_whose_process_was_killed_is_failed_when_any_crawl_starts(
    tmp_path: Path, database_url: str, catalogue: Catalogue, silent_port: int, server
):
    abandon_a_run(tmp_path, database_url, silent_port, catalogue)

    (other,) = crawl(
        ["fixture-kkz"],
        database_url,
        base_url=server.base_url,
        settings=FAST,
        registry_path=FIXTURE_REGISTRY,
    )

    assert other.status == "success"
    (run,) = catalogue.runs("hanging")
    assert run.status == RunStatus.failed


def test_a_running_run_of_another_host_is_left_alone_until_it_is_very_old(
    database_url: str, catalogue: Catalogue
):
    from datetime import UTC, datetime, timedelta

    from sqlmodel import Session

    from catalogue.store import get_or_create_source

    with Session(catalogue.engine) as session:
        source = get_or_create_source(session, "elsewhere")
        assert source.id is not None
        session.add(CrawlRun(source_id=source.id, pid=1, host="another-machine"))
        session.commit()

    assert fail_abandoned(catalogue.engine) == 0
    assert fail_abandoned(catalogue.engine, now=datetime.now(UTC) + timedelta(days=3)) == 1
    (run,) = catalogue.runs("elsewhere")
    assert run.status == RunStatus.failed


def test_a_catalogue_that_refuses_writes_mid_crawl_fails_the_run_with_one_line_not_a_trace_per_item(
    tmp_path: Path, server, capfd: pytest.CaptureFixture[str]
):
    # A real SQLite refusing every offer write (as a full disk would), after the crawl started.
    url = f"sqlite:///{tmp_path / 'refusing.sqlite3'}"
    engine = get_engine(url)
    create_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON offer "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    engine.dispose()

    (summary,) = crawl(
        ["fixture-bur"],
        url,
        base_url=server.base_url,
        settings=FAST,
        registry_path=FIXTURE_REGISTRY,
    )

    assert summary.status == "failed"
    assert summary.new == 0
    assert "Nie można zapisać do bazy katalogu: database or disk is full" in summary.errors
    logged = capfd.readouterr()
    assert "Traceback" not in logged.err + logged.out
    assert (logged.err + logged.out).count("database or disk is full") == 1
