"""What the application layer reads: the settings of the layers below it.

Any object with these three attributes will do; `lll.settings.Settings` is the one the command
line composes, and the web's settings add their own (`web.settings.AppSettings`).
"""

from __future__ import annotations

from typing import Protocol

from catalogue.settings import CatalogueSettings
from crawlers.settings import CrawlerSettings
from search.settings import SearchSettings


class OperationSettings(Protocol):
    @property
    def catalogue(self) -> CatalogueSettings: ...

    @property
    def search(self) -> SearchSettings: ...

    @property
    def crawlers(self) -> CrawlerSettings: ...
