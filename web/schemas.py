"""Typed shapes of the JSON answers, so that /openapi.json documents them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from catalogue.models import OfferPublic


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class SearchHit(BaseModel):
    id: int
    title: str
    url: str = Field(description="This offer's page in the catalogue")
    source_url: str = Field(description="The offer at its source")
    highlights: dict[str, str] = Field(
        default_factory=dict, description="field -> HTML snippet, matches wrapped in <mark>"
    )
    score: float
    description: str = ""
    provider: str = ""
    qualification_code: str = ""
    qualification_name: str = ""
    occupation: str = ""
    kind: str = ""
    isced_broad: str = ""
    isced_narrow: str = ""
    zsu_area: str = Field(default="", description="ZSU 2030 area of impact, 1-8")
    prk_level: str = ""
    form: str = ""
    language: str = Field(default="", description="ISO 639-1 code of the language of instruction")
    duration_hours: float | None = None
    powiat: list[str] = Field(default_factory=list, description='TERYT powiat codes and "online"')
    towns: list[str] = Field(default_factory=list)
    funding: list[str] = Field(default_factory=list, description="free, kfs, eu, subsidised")
    is_free: bool = False
    price_min_grosze: int | None = Field(
        default=None, description="The cheapest edition in grosze; 0 when free, null if unknown"
    )
    next_start: str | None = Field(default=None, description="ISO date of the next edition")
    starts: list[str] = Field(default_factory=list, description="ISO dates of upcoming editions")
    enrolment_until: str | None = Field(
        default=None, description="ISO date of the last day some edition takes enrolments"
    )
    distance_km: float | None = Field(
        default=None, description="km from `near` to the nearest edition; null if online only"
    )
    last_verified: str | None = Field(default=None, description="ISO time of the last crawl")
    sources: int = Field(default=1, description="How many sources list this offer")
    source_names: list[str] = Field(default_factory=list, description="Those sources' names")


class SearchResponse(BaseModel):
    total: int
    page: int
    per_page: int
    pages: int
    took_ms: float
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = Field(
        description="filter name -> values with the number of hits each would give"
    )
    places: list[str] = Field(
        default_factory=list,
        description='Places named in `q` ("kurs spawania w Żarach"): the hits are held in their '
        "powiats (online offers too if `q` asks for online)",
    )
    did_you_mean: str | None = Field(
        default=None,
        description="When nothing was found: `q` with its unknown words replaced by the nearest "
        "indexed words, a query that finds something",
    )


class Suggestion(BaseModel):
    kind: Literal["title", "qualification", "place"]
    text: str = Field(description="What to show: a title, a qualification's code and name, a place")
    query: str = Field(description="What to search for when this suggestion is chosen")
    detail: str = Field(default="", description="A second line: occupation, powiat")


class SuggestResponse(BaseModel):
    q: str
    suggestions: list[Suggestion]


class Provider(BaseModel):
    name: str
    town: str | None = None
    website: str | None = None


class QualificationInfo(BaseModel):
    code: str
    name: str = ""
    occupation: str | None = None
    prk_level: int | None = None


class IscedField(BaseModel):
    code: str
    name: str


class SourceInfo(BaseModel):
    name: str
    title: str = ""
    url: str = ""


class OfferPage(BaseModel):
    """Everything the offer page shows; also its JSON twin (`/oferty/{id}.json`)."""

    offer: OfferPublic
    provider: Provider | None = None
    qualification: QualificationInfo | None = None
    isced: list[IscedField] = Field(
        default_factory=list, description="The offer's ISCED-F field, broad to detailed"
    )
    source: SourceInfo
    kind_label: str
    form_label: str | None = None
    powiat_names: dict[str, str] = Field(
        default_factory=dict, description="TERYT code -> name of each edition's powiat"
    )


class Health(BaseModel):
    status: str = Field(description="`ok`, or `error` with the reason (answered with 503)")
    database: str = Field(description="`ok`, or `error` when the catalogue cannot be read")
    index_documents: int | None = Field(description="In the index; null if it cannot be read")
    expected_documents: int | None = Field(
        description="Open offers the catalogue says the index should hold; null without a database"
    )
    reason: str | None = Field(None, description="Why the status is `error`, in one line")
