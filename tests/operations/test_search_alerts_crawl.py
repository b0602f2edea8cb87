"""An alert mail arrives at the local SMTP server after a matching offer is crawled: subscribed
and confirmed through the pages, then the scheduler's jobs crawl a sample source (a real crawl of
the fixture site), index its offers and mail the alert."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from catalogue.db import create_all, get_engine
from catalogue.search_alerts import SearchAlert
from lll.settings import Settings
from operations.mailbox import Mailbox
from operations.schedule import CrawlScheduler, ScheduleOptions
from operations.schedule_jobs import ALERTS_JOB
from samples.server import SampleServer
from tests.app_settings import app_settings
from tests.crawlers.conftest import FAST
from tests.mail_support import (
    link_path,
    mailbox,
    messages_to,
    only_message_to,
    post_form,
    settings_with_mail,
    text_of,
)
from tests.operations.test_schedule import registry
from web.app import create_app

__all__ = ["mailbox"]  # the fixture, found by name

OLA, JAN = "ola@example.org", "jan@example.org"


@pytest.fixture
def settings(database_url: str, mailbox: Mailbox, tmp_path: Path) -> Settings:
    create_all(get_engine(database_url))
    base = app_settings(database_url, tmp_path / "index", backend="embedded")
    return settings_with_mail(database_url, mailbox, base)


@pytest.fixture
def schedulers() -> Iterator[list[CrawlScheduler]]:
    made: list[CrawlScheduler] = []
    yield made
    for scheduler in made:  # a failed test leaves nothing running
        scheduler.shutdown()


def follow(client: TestClient, mailbox: Mailbox, email: str, search: str) -> None:
    """Subscribe on the search's form page and confirm by the mailed link's button."""
    page = f"/alerty/nowy?{search}"
    answer = post_form(client, page, {"email": email, "frequency": "daily", "search": search},
                       action="/alerty")  # fmt: skip
    assert answer.status_code == 303
    confirm = link_path(only_message_to(mailbox, email), "/alerty/potwierdz/")
    assert post_form(client, confirm, {}).status_code == 200


def test_an_alert_mail_arrives_after_a_matching_offer_is_crawled(
    tmp_path: Path,
    settings: Settings,
    mailbox: Mailbox,
    server: SampleServer,
    schedulers: list[CrawlScheduler],
) -> None:
    with TestClient(create_app(settings)) as client:
        follow(client, mailbox, OLA, "kind=kkz")  # the fixture source's offers are KKZ
        follow(client, mailbox, JAN, "q=zzzyxq")  # finds nothing
    for path in mailbox.files():
        path.unlink()
    engine = get_engine(settings.catalogue.database_url)
    with Session(engine) as session:  # confirmed yesterday: the daily mail is due
        yesterday = datetime.now(UTC) - timedelta(days=1)
        for alert in session.exec(select(SearchAlert)).all():
            alert.created_at = alert.confirmed_at = alert.last_sent_at = yesterday
            session.add(alert)
        session.commit()

    def scheduler() -> CrawlScheduler:
        options = ScheduleOptions(
            registry_path=registry(tmp_path, {"fixture-kkz": 'every = "1d"'}),
            base_url=server.base_url,
            crawl_settings=FAST,
            stop_grace=1.0,
        )
        schedulers.append(CrawlScheduler(settings, options))
        return schedulers[-1]

    assert "fixture-kkz" in scheduler().run_due()  # crawled and indexed
    assert mailbox.files() == []  # the alerts' job runs in the morning, not at the first start
    paused = scheduler()
    paused.start(paused=True)
    paused.scheduler.modify_job(ALERTS_JOB, next_run_time=datetime.now(UTC))  # morning now
    paused.shutdown(finish_runs=True)
    assert scheduler().run_due() == [ALERTS_JOB]

    message = only_message_to(mailbox, OLA)
    text = text_of(message)
    assert str(message["Subject"]).startswith("Nowe oferty (")
    offer_path = link_path(message, "/oferty/")
    unsubscribe = link_path(message, "/alerty/wypisz/")
    assert message["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert text.index("Dzień dobry") < text.index("Hello")
    assert messages_to(mailbox, JAN) == []
    with TestClient(create_app(settings)) as client:  # the link opens the offer's page
        assert client.get(offer_path).status_code == 200
