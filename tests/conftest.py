"""Every test that touches the catalogue database runs on SQLite and on PostgreSQL.

A test asks for `database_url` (a fresh database with the catalogue's schema, its own); a
fixture of a wider scope asks for `databases` and calls `databases.create(folder)`. Both are
parametrized over the two kinds, so test names end in `[sqlite]` or `[postgresql]`.

Without PostgreSQL on the machine its half of the tests is skipped, saying why, unless
LLL_REQUIRE_POSTGRES=1 (`make test` sets it, after installing PostgreSQL): then it fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_support import Databases, PostgresCluster, SqliteFiles, find_binaries

DATABASE_KINDS = ("sqlite", "postgresql")
REQUIRE_POSTGRES = "LLL_REQUIRE_POSTGRES"


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    binaries = find_binaries()
    if binaries is None:
        reason = (
            "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on "
            "PATH); `make postgres` installs it"
        )
        if os.environ.get(REQUIRE_POSTGRES) == "1":
            pytest.fail(f"{REQUIRE_POSTGRES}=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    cluster = PostgresCluster.start(binaries)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session", params=DATABASE_KINDS)
def databases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Databases:
    if request.param == "postgresql":
        return request.getfixturevalue("postgres")
    return SqliteFiles(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture
def database_url(databases: Databases, tmp_path: Path) -> Iterator[str]:
    """A fresh catalogue database, migrated to the newest schema."""
    url = databases.create(tmp_path)
    yield url
    databases.drop(url)


@pytest.fixture
def empty_database_url(databases: Databases, tmp_path: Path) -> Iterator[str]:
    """A fresh database without any table."""
    url = databases.create(tmp_path, migrated=False)
    yield url
    databases.drop(url)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A module marked `pages_not_database` (what pages answer: accessibility, authorisation,
    hostile input, fuzzing) runs on SQLite only: its PostgreSQL half would test the same
    queries again at several minutes' cost (decision 0010); so does one marked
    `crawl_not_database` (what a crawl does over HTTP: a source's API, faults of its files,
    politeness, robots.txt). One marked `english_at_desktop_size` checks English pages at
    desktop size only (Polish at both)."""
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        params = callspec.params if callspec is not None else {}
        on_postgres = params.get("databases") == "postgresql"
        english_on_a_phone = params.get("lang") == "en" and "phone" in (
            params.get("page"),
            params.get("viewport"),
        )
        sqlite_only = item.get_closest_marker("pages_not_database") or item.get_closest_marker(
            "crawl_not_database"
        )
        if (on_postgres and sqlite_only) or (
            english_on_a_phone and item.get_closest_marker("english_at_desktop_size")
        ):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
