"""Every search filter, declared once.

A declaration names the filter, the search-document field it reads and that field's type, its
Polish and English labels and help, its query parameters (with their OpenAPI schemas), how to
read and check their raw string values, whether it has a facet, and the `search.conditions`
condition a chosen value means. From `FILTERS` are generated: the tantivy clauses and fields
(`search.tantivy.query.filter_clauses`, `search.tantivy.schema`), the facet counts, the API's
parameters and documentation (`web.params`) and the filter form (`web.filter_form`). A
Meilisearch translator reads the same declarations: `field`, `field_type`, and the condition of
each value (`AnyOf`, `IsTrue`, `Between`, `Within`, `Either`; see `search.conditions`).

The filters (query parameters in brackets):

- terms, faceted, OR within a filter: `kind`, `isced_broad`, `isced_narrow`, `zsu_area`,
  `prk_level`, `form`, `powiat` (with `online` for offers followed from anywhere), `funding`
  (see `search.funding` for how the words of a source become `free`/`kfs`/`eu`/`subsidised`),
  `language`. ISCED-F is two facets: `isced_narrow` counts under every filter but its own, so
  once a broad field is chosen only its narrow fields have counts; the form shows the narrow
  facet only then (`web.filter_form`). Choosing a narrow field alone is allowed.
- yes/no, faceted (the count of offers that would remain): `free` (an edition costs nothing or
  the source says so) and `enrolment_open` (some edition still takes enrolments: its
  enrolment end is today or later, or, with no enrolment end given, it starts after today;
  the document holds the last such day, `enrolment_until`, so "today" is the search's).
- numeric ranges: `price_max` (zł, compared in grosze with the cheapest edition, unknown prices
  never match) and `hours_min`/`hours_max` (the offer's duration in hours).
- date range: `start_from`/`start_to`, ISO or Polish dates: an offer matches when one of its
  upcoming editions (starting today or later) starts in the range, both days included.
- distance: `near` (a Lubuskie town, resolved by the normaliser's place table, or "lat,lon"),
  `radius_km`, `include_online`. An offer matches when one of its editions is held within the
  radius (exact haversine, `search.geo`); with `include_online` offers that can be followed
  online match too. `near` alone filters nothing: it gives the point for `sort=distance` and the
  distance shown on each hit.

Adding a filter: add its declaration to `FILTERS` (and its field to the document, if new).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from search import filter_labels as labels
from search.conditions import Between, Condition, IsTrue, Near, Range
from search.filter_kinds import Filter, FlagFilter, InvalidValue, Param, TermsFilter
from search.filter_labels import DATA_DIR
from search.filter_ranges import DateRangeFilter, DistanceFilter, RangeFilter

__all__ = [
    "BY_NAME",
    "DATA_DIR",
    "FACETS",
    "FILTERS",
    "TERM_FILTERS",
    "Condition",
    "DateRangeFilter",
    "DistanceFilter",
    "Filter",
    "FilterValue",
    "FlagFilter",
    "InvalidValue",
    "Near",
    "Param",
    "Range",
    "RangeFilter",
    "TermsFilter",
    "conditions",
    "get_filter",
    "near_point",
]

FilterValue = tuple[str, ...] | bool | Range | Near

FILTERS: tuple[Filter, ...] = (
    TermsFilter("kind", "kind", "Rodzaj", "Kind", labels.kinds),
    TermsFilter("isced_broad", "isced_broad", "Dziedzina", "Field of education",
                labels.isced_broad, help_pl="Dziedzina kształcenia według ISCED-F 2013",
                help_en="Broad field of education (ISCED-F 2013)"),
    TermsFilter("isced_narrow", "isced_narrow", "Dziedzina szczegółowa", "Narrow field",
                labels.isced_narrow, help_pl="Węższa dziedzina w wybranej dziedzinie",
                help_en="Narrow field of education (ISCED-F 2013) within the broad one"),
    TermsFilter("zsu_area", "zsu_area", "Obszar ZSU 2030", "ZSU 2030 area", labels.zsu_areas,
                help_pl="Obszar oddziaływania Zintegrowanej Strategii Umiejętności 2030",
                help_en="Area of impact of the Integrated Skills Strategy 2030"),
    TermsFilter("prk_level", "prk_level", "Poziom PRK", "PQF level", labels.prk_levels,
                help_pl="Poziom Polskiej Ramy Kwalifikacji (1–8)",
                help_en="Level of the Polish Qualifications Framework (1-8, as EQF)"),
    TermsFilter("form", "form", "Forma", "Delivery form", labels.forms),
    TermsFilter("powiat", "powiat", "Powiat", "County", labels.powiats, multi_valued=True,
                help_pl="Powiat, w którym odbywają się zajęcia, albo online",
                help_en="TERYT code of a county where an edition is held, or `online`"),
    TermsFilter("funding", "funding", "Finansowanie", "Funding", labels.funding,
                multi_valued=True, help_pl="Bezpłatne lub z dofinansowaniem",
                help_en="Free of charge, or co-funded (KFS, EU funds, other subsidy)"),
    TermsFilter("language", "language", "Język zajęć", "Language", labels.languages),
    FlagFilter("free", "is_free", "Tylko bezpłatne", "Free only",
               lambda today: IsTrue("is_free"), field_type="bool",
               help_pl="Oferty z bezpłatną edycją",
               help_en="Offers with an edition free of charge"),
    FlagFilter("enrolment_open", "enrolment_until", "Trwają zapisy", "Enrolment open",
               lambda today: Between("enrolment_until", today, None), field_type="date",
               help_pl="Zapisy trwają dziś albo zajęcia jeszcze się nie zaczęły",
               help_en="Enrolment ends today or later, or (without an enrolment end) the "
               "edition starts after today"),
    RangeFilter("price", "price_min_grosze", "Cena", "Price", field_type="int",
                max_param=Param("price_max", "Cena do (zł)", "Price up to (PLN)"),
                scale=100, maximum=1_000_000,
                help_pl="Najtańsza edycja kosztuje najwyżej tyle złotych",
                help_en="The cheapest edition costs at most this many złoty (PLN)"),
    RangeFilter("hours", "duration_hours", "Liczba godzin", "Duration (hours)",
                field_type="float",
                min_param=Param("hours_min", "Godzin od", "Hours from"),
                max_param=Param("hours_max", "Godzin do", "Hours up to"),
                maximum=100_000, help_pl="Czas trwania w godzinach",
                help_en="Duration of the offer in hours"),
    DateRangeFilter("start", "starts", "Termin rozpoczęcia", "Start date",
                    from_param=Param("start_from", "Rozpoczęcie od", "Starting from"),
                    to_param=Param("start_to", "Rozpoczęcie do", "Starting by"),
                    help_pl="Najbliższe edycje zaczynające się w tym okresie",
                    help_en="An upcoming edition starts between these dates (inclusive)"),
    DistanceFilter("distance", "points", "Odległość", "Distance",
                   help_pl="Miejscowość w lubuskiem albo współrzędne „52.51,15.45”",
                   help_en="A Lubuskie town or a point `lat,lon`"),
)  # fmt: skip
BY_NAME: dict[str, Filter] = {f.name: f for f in FILTERS}
TERM_FILTERS: tuple[TermsFilter, ...] = tuple(f for f in FILTERS if isinstance(f, TermsFilter))
FACETS: tuple[str, ...] = tuple(f.name for f in FILTERS if f.facet)


def get_filter(name: str) -> Filter:
    """The declaration of a filter; `ValueError` with the known names for an unknown one."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown filter {name!r}; known: {', '.join(BY_NAME)}") from None


def near_point(filters: Mapping[str, Any]) -> Near | None:
    """The point distances are measured from, when a distance filter has one."""
    for name, value in filters.items():
        if isinstance(get_filter(name), DistanceFilter) and isinstance(value, Near):
            return value
    return None


def conditions(filters: Mapping[str, Any], today: date) -> dict[str, Condition]:
    """filter name -> the condition its value means (filters that restrict nothing are left out)."""
    found = {}
    for name, value in filters.items():
        condition = get_filter(name).condition(value, today)
        if condition is not None:
            found[name] = condition
    return found
