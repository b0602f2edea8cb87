"""`RawOffer`: what a spider extracts, in the source's own wording.

Spiders only fill these fields; they never interpret them. The normaliser
(`catalogue.normalise`) turns a RawOffer into catalogue rows. Anything a source
has beyond these fields goes into `extras`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawEdition:
    """One run of an offer: dates, place, price and seats, as the source states them."""

    external_id: str | None = None
    start: str | None = None  # "15 grudnia 2026", "15.12.2026", "2026-12-15T00:00:00+01:00"
    end: str | None = None
    enrolment_end: str | None = None
    town: str | None = None  # "Gorzów Wlkp.", "Zielona Góra"
    address: str | None = None  # street and number, possibly with a postcode
    postcode: str | None = None
    price: str | int | float | None = None  # "1 200,00 zł", "bezpłatny", 246000 (with grosze)
    price_in_grosze: bool = False  # True where the source gives integer grosze (BUR API)
    seats: int | str | None = None
    form: str | None = None  # overrides the offer's form for this edition


@dataclass
class RawOffer:
    source: str  # the registry name of the source, e.g. "sample-bur"
    external_id: str  # the source's own id; with `source` it keys the offer
    url: str  # where a person can read the offer at the source
    title: str
    description: str | None = None
    provider_name: str | None = None
    provider_id: str | None = None  # the source's id of the provider, if any
    provider_url: str | None = None
    provider_town: str | None = None
    kind: str | None = None  # the source's word: "Studia podyplomowe", "KKZ", "Usługa szkoleniowa"
    # the source's subject category, e.g. "Informatyka i telekomunikacja"
    category: str | None = None
    subcategory: str | None = None
    qualification_code: str | None = None  # e.g. "MEC.08"
    qualification_name: str | None = None
    occupation: str | None = None  # e.g. "ślusarz"
    level: str | None = None  # stated level text: "PRK 6", "6", "EQF 4"
    isced: str | None = None  # stated ISCED-F code
    form: str | None = None  # "stacjonarna", "zdalna w czasie rzeczywistym", "online", "blended"
    language: str | None = None
    duration_hours: str | int | float | None = None
    funding: str | None = None  # the source's words on funding/subsidy
    status: str | None = None  # the source's status word, e.g. "OPUBLIKOWANA"
    audience: str | None = None  # target group text
    editions: list[RawEdition] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    # Read only in part (a page of its follow-up list failed): stored if new, but it never
    # overwrites what an earlier run stored.
    incomplete: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RawOffer:
        data = dict(data)
        editions = [RawEdition(**e) for e in data.pop("editions", [])]
        return cls(editions=editions, **data)
