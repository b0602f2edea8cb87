"""E-mail goes through SMTP as configured, and the local server keeps what it receives."""

from __future__ import annotations

import pytest

from operations.mail import MailNotConfigured, SmtpAddress, deliver, parse_smtp_url, send_mail
from operations.mailbox import Mailbox, free_port
from operations.settings import AccountSettings
from tests.mail_support import account_settings, mailbox, text_of

__all__ = ["mailbox"]  # the fixture, found by name


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://127.0.0.1:2525", SmtpAddress("127.0.0.1", 2525, tls=False, starttls=False)),
        ("smtp://mail.example.org", SmtpAddress("mail.example.org", 25, False, False)),
        (
            "smtp://wup%40example.org:p%40ss@mail.example.org:587?starttls=1",
            SmtpAddress("mail.example.org", 587, False, True, "wup@example.org", "p@ss"),
        ),
        (
            "smtps://u:p@mail.example.org",
            SmtpAddress("mail.example.org", 465, True, False, "u", "p"),
        ),
    ],
)
def test_the_smtp_url_names_host_port_tls_and_login(url: str, expected: SmtpAddress):
    assert parse_smtp_url(url) == expected


@pytest.mark.parametrize("url", ["", "http://mail.example.org", "smtp://"])
def test_mail_without_a_server_is_refused_clearly(url: str):
    with pytest.raises(MailNotConfigured):
        send_mail(AccountSettings(smtp_url=url), "ola@example.org", "Temat", "Treść")


def test_a_message_reaches_the_local_server_whole(mailbox: Mailbox):
    send_mail(
        account_settings(mailbox), "ola@example.org", "Zażółć gęślą jaźń", "Łódź\nhttps://x/a=b"
    )
    (message,) = mailbox.messages()
    assert str(message["Subject"]) == "Zażółć gęślą jaźń"
    assert str(message["From"]) == account_settings(mailbox).mail_from
    assert text_of(message) == "Łódź\nhttps://x/a=b\n"
    assert [p.suffix for p in mailbox.folder.iterdir()] == [".eml"]  # no partial files left


def test_mail_that_cannot_go_is_logged_for_the_operator(caplog: pytest.LogCaptureFixture):
    free = AccountSettings(smtp_url=f"smtp://127.0.0.1:{free_port('127.0.0.1')}")  # nobody there
    assert deliver(free, "ola@example.org", "Temat", "Treść") is False
    assert deliver(AccountSettings(smtp_url=""), "ola@example.org", "Temat", "Treść") is False
    assert [r.levelname for r in caplog.records] == ["ERROR", "ERROR"]
    assert "ola@example.org" in caplog.records[0].getMessage()
