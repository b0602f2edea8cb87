"""The catalogue's settings: where its database is and the address it is published at.

Every layer has one settings class (`catalogue.settings.CatalogueSettings`,
`search.settings.SearchSettings`, `crawlers.settings.CrawlerSettings`,
`web.settings.WebSettings`); `lll.settings.Settings` composes them once per process. Each reads
its own environment variables (and a `.env` file) and nothing else does.
"""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"


class CatalogueSettings(BaseSettings):
    """DATABASE_URL: SQLAlchemy URL of the catalogue (a SQLite file under var/ by default;
    `postgresql+psycopg://user:password@host/db` in production).
    PUBLIC_URL: the catalogue's public address (the crawler's user agent links its
    `/o-robocie` page there)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{VAR_DIR / 'catalogue.sqlite3'}"
    public_url: str = "http://127.0.0.1:8000"
