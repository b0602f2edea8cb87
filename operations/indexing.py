"""Keep the index in step with the catalogue: changed offers after a commit, or a full rebuild.

Every change to an offer is recorded in the `IndexChange` outbox in its own transaction
(`catalogue.outbox`); `update_index` turns the outbox into index updates. In production one
process kind does that continuously, the scheduler, with an `IndexSyncer` (see
docs/decisions/0008-application-layer-and-the-index-writer.md). The same process watches the
index: `ensure_index` rebuilds it from the catalogue when it is lost, damaged or its count is
off (`operations.index_health`), at the syncer's start, every `check_interval` seconds, and
before each `update_index`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from catalogue.models import IndexChange
from operations.index_health import IndexCheck, check_index
from search.documents import active_documents
from search.interface import SearchBackend, SearchUnavailable

log = logging.getLogger(__name__)


def sync_offers(engine: Engine, backend: SearchBackend, ids: Iterable[int]) -> int:
    """Index the committed state of these offers: open ones (re)indexed, others removed."""
    ids = set(ids)
    if not ids:
        return 0
    documents = list(active_documents(engine, ids))
    backend.index(documents)
    backend.delete(ids - {doc["id"] for doc in documents})
    return len(ids)


def rebuild_index(engine: Engine, backend: SearchBackend) -> int:
    """Rebuild the whole index from the catalogue into a fresh index, swapped in at the end;
    how many offers it holds."""
    documents = list(active_documents(engine))
    backend.rebuild(documents)
    return len(documents)


def drain_outbox(engine: Engine, backend: SearchBackend, limit: int = 2000) -> int:
    """Index what the outbox says has changed, one batch; how many changes were handled.

    Only the rows read here are deleted afterwards: a change committed meanwhile (even to the
    same offer) stays in the outbox for the next round.
    """
    with Session(engine) as session:
        rows = session.exec(select(IndexChange.id, IndexChange.offer_id).limit(limit)).all()
    if not rows:
        return 0
    sync_offers(engine, backend, {offer_id for _, offer_id in rows})
    with Session(engine) as session:
        session.execute(delete(IndexChange).where(col(IndexChange.id).in_([i for i, _ in rows])))
        session.commit()
    return len(rows)


def ensure_index(engine: Engine, backend: SearchBackend) -> IndexCheck | None:
    """Rebuild the index from the catalogue if it is missing, damaged or its count is off;
    what was wrong (None: nothing, no rebuild)."""
    check = check_index(engine, backend)
    if check.problem is None:
        return None
    count = rebuild_index(engine, backend)
    log.warning("index rebuilt from the catalogue with %d offers: %s", count, check.problem)
    return check


def update_index(engine: Engine, backend: SearchBackend) -> int:
    """Drain the outbox until it is empty; how many changes were indexed. A lost index is
    rebuilt first: filled from the outbox alone it would hold only the changed offers."""
    ensure_index(engine, backend)
    indexed = 0
    while handled := drain_outbox(engine, backend):
        indexed += handled
    return indexed


class IndexSyncer:
    """Drains the outbox in a background thread, so a committed change is searchable within
    about `interval` seconds, and checks the index at its start and every `check_interval`
    seconds (`ensure_index`). `lock`, when given, is held around each drain (the scheduler
    shares it with the drains after its runs)."""

    def __init__(
        self,
        engine: Engine,
        backend: SearchBackend,
        interval: float = 0.25,
        lock: threading.Lock | None = None,
        check_interval: float = 60.0,
    ) -> None:
        self.engine, self.backend, self.interval = engine, backend, interval
        self.check_interval = check_interval
        self._next_check = 0.0  # time.monotonic() of the next check; the first at the start
        self._lock = lock or threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-syncer", daemon=True)

    def start(self) -> IndexSyncer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with self._lock:
                    if time.monotonic() >= self._next_check:
                        self._next_check = time.monotonic() + self.check_interval
                        ensure_index(self.engine, self.backend)
                    while drain_outbox(self.engine, self.backend) and not self._stop.is_set():
                        pass
            except SearchUnavailable as error:  # e.g. a damaged index: check it right away
                log.warning("index sync failed: %s", error)
                self._next_check = 0.0
            except Exception:  # the database or index is briefly unavailable: try again
                log.exception("index sync failed; retrying")
            self._stop.wait(self.interval)
