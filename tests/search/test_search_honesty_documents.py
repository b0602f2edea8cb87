"""A search document's dates when an offer's only edition has begun (issue 13): never read as
"to be arranged"."""

from __future__ import annotations

from datetime import date

from catalogue.models import DeliveryForm, Edition, Offer, OfferKind
from search.documents import offer_document

TODAY = date(2026, 12, 7)


def florist(*editions: Edition) -> Offer:
    return Offer(id=5, title="Florystyka", kind=OfferKind.course, form=DeliveryForm.on_site,
                 url="https://example.org/5", source_id=1, external_id="5", content_hash="x",
                 editions=list(editions))  # fmt: skip


def test_a_running_edition_gives_its_start_as_the_last_one() -> None:
    running = Edition(start_date=date(2026, 11, 2), end_date=date(2027, 2, 1))
    older = Edition(start_date=date(2026, 9, 1), end_date=date(2027, 6, 1))
    document = offer_document(florist(older, running), TODAY)
    assert document["next_start"] is None and document["starts"] == []
    assert document["last_start"] == "2026-11-02"


def test_an_upcoming_edition_or_no_date_gives_no_last_start() -> None:
    running = Edition(start_date=date(2026, 11, 2), end_date=date(2027, 2, 1))
    coming = Edition(start_date=date(2027, 1, 11))
    assert offer_document(florist(running, coming), TODAY)["last_start"] is None
    assert offer_document(florist(Edition()), TODAY)["last_start"] is None
    assert offer_document(florist(), TODAY)["last_start"] is None
