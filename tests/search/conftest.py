"""Backends under test and a small catalogue of realistic Lubuskie offers.

Every backend in BACKENDS runs the contract suite (`test_search_contract.py`). A Meilisearch
backend is added here as one more factory (skipped where no server is configured).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from search.interface import SearchBackend
from search.tantivy import EmbeddedBackend
from tests.search.meili_support import drop_test_indexes, meili_backend
from tests.search.search_support import OFFERS

BackendFactory = Callable[[Path], SearchBackend]

# name -> factory building a backend on a folder; a second call on the same folder acts like
# another process opening the same index.
BACKENDS: dict[str, BackendFactory] = {
    "embedded": EmbeddedBackend,
    "meilisearch": meili_backend,  # skipped unless MEILI_URL names a server
}


@pytest.fixture(autouse=True)
def _drop_meilisearch_indexes() -> Iterator[None]:
    yield
    drop_test_indexes()


@pytest.fixture(params=sorted(BACKENDS))
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], SearchBackend]:
    factory = BACKENDS[request.param]
    return lambda: factory(tmp_path / "index")


@pytest.fixture
def backend(open_backend: Callable[[], SearchBackend]) -> SearchBackend:
    return open_backend()


@pytest.fixture
def catalogue(backend: SearchBackend) -> SearchBackend:
    backend.index(OFFERS)
    return backend
