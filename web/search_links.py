"""Clean search URLs and the way back from an offer to the search it was found by.

- A search URL never carries an empty parameter: the filter form sends every field, filled or
  not, so the search page redirects such a request to the same search without them.
- An offer linked from the results carries the search's query string in `wroc`; its
  "← Wróć do wyszukiwania" link rebuilds the search from it (or, without `wroc`, from a
  same-origin Referer that is the search page). The link is always the search page's own path
  with a re-encoded query string, whatever was sent: never another site (no open redirect).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import QueryParams
from starlette.requests import Request

SEARCH_PATH = "/"
BACK_PARAM = "wroc"
MAX_BACK_LENGTH = 2000  # characters of a `wroc` value read; a search's query string fits
# Parameters of a request that are not part of the search a person would go back to.
_NOT_SEARCH = {"format", BACK_PARAM}

Items = list[tuple[str, str]]


def filled(items: Iterable[tuple[str, str]]) -> Items:
    """The parameters that say something: a name and a value that is not blank."""
    return [(name, value) for name, value in items if name.strip() and value.strip()]


def clean_search_url(request: Request) -> str | None:
    """The request's URL without its empty parameters, or None when it has none to drop."""
    items = list(request.query_params.multi_items())
    kept = filled(items)
    if len(kept) == len(items):
        return None
    return url_with(request.url.path, kept)


def url_with(path: str, items: Items) -> str:
    query = urlencode(items)
    return f"{path}?{query}" if query else path


def search_query_string(params: QueryParams) -> str:
    """What an offer link carries in `wroc`: the search's filled parameters."""
    return urlencode([(k, v) for k, v in filled(params.multi_items()) if k not in _NOT_SEARCH])


def back_to_search(request: Request) -> str:
    """The offer page's link back: the search it came from, else the search page."""
    raw = request.query_params.get(BACK_PARAM)
    if raw is None:
        raw = _search_referer(request)
    items = [
        (name, value)
        for name, value in filled(parse_qsl((raw or "")[:MAX_BACK_LENGTH]))
        if name not in _NOT_SEARCH
    ]
    chosen_lang = request.query_params.get("lang")
    if chosen_lang and not any(name == "lang" for name, _ in items):
        items.append(("lang", chosen_lang))
    return url_with(SEARCH_PATH, items)


def _search_referer(request: Request) -> str | None:
    """The query of a Referer that is this site's search page; None for anything else."""
    try:
        referer = urlsplit(request.headers.get("referer", ""))
    except ValueError:  # "http://[::1" and the like
        return None
    # The Host is the public address's (web.edge); the scheme may be a proxy's https.
    if referer.scheme not in ("http", "https") or referer.netloc != request.url.netloc:
        return None
    return referer.query if referer.path == SEARCH_PATH else None
