"""The filter form of the search page, built from the filter declarations (`search.filters`).

One group per declaration; its `kind` names the partial that draws it
(`templates/filters/<kind>.html`), so a new filter of a known kind needs no template change.
Text, number and date fields show what the person sent, even when it could not be used (the
page's note says why), so that it can be corrected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from catalogue.normalise.taxonomy import places_by_name
from search.filters import FILTERS, Filter
from search.interface import Query
from web.schemas import SearchResponse


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class Control:
    """One form control: its parameter, label and the value sent."""

    name: str
    label: str
    value: str


@dataclass(frozen=True)
class FilterGroup:
    """One part of the filter form: a filter with its options (terms, yes/no) or controls."""

    filter: Filter
    kind: str
    legend: str
    help: str
    options: list[FacetOption] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)


def filter_groups(
    response: SearchResponse, query: Query, sent: Mapping[str, str], lang: str
) -> list[FilterGroup]:
    """The form's groups in declaration order; `sent` holds the raw request parameters."""
    groups = []
    for declaration in FILTERS:
        group = FilterGroup(
            declaration,
            declaration.kind,
            declaration.label(lang),
            declaration.help(lang),
            options=_options(declaration, response, query, lang),
            controls=[
                Control(p.name, p.label(lang), sent.get(p.name, "")) for p in declaration.params()
            ],
        )
        if _shown(group, query):
            groups.append(group)
    return groups


def _options(
    declaration: Filter, response: SearchResponse, query: Query, lang: str
) -> list[FacetOption]:
    if not declaration.facet:
        return []
    chosen = query.filters.get(declaration.name, ())
    selected = {"true"} if chosen is True else set(chosen)
    counted = {facet.value: facet for facet in response.facets.get(declaration.name, [])}
    options = [
        FacetOption(f.value, f.label, f.count, f.value in selected) for f in counted.values()
    ]
    # A ticked value with no hits must still be shown, or it could never be unticked; a yes/no
    # filter is always shown.
    missing = selected | ({"true"} if declaration.kind == "boolean" else set())
    options += [
        FacetOption(value, declaration.display(value, lang), 0, value in selected)
        for value in sorted(missing - counted.keys())
    ]
    return options


def _shown(group: FilterGroup, query: Query) -> bool:
    if group.kind != "terms":
        return True
    if group.filter.name == "isced_narrow":
        # Narrow fields appear under a chosen broad field (their counts are then theirs only).
        return "isced_broad" in query.filters or "isced_narrow" in query.filters
    return bool(group.options)


@cache
def town_names() -> list[str]:
    """Names the town field suggests (a datalist: no JavaScript needed)."""
    return sorted({place.name for place in places_by_name().values()})


def radius_choices(group: FilterGroup) -> list[tuple[str, bool]]:
    """(km, chosen) for the radius list; a radius sent by hand is added in order."""
    choices: list[float] = [float(c) for c in getattr(group.filter, "radius_choices", ())]
    sent = next((c.value for c in group.controls if c.name == "radius_km"), "")
    try:
        chosen: float | None = float(sent.replace(",", "."))
    except ValueError:
        chosen = None
    if chosen is not None and chosen > 0 and chosen not in choices:
        choices = sorted([*choices, chosen])
    return [(f"{c:g}", c == chosen) for c in choices]
