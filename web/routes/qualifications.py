"""Qualification pages: the list of known qualifications and one page per code (issue 12).

The facts come from `catalogue.qualification_info` (reference tables and published offers); a
search starts from a qualification by its code (`/?q=MEC.08`).
"""

from __future__ import annotations

from itertools import groupby

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.responses import Response

from catalogue.qualification_info import (
    KINDS,
    filter_qualifications,
    known_qualifications,
    qualification_detail,
)
from web.errors import NotFound
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)

MAX_FILTER_LENGTH = 100


@router.get("/kwalifikacje", name="qualifications_page", response_class=HTMLResponse)
def qualifications_page(request: Request, session: SessionDep, templates: TemplatesDep) -> Response:
    text = request.query_params.get("q", "").strip()[:MAX_FILTER_LENGTH]
    occupation = request.query_params.get("zawod", "").strip()[:MAX_FILTER_LENGTH]
    everything = list(known_qualifications(session).values())
    shown = filter_qualifications(everything, text, occupation)
    order = {kind: n for n, kind in enumerate(KINDS)}
    ordered = sorted(shown, key=lambda s: (order[s.kind], s.code))
    groups = [(kind, list(items)) for kind, items in groupby(ordered, key=lambda s: s.kind)]
    context = {
        "text": text,
        "occupation": occupation,
        "groups": groups,
        "shown": len(shown),
        "total": len(everything),
    }
    return templates.TemplateResponse(request, "qualifications/list.html", context)


@router.get("/kwalifikacje/{code}", name="qualification_page", response_class=HTMLResponse)
def qualification_page(
    request: Request, code: str, session: SessionDep, templates: TemplatesDep
) -> Response:
    detail = qualification_detail(session, code[:MAX_FILTER_LENGTH])
    if detail is None:
        raise NotFound(f"Qualification {code!r} is not known")
    return templates.TemplateResponse(request, "qualifications/page.html", {"q": detail})
