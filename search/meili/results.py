"""Meilisearch answers as our `Hit`s and facet counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from search.filters import get_filter
from search.geo import nearest_km
from search.interface import Hit
from search.meili.documents import POINT_FIELDS, from_hit
from search.meili.highlight import marked, render, snippet
from search.meili.query import facet_attribute
from search.query_terms import QueryTerm


def hits(
    answer: Mapping[str, Any],
    terms: list[QueryTerm],
    relevance: bool,
    near: tuple[float, float] | None = None,
) -> list[Hit]:
    """The hits of a search answer, in its order."""
    return [_hit(raw, terms, relevance, near) for raw in answer.get("hits") or ()]


def total(answer: Mapping[str, Any]) -> int:
    """`totalHits` (exact, as every search here pages with `page`/`hitsPerPage`)."""
    return int(answer.get("totalHits") or 0)


def distribution(answer: Mapping[str, Any], attribute: str) -> dict[str, int]:
    """value -> count of one attribute, from a search or a federated answer.

    Empty strings are left out: the embedded backend does not count them, and nobody can
    choose them.
    """
    found: Mapping[str, Any] | None = answer.get("facetDistribution")
    if found is None:  # federated: {"facetsByIndex": {uid: {"distribution": {...}}}}
        by_index: Mapping[str, Any] = answer.get("facetsByIndex") or {}
        first: Mapping[str, Any] = next(iter(by_index.values()), {})
        found = first.get("distribution") or {}
    counts: Mapping[str, Any] = found.get(attribute) or {}
    return {str(value): int(n) for value, n in counts.items() if value != "" and n}


def facet_counts(
    facets: Sequence[str], answers: Sequence[Mapping[str, Any]], where: list[tuple[str, int]]
) -> dict[str, dict[str, int]]:
    """filter name -> value -> count, each read from the answer of the ask that counts it; a
    yes/no facet is `{"true": n}` (`{}` when nothing would remain), as the embedded backend's."""
    counts: dict[str, dict[str, int]] = {}
    for name, position in where:
        answer = answers[position]
        if get_filter(name).kind == "terms":
            counts[name] = distribution(answer, facet_attribute(name))
        else:
            n = total(answer)
            counts[name] = {"true": n} if n else {}
    return {name: counts[name] for name in facets}


def _hit(
    raw: Mapping[str, Any],
    terms: list[QueryTerm],
    relevance: bool,
    near: tuple[float, float] | None,
) -> Hit:
    document = from_hit(raw)
    formatted = raw.get("_formatted") or {}
    title = _text(document.get("title"))
    description = _text(document.get("description"))
    described = marked(description, formatted.get("description"), terms)
    highlights = {
        "title": render(title, marked(title, formatted.get("title"), terms)),
        "description": snippet(description, described),
    }
    score = float(raw.get("_rankingScore") or 0.0) if relevance else 0.0
    return Hit(document["id"], score, document, highlights, _distance(document, near))


def _distance(document: Mapping[str, Any], near: tuple[float, float] | None) -> float | None:
    if near is None:
        return None
    points = [p for field in sorted(POINT_FIELDS) for p in document.get(field) or ()]
    km = nearest_km(points, near[0], near[1])
    return None if km is None else round(km, 1)  # as the embedded backend shows it


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
