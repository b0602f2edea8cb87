"""`lll backup` and `lll restore`: a crawled catalogue backed up and restored into a second, empty
database holds every row it held, on SQLite (the online backup API) and on PostgreSQL
(pg_dump and pg_restore)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

from catalogue.db import get_engine
from crawlers.run import crawl
from crawlers.summary import RunSummary
from operations.backup import BackupError, backup, count_offers, find_tool, restore
from samples.server import SampleServer
from tests.crawlers.conftest import FAST, FIXTURE_REGISTRY
from tests.postgres_support import Databases

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def crawled(database_url: str, server: SampleServer) -> str:
    """The test's catalogue after crawls of the fixture sources: offers, editions, runs."""
    for source in ("fixture-bur", "fixture-jsonld"):
        summaries: list[RunSummary] = crawl(
            [source],
            database_url,
            base_url=server.base_url,
            settings=FAST,
            registry_path=FIXTURE_REGISTRY,
        )
        assert summaries[0].status == "success"
    return database_url


@pytest.fixture
def second_database(databases: Databases, tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Fresh databases besides the test's own: `second_database(migrated=True)`."""
    made: list[str] = []

    def make(*, migrated: bool = True) -> str:
        folder = tmp_path / f"second-{len(made)}"
        folder.mkdir()
        made.append(databases.create(folder, migrated=migrated))
        return made[-1]

    yield make
    for url in made:
        databases.drop(url)


def every_row(database_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every catalogue table, in primary-key order."""
    engine = get_engine(database_url)
    try:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in SQLModel.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_a_restored_backup_holds_every_offer_edition_source_and_run(
    crawled: str, second_database: Callable[..., str], tmp_path: Path
):
    before = every_row(crawled)
    assert before["offer"] and before["edition"] and before["source"] and before["crawlrun"]
    file = tmp_path / "katalog.backup"
    assert backup(crawled, file) == len(before["offer"])
    target = second_database()
    assert restore(target, file) == len(before["offer"])
    assert every_row(target) == before


def test_a_backup_restores_into_a_database_without_any_table(
    crawled: str, second_database: Callable[..., str], tmp_path: Path
):
    file = tmp_path / "katalog.backup"
    backup(crawled, file)
    target = second_database(migrated=False)
    restore(target, file)
    assert every_row(target) == every_row(crawled)


def test_restore_refuses_to_overwrite_a_catalogue_with_offers_unless_forced(
    crawled: str, second_database: Callable[..., str], tmp_path: Path
):
    empty = second_database()
    empty_file, full_file = tmp_path / "pusty.backup", tmp_path / "pelny.backup"
    backup(empty, empty_file)
    backup(crawled, full_file)
    offers = count_offers(crawled)
    with pytest.raises(BackupError, match="--force"):
        restore(crawled, empty_file)
    assert count_offers(crawled) == offers
    assert restore(crawled, empty_file, force=True) == 0
    assert restore(crawled, full_file) == offers  # an empty catalogue takes a restore


def test_restore_refuses_a_file_that_is_not_a_backup_of_this_kind_of_database(
    database_url: str, tmp_path: Path
):
    file = tmp_path / "oferty.csv"
    file.write_text("tytul;organizator\nSpawanie;CKZ\n", encoding="utf-8")
    with pytest.raises(BackupError, match="nie jest kopią zapasową"):
        restore(database_url, file)


def lll(*arguments: str, database_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "lll.cli", *arguments],
        env=environment,
        cwd=cwd,  # no `.env` of the checkout is read
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lll_backup_and_lll_restore_round_trip_a_crawled_catalogue(
    crawled: str, second_database: Callable[..., str], tmp_path: Path
):
    file = tmp_path / "katalog.backup"
    offers = count_offers(crawled)
    made = lll("backup", str(file), database_url=crawled, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert f"({offers} ofert)" in made.stdout
    target = second_database()
    restored = lll("restore", str(file), database_url=target, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "lll reindex" in restored.stdout
    assert every_row(target) == every_row(crawled)
    again = lll("restore", str(file), database_url=target, cwd=tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr
    assert "Traceback" not in again.stderr


def test_a_missing_pg_dump_is_named_with_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder
    with pytest.raises(BackupError, match=r"pg_dump.*postgresql-client"):
        find_tool("pg_dump", debian=str(tmp_path / "postgresql/*/bin/{tool}"))


def test_a_backup_of_a_sqlite_catalogue_that_does_not_exist_fails_and_creates_nothing(
    tmp_path: Path,
):
    missing = tmp_path / "literowka.sqlite3"
    with pytest.raises(BackupError, match="Nie ma pliku"):
        backup(f"sqlite:///{missing}", tmp_path / "katalog.backup")
    assert not missing.exists() and not (tmp_path / "katalog.backup").exists()
