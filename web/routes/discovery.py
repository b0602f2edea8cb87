"""robots.txt and the sitemap (issue 14, part 6): `web/seo.py`, `web/sitemap.py`."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse

from web.errors import NotFound
from web.seo import public_base, robots_txt
from web.services import EngineDep, SettingsDep
from web.sitemap import files, sitemap_index, url_count, urlset

router = APIRouter(include_in_schema=False)

XML = "application/xml"


@router.get("/robots.txt", name="robots_txt")
def robots(request: Request) -> Response:
    return PlainTextResponse(robots_txt(public_base(request)))


@router.get("/sitemap.xml", name="sitemap")
def sitemap(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    per_file = settings.web.sitemap_max_urls
    with Session(engine) as session:
        total = url_count(session)
    base = public_base(request)
    if total > per_file:
        return Response(sitemap_index(base, files(total, per_file)), media_type=XML)
    return StreamingResponse(urlset(engine, base, 0, None), media_type=XML)


@router.get("/sitemap-{number:int}.xml", name="sitemap_file")
def sitemap_file(
    request: Request, number: int, engine: EngineDep, settings: SettingsDep
) -> Response:
    per_file = settings.web.sitemap_max_urls
    with Session(engine) as session:
        count = files(url_count(session), per_file)
    if not 1 <= number <= count:
        raise NotFound(f"The sitemap has no file {number}")
    start = (number - 1) * per_file
    return StreamingResponse(
        urlset(engine, public_base(request), start, start + per_file), media_type=XML
    )
