"""Re-users' routes: the bulk exports, their data dictionary (a file and a page) and the feed of
changes a mirror keeps in step by (`GET /api/v1/changes`). See docs/reuse.md."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlmodel import Session
from starlette.requests import Request

from catalogue.changes import changes_after, is_current, offers_by_id
from catalogue.models import Offer, OfferStatus
from web.api_v1_shape import OfferUrl, OfferV1, offer_url_for, offer_v1
from web.edge import asked_head, headers_alone
from web.errors import InvalidInput
from web.i18n import negotiate_language
from web.reuse_export import (
    CSV_TYPE,
    DICTIONARY_PAGE,
    EXPORT_COLUMNS,
    JSONL_TYPE,
    LICENCE_NAME,
    LICENCE_URL,
    XLSX_TYPE,
    csv_chunks,
    dictionary,
    dictionary_json,
    file_chunks,
    jsonl_chunks,
    licence_link,
    offers_v1,
    write_xlsx,
)
from web.services import EngineDep, SettingsDep, TemplatesDep

router = APIRouter(tags=["reuse"])
page_router = APIRouter(include_in_schema=False)

MAX_CHANGES = 500


def _headers(settings: SettingsDep, name: str) -> dict[str, str]:
    return {
        "Link": licence_link(settings.catalogue.public_url),
        "Content-Disposition": f'attachment; filename="{name}"',
        "Cache-Control": "no-cache",
    }


@router.get(
    "/api/v1/export/offers.csv",
    summary="Every current offer as CSV (one row per edition)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}},
)
def export_csv(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    if asked_head(request):
        return headers_alone(CSV_TYPE, _headers(settings, "oferty.csv"))
    offers = offers_v1(engine, offer_url_for(settings.catalogue.public_url))
    return StreamingResponse(
        csv_chunks(offers), media_type=CSV_TYPE, headers=_headers(settings, "oferty.csv")
    )


@router.get(
    "/api/v1/export/offers.jsonl",
    summary="Every current offer as JSON lines (one offer per line, shape version 1)",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/jsonl": {}}}},
)
def export_jsonl(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    if asked_head(request):
        return headers_alone(JSONL_TYPE, _headers(settings, "oferty.jsonl"))
    lang = negotiate_language(request)
    offers = offers_v1(engine, offer_url_for(settings.catalogue.public_url), lang)
    return StreamingResponse(
        jsonl_chunks(offers), media_type=JSONL_TYPE, headers=_headers(settings, "oferty.jsonl")
    )


@router.get(
    "/api/v1/export/offers.xlsx",
    summary="Every current offer as an XLSX workbook (one row per edition)",
    response_class=StreamingResponse,
    responses={200: {"content": {XLSX_TYPE: {}}}},
)
def export_xlsx(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    if asked_head(request):
        return headers_alone(XLSX_TYPE, _headers(settings, "oferty.xlsx"))
    public_url = settings.catalogue.public_url
    path = write_xlsx(offers_v1(engine, offer_url_for(public_url)), public_url)
    return StreamingResponse(
        file_chunks(path), media_type=XLSX_TYPE, headers=_headers(settings, "oferty.xlsx")
    )


@router.get(
    "/api/v1/export/dictionary.json",
    summary="The data dictionary of the exports: every column, its type, meaning and values",
)
def export_dictionary(settings: SettingsDep) -> Response:
    public_url = settings.catalogue.public_url
    return Response(
        dictionary_json(public_url),
        media_type="application/json",
        headers={"Link": licence_link(public_url)},
    )


@page_router.get(DICTIONARY_PAGE, name="reuse_page")
def reuse_page(request: Request, templates: TemplatesDep, settings: SettingsDep) -> Response:
    data = dictionary(settings.catalogue.public_url)
    return templates.TemplateResponse(
        request,
        "reuse.html",
        {
            "columns": EXPORT_COLUMNS,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "files": data["files"],
        },
        headers={"Link": licence_link(settings.catalogue.public_url)},
    )


# --- the changes feed -------------------------------------------------------------------------


class ChangeV1(BaseModel):
    change: Literal["created", "changed", "withdrawn"]
    id: int = Field(description="The offer's id")
    changed_at: datetime
    offer: OfferV1 | None = Field(
        default=None, description="The offer as it is now; null when withdrawn"
    )
    reason: Literal["withdrawn", "archived", "duplicate", "unpublished", "deleted"] | None = Field(
        default=None, description="Why a withdrawn offer is no longer current"
    )
    duplicate_of: int | None = Field(
        default=None, description="The offer it is now a duplicate of (reason duplicate)"
    )


class ChangesV1(BaseModel):
    changes: list[ChangeV1]
    cursor: str = Field(description="Ask again with it for what comes next (now or later)")
    more: bool = Field(description="More changes are ready: ask again at once")


def _encode(since: datetime | None, moment: datetime | None, row_id: int) -> str:
    payload = {
        "s": since.isoformat() if since else None,
        "t": moment.isoformat() if moment else None,
        "i": row_id,
    }
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[datetime | None, tuple[datetime, int] | None]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        since = _aware(datetime.fromisoformat(payload["s"])) if payload["s"] else None
        moment = _aware(datetime.fromisoformat(payload["t"])) if payload["t"] else None
        row_id = int(payload["i"])
    except (ValueError, KeyError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise InvalidInput([_problem("cursor", "This cursor was not given by this feed")]) from exc
    return since, (moment, row_id) if moment is not None else None


def _problem(field: str, message: str) -> dict[str, object]:
    return {"loc": ["query", field], "msg": message, "type": "value_error"}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _naive_utc(moment: datetime) -> datetime:
    """As the database compares it: UTC (SQLite keeps no zone)."""
    return moment.astimezone(UTC)


@router.get(
    "/api/v1/changes",
    response_model=ChangesV1,
    summary="Offers created, changed and withdrawn since a time, oldest first",
    description=(
        "Each offer appears once, at its latest change, in (changed_at, id) order: ask with "
        "`since` (or nothing, for the whole catalogue), then keep asking with the `cursor` "
        "each answer gives, now while `more` is true and later for what changes next. A "
        "withdrawn offer (withdrawn at its source, archived, merged into another source's "
        "record as a duplicate, unpublished or deleted) is to be removed by a mirror. The last "
        "two seconds are left for the next call, so no change is ever passed over."
    ),
)
def changes(
    request: Request,
    engine: EngineDep,
    settings: SettingsDep,
    since: datetime | None = Query(None, description="ISO 8601 time; without a zone, UTC"),
    cursor: str | None = Query(None, max_length=400, description="From the previous answer"),
    limit: int = Query(100, ge=1, le=MAX_CHANGES),
) -> Response:
    after = None
    if cursor:
        since, after = _decode(cursor)
    elif since is not None:
        since = _aware(since)
    lang = negotiate_language(request)
    offer_url = offer_url_for(settings.catalogue.public_url)
    with Session(engine) as session:
        rows = changes_after(session, _naive_utc(since) if since else None, after, limit)
        offers = offers_by_id(session, [row.offer_id for row in rows])
        found = [_change(row.offer_id, row.changed_at, offers.get(row.offer_id), since,
                         offer_url, lang) for row in rows]  # fmt: skip
    if rows:
        last = rows[-1]
        assert last.id is not None
        next_cursor = _encode(since, _aware(last.changed_at), last.id)
    elif after is not None:
        next_cursor = _encode(since, after[0], after[1])
    else:
        next_cursor = _encode(since, None, 0)
    answer = ChangesV1(changes=found, cursor=next_cursor, more=len(rows) == limit)
    return Response(
        answer.model_dump_json(),
        media_type="application/json",
        headers={"Link": licence_link(settings.catalogue.public_url)},
    )


def _change(
    offer_id: int,
    changed_at: datetime,
    offer: Offer | None,
    since: datetime | None,
    offer_url: OfferUrl,
    lang: str,
) -> ChangeV1:
    moment = _aware(changed_at)
    if offer is not None and is_current(offer):
        created = since is None or _aware(offer.first_seen) >= since
        return ChangeV1(
            change="created" if created else "changed",
            id=offer_id,
            changed_at=moment,
            offer=offer_v1(offer, offer_url, lang),
        )
    reason: Literal["withdrawn", "archived", "duplicate", "unpublished", "deleted"]
    if offer is None:
        reason = "deleted"
    elif offer.status == OfferStatus.active:
        reason = "duplicate"
    elif offer.status in (OfferStatus.withdrawn, OfferStatus.archived):
        reason = offer.status.value  # type: ignore[assignment]
    else:
        reason = "unpublished"
    duplicate_of = offer.canonical_id if offer is not None and reason == "duplicate" else None
    return ChangeV1(
        change="withdrawn", id=offer_id, changed_at=moment, reason=reason, duplicate_of=duplicate_of
    )
