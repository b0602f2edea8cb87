"""Providers and qualifications are shared between offers: find them, or create them once."""

from __future__ import annotations

from sqlmodel import Session, select

from catalogue.models import Institution, Qualification
from catalogue.normalise.result import NormalisedProvider, NormalisedQualification
from catalogue.normalise.text import fold_words
from catalogue.normalise.urls import checked_url


def institution_key(name: str) -> str:
    """Folded, punctuation-free name: "CKZiU „Medyk”" and "ckziu medyk" are one institution."""
    return " ".join(fold_words(name))


def get_or_create_institution(session: Session, provider: NormalisedProvider) -> Institution:
    key = institution_key(provider.name)
    institution = session.exec(select(Institution).where(Institution.key == key)).first()
    if institution is None:
        institution = Institution(name=provider.name, key=key)
        session.add(institution)
    institution.town = institution.town or provider.town
    # A website stored before addresses were checked (`javascript:…`) gives way to this one.
    if checked_url(institution.website)[0] is None:
        institution.website = provider.website
    return institution


def get_or_create_qualification(session: Session, found: NormalisedQualification) -> Qualification:
    """The qualification `found.code`, remembered by the session: a batch of offers writes
    without a flush per offer, and a query here would flush (autoflush) for every one. The
    query need not flush: a qualification this session added and has not flushed was added
    here, and is remembered."""
    known: dict[str, Qualification] = session.info.setdefault("qualifications", {})
    qualification = known.get(found.code)
    if qualification is None or qualification not in session:  # new, or rolled back since
        with session.no_autoflush:
            qualification = session.exec(
                select(Qualification).where(Qualification.code == found.code)
            ).first()
    if qualification is None:
        qualification = Qualification(code=found.code)
        session.add(qualification)
    known[found.code] = qualification
    # Only what was found is written: reading a remembered qualification's other values after
    # a commit would load it again (and flush the batch).
    if found.name:
        qualification.name = found.name
    if found.occupation:
        qualification.occupation = found.occupation
    if found.prk_level:
        qualification.prk_level = found.prk_level
    return qualification
