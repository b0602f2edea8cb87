"""The search layer's settings: which backend, and where its index lives."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from catalogue.settings import VAR_DIR


class SearchSettings(BaseSettings):
    """SEARCH_BACKEND: `embedded` (tantivy, in-process; default) or `meilisearch`.
    SEARCH_INDEX_DIR: the embedded index's folder. MEILI_URL, MEILI_MASTER_KEY: the
    Meilisearch server and its key, for `SEARCH_BACKEND=meilisearch`."""

    model_config = SettingsConfigDict(
        env_prefix="SEARCH_", env_file=".env", extra="ignore", populate_by_name=True
    )

    backend: str = "embedded"
    index_dir: Path = VAR_DIR / "index"
    meili_url: str | None = Field(default=None, validation_alias="MEILI_URL")
    meili_master_key: str | None = Field(default=None, validation_alias="MEILI_MASTER_KEY")
