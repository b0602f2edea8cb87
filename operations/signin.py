"""Signing in, throttled, and setting a new password by an e-mailed link.

    outcome = sign_in(db, settings.accounts, "ola@example.org", typed, address="203.0.113.5")
    outcome.result   # SignInResult.ok (outcome.account), wrong, unconfirmed, awaiting, throttled

A wrong password and an unknown address are one answer, in the same time (an unknown address
still costs a verification). Failures are counted per e-mail typed (5 in 15 minutes) and per
client address (20), each under HMAC-SHA256(SECRET_KEY, "email:…" / "addr:…"), never in clear,
and forgotten after a day. Whether the address is confirmed is told only after a right password.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from catalogue.accounts import Account, EmailToken, LoginFailure, LoginSession
from catalogue.models import utcnow
from operations import account_mails
from operations.accounts import (
    FormInvalid,
    issue_email_token,
    link,
    normal_email,
    password_errors,
    valid_email_token,
)
from operations.adviser_accounts import awaits_approval
from operations.mail import deliver
from operations.passwords import hash_password, needs_rehash, verify_password, verify_unknown
from operations.settings import AccountSettings, OperationSettings

THROTTLE_WINDOW = timedelta(minutes=15)
FAILURES_PER_EMAIL = 5
FAILURES_PER_ADDRESS = 20
FAILURES_KEPT = timedelta(days=1)
RESET_VALID_FOR = timedelta(hours=1)


class SecretKeyMissing(RuntimeError):
    """SECRET_KEY is not set: failed sign-ins cannot be counted."""


class SignInResult(StrEnum):
    ok = "ok"
    wrong = "wrong"  # unknown address, wrong password or a closed account: one answer
    unconfirmed = "unconfirmed"  # right password, the address not confirmed yet
    awaiting = "awaiting"  # right password, an adviser's account not approved yet
    throttled = "throttled"


@dataclass(frozen=True)
class SignIn:
    result: SignInResult
    account: Account | None = None


def failure_key(settings: AccountSettings, kind: str, value: str) -> str:
    if not settings.secret_key:
        raise SecretKeyMissing("SECRET_KEY is not set")
    message = f"{kind}:{value}".encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()


def _failures(db: Session, key: str) -> int:
    since = utcnow() - THROTTLE_WINDOW
    query = select(func.count()).where(LoginFailure.key == key, LoginFailure.at > since)
    return int(db.exec(query).one())


def throttled(db: Session, keys: tuple[str, str]) -> bool:
    email_key, address_key = keys
    return (
        _failures(db, email_key) >= FAILURES_PER_EMAIL
        or _failures(db, address_key) >= FAILURES_PER_ADDRESS
    )


def record_failure(db: Session, keys: tuple[str, str]) -> None:
    """Count a failure under both keys, and forget the failures throttling no longer needs."""
    db.execute(delete(LoginFailure).where(col(LoginFailure.at) < utcnow() - FAILURES_KEPT))
    db.add_all([LoginFailure(key=key) for key in keys])
    db.commit()


def sign_in(
    db: Session, settings: AccountSettings, email: str, password: str, address: str
) -> SignIn:
    email = normal_email(email)[:254]
    keys = (failure_key(settings, "email", email), failure_key(settings, "addr", address))
    if throttled(db, keys):
        return SignIn(SignInResult.throttled)
    account = db.exec(select(Account).where(Account.email == email)).first()
    password = password[:1000]
    right = (
        verify_password(account.password_hash, password) if account else verify_unknown(password)
    )
    if account is None or not right or not (account.active or awaits_approval(account)):
        record_failure(db, keys)
        return SignIn(SignInResult.wrong)
    if account.email_confirmed_at is None:
        return SignIn(SignInResult.unconfirmed)
    if not account.active:  # an adviser's request, told only after the right password
        return SignIn(SignInResult.awaiting)
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
        db.add(account)
    # A success forgives the e-mail's failures (the address's stay: it may be guessing many).
    db.execute(delete(LoginFailure).where(col(LoginFailure.key) == keys[0]))
    db.commit()
    db.refresh(account)
    return SignIn(SignInResult.ok, account)


def request_reset(db: Session, settings: OperationSettings, email: str) -> None:
    """Send a reset link if the address has an open account; the caller answers the same
    either way."""
    account = db.exec(select(Account).where(Account.email == normal_email(email)[:254])).first()
    if account is None or not account.active or account.id is None:
        return
    token = issue_email_token(db, account.id, "reset", RESET_VALID_FOR)
    db.commit()
    subject, text = account_mails.reset(link(settings, f"/haslo/{token}"))
    deliver(settings.accounts, account.email, subject, text)


def reset_allowed(db: Session, token: str) -> bool:
    return valid_email_token(db, token, "reset") is not None


def reset_password(db: Session, token: str, password: str) -> Account | None:
    """Set the new password by a reset link: every session of the account ends and every
    reset link it had is used up. None if the link is unknown, used or expired; raises
    `FormInvalid` for a weak password (the link stays usable)."""
    found = valid_email_token(db, token, "reset")
    account = db.get(Account, found.account_id) if found else None
    if found is None or account is None or not account.active:
        return None
    errors = password_errors(password, account.email)
    if errors:
        raise FormInvalid(errors)
    now = utcnow()
    account.password_hash = hash_password(password)
    # The link reached the address: it is the account's.
    account.email_confirmed_at = account.email_confirmed_at or now
    db.add(account)
    for other in db.exec(
        select(EmailToken).where(
            EmailToken.account_id == account.id,
            EmailToken.purpose == "reset",
            col(EmailToken.used_at).is_(None),
        )
    ):
        other.used_at = now
        db.add(other)
    db.execute(delete(LoginSession).where(col(LoginSession.account_id) == account.id))
    db.commit()
    db.refresh(account)
    return account
