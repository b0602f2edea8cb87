"""The tables of people who sign in, and of what they do to institutions' offers.

Roles (`Role`): an institution's member (one or more per institution) keeps its offers; the
coordinator (the regional office) approves institutions and reviews offers; an adviser builds
shortlists for clients. Secrets are never stored: passwords as argon2id hashes, session, e-mail
and API tokens as SHA-256 of the random value handed out (`operations.accounts`). A failed
sign-in is remembered under a keyed hash of the e-mail or address, only as long as throttling
needs it. See docs/decisions/0014-institution-accounts.md.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary
from sqlmodel import Field, Relationship, SQLModel

from catalogue.models import Offer, utcnow


class Role(StrEnum):
    member = "member"  # of one institution
    coordinator = "coordinator"  # the regional coordination office
    adviser = "adviser"  # a career adviser


class Approval(StrEnum):
    pending = "pending"  # registered, e-mail confirmed or not, awaiting a coordinator
    approved = "approved"  # may publish
    refused = "refused"


class Account(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)  # lower-cased
    password_hash: str
    role: Role
    name: str = ""  # how the person is addressed in e-mails and shown in an offer's history
    institution_id: int | None = Field(default=None, foreign_key="institution.id", index=True)
    email_confirmed_at: datetime | None = None
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class LoginSession(SQLModel, table=True):
    """A signed-in browser. The cookie holds a random token; `id` is its SHA-256."""

    id: str = Field(primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    csrf_token: str
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class EmailToken(SQLModel, table=True):
    """A single-use link sent by e-mail: confirm the address, or set a new password."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    purpose: str  # "confirm" or "reset"
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class LoginFailure(SQLModel, table=True):
    """One failed sign-in, under a keyed hash of the e-mail typed or of the address it came
    from (never either in clear): what throttling counts."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)
    at: datetime = Field(default_factory=utcnow, index=True)


class ApiToken(SQLModel, table=True):
    """A token an institution's programs write its offers with (`/api/v1/institution/...`)."""

    id: int | None = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", index=True)
    name: str
    token_hash: str = Field(index=True, unique=True)
    prefix: str  # the first characters, shown in the panel to tell tokens apart
    created_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class OfferChange(SQLModel, table=True):
    """One change to an offer: who (an account, a token, a crawl), when, how, which fields from
    what to what. Kept for good; shown to the institution and the coordinator."""

    id: int | None = Field(default=None, primary_key=True)
    offer_id: int = Field(foreign_key="offer.id", index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    account_id: int | None = Field(default=None, foreign_key="account.id")
    api_token_id: int | None = Field(default=None, foreign_key="apitoken.id")
    via: str  # "form", "upload", "api", "feed", "crawl", "review"
    action: str  # "created", "edited", "submitted", "published", "returned", "archived"…
    # field -> [before, after], JSON values (dates as ISO text)
    fields: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    reason: str | None = None  # why it was sent back, or why it needs review
    # An offer written in a batch gets its id at the batch's flush, with its history rows.
    offer: Offer = Relationship()


class Upload(SQLModel, table=True):
    """A file an institution uploaded: checked, then published once it confirms."""

    id: int | None = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", index=True)
    account_id: int = Field(foreign_key="account.id")
    file_name: str
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    rows: int = 0
    errors: int = 0
    warnings: int = 0
    state: str = "checked"  # "checked", "published", "discarded"
    published_at: datetime | None = None
    # The check's findings: [{"row": 3, "column": "miejscowosc", "code": "unknown_place",
    # "severity": "error", "message": "..."}]
    problems: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
