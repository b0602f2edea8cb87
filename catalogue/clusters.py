"""Clusters of one offer listed by several sources, kept in `Offer.canonical_id`.

After a crawl, `link_duplicates` re-decides the clusters its changed offers belong to: their
current clusters are dissolved, each active offer is compared (`catalogue.dedupe.same_offer`)
with the active offers of other sources that share an edition's place and start (± 1 day), or
its provider or qualification code when undated, and every resulting cluster points at its
head: an institution's own record if it has one (docs/decisions/0014), else its oldest offer.
A cluster never holds two offers of one source. Every offer whose cluster changed goes to the
index outbox, so search shows one result per cluster.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import Session, col, select

from catalogue.dedupe import EditionFacts, OfferFacts, place_key, same_offer
from catalogue.models import DeliveryForm, Edition, Offer, OfferStatus
from catalogue.offer_details import with_details
from catalogue.outbox import record_changes


def facts_of(offer: Offer) -> OfferFacts:
    """The comparable facts of a stored offer (its editions, source and institution loaded)."""
    editions = tuple(
        EditionFacts(
            e.start_date,
            place_key(e.gmina_teryt, e.town, (e.form or offer.form) == DeliveryForm.online),
            e.price_grosze,
        )
        for e in offer.editions
    )
    provider = offer.institution.name if offer.institution else offer.provider_name
    towns = {e.town for e in offer.editions if e.town}
    if offer.institution and offer.institution.town:
        towns.add(offer.institution.town)
    return OfferFacts(
        source=str(offer.source_id),
        title=offer.title,
        provider=provider,
        kind=offer.kind.value if offer.kind else None,
        qualification_code=offer.qualification_code,
        editions=editions,
        towns=tuple(sorted(towns)),
    )


def link_duplicates(session: Session, offer_ids: Iterable[int]) -> set[int]:
    """Re-decide the clusters of these offers; returns the ids whose cluster changed.
    The caller commits."""
    changed = _load(session, set(offer_ids))
    affected = {_id(o): o for o in changed}
    for offer in changed:  # dissolve their current clusters: members are re-decided below
        for member in _cluster_of(session, offer):
            affected.setdefault(_id(member), member)
    before = {offer_id: o.canonical_id for offer_id, o in affected.items()}
    groups = _Groups()
    for offer in affected.values():
        offer.canonical_id = None
        groups.add(offer)
    for offer in [o for o in affected.values() if o.status == OfferStatus.active]:
        facts = facts_of(offer)
        for candidate in _candidates(session, offer):
            groups.add(candidate)
            if (
                not groups.together(offer, candidate)
                and same_offer(facts, facts_of(candidate)).same
            ):
                groups.join(offer, candidate)
    moved = groups.assign()
    moved.update(i for i, o in affected.items() if o.canonical_id != before[i])
    session.flush()
    record_changes(session, moved)  # canonical offers too: their source count changed
    return moved


class _Groups:
    """Union-find over offers; a group never holds two offers of one source."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.offers: dict[int, Offer] = {}
        self.sources: dict[int, set[int]] = {}  # root -> the sources of its group

    def add(self, offer: Offer) -> None:
        offer_id = _id(offer)
        if offer_id in self.offers:
            return
        self.offers[offer_id] = offer
        self.parent[offer_id] = offer_id
        self.sources[offer_id] = {offer.source_id}
        if offer.canonical_id is not None and offer.canonical is not None:
            self.add(offer.canonical)  # an untouched cluster stays together
            self.join(offer.canonical, offer)

    def root(self, offer_id: int) -> int:
        while self.parent[offer_id] != offer_id:
            offer_id = self.parent[offer_id]
        return offer_id

    def together(self, a: Offer, b: Offer) -> bool:
        return self.root(_id(a)) == self.root(_id(b))

    def join(self, a: Offer, b: Offer) -> None:
        root_a, root_b = self.root(_id(a)), self.root(_id(b))
        if root_a != root_b and not self.sources[root_a] & self.sources[root_b]:
            self.parent[root_b] = root_a
            self.sources[root_a] |= self.sources.pop(root_b)

    def assign(self) -> set[int]:
        """Point every active member at its group's head (`_head_order`); ids that moved."""
        groups: dict[int, list[Offer]] = {}
        for offer_id, offer in self.offers.items():
            if offer.status == OfferStatus.active:
                groups.setdefault(self.root(offer_id), []).append(offer)
        moved: set[int] = set()
        for members in groups.values():
            head = min(members, key=_head_order)
            for offer in members:
                wanted = None if offer is head else head.id
                if offer.canonical_id != wanted:
                    offer.canonical_id = wanted
                    moved.update({_id(offer), _id(head)})
        return moved


def _head_order(offer: Offer) -> tuple[bool, datetime, int]:
    """The head of a cluster: an institution's own record (its panel or a feed it registered,
    a source with `institution_id`) before any crawled copy, for the institution is the
    authority on its offer (docs/decisions/0014); then the oldest."""
    return (offer.source.institution_id is None, offer.first_seen, _id(offer))


def _id(offer: Offer) -> int:
    """The id of an offer read from the database: only an offer never flushed has none."""
    assert offer.id is not None, "clusters are made of stored offers"
    return offer.id


def _load(session: Session, ids: set[int]) -> list[Offer]:
    if not ids:
        return []
    return list(session.exec(with_details(select(Offer).where(col(Offer.id).in_(ids)))))


def _cluster_of(session: Session, offer: Offer) -> list[Offer]:
    """The other members of the offer's current cluster."""
    head = offer.canonical_id or offer.id
    statement = select(Offer).where(
        or_(col(Offer.id) == head, col(Offer.canonical_id) == head), Offer.id != offer.id
    )
    return list(session.exec(with_details(statement)))


def _candidates(session: Session, offer: Offer) -> list[Offer]:
    """Active offers of other sources with an edition at the same place starting within a day,
    or, for an undated edition, undated at the same place with the same provider or code."""
    same_maker: list[ColumnElement[bool]] = []
    if offer.institution_id is not None:
        same_maker.append(col(Offer.institution_id) == offer.institution_id)
    if offer.qualification_code:
        same_maker.append(col(Offer.qualification_code) == offer.qualification_code)
    conditions = []
    for e in offer.editions:
        if not (e.gmina_teryt or e.town):
            continue
        if e.start_date is not None:
            days = (e.start_date - timedelta(days=1), e.start_date + timedelta(days=1))
            conditions.append(and_(col(Edition.start_date).between(*days), _same_place(e)))
        elif same_maker:
            conditions.append(
                and_(col(Edition.start_date).is_(None), _same_place(e), or_(*same_maker))
            )
    # One indexed look per edition (start date or gmina), not one OR over them all, which
    # SQLite answered by reading the whole edition table for every offer; then the offers, by
    # id (IN rather than a join and DISTINCT: PostgreSQL cannot compare the JSON columns
    # DISTINCT would compare, "could not identify an equality operator for type json").
    other_active = and_(
        col(Offer.status) == OfferStatus.active, col(Offer.source_id) != offer.source_id
    )
    ids: set[int] = set()
    for condition in conditions:
        found = select(Edition.offer_id).join(Offer, col(Offer.id) == col(Edition.offer_id))
        ids.update(session.exec(found.where(condition, other_active)))
    if not ids:
        return []
    return list(session.exec(with_details(select(Offer).where(col(Offer.id).in_(ids)))))


def _same_place(edition: Edition) -> ColumnElement[bool]:
    if edition.gmina_teryt:
        return col(Edition.gmina_teryt) == edition.gmina_teryt
    return col(Edition.town) == edition.town
