"""Typed shapes of the JSON answers, so that /openapi.json documents them."""

from __future__ import annotations

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
    prk_level: str = ""
    form: str = ""
    powiat: list[str] = Field(default_factory=list, description='TERYT powiat codes and "online"')
    towns: list[str] = Field(default_factory=list)
    is_free: bool = False
    price_min_grosze: int | None = None
    next_start: str | None = Field(default=None, description="ISO date of the next edition")
    last_verified: str | None = Field(default=None, description="ISO time of the last crawl")


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
    status: str
    database: str
    index_documents: int | None
