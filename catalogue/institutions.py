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
    qualification = session.exec(
        select(Qualification).where(Qualification.code == found.code)
    ).first()
    if qualification is None:
        qualification = Qualification(code=found.code)
        session.add(qualification)
    qualification.name = found.name or qualification.name
    qualification.occupation = found.occupation or qualification.occupation
    qualification.prk_level = found.prk_level or qualification.prk_level
    return qualification
