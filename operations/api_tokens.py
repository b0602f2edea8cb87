"""An institution's API tokens: created in its panel, shown once, stored hashed, revocable.

    token, plain = create_token(db, institution_id=7, account_id=3, name="Nasz system")
    authenticate(db, plain)      # -> the ApiToken (last use noted at most once a minute)
    revoke_token(db, 7, token.id)
    authenticate(db, plain)      # -> None

A token is `lll_` and 32 random bytes (URL-safe base64). Only its SHA-256 is stored, with the
first characters (`prefix`) the panel shows to tell tokens apart. A token belongs to one
institution and writes only that institution's offers (`/api/v1/institution/...`);
docs/decisions/0014-institution-accounts.md.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from catalogue.accounts import ApiToken, Approval
from catalogue.models import Institution, utcnow

TOKEN_SCHEME = "lll_"
PREFIX_LENGTH = len(TOKEN_SCHEME) + 8  # "lll_AbCd1234": 48 bits, enough to tell tokens apart
MAX_NAME_LENGTH = 100
MAX_TOKEN_LENGTH = 200  # a longer Authorization value is no token of ours: not even hashed
# Noting every use would make each API request a write; a minute is as precise as the panel
# needs ("last used 14:05").
LAST_USED_PRECISION = timedelta(minutes=1)


class TokenNameInvalid(ValueError):
    """The name is empty or longer than `MAX_NAME_LENGTH` characters."""


def token_hash(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def create_token(
    db: Session, *, institution_id: int, account_id: int, name: str
) -> tuple[ApiToken, str]:
    """A new token for the institution, and its plain value: the only time it is known."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_LENGTH:
        raise TokenNameInvalid(name)
    plain = TOKEN_SCHEME + secrets.token_urlsafe(32)
    token = ApiToken(
        institution_id=institution_id,
        name=name,
        token_hash=token_hash(plain),
        prefix=plain[:PREFIX_LENGTH],
        created_by_id=account_id,
    )
    db.add(token)
    db.commit()
    db.refresh(token)
    return token, plain


def list_tokens(db: Session, institution_id: int) -> list[ApiToken]:
    """The institution's tokens, revoked ones included, the newest first."""
    query = (
        select(ApiToken)
        .where(ApiToken.institution_id == institution_id)
        .order_by(col(ApiToken.created_at).desc(), col(ApiToken.id).desc())
    )
    return list(db.exec(query))


def revoke_token(db: Session, institution_id: int, token_id: int) -> bool:
    """Revoke the institution's token; False when it has no such token (another's included).
    Revoking a revoked token changes nothing and is True."""
    token = db.get(ApiToken, token_id)
    if token is None or token.institution_id != institution_id:
        return False
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.add(token)
        db.commit()
    return True


def authenticate(db: Session, plain: str, now: datetime | None = None) -> ApiToken | None:
    """The live token whose value `plain` is, or None (unknown, revoked, malformed, or its
    institution refused by the coordinator).

    The lookup is by the value's SHA-256, so no comparison of secrets takes a time that
    depends on how much of them matched."""
    if not plain.startswith(TOKEN_SCHEME) or len(plain) > MAX_TOKEN_LENGTH:
        return None
    token = db.exec(select(ApiToken).where(ApiToken.token_hash == token_hash(plain))).first()
    if token is None or token.revoked_at is not None:
        return None
    institution = db.get(Institution, token.institution_id)
    if institution is None or institution.approval == Approval.refused:
        return None  # a refused institution's tokens write nothing
    now = now or utcnow()
    if token.last_used_at is None or now - _aware(token.last_used_at) >= LAST_USED_PRECISION:
        token.last_used_at = now
        db.add(token)
        db.commit()
        db.refresh(token)
    return token


def _aware(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes (stored as UTC); PostgreSQL aware ones.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
