"""Which ways of paying for a course may apply to a person: the rules of "Czy można to
sfinansować?" (issue 12, part 7).

The routes and their legal sources are data (`data/funding_routes.toml`); this module only
matches a situation (working, unemployed and registered, other; has an employer; age group)
against them. It never decides that a route applies: it lists the ones that *may*, and the
page says whom to ask. Nothing about the person is kept.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from catalogue.normalise.taxonomy import DATA_DIR

WORKING, UNEMPLOYED, OTHER = "working", "unemployed", "other"
STATUSES = (WORKING, UNEMPLOYED, OTHER)
AGE_GROUPS = ("under_25", "25_49", "50_plus")

# What an offer's own data says about a route (`OfferFacts`): it names this funding, or not.
NAMED, NOT_NAMED = "named", "not_named"


@dataclass(frozen=True)
class Situation:
    status: str  # one of STATUSES
    employer: bool  # has an employer who could apply for the person
    age: str  # one of AGE_GROUPS


@dataclass(frozen=True)
class OfferFacts:
    """What the chosen offer says about its funding."""

    kind: str  # an `OfferKind` value
    funding: frozenset[str]  # the `funding` filter's values of the offer: free, kfs, eu, …


@dataclass(frozen=True)
class Route:
    key: str
    statuses: tuple[str, ...]
    needs_employer: bool
    offer_funding: str  # the funding value an offer names when this route is its own
    offer_kinds: tuple[str, ...]  # kinds of offer this route always covers (KKZ: free)
    search_funding: str  # the search filter value of offers of this route ("" for none)
    texts: dict[str, dict[str, str]]  # lang -> name, what, next, ask, legal
    checked: str  # how far the legal source was checked, and where

    def text(self, field: str, lang: str) -> str:
        return self.texts.get(lang, self.texts["pl"])[field]


@dataclass(frozen=True)
class Match:
    route: Route
    offer: str | None  # NAMED or NOT_NAMED when an offer was given, else None


@dataclass(frozen=True)
class Rules:
    routes: tuple[Route, ...]
    age_note: dict[str, str]  # lang -> a general word on age


TEXT_FIELDS = ("name", "what", "next", "ask", "legal")


def parse_rules(data: dict[str, Any]) -> Rules:
    routes = []
    for item in data["route"]:
        unknown = set(item["statuses"]) - set(STATUSES)
        if unknown:
            raise ValueError(f"route {item['key']}: unknown statuses {sorted(unknown)}")
        routes.append(
            Route(
                key=item["key"],
                statuses=tuple(item["statuses"]),
                needs_employer=bool(item["needs_employer"]),
                offer_funding=item.get("offer_funding", ""),
                offer_kinds=tuple(item.get("offer_kinds", ())),
                search_funding=item.get("search_funding", ""),
                texts={
                    lang: {field: item[f"{field}_{lang}"] for field in TEXT_FIELDS}
                    for lang in ("pl", "en")
                },
                checked=item["checked"],
            )
        )
    return Rules(tuple(routes), {lang: data[f"age_note_{lang}"] for lang in ("pl", "en")})


@cache
def funding_rules() -> Rules:
    with (DATA_DIR / "funding_routes.toml").open("rb") as handle:
        return parse_rules(tomllib.load(handle))


def routes_for(
    situation: Situation, offer: OfferFacts | None = None, rules: Rules | None = None
) -> list[Match]:
    """The routes that may apply to the situation, in the data's order, each saying whether
    the offer (when one is given) names that funding itself."""
    rules = rules or funding_rules()
    matches = []
    for route in rules.routes:
        if situation.status not in route.statuses:
            continue
        if route.needs_employer and not situation.employer:
            continue
        matches.append(Match(route, None if offer is None else _offer_says(route, offer)))
    return matches


def _offer_says(route: Route, offer: OfferFacts) -> str:
    named = route.offer_funding in offer.funding or offer.kind in route.offer_kinds
    return NAMED if named else NOT_NAMED


def parse_situation(status: str | None, employer: str | None, age: str | None) -> Situation | None:
    """The situation from the form's answers (GET parameters), or None until it is answered
    with known values: no employer when the question was left out."""
    if status not in STATUSES or age not in AGE_GROUPS:
        return None
    return Situation(status, employer == "tak", age)
