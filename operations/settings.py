"""What the application layer reads: the settings of the layers below it.

Any object with these attributes will do; `lll.settings.Settings` is the one the command
line composes, and the web's settings add their own (`web.settings.AppSettings`). The
application layer's own settings (`AccountSettings`: e-mail and the key throttling hashes with)
are read here.
"""

from __future__ import annotations

from typing import Protocol

from pydantic_settings import BaseSettings, SettingsConfigDict

from catalogue.settings import CatalogueSettings
from crawlers.settings import CrawlerSettings
from search.settings import SearchSettings


class AccountSettings(BaseSettings):
    """SMTP_URL: where e-mail goes (`smtp://user:password@host:587?starttls=1`,
    `smtps://host:465`; empty: nowhere, and `lll demo` starts a local server that keeps it in
    var/mail). MAIL_FROM: the sender. SECRET_KEY: the key failed sign-ins are counted under
    (HMAC); required wherever the site serves real data, the same in every worker."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    smtp_url: str = ""
    mail_from: str = "Katalog kształcenia ustawicznego <katalog@localhost>"
    secret_key: str = ""


class OperationSettings(Protocol):
    @property
    def catalogue(self) -> CatalogueSettings: ...

    @property
    def search(self) -> SearchSettings: ...

    @property
    def crawlers(self) -> CrawlerSettings: ...

    @property
    def accounts(self) -> AccountSettings: ...
