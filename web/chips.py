"""The chosen filters as chips above the results, each a link to the same search without it.

A chip is what the macro of `templates/_chips.html` draws: a `label`, the `remove_url` that
drops it and a `kind` ("filter" here; other callers use their own, e.g. words the query was
understood to mean). The links keep the query, the sort and the language, drop the page
(the results change) and carry no empty parameters (`web.search_links`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from starlette.datastructures import QueryParams

from search.filter_kinds import FlagFilter, Param, TermsFilter
from search.filter_ranges import DateRangeFilter, DistanceFilter
from search.filters import FILTERS, Filter, Near
from search.interface import Query
from web import formatting
from web.i18n import Translator
from web.search_links import SEARCH_PATH, Items, filled, url_with

# Every query parameter a filter reads: "clear all" drops them all.
FILTER_PARAMS = frozenset(p.name for f in FILTERS for p in f.params())


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str
    kind: str = "filter"


def filter_chips(query: Query, params: QueryParams, lang: str) -> list[Chip]:
    """A chip for each value of each filter in use, in the form's order."""
    items = filled(params.multi_items())
    chips: list[Chip] = []
    for declaration in FILTERS:
        value = query.filters.get(declaration.name)
        if value is not None:
            chips += _chips_of(declaration, value, items, lang)
    return chips


def clear_filters_url(params: QueryParams) -> str:
    """The same search with no filter: the query, sort and language are kept."""
    items = _without(filled(params.multi_items()), FILTER_PARAMS, sort="distance")
    return url_with(SEARCH_PATH, items)


def _chips_of(declaration: Filter, value: object, items: Items, lang: str) -> list[Chip]:
    name = declaration.name
    if isinstance(declaration, TermsFilter) and isinstance(value, tuple):
        return [
            Chip(declaration.display(v, lang), _url(_without(items, {name}, value=v)))
            for v in value
        ]
    if isinstance(declaration, FlagFilter):
        return [Chip(declaration.label(lang), _url(_without(items, {name})))]
    if isinstance(declaration, DistanceFilter) and isinstance(value, Near):
        return _distance_chips(declaration, value, items, lang)
    chips = []
    for param in declaration.params():
        sent = _last(items, param.name)
        if sent:
            shown = _date(sent, lang) if isinstance(declaration, DateRangeFilter) else sent
            label = f"{_param_label(param, lang)}: {shown}"
            chips.append(Chip(label, _url(_without(items, {param.name}))))
    return chips


def _distance_chips(declaration: DistanceFilter, near: Near, items: Items, lang: str) -> list[Chip]:
    near_param, radius, online = declaration.params()
    # Without a town a radius means nothing, and sorting by distance neither.
    everything = {near_param.name, radius.name, online.name}
    place = Chip(
        f"{_param_label(near_param, lang)}: {near.place}",
        _url(_without(items, everything, sort="distance")),
    )
    chips = [place]
    if near.radius_km is not None:
        km = f"{near.radius_km:g}".replace(".", "," if lang != "en" else ".")
        within = Translator(lang)("chips.distance.within", km=km)
        chips.append(Chip(within, _url(_without(items, {radius.name, online.name}))))
        if near.include_online:
            chips.append(Chip(_param_label(online, lang), _url(_without(items, {online.name}))))
    return chips


def _without(
    items: Items, names: Collection[str], value: str | None = None, sort: str | None = None
) -> Items:
    """`items` without the parameters `names` (only their `value` when given), the page, and
    a `sort` that no longer applies."""
    return [
        (k, v)
        for k, v in items
        if not (k in names and (value is None or v.strip() == value))
        and k != "page"
        and not (k == "sort" and v == sort)
    ]


def _url(items: Items) -> str:
    return url_with(SEARCH_PATH, items)


def _last(items: Items, name: str) -> str:
    values = [v.strip() for k, v in items if k == name]
    return values[-1] if values else ""


def _param_label(param: Param, lang: str) -> str:
    return param.label(lang)  # English, Ukrainian (else Polish) or Polish


def _date(sent: str, lang: str) -> str:
    return formatting.format_date(sent, lang) or sent
