"""Writing crawled offers into the catalogue: idempotent upserts and recorded crawl runs.

An offer is keyed by (source, external id). Its content hash covers everything the
normaliser produced, so a second crawl of an unchanged source changes nothing but the
"last verified" time. Each item is written in its own transaction: one bad item never
loses what was stored before it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlmodel import Session, col, select

from catalogue.clusters import link_duplicates
from catalogue.institutions import get_or_create_institution, get_or_create_qualification
from catalogue.models import (
    CrawlRun,
    Edition,
    Institution,
    Offer,
    OfferStatus,
    Rejection,
    RunStatus,
    Source,
    utcnow,
)
from catalogue.normalise import normalise
from catalogue.normalise.result import NormalisedOffer, Unstorable
from catalogue.outbox import record_changes
from catalogue.raw import RawOffer

log = logging.getLogger(__name__)

Outcome = Literal["new", "updated", "unchanged", "rejected"]
T = TypeVar("T")


def content_hash(normalised: NormalisedOffer, extras: dict[str, Any] | None = None) -> str:
    payload = {
        "extras": extras or {},
        "offer": normalised.offer.model_dump(mode="json"),
        "editions": [e.model_dump(mode="json") for e in normalised.editions],
        "provider": normalised.provider and vars(normalised.provider),
        "qualification": normalised.qualification and vars(normalised.qualification),
        "evidence": normalised.evidence,
        "live": normalised.live,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


class CatalogueUnwritable(RuntimeError):
    """The catalogue database refuses writes (read-only file or folder, no rights, disk full)."""


def describe_database_error(exc: SQLAlchemyError) -> str:
    """One line for the operator: the database's own words, without SQL and parameters."""
    cause = str(exc.orig) if isinstance(exc, DBAPIError) and exc.orig is not None else str(exc)
    cause = cause.strip().splitlines()[0] if cause.strip() else type(exc).__name__
    if any(word in cause.lower() for word in REFUSED_WRITE_WORDS):
        return f"Nie można zapisać do bazy katalogu: {cause}"
    return f"Błąd bazy katalogu: {cause}"


# How SQLite and PostgreSQL say a write was refused.
REFUSED_WRITE_WORDS = ("readonly", "read-only", "permission denied", "disk", "full")


def check_writable(engine: Engine) -> None:
    """Raise CatalogueUnwritable unless the catalogue takes a write (rolled back at once), so a
    crawl that could store nothing stops before it starts, with the cause in one line."""
    try:
        with Session(engine) as session:
            session.add(Source(name="__lll_write_probe__", title="", url=""))
            session.flush()
            session.rollback()
    except SQLAlchemyError as exc:
        message = describe_database_error(exc).replace("Błąd bazy", "Nie można zapisać do bazy")
        raise CatalogueUnwritable(message) from exc


def get_or_create_source(session: Session, name: str, title: str = "", url: str = "") -> Source:
    source = session.exec(select(Source).where(Source.name == name)).first()
    if source is None:
        source = Source(name=name, title=title or name, url=url)
        session.add(source)
        session.flush()
    elif (title and source.title != title) or (url and source.url != url):
        source.title, source.url = title or source.title, url or source.url
    return source


class CrawlRecorder:
    """Records one crawl of one source: every item's outcome, rejections and errors."""

    def __init__(
        self, engine: Engine, source_name: str, source_title: str = "", source_url: str = ""
    ) -> None:
        self.engine = engine
        self.source_name = source_name
        self.source_title = source_title
        self.source_url = source_url
        self.source_id: int | None = None
        self.run_id: int | None = None
        self.counts = {"seen": 0, "new": 0, "updated": 0, "unchanged": 0, "rejected": 0}
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.changed_ids: set[int] = set()
        self._seen_external_ids: set[str] = set()
        self._unidentified = 0  # rejections without an external id
        self._doubted = False  # a complete run could not show its unseen offers are gone

    def start(self) -> int:
        self.source_id, self.run_id = _once_more_if_raced(self._start)
        return self.run_id

    def _start(self) -> tuple[int, int]:
        with Session(self.engine) as session:
            source = get_or_create_source(
                session, self.source_name, self.source_title, self.source_url
            )
            assert source.id is not None  # get_or_create_source flushes a new source
            run = CrawlRun(source_id=source.id, pid=os.getpid(), host=socket.gethostname())
            session.add(run)
            session.commit()
            assert run.id is not None  # committed
            return source.id, run.id

    def _started(self) -> tuple[int, int]:
        """The source's and the run's ids, which `start` wrote."""
        if self.source_id is None or self.run_id is None:
            raise RuntimeError("CrawlRecorder.start() has not run")
        return self.source_id, self.run_id

    def add(self, raw: RawOffer) -> Outcome:
        self.counts["seen"] += 1
        if raw.external_id:
            self._seen_external_ids.add(str(raw.external_id))
        try:
            normalised = normalise(raw)
        except Unstorable as exc:
            return self._rejected(str(exc), raw.to_dict(), raw.external_id)
        except Exception as exc:  # a normaliser bug must not stop the crawl or lose the item
            log.exception("normaliser failed on %s/%s", raw.source, raw.external_id)
            return self._rejected(f"błąd normalizacji: {exc!r}", raw.to_dict(), raw.external_id)
        outcome = _once_more_if_raced(lambda: self._upsert(raw, normalised))
        self.counts[outcome] += 1
        return outcome

    def reject(self, reason: str, payload: dict[str, Any], external_id: str | None = None) -> None:
        self.counts["seen"] += 1
        if external_id:
            self._seen_external_ids.add(str(external_id))
        else:
            self._unidentified += 1
        self._rejected(reason, payload, external_id)

    def error(self, message: str) -> None:
        self.errors.append(message)

    def finish(
        self,
        complete: bool,
        max_withdrawn_share: float | None = None,
        kept_urls: set[str] | None = None,
        failed: bool = False,
        doubt_fails: bool = False,
    ) -> CrawlRun:
        """Close the run; a complete one without errors withdraws the offers it did not see.
        With `max_withdrawn_share` (crawls pass it), not when `withdrawal_doubt` finds the run
        cannot show they are gone; without it, the caller vouches that the run listed all.
        Offers whose page is among `kept_urls` (robots.txt now forbids it: a block is not an
        absence) are kept, and the run's notes say how many. `failed`: whatever was seen, the run
        failed (the catalogue refused its writes). `doubt_fails`: a run `withdrawal_doubt`
        stops from withdrawing has failed, not partly succeeded (an institution's file that
        suddenly lists under half its offers is a broken export, not fewer offers)."""
        withdrawn = 0
        with Session(self.engine) as session:
            if complete and not self.errors:
                withdrawn = self._withdraw_unseen(session, max_withdrawn_share, kept_urls or set())
            elif kept_urls:
                self.notes.append(f"robots.txt zabrania {len(kept_urls)} stron(y)")
            # The same offer in other sources: re-decided for what this run changed.
            link_duplicates(session, self.changed_ids)
            run = session.get(CrawlRun, self._started()[1])
            assert run is not None  # start() committed it
            run.status = (
                RunStatus.failed
                if failed or (doubt_fails and self._doubted)
                else _final_status(complete, self.errors, self.counts["seen"])
            )
            run.finished_at = utcnow()
            for name, value in self.counts.items():
                setattr(run, name, value)
            run.withdrawn = withdrawn
            run.errors = self.errors[:200]
            run.notes = self.notes or None
            session.commit()
            session.refresh(run)
            session.expunge(run)
        return run

    def _rejected(self, reason: str, payload: dict[str, Any], external_id: str | None) -> Outcome:
        with Session(self.engine) as session:
            session.add(
                Rejection(
                    crawl_run_id=self.run_id,
                    source_id=self._started()[0],
                    external_id=str(external_id) if external_id else None,
                    reason=reason[:1000],
                    payload=json.loads(json.dumps(payload, default=str)),
                )
            )
            session.commit()
        self.counts["rejected"] += 1
        return "rejected"

    def _upsert(self, raw: RawOffer, normalised: NormalisedOffer) -> Outcome:
        digest = content_hash(normalised, raw.extras)
        status = OfferStatus.active if normalised.live else OfferStatus.withdrawn
        now = utcnow()
        with Session(self.engine) as session:
            offer = session.exec(
                select(Offer).where(
                    Offer.source_id == self.source_id, Offer.external_id == str(raw.external_id)
                )
            ).first()
            unchanged = offer is not None and offer.content_hash == digest
            if offer is not None and (raw.incomplete or (unchanged and offer.status == status)):
                # An incomplete read keeps the stored version (and counts as unchanged).
                offer.last_verified, offer.last_run_id = now, self.run_id
                session.commit()
                return "unchanged"
            outcome: Outcome = "new" if offer is None else "updated"
            if offer is None:
                offer = Offer(
                    source_id=self._started()[0],
                    external_id=str(raw.external_id),
                    content_hash=digest,
                    url=raw.url,
                    title=raw.title,
                )
                session.add(offer)
            self._fill(session, offer, normalised, raw)
            offer.content_hash, offer.status = digest, status
            offer.last_changed = offer.last_verified = now
            offer.last_run_id = self.run_id
            session.commit()
            assert offer.id is not None  # committed
            self.changed_ids.add(offer.id)
            return outcome

    @staticmethod
    def _fill(session: Session, offer: Offer, normalised: NormalisedOffer, raw: RawOffer) -> None:
        for name, value in normalised.offer.model_dump().items():
            setattr(offer, name, value)
        offer.evidence = dict(normalised.evidence)
        offer.extras = json.loads(json.dumps(raw.extras, default=str))
        owner = session.get(Source, offer.source_id)
        if owner is not None and owner.institution_id is not None:
            # An institution's own feed (decision 0014): its offers are that institution's.
            offer.institution = session.get(Institution, owner.institution_id)
        else:
            offer.institution = (
                get_or_create_institution(session, normalised.provider)
                if normalised.provider
                else None
            )
        offer.qualification = (
            get_or_create_qualification(session, normalised.qualification)
            if normalised.qualification
            else None
        )
        offer.editions = [Edition(**edition.model_dump()) for edition in normalised.editions]

    def _withdraw_unseen(
        self, session: Session, max_share: float | None, kept_urls: set[str]
    ) -> int:
        active = session.exec(
            select(Offer.id, Offer.external_id, Offer.url).where(
                Offer.source_id == self.source_id, Offer.status == OfferStatus.active
            )
        ).all()
        unseen = [
            (offer_id, url)
            for offer_id, ext, url in active
            if ext not in self._seen_external_ids and offer_id is not None  # stored: never None
        ]
        gone = [offer_id for offer_id, url in unseen if url not in kept_urls]
        if kept_urls:
            kept = len(unseen) - len(gone)
            self.notes.append(
                f"robots.txt zabrania {len(kept_urls)} stron(y); "
                f"zachowano {kept} ofert(y) z tych stron (blokada to nie brak oferty)"
            )
        seen, unidentified = len(self._seen_external_ids), self._unidentified
        doubt = (
            None
            if max_share is None
            else withdrawal_doubt(len(gone), seen, unidentified, max_share)
        )
        if doubt:
            self.error(doubt)  # the run is then not a success
            self._doubted = True
            return 0
        if gone:
            session.execute(
                update(Offer)
                .where(col(Offer.id).in_(gone))
                .values(status=OfferStatus.withdrawn, last_changed=utcnow())
            )
            record_changes(session, gone)
            self.changed_ids.update(gone)
        return len(gone)


def _once_more_if_raced(write: Callable[[], T]) -> T:
    """Run the transaction `write` again when it lost a race: another crawl created the same
    source, offer, institution or qualification at the same moment (a unique key refused the
    second row), and the second attempt finds that row."""
    try:
        return write()
    except IntegrityError:
        return write()


def _final_status(complete: bool, errors: list[str], seen: int) -> RunStatus:
    if complete and not errors:
        return RunStatus.success
    return RunStatus.partial if seen else RunStatus.failed


# Fewer missing offers than this are withdrawn whatever their share: a small source may
# really drop most of its few offers at once.
FEW_WITHDRAWALS = 5


def withdrawal_doubt(
    missing: int, seen: int, unidentified: int, max_share: float = 0.5
) -> str | None:
    """Why a complete run may not withdraw the `missing` offers it did not see, if it may not.

    Besides a run that saw nothing or could not identify some records, a run that would
    withdraw more than `max_share` of the source's active offers at once (a list page cut
    short with a matching Content-Length, a filter the source stopped honouring) withdraws
    nothing: the run records the error, and if the offers are really gone, a crawl
    with `max_withdrawn_share=1` (the Scrapy setting MAX_WITHDRAWN_SHARE=1) withdraws them.
    """
    if not missing:
        return None
    if not seen and not unidentified:
        return (
            f"źródło nie podało żadnej oferty (w katalogu {missing} aktywnych) – "
            "to raczej awaria lub zmiana strony niż koniec oferty; nic nie wycofano"
        )
    if unidentified:
        return (
            f"{unidentified} odrzuconych rekordów bez identyfikatora: nie wiadomo, czy to nie "
            f"{missing} ofert, których zabrakło; nic nie wycofano"
        )
    active = missing + seen
    if missing >= FEW_WITHDRAWALS and missing > max_share * active:
        return (
            f"zniknęłoby naraz {missing} z {active} aktywnych ofert (więcej niż "
            f"{max_share:.0%}) – to raczej awaria lub zmiana źródła; nic nie wycofano"
        )
    return None
