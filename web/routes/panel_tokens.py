"""The panel's API tokens (`/panel/tokeny`): a member names a token and sees it once, sees its
institution's tokens (name, the first characters, when made and last used) and revokes one.
The work is `operations.api_tokens`'; the API they open is `web/routes/institution_api.py`.

Every form is a POST with the CSRF token; the institution is always the signed-in member's,
and another institution's token answers 404 (its existence is not told).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Path
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Account
from operations.api_tokens import (
    MAX_NAME_LENGTH,
    TokenNameInvalid,
    create_token,
    list_tokens,
    revoke_token,
)
from web.auth import CsrfDep, MemberDep
from web.errors import NotFound
from web.formatting import format_date
from web.i18n import negotiate_language
from web.offers import MAX_OFFER_ID
from web.services import SessionDep, TemplatesDep

router = APIRouter(include_in_schema=False)
PATH = "/panel/tokeny"
LOCAL = ZoneInfo("Europe/Warsaw")
# A page that shows a secret is kept by no cache and no browser history.
NO_STORE = {"Cache-Control": "no-store"}

TokenId = Annotated[int, Path(ge=1, le=MAX_OFFER_ID)]


def _institution_id(account: Account) -> int:
    assert account.institution_id is not None  # MemberDep requires one
    return account.institution_id


def _when(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(LOCAL)
    return f"{format_date(local, lang)}, {local:%H:%M}"


def _page(
    request: Request,
    templates: TemplatesDep,
    db: SessionDep,
    account: Account,
    *,
    created: str | None = None,
    name: str = "",
    error: bool = False,
) -> Response:
    lang = negotiate_language(request)
    tokens = [
        {
            "id": token.id,
            "name": token.name,
            "prefix": token.prefix,
            "created": _when(token.created_at, lang),
            "last_used": _when(token.last_used_at, lang),
            "revoked": _when(token.revoked_at, lang),
        }
        for token in list_tokens(db, _institution_id(account))
    ]
    context: dict[str, Any] = {
        "tokens": tokens,
        "created": created,
        "name": name,
        "error": error,
        "max_name": MAX_NAME_LENGTH,
        "revoked": request.query_params.get("zrobiono") == "uniewazniono",
    }
    status = 422 if error else 200
    return templates.TemplateResponse(
        request, "panel/tokens.html", context, status_code=status, headers=NO_STORE
    )


@router.get(PATH, response_class=HTMLResponse)
def tokens_page(
    request: Request, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _page(request, templates, db, account)


@router.post(PATH, dependencies=[CsrfDep], response_class=HTMLResponse)
def new_token(
    request: Request,
    account: MemberDep,
    db: SessionDep,
    templates: TemplatesDep,
    name: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Shows the new token on the answer itself: it is never stored, so never shown again."""
    assert account.id is not None
    try:
        _, plain = create_token(
            db, institution_id=_institution_id(account), account_id=account.id, name=name
        )
    except TokenNameInvalid:
        return _page(request, templates, db, account, name=name, error=True)
    return _page(request, templates, db, account, created=plain)


@router.post(f"{PATH}/{{token_id}}/uniewaznij", dependencies=[CsrfDep])
def revoke(token_id: TokenId, account: MemberDep, db: SessionDep) -> Response:
    if not revoke_token(db, _institution_id(account), token_id):
        raise NotFound()
    return RedirectResponse(f"{PATH}?zrobiono=uniewazniono", status_code=303)
