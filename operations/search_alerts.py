"""E-mail alerts for a search: subscribe, confirm by a link, unsubscribe, and the daily sending.

    subscribe(db, settings, "ola@example.org", "q=spawanie", "weekly", client="203.0.113.5")
    confirm(db, token)               # the alert, now confirmed; None for an unknown link
    unsubscribe(db, token)           # deletes the alert; False for an unknown link
    send_due_alerts(engine, backend, settings)   # the scheduler's daily job: mails sent

Nothing is sent for a search before its address confirmed it: subscribing sends only the
confirmation link. The same address and search again is the same alert (a new confirmation link
while it is unconfirmed, nothing once it is). Subscribing is throttled as signing in is
(`operations.signin`): 5 requests per address typed and 20 per client in 15 minutes, counted
under keyed hashes.

An alert is due a day (daily) or a week (weekly) after its last mail, less `SLACK` so that a
daily job a few minutes late does not skip a day. Its mail lists the offers the same search
finds (through the search interface: `operations.followed_searches`) that the catalogue first
saw since its last mail, or since it was made; no mail when none are. Each mail has the
unsubscribe link, in the text and in `List-Unsubscribe`.

The confirm link's key is random (`secrets.token_urlsafe(32)`), stored as its SHA-256. The
unsubscribe key must be in every mail, so it is derived, not stored: HMAC-SHA256 under
`SECRET_KEY` of the alert's id, address and search; the table holds its SHA-256 only. A new
`SECRET_KEY` gives new unsubscribe links from the next mail on.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from catalogue.models import utcnow
from catalogue.search_alerts import SEARCH_MAX, UNCONFIRMED_DAYS, AlertFrequency, SearchAlert
from operations import search_alert_mails
from operations.accounts import FieldError, FormInvalid, as_utc, digest, email_errors, link
from operations.followed_searches import newest_offers
from operations.mail import deliver
from operations.settings import OperationSettings
from operations.signin import SecretKeyMissing, failure_key, record_failure, throttled
from search.interface import SearchBackend, SearchUnavailable

log = logging.getLogger(__name__)

PERIODS = {AlertFrequency.daily: timedelta(days=1), AlertFrequency.weekly: timedelta(days=7)}
SLACK = timedelta(hours=3)
OFFERS_PER_MAIL = 50
CONFIRM_PATH = "/alerty/potwierdz/"
UNSUBSCRIBE_PATH = "/alerty/wypisz/"


class Subscribed(StrEnum):
    sent = "sent"  # a confirmation link was sent (or the alert was already confirmed)
    throttled = "throttled"


@dataclass(frozen=True)
class Sending:
    sent: int = 0  # mails sent
    nothing_new: int = 0  # alerts due with no new offer
    failed: int = 0  # mails the SMTP server did not take (tried again at the next run)
    forgotten: int = 0  # alerts never confirmed, deleted


def unsubscribe_key(settings: OperationSettings, alert: SearchAlert) -> str:
    secret = settings.accounts.secret_key
    if not secret:
        raise SecretKeyMissing("SECRET_KEY is not set")
    message = f"search-alert:{alert.id}:{alert.email}:{alert.search}".encode()
    mac = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def _frequency(value: str) -> AlertFrequency | None:
    try:
        return AlertFrequency(value)
    except ValueError:
        return None


def subscribe(
    db: Session,
    settings: OperationSettings,
    email: str,
    search: str,
    frequency: str,
    client: str,
) -> Subscribed:
    """Make (or find) the alert and send its confirmation link; raises `FormInvalid`.

    `search` is the search's normal form (`normal_search`). The answer is the same whether the
    address had the alert already, so it tells nobody what an address follows."""
    email = email.strip().lower()
    errors = email_errors(email)
    chosen = _frequency(frequency)
    if chosen is None:
        errors.append(FieldError("frequency", "frequency_invalid"))
    if len(search) > SEARCH_MAX:  # a search no form makes
        errors.append(FieldError("search", "too_long"))
    if errors or chosen is None:
        raise FormInvalid(errors)
    keys = (
        failure_key(settings.accounts, "alert-email", email),
        failure_key(settings.accounts, "alert-addr", client),
    )
    if throttled(db, keys):
        return Subscribed.throttled
    record_failure(db, keys)  # every request counts: each may send a mail
    alert = db.exec(
        select(SearchAlert).where(SearchAlert.email == email, SearchAlert.search == search)
    ).first()
    if alert is not None and alert.confirmed_at is not None:
        return Subscribed.sent
    token = secrets.token_urlsafe(32)
    if alert is None:
        alert = SearchAlert(
            email=email,
            search=search,
            frequency=chosen,
            confirm_hash=digest(token),
            unsubscribe_hash=digest(secrets.token_urlsafe(32)),  # until the id is known
        )
        db.add(alert)
        try:
            db.flush()
        except IntegrityError:  # the same request twice at once: the other one sends
            db.rollback()
            return Subscribed.sent
        alert.unsubscribe_hash = digest(unsubscribe_key(settings, alert))
    else:
        alert.confirm_hash = digest(token)  # the earlier link stops working
        alert.frequency = chosen
    db.add(alert)
    db.commit()
    subject, text = search_alert_mails.confirm(
        search,
        chosen,
        link(settings, f"{CONFIRM_PATH}{token}"),
        link(settings, _search_path(search)),
    )
    deliver(settings.accounts, email, subject, text)
    return Subscribed.sent


def _search_path(search: str) -> str:
    return f"/?{search}" if search else "/"


def _by_hash(db: Session, column: str, token: str) -> SearchAlert | None:
    if not token or len(token) > 100:
        return None
    field = col(getattr(SearchAlert, column))
    return db.exec(select(SearchAlert).where(field == digest(token))).first()


def alert_to_confirm(db: Session, token: str) -> SearchAlert | None:
    """The alert a confirm link is for (nothing changes), or None."""
    return _by_hash(db, "confirm_hash", token)


def alert_to_unsubscribe(db: Session, token: str) -> SearchAlert | None:
    """The alert an unsubscribe link ends (nothing changes), or None."""
    return _by_hash(db, "unsubscribe_hash", token)


def confirm(db: Session, token: str) -> SearchAlert | None:
    """Confirm the alert of this link (again: no change); None for an unknown link. Its first
    mail will list the offers new since it was made."""
    alert = alert_to_confirm(db, token)
    if alert is None:
        return None
    if alert.confirmed_at is None:
        alert.confirmed_at = utcnow()
        alert.last_sent_at = alert.created_at
        db.add(alert)
        db.commit()
        db.refresh(alert)
    return alert


def unsubscribe(db: Session, token: str) -> bool:
    """Delete the alert of this link; False for an unknown link."""
    alert = alert_to_unsubscribe(db, token)
    if alert is None:
        return False
    db.delete(alert)
    db.commit()
    return True


def is_due(alert: SearchAlert, now: datetime) -> bool:
    if alert.confirmed_at is None:
        return False
    last = as_utc(alert.last_sent_at or alert.confirmed_at)
    return now - last >= PERIODS[alert.frequency] - SLACK


def send_due_alerts(
    engine: Engine, backend: SearchBackend, settings: OperationSettings, now: datetime | None = None
) -> Sending:
    """Send each confirmed alert that is due its mail of new offers; forget alerts never
    confirmed. Raises `SearchUnavailable` when the search cannot answer (nothing is marked
    sent then: the next run tries again)."""
    now = now or utcnow()
    sent = nothing_new = failed = 0
    with Session(engine) as db:
        stale = now - timedelta(days=UNCONFIRMED_DAYS)
        forgotten = db.execute(
            delete(SearchAlert).where(
                col(SearchAlert.confirmed_at).is_(None), col(SearchAlert.created_at) < stale
            )
        )
        db.commit()
        alerts = db.exec(
            select(SearchAlert)
            .where(col(SearchAlert.confirmed_at).is_not(None))
            .order_by(col(SearchAlert.id))
        ).all()
        for alert in alerts:
            if not is_due(alert, now):
                continue
            since = as_utc(alert.last_sent_at or alert.confirmed_at or now)
            offers = newest_offers(
                engine, backend, alert.search, limit=OFFERS_PER_MAIL, since=since
            )
            if not offers:
                nothing_new += 1
                continue
            key = unsubscribe_key(settings, alert)
            if digest(key) != alert.unsubscribe_hash:  # SECRET_KEY changed: links from now on
                alert.unsubscribe_hash = digest(key)
            unsubscribe_url = link(settings, f"{UNSUBSCRIBE_PATH}{key}")
            subject, text = search_alert_mails.new_offers(
                alert.search,
                [(offer.document, link(settings, f"/oferty/{offer.id}")) for offer in offers],
                link(settings, _search_path(alert.search)),
                unsubscribe_url,
            )
            headers = {"List-Unsubscribe": f"<{unsubscribe_url}>"}
            if deliver(settings.accounts, alert.email, subject, text, headers):
                alert.last_sent_at = now
                sent += 1
            else:
                failed += 1
            db.add(alert)
            db.commit()
    return Sending(sent, nothing_new, failed, int(getattr(forgotten, "rowcount", 0) or 0))


def send_alerts_logged(
    engine: Engine, backend: SearchBackend, settings: OperationSettings
) -> Sending | None:
    """`send_due_alerts` for the scheduler: a failure is logged, not raised."""
    try:
        result = send_due_alerts(engine, backend, settings)
    except (SearchUnavailable, SecretKeyMissing) as exc:
        log.error("alerty wyszukiwań niewysłane: %s", exc)
        return None
    log.info(
        "alerty wyszukiwań: wysłane %d, bez nowych ofert %d, nieudane %d, zapomniane "
        "niepotwierdzone %d",
        result.sent,
        result.nothing_new,
        result.failed,
        result.forgotten,
    )
    return result


class AlertSender:
    """Sends the due alerts now and every `every` seconds in a background thread, for a process
    that runs no scheduler: `lll demo` (`make run`). In production the scheduler's daily job
    does it (`operations.schedule`); both send each alert at most once a period (`is_due`)."""

    def __init__(
        self,
        engine: Engine,
        backend: SearchBackend,
        settings: OperationSettings,
        every: float = 15 * 60.0,
    ) -> None:
        self.engine, self.backend, self.settings, self.every = engine, backend, settings, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="alert-sender", daemon=True)

    def start(self) -> AlertSender:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                send_alerts_logged(self.engine, self.backend, self.settings)
            except Exception:  # the database or the mail server briefly unavailable
                log.exception("alerty wyszukiwań: nieudany przebieg; ponowię później")
            self._stop.wait(self.every)
