"""Choose the search backend the search settings name."""

from __future__ import annotations

from search.interface import SearchBackend
from search.settings import SearchSettings

BACKENDS = ("embedded", "meilisearch")


class BackendNotAvailable(RuntimeError):
    """The configured search backend is unknown or lacks its settings."""


def get_backend(settings: SearchSettings) -> SearchBackend:
    name = settings.backend.strip().lower()
    if name == "embedded":
        from search.tantivy import EmbeddedBackend

        return EmbeddedBackend(settings.index_dir)
    if name == "meilisearch":
        return _meilisearch(settings)
    raise BackendNotAvailable(
        f"unknown SEARCH_BACKEND {settings.backend!r}; choose one of: {', '.join(BACKENDS)}"
    )


def _meilisearch(settings: SearchSettings) -> SearchBackend:
    from search.meili import MeiliBackend  # imports its client only when chosen

    if not settings.meili_url:
        raise BackendNotAvailable(
            "SEARCH_BACKEND=meilisearch needs MEILI_URL (e.g. http://localhost:7700) and, "
            "for a server with a master key, MEILI_MASTER_KEY"
        )
    return MeiliBackend(settings.meili_url, settings.meili_master_key)
