"""The institutions' write API: their programs keep their offers with a bearer token.

    curl -X PUT https://…/api/v1/institution/offers/NS-KKZ-01 \\
         -H 'Authorization: Bearer lll_…' -H 'Content-Type: application/json' -d @offer.json

A token (made in the panel, `/panel/tokeny`) belongs to one institution and reaches only that
institution's own offers, by the institution's own id (`external_id`); another's offer is 404.
Only the Authorization header is read: no cookie authorises anything here, so no CSRF token is
needed. Writes go through `operations.institution_offers.save_offer`, with the checks and
problem codes of the form and the upload. The API shares the `/api/…` rate limit
(`RATE_LIMIT_API_PER_SECOND`, `RATE_LIMIT_API_BURST`: 429 with Retry-After past it).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session, col, func, select
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import ApiToken
from catalogue.models import Offer, Source
from operations.api_tokens import authenticate
from operations.institution_api import (
    OfferExists,
    archive_offer,
    external_key,
    find_own_offer,
    write_offer,
)
from operations.institution_offers import fields_of, panel_source_name
from web.errors import NotFound
from web.institution_api_schemas import (
    InstitutionOffer,
    NewOfferBody,
    OfferBody,
    OfferList,
    ReviewReasonOut,
    SavedAnswer,
    api_offer,
    body_problems,
    problem_out,
    summary,
)
from web.offers import MAX_OFFER_ID
from web.services import SessionDep

PREFIX = "/api/v1/institution"
TAG = "institution"
MAX_EXTERNAL_ID = 200
MAX_PAGE = 500
MAX_BODY_BYTES = 1_000_000  # an offer with a few hundred editions is far less


class InstitutionApiRoute(APIRoute):
    """Answers a body FastAPI cannot read (not JSON, wrong types, unknown fields) in the API's
    own problem shape, {code, field, message}, like a body that reads but fails the checks;
    and refuses a body over `MAX_BODY_BYTES` (413), stating its length or sent in chunks."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            if not await _body_within_limit(request):
                return JSONResponse({"detail": f"Body over {MAX_BODY_BYTES} bytes"}, 413)
            try:
                return await handler(request)
            except RequestValidationError as error:
                return JSONResponse({"detail": body_problems(error.errors())}, 422)

        return handle


async def _body_within_limit(request: Request) -> bool:
    length = request.headers.get("content-length")
    if length is not None:
        return length.isdigit() and int(length) <= MAX_BODY_BYTES
    if request.method not in ("POST", "PUT"):
        return True
    # Chunked: read up to the limit. Starlette keeps a body read once in `_body`, where
    # FastAPI's handler reads it next.
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return False
        chunks.append(chunk)
    request._body = b"".join(chunks)
    return True


bearer = HTTPBearer(
    auto_error=False,
    scheme_name="institution_token",
    description="An institution's API token (`lll_…`), made in its panel at /panel/tokeny",
)


def _answer(description: str) -> dict[str, Any]:
    schema = {"type": "object", "properties": {"detail": {}}, "required": ["detail"]}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


UNAUTHORIZED = {
    **_answer("No token, or a token that is unknown or revoked"),
    "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}},
}
NOT_FOUND = _answer("The institution has no offer with this id")
INVALID = _answer(
    "The offer does not pass the checks, or the body cannot be read: `detail` lists each "
    "problem as {code, field, column, message, message_en, severity}"
)
CONFLICT = _answer("The institution already has an offer with this id: PUT replaces one")
TOO_LARGE = _answer(f"The body is over {MAX_BODY_BYTES} bytes")
LOCATION = {"Location": {"schema": {"type": "string"}, "description": "The offer in this API"}}
CREATED = {"model": SavedAnswer, "description": "Created", "headers": LOCATION}

router = APIRouter(
    prefix=PREFIX,
    tags=[TAG],
    responses={401: UNAUTHORIZED, 422: INVALID},
    route_class=InstitutionApiRoute,
)

ExternalId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_EXTERNAL_ID,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="The institution's own id of the offer (`id_oferty` of its files)",
    ),
]


def api_token(
    db: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> ApiToken:
    """The request's live token, or 401 with `WWW-Authenticate: Bearer`."""
    token = authenticate(db, credentials.credentials) if credentials else None
    if token is None:
        challenge = 'Bearer error="invalid_token"' if credentials else "Bearer"
        raise StarletteHTTPException(
            401,
            "A valid API token is required: `Authorization: Bearer lll_…`",
            headers={"WWW-Authenticate": challenge},
        )
    return token


TokenDep = Annotated[ApiToken, Depends(api_token)]


def _own(institution_id: int) -> Any:
    return (
        select(Offer)
        .join(Source, col(Source.id) == col(Offer.source_id))
        .where(Source.name == panel_source_name(institution_id))
    )


def require_own_offer(db: Session, institution_id: int, external_id: str) -> Offer:
    """The institution's own offer with this id; NotFound otherwise (another's included)."""
    offer = find_own_offer(db, institution_id, external_id)
    if offer is None:
        raise NotFound(f"No offer {external_id!r}")
    return offer


@router.get(
    "/offers",
    response_model=OfferList,
    summary="List the institution's own offers",
    description="Every state (draft, review, active, archived), ordered by id; paged by "
    "`after` (the last id of the page before).",
)
def list_offers(
    token: TokenDep,
    db: SessionDep,
    limit: int = Query(100, ge=1, le=MAX_PAGE, description="At most this many"),
    after: int = Query(0, ge=0, le=MAX_OFFER_ID, description="Only offers with a larger id"),
) -> OfferList:
    own = _own(token.institution_id)
    total = db.exec(select(func.count()).select_from(own.subquery())).one()
    page = db.exec(own.where(col(Offer.id) > after).order_by(col(Offer.id)).limit(limit)).all()
    return OfferList(total=total, offers=[summary(offer) for offer in page])


@router.get(
    "/offers/{external_id:path}",
    response_model=InstitutionOffer,
    summary="Read one of the institution's offers",
    description="Its state, the fields as the institution wrote them (the body PUT takes) "
    "and how the catalogue files them.",
    responses={404: NOT_FOUND},
)
def read_offer(token: TokenDep, db: SessionDep, external_id: ExternalId) -> InstitutionOffer:
    offer = require_own_offer(db, token.institution_id, external_id)
    return api_offer(offer, fields_of(offer))


Draft = Annotated[
    bool,
    Query(description="Keep it a draft (seen only by the institution) instead of publishing"),
]


@router.put(
    "/offers/{external_id:path}",
    response_model=SavedAnswer,
    summary="Create or replace an offer by the institution's own id",
    description="Idempotent: the same body again changes nothing (`changed`: false) and adds "
    "no history. 201 when it created the offer. A published offer may wait for the "
    "coordinator's review (`status`: review, `review_reasons` say why). An archived offer "
    "is published again.",
    responses={201: CREATED, 413: TOO_LARGE},
)
def put_offer(
    token: TokenDep, db: SessionDep, external_id: ExternalId, body: OfferBody, draft: Draft = False
) -> JSONResponse:
    return _save(db, token, external_id, body, draft, create_only=False)


@router.post(
    "/offers",
    response_model=SavedAnswer,
    status_code=201,
    summary="Create an offer (its id in the body)",
    description="409 when the institution already has an offer with this id (PUT replaces "
    "one). The answer's Location is the offer's address in this API.",
    responses={201: CREATED, 409: CONFLICT, 413: TOO_LARGE},
)
def post_offer(
    token: TokenDep, db: SessionDep, body: NewOfferBody, draft: Draft = False
) -> JSONResponse:
    fields = OfferBody.model_validate(body.model_dump(exclude={"external_id"}))
    return _save(db, token, body.external_id, fields, draft, create_only=True)


@router.delete(
    "/offers/{external_id:path}",
    response_model=SavedAnswer,
    summary="Archive an offer",
    description="Takes it out of search; the catalogue keeps it and its history. Idempotent: "
    "an archived offer stays archived. PUT publishes it again.",
    responses={404: NOT_FOUND},
)
def archive(token: TokenDep, db: SessionDep, external_id: ExternalId) -> SavedAnswer:
    archived = archive_offer(db, token, external_id)
    if archived is None:
        raise NotFound(f"No offer {external_id!r}")
    offer, changed = archived
    return SavedAnswer(
        id=offer.id or 0, external_id=offer.external_id, status=offer.status, changed=changed
    )


def _save(
    db: Session,
    token: ApiToken,
    external_id: str,
    body: OfferBody,
    draft: bool,
    *,
    create_only: bool,
) -> JSONResponse:
    try:
        written = write_offer(
            db, token, external_id, body.to_fields(), submit=not draft, create_only=create_only
        )
    except OfferExists:
        return JSONResponse({"detail": f"Offer {external_key(external_id)!r} exists"}, 409)
    saved = written.saved
    if saved.errors or saved.offer_id is None or saved.state is None:
        return JSONResponse({"detail": [problem_out(p).model_dump() for p in saved.errors]}, 422)
    answer = SavedAnswer(
        id=saved.offer_id,
        external_id=external_key(external_id),
        status=saved.state,
        changed=saved.changed,
        review_reasons=[
            ReviewReasonOut(code=r.code, message=r.message_pl, message_en=r.message_en)
            for r in saved.review_reasons
        ],
        warnings=[problem_out(p) for p in saved.problems if p.severity != "error"],
    )
    location = f"{PREFIX}/offers/{quote(answer.external_id, safe='')}"
    return JSONResponse(
        answer.model_dump(mode="json"),
        status_code=201 if written.created else 200,
        headers={"Location": location} if written.created else None,
    )
