"""Catalogue databases for the tests: SQLite files and a throwaway PostgreSQL cluster.

Both kinds hand out fresh databases that are copies of one migrated once (`create`), so a test
gets a database with the catalogue's schema in milliseconds: SQLite by copying a file,
PostgreSQL by `CREATE DATABASE … TEMPLATE`.

The PostgreSQL cluster lives in a temporary folder: `initdb`, then `pg_ctl start` on 127.0.0.1
at a free port with its socket in that folder, and durability off (`fsync`,
`synchronous_commit`, `full_page_writes`): the data is thrown away. PostgreSQL refuses to run
as root, and CI runs as root: then the cluster runs as the `postgres` system user that Debian's
package creates, and its folder is that user's. `make postgres` installs the package.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.engine import make_url

from catalogue.db import create_all, get_engine

# Debian keeps the server binaries off PATH, one folder per major version.
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin/initdb"
SYSTEM_USER = "postgres"  # who runs the server when the tests run as root
ROLE = "lll"  # the role the tests connect as, as compose.yaml's does
DRIVER = "postgresql+psycopg"  # the dialect and driver of compose.yaml's DATABASE_URL
TEMPLATE = "lll_template"
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    # Throwaway data: no waiting for the disk.
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    # Engines the tests leave to the garbage collector keep their connections for a while.
    "max_connections": "300",
}


class Databases(Protocol):
    """Where the tests' catalogue databases come from: one kind of database."""

    kind: str

    def create(self, folder: Path, *, migrated: bool = True) -> str:
        """The URL of a new database: the catalogue's schema at head, or empty."""
        ...

    def copy(self, url: str, folder: Path) -> str:
        """The URL of a new database holding what the database at `url` holds."""
        ...

    def drop(self, url: str) -> None: ...


class SqliteFiles:
    """SQLite databases as files in the folder each test names."""

    kind = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.template = folder / "template.sqlite3"
        engine = get_engine(f"sqlite:///{self.template}")
        create_all(engine)
        engine.dispose()  # the last connection's close folds the WAL into the file

    def create(self, folder: Path, *, migrated: bool = True) -> str:
        path = folder / "catalogue.sqlite3"
        if migrated:
            shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def copy(self, url: str, folder: Path) -> str:
        path = folder / "catalogue.sqlite3"
        with (
            contextlib.closing(sqlite3.connect(make_url(url).database)) as source,
            contextlib.closing(sqlite3.connect(path)) as target,
        ):
            source.backup(target)  # consistent even while another connection writes
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        """Nothing to do: the file goes with the test's temporary folder."""


def find_binaries() -> Path | None:
    """The folder of PostgreSQL's server binaries (Debian's newest, or on PATH), if any."""
    found = sorted(glob.glob(DEBIAN_BINARIES), key=_major_version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")  # Homebrew, Fedora and others put them on PATH
    return Path(on_path).resolve().parent if on_path else None  # beside the real initdb


def _major_version(initdb: str) -> int:
    match = re.search(r"/postgresql/(\d+)/bin/", initdb)
    return int(match.group(1)) if match else 0


class PostgresCluster:
    """A PostgreSQL server of our own in a temporary folder; `stop()` removes it all."""

    kind = "postgresql"

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.runs_as = SYSTEM_USER if os.geteuid() == 0 else None
        self.folder = Path(tempfile.mkdtemp(prefix="lll-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._template_ready = False

    @classmethod
    def start(cls, binaries: Path) -> PostgresCluster:
        cluster = cls(binaries)
        try:
            cluster._init()
            cluster._start()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def url(self, database: str) -> str:
        return f"{DRIVER}://{ROLE}@127.0.0.1:{self.port}/{database}"

    def create(self, folder: Path, *, migrated: bool = True) -> str:
        """A new database; `folder` is unused (the cluster keeps its own)."""
        if migrated and not self._template_ready:
            self._sql(f"CREATE DATABASE {TEMPLATE}")
            engine = get_engine(self.url(TEMPLATE))
            create_all(engine)
            engine.dispose()  # a template must have no connections while it is copied
            self._template_ready = True
        # template0 is PostgreSQL's pristine empty database.
        return self._copy(TEMPLATE if migrated else "template0")

    def copy(self, url: str, folder: Path) -> str:
        source = make_url(url).database
        # A database is copied only while nobody is connected to it; the tests are done with it.
        self._sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{source}' AND pid <> pg_backend_pid()"
        )
        return self._copy(source)

    def _copy(self, template: str) -> str:
        name = f"test_{next(self._names)}"
        self._sql(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url(name)

    def drop(self, url: str) -> None:
        # FORCE: connections that engines of the test still hold are ended.
        self._sql(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            # Its data is thrown away: no shutdown checkpoint to wait for; removed even if it
            # did not stop cleanly.
            self._run("pg_ctl", "--pgdata", self.data, "--mode", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def _init(self) -> None:
        if self.runs_as:
            # The server's user must own its folder; mkdtemp made it root's only.
            shutil.chown(self.folder, self.runs_as, self.runs_as)
        self._run(
            "initdb",
            "--pgdata", self.data,
            "--username", ROLE,
            "--auth", "trust",  # only this machine's 127.0.0.1 and our own socket folder
            "--encoding", "UTF8",
            "--locale", "C",  # byte order, like SQLite's default collation
            "--no-sync",
        )  # fmt: skip
        settings = {**SETTINGS, "unix_socket_directories": f"'{self.folder}'"}
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def _start(self, attempts: int = 3) -> None:
        for attempt in range(attempts):
            self.port = _free_port()
            started = self._run(
                "pg_ctl",
                "--pgdata", self.data,
                "--log", self.folder / "server.log",
                "--options", f"-p {self.port}",
                "--wait", "--timeout", "60",
                "start",
                check=False,
            )  # fmt: skip
            if started.returncode == 0:
                return
            if attempt == attempts - 1:  # another process may have taken the port meanwhile
                raise RuntimeError(f"PostgreSQL did not start:\n{started.stdout}\n{self.log()}")

    def _sql(self, statement: str) -> None:
        import psycopg  # the `postgres` extra's driver, needed only here

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=ROLE, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)  # type: ignore[arg-type]  (our own names only)

    def _run(self, program: str, *args: Any, check: bool = True) -> subprocess.CompletedProcess:
        as_user: dict[str, Any] = {}
        if self.runs_as:
            try:
                account = pwd.getpwnam(self.runs_as)
            except KeyError:
                raise RuntimeError(
                    f"PostgreSQL refuses to run as root, and there is no {self.runs_as!r} user "
                    "to run it as (Debian's package creates one)"
                ) from None
            as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        result = subprocess.run(
            [str(self.binaries / program), *map(str, args)],
            cwd=self.folder,  # a folder the server's user can enter
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            **as_user,
        )
        if check and result.returncode:
            raise RuntimeError(f"{program} failed ({result.returncode}):\n{result.stdout}")
        return result


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
