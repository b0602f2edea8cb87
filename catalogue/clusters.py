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

from sqlalchemy import and_, bindparam, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

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
    for member in _clusters_of(session, changed):  # dissolved: members are re-decided below
        affected.setdefault(_id(member), member)
    before = {offer_id: o.canonical_id for offer_id, o in affected.items()}
    active = [o for o in affected.values() if o.status == OfferStatus.active]
    candidate_ids = {_id(offer): _candidate_ids(session, offer) for offer in active}
    candidates = {_id(o): o for o in _load(session, set().union(*candidate_ids.values()))}
    groups = _Groups()
    for offer in affected.values():
        offer.canonical_id = None
        groups.add(offer)
    for offer in active:
        facts = facts_of(offer)
        for candidate in (candidates[i] for i in sorted(candidate_ids[_id(offer)])):
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
    """The offers `ids` with their details, by id (IN rather than a join and DISTINCT:
    PostgreSQL cannot compare the JSON columns DISTINCT would compare)."""
    wanted = sorted(ids)
    found: list[Offer] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found += session.exec(with_details(select(Offer).where(col(Offer.id).in_(chunk))))
    return found


def _clusters_of(session: Session, offers: list[Offer]) -> list[Offer]:
    """The members of these offers' current clusters (one query per chunk of heads)."""
    heads = sorted({o.canonical_id or _id(o) for o in offers})
    found: list[Offer] = []
    for start in range(0, len(heads), _CHUNK):
        chunk = heads[start : start + _CHUNK]
        statement = select(Offer).where(
            or_(col(Offer.id).in_(chunk), col(Offer.canonical_id).in_(chunk))
        )
        found += session.exec(with_details(statement))
    return found


def _candidate_ids(session: Session, offer: Offer) -> set[int]:
    """Active offers of other sources with an edition at the same place starting within a day,
    or, for an undated edition, undated at the same place with the same provider or code.
    One indexed look per edition (start date or gmina), not one OR over them all, which SQLite
    answered by reading the whole edition table for every offer. The statements are built
    once, with parameters: an upload asks them for thousands of offers."""
    connection = session.connection()
    ids: set[int] = set()
    for e in offer.editions:
        if not (e.gmina_teryt or e.town):
            continue
        place = {"gmina": e.gmina_teryt} if e.gmina_teryt else {"town": e.town}
        values: dict[str, object] = {"source": offer.source_id, **place}
        if e.start_date is not None:
            statement = _DATED[next(iter(place))]
            values |= {"first": e.start_date - _DAY, "last": e.start_date + _DAY}
        elif offer.institution_id is not None or offer.qualification_code:
            statement = _UNDATED[next(iter(place))]
            values |= {"institution": offer.institution_id, "code": offer.qualification_code}
        else:
            continue
        ids.update(connection.execute(statement, values).scalars())
    return ids


def _candidate_statements(dated: bool) -> dict[str, SelectOfScalar[int]]:
    """By gmina and by town: editions of other sources' active offers (an unknown maker binds
    NULL, which equals nothing)."""
    other_active = and_(
        col(Offer.status) == OfferStatus.active, col(Offer.source_id) != bindparam("source")
    )
    when = (
        col(Edition.start_date).between(bindparam("first"), bindparam("last"))
        if dated
        else and_(
            col(Edition.start_date).is_(None),
            or_(
                col(Offer.institution_id) == bindparam("institution"),
                col(Offer.qualification_code) == bindparam("code"),
            ),
        )
    )
    found = select(col(Edition.offer_id)).join(Offer, col(Offer.id) == col(Edition.offer_id))
    return {
        "gmina": found.where(col(Edition.gmina_teryt) == bindparam("gmina"), when, other_active),
        "town": found.where(col(Edition.town) == bindparam("town"), when, other_active),
    }


_DAY = timedelta(days=1)
_DATED, _UNDATED = _candidate_statements(True), _candidate_statements(False)
_CHUNK = 500  # ids per IN list
