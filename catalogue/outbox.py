"""Record every change of an offer in the `IndexChange` outbox, in the changing transaction.

Any writer that goes through an ORM session (a crawl's recorder, say) is covered by one
session hook; bulk statements that bypass the ORM call `record_changes` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from catalogue.changes import note_changed
from catalogue.models import Edition, IndexChange, Offer


def record_changes(session: Session, offer_ids: Iterable[int]) -> None:
    """The index must learn of these offers, and re-users too (`catalogue.changes`)."""
    ids = sorted(set(offer_ids))
    _index_rows(session, ids)
    note_changed(session, ids)


def _index_rows(session: Session, offer_ids: Iterable[int]) -> None:
    rows = [{"offer_id": offer_id} for offer_id in sorted(set(offer_ids))]
    if rows:
        session.connection().execute(insert(IndexChange), rows)


@event.listens_for(Session, "after_flush")
def _offers_changed_in_flush(session: Session, _flush_context) -> None:
    changed: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Offer) and obj.id is not None:
            changed.add(obj.id)
        elif isinstance(obj, Edition) and obj.offer_id is not None:
            changed.add(obj.offer_id)
    # A crawl's check of an offer is in here too (the index shows when it was last checked);
    # the re-users' log tells what they see changed itself (`catalogue.changes`).
    _index_rows(session, changed)
