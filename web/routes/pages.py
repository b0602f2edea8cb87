"""The HTML pages: search and offer. Their JSON is the read API's (`web.routes.api_v1`)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from web.chips import clear_filters_url, filter_chips
from web.errors import NotFound
from web.filter_form import filter_groups, radius_choices, town_names
from web.i18n import negotiate_language
from web.offers import load_offer, offer_page
from web.params import beyond_last_page, parse_search
from web.routes.api_v1 import search_json_moved
from web.search_links import BACK_PARAM, back_to_search, clean_search_url, search_query_string
from web.searching import page_window, search_response
from web.services import SearchDep, SessionDep, SettingsDep, TemplatesDep
from web.structured_data import offer_seo
from web.templating import link
from web.understood import understood_chips

router = APIRouter(include_in_schema=False)


@router.get("/", name="search_page", response_class=HTMLResponse)
def search_page(request: Request, search: SearchDep, templates: TemplatesDep) -> Response:
    if request.query_params.get("format") == "json":
        return search_json_moved(request)  # its JSON twin is the read API's search now
    # The filter form sends its empty fields too: the same search without them (issue 13).
    clean = clean_search_url(request)
    if clean is not None:
        return RedirectResponse(clean, status_code=303)
    lang = negotiate_language(request)
    search_input = parse_search(request.query_params)
    results = search.search(search_input.query)
    if beyond_last_page(search_input.query, results.pages) is not None:
        raise NotFound()
    # An offer found here links back to this search ("← Wróć do wyszukiwania").
    back = {BACK_PARAM: search_query_string(request.query_params)}
    response = search_response(
        results, lambda offer_id: link(request, f"/oferty/{offer_id}", **back), lang
    )
    context = {
        "query": search_input.query,
        "problems": [problem.message(lang) for problem in search_input.problems],
        "results": response,
        "filter_groups": filter_groups(response, search_input.query, request.query_params, lang),
        "town_names": town_names(),
        "radius_choices": radius_choices,
        "page_window": page_window(response.page, response.pages),
        "filter_chips": filter_chips(search_input.query, request.query_params, lang),
        "understood_chips": understood_chips(results.understood, request.query_params, lang),
        "clear_filters_url": clear_filters_url(request.query_params),
        "today": date.today().isoformat(),
    }
    # An enhanced form (HX-Request) asks only for the fragment it replaces.
    template = "_results.html" if request.headers.get("hx-request") else "search.html"
    return templates.TemplateResponse(request, template, context)


@router.get("/oferty/{offer_id:int}", name="offer_page", response_class=HTMLResponse)
def offer_html(
    request: Request, offer_id: int, session: SessionDep, templates: TemplatesDep
) -> Response:
    offer = load_offer(session, offer_id)
    page = offer_page(offer, negotiate_language(request))
    context = {"page": page, "back_url": back_to_search(request)}
    context |= offer_seo(request, offer, page)  # issue 14: canonical URL and JSON-LD
    return templates.TemplateResponse(request, "offer.html", context)


@router.get("/o-robocie", name="crawler_page", response_class=HTMLResponse)
def crawler_page(request: Request, settings: SettingsDep, templates: TemplatesDep) -> Response:
    """What our crawler does and how to reach us: the page its user agent links."""
    agent = settings.crawlers.user_agent_for(settings.catalogue.public_url)
    return templates.TemplateResponse(request, "robot.html", {"user_agent": agent})
