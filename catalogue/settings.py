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
    # The catalogue's public address: the crawler's user agent links its page about the crawler.
    public_url: str = "http://127.0.0.1:8000"
    # Empty: built from `public_url`. HTTP headers are ASCII: no Polish letters here.
    user_agent: str = ""

    @property
    def crawler_user_agent(self) -> str:
        """Who we are and where to read about it (and whom to write to): `/o-robocie`."""
        return self.user_agent or (
            f"LubuskieLLLBot/0.1 (+{self.public_url.rstrip('/')}/o-robocie; "
            "katalog ksztalcenia ustawicznego, WUP Zielona Gora)"
        )


@lru_cache
def get_settings() -> Settings:
    return Settings()
