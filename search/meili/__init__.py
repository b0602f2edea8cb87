"""The Meilisearch backend (see `search.meili.backend` and docs/decisions/0004)."""

from search.interface import SearchUnavailable
from search.meili.backend import MeiliBackend
from search.meili.errors import MeiliError

__all__ = ["MeiliBackend", "MeiliError", "SearchUnavailable"]
