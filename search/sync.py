"""Keep the index in step with the catalogue: changed offers after a commit, or a full rebuild."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from catalogue.models import Offer, OfferStatus
from search.documents import offer_document
from search.interface import SearchBackend

BATCH = 500


def _load(session: Session, ids: list[int] | None) -> Iterator[Offer]:
    statement = (
        select(Offer)
        .where(Offer.status == OfferStatus.active)
        .options(selectinload(Offer.editions), selectinload(Offer.qualification))
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
    with Session(engine) as session:
        for chunk in chunks:
            for offer in _load(session, chunk):
                yield offer_document(offer, today)


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
