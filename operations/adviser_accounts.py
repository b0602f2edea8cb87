"""A career adviser asks for an account; a coordinator approves or refuses it.

    register_adviser(db, settings, AdviserRegistration(...))  # raises FormInvalid
    pending_advisers(db)                                       # confirmed addresses first
    decide_adviser(db, settings, account_id, coordinator, approve=False, reason="…")

A request is an `Account` with the role `adviser` and `active` False: nothing signs it in
(`operations.signin` says it awaits approval, `web.auth` takes no session of it) until a
coordinator approves it, which sets `active`. A refusal mails the reason and deletes the
request with its e-mail links: nothing is kept about a person the catalogue has no account
for, and the person may ask again. The address is confirmed by the same link as an
institution's (`operations.accounts.confirm_email`, which tells the coordinators).

The organisation the adviser works for (e.g. "PUP w Żarach") has no column of its own: it is
kept in `Account.name` after the person's name ("Anna Nowak – PUP w Żarach"), which is what
the coordinator decides on and what the account page shows. See docs/advisers.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, col, select

from catalogue.accounts import Account, EmailToken, LoginSession, Role
from operations import account_mails
from operations.accounts import (
    CONFIRM_VALID_FOR,
    FieldError,
    FormInvalid,
    credentials_errors,
    issue_email_token,
    link,
    normal_email,
)
from operations.approval import REASON_MAX_LENGTH
from operations.mail import deliver
from operations.passwords import hash_password
from operations.settings import OperationSettings

NAME_MAX_LENGTH = 200
ORGANISATION_MAX_LENGTH = 200
SEPARATOR = " – "  # between the person's name and the organisation in `Account.name`
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AdviserRegistration:
    person_name: str
    organisation: str
    email: str
    password: str
    consent: bool


class AdviserNotPending(LookupError):
    """No adviser's request awaits a decision under that id (unknown, or already decided)."""


def awaits_approval(account: Account) -> bool:
    return account.role == Role.adviser and not account.active


def _checked(form: AdviserRegistration) -> tuple[str, str, str]:
    errors: list[FieldError] = []
    person = " ".join(form.person_name.split())
    organisation = " ".join(form.organisation.split())
    for field, value, longest in (
        ("person_name", person, NAME_MAX_LENGTH),
        ("organisation", organisation, ORGANISATION_MAX_LENGTH),
    ):
        if not value:
            errors.append(FieldError(field, "required"))
        elif len(value) > longest:
            errors.append(FieldError(field, "too_long"))
    email = normal_email(form.email)
    errors += credentials_errors(email, form.password, form.consent)
    if errors:
        raise FormInvalid(errors)
    return person, organisation, email


def register_adviser(db: Session, settings: OperationSettings, form: AdviserRegistration) -> None:
    """Make the adviser's request and send its confirmation link. The answer is the same
    whether or not the address has an account: its owner is told by e-mail instead."""
    person, organisation, email = _checked(form)
    existing = db.exec(select(Account).where(Account.email == email)).first()
    if existing is not None:
        hash_password(form.password)  # the time a new account takes: nothing told by it
        subject, text = account_mails.already_registered(link(settings, "/haslo"))
        deliver(settings.accounts, email, subject, text)
        return
    account = Account(
        email=email,
        password_hash=hash_password(form.password),
        role=Role.adviser,
        name=f"{person}{SEPARATOR}{organisation}",
        active=False,  # until a coordinator approves it
    )
    db.add(account)
    db.flush()
    assert account.id is not None
    token = issue_email_token(db, account.id, "confirm", CONFIRM_VALID_FOR)
    db.commit()
    subject, text = account_mails.adviser_confirm(link(settings, f"/potwierdz/{token}"))
    deliver(settings.accounts, email, subject, text)


def pending_advisers(db: Session) -> list[Account]:
    """Requests awaiting a coordinator: confirmed addresses first, then the oldest first."""
    query = select(Account).where(Account.role == Role.adviser, col(Account.active).is_(False))
    found = list(db.exec(query.order_by(col(Account.created_at), col(Account.id))))
    return sorted(found, key=lambda account: account.email_confirmed_at is None)


def decide_adviser(
    db: Session,
    settings: OperationSettings,
    account_id: int,
    coordinator: Account,
    *,
    approve: bool,
    reason: str = "",
) -> Account:
    """Approve (a confirmed address only), or refuse with a reason and delete the request;
    the adviser is mailed either way. Raises `AdviserNotPending` or `FormInvalid`."""
    account = db.get(Account, account_id)
    if account is None or not awaits_approval(account):
        raise AdviserNotPending(account_id)
    reason = reason.strip()
    if approve and account.email_confirmed_at is None:
        raise FormInvalid([FieldError("reason", "adviser_unconfirmed")])
    if not approve and not reason:
        raise FormInvalid([FieldError("reason", "reason_required")])
    if len(reason) > REASON_MAX_LENGTH:
        raise FormInvalid([FieldError("reason", "too_long")])
    email = account.email
    if approve:
        account.active = True
        db.add(account)
        db.commit()
        db.refresh(account)
        subject, text = account_mails.adviser_approved(link(settings, "/logowanie"))
    else:
        db.execute(delete(EmailToken).where(col(EmailToken.account_id) == account_id))
        db.execute(delete(LoginSession).where(col(LoginSession.account_id) == account_id))
        db.delete(account)
        db.commit()
        subject, text = account_mails.adviser_refused(reason)
    log.info("adviser request %s %s by coordinator %s", account_id,
             "approved" if approve else "refused", coordinator.id)  # fmt: skip
    deliver(settings.accounts, email, subject, text)
    return account
