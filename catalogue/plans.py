"""The tables of "Mój plan": a resident's list of offers kept without an account.

A plan is found by a random key kept in the owner's browser cookie, and read by a second key
(the share link) derived from it (`operations.plans`); only the SHA-256 of each key is stored,
so the table alone opens no plan. A plan nobody used for `PLAN_EXPIRY_DAYS` is deleted by the
daily housekeeping. Nothing in it names a person: offers, editions, their order and notes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from catalogue.models import utcnow

# A plan not opened or changed for this many days is deleted (and its cookie lives as long).
PLAN_EXPIRY_DAYS = 180
NOTE_MAX = 500  # characters of a note on an item


class Plan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    key_hash: str = Field(index=True, unique=True)  # SHA-256 of the owner's key
    share_hash: str = Field(index=True, unique=True)  # SHA-256 of the read-only share key
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime = Field(default_factory=utcnow, index=True)


class PlanItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    offer_id: int = Field(foreign_key="offer.id", index=True, ondelete="CASCADE")
    # A crawl that changes an offer replaces its editions (new rows): the chosen edition's id
    # is then set to NULL by the database, and `edition_start` finds its successor.
    edition_id: int | None = Field(
        default=None, foreign_key="edition.id", index=True, ondelete="SET NULL"
    )
    edition_start: date | None = None
    position: int = 0
    note: str = Field(default="", max_length=NOTE_MAX)
