"""A real SMTP server on this machine that keeps each message as a file: `lll demo`'s mail and
the tests' (nothing is faked: the application sends through `smtplib` as in production).

    with Mailbox(Path("var/mail")) as mailbox:   # started on 127.0.0.1, a free port
        settings = AccountSettings(smtp_url=mailbox.smtp_url, ...)
        ...
        mailbox.messages()   # every message received, oldest first, as EmailMessage

Files are named `<time>-<random>.eml` and written whole before the server answers 250, so a
message is in the folder when `send_mail` returns.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller


class _KeepAsFile:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.eml"
        partial = self.folder / f".{name}.part"
        partial.write_bytes(envelope.content)
        os.replace(partial, self.folder / name)  # readers never see half a message
        return "250 Message accepted"


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class Mailbox:
    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.folder = folder
        self.host = host
        self.port = port
        self._controller: Controller | None = None

    @property
    def smtp_url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def start(self) -> Mailbox:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.port is None:
            self.port = free_port(self.host)
        self._controller = Controller(
            _KeepAsFile(self.folder), hostname=self.host, port=self.port, enable_SMTPUTF8=True
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> Mailbox:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.eml"))

    def messages(self) -> list[EmailMessage]:
        return [read_message(path) for path in self.files()]


def read_message(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        return BytesParser(policy=policy.default).parse(handle)
