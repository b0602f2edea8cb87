"""The tables of a career adviser's client shortlists, and the check of a client's label.

A shortlist belongs to one adviser's account and names its client only by a case number or a
pseudonym (`label_problem` refuses what looks like an e-mail address, a PESEL or a phone
number): the labour office keeps the client's file, this catalogue keeps none
(docs/decisions/0015-adviser-data-minimisation.md). The read-only copy of a referral is opened
by a random key whose SHA-256 only is stored, for `SHARE_DAYS` days; an outcome per item says
only enrolled, completed or dropped, and when.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from catalogue.models import utcnow

LABEL_MAX = 40  # characters of a client's case number or pseudonym
NOTE_MAX = 300  # characters of a note on an item
SHARE_DAYS = 60  # a referral's read-only link works this many days after it was made

_EMAIL = re.compile(r"\S@\S")
_DIGIT_RUN = re.compile(r"\+?\d[\d ()./-]*\d")  # digits with the separators people type


class Shortlist(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    adviser_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    label: str = Field(max_length=LABEL_MAX)  # a case number or a pseudonym, never a name
    created_at: datetime = Field(default_factory=utcnow)
    share_hash: str | None = Field(default=None, index=True, unique=True)  # SHA-256 of the key
    share_expires_at: datetime | None = None


class ShortlistItem(SQLModel, table=True):
    """An offer on a client's shortlist, optionally one edition of it (as in a plan: a crawl
    replacing the editions sets `edition_id` to NULL; `edition_start` finds the new one)."""

    id: int | None = Field(default=None, primary_key=True)
    shortlist_id: int = Field(foreign_key="shortlist.id", index=True, ondelete="CASCADE")
    position: int = 0
    note: str = Field(default="", max_length=NOTE_MAX)
    offer_id: int = Field(foreign_key="offer.id", index=True, ondelete="CASCADE")
    edition_start: date | None = None
    edition_id: int | None = Field(
        default=None, foreign_key="edition.id", index=True, ondelete="SET NULL"
    )


class Outcome(StrEnum):
    enrolled = "enrolled"
    completed = "completed"
    dropped = "dropped"


class ReferralOutcome(SQLModel, table=True):
    """What came of one item of a shortlist: nothing else about the person."""

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(
        foreign_key="shortlistitem.id", index=True, unique=True, ondelete="CASCADE"
    )
    outcome: Outcome
    recorded_at: datetime = Field(default_factory=utcnow)


def label_problem(label: str) -> str | None:
    """Why `label` may not name a client ("empty", "long", "email", "pesel", "phone"), or None.

    Only a case number (e.g. `CAZ/2026/0153`) or a pseudonym may: anything that looks like an
    e-mail address, a PESEL (11 digits) or a phone number (9 or more digits in one run, however
    spaced) is refused, even when it is not one."""
    label = label.strip()
    if not label:
        return "empty"
    if len(label) > LABEL_MAX:
        return "long"
    if _EMAIL.search(label):
        return "email"
    for run in _DIGIT_RUN.findall(label):
        digits = re.sub(r"\D", "", run)
        if len(digits) == 11 and re.fullmatch(r"\d{11}", run):
            return "pesel"
        if len(digits) >= 9 and re.fullmatch(r"\+?[\d ()-]+", run):
            return "phone"
    return None
