"""The ELM 3 export (issue 14, part 7): every published offer, and one offer, as learning
opportunities of the European Learning Model in JSON-LD (`web/elm.py`,
docs/decisions/0019-elm3-export.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from sqlalchemy.engine import Engine
from sqlmodel import Session, and_, col, select
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from catalogue.models import Offer, OfferStatus
from catalogue.offer_details import with_details
from web.edge import asked_head, headers_alone
from web.elm import document, learning_opportunity, stream
from web.offers import load_offer
from web.seo import public_base
from web.services import EngineDep, SessionDep

router = APIRouter(tags=["offers"])

MEDIA_TYPE = "application/ld+json"
BATCH = 500  # offers read with their details at once


def _published() -> Any:
    return and_(col(Offer.status) == OfferStatus.active, col(Offer.canonical_id).is_(None))


def all_opportunities(engine: Engine, base: str) -> Iterator[dict[str, Any]]:
    """Every published offer (a duplicate is its canonical offer's), in batches of `BATCH`."""
    with Session(engine) as session:
        ids = list(session.exec(select(Offer.id).where(_published()).order_by(col(Offer.id))))
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            offers = session.exec(
                with_details(select(Offer).where(col(Offer.id).in_(batch)).order_by(col(Offer.id)))
            ).all()
            for offer in offers:
                yield learning_opportunity(offer, base)
            session.expunge_all()


@router.get(
    "/api/v1/export/elm.jsonld",
    name="elm_export",
    summary="Every published offer as an ELM 3 learning opportunity (JSON-LD)",
    response_class=StreamingResponse,
    responses={200: {"content": {MEDIA_TYPE: {}}}},
)
def elm_export(request: Request, engine: EngineDep) -> Response:
    """The European Learning Model (version 3) JSON-LD of every published offer: one
    `LearningOpportunity` each, with its provider (`Organisation`) and what it leads to
    (`Qualification` or `LearningAchievementSpecification`). Written as it is read."""
    headers = {"Content-Disposition": 'inline; filename="offers.elm.jsonld"'}
    if asked_head(request):
        return headers_alone(MEDIA_TYPE, headers)
    nodes = all_opportunities(engine, public_base(request))
    return StreamingResponse(
        stream(nodes),
        media_type=MEDIA_TYPE,
        headers=headers,
    )


@router.get(
    "/api/v1/offers/{offer_id:int}/elm.jsonld",
    name="elm_offer",
    summary="One offer as an ELM 3 learning opportunity (JSON-LD)",
    responses={200: {"content": {MEDIA_TYPE: {}}}, 404: {"description": "No such offer"}},
)
def elm_offer(request: Request, offer_id: int, session: SessionDep) -> Response:
    """One public offer (published, withdrawn or archived) as an ELM 3 `LearningOpportunity`."""
    offer = load_offer(session, offer_id)
    body = document([learning_opportunity(offer, public_base(request))])
    return Response(json.dumps(body, ensure_ascii=False), media_type=MEDIA_TYPE)
