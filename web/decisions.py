"""A coordinator's queue of requests to approve, or refuse with a reason: registered
institutions (`/koordynator/instytucje`) and advisers' requests (`/koordynator/doradcy`). The
page lists what `pending` holds; a decision redirects back with `?zrobiono=…`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form
from fastapi.responses import RedirectResponse
from starlette.requests import Request
from starlette.responses import Response

from web.errors import NotFound
from web.services import TemplatesDep

Decision = Annotated[str, Form(max_length=20)]
Reason = Annotated[str, Form(max_length=4000)]
_DONE_WORDS = {True: "zatwierdzono", False: "odmowiono"}


def approves(decision: str) -> bool:
    """The form's decision: True to approve, False to refuse; anything else is not found."""
    if decision not in ("approve", "refuse"):
        raise NotFound()
    return decision == "approve"


def queue_page(
    request: Request,
    templates: TemplatesDep,
    template: str,
    pending: list[Any],
    done: dict[bool, str],
    errors: dict[int, str] | None = None,
    status_code: int = 200,
) -> Response:
    """The queue; `done` names the message (approve → key) shown after a decision."""
    said = {word: done[approve] for approve, word in _DONE_WORDS.items()}
    context = {
        "pending": pending,
        "errors": errors or {},
        "done": said.get(request.query_params.get("zrobiono", "")),
    }
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def decided(path: str, approve: bool) -> RedirectResponse:
    return RedirectResponse(f"{path}?zrobiono={_DONE_WORDS[approve]}", status_code=303)
