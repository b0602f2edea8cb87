"""Shape search results once, for the API, the search page and the page's JSON twin."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from search.filters import FILTERS, Filter
from search.interface import Hit, Query, Results
from web.schemas import FacetValue, SearchHit, SearchResponse

OfferUrl = Callable[[int], str]


def search_response(results: Results, offer_url: OfferUrl, lang: str) -> SearchResponse:
    return SearchResponse(
        total=results.total,
        page=results.page,
        per_page=results.per_page,
        pages=results.pages,
        took_ms=round(results.took_ms, 2),
        hits=[_hit(hit, offer_url) for hit in results.hits],
        facets={
            f.name: [
                FacetValue(value=value, label=label, count=count)
                for value, label, count in f.options(results.facets.get(f.name, {}), lang)
            ]
            for f in FILTERS
        },
    )


def _hit(hit: Hit, offer_url: OfferUrl) -> SearchHit:
    document = {k: v for k, v in hit.document.items() if k not in ("id", "url")}
    return SearchHit(
        **document,
        id=hit.id,
        url=offer_url(hit.id),
        source_url=hit.document.get("url", ""),
        highlights=hit.highlights,
        score=hit.score,
    )


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class FacetGroup:
    """One fieldset of the filter form: a filter with its values, counts and ticks."""

    filter: Filter
    legend: str
    options: list[FacetOption]


def facet_groups(response: SearchResponse, query: Query, lang: str) -> list[FacetGroup]:
    groups = []
    for declaration in FILTERS:
        selected = query.filters.get(declaration.name, ())
        counted = {facet.value: facet for facet in response.facets.get(declaration.name, [])}
        options = [
            FacetOption(f.value, f.label, f.count, f.value in selected) for f in counted.values()
        ]
        # A ticked value with no hits must still be shown, or it could never be unticked.
        options += [
            FacetOption(value, declaration.display(value, lang), 0, True)
            for value in selected
            if value not in counted
        ]
        if options:
            legend = declaration.label_en if lang == "en" else declaration.label_pl
            groups.append(FacetGroup(declaration, legend, options))
    return groups


def page_window(page: int, pages: int, radius: int = 2) -> list[int | None]:
    """Page numbers to link: first, last and those near the current one; None marks a gap."""
    shown = sorted({1, pages, *range(max(1, page - radius), min(pages, page + radius) + 1)})
    window: list[int | None] = []
    for number in shown:
        if window and number - (window[-1] or 0) > 1:
            window.append(None)
        window.append(number)
    return window
