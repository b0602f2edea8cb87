"""The canonical records of the catalogue, defined once.

`OfferBase` holds what every layer speaks about an offer (spiders' normalised output,
search documents, templates and the API); `Offer` is its table, `OfferPublic` what the
API returns. Anything a source has beyond these fields goes into `extras`.
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Optional

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class OfferKind(StrEnum):
    course = "course"  # kurs
    training = "training"  # szkolenie
    kkz = "kkz"  # kwalifikacyjny kurs zawodowy
    postgraduate = "postgraduate"  # studia podyplomowe
    studies = "studies"  # studia I/II stopnia, jednolite magisterskie
    validation = "validation"  # walidacja, egzamin potwierdzający kwalifikację
    workshop = "workshop"  # warsztaty
    elearning = "elearning"  # kurs e-learningowy
    other = "other"


class DeliveryForm(StrEnum):
    on_site = "on_site"
    online = "online"
    blended = "blended"


class OfferStatus(StrEnum):
    active = "active"  # in search: crawled and listed, or an institution's offer published
    withdrawn = "withdrawn"  # a complete, successful crawl of its source no longer lists it
    # An institution's own offers (`catalogue.accounts`, docs/decisions/0014):
    draft = "draft"  # being written: seen only by its institution
    review = "review"  # awaiting the coordinator's review (`catalogue.moderation`)
    archived = "archived"  # taken out of search by its institution; kept in the catalogue


class RunStatus(StrEnum):
    running = "running"
    success = "success"
    partial = "partial"  # finished, but some requests failed: nothing is withdrawn
    failed = "failed"


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)  # registry name, e.g. "sample-bur"
    title: str = ""
    url: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    # Sources kept in the database rather than `sources.toml` belong to an institution: its
    # panel ("panel-<institution id>": offers written by form, upload or API) and the feeds it
    # registers (`feed_url`, crawled by the scheduler like any source every `every`, e.g. "1d").
    institution_id: int | None = Field(default=None, foreign_key="institution.id", index=True)
    feed_url: str | None = None
    every: str | None = None
    enabled: bool = True


class Institution(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    # Folded, punctuation-free name: "CKZiU „Medyk”" and "CKZIU Medyk" are one institution.
    key: str = Field(index=True, unique=True)
    website: str | None = None
    town: str | None = None
    gmina_teryt: str | None = None
    powiat_teryt: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Official numbers, digits only: what registration names an institution by, and how the
    # provider records the crawlers hold are linked to a registered institution.
    nip: str | None = Field(default=None, index=True)
    regon: str | None = Field(default=None, index=True)
    ris_number: str | None = Field(default=None, index=True)  # Rejestr Instytucji Szkoleniowych
    rspo_number: str | None = Field(default=None, index=True)  # schools: RSPO
    # Registered institutions only (None: a provider record from a crawl).
    approval: str | None = Field(default=None, index=True)  # `catalogue.accounts.Approval`
    registered_at: datetime | None = None
    decided_at: datetime | None = None  # approved or refused by a coordinator
    decided_by_id: int | None = None  # the coordinator's account (no FK: accounts point here)
    refusal_reason: str | None = None
    # A crawled provider record linked to the registered institution it is (same NIP, REGON,
    # RIS or RSPO number): the institution sees its offers (`catalogue.accounts`).
    registered_id: int | None = Field(default=None, foreign_key="institution.id", index=True)


class Qualification(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True)  # "MEC.08"
    name: str = ""
    occupation: str | None = None
    prk_level: int | None = None
    isced_code: str | None = None


class OfferBase(SQLModel):
    title: str
    description: str | None = None
    kind: OfferKind = OfferKind.other
    url: str
    provider_name: str | None = None
    isced_code: str | None = Field(default=None, index=True)  # the most specific code known
    isced_broad: str | None = Field(default=None, index=True)  # "07"
    isced_narrow: str | None = None  # "071"
    prk_level: int | None = Field(default=None, index=True, ge=1, le=8)
    zsu_area: int | None = Field(default=None, ge=1, le=8)
    form: DeliveryForm | None = None
    language: str = "pl"
    duration_hours: float | None = None
    qualification_code: str | None = None
    funding: str | None = None
    audience: str | None = None


class Offer(OfferBase, table=True):
    __table_args__ = (UniqueConstraint("source_id", "external_id", name="uq_offer_source_ext"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    external_id: str
    institution_id: int | None = Field(default=None, foreign_key="institution.id")
    qualification_id: int | None = Field(default=None, foreign_key="qualification.id")
    status: OfferStatus = Field(default=OfferStatus.active, index=True)
    content_hash: str
    first_seen: datetime = Field(default_factory=utcnow)
    last_changed: datetime = Field(default_factory=utcnow)
    last_verified: datetime = Field(default_factory=utcnow)  # last crawl that saw it
    last_run_id: int | None = Field(default=None, foreign_key="crawlrun.id")
    # The oldest offer of its cluster when another source lists the same offer
    # (`catalogue.clusters`); None for an offer that is its cluster's canonical record.
    canonical_id: int | None = Field(default=None, foreign_key="offer.id", index=True)
    # Why each normalised field has its value: {"isced_code": "kod kwalifikacji MEC.08", ...}
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    extras: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))

    source: Source = Relationship()
    institution: Institution | None = Relationship()
    qualification: Qualification | None = Relationship()
    # The same offer listed by other sources: see `canonical_id`.
    canonical: Optional["Offer"] = Relationship(
        back_populates="duplicates", sa_relationship_kwargs={"remote_side": "Offer.id"}
    )
    duplicates: list["Offer"] = Relationship(back_populates="canonical")
    editions: list["Edition"] = Relationship(
        back_populates="offer",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Edition.start_date"},
    )


class EditionBase(SQLModel):
    external_id: str | None = None  # the source's id of this run, if it has one
    start_date: date | None = Field(default=None, index=True)  # duplicates are found by it
    end_date: date | None = None
    enrolment_end: date | None = None
    town: str | None = None
    address: str | None = None
    postcode: str | None = None
    gmina_teryt: str | None = Field(default=None, index=True)
    powiat_teryt: str | None = Field(default=None, index=True)
    lat: float | None = None
    lon: float | None = None
    price_grosze: int | None = None  # None: unknown; 0: free
    price_text: str | None = None  # the source's words when they could not be parsed
    seats: int | None = None
    form: DeliveryForm | None = None


class Edition(EditionBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    offer_id: int = Field(foreign_key="offer.id", index=True)
    offer: Offer = Relationship(back_populates="editions")


class CrawlRun(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    status: RunStatus = RunStatus.running
    seen: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    withdrawn: int = 0
    errors: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    # What the run wants said that is not an error (offers kept because robots.txt forbids them).
    notes: list[str] | None = Field(default=None, sa_column=Column(JSON))
    # The crawling process, so that a run it left `running` when it died can be failed.
    pid: int | None = None
    host: str | None = None


class Rejection(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    crawl_run_id: int | None = Field(default=None, foreign_key="crawlrun.id", index=True)
    source_id: int = Field(foreign_key="source.id")
    external_id: str | None = None
    reason: str
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class EditionPublic(EditionBase):
    id: int


class OfferPublic(OfferBase):
    id: int
    source_name: str
    external_id: str
    status: OfferStatus
    first_seen: datetime
    last_verified: datetime
    evidence: dict[str, Any]
    editions: list[EditionPublic]


class IndexChange(SQLModel, table=True):
    """Outbox for the search index: an offer whose committed state the index must learn.

    Rows are written in the same transaction as the change (see `catalogue.outbox`), so the
    index only ever learns of committed changes, and none is lost if the indexer is down.
    """

    id: int | None = Field(default=None, primary_key=True)
    offer_id: int = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)
