"""The contract suite on a real Meilisearch server, when `MEILI_URL` is set.

Each test gets its own index (named after its temporary folder, so that a second backend on
the same folder is "another process" on the same index), deleted when the test ends.
Run it with a server, e.g. `docker compose up -d meilisearch` and
`MEILI_URL=http://localhost:7700 MEILI_MASTER_KEY=... .venv/bin/pytest tests/search`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from meilisearch import Client

from search.interface import SearchBackend
from search.meili import MeiliBackend

SKIP_REASON = (
    "MEILI_URL is not set: the Meilisearch backend runs the contract suite only against a real "
    "server (docker compose up -d meilisearch; MEILI_URL=http://localhost:7700)"
)
_created: set[str] = set()


def meili_backend(folder: Path) -> SearchBackend:
    """A Meilisearch backend on an index of its own for this folder; skips without a server."""
    url = os.environ.get("MEILI_URL")
    if not url:
        pytest.skip(SKIP_REASON)
    uid = "lll_test_" + hashlib.sha1(str(folder).encode()).hexdigest()[:16]
    _created.add(uid)
    return MeiliBackend(url, os.environ.get("MEILI_MASTER_KEY"), uid)


def drop_test_indexes() -> None:
    """Delete the indexes the tests created (a rebuild leaves no other index behind)."""
    url = os.environ.get("MEILI_URL")
    if not url or not _created:
        return
    client = Client(url, os.environ.get("MEILI_MASTER_KEY"))
    try:
        for uid in sorted(_created):
            task = client.wait_for_task(client.delete_index(uid).task_uid, timeout_in_ms=60_000)
            if task.status != "succeeded" and (task.error or {}).get("code") != "index_not_found":
                raise RuntimeError(f"the test index {uid} was not deleted: {task.error}")
    finally:
        _created.clear()
