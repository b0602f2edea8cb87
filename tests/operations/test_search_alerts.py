"""E-mail alerts of a search (`operations.search_alerts`) on a real catalogue and index, sent
through a real SMTP server; and the newest offers of a search (`operations.followed_searches`).
"""

from __future__ import annotations

import copy
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from catalogue.db import get_engine
from catalogue.models import Offer, Source
from catalogue.search_alerts import SearchAlert
from lll.settings import Settings
from operations.accounts import FormInvalid
from operations.followed_searches import newest_offers, normal_search
from operations.indexing import rebuild_index
from operations.mailbox import Mailbox
from operations.search_alerts import (
    AlertSender,
    Subscribed,
    alert_to_unsubscribe,
    confirm,
    send_due_alerts,
    subscribe,
    unsubscribe,
)
from search.tantivy import EmbeddedBackend
from tests.mail_support import (
    db,
    link_path,
    mail_settings,
    mailbox,
    messages_to,
    only_message_to,
    text_of,
)
from tests.web.conftest import _offer, fill_catalogue
from tests.web.web_support import OFFERS

__all__ = ["db", "mail_settings", "mailbox"]  # the fixtures, found by name

OLA = "ola@example.org"
CLIENT = "203.0.113.5"
WELDING = normal_search([("q", "spawanie")])


@pytest.fixture
def engine(database_url: str) -> Engine:
    engine = get_engine(database_url)
    fill_catalogue(engine)
    return engine


@pytest.fixture
def backend(engine: Engine, tmp_path: Path) -> EmbeddedBackend:
    backend = EmbeddedBackend(tmp_path / "index")
    rebuild_index(engine, backend)
    return backend


def add_offer(engine: Engine, backend: EmbeddedBackend, key: str, title: str, **more: Any) -> int:
    """A new offer like the MAG welding course, first seen now, and the index rebuilt."""
    spec = copy.deepcopy(next(o for o in OFFERS if o["key"] == "mag"))
    spec.update(key=key, title=title, **more)
    with Session(engine) as session:
        source = session.exec(select(Source)).first()
        assert source is not None
        offer = _offer(spec, source, {}, {})
        session.add(offer)
        session.commit()
        assert offer.id is not None
        offer_id = offer.id
    rebuild_index(engine, backend)
    return offer_id


def confirmed_alert(db: Session, settings: Settings, mailbox: Mailbox, search: str) -> None:
    assert subscribe(db, settings, OLA, search, "daily", CLIENT) == Subscribed.sent
    token = link_path(only_message_to(mailbox, OLA), "/alerty/potwierdz/").rsplit("/", 1)[1]
    assert confirm(db, token) is not None
    for path in mailbox.files():  # the confirmation read: only alerts from now on
        path.unlink()


def later(days: float) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)


def test_subscribing_sends_a_confirmation_and_no_alert_before_it_is_confirmed(
    db: Session, engine: Engine, backend: EmbeddedBackend, mail_settings: Settings, mailbox: Mailbox
) -> None:
    assert subscribe(db, mail_settings, " Ola@Example.org ", WELDING, "daily", CLIENT) == "sent"
    message = only_message_to(mailbox, OLA)
    text = text_of(message)
    # Polish first, then English and Ukrainian (the interface's languages)
    assert text.index("Dzień dobry") < text.index("Hello") < text.index("Добрий день")
    assert "„spawanie”" in text and "«spawanie»" in text and "щодня" in text
    assert link_path(message, "/alerty/potwierdz/")
    add_offer(engine, backend, "tig", "Kurs spawania metodą TIG (141)")
    result = send_due_alerts(engine, backend, mail_settings, now=later(2))
    assert result.sent == 0
    assert len(mailbox.files()) == 1


def test_the_same_address_and_search_make_one_alert(
    db: Session, mail_settings: Settings, mailbox: Mailbox
) -> None:
    one = normal_search([("q", "kurs"), ("kind", "kkz"), ("kind", "course")])
    other = normal_search([("kind", "course"), ("q", " kurs "), ("kind", "kkz"), ("page", "2")])
    assert one == other
    subscribe(db, mail_settings, OLA, one, "daily", CLIENT)
    subscribe(db, mail_settings, OLA, other, "weekly", CLIENT)
    alerts = db.exec(select(SearchAlert)).all()
    assert len(alerts) == 1 and alerts[0].frequency == "weekly"
    first, second = messages_to(mailbox, OLA)
    # The newer link replaces the older.
    assert confirm(db, link_path(first, "/alerty/potwierdz/").rsplit("/", 1)[1]) is None
    assert confirm(db, link_path(second, "/alerty/potwierdz/").rsplit("/", 1)[1]) is not None
    subscribe(db, mail_settings, OLA, one, "daily", CLIENT)  # confirmed: nothing more is sent
    assert len(db.exec(select(SearchAlert)).all()) == 1
    assert len(messages_to(mailbox, OLA)) == 2


def test_a_confirmed_alert_mails_the_new_matching_offers_once(
    db: Session, engine: Engine, backend: EmbeddedBackend, mail_settings: Settings, mailbox: Mailbox
) -> None:
    confirmed_alert(db, mail_settings, mailbox, WELDING)
    assert send_due_alerts(engine, backend, mail_settings, now=later(1)).nothing_new == 1
    assert mailbox.files() == []  # nothing new: no mail

    tig = add_offer(engine, backend, "tig", "Kurs spawania metodą TIG (141)")
    # Not the welding course's audience ("… bez doświadczenia w spawaniu"): it is searched too.
    add_offer(
        engine, backend, "flowers", "Kurs florystyczny", description="Bukiety i wieńce.",
        audience="Osoby dorosłe",
    )  # fmt: skip
    result = send_due_alerts(engine, backend, mail_settings, now=later(1))
    assert result.sent == 1
    message = only_message_to(mailbox, OLA)
    text = text_of(message)
    assert "Kurs spawania metodą TIG (141)" in text and "florystyczny" not in text
    assert "Kurs spawania metodą MAG" not in text  # not new
    assert link_path(message, f"/oferty/{tig}") == f"/oferty/{tig}"
    assert text.index("Dzień dobry") < text.index("Hello") < text.index("Добрий день")
    assert "нові пропозиції (1)" in text
    unsubscribe_path = link_path(message, "/alerty/wypisz/")
    assert message["List-Unsubscribe"].strip("<>").endswith(unsubscribe_path)

    assert send_due_alerts(engine, backend, mail_settings, now=later(1)).sent == 0  # not due
    assert send_due_alerts(engine, backend, mail_settings, now=later(3)).sent == 0  # not new
    assert len(mailbox.files()) == 1

    token = unsubscribe_path.rsplit("/", 1)[1]
    assert unsubscribe(db, token)
    assert db.exec(select(SearchAlert)).all() == []
    assert not unsubscribe(db, token)


def test_the_demo_s_sender_mails_a_due_alert_from_its_thread(
    db: Session, engine: Engine, backend: EmbeddedBackend, mail_settings: Settings, mailbox: Mailbox
) -> None:
    """`lll demo` runs no scheduler: an `AlertSender` thread sends the due alerts."""
    confirmed_alert(db, mail_settings, mailbox, WELDING)
    alert = db.exec(select(SearchAlert)).one()
    yesterday = datetime.now(UTC) - timedelta(days=1)
    alert.created_at = alert.confirmed_at = alert.last_sent_at = yesterday  # so due now
    db.add(alert)
    db.commit()
    add_offer(engine, backend, "tig", "Kurs spawania metodą TIG (141)")
    sender = AlertSender(engine, backend, mail_settings, every=3600).start()
    try:
        waited_until = time.monotonic() + 30
        while not messages_to(mailbox, OLA) and time.monotonic() < waited_until:
            time.sleep(0.05)
    finally:
        sender.stop()
    assert "Kurs spawania metodą TIG (141)" in text_of(only_message_to(mailbox, OLA))


def test_a_weekly_alert_waits_a_week(
    db: Session, engine: Engine, backend: EmbeddedBackend, mail_settings: Settings, mailbox: Mailbox
) -> None:
    subscribe(db, mail_settings, OLA, WELDING, "weekly", CLIENT)
    token = link_path(only_message_to(mailbox, OLA), "/alerty/potwierdz/").rsplit("/", 1)[1]
    confirm(db, token)
    mailbox.files()[0].unlink()
    add_offer(engine, backend, "tig", "Kurs spawania metodą TIG (141)")
    assert send_due_alerts(engine, backend, mail_settings, now=later(2)).sent == 0
    assert send_due_alerts(engine, backend, mail_settings, now=later(7)).sent == 1
    assert len(messages_to(mailbox, OLA)) == 1


def test_forged_links_do_nothing_and_unconfirmed_alerts_are_forgotten(
    db: Session, engine: Engine, backend: EmbeddedBackend, mail_settings: Settings, mailbox: Mailbox
) -> None:
    subscribe(db, mail_settings, OLA, WELDING, "daily", CLIENT)
    assert confirm(db, "x" * 43) is None
    assert alert_to_unsubscribe(db, "x" * 43) is None
    assert not unsubscribe(db, "")
    stored = db.exec(select(SearchAlert)).one()
    assert OLA not in (stored.confirm_hash, stored.unsubscribe_hash)
    assert len(stored.confirm_hash) == len(stored.unsubscribe_hash) == 64  # SHA-256
    assert send_due_alerts(engine, backend, mail_settings, now=later(8)).forgotten == 1
    db.expire_all()
    assert db.exec(select(SearchAlert)).all() == []


def test_subscribing_is_throttled_per_address(
    db: Session, mail_settings: Settings, mailbox: Mailbox
) -> None:
    outcomes = [subscribe(db, mail_settings, OLA, f"q=kurs{n}", "daily", CLIENT) for n in range(6)]
    assert outcomes[:5] == [Subscribed.sent] * 5
    assert outcomes[5] == Subscribed.throttled
    assert len(messages_to(mailbox, OLA)) == 5


def test_a_search_s_newest_offers_come_first_and_since_keeps_only_new_ones(
    engine: Engine, backend: EmbeddedBackend
) -> None:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with Session(engine) as session:
        offers = session.exec(select(Offer).order_by(Offer.id)).all()  # type: ignore[arg-type]
        for n, offer in enumerate(offers):  # the first offer is the newest
            offer.first_seen = base - timedelta(days=n)
            session.add(offer)
        session.commit()
        mag = next(o.id for o in offers if o.external_id == "mag")
        locksmith = next(o.id for o in offers if o.external_id == "mec08")
        ids = [o.id for o in offers]
    found = newest_offers(engine, backend, WELDING)
    assert [o.id for o in found] == sorted(o.id for o in found)
    assert {mag, locksmith} <= {o.id for o in found}
    assert [o.id for o in newest_offers(engine, backend, "")][:3] == ids[:3]
    assert len(newest_offers(engine, backend, "", limit=2)) == 2
    since = base - timedelta(days=1, hours=1)  # the first two offers only
    assert [o.id for o in newest_offers(engine, backend, "", since=since)] == ids[:2]


def test_an_address_frequency_or_search_no_form_makes_is_refused(
    db: Session, mail_settings: Settings, mailbox: Mailbox
) -> None:
    for email, frequency, search, field in (
        ("nie-adres", "daily", WELDING, "email"),
        (OLA, "hourly", WELDING, "frequency"),
        (OLA, "daily", "q=" + "x" * 2100, "search"),
    ):
        with pytest.raises(FormInvalid) as refused:
            subscribe(db, mail_settings, email, search, frequency, CLIENT)
        assert [error.field for error in refused.value.errors] == [field]
    assert mailbox.files() == [] and db.exec(select(SearchAlert)).all() == []
