"""Parse and bound the search input once, for both the pages and the API.

`parse_search` never fails: it returns the nearest valid `Query` together with the problems it
had to correct. The page shows those problems as friendly notes; the API refuses them (422).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams

from search.filters import FACETS, FILTERS, InvalidValue, near_point
from search.interface import MAX_PER_PAGE, MAX_QUERY_LENGTH, SORTS, Query
from search.label_language import in_language
from web.errors import InvalidInput
from web.i18n import Translator
from web.understood import LITERAL_PARAM, literal_keys

MAX_PAGE = 1000
DEFAULT_PER_PAGE = 20
# Control characters (NUL, escape, ...) have no place in a query; tabs and newlines become spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    """One corrected piece of input: the parameter, the message key and its values."""

    param: str
    key: str
    given: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        values = dict(self.values)
        if "name_pl" in values:  # a filter's own label, in the reader's language
            values["name"] = in_language(values["name_pl"], values["name_en"], lang)
        return Translator(lang)(self.key, **values)

    def as_error(self) -> dict[str, Any]:
        """The shape FastAPI uses for its own 422 answers."""
        return {
            "loc": ["query", self.param],
            "msg": self.message("en"),
            "type": self.key.removeprefix("problem."),
            "input": self.given,
        }


@dataclass(frozen=True)
class SearchInput:
    query: Query
    problems: tuple[Problem, ...] = ()

    def require_valid(self) -> Query:
        """The query, or `InvalidInput` listing every problem (the API's strict reading)."""
        if self.problems:
            raise InvalidInput([problem.as_error() for problem in self.problems])
        return self.query


def parse_search(params: QueryParams) -> SearchInput:
    problems: list[Problem] = []
    text = _parse_text(params.get("q", ""), problems)
    page = _parse_int(params, "page", 1, MAX_PAGE, "problem.page", problems)
    per_page = _parse_int(
        params, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE, "problem.per_page", problems
    )
    # Without words the backends order "relevance" by the soonest start; the form then keeps
    # showing "relevance", so that typing a query later does not silently sort by date.
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        problems.append(Problem("sort", "problem.sort", sort))
        sort = "relevance"
    filters = _parse_filters(params, problems)
    if sort == "distance" and near_point(filters) is None:
        problems.append(Problem("sort", "problem.sort_distance", sort))
        sort = "relevance"
    query = Query(
        text=text,
        filters=filters,
        facets=FACETS,
        sort=sort,
        page=page,
        per_page=per_page,
        # The meanings of the words the person took back (chips above the results).
        literal=literal_keys(params.getlist(LITERAL_PARAM)),
    )
    return SearchInput(query, tuple(problems))


def beyond_last_page(query: Query, pages: int) -> Problem | None:
    """A page after the last one of the results (page 999 of 5): the page answers 404, the
    API refuses it (422) like any other page number it cannot show."""
    if query.page <= pages:
        return None
    return Problem(
        "page", "problem.page_beyond", str(query.page), {"page": query.page, "pages": pages}
    )


def _parse_text(raw: str, problems: list[Problem]) -> str:
    text = " ".join(_CONTROL.sub(" ", raw).split())
    if len(text) > MAX_QUERY_LENGTH:
        problems.append(
            Problem("q", "problem.q_too_long", raw[:50] + "…", {"limit": MAX_QUERY_LENGTH})
        )
        text = text[:MAX_QUERY_LENGTH].rstrip()
    return text


def _parse_int(
    params: QueryParams, name: str, default: int, limit: int, key: str, problems: list[Problem]
) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = default
    else:
        if 1 <= value <= limit:
            return value
        value = min(max(value, 1), limit)
    problems.append(Problem(name, key, raw[:50], {"limit": limit}))
    return value


def _parse_filters(params: QueryParams, problems: list[Problem]) -> dict[str, Any]:
    """Each filter reads its own parameters (see `search.filters`); what it cannot use is left
    out and reported."""
    selected: dict[str, Any] = {}
    for declaration in FILTERS:
        value, invalid = declaration.parse(params.getlist)
        problems += [_problem(error) for error in invalid]
        if value is not None:
            selected[declaration.name] = value
    return selected


def _problem(error: InvalidValue) -> Problem:
    return Problem(error.param, f"problem.filter.{error.reason}", error.given, error.values)


def openapi_parameters() -> list[dict[str, Any]]:
    """The search parameters for the OpenAPI schema, filters taken from their declarations."""
    standard: list[dict[str, Any]] = [
        _param(
            "q",
            "Free text (Polish inflections, no diacritics needed).",
            {"type": "string", "maxLength": MAX_QUERY_LENGTH, "default": ""},
        ),
        _param(
            "sort",
            "Order of hits, ties by id; without `q`, `relevance` lists the soonest start first. "
            "`distance` (nearest edition first, offers without a place last) needs `near`.",
            {"type": "string", "enum": list(SORTS), "default": "relevance"},
        ),
        _param(
            "page",
            "Page of hits; a page after the last one is refused (422).",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        ),
        _param(
            "per_page",
            "Hits per page.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        ),
    ]
    literal = _param(
        LITERAL_PARAM,
        "Take these words of `q` literally: the `key` of an understood meaning "
        '(`understood` in the answer, e.g. "price.free"), repeatable; `1` for every word.',
        {"type": "array", "items": {"type": "string"}},
    )
    standard.append(literal)
    filters = [_param(p.name, p.description, p.schema) for f in FILTERS for p in f.api_params()]
    return standard + filters


def _param(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if schema.get("type") == "array" else {}),
    }
