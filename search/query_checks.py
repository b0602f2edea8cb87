"""What every backend checks and derives from a `Query` before it searches, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from search.conditions import Condition, Near
from search.filters import conditions, get_filter, near_point
from search.interface import MAX_PER_PAGE, SORTS, Query


@dataclass(frozen=True)
class CheckedQuery:
    today: date  # the day the search is made: "enrolment open now", "starting from"
    conditions: dict[str, Condition]  # filter name -> what it keeps
    near: Near | None  # the point of the distance filter, if any
    facets: list[str]  # the facets asked for, without repeats
    page: int
    per_page: int


def check_query(query: Query) -> CheckedQuery:
    """`ValueError` for an unknown sort, facet or filter, or a wrong filter value."""
    if query.sort not in SORTS:
        raise ValueError(f"unknown sort {query.sort!r}; known: {', '.join(SORTS)}")
    facets = list(dict.fromkeys(query.facets))
    for name in facets:
        if not get_filter(name).facet:
            raise ValueError(f"filter {name!r} has no facet")
    today = date.today()
    chosen = dict(conditions(query.filters, today))
    near = near_point(query.filters)
    if query.sort == "distance" and near is None:
        raise ValueError("sort=distance needs a point: the `distance` filter's Near")
    per_page = min(max(1, query.per_page), MAX_PER_PAGE)
    return CheckedQuery(today, chosen, near, facets, max(1, query.page), per_page)
