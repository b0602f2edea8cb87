"""The one JSON shape of an offer, version 1: in a search hit, in the offer, in exports.

One offer used to have three shapes (the API's, the offer page's JSON twin and the search page's),
disagreeing on `url`, `provider`/`provider_name`, `""`/`null` and `"1"`/`1`. Version 1 is built
here and nowhere else:

- `OfferSummaryV1`: what a search hit and the offer share. Every summary field is built from the
  offer's search document (`search.documents.offer_document`), the one thing a hit carries, so the
  same offer has the same values in both: `summary_from_document` for a hit, `offer_v1` (which
  builds the document from the catalogue row first) for the offer.
- `SearchHitV1`: the summary plus `match` (score, highlighted snippets, distance): the only field
  of a hit that is not a field of the offer.
- `OfferV1`: the summary plus what only the offer page knows (editions, institution, source,
  every source listing it, how to enrol).

Conventions: `null` for unknown, never `""`; numbers as numbers (`prk_level`, `zsu_area`, hours,
prices in grosze); dates and times ISO 8601 (times in UTC); a coded value with a label the reader
may show is `{"code": …, "label": …}` (kind, form, language, funding, powiats, ISCED-F fields),
labelled in the request's language; the offer's page in this catalogue is `url`, the offer at its
source `source_url`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from catalogue.models import Offer, OfferStatus
from search.documents import offer_document
from search.filters import get_filter
from search.interface import Hit
from web.enrolment import EnrolmentInfo, enrolment_info
from web.offers import isced_path

SHAPE_VERSION = "1"
OfferUrl = Callable[[int], str]  # offer id -> the absolute URL of its page in this catalogue


class Coded(BaseModel):
    """A coded value and its label in the reader's language (frozen: one object serves every
    answer naming the same value)."""

    model_config = ConfigDict(frozen=True)

    code: str
    label: str


class QualificationV1(BaseModel):
    code: str = Field(description='The Integrated Qualifications System code, e.g. "MEC.08"')
    name: str | None = None
    occupation: str | None = None


class OfferSummaryV1(BaseModel):
    """The fields a search hit and the offer share, with the same values for the same offer."""

    id: int
    url: str = Field(description="This offer's page in the catalogue")
    source_url: str = Field(description="The offer at its source")
    title: str
    description: str | None = None
    kind: Coded
    provider: str | None = Field(default=None, description="The provider's name, as listed")
    qualification: QualificationV1 | None = None
    isced: list[Coded] = Field(
        default_factory=list, description="ISCED-F 2013 fields of education, broad to detailed"
    )
    prk_level: int | None = Field(default=None, description="Polish Qualifications Framework 1-8")
    zsu_area: int | None = Field(default=None, description="ZSU 2030 area of impact, 1-8")
    form: Coded | None = None
    language: Coded | None = Field(default=None, description="Language of instruction, ISO 639-1")
    audience: str | None = None
    duration_hours: float | None = None
    powiats: list[Coded] = Field(
        default_factory=list, description='TERYT codes of the editions\' powiats, and "online"'
    )
    towns: list[str] = Field(default_factory=list)
    funding: list[Coded] = Field(default_factory=list, description="free, kfs, eu, subsidised")
    is_free: bool = False
    price_min_grosze: int | None = Field(
        default=None, description="The cheapest edition in grosze; 0 when free, null if unknown"
    )
    next_start: date | None = None
    starts: list[date] = Field(default_factory=list, description="Upcoming editions' start dates")
    last_start: date | None = Field(
        default=None, description="Without an upcoming edition: when the latest running one began"
    )
    enrolment_until: date | None = Field(
        default=None, description="The last day some edition takes enrolments"
    )
    last_verified: datetime = Field(description="The latest check of it at any of its sources")
    sources: list[str] = Field(default_factory=list, description="Names of the sources listing it")


class MatchV1(BaseModel):
    """How a hit matched the search: not a field of the offer."""

    score: float
    highlights: dict[str, str] = Field(
        default_factory=dict, description="field -> HTML snippet, matches wrapped in <mark>"
    )
    distance_km: float | None = Field(
        default=None, description="km from `near` to the nearest edition; null if none"
    )


class SearchHitV1(OfferSummaryV1):
    match: MatchV1


class EditionV1(BaseModel):
    start_date: date | None = None
    end_date: date | None = None
    enrolment_end: date | None = None
    town: str | None = None
    address: str | None = None
    postcode: str | None = None
    powiat: Coded | None = None
    gmina_teryt: str | None = None
    lat: float | None = None
    lon: float | None = None
    price_grosze: int | None = Field(default=None, description="0 when free, null if unknown")
    price_text: str | None = Field(default=None, description="The source's words for the price")
    seats: int | None = None
    form: Coded | None = None


class InstitutionV1(BaseModel):
    name: str
    town: str | None = None
    website: str | None = None


class SourceV1(BaseModel):
    name: str
    title: str | None = None
    url: str | None = Field(default=None, description="The source's home page")


class SourceListingV1(BaseModel):
    """One source that lists the offer: its page there and when it was last checked."""

    name: str
    title: str | None = None
    url: str
    last_verified: datetime


class OfferV1(OfferSummaryV1):
    shape_version: Literal["1"] = "1"
    status: Literal["active", "withdrawn", "archived"]
    first_seen: datetime
    last_changed: datetime
    institution: InstitutionV1 | None = None
    source: SourceV1 = Field(description="The source this record comes from")
    listings: list[SourceListingV1] = Field(
        default_factory=list, description="Every source listing the offer, latest check first"
    )
    editions: list[EditionV1] = Field(default_factory=list)
    enrolment: EnrolmentInfo | None = None


def offer_url_for(public_url: str) -> OfferUrl:
    """Offer page URLs at `PUBLIC_URL`, for callers without a request (exports, feeds)."""
    head = public_url.rstrip("/") + "/oferty/"
    return lambda offer_id: f"{head}{offer_id}"


def summary_from_document(
    document: Mapping[str, Any], offer_url: OfferUrl, lang: str = "pl"
) -> OfferSummaryV1:
    """The summary of an offer from its search document (`search.documents.offer_document`)."""
    return OfferSummaryV1(**_summary_fields(document, offer_url, lang))


def hit_v1(hit: Hit, offer_url: OfferUrl, lang: str = "pl") -> SearchHitV1:
    match = MatchV1(score=hit.score, highlights=hit.highlights, distance_km=hit.distance_km)
    return SearchHitV1(**_summary_fields(hit.document, offer_url, lang, hit.id), match=match)


def offer_v1(
    offer: Offer, offer_url: OfferUrl, lang: str = "pl", today: date | None = None
) -> OfferV1:
    """The offer (loaded with `catalogue.offer_details.with_details`) in shape version 1."""
    assert offer.id is not None
    document = offer_document(offer, today)
    institution = offer.institution
    return OfferV1(
        **_summary_fields(document, offer_url, lang),
        status=_public_status(offer.status),
        first_seen=_utc(offer.first_seen),
        last_changed=_utc(offer.last_changed),
        institution=InstitutionV1(
            name=institution.name, town=institution.town, website=institution.website
        )
        if institution is not None
        else None,
        source=SourceV1(
            name=offer.source.name,
            title=offer.source.title or None,
            url=offer.source.url or None,
        ),
        listings=_listings(offer),
        editions=[
            EditionV1(
                start_date=e.start_date,
                end_date=e.end_date,
                enrolment_end=e.enrolment_end,
                town=e.town or None,
                address=e.address or None,
                postcode=e.postcode or None,
                powiat=_coded("powiat", e.powiat_teryt, lang),
                gmina_teryt=e.gmina_teryt or None,
                lat=e.lat,
                lon=e.lon,
                price_grosze=e.price_grosze,
                price_text=e.price_text or None,
                seats=e.seats,
                form=_coded("form", e.form.value if e.form else None, lang),
            )
            for e in offer.editions
        ],
        enrolment=enrolment_info(offer, today),
    )


def last_changed(offer: Offer) -> datetime:
    """When the offer's answer last changed (for `Last-Modified`): its content or a check."""
    times = [offer.last_changed, offer.last_verified]
    times += [d.last_verified for d in offer.duplicates if d.status == OfferStatus.active]
    return max(_utc(t) for t in times)


def _summary_fields(
    doc: Mapping[str, Any], offer_url: OfferUrl, lang: str, offer_id: int | None = None
) -> dict[str, Any]:
    identity = int(offer_id if offer_id is not None else doc["id"])
    code = doc.get("qualification_code") or None
    isced = doc.get("isced_code") or doc.get("isced_narrow") or doc.get("isced_broad") or None
    return {
        "id": identity,
        "url": offer_url(identity),
        "source_url": doc.get("url") or "",
        "title": doc.get("title") or "",
        "description": doc.get("description") or None,
        "kind": _coded("kind", doc.get("kind") or "other", lang),
        "provider": doc.get("provider") or None,
        "qualification": QualificationV1(
            code=code,
            name=doc.get("qualification_name") or None,
            occupation=doc.get("occupation") or None,
        )
        if code
        else None,
        "isced": list(_isced(isced, lang)),
        "prk_level": _int(doc.get("prk_level")),
        "zsu_area": _int(doc.get("zsu_area")),
        "form": _coded("form", doc.get("form"), lang),
        "language": _coded("language", doc.get("language"), lang),
        "audience": doc.get("audience") or None,
        "duration_hours": doc.get("duration_hours"),
        "powiats": [_coded("powiat", p, lang) for p in doc.get("powiat") or []],
        "towns": list(doc.get("towns") or []),
        "funding": [_coded("funding", f, lang) for f in doc.get("funding") or []],
        "is_free": bool(doc.get("is_free")),
        "price_min_grosze": doc.get("price_min_grosze"),
        "next_start": doc.get("next_start") or None,
        "starts": list(doc.get("starts") or []),
        "last_start": doc.get("last_start") or None,
        "enrolment_until": doc.get("enrolment_until") or None,
        "last_verified": _utc(_datetime(doc.get("last_verified"))),
        "sources": list(doc.get("source_names") or []),
    }


# Labels are looked up once per value and language: a page of hits names the same few dozen.
@lru_cache(maxsize=4_096)
def _coded(filter_name: str, code: str | None, lang: str) -> Coded | None:
    if not code:
        return None
    return Coded(code=code, label=get_filter(filter_name).display(code, lang))


@lru_cache(maxsize=4_096)
def _isced(code: str | None, lang: str) -> tuple[Coded, ...]:
    return tuple(Coded(code=f.code, label=f.name) for f in isced_path(code, lang))


def _int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(value)


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value)
    return datetime(1970, 1, 1, tzinfo=UTC)


def _utc(moment: datetime) -> datetime:
    """Times are stored in UTC; SQLite gives them back without the zone."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _public_status(status: OfferStatus) -> Literal["active", "withdrawn", "archived"]:
    if status == OfferStatus.withdrawn:
        return "withdrawn"
    if status == OfferStatus.archived:
        return "archived"
    return "active"


def _listings(offer: Offer) -> list[SourceListingV1]:
    head = offer.canonical or offer
    members = [head, *head.duplicates] if offer.canonical or offer.duplicates else [offer]
    seen = [
        SourceListingV1(
            name=o.source.name,
            title=o.source.title or None,
            url=o.url,
            last_verified=_utc(o.last_verified),
        )
        for o in members
        if o is offer or o.status == OfferStatus.active
    ]
    return sorted(seen, key=lambda s: s.last_verified, reverse=True)
