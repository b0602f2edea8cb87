"""Following a search: its normal form, and its newest offers (the Atom feed, e-mail alerts).

    key = normal_search(request.query_params.multi_items())  # "q=spawanie&powiat=0862"
    newest = newest_offers(engine, backend, key, limit=50)   # newest first
    fresh = newest_offers(engine, backend, key, since=last_sent_at)

A search is followed by what it finds, not how it is shown: its normal form keeps the text and
the filters' parameters (values trimmed, repeated ones sorted and once) and drops the page, the
page size, the sort and the language, so the same search typed twice is one alert and one feed.

The offers are found through the search interface (`search.interface`), exactly as the search
page finds them, and ordered by when the catalogue first saw each (`Offer.first_seen`), which
the index does not hold: the search's hits are read page by page and their first sightings
looked up in the catalogue. An alert first asks the catalogue which offers are new since its
last mail, and reads no search at all when none are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from catalogue.models import Offer, OfferStatus
from search.filters import FILTERS
from search.interface import MAX_PER_PAGE, MAX_QUERY_LENGTH, Query, SearchBackend

FEED_SIZE = 50  # entries of a feed
MAX_SCANNED = 20_000  # hits read from one search at most (the whole catalogue, with room)
MAX_VALUES = 20  # values of one parameter kept (a terms filter's choices)
MAX_VALUE_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FILTER_PARAMS = tuple(dict.fromkeys(p.name for f in FILTERS for p in f.params()))
_CHUNK = 500  # ids looked up in the catalogue at once


@dataclass(frozen=True)
class NewOffer:
    id: int
    first_seen: datetime  # UTC
    document: dict[str, Any]  # the search document (title, provider, towns, next start...)


def _clean(value: str) -> str:
    return " ".join(_CONTROL.sub(" ", value).split())[:MAX_VALUE_LENGTH]


def normal_search(items: Iterable[tuple[str, str]]) -> str:
    """The normal form of a search's query parameters (a query string, "" for every offer)."""
    values: dict[str, list[str]] = {}
    for name, raw in items:
        if name == "q" or name in FILTER_PARAMS:
            value = _clean(raw)
            if value and value not in values.setdefault(name, []):
                values[name].append(value)
    pairs: list[tuple[str, str]] = []
    if values.get("q"):
        pairs.append(("q", values["q"][-1][:MAX_QUERY_LENGTH].rstrip()))
    for name in FILTER_PARAMS:
        chosen = values.get(name, [])
        # A single-valued parameter keeps its last value, as the search page reads it.
        kept = sorted(chosen)[:MAX_VALUES] if _multi(name) else chosen[-1:]
        pairs += [(name, value) for value in kept]
    return urlencode(pairs)


def _multi(name: str) -> bool:
    return any(f.multi_valued or f.kind == "terms" for f in FILTERS if f.name == name)


def search_query(normal: str) -> Query:
    """The search a normal form stands for; values a filter cannot use are left out."""
    params = parse_qs(normal, keep_blank_values=False)
    text = _clean((params.get("q") or [""])[-1])[:MAX_QUERY_LENGTH]
    filters: dict[str, Any] = {}
    for declaration in FILTERS:
        value, _invalid = declaration.parse(lambda name: params.get(name, []))
        if value is not None:
            filters[declaration.name] = value
    return Query(text=text, filters=filters, facets=(), sort="start_date", per_page=MAX_PER_PAGE)


def _hits(backend: SearchBackend, query: Query) -> Iterator[tuple[int, dict[str, Any]]]:
    page = 1
    while (page - 1) * query.per_page < MAX_SCANNED:
        results = backend.search(replace(query, page=page))
        if results.relaxed:  # offers with some words only, or outside the place: not the search
            return
        for hit in results.hits:
            yield hit.id, hit.document
        if page >= results.pages or not results.hits:
            return
        page += 1


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _first_seen(engine: Engine, ids: list[int]) -> dict[int, datetime]:
    found: dict[int, datetime] = {}
    with Session(engine) as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = session.exec(
                select(Offer.id, Offer.first_seen).where(col(Offer.id).in_(chunk))
            ).all()
            found.update({offer_id: _as_utc(seen) for offer_id, seen in rows if offer_id})
    return found


def _new_since(engine: Engine, since: datetime) -> set[int]:
    """Active offers (one per cluster) the catalogue first saw after `since`."""
    with Session(engine) as session:
        rows = session.exec(
            select(Offer.id).where(
                Offer.status == OfferStatus.active,
                col(Offer.canonical_id).is_(None),
                col(Offer.first_seen) > _as_utc(since),
            )
        ).all()
    return {offer_id for offer_id in rows if offer_id is not None}


def newest_offers(
    engine: Engine,
    backend: SearchBackend,
    normal: str,
    *,
    limit: int = FEED_SIZE,
    since: datetime | None = None,
) -> list[NewOffer]:
    """The offers the search `normal` finds, newest first (by first sighting, then id), at most
    `limit`; with `since`, only those first seen after it. Raises `SearchUnavailable`."""
    query = search_query(normal)
    documents: dict[int, dict[str, Any]] = {}
    if since is None:
        documents = dict(_hits(backend, query))
    else:
        wanted = _new_since(engine, since)
        for offer_id, document in _hits(backend, query) if wanted else ():
            if offer_id in wanted:
                documents[offer_id] = document
                if len(documents) == len(wanted):
                    break
    seen = _first_seen(engine, list(documents))
    found = [NewOffer(i, seen[i], documents[i]) for i in documents if i in seen]
    found.sort(key=lambda offer: (offer.first_seen, offer.id), reverse=True)
    return found[:limit]
