"""An institution's file upload: checked and kept (`Upload`), then published once it confirms.

    upload = check_upload(db, account, "oferta.xlsx", data)   # nothing published yet
    upload.errors, upload.warnings, upload.problems           # what the check found
    published = publish_upload(db, account, upload.id)        # the offers without errors

The check (`catalogue.uploads`) reads the file under the upload limits and lists every row's
problems by the rules the form and the API use. The file is kept as uploaded, so publishing
writes exactly what the institution saw checked: every offer whose rows had no error, through
`operations.institution_offers.save_offer` (via "upload", submitted: published, or sent for
review when a moderation rule says so; it checks each offer again in full), committed every
half second, each offer's change recorded in the outbox so the index has it within a second (the
scheduler's `IndexSyncer`). An upload is its institution's only: another institution's id is
not found.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlmodel import Session, col, select

from catalogue.accounts import Account, Upload
from catalogue.models import Institution, OfferStatus, utcnow
from catalogue.uploads import (
    CheckResult,
    RowProblem,
    UploadFile,
    UploadUnreadable,
    check_file,
    file_offers,
    problems_csv,
    problems_xlsx,
    read_upload,
)
from operations.institution_offers import Actor, flush_batch, save_offer, start_batch
from operations.parallel_checks import CheckJob, checked_in_order

# Publishing commits at least this often: a transaction holds SQLite's write lock, which the
# scheduler's indexer and crawls wait for (and give up after `busy_timeout`, 30 s).
COMMIT_EVERY_SECONDS = 0.5
# A publish not finished after this long died with its process: it may be started again.
STALE_PUBLISHING = timedelta(minutes=30)
MAX_FILE_NAME = 200
LIST_LIMIT = 50


class UploadNotFound(LookupError):
    """No such upload of this institution (another institution's is not told apart)."""


class UploadNotPublishable(ValueError):
    """The upload was published (or discarded) already, or has nothing to publish."""


@dataclass
class Published:
    offers: int = 0  # offers written (new or changed)
    active: int = 0  # of the offers now published
    review: int = 0  # of the offers now awaiting the coordinator
    unchanged: int = 0  # the same as already stored
    refused: list[RowProblem] = field(default_factory=list)  # errors save_offer still found


def check_upload(
    db: Session,
    account: Account,
    file_name: str,
    data: bytes,
    today: date | None = None,
    size: int | None = None,
) -> Upload:
    """Check the file and keep it with its findings (state "checked"); publishes nothing.

    A file that cannot be read at all (too large, not CSV/XLSX, no required columns) is kept
    as one error of the whole file, without its content when it is over the size limit
    (`size`: the whole file's, when `data` is only as much of it as the limit needs)."""
    institution_id = _institution_id(account)
    assert account.id is not None, "a stored account"
    name = " ".join((file_name or "").split())[:MAX_FILE_NAME] or "plik"
    upload = Upload(
        institution_id=institution_id, account_id=account.id, file_name=name, content=b""
    )
    try:
        result = check_file(read_upload(data, name, size=size), today or date.today())
    except UploadUnreadable as exc:
        upload.problems = [exc.problem.as_dict()]
        upload.errors = 1
        if exc.problem.code != "file_too_large":
            upload.content = data
    else:
        upload.content = data
        _record(upload, result)
    db.add(upload)
    db.commit()
    db.refresh(upload)
    return upload


def _record(upload: Upload, result: CheckResult) -> None:
    upload.rows = len(result.file.rows)
    upload.errors, upload.warnings = result.counts()
    upload.problems = [p.as_dict() for p in result.problems]


@dataclass
class UploadView:
    """What the check page shows of a kept upload, without checking it again."""

    upload: Upload
    problems: list[RowProblem]
    offers: int  # offers (distinct `id_oferty`) in the file
    publishable: int  # of them without an error in any row
    publishable_rows: int

    @property
    def may_publish(self) -> bool:
        return _publishable_state(self.upload) and self.publishable > 0


def upload_view(upload: Upload) -> UploadView:
    kept = _kept_result(upload)
    problems = [RowProblem.from_dict(p) for p in upload.problems or []]
    if kept is None:
        return UploadView(upload, problems, 0, 0, 0)
    publishable = kept.publishable()
    rows = sum(len(o.rows) for o in publishable)
    return UploadView(upload, problems, len(kept.offers), len(publishable), rows)


def problems_file(upload: Upload, kind: str, lang: str = "pl") -> bytes:
    """The rows with problems as CSV or XLSX (`kind`), with the problems found at the check."""
    kept = _kept_result(upload) or CheckResult(UploadFile("csv", [], []), [], [])
    return problems_xlsx(kept, lang) if kind == "xlsx" else problems_csv(kept, lang)


def _kept_result(upload: Upload) -> CheckResult | None:
    """The kept file with the problems its check stored (reading it is quick; checking
    every offer again is not, so a page view never does)."""
    if not upload.content:
        return None
    try:
        file = read_upload(upload.content, upload.file_name)
    except UploadUnreadable:
        return None
    problems = [RowProblem.from_dict(p) for p in upload.problems or []]
    return CheckResult(file, file_offers(file)[0], problems)


def get_upload(db: Session, account: Account, upload_id: int) -> Upload:
    """The account's institution's upload `upload_id`; `UploadNotFound` otherwise."""
    institution_id = _institution_id(account)
    upload = db.get(Upload, upload_id) if 1 <= upload_id <= 2**31 - 1 else None
    if upload is None or upload.institution_id != institution_id:
        raise UploadNotFound(upload_id)
    return upload


def recent_uploads(db: Session, account: Account, limit: int = LIST_LIMIT) -> list[Upload]:
    institution_id = _institution_id(account)
    return list(
        db.exec(
            select(Upload)
            .where(Upload.institution_id == institution_id)
            .order_by(col(Upload.created_at).desc(), col(Upload.id).desc())
            .limit(limit)
        )
    )


def publish_upload(db: Session, account: Account, upload_id: int) -> Published:
    """Publish every offer of the upload whose rows had no error at its check, once: a second
    call (a double click, another tab) raises `UploadNotPublishable` and writes nothing.
    While it runs the upload is "publishing" (a large file takes a while), then "published".
    `save_offer` checks each offer again in full (a start date may have passed since). A
    failure part of the way leaves the upload "checked", and so does a process that died
    publishing it (after `STALE_PUBLISHING`): publishing it again finishes the job (an offer
    saved again unchanged changes nothing)."""
    upload = get_upload(db, account, upload_id)
    kept = _kept_result(upload) if _publishable_state(upload) else None
    if kept is None or not kept.publishable():
        raise UploadNotPublishable(upload_id)
    stale = utcnow() - STALE_PUBLISHING
    claimed = db.execute(
        update(Upload)
        .where(
            col(Upload.id) == upload.id,
            or_(
                col(Upload.state) == "checked",
                and_(col(Upload.state) == "publishing", col(Upload.published_at) < stale),
            ),
        )
        .values(state="publishing", published_at=utcnow())
    )
    db.commit()
    if getattr(claimed, "rowcount", 0) != 1:
        raise UploadNotPublishable(upload_id)
    try:
        published = _publish(db, account, kept)
    except BaseException:
        db.rollback()
        db.execute(update(Upload).where(col(Upload.id) == upload_id).values(state="checked"))
        db.commit()
        raise
    db.execute(
        update(Upload)
        .where(col(Upload.id) == upload_id)
        .values(state="published", published_at=utcnow())
    )
    db.commit()
    return published


def _publishable_state(upload: Upload) -> bool:
    if upload.state == "publishing" and upload.published_at is not None:
        return _aware(upload.published_at) < utcnow() - STALE_PUBLISHING
    return upload.state == "checked"


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (UTC), PostgreSQL aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _publish(db: Session, account: Account, result: CheckResult) -> Published:
    institution = db.get(Institution, _institution_id(account))
    assert institution is not None
    actor = Actor(account_id=account.id, via="upload")
    published = Published()
    committed = time.monotonic()
    offers = result.publishable()
    ids = [offer.external_id for offer in offers]
    batch = start_batch(db, institution, ids)
    today = date.today()
    jobs = [CheckJob(o.fields, batch.source.name, o.external_id, today) for o in offers]
    for number, (offer, checked) in enumerate(zip(offers, checked_in_order(jobs), strict=True)):
        saved = save_offer(
            db, institution, actor=actor, external_id=offer.external_id, fields=offer.fields,
            submit=True, today=today, batch=batch, checked=checked,
        )  # fmt: skip
        first = offer.rows[0].number
        published.refused += [
            RowProblem(first, p.column, p.code, p.severity, p.message_pl, p.message_en)
            for p in saved.errors
        ]
        if saved.changed:
            published.offers += 1
            published.active += saved.state == OfferStatus.active
            published.review += saved.state == OfferStatus.review
        elif not saved.errors:
            published.unchanged += 1
        if time.monotonic() - committed >= COMMIT_EVERY_SECONDS:
            flush_batch(db, batch)
            db.commit()
            batch = start_batch(db, institution, ids[number + 1 :])
            committed = time.monotonic()
    flush_batch(db, batch)
    db.commit()
    return published


def discard_upload(db: Session, account: Account, upload_id: int) -> None:
    """Forget a checked upload's file (nothing of it was published)."""
    upload = get_upload(db, account, upload_id)
    if upload.state != "checked":
        raise UploadNotPublishable(upload_id)
    upload.state, upload.content = "discarded", b""
    db.commit()


def _institution_id(account: Account) -> int:
    if account.institution_id is None:
        raise UploadNotFound("an account without an institution has no uploads")
    return account.institution_id
