"""E-mail through SMTP (`SMTP_URL`): address confirmations, password resets, approvals.

    send_mail(settings.accounts, "ola@example.org", "Potwierdź adres", text)

`smtp://host:25`, `smtp://user:password@host:587?starttls=1` (STARTTLS) or
`smtps://user:password@host:465` (TLS from the start). `lll demo` and the tests give a real local
server (`operations.mailbox`).
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from operations.settings import AccountSettings

TIMEOUT_SECONDS = 15
log = logging.getLogger(__name__)


class MailNotConfigured(RuntimeError):
    """SMTP_URL is empty or not an smtp(s):// address."""


@dataclass(frozen=True)
class SmtpAddress:
    host: str
    port: int
    tls: bool  # smtps: TLS from the first byte
    starttls: bool
    user: str | None = None
    password: str | None = None


def parse_smtp_url(url: str) -> SmtpAddress:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailNotConfigured(f"SMTP_URL must be smtp://host:port or smtps://…, not {url!r}")
    starttls = parse_qs(parts.query).get("starttls", ["0"])[0].lower() in ("1", "true", "yes")
    return SmtpAddress(
        host=parts.hostname,
        port=parts.port or (465 if parts.scheme == "smtps" else 25),
        tls=parts.scheme == "smtps",
        starttls=starttls,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def compose(
    sender: str, to: str, subject: str, text: str, headers: Mapping[str, str] | None = None
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    for name, value in (headers or {}).items():  # List-Unsubscribe of an alert, ...
        message[name] = value
    # Quoted-printable keeps Polish letters readable by any server (no 8BITMIME needed).
    message.set_content(text, charset="utf-8", cte="quoted-printable")
    return message


def send_mail(
    settings: AccountSettings,
    to: str,
    subject: str,
    text: str,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Send one plain-text message; raises `MailNotConfigured` or an `smtplib`/`OSError`."""
    address = parse_smtp_url(settings.smtp_url)
    message = compose(settings.mail_from, to, subject, text, headers)
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if address.tls:
        client = smtplib.SMTP_SSL(address.host, address.port, timeout=TIMEOUT_SECONDS,
                                  context=context)  # fmt: skip
    else:
        client = smtplib.SMTP(address.host, address.port, timeout=TIMEOUT_SECONDS)
    with client:
        if address.starttls:
            client.starttls(context=context)
        if address.user:
            client.login(address.user, address.password or "")
        client.send_message(message)


def deliver(
    settings: AccountSettings,
    to: str,
    subject: str,
    text: str,
    headers: Mapping[str, str] | None = None,
) -> bool:
    """`send_mail` for what is already done when the mail goes (an account made, a decision
    recorded): a failure is logged for the operator, not raised at the person; False then."""
    try:
        send_mail(settings, to, subject, text, headers)
    except (MailNotConfigured, smtplib.SMTPException, OSError) as exc:
        log.error("e-mail %r to %s not sent: %s", subject, to, exc)
        return False
    return True
