"""Writing an institution's own offers: the one path the form, the upload and the API share.

    saved = save_offer(db, institution, actor=Actor(account.id, None, "form"),
                       external_id="K-12", fields=OfferFields(title=..., url=...), submit=True)
    saved.state          # draft, review or active (`catalogue.moderation` decides)
    set_state(db, offer, Actor(coordinator.id, None, "review"), "approve")

An institution's offers belong to its panel source (`panel_source`, "panel-<id>"), keyed by the
institution's own id, and are written the way a crawl writes (`catalogue.store`), so the outbox
tells the index and de-duplication sees them. Every change is an `OfferChange` row: who (an
account or a token), how (`via`), which fields from what to what, and why. The fields the
institution wrote are kept in `extras["panel_fields"]` (its own words, for the edit form), the
facts of its last published version in `extras["panel_published"]` (what the review rules
compare), why it waits for review in `extras["panel_review"]`, and a published offer's edit
held for review in `extras["panel_pending"]` (the published version stays in search meanwhile).
docs/decisions/0014-institution-accounts.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from sqlalchemy import and_, func, or_, update
from sqlmodel import Session, col, select

from catalogue.accounts import Account, OfferChange
from catalogue.clusters import link_duplicates
from catalogue.models import Institution, Offer, OfferStatus, Source, utcnow
from catalogue.moderation import (
    FIRST_OFFERS_REVIEWED,
    PublishedFacts,
    ReviewReason,
    facts,
    review_reasons,
)
from catalogue.normalise.result import NormalisedOffer
from catalogue.offer_fields import Checked, OfferFields, Problem, check_offer, of_severity
from catalogue.raw import RawOffer
from catalogue.store import CrawlRecorder, content_hash, get_or_create_source
from operations.account_mails import SIGNATURE
from operations.accounts import institution_may_publish, link
from operations.approval import members_of
from operations.mail import send_mail
from operations.settings import OperationSettings

Action = Literal["archive", "restore", "approve", "return"]
MAX_EXTERNAL_ID = 200


@dataclass(frozen=True)
class Actor:
    """Who changes an offer: a signed-in account or an API token, and by which way."""

    account_id: int | None = None
    api_token_id: int | None = None
    via: str = "form"  # "form", "upload", "api", "review"


@dataclass
class SavedOffer:
    offer: Offer | None  # None: a new offer that had errors, so nothing was stored
    state: OfferStatus | None
    changed: bool
    problems: list[Problem] = field(default_factory=list)
    review_reasons: list[ReviewReason] = field(default_factory=list)

    @property
    def offer_id(self) -> int | None:
        """The stored offer's id (a new offer of a `Batch` has one once the batch is flushed)."""
        return self.offer.id if self.offer is not None else None

    @property
    def errors(self) -> list[Problem]:
        return of_severity(self.problems, "error")


@dataclass
class Batch:
    """Many offers of one institution written in one transaction (an upload): its stored
    offers looked up at once rather than one query each, whether it is past its first offers
    (`FIRST_OFFERS_REVIEWED`), and the offers whose duplicates are re-decided together when
    the caller flushes the batch (`flush_batch`) before each commit. Nothing is flushed per
    offer: SQLAlchemy writes the batch's rows together."""

    source: Source
    offers: dict[str, Offer]  # the institution's id of an offer -> the stored offer
    established: bool = False  # the institution has its first offers published
    relink: list[Offer] = field(default_factory=list)


def lock_institution(db: Session, institution_id: int) -> None:
    """Begin a transaction that holds the institution's write lock until it ends: one write of
    an institution's offers at a time, whichever way it comes (the form, an upload, the API).
    Two writes that read an offer before either commits would otherwise both create it (one
    fails on the unique id) or both replace its editions. An UPDATE of the institution's row:
    a row lock in PostgreSQL, the write lock in SQLite. What the session held uncommitted is
    rolled back, so everything the write depends on is read after this."""
    db.rollback()
    db.execute(
        update(Institution)
        .where(col(Institution.id) == institution_id)
        .values(name=Institution.name)
    )


def start_batch(db: Session, institution: Institution, external_ids: list[str]) -> Batch:
    """A batch for writing the offers `external_ids` of the institution, under its write lock
    (`lock_institution`) until the caller commits; after a commit, a new batch for the offers
    still to write reads them again under the lock."""
    assert institution.id is not None, "a stored institution"
    lock_institution(db, institution.id)
    source = panel_source(db, institution)
    wanted = sorted({" ".join(e.split()) for e in external_ids})
    offers: dict[str, Offer] = {}
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[start : start + _LOOKUP_CHUNK]
        found = select(Offer).where(Offer.source_id == source.id, col(Offer.external_id).in_(chunk))
        offers.update((offer.external_id, offer) for offer in db.exec(found))
    established = _published_count(db, source, None) >= FIRST_OFFERS_REVIEWED
    return Batch(source, offers, established)


def flush_batch(db: Session, batch: Batch) -> None:
    """Write the batch's rows and re-decide its offers' duplicates; the caller commits."""
    db.flush()
    link_duplicates(db, {_stored_id(offer) for offer in batch.relink})
    batch.relink.clear()


# ids per query when a batch looks up its offers (SQLite allows 32,766 parameters)
_LOOKUP_CHUNK = 500


class StateChangeRefused(ValueError):
    """The action does not apply to the offer's state (archiving an archived offer…)."""


def panel_source_name(institution_id: int) -> str:
    return f"panel-{institution_id}"


def panel_source(db: Session, institution: Institution) -> Source:
    """The institution's panel source, created once; the caller commits. Remembered by the
    session (the object itself: the session's identity map holds it only weakly), so that an
    API client writing offer after offer looks it up once."""
    assert institution.id is not None, "a stored institution"
    name = panel_source_name(institution.id)
    known: dict[int, Source] = db.info.setdefault("panel_sources", {})
    source = known.get(institution.id)
    if source is not None and source in db and source.name == name:  # not rolled back since
        return source
    source = get_or_create_source(db, name, f"Panel: {institution.name}", institution.website or "")
    source.institution_id = institution.id
    db.flush()
    known[institution.id] = source
    return source


def external_id_problems(external_id: str) -> list[Problem]:
    """The institution's id of an offer must be given, and not overlong."""
    if external_id and len(external_id) <= MAX_EXTERNAL_ID:
        return []
    return [
        Problem(
            "bad_external_id", "id_oferty",
            f"Podaj identyfikator oferty (najwyżej {MAX_EXTERNAL_ID} znaków).",
            f"Give the offer's id (at most {MAX_EXTERNAL_ID} characters).",
        )
    ]  # fmt: skip


def save_offer(
    db: Session,
    institution: Institution,
    *,
    actor: Actor,
    external_id: str,
    fields: OfferFields,
    submit: bool,
    today: date | None = None,
    batch: Batch | None = None,
    checked: Checked | None = None,
) -> SavedOffer:
    """Create or update the institution's offer `external_id` from `fields`.

    With errors nothing is written. `submit=False` keeps (or makes) it a draft; `submit=True`
    publishes it, or sends it for review when a rule of `catalogue.moderation` says so. A
    published offer whose edit needs review stays published as it was, the edit kept beside it
    (`extras["panel_pending"]`) until the coordinator approves it; the answer's state is then
    `review`. The same fields and state again change nothing and add no history.
    Saved alone, the offer is committed; in a `batch` (an upload writes many offers) it is
    not even flushed: the caller flushes the batch (`flush_batch`) and commits. `checked` is
    `check_for_saving`'s answer for these fields when the caller has it already (an upload
    checks its offers in another process while this one writes)."""
    external_id = " ".join(external_id.split())
    source = batch.source if batch else panel_source(db, institution)
    offer = batch.offers.get(external_id) if batch else _find(db, source, external_id)
    if checked is None:
        checked = check_for_saving(fields, source.name, external_id, today)
    problems, normalised = list(checked.problems), checked.normalised
    if normalised is None or any(p.severity == "error" for p in problems):
        return SavedOffer(offer, offer.status if offer else None, False, problems)
    written = _Written(normalised, fields.to_raw(source.name, external_id), fields.to_json())
    reasons: list[ReviewReason] = []
    target = OfferStatus.draft
    if submit:
        last = PublishedFacts.from_json((offer.extras if offer else {}).get("panel_published"))
        reasons = review_reasons(
            institution_approved=institution_may_publish(institution),
            published_before=_published_before(db, source, offer, batch) if last is None else 0,
            last_published=last,
            submitted=written.facts,
        )
        target = OfferStatus.review if reasons else OfferStatus.active
    pending = (offer.extras or {}).get("panel_pending") if offer else None
    if offer is not None and offer.status == OfferStatus.active and target == OfferStatus.review:
        if pending == written.words:
            return SavedOffer(offer, target, False, problems, reasons)
        _hold(db, offer, actor, written.words, reasons)
    elif (
        offer is not None
        and offer.content_hash == written.digest
        and offer.status == target
        and pending is None
    ):
        return SavedOffer(offer, offer.status, False, problems, reasons)
    else:
        offer = _write(db, institution, source, offer, external_id, written, target, actor,
                       reasons, batch=batch)  # fmt: skip
        if batch:
            batch.offers[external_id] = offer
    if batch is None:
        db.commit()
    return SavedOffer(offer, target, True, problems, reasons)


def check_for_saving(
    fields: OfferFields, source_name: str, external_id: str, today: date | None
) -> Checked:
    """`save_offer`'s check of an offer: the form's rules, the id's and the normaliser's
    reading. Pure, its answer picklable, so an upload can run it in another process."""
    external_id = " ".join(external_id.split())
    checked = check_offer(fields, source=source_name, external_id=external_id or "-", today=today)
    return Checked(checked.normalised, [*checked.problems, *external_id_problems(external_id)])


class _Written:
    """An offer as checked: the normaliser's reading, the raw offer, the institution's words."""

    def __init__(self, normalised: NormalisedOffer, raw: RawOffer, words: dict[str, Any]):
        normalised.provider = None  # the institution's offer is its own, whoever organises it
        self.normalised, self.raw, self.words = normalised, raw, words
        # The panel's own keys are the catalogue's record, never the institution's to write: a
        # column named `panel_published` would otherwise dodge the review rules.
        theirs = {k: v for k, v in raw.extras.items() if not k.startswith(PANEL_KEYS)}
        self.extras: dict[str, Any] = {**theirs, "panel_fields": words}
        self.digest = content_hash(normalised, self.extras)
        offer = normalised.offer
        self.facts = facts(
            offer.title, offer.qualification_code, (e.price_grosze for e in normalised.editions)
        )


def _write(
    db: Session,
    institution: Institution,
    source: Source,
    offer: Offer | None,
    external_id: str,
    written: _Written,
    target: OfferStatus,
    actor: Actor,
    reasons: list[ReviewReason],
    action: str | None = None,
    batch: Batch | None = None,
) -> Offer:
    """Store the offer as written (the way a crawl stores one) in the state `target`, with its
    history row; an edit held for review is settled by it. In a batch, nothing is flushed."""
    previous = dict(offer.extras or {}) if offer else {}
    before_words = previous.get("panel_pending") or previous.get("panel_fields")
    before_state = offer.status if offer else None
    normalised = written.normalised
    if offer is None:
        assert source.id is not None  # panel_source flushes a new source
        offer = Offer(
            source_id=source.id, external_id=external_id, content_hash=written.digest,
            url=normalised.offer.url, title=normalised.offer.title,
        )  # fmt: skip
        db.add(offer)
    CrawlRecorder._fill(db, offer, normalised, written.raw)
    offer.institution_id = institution.id
    offer.provider_name = normalised.offer.provider_name or institution.name
    offer.extras = _kept_extras(previous) | written.extras
    if target == OfferStatus.active:
        offer.extras["panel_published"] = written.facts.to_json()
    if reasons:
        offer.extras["panel_review"] = [vars(r) for r in reasons]
    offer.content_hash, offer.status = written.digest, target
    offer.last_changed = offer.last_verified = utcnow()
    changes = _diff(before_words, written.words)
    if before_state != target:
        changes["status"] = [before_state.value if before_state else None, target.value]
    _record(db, offer, actor, action or _action(before_state, target), changes,
            _reasons_text(reasons))  # fmt: skip
    if batch is None:
        db.flush()
    if OfferStatus.active in (before_state, target):
        if batch is None:
            link_duplicates(db, {_stored_id(offer)})
        else:
            batch.relink.append(offer)
    return offer


def _stored_id(offer: Offer) -> int:
    assert offer.id is not None, "a flushed offer"
    return offer.id


def _hold(
    db: Session,
    offer: Offer,
    actor: Actor,
    words: dict[str, Any],
    reasons: list[ReviewReason],
) -> None:
    """Keep a published offer's edit beside it until the coordinator decides."""
    extras = dict(offer.extras or {})
    before = extras.get("panel_pending") or extras.get("panel_fields")
    extras["panel_pending"] = words
    extras["panel_review"] = [vars(r) for r in reasons]
    offer.extras = extras
    _record(db, offer, actor, "submitted", _diff(before, words), _reasons_text(reasons))


def _record(
    db: Session,
    offer: Offer,
    actor: Actor,
    action: str,
    changes: dict[str, Any],
    reason: str | None,
) -> OfferChange:
    # `offer_id` comes from `offer` at the flush (a new offer of a batch has no id yet)
    change = OfferChange(  # type: ignore[call-arg]
        offer=offer, account_id=actor.account_id, api_token_id=actor.api_token_id,
        via=actor.via, action=action, fields=changes, reason=reason,
    )  # fmt: skip
    db.add(change)
    return change


def _reasons_text(reasons: list[ReviewReason]) -> str | None:
    return "; ".join(r.message_pl for r in reasons) or None


def pending_edit(offer: Offer) -> dict[str, Any] | None:
    """A published offer's edit awaiting review (the institution's words), or None."""
    if offer.status != OfferStatus.active:
        return None
    pending: dict[str, Any] | None = (offer.extras or {}).get("panel_pending")
    return pending


def awaits_review(offer: Offer) -> bool:
    return offer.status == OfferStatus.review or pending_edit(offer) is not None


# extras the panel keeps across saves (the others come from the fields each time)
_KEPT = ("panel_published",)
PANEL_KEYS = "panel_"  # the prefix of every extras key the panel writes


def _kept_extras(previous: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in previous.items() if k in _KEPT}


def _find(db: Session, source: Source, external_id: str) -> Offer | None:
    if source.id is None:
        return None
    return db.exec(
        select(Offer).where(Offer.source_id == source.id, Offer.external_id == external_id)
    ).first()


def _published_before(db: Session, source: Source, offer: Offer | None, batch: Batch | None) -> int:
    """`_published_count`, which a batch stops asking once the institution is established
    (its count only grows while the batch publishes)."""
    if batch is not None and batch.established:
        return FIRST_OFFERS_REVIEWED
    count = _published_count(db, source, offer)
    if batch is not None:
        batch.established = count >= FIRST_OFFERS_REVIEWED
    return count


def _published_count(db: Session, source: Source, offer: Offer | None) -> int:
    """How many of the institution's other offers are published now, counted up to
    `FIRST_OFFERS_REVIEWED` (all the rule needs: a count of thousands cost each offer of an
    upload a scan of the institution's offers)."""
    published = select(Offer.id).where(
        Offer.source_id == source.id, Offer.status == OfferStatus.active
    )
    if offer is not None and offer.id is not None:
        published = published.where(Offer.id != offer.id)
    first = published.limit(FIRST_OFFERS_REVIEWED).subquery()
    return int(db.exec(select(func.count()).select_from(first)).one())


def _diff(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, Any]:
    """field -> [before, after] for every field whose value changed (all of them when new)."""
    before = before or {}
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (_empty(before.get(name)) and _empty(value))
    }


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _action(before: OfferStatus | None, after: OfferStatus) -> str:
    if before is None:
        return {OfferStatus.review: "submitted", OfferStatus.active: "published"}.get(
            after, "created"
        )
    if before != after and after == OfferStatus.review:
        return "submitted"
    if before != after and after == OfferStatus.active:
        return "published"
    return "edited"


# action -> (the states it applies to, the state it leaves, the history's action); approving or
# sending back also applies to a published offer with an edit held for review (`pending_edit`).
_TRANSITIONS: dict[str, tuple[tuple[OfferStatus, ...], OfferStatus, str]] = {
    "archive": (
        (OfferStatus.draft, OfferStatus.review, OfferStatus.active),
        OfferStatus.archived,
        "archived",
    ),
    "restore": ((OfferStatus.archived,), OfferStatus.draft, "restored"),
    "approve": ((OfferStatus.review,), OfferStatus.active, "approved"),
    "return": ((OfferStatus.review,), OfferStatus.draft, "returned"),
}


def set_state(
    db: Session, offer: Offer, actor: Actor, action: Action, reason: str | None = None
) -> OfferChange:
    """Archive or restore (the institution), approve or send back (the coordinator, with a
    reason). Raises `StateChangeRefused` when the action does not apply to the offer's state,
    and ValueError when sending back has no reason. Commits.

    A published offer's edit held for review is, when approved, written and published; when
    sent back, dropped (the published version stays); when the offer is archived, dropped."""
    allowed, target, name = _TRANSITIONS[action]
    pending = pending_edit(offer)
    held = pending is not None and action in ("approve", "return")
    if offer.status not in allowed and not held:
        raise StateChangeRefused(f"{action} does not apply to an offer in state {offer.status}")
    reason = " ".join((reason or "").split()) or None
    if action == "return" and reason is None:
        raise ValueError("sending an offer back needs a reason")
    assert offer.id is not None, "a stored offer"
    if held and action == "approve":
        assert pending is not None
        change = _approve_held(db, offer, actor, pending)
    else:
        before = offer.status
        target = before if held else target
        offer.status = target
        offer.last_changed = utcnow()
        extras = {k: v for k, v in (offer.extras or {}).items() if k not in _SETTLED}
        if target == OfferStatus.active:
            extras["panel_published"] = facts(
                offer.title, offer.qualification_code, (e.price_grosze for e in offer.editions)
            ).to_json()
        offer.extras = extras
        changes = {"status": [before.value, target.value]} if before != target else {}
        change = _record(db, offer, actor, name, changes, reason)
        db.flush()
        if OfferStatus.active in (before, target) and before != target:
            link_duplicates(db, {offer.id})
    db.commit()
    db.refresh(change)
    return change


# extras a decision settles: why it waited, and an edit held for review
_SETTLED = ("panel_review", "panel_pending")


def _approve_held(db: Session, offer: Offer, actor: Actor, pending: dict[str, Any]) -> OfferChange:
    source, institution = offer.source, offer.institution
    if institution is None:
        raise StateChangeRefused("an institution's offer without its institution")
    fields = OfferFields.from_json(pending)
    checked = check_offer(fields, source=source.name, external_id=offer.external_id)
    if checked.normalised is None or checked.errors:
        raise StateChangeRefused("the edit held for review no longer passes its check")
    written = _Written(checked.normalised, fields.to_raw(source.name, offer.external_id), pending)
    # The history shows the published version against the approved one.
    offer.extras = {k: v for k, v in (offer.extras or {}).items() if k not in _SETTLED}
    _write(db, institution, source, offer, offer.external_id, written, OfferStatus.active, actor,
           [], "approved")  # fmt: skip
    change = history(db, offer.id or 0)[0]
    return change


def owned_offer(db: Session, institution: Institution, offer_id: int) -> Offer | None:
    """The institution's own offer `offer_id`, or None (another's offer is not told apart
    from a missing one)."""
    if not 1 <= offer_id <= 2**31 - 1 or institution.id is None:
        return None
    return db.exec(
        select(Offer)
        .join(Source, col(Source.id) == col(Offer.source_id))
        .where(Offer.id == offer_id, Source.name == panel_source_name(institution.id))
    ).first()


def offer_by_external_id(db: Session, institution: Institution, external_id: str) -> Offer | None:
    """The institution's own offer with its id `external_id`, or None."""
    if institution.id is None:
        return None
    source = db.exec(select(Source).where(Source.name == panel_source_name(institution.id))).first()
    return _find(db, source, external_id) if source else None


def own_offers(db: Session, institution: Institution) -> list[Offer]:
    if institution.id is None:
        return []
    return list(
        db.exec(
            select(Offer)
            .join(Source, col(Source.id) == col(Offer.source_id))
            .where(Source.name == panel_source_name(institution.id))
            .order_by(col(Offer.last_changed).desc())
        )
    )


def linked_offers(db: Session, institution: Institution, limit: int = 500) -> list[Offer]:
    """Offers the institution sees but does not edit here: the crawled offers of the provider
    records linked to it, and the offers of the feeds it registered (`Source.feed_url`)."""
    linked = select(Institution.id).where(Institution.registered_id == institution.id)
    feeds = select(Source.id).where(
        Source.institution_id == institution.id, col(Source.feed_url).is_not(None)
    )
    return list(
        db.exec(
            select(Offer)
            .where(
                or_(col(Offer.institution_id).in_(linked), col(Offer.source_id).in_(feeds)),
                Offer.status == OfferStatus.active,
            )
            .order_by(col(Offer.title))
            .limit(limit)
        )
    )


def history(db: Session, offer_id: int) -> list[OfferChange]:
    return list(
        db.exec(
            select(OfferChange)
            .where(OfferChange.offer_id == offer_id)
            .order_by(col(OfferChange.at).desc(), col(OfferChange.id).desc())
        )
    )


def people_of(db: Session, changes: list[OfferChange]) -> dict[int, str]:
    """account id -> how the history names the person (their name, else their e-mail)."""
    ids = {c.account_id for c in changes if c.account_id is not None}
    if not ids:
        return {}
    accounts = db.exec(select(Account).where(col(Account.id).in_(ids)))
    return {a.id: a.name or a.email for a in accounts if a.id is not None}


def review_queue(db: Session) -> list[Offer]:
    """Offers awaiting review, oldest change first: those in review, and published ones with an
    edit held for review (their last change is its submission). Their reasons:
    `extras["panel_review"]`."""
    latest = select(func.max(OfferChange.id)).group_by(col(OfferChange.offer_id))
    submitted = select(OfferChange.offer_id).where(
        col(OfferChange.id).in_(latest), OfferChange.action == "submitted"
    )
    held = and_(col(Offer.status) == OfferStatus.active, col(Offer.id).in_(submitted))
    offers = db.exec(
        select(Offer)
        .where(or_(col(Offer.status) == OfferStatus.review, held))
        .order_by(col(Offer.last_changed), col(Offer.id))
    )
    return [offer for offer in offers if awaits_review(offer)]


def fields_of(offer: Offer) -> OfferFields:
    """The fields the institution last wrote (an edit held for review included), for the form."""
    words = (offer.extras or {}).get("panel_pending") or (offer.extras or {}).get("panel_fields")
    if words:
        return OfferFields.from_json(words)
    return OfferFields(title=offer.title, url=offer.url)


# --- the coordinator's review -------------------------------------------------------------


def returned_mail(title: str, external_id: str, reason: str, url: str) -> tuple[str, str]:
    """The e-mail that tells an institution's members why their offer came back: its subject
    and text, Polish first, then English (as `operations.account_mails`)."""
    polish, english = (
        f"""Dzień dobry,

koordynator katalogu kształcenia ustawicznego odesłał do poprawy ofertę
„{title}” (Wasz identyfikator: {external_id}).

Co trzeba poprawić:
{reason}

Ofertę poprawisz w panelu instytucji: {url}""",
        f"""Hello,

the catalogue's coordinator sent the offer "{title}" (your id: {external_id}) back for
correction.

What must be corrected:
{reason}

Correct it in your institution's panel: {url}""",
    )
    text = f"{polish}\n\n---\n\n{english}\n{SIGNATURE}"
    return "Oferta wymaga poprawy / The offer needs correcting", text


def send_back(
    db: Session, settings: OperationSettings, offer: Offer, coordinator_id: int | None, reason: str
) -> OfferChange:
    """Send a reviewed offer back to its institution (→ draft) with the reason, and e-mail the
    reason to the institution's members. The state change stands if the mail fails: the
    caller reports the error (`smtplib.SMTPException`, `OSError` or `MailNotConfigured`)."""
    change = set_state(db, offer, Actor(coordinator_id, None, "review"), "return", reason)
    assert offer.id is not None and change.reason is not None
    subject, text = returned_mail(
        offer.title, offer.external_id, change.reason, link(settings, f"/panel/oferty/{offer.id}")
    )
    for member in members_of(db, offer.institution_id or 0):
        if member.active and member.email_confirmed_at is not None:
            send_mail(settings.accounts, member.email, subject, text)
    return change


def approve(db: Session, offer: Offer, coordinator_id: int | None) -> OfferChange:
    return set_state(db, offer, Actor(coordinator_id, None, "review"), "approve")
