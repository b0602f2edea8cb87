"""Shape search results once, for the search page and the read API (`web.routes.api_v1`)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request

from search.filters import BY_NAME, FACETS
from search.interface import Hit, Results
from search.interface import SearchHelp as Help
from web.schemas import (
    FacetValue,
    FilterDrop,
    RelatedQualification,
    Relaxed,
    SearchHelp,
    SearchHit,
    SearchResponse,
)
from web.understood import understood_words

OfferUrl = Callable[[int], str]
_MARKER = 918273645  # an id no offer has: it marks where ids go in a routed URL


def offer_urls(request: Request, public_url: str) -> OfferUrl:
    """The absolute URL of each offer's page at `PUBLIC_URL` (never at the request's Host),
    routed once per request: Starlette's `url_path_for` walks every route (about 0.2 ms a
    call, 4 ms for a page of 20 hits)."""
    path = request.app.url_path_for("offer_page", offer_id=_MARKER)
    head, tail = (public_url.rstrip("/") + path).split(str(_MARKER), 1)
    return lambda offer_id: f"{head}{offer_id}{tail}"


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
            for f in map(BY_NAME.get, FACETS)
            if f is not None
        },
        places=results.places,
        did_you_mean=results.did_you_mean,
        matched_all_words=results.matched_all_words,
        relaxed=[Relaxed(kind=r.kind, values=list(r.values)) for r in results.relaxed],
        distance_from=next((r.values[0] for r in results.relaxed if r.kind == "place"), None),
        help=_help(results.help, offer_url, lang),
        understood=understood_words(results.understood, lang),
    )


def _help(found: Help | None, offer_url: OfferUrl, lang: str) -> SearchHelp | None:
    """What would find something, with each filter's label and query parameters."""
    if found is None:
        return None
    drops = []
    for item in found.without_filter:
        declaration = BY_NAME[item.name]
        params = [p.name for p in declaration.params()]
        drops.append(FilterDrop(filter=item.name, label=declaration.label(lang),
                                count=item.count, params=params))  # fmt: skip
    related = [
        RelatedQualification(code=q.code, name=q.name, count=q.count, query=q.code or q.name)
        for q in found.related_qualifications
    ]
    return SearchHelp(
        without_filter=drops,
        related_qualifications=related,
        nearest=[_hit(hit, offer_url) for hit in found.nearest],
        nearest_from=found.nearest_from,
    )


def _hit(hit: Hit, offer_url: OfferUrl) -> SearchHit:
    document = {k: v for k, v in hit.document.items() if k not in ("id", "url", "distance_km")}
    return SearchHit(
        **document,
        id=hit.id,
        distance_km=hit.distance_km,
        url=offer_url(hit.id),
        source_url=hit.document.get("url", ""),
        highlights=hit.highlights,
        score=hit.score,
    )


def page_window(page: int, pages: int, radius: int = 2) -> list[int | None]:
    """Page numbers to link: first, last and those near the current one; None marks a gap."""
    shown = sorted({1, pages, *range(max(1, page - radius), min(pages, page + radius) + 1)})
    window: list[int | None] = []
    for number in shown:
        if window and number - (window[-1] or 0) > 1:
            window.append(None)
        window.append(number)
    return window
