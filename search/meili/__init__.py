"""The Meilisearch backend (see `search.meili.backend` and docs/decisions/0004)."""

from search.meili.backend import MeiliBackend
from search.meili.client import MeiliError, SearchUnavailable

__all__ = ["MeiliBackend", "MeiliError", "SearchUnavailable"]
