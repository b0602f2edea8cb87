"""The region at a glance, for the coordinator (issue 14).

    GET /koordynator/region                 counts by area, field, level, kind, form, price,
                                            powiat, and by month, each a chart beside its table
    GET /koordynator/region/mapa            the powiats coloured by offers per 10,000 residents
    GET /koordynator/region/<table>.csv     each table as CSV, exactly as the page shows it

Every page takes the search's filters (`zsu_area`, `isced_broad`, `prk_level`, `kind`, `form`,
`powiat`) from a GET form. The counting is `operations.region.region_counts`; this module only
lays the numbers out in the reader's language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.responses import Response

from operations.region import (
    PRICE_BANDS,
    UNKNOWN,
    RegionCounts,
    RegionFilters,
    Tally,
    per_10k,
    recent_region_counts,
    residents,
)
from search import filter_labels
from search.filter_labels import Labels
from search.label_language import in_language
from web.auth import CoordinatorDep
from web.errors import InvalidInput
from web.i18n import Translator, negotiate_language
from web.region_charts import BarChart, PowiatMap, bar_chart, powiat_map
from web.services import SessionDep, TemplatesDep

router = APIRouter()
PATH = "/koordynator/region"
MAP_PATH = f"{PATH}/mapa"

# Filter -> (its labels, the message key of its name), in the form's order.
FILTER_LABELS: dict[str, tuple[Callable[[], Labels], str]] = {
    "zsu_area": (filter_labels.zsu_areas, "region.dim.zsu_area"),
    "isced_broad": (filter_labels.isced_broad, "region.dim.isced_broad"),
    "prk_level": (filter_labels.prk_levels, "region.dim.prk_level"),
    "kind": (filter_labels.kinds, "region.dim.kind"),
    "form": (filter_labels.forms, "region.dim.form"),
    "powiat": (filter_labels.powiats, "region.dim.powiat"),
}
# CSV name -> the dimension its table counts by.
TABLES = {
    "obszary": "zsu_area",
    "dziedziny": "isced_broad",
    "poziomy": "prk_level",
    "rodzaje": "kind",
    "formy": "form",
    "ceny": "price",
    "powiaty": "powiat",
}
MONTHS_TABLE = "miesiace"
MAP_TABLE = "mapa"
CSV_NAMES = (*TABLES, MONTHS_TABLE, MAP_TABLE)


@dataclass(frozen=True)
class RegionTable:
    name: str  # the CSV's name
    title: str
    columns: list[str]
    rows: list[list[str]]
    chart: BarChart | None = None
    # Each row's search with the page's filters and the row's value (None: no such search)
    links: list[str | None] | None = None


def parse_filters(request: Request) -> RegionFilters:
    """The chosen filters; a value the search does not know answers 422, as the search does."""
    chosen: dict[str, tuple[str, ...]] = {}
    problems = []
    for name, (labels, _) in FILTER_LABELS.items():
        values = tuple(v for v in request.query_params.getlist(name) if v)
        unknown = [v for v in values if v not in labels()]
        problems += [
            {"loc": ["query", name], "msg": "unknown value", "type": "value", "input": v}
            for v in unknown
        ]
        chosen[name] = values
    if problems:
        raise InvalidInput(problems)
    return RegionFilters(**chosen)


def _counts(request: Request, db: SessionDep) -> tuple[RegionFilters, RegionCounts]:
    filters = parse_filters(request)
    return filters, recent_region_counts(db, filters, date.today())


def _labels(dimension: str, t: Translator, lang: str) -> dict[str, str]:
    if dimension == "price":
        return {band: t(f"region.price.{band}") for band in PRICE_BANDS}
    labels = FILTER_LABELS[dimension][0]()
    return {code: in_language(pl, en, lang) for code, (pl, en) in labels.items()}


def _number(value: int) -> str:
    return str(value)


def search_link(filters: RegionFilters, dimension: str, code: str, lang: str) -> str | None:
    """The search for the offers a row counts: the page's filters with the row's value."""
    if dimension not in FILTER_LABELS or code == UNKNOWN:
        return None
    chosen = {**filters.chosen(), dimension: (code,)}
    if lang != "pl":
        chosen["lang"] = (lang,)
    return "/?" + urlencode(chosen, doseq=True)


def dimension_table(
    name: str,
    counts: RegionCounts,
    t: Translator,
    lang: str,
    with_chart: bool = True,
    filters: RegionFilters | None = None,
) -> RegionTable:
    """One dimension's table: every known value (zeros too: a gap shows), then the unknown;
    with `filters`, each row links to the search for its offers."""
    dimension = TABLES[name]
    tallies = counts.by.get(dimension, {})
    labels = _labels(dimension, t, lang)
    rows = [(code, label, tallies.get(code, Tally())) for code, label in labels.items()]
    if UNKNOWN in tallies:
        rows.append((UNKNOWN, t("region.unknown"), tallies[UNKNOWN]))
    links = None
    if filters is not None:
        links = [search_link(filters, dimension, code, lang) for code, _, _ in rows]
    legend = (t("region.col.offers_short"), t("region.col.editions_short"))
    chart = bar_chart([(label, n.offers, n.editions) for _, label, n in rows], legend)
    return RegionTable(
        name,
        t(f"region.dim.{dimension}"),
        [t(f"region.dim.{dimension}"), t("region.col.offers"), t("region.col.editions")],
        [[label, _number(n.offers), _number(n.editions)] for _, label, n in rows],
        chart if with_chart else None,
        links,
    )


def months_table(counts: RegionCounts, t: Translator, with_chart: bool = True) -> RegionTable:
    rows = counts.months
    legend = (t("region.col.first_seen"), t("region.col.starting"))
    chart = bar_chart([(m.month, m.first_seen, m.starting) for m in rows], legend)
    return RegionTable(
        MONTHS_TABLE,
        t("region.months.title"),
        [t("region.col.month"), t("region.col.first_seen"), t("region.col.starting")],
        [[m.month, _number(m.first_seen), _number(m.starting)] for m in rows],
        chart if with_chart else None,
    )


def rate_format(rates: Mapping[str, float], lang: str) -> Callable[[float], str]:
    """How the rates are written: two decimals while every one is under 10 (a small or filtered
    catalogue), one otherwise; a decimal comma but in English."""
    decimals = 2 if max(rates.values(), default=0) < 10 else 1

    def written(value: float) -> str:
        text = f"{value:.{decimals}f}"
        return text if lang == "en" else text.replace(".", ",")

    return written


def map_table(
    counts: RegionCounts, t: Translator, lang: str
) -> tuple[RegionTable, PowiatMap, Callable[[float], str]]:
    people = residents()
    offers = counts.by.get("powiat", {})
    rates = per_10k(offers, people)
    written = rate_format(rates, lang)
    names = {c: pl for c, (pl, _) in filter_labels.powiats().items() if c in people}
    rows = [
        [
            names[code],
            _number(people[code]),
            _number(offers[code].offers if code in offers else 0),
            written(rates[code]),
        ]
        for code in names
    ]
    table = RegionTable(
        MAP_TABLE,
        t("region.map.table"),
        [
            t("region.dim.powiat"),
            t("region.col.residents"),
            t("region.col.offers"),
            t("region.col.per_10k"),
        ],
        rows,
    )
    return table, powiat_map(rates, names), written


def _form_fields(filters: RegionFilters, t: Translator, lang: str) -> list[dict[str, object]]:
    fields = []
    for name, (labels, key) in FILTER_LABELS.items():
        chosen = getattr(filters, name)
        fields.append(
            {
                "name": name,
                "label": t(key),
                "options": [
                    (code, in_language(pl, en, lang)) for code, (pl, en) in labels().items()
                ],
                "selected": chosen[0] if chosen else "",
            }
        )
    return fields


def _context(request: Request, filters: RegionFilters, counts: RegionCounts) -> dict[str, object]:
    lang = negotiate_language(request)
    query = request.url.query
    return {
        "counts": counts,
        "fields": _form_fields(filters, Translator(lang), lang),
        "filtered": bool(filters.chosen()),
        "csv_query": f"?{query}" if query else "",
        "region_path": PATH,
        "map_path": MAP_PATH,
    }


@router.get(PATH, response_class=HTMLResponse)
def region_page(
    request: Request, coordinator: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    filters, counts = _counts(request, db)
    lang = negotiate_language(request)
    t = Translator(lang)
    tables = [dimension_table(name, counts, t, lang, filters=filters) for name in TABLES]
    context = {
        **_context(request, filters, counts),
        "tables": tables,
        "months": months_table(counts, t),
    }
    return templates.TemplateResponse(request, "coordinator/region.html", context)


@router.get(MAP_PATH, response_class=HTMLResponse)
def region_map_page(
    request: Request, coordinator: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    filters, counts = _counts(request, db)
    lang = negotiate_language(request)
    table, drawn, written = map_table(counts, Translator(lang), lang)
    context = {
        **_context(request, filters, counts),
        "table": table,
        "map": drawn,
        "per10k": written,
    }
    return templates.TemplateResponse(request, "coordinator/region_map.html", context)


def csv_text(table: RegionTable) -> str:
    """The table as CSV with a byte-order mark, so that Excel reads the Polish letters."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue()


def _csv_route(name: str) -> Callable[..., Response]:
    def download(request: Request, coordinator: CoordinatorDep, db: SessionDep) -> Response:
        _, counts = _counts(request, db)
        lang = negotiate_language(request)
        t = Translator(lang)
        if name == MONTHS_TABLE:
            table = months_table(counts, t, with_chart=False)
        elif name == MAP_TABLE:
            table = map_table(counts, t, lang)[0]
        else:
            table = dimension_table(name, counts, t, lang, with_chart=False)
        return Response(
            csv_text(table),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="region-{name}.csv"'},
        )

    download.__name__ = f"region_csv_{name}"
    return download


for _name in CSV_NAMES:
    router.add_api_route(f"{PATH}/{_name}.csv", _csv_route(_name), methods=["GET"])
