"""Every layer's settings, composed once for a process (`get_settings()`).

    settings = get_settings()
    settings.catalogue.database_url, settings.search.backend, settings.web.sample_data

Tests build their own: `Settings(catalogue=CatalogueSettings(database_url=...))`.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from catalogue.settings import CatalogueSettings
from crawlers.settings import CrawlerSettings
from operations.settings import AccountSettings
from search.settings import SearchSettings
from web.settings import WebSettings

LAYER_SETTINGS = (CatalogueSettings, SearchSettings, CrawlerSettings, AccountSettings, WebSettings)


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    catalogue: CatalogueSettings = Field(default_factory=CatalogueSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)
    crawlers: CrawlerSettings = Field(default_factory=CrawlerSettings)
    accounts: AccountSettings = Field(default_factory=AccountSettings)
    web: WebSettings = Field(default_factory=WebSettings)


@lru_cache
def get_settings() -> Settings:
    """The settings of this process, read from the environment (and `.env`) once."""
    return Settings()
