"""The table of e-mail alerts for a search (`operations.search_alerts`).

An alert holds only what sending it needs: the address, the search (its normal form,
`operations.followed_searches.normal_search`), how often, and when it was made, confirmed and
last sent. Its two links, confirm and unsubscribe, are random keys of which only the SHA-256 is
stored, so the table alone can neither confirm nor end an alert. Unsubscribing deletes the row;
an alert never confirmed is deleted by the sending job after `UNCONFIRMED_DAYS`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from catalogue.models import utcnow

UNCONFIRMED_DAYS = 7  # an alert not confirmed by then is forgotten
SEARCH_MAX = 2000  # characters of a search's normal form


class AlertFrequency(StrEnum):
    daily = "daily"
    weekly = "weekly"


class SearchAlert(SQLModel, table=True):
    __tablename__ = "search_alert"
    __table_args__ = (UniqueConstraint("email", "search", name="uq_search_alert_email_search"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True)  # trimmed and lower-cased
    search: str = Field(max_length=SEARCH_MAX)  # the search's normal form (a query string)
    frequency: AlertFrequency = AlertFrequency.daily
    created_at: datetime = Field(default_factory=utcnow)
    confirmed_at: datetime | None = Field(default=None, index=True)
    last_sent_at: datetime | None = None  # or, before the first mail, when it was confirmed
    confirm_hash: str = Field(index=True, unique=True)  # SHA-256 of the confirm link's key
    unsubscribe_hash: str = Field(index=True, unique=True)  # SHA-256 of the unsubscribe key
