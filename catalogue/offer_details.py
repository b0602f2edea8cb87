"""How an offer is read with everything shown or compared about it, written once.

`with_details(select(Offer)…)` loads, in a few batched queries, the offer's editions, source,
institution and qualification, and the other members of its cluster of duplicates
(`catalogue.clusters`) with their sources: what the offer page shows, what a search document
holds and what de-duplication compares.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import selectinload
from sqlmodel.sql.expression import Select, SelectOfScalar

from catalogue.models import Offer

Statement = TypeVar("Statement", Select[Any], SelectOfScalar[Any])

# `Offer`'s relationships are typed as their Python values (list[Edition], Source…);
# selectinload wants the mapped attributes behind them, which is what these are at run time.
_editions: Any = Offer.editions
_source: Any = Offer.source
_institution: Any = Offer.institution
_qualification: Any = Offer.qualification
_duplicates: Any = Offer.duplicates
_canonical: Any = Offer.canonical

OFFER_DETAILS = (
    selectinload(_editions),
    selectinload(_source),
    selectinload(_institution),
    selectinload(_qualification),
    selectinload(_duplicates).selectinload(_source),
    selectinload(_canonical).selectinload(_source),
    selectinload(_canonical).selectinload(_duplicates).selectinload(_source),
)


def with_details(statement: Statement) -> Statement:
    """The statement, loading each offer's details with it."""
    return statement.options(*OFFER_DETAILS)
