"""Writing an institution's offers through its API token: `save_offer` and `set_state`, one
write of an institution at a time.

    written = write_offer(db, token, "K-12", fields, submit=True)
    written.saved.state, written.created
    archive_offer(db, token, "K-12")   # -> (the offer, whether it changed) or None

Programs send requests at once: two writes of the same offer that both read its editions
before either commits would both replace them, and the offer would end with both sets. So
each write first takes its institution's write lock
(`operations.institution_offers.lock_institution`, as the form and uploads do) and reads the
offer only then. The history names the token (`via="api"`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from catalogue.accounts import ApiToken
from catalogue.models import Institution, Offer, OfferStatus, Source
from catalogue.offer_details import with_details
from catalogue.offer_fields import OfferFields
from operations.institution_offers import (
    Actor,
    SavedOffer,
    lock_institution,
    panel_source_name,
    save_offer,
    set_state,
)


class OfferExists(Exception):
    """Creating an offer whose id the institution already has."""


@dataclass(frozen=True)
class Written:
    saved: SavedOffer
    created: bool


def external_key(external_id: str) -> str:
    """The id as `save_offer` keys it: spaces collapsed."""
    return " ".join(external_id.split())


def find_own_offer(db: Session, institution_id: int, external_id: str) -> Offer | None:
    """The institution's own offer with this id, with its details; None for another's."""
    query = with_details(
        select(Offer)
        .join(Source, col(Source.id) == col(Offer.source_id))
        .where(
            Source.name == panel_source_name(institution_id),
            Offer.external_id == external_key(external_id),
        )
    )
    offer: Offer | None = db.exec(query).first()
    return offer


def actor(token: ApiToken) -> Actor:
    return Actor(account_id=None, api_token_id=token.id, via="api")


def write_offer(
    db: Session,
    token: ApiToken,
    external_id: str,
    fields: OfferFields,
    *,
    submit: bool,
    create_only: bool = False,
) -> Written:
    """Create or replace the token's institution's offer; `OfferExists` if `create_only` and
    it has one. Ends its transaction (committed when something changed)."""
    try:
        lock_institution(db, token.institution_id)
        existing = find_own_offer(db, token.institution_id, external_id)
        if existing is not None and create_only:
            raise OfferExists(existing.external_id)
        institution = db.get(Institution, token.institution_id)
        assert institution is not None, "a token's institution is never deleted"
        saved = save_offer(
            db,
            institution,
            actor=actor(token),
            external_id=external_id,
            fields=fields,
            submit=submit,
        )
    except IntegrityError as error:  # not under the lock: a database without row locks
        raise OfferExists(external_key(external_id)) from error
    finally:
        db.rollback()  # what save_offer left uncommitted (nothing changed), and the lock
    return Written(saved, created=existing is None and saved.offer_id is not None)


def archive_offer(db: Session, token: ApiToken, external_id: str) -> tuple[Offer, bool] | None:
    """Archive the institution's offer: (it, whether it changed); None if it has none."""
    lock_institution(db, token.institution_id)
    offer = find_own_offer(db, token.institution_id, external_id)
    if offer is None or offer.status == OfferStatus.archived:
        db.rollback()
        return (offer, False) if offer is not None else None
    set_state(db, offer, actor(token), "archive")  # commits
    return offer, True
