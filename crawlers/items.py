"""What spiders yield: `RawOffer` (the catalogue's contract), or a report the pipeline records.

A spider yields `Rejected` for a record it cannot turn into a `RawOffer` (the record is stored
with the reason, and the crawl goes on) and `CrawlError` for a page it could not fetch or read
(the run is then not complete, so nothing is withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.raw import RawEdition, RawOffer

__all__ = ["CrawlError", "RawEdition", "RawOffer", "Rejected"]


@dataclass
class Rejected:
    reason: str  # in Polish, stored with the rejection for a person to read: "brak tytułu"
    payload: dict[str, Any] = field(default_factory=dict)
    external_id: str | None = None


@dataclass
class CrawlError:
    message: str  # "HTTP 500: http://…/usluga?strona=2"
