"""Typed shapes of the JSON answers, so that /openapi.json documents them."""

from __future__ import annotations

from typing import Any, Literal

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
    last_start: str | None = Field(
        default=None,
        description="Without an upcoming edition: ISO date the latest running edition began",
    )
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
    matched_all_words: bool = Field(
        default=True,
        description="Whether every hit has every word of `q` that counts (stop words and filler "
        "words such as `kurs` beside a subject word do not); false: `relaxed` says what was not",
    )
    relaxed: list[Relaxed] = Field(
        default_factory=list, description="How the hits differ from what was asked; [] if not"
    )
    distance_from: str | None = Field(
        default=None, description="The place `distance_km` is measured from, when `relaxed` says"
    )
    # Filters ("darmowe": free of charge) or wider matches ("ogrodnik": also horticulture).
    understood: list[UnderstoodWords] = Field(
        default_factory=list, description="What words of `q` were understood to mean"
    )
    help: SearchHelp | None = Field(
        default=None,
        description="When nothing was found: the filters set whose dropping alone finds "
        "something, with counts, and qualifications the words lead to",
    )


class UnderstoodWords(BaseModel):
    """What some words of `q` were understood to mean (search/data/query_words.toml)."""

    key: str = Field(description='The meaning, e.g. "price.free"; `dosl=<key>` takes it back')
    kind: Literal["price", "form", "kind", "level", "audience", "schedule", "field"]
    words: str = Field(description="The words of `q`, as typed")
    label: str = Field(description="What it means, in the reader's language")
    filters: dict[str, Any] = Field(
        default_factory=dict,
        description="The filters the words became (as the filter parameters' values); {} when "
        "they widen what the words match instead (an audience, a timetable, a field of education)",
    )
    fields: list[str] = Field(
        default_factory=list, description="ISCED-F codes whose offers the words also find"
    )
    applied: bool = Field(description="False when a filter of the request decided instead")
    literal: str = Field(description="The query parameter that takes the words literally")


class Relaxed(BaseModel):
    kind: Literal["words", "place"] = Field(
        description="`words`: no offer had every word, each hit has some of `values`; "
        "`place`: nothing was held in the places of `q` (`values`), the hits are the nearest "
        "outside them, nearest first, with `distance_km` from there"
    )
    values: list[str]


class FilterDrop(BaseModel):
    filter: str = Field(description="A filter the request set (never one it did not)")
    label: str
    count: int = Field(description="Offers the search finds with only this filter dropped")
    params: list[str] = Field(description="The query parameters to leave out to drop it")


class RelatedQualification(BaseModel):
    code: str
    name: str
    count: int = Field(description="Offers with it among those the words find anywhere")
    query: str = Field(description="What to search for to find them")


class SearchHelp(BaseModel):
    without_filter: list[FilterDrop] = Field(default_factory=list)
    related_qualifications: list[RelatedQualification] = Field(default_factory=list)
    nearest: list[SearchHit] = Field(
        default_factory=list,
        description="The nearest offers outside the place a filter chose (a distance, or one "
        "powiat), nearest first, `distance_km` from `nearest_from`",
    )
    nearest_from: str = ""


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
    """Everything the offer page shows (its JSON is `/api/v1/offers/{id}`, `web.api_v1_shape`)."""

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
