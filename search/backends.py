"""Choose the search backend named in the settings."""

from __future__ import annotations

from catalogue.settings import Settings
from search.embedded import EmbeddedBackend
from search.interface import SearchBackend

BACKENDS = ("embedded", "meilisearch")


class BackendNotAvailable(RuntimeError):
    """The configured search backend is unknown or not implemented yet."""


def get_backend(settings: Settings) -> SearchBackend:
    name = settings.search_backend.strip().lower()
    if name == "embedded":
        return EmbeddedBackend(settings.search_index_dir)
    if name == "meilisearch":
        raise BackendNotAvailable(
            "SEARCH_BACKEND=meilisearch is not implemented yet; use SEARCH_BACKEND=embedded"
        )
    raise BackendNotAvailable(
        f"unknown SEARCH_BACKEND {settings.search_backend!r}; choose one of: {', '.join(BACKENDS)}"
    )
