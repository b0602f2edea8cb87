"""How to reach a provider and how to enrol, from what the sources published.

Crawlers keep a source's own fields in `Offer.extras` under the source's names: BUR a
service's contact person (`osobaKontaktowa`: imieNazwisko, email, telefon) and its conditions
(`warunkiUczestnictwa`); RSPO a school's `email`, `telefon` and `adres`; RIS a training
institution's `numerWRejestrze`, `nip`, `regon` and `adres`; pages read by the KKZ and
schema.org spiders their conditions (`warunki`, `wymagania`). These functions read them into
one shape; nothing here is stored, and nothing beyond what the source published is shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.models import Institution, Offer
from catalogue.normalise.text import as_text

_TAG = re.compile(r"<[^>]+>")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_PHONE = re.compile(r"^\+?[\d\s()./-]{6,30}$")
# The longest text of conditions shown: a page of the source holds the rest.
MAX_CONDITIONS = 600
BUR_HOST = "uslugirozwojowe.parp.gov.pl"


@dataclass(frozen=True)
class Contact:
    """A way to reach someone about an offer; empty fields were not published."""

    person: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    website: str | None = None

    def __bool__(self) -> bool:
        return any((self.person, self.email, self.phone, self.address, self.website))


@dataclass(frozen=True)
class Enrolment:
    """How to enrol on an offer: where, by when, under which conditions, whom to ask."""

    url: str
    deadline: date | None
    contact: Contact
    conditions: str | None = None


@dataclass(frozen=True)
class Registrations:
    """The registers a provider is in, by number, and whether it offers services in BUR."""

    nip: str | None = None
    regon: str | None = None
    ris: str | None = None
    rspo: str | None = None
    bur_services: int = 0

    def __bool__(self) -> bool:
        return any((self.nip, self.regon, self.ris, self.rspo, self.bur_services))


@dataclass
class _Found:
    values: dict[str, str] = field(default_factory=dict)

    def offer(self, name: str, value: Any) -> None:
        text = plain(value)
        if text and name not in self.values:
            self.values[name] = text


def plain(value: Any) -> str | None:
    """A source's value as plain text: HTML tags dropped, entities read, whitespace collapsed."""
    text = as_text(value)
    if text is None:
        return None
    return as_text(html.unescape(_TAG.sub(" ", text)))


def email(value: Any) -> str | None:
    text = plain(value)
    return text if text and _EMAIL.match(text) else None


def phone(value: Any) -> str | None:
    text = plain(value)
    return text if text and _PHONE.match(text) and sum(c.isdigit() for c in text) >= 6 else None


def tel_link(number: str) -> str:
    """`tel:` address of a phone number as written ("68 123 45 67" -> "tel:681234567")."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


def _contact_person(extras: Mapping[str, Any]) -> Mapping[str, Any]:
    person = extras.get("osobaKontaktowa")
    return person if isinstance(person, Mapping) else {}


def offer_contact(offer: Offer) -> Contact:
    """Whom to ask about this offer: the source's contact person (BUR), else the provider's
    own e-mail, phone and address as its register lists them (RSPO, RIS)."""
    extras = offer.extras or {}
    person = _contact_person(extras)
    institution = offer.institution
    return Contact(
        person=plain(person.get("imieNazwisko")),
        email=email(person.get("email")) or email(extras.get("email")),
        phone=phone(person.get("telefon")) or phone(extras.get("telefon")),
        address=plain(extras.get("adres")),
        website=institution.website if institution is not None else None,
    )


def next_deadline(offer: Offer, today: date) -> date | None:
    """The nearest enrolment deadline of an edition still open today, else None."""
    open_ = [
        e.enrolment_end for e in offer.editions if e.enrolment_end and e.enrolment_end >= today
    ]
    return min(open_, default=None)


def enrolment(offer: Offer, today: date) -> Enrolment:
    extras = offer.extras or {}
    conditions = None
    for key in ("warunkiUczestnictwa", "warunki", "wymagania"):
        conditions = plain(extras.get(key))
        if conditions:
            break
    if conditions and len(conditions) > MAX_CONDITIONS:
        conditions = conditions[: MAX_CONDITIONS - 1].rsplit(" ", 1)[0] + "…"
    return Enrolment(
        url=offer.url,
        deadline=next_deadline(offer, today),
        contact=offer_contact(offer),
        conditions=conditions,
    )


def is_bur(offer: Offer) -> bool:
    return offer.source.name == "bur" or BUR_HOST in (offer.url or "")


def provider_registrations(
    institutions: Iterable[Institution], offers: Iterable[Offer]
) -> Registrations:
    """The numbers the institution records hold, else those its offers' sources published."""
    found = _Found()
    for institution in institutions:
        found.offer("nip", institution.nip)
        found.offer("regon", institution.regon)
        found.offer("ris", institution.ris_number)
        found.offer("rspo", institution.rspo_number)
    bur = 0
    for offer in offers:
        extras = offer.extras or {}
        found.offer("nip", extras.get("nip"))
        found.offer("regon", extras.get("regon"))
        found.offer("ris", extras.get("numerWRejestrze"))
        found.offer("rspo", extras.get("numerRspo"))
        bur += is_bur(offer)
    return Registrations(**found.values, bur_services=bur)


def provider_contact(institutions: Iterable[Institution], offers: Iterable[Offer]) -> Contact:
    """The provider's own website, e-mail, phone and address (not a service's contact person:
    that one is shown on the service's page)."""
    found = _Found()
    for institution in institutions:
        found.offer("website", institution.website)
    for offer in offers:
        extras = offer.extras or {}
        found.offer("address", extras.get("adres"))
        if email(extras.get("email")):
            found.offer("email", extras.get("email"))
        if phone(extras.get("telefon")):
            found.offer("phone", extras.get("telefon"))
    return Contact(**found.values)
