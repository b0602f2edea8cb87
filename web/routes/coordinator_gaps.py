"""The coordinator's gaps against the labour market: the occupational barometer imported, and
per powiat the occupations in shortage with no offer preparing for them within 30 km.

    GET  /koordynator/barometr                 the import form, the imports so far
    POST /koordynator/barometr                 import a file: its result, every rejected row
    GET  /koordynator/luki                     the region: per powiat, shortages and gaps
    GET  /koordynator/luki?powiat=0811&rok=…   one powiat: each shortage with its offers

The work is `operations.barometer`'s; the coordinator only, every POST with its CSRF token.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.responses import Response

from catalogue.barometer import MAX_BYTES, BarometerFileError, by_name, powiats
from operations.barometer import (
    RADIUS_KM,
    ImportResult,
    import_barometer,
    imported_years,
    powiat_gaps,
    recent_imports,
    region_gaps,
)
from web.auth import CoordinatorDep, CsrfDep
from web.errors import NotFound
from web.services import SessionDep, TemplatesDep

router = APIRouter()
IMPORT_PATH = "/koordynator/barometr"
GAPS_PATH = "/koordynator/luki"
SHOWN_REJECTIONS = 500


def _import_page(
    request: Request,
    db: SessionDep,
    templates: TemplatesDep,
    *,
    result: ImportResult | None = None,
    problem: str | None = None,
    missing: bool = False,
) -> Response:
    context = {
        "imports": recent_imports(db),
        "result": result,
        "rejections": result.rejected[:SHOWN_REJECTIONS] if result else [],
        "more_rejections": max(len(result.rejected) - SHOWN_REJECTIONS, 0) if result else 0,
        "problem": problem,
        "missing": missing,
        "max_mb": MAX_BYTES // 1048576,
    }
    status = 422 if problem or missing else 200
    return templates.TemplateResponse(
        request, "coordinator/barometer.html", context, status_code=status
    )


@router.get(IMPORT_PATH, name="barometer_import", response_class=HTMLResponse)
def import_form(
    request: Request, account: CoordinatorDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _import_page(request, db, templates)


@router.post(IMPORT_PATH, name="barometer_import_file", dependencies=[CsrfDep])
async def import_file(
    request: Request,
    account: CoordinatorDep,
    db: SessionDep,
    templates: TemplatesDep,
    plik: Annotated[UploadFile | None, File()] = None,
) -> Response:
    if plik is None or not plik.filename:  # sent without choosing a file
        return _import_page(request, db, templates, missing=True)
    data = await plik.read(MAX_BYTES + 1)  # enough to tell a file is too large
    try:
        result = import_barometer(db, data, plik.filename, via="panel")
    except BarometerFileError as exc:
        return _import_page(request, db, templates, problem=str(exc))
    return _import_page(request, db, templates, result=result)


@router.get(GAPS_PATH, name="barometer_gaps", response_class=HTMLResponse)
def gaps_page(
    request: Request,
    account: CoordinatorDep,
    db: SessionDep,
    templates: TemplatesDep,
    rok: str = "",
    powiat: str = "",
) -> Response:
    years = imported_years(db)
    if rok and not (rok.isdigit() and int(rok) in years):
        raise NotFound()
    if powiat and powiat not in powiats():
        raise NotFound()
    year = int(rok) if rok else (years[0] if years else None)
    context: dict[str, Any] = {
        "years": years,
        "year": year,
        "radius": int(RADIUS_KM),
        "powiats": sorted(powiats().values(), key=by_name),
        "chosen": powiat,
    }
    if year is None:
        template = "coordinator/gaps.html"
        context["region"] = []
    elif powiat:
        template = "coordinator/gaps_powiat.html"
        context["gaps"] = powiat_gaps(db, powiat, year)
    else:
        template = "coordinator/gaps.html"
        context["region"] = region_gaps(db, year)
    return templates.TemplateResponse(request, template, context)
