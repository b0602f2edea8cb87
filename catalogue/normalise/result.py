"""What the normaliser returns: canonical records plus the evidence behind them."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.models import EditionBase, OfferBase


class Unstorable(ValueError):
    """A raw offer that cannot be stored at all (no title, no id, no URL)."""


@dataclass
class NormalisedQualification:
    code: str  # "MEC.08"
    name: str = ""
    occupation: str | None = None
    prk_level: int | None = None


@dataclass
class NormalisedProvider:
    name: str
    town: str | None = None
    website: str | None = None


@dataclass
class NormalisedOffer:
    offer: OfferBase
    editions: list[EditionBase] = field(default_factory=list)
    provider: NormalisedProvider | None = None
    qualification: NormalisedQualification | None = None
    # field -> why it has its value ("kod kwalifikacji MEC.08", "kategoria BUR 479")
    evidence: dict[str, str] = field(default_factory=dict)
    # counters of what could not be done, e.g. "price/unparsed", "place/unknown_town"
    problems: list[str] = field(default_factory=list)
    # False where the source says the offer is cancelled, suspended or finished
    live: bool = True
