"""Choose the search backend named in the settings."""

from __future__ import annotations

from catalogue.settings import Settings
from search.embedded import EmbeddedBackend
from search.interface import SearchBackend

BACKENDS = ("embedded", "meilisearch")


class BackendNotAvailable(RuntimeError):
    """The configured search backend is unknown or lacks its settings."""


def get_backend(settings: Settings) -> SearchBackend:
    name = settings.search_backend.strip().lower()
    if name == "embedded":
        return EmbeddedBackend(settings.search_index_dir)
    if name == "meilisearch":
        return _meilisearch(settings)
    raise BackendNotAvailable(
        f"unknown SEARCH_BACKEND {settings.search_backend!r}; choose one of: {', '.join(BACKENDS)}"
    )


def _meilisearch(settings: Settings) -> SearchBackend:
    from search.meili import MeiliBackend  # imports httpx only when chosen

    if not settings.meili_url:
        raise BackendNotAvailable(
            "SEARCH_BACKEND=meilisearch needs MEILI_URL (e.g. http://localhost:7700) and, "
            "for a server with a master key, MEILI_MASTER_KEY"
        )
    return MeiliBackend(settings.meili_url, settings.meili_master_key)
