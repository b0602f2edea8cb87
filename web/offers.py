"""Load one offer from the catalogue, with everything its page shows."""

from __future__ import annotations

import csv
from datetime import datetime
from functools import cache

from pydantic import BaseModel, Field
from sqlmodel import Session, select

from catalogue.models import EditionPublic, Offer, OfferPublic, OfferStatus
from catalogue.offer_details import with_details
from search.filters import DATA_DIR, get_filter
from search.label_language import in_language
from web.enrolment import EnrolmentInfo, enrolment_info
from web.errors import NotFound
from web.schemas import IscedField, OfferPage, Provider, QualificationInfo, SourceInfo

# Ids are `Integer` columns: 32 bits in PostgreSQL, 64 in SQLite. A larger id cannot be bound to
# a query (/oferty/9223372036854775808 was a 500 with a traceback: OverflowError in SQLite,
# "integer out of range" in PostgreSQL), so no offer has it.
MAX_OFFER_ID = 2**31 - 1
# What anyone may read by id: published, withdrawn by its source, archived by its institution
# (each page says which). Drafts and offers awaiting review are their institution's and the
# coordinator's, in the panel: a public address answers 404, as for an id nobody has.
PUBLIC_STATES = (OfferStatus.active, OfferStatus.withdrawn, OfferStatus.archived)


def load_offer(session: Session, offer_id: int) -> Offer:
    """The offer with its editions, source, institution, qualification and the other sources
    listing it (`catalogue.offer_details`); `NotFound` if none, or if it is not public."""
    if not 1 <= offer_id <= MAX_OFFER_ID:
        raise NotFound(f"Offer {offer_id} does not exist")
    offer = session.exec(with_details(select(Offer).where(Offer.id == offer_id))).first()
    if offer is None or offer.status not in PUBLIC_STATES:
        raise NotFound(f"Offer {offer_id} does not exist")
    return offer


def offer_public(offer: Offer) -> OfferPublic:
    return OfferPublic.model_validate(
        offer,
        update={
            "source_name": offer.source.name,
            "editions": [EditionPublic.model_validate(e) for e in offer.editions],
        },
    )


class SourceSeen(BaseModel):
    """One source that lists the offer: where to see it there and when it was last checked."""

    name: str
    title: str = ""
    url: str
    last_verified: datetime


class ClusteredOfferPage(OfferPage):
    sources: list[SourceSeen] = Field(
        default_factory=list, description="Every source listing this offer, latest check first"
    )
    enrolment: EnrolmentInfo | None = Field(
        default=None, description="How to enrol and whom to ask, from the source's data"
    )


def sources_seen(offer: Offer) -> list[SourceSeen]:
    """The sources of the offer's cluster (itself when no other source lists it)."""
    head = offer.canonical or offer
    members = [head, *head.duplicates] if offer.canonical or offer.duplicates else [offer]
    seen = [
        SourceSeen(
            name=o.source.name, title=o.source.title, url=o.url, last_verified=o.last_verified
        )
        for o in members
        if o is offer or o.status == OfferStatus.active
    ]
    return sorted(seen, key=lambda s: s.last_verified, reverse=True)


def offer_page(offer: Offer, lang: str) -> OfferPage:
    return ClusteredOfferPage(
        sources=sources_seen(offer),
        enrolment=enrolment_info(offer),
        offer=offer_public(offer),
        provider=_provider(offer),
        qualification=_qualification(offer),
        isced=isced_path(offer.isced_code or offer.isced_narrow or offer.isced_broad, lang),
        source=SourceInfo(name=offer.source.name, title=offer.source.title, url=offer.source.url),
        kind_label=get_filter("kind").display(offer.kind.value, lang),
        form_label=get_filter("form").display(offer.form.value, lang) if offer.form else None,
        powiat_names={
            e.powiat_teryt: get_filter("powiat").display(e.powiat_teryt, lang)
            for e in offer.editions
            if e.powiat_teryt
        },
    )


def _provider(offer: Offer) -> Provider | None:
    institution = offer.institution
    if institution is not None:
        return Provider(name=institution.name, town=institution.town, website=institution.website)
    return Provider(name=offer.provider_name) if offer.provider_name else None


def _qualification(offer: Offer) -> QualificationInfo | None:
    row = offer.qualification
    if row is not None:
        return QualificationInfo(
            code=row.code, name=row.name, occupation=row.occupation, prk_level=row.prk_level
        )
    return QualificationInfo(code=offer.qualification_code) if offer.qualification_code else None


def isced_path(code: str | None, lang: str) -> list[IscedField]:
    """The broad, narrow and detailed fields of a code (0715 -> 07, 071, 0715) with names."""
    if not code:
        return []
    names = _isced_names()
    prefixes = [code[:n] for n in (2, 3, 4) if len(code) >= n]
    return [
        IscedField(code=prefix, name=in_language(*names[prefix], lang))
        for prefix in prefixes
        if prefix in names
    ]


@cache
def _isced_names() -> dict[str, tuple[str, str]]:
    with (DATA_DIR / "isced_f_2013.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: (row["name_pl"], row["name_en"]) for row in csv.DictReader(f)}
