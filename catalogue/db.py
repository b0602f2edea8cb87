"""Engines and schema: one place that knows how to open the catalogue database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

import catalogue.accounts  # (the account tables, with the catalogue's)
import catalogue.barometer_tables  # (the occupational barometer the coordinator imports)
import catalogue.outbox  # (every session records offer changes for the index)
import catalogue.plans  # (the tables of "Mój plan")
import catalogue.search_alerts  # (e-mail alerts for a search)
import catalogue.shortlists  # noqa: F401  (career advisers' client shortlists)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def get_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(database_url, pool_pre_ping=True)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the web server read while a crawl (another process) writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser reads "%" as interpolation: a password or a SQLite URI ("file:…?mode=ro")
    # holding one would stop every command.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["engine"] = engine
    return config


def create_all(engine: Engine) -> None:
    """Bring the schema to the newest migration (creating it on an empty database)."""
    command.upgrade(alembic_config(engine), "head")
