"""One settings object, read from the environment (and a `.env` file) in one place."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{VAR_DIR / 'catalogue.sqlite3'}"
    search_backend: str = "embedded"
    search_index_dir: Path = VAR_DIR / "index"
    # The web app indexes committed catalogue changes itself, polling the outbox this often.
    index_sync: bool = True
    index_sync_interval: float = 0.25
    meili_url: str | None = None
    meili_master_key: str | None = None
    secret_key: str = "development-only-secret"
    # Shown on every page while the catalogue holds the bundled sample sources.
    sample_data: bool = True
    # HTTP headers are ASCII: no Polish letters here.
    user_agent: str = (
        "LubuskieLLLBot/0.1 (+https://github.com/lubuskie-lll/catalogue; katalog ksztalcenia)"
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
