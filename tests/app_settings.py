"""Settings for a test's own catalogue and index (the layers' defaults for everything else)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalogue.settings import CatalogueSettings
from lll.settings import Settings
from operations.settings import AccountSettings
from search.settings import SearchSettings
from web.settings import WebSettings


def app_settings(
    database_url: str, index_dir: Path | None = None, *, sample_data: bool = True, **search: Any
) -> Settings:
    if index_dir is not None:
        search["index_dir"] = index_dir
    return Settings(
        catalogue=CatalogueSettings(database_url=database_url),
        search=SearchSettings(**search),
        # Sign-in failures are counted under this key (HMAC); `lll serve` requires one.
        accounts=AccountSettings(secret_key="tests-only-secret-key"),
        # Tests send requests faster than people do: their own tests turn the limits on.
        web=WebSettings(sample_data=sample_data, rate_limits=False),
    )
