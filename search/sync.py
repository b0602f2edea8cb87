"""Keep the index in step with the catalogue: changed offers after a commit, or a full rebuild."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from catalogue.housekeeping import is_expired
from catalogue.models import IndexChange, Offer, OfferStatus
from search.documents import offer_document
from search.interface import SearchBackend

BATCH = 500
log = logging.getLogger(__name__)


def _load(session: Session, ids: list[int] | None) -> Iterator[Offer]:
    statement = (
        select(Offer)
        # One result per cluster of the same offer from several sources: its canonical offer.
        .where(Offer.status == OfferStatus.active, col(Offer.canonical_id).is_(None))
        .options(
            selectinload(Offer.editions),
            selectinload(Offer.qualification),
            selectinload(Offer.source),
            selectinload(Offer.duplicates).selectinload(Offer.source),
        )
        .order_by(Offer.id)
    )
    if ids is not None:
        statement = statement.where(Offer.id.in_(ids))
    yield from session.exec(statement)


def active_documents(
    engine: Engine, ids: Iterable[int] | None = None, today: date | None = None
) -> Iterator[dict[str, Any]]:
    """Search documents of the active offers (all of them, or those among `ids`)."""
    if ids is None:
        chunks: list[list[int] | None] = [None]
    else:
        wanted = sorted(ids)
        chunks = [wanted[i : i + BATCH] for i in range(0, len(wanted), BATCH)]
    day = today or date.today()
    with Session(engine) as session:
        for chunk in chunks:
            for offer in _load(session, chunk):
                if is_expired(offer.editions, day):
                    continue  # every dated edition is over: nothing left to enrol in
                yield offer_document(offer, day)


def sync_offers(engine: Engine, backend: SearchBackend, ids: Iterable[int]) -> int:
    """Index the committed state of these offers: active ones (re)indexed, others removed."""
    ids = set(ids)
    if not ids:
        return 0
    documents = list(active_documents(engine, ids))
    backend.index(documents)
    backend.delete(ids - {doc["id"] for doc in documents})
    return len(ids)


def reindex(engine: Engine, backend: SearchBackend) -> int:
    """Rebuild the whole index from the catalogue into a fresh index, swapped in at the end."""
    documents = list(active_documents(engine))
    backend.rebuild(documents)
    return len(documents)


def drain_outbox(engine: Engine, backend: SearchBackend, limit: int = 2000) -> int:
    """Index what the outbox says has changed; returns how many changes were handled.

    Only the rows read here are deleted afterwards: a change committed meanwhile (even to the
    same offer) stays in the outbox for the next round.
    """
    with Session(engine) as session:
        rows = session.exec(select(IndexChange.id, IndexChange.offer_id).limit(limit)).all()
    if not rows:
        return 0
    sync_offers(engine, backend, {offer_id for _, offer_id in rows})
    with Session(engine) as session:
        session.execute(delete(IndexChange).where(IndexChange.id.in_([i for i, _ in rows])))
        session.commit()
    return len(rows)


class IndexSyncer:
    """Polls the outbox in a background thread, so a committed change is searchable within
    about `interval` seconds. One per process that serves searches (the web app)."""

    def __init__(self, engine: Engine, backend: SearchBackend, interval: float = 0.25) -> None:
        self.engine, self.backend, self.interval = engine, backend, interval
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
                while drain_outbox(self.engine, self.backend) and not self._stop.is_set():
                    pass
            except Exception:  # the database or index is briefly unavailable: try again
                log.exception("index sync failed; retrying")
            self._stop.wait(self.interval)
