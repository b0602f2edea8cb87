"""Back up the catalogue database into one file and restore it (`lll backup`, `lll restore`).

SQLite: the online backup API, consistent while a crawl or the web uses the database.
PostgreSQL: `pg_dump --format=custom` and `pg_restore`, found on PATH or under
/usr/lib/postgresql/*/bin (Debian keeps the server's own there); they connect with the
settings' URL, its password passed in the environment rather than on the command line.

A restore replaces the whole catalogue (offers, editions, sources, runs, rejections, the
scheduler's jobs) and refuses to overwrite one that holds offers unless forced. It leaves the
search index alone: `lll reindex` rebuilds it from the restored catalogue.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, make_url

from catalogue.db import get_engine

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"  # the first bytes of pg_dump's custom format
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin/{tool}"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why, in Polish."""


def backup(database_url: str, target: Path) -> int:
    """Write the catalogue into `target` (replacing it); returns the number of offers in it."""
    url = make_url(database_url)
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite and not _sqlite_path(url).is_file():  # a mistyped path: opening it would create it
        raise BackupError(f"Nie ma pliku {_sqlite_path(url)}: sprawdź DATABASE_URL.")
    offers = count_offers(database_url)
    partial = target.with_name(target.name + ".partial")
    try:
        if sqlite:
            _sqlite_copy(_sqlite_path(url), partial)
        else:
            _run_tool("pg_dump", url, ["--format=custom", "--no-owner", f"--file={partial}"])
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)  # a backup file is whole or absent
    return offers


def restore(database_url: str, source: Path, *, force: bool = False) -> int:
    """Replace the catalogue with the backup in `source`; returns the number of offers restored.
    The index is left to `lll reindex`."""
    url = make_url(database_url)
    sqlite = url.get_backend_name() == "sqlite"
    _check_format(source, SQLITE_MAGIC if sqlite else PG_DUMP_MAGIC)
    present = count_offers(database_url)
    if present and not force:
        raise BackupError(
            f"Katalog zawiera już {present} ofert; odtworzenie by je zastąpiło. "
            "Użyj --force, jeśli tego chcesz."
        )
    if sqlite:
        _sqlite_copy(source, _sqlite_path(url))
    else:
        # --clean drops what the target holds (a migrated empty schema, or the catalogue that
        # --force replaces) and one transaction makes the restore all or nothing.
        options = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run_tool("pg_restore", url, [*options, f"--dbname={url.database}", str(source)])
    return count_offers(database_url)


def count_offers(database_url: str) -> int:
    """How many offers the catalogue holds (0 for a database without the catalogue's tables)."""
    engine = get_engine(database_url)
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("offer"):
                return 0
            return int(connection.execute(text("SELECT count(*) FROM offer")).scalar_one())
    finally:
        engine.dispose()


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("Baza SQLite w pamięci nie ma kopii zapasowej: potrzebny jest plik.")
    return Path(url.database)


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupError(f"Nie ma pliku {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as reader,
        contextlib.closing(sqlite3.connect(target, timeout=30)) as writer,
    ):
        reader.backup(writer)  # page by page, consistent even while another connection writes


def _check_format(source: Path, magic: bytes) -> None:
    try:
        with source.open("rb") as file:
            start = file.read(len(magic))
    except OSError as exc:
        raise BackupError(f"Nie można odczytać {source}: {exc.strerror}.") from None
    if start != magic:
        kind = "SQLite" if magic == SQLITE_MAGIC else "PostgreSQL (pg_dump --format=custom)"
        raise BackupError(f"{source} nie jest kopią zapasową bazy {kind}, której używa katalog.")


def find_tool(tool: str, debian: str = DEBIAN_BINARIES) -> Path:
    """pg_dump or pg_restore: on PATH, else Debian's newest under /usr/lib/postgresql."""
    on_path = shutil.which(tool)
    if on_path:
        return Path(on_path)
    found = sorted(glob.glob(debian.format(tool=tool)), key=_major_version)
    if found:
        return Path(found[-1])
    raise BackupError(
        f"Nie znaleziono programu {tool} (ani w PATH, ani w /usr/lib/postgresql/*/bin). "
        "Zainstaluj klienta PostgreSQL w wersji serwera lub nowszej, np. "
        "`apt-get install postgresql-client`."
    )


def _major_version(path: str) -> int:
    match = re.search(r"/postgresql/(\d+)/bin/", path)
    return int(match.group(1)) if match else 0


def _run_tool(tool: str, url: URL, options: list[str]) -> None:
    # libpq reads the connection from the environment: the password stays off the command line.
    libpq = {
        "PGHOST": url.host or "",
        "PGPORT": str(url.port or ""),
        "PGUSER": url.username or "",
        "PGPASSWORD": url.password or "",
        "PGDATABASE": url.database or "",
    }
    environment = {**os.environ, **{name: value for name, value in libpq.items() if value}}
    done = subprocess.run(
        [str(find_tool(tool)), *options], env=environment, capture_output=True, text=True
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise BackupError(f"{tool} nie powiódł się: {lines[-1] if lines else done.returncode}")
