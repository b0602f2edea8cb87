"""A coordinator approves or refuses a registered institution.

    pending_institutions(db)              # [(institution, its members)], oldest first
    decide(db, settings, institution_id, coordinator, approve=False, reason="…")

Approval links the crawled provider records with the same NIP, REGON, RIS or RSPO number to the
institution (`registered_id`), so it sees their offers in its panel. Its members are told by
e-mail either way; a refusal says why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import Session, col, select

from catalogue.accounts import Account, Approval, Role
from catalogue.models import Institution, utcnow
from operations import account_mails
from operations.accounts import FieldError, FormInvalid, link
from operations.mail import deliver
from operations.settings import OperationSettings

LINKING_NUMBERS = ("nip", "regon", "ris_number", "rspo_number")
REASON_MAX_LENGTH = 2000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingInstitution:
    institution: Institution
    members: list[Account]


class NotPending(LookupError):
    """No institution awaits a decision under that id (unknown, or already decided)."""


def members_of(db: Session, institution_id: int) -> list[Account]:
    query = select(Account).where(
        Account.institution_id == institution_id, Account.role == Role.member
    )
    return list(db.exec(query.order_by(col(Account.id))))


def pending_institutions(db: Session) -> list[PendingInstitution]:
    query = select(Institution).where(Institution.approval == Approval.pending)
    return [
        PendingInstitution(institution, members_of(db, institution.id or 0))
        for institution in db.exec(
            query.order_by(col(Institution.registered_at), col(Institution.id))
        )
    ]


def decide(
    db: Session,
    settings: OperationSettings,
    institution_id: int,
    coordinator: Account,
    *,
    approve: bool,
    reason: str = "",
) -> Institution:
    """Approve, or refuse with a reason (required); raises `NotPending` or `FormInvalid`."""
    institution = db.get(Institution, institution_id)
    if institution is None or institution.approval != Approval.pending:
        raise NotPending(institution_id)
    reason = reason.strip()
    if not approve and not reason:
        raise FormInvalid([FieldError("reason", "reason_required")])
    if len(reason) > REASON_MAX_LENGTH:
        raise FormInvalid([FieldError("reason", "too_long")])
    institution.approval = Approval.approved if approve else Approval.refused
    institution.decided_at = utcnow()
    institution.decided_by_id = coordinator.id
    institution.refusal_reason = None if approve else reason
    db.add(institution)
    if approve:
        link_provider_records(db, institution)
    db.commit()
    db.refresh(institution)
    subject, text = (
        account_mails.approved(institution.name, link(settings, "/panel"))
        if approve
        else account_mails.refused(institution.name, reason)
    )
    for member in members_of(db, institution_id):
        if member.active:
            deliver(settings.accounts, member.email, subject, text)
    return institution


def link_provider_records(db: Session, institution: Institution) -> int:
    """Point the crawled provider records with one of its numbers at it; how many."""
    same = [
        getattr(Institution, number) == getattr(institution, number)
        for number in LINKING_NUMBERS
        if getattr(institution, number)
    ]
    if not same:
        return 0
    query = select(Institution).where(
        col(Institution.approval).is_(None), col(Institution.id) != institution.id, or_(*same)
    )
    records = list(db.exec(query))
    for record in records:
        record.registered_id = institution.id
        db.add(record)
    log.info("institution %s: %d provider records linked", institution.id, len(records))
    return len(records)
