"""The sitemap (issue 14, part 6): every public page of an object, with the catalogue's date.

The pages, in a fixed order: the home page, the qualification list and the crawler's page;
each published offer (an offer found again from another source is its canonical offer's, so
only canonical offers are listed) with `last_changed`; each provider with a published offer
(a crawled record linked to a registered institution is that institution's page) with its
offers' newest change; each known qualification's page, with the newest change of its offers
where it has any.

One file holds at most `SITEMAP_MAX_URLS` (the protocol's 50,000 by default); past it
`/sitemap.xml` is a sitemap index of `/sitemap-1.xml`, `/sitemap-2.xml`, …. The counts are
SQL counts, the files are written row by row as the database reads them (a server-side
cursor in PostgreSQL), so a sitemap of 100,000 offers is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, and_, col, or_, select

from catalogue.accounts import Approval
from catalogue.models import Institution, Offer, OfferStatus
from catalogue.qualification_info import known_qualifications

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
STATIC_PATHS = ("/", "/kwalifikacje", "/o-robocie")
ROWS_PER_FETCH = 1000
# Institutions a coordinator has not approved are no public providers (web/routes/providers.py).
HIDDEN = (Approval.pending.value, Approval.refused.value)

Entry = tuple[str, datetime | None]  # a path and the date it last changed


def _published() -> Any:
    return and_(col(Offer.status) == OfferStatus.active, col(Offer.canonical_id).is_(None))


def _provider_id() -> Any:
    return func.coalesce(Institution.registered_id, Institution.id)


def _providers_query() -> Any:
    shown = or_(col(Institution.approval).is_(None), col(Institution.approval).not_in(HIDDEN))
    return (
        select(_provider_id(), func.max(Offer.last_changed))
        .join(Institution, col(Offer.institution_id) == col(Institution.id))
        .where(_published(), shown)
        .group_by(_provider_id())
        .order_by(_provider_id())
    )


def url_count(session: Session) -> int:
    offers = session.exec(select(func.count()).select_from(Offer).where(_published())).one()
    providers = session.exec(select(func.count()).select_from(_providers_query().subquery())).one()
    return len(STATIC_PATHS) + offers + providers + len(known_qualifications(session))


def entries(session: Session) -> Iterator[Entry]:
    """Every page of the sitemap, in its fixed order."""
    for path in STATIC_PATHS:
        yield path, None
    offers = session.exec(
        select(Offer.id, Offer.last_changed)
        .where(_published())
        .order_by(col(Offer.id))
        .execution_options(yield_per=ROWS_PER_FETCH)
    )
    for offer_id, changed in offers:
        yield f"/oferty/{offer_id}", changed
    providers = session.exec(_providers_query().execution_options(yield_per=ROWS_PER_FETCH))
    for institution_id, changed in providers:
        yield f"/instytucje/{institution_id}", changed
    changes = dict(
        session.exec(
            select(Offer.qualification_code, func.max(Offer.last_changed))
            .where(_published(), col(Offer.qualification_code).is_not(None))
            .group_by(Offer.qualification_code)
        ).all()
    )
    for code in known_qualifications(session):
        yield f"/kwalifikacje/{quote(code)}", changes.get(code)


def files(total: int, per_file: int) -> int:
    """How many files `total` URLs take (one at least: an empty catalogue has its pages)."""
    return max(1, -(-total // per_file))


def urlset(engine: Engine, base: str, start: int, stop: int | None) -> Iterator[str]:
    """The `<urlset>` of entries `start` to `stop`, written as it is read."""
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n'
    with Session(engine) as session:
        for path, changed in islice(entries(session), start, stop):
            lastmod = f"<lastmod>{changed.date().isoformat()}</lastmod>" if changed else ""
            yield f"<url><loc>{escape(base + path)}</loc>{lastmod}</url>\n"
    yield "</urlset>\n"


def sitemap_index(base: str, count: int) -> str:
    rows = "".join(
        f"<sitemap><loc>{escape(f'{base}/sitemap-{n}.xml')}</loc></sitemap>\n"
        for n in range(1, count + 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NAMESPACE}">\n'
        f"{rows}</sitemapindex>\n"
    )
