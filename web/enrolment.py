"""What the offer page's "Kontakt i zapisy" shows, and the provider page's contact, as models."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from catalogue.contacts import Contact, enrolment, tel_link
from catalogue.models import Offer


class ContactInfo(BaseModel):
    person: str | None = Field(default=None, description="The source's contact person (BUR)")
    email: str | None = None
    phone: str | None = None
    phone_href: str | None = Field(default=None, description="The phone as a tel: address")
    address: str | None = None
    website: str | None = None

    @classmethod
    def of(cls, contact: Contact) -> ContactInfo:
        return cls(
            person=contact.person,
            email=contact.email,
            phone=contact.phone,
            phone_href=tel_link(contact.phone) if contact.phone else None,
            address=contact.address,
            website=contact.website,
        )


class EnrolmentInfo(BaseModel):
    """How to enrol, from the source's data: its page, the deadline, conditions, whom to ask."""

    url: str = Field(description="The offer at its source, where one enrols or asks")
    deadline: date | None = Field(
        default=None, description="The nearest enrolment deadline still open"
    )
    conditions: str | None = Field(default=None, description="Conditions, in the source's words")
    contact: ContactInfo
    provider_id: int | None = Field(default=None, description="The provider's page: /instytucje/…")
    provider_name: str | None = None


def enrolment_info(offer: Offer, today: date | None = None) -> EnrolmentInfo:
    found = enrolment(offer, today or date.today())
    institution = offer.institution
    return EnrolmentInfo(
        url=found.url,
        deadline=found.deadline,
        conditions=found.conditions,
        contact=ContactInfo.of(found.contact),
        provider_id=institution.id if institution is not None else None,
        provider_name=institution.name if institution is not None else offer.provider_name,
    )
