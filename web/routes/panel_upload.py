"""The panel's file upload (`/panel/import`): upload a CSV or XLSX, see every row's problems,
download them as a file, then publish the offers without errors (or discard the upload).

    GET  /panel/import                       the form, the template link, recent uploads
    POST /panel/import                       check the file, keep it -> 303 to its check page
    GET  /panel/import/szablon.xlsx          the template to start from
    GET  /panel/import/{id}                  the check: errors and warnings by row
    GET  /panel/import/{id}/problemy.csv     the rows with problems (also .xlsx)
    POST /panel/import/{id}/publikuj         publish the offers without errors -> 303
    POST /panel/import/{id}/odrzuc           discard the upload -> 303

The work is `operations.uploads`'. Every POST carries the CSRF token; the institution is always
the signed-in member's, and another institution's upload answers 404.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from catalogue.accounts import Account, Upload
from catalogue.uploads import UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS, template_xlsx
from operations.uploads import (
    UploadNotFound,
    UploadNotPublishable,
    check_upload,
    discard_upload,
    get_upload,
    problems_file,
    publish_upload,
    recent_uploads,
    upload_view,
)
from web.auth import CsrfDep, MemberDep
from web.errors import NotFound
from web.i18n import negotiate_language
from web.services import SessionDep, TemplatesDep

router = APIRouter()
PATH = "/panel/import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_PROBLEMS = 500  # on the page; the problems file has them all
DONE = {"opublikowano": "upload.done.published", "odrzucono": "upload.done.discarded"}


@router.get(PATH, name="panel_upload", response_class=HTMLResponse)
def upload_page(
    request: Request, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    return _form_page(request, account, db, templates)


def _form_page(
    request: Request,
    account: Account,
    db: Session,
    templates: TemplatesDep,
    *,
    missing: bool = False,
) -> Response:
    context = {
        "uploads": recent_uploads(db, account),
        "max_mb": UPLOAD_MAX_BYTES // 1048576,
        "max_rows": UPLOAD_MAX_ROWS,
        "done": DONE.get(request.query_params.get("zrobiono", "")),
        "missing": missing,
    }
    status = 422 if missing else 200
    return templates.TemplateResponse(request, "panel/upload.html", context, status_code=status)


@router.post(PATH, name="panel_upload_check", dependencies=[CsrfDep])
async def upload_check(
    request: Request,
    account: MemberDep,
    db: SessionDep,
    templates: TemplatesDep,
    plik: Annotated[UploadFile | None, File()] = None,
) -> Response:
    if plik is None or not plik.filename:  # sent without choosing a file
        return _form_page(request, account, db, templates, missing=True)
    data = await plik.read(UPLOAD_MAX_BYTES + 1)  # enough to tell a file is too large
    upload = check_upload(db, account, plik.filename, data, size=plik.size)
    return RedirectResponse(f"{PATH}/{upload.id}", status_code=303)


@router.get(f"{PATH}/szablon.xlsx", name="panel_upload_template")
def upload_template(account: MemberDep) -> Response:
    return _download(template_xlsx(date.today()), "szablon-ofert.xlsx", XLSX)


@router.get(f"{PATH}/{{upload_id:int}}", name="panel_upload_result", response_class=HTMLResponse)
def upload_result(
    request: Request, upload_id: int, account: MemberDep, db: SessionDep, templates: TemplatesDep
) -> Response:
    view = upload_view(_own(db, account, upload_id))
    errors = [p for p in view.problems if p.severity == "error"]
    warnings = [p for p in view.problems if p.severity == "warning"]
    published = {
        name: int(value)
        for name in ("opublikowane", "do_przegladu", "bez_zmian")
        if (value := request.query_params.get(name, "")).isdigit() and len(value) < 7
    }
    context = {
        "view": view,
        "upload": view.upload,
        "errors": errors[:SHOWN_PROBLEMS],
        "warnings": warnings[:SHOWN_PROBLEMS],
        "more_errors": max(len(errors) - SHOWN_PROBLEMS, 0),
        "more_warnings": max(len(warnings) - SHOWN_PROBLEMS, 0),
        "file_problem": next((p for p in view.problems if p.row == 0), None),
        "published": published,
        "done": DONE.get(request.query_params.get("zrobiono", "")),
    }
    return templates.TemplateResponse(request, "panel/upload_result.html", context)


@router.get(f"{PATH}/{{upload_id:int}}/problemy.{{kind}}", name="panel_upload_problems")
def upload_problems(
    request: Request, upload_id: int, kind: str, account: MemberDep, db: SessionDep
) -> Response:
    if kind not in ("csv", "xlsx"):
        raise NotFound()
    upload = _own(db, account, upload_id)
    data = problems_file(upload, kind, negotiate_language(request))
    media = XLSX if kind == "xlsx" else "text/csv; charset=utf-8"
    return _download(data, f"problemy-{upload_id}.{kind}", media)


@router.post(
    f"{PATH}/{{upload_id:int}}/publikuj", name="panel_upload_publish", dependencies=[CsrfDep]
)
def upload_publish(upload_id: int, account: MemberDep, db: SessionDep) -> Response:
    _own(db, account, upload_id)
    try:
        published = publish_upload(db, account, upload_id)
    except UploadNotPublishable:  # published meanwhile (another tab, a double click)
        return RedirectResponse(f"{PATH}/{upload_id}", status_code=303)
    counts = f"opublikowane={published.active}&do_przegladu={published.review}"
    counts += f"&bez_zmian={published.unchanged}"
    return RedirectResponse(f"{PATH}/{upload_id}?zrobiono=opublikowano&{counts}", status_code=303)


@router.post(
    f"{PATH}/{{upload_id:int}}/odrzuc", name="panel_upload_discard", dependencies=[CsrfDep]
)
def upload_discard(upload_id: int, account: MemberDep, db: SessionDep) -> Response:
    _own(db, account, upload_id)
    try:
        discard_upload(db, account, upload_id)
    except UploadNotPublishable:
        return RedirectResponse(f"{PATH}/{upload_id}", status_code=303)
    return RedirectResponse(f"{PATH}?zrobiono=odrzucono", status_code=303)


def _own(db: Session, account: Account, upload_id: int) -> Upload:
    try:
        return get_upload(db, account, upload_id)
    except UploadNotFound:
        raise NotFound() from None


def _download(data: bytes, name: str, media_type: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
