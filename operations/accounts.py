"""Accounts: an institution registers, its person confirms the e-mail address by a link, staff
accounts are made from the command line. Sign-in and resets: `operations.signin`; a
coordinator's approval: `operations.approval`.

    register(db, settings, Registration(...))   # raises FormInvalid with every problem at once
    confirm_email(db, token)                    # the account, or None for a used/expired link
    create_staff_account(db, "koordynator@wup.example", "hasło…", Role.coordinator)

A form's problems are `FieldError(field, code)`; the web words each code in Polish and English
("accounts.error.<code>" in web/locale/). E-mail links are 32 random bytes handed
out once; only their SHA-256 is stored (`EmailToken`). See
docs/decisions/0014-institution-accounts.md.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from catalogue.accounts import Account, Approval, EmailToken, Role
from catalogue.models import Institution, utcnow
from operations import account_mails
from operations.mail import deliver
from operations.passwords import hash_password
from operations.settings import OperationSettings

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 1000  # argon2 hashes any length; this bounds the work a request asks for
CONFIRM_VALID_FOR = timedelta(hours=48)
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")
# RIS numbers are written "2.08/00123/2019", RSPO ones as digits: kept digits only.
REGISTER_NUMBER = re.compile(r"^[0-9./ -]{1,40}$")


@dataclass(frozen=True)
class FieldError:
    field: str  # the form field's name
    code: str  # "nip_checksum", "password_short"… (accounts.error.<code>)


class FormInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class Registration:
    institution_name: str
    nip: str
    regon: str
    ris_number: str
    rspo_number: str
    person_name: str
    email: str
    password: str
    consent: bool


# --- checks -------------------------------------------------------------------------------


def normal_email(email: str) -> str:
    return email.strip().lower()


def email_errors(email: str, field: str = "email") -> list[FieldError]:
    if not email:
        return [FieldError(field, "required")]
    if len(email) > 254 or not EMAIL_PATTERN.match(email):
        return [FieldError(field, "email_invalid")]
    return []


def password_errors(password: str, email: str, field: str = "password") -> list[FieldError]:
    if len(password) < PASSWORD_MIN_LENGTH:
        return [FieldError(field, "password_short")]
    if len(password) > PASSWORD_MAX_LENGTH:
        return [FieldError(field, "password_long")]
    if normal_email(password) == normal_email(email) or password.strip().lower() in (
        normal_email(email).split("@")[0],
    ):
        return [FieldError(field, "password_is_email")]
    return []


def official_number(kind: str, value: str) -> tuple[str | None, FieldError | None]:
    """A NIP or REGON's digits, or why it is not one (check digits included)."""
    module = stdnum_nip if kind == "nip" else stdnum_regon
    try:
        return module.validate(value), None
    except InvalidChecksum:
        return None, FieldError(kind, f"{kind}_checksum")
    except InvalidLength:
        return None, FieldError(kind, f"{kind}_length")
    except ValidationError:
        return None, FieldError(kind, f"{kind}_format")


def register_number(field: str, value: str) -> tuple[str | None, FieldError | None]:
    """A RIS or RSPO number's digits (optional), or why it is not one."""
    if not value:
        return None, None
    digits = re.sub(r"\D", "", value)
    if not REGISTER_NUMBER.match(value) or not digits:
        return None, FieldError(field, "digits_only")
    return digits, None


@dataclass(frozen=True)
class CheckedRegistration:
    name: str
    numbers: dict[str, str | None]  # nip, regon, ris_number, rspo_number: digits or None
    person_name: str
    email: str
    password: str


def check_registration(form: Registration) -> CheckedRegistration:
    errors: list[FieldError] = []
    name = " ".join(form.institution_name.split())
    if not name:
        errors.append(FieldError("institution_name", "required"))
    elif len(name) > 300:
        errors.append(FieldError("institution_name", "too_long"))
    numbers: dict[str, str | None] = {}
    for kind, value in (("nip", form.nip.strip()), ("regon", form.regon.strip())):
        numbers[kind], error = official_number(kind, value) if value else (None, None)
        errors += [error] if error else []
    if not form.nip.strip() and not form.regon.strip():
        errors.append(FieldError("nip", "nip_or_regon"))
    for field, value in (("ris_number", form.ris_number), ("rspo_number", form.rspo_number)):
        numbers[field], error = register_number(field, value.strip())
        errors += [error] if error else []
    person = " ".join(form.person_name.split())
    if not person:
        errors.append(FieldError("person_name", "required"))
    elif len(person) > 200:
        errors.append(FieldError("person_name", "too_long"))
    email = normal_email(form.email)
    errors += credentials_errors(email, form.password, form.consent)
    if errors:
        raise FormInvalid(errors)
    return CheckedRegistration(name, numbers, person, email, form.password)


def credentials_errors(email: str, password: str, consent: bool) -> list[FieldError]:
    """A registration's address (normalised), password and consent: what is wrong with them."""
    errors = email_errors(email) + password_errors(password, email)
    return errors + ([] if consent else [FieldError("consent", "consent_required")])


# --- e-mail links -------------------------------------------------------------------------


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def as_utc(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes (stored as UTC); PostgreSQL may give aware ones.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def issue_email_token(db: Session, account_id: int, purpose: str, valid_for: timedelta) -> str:
    """A new single-use link's token (stored as its SHA-256); the caller commits."""
    token = secrets.token_urlsafe(32)
    db.add(
        EmailToken(
            token_hash=digest(token),
            account_id=account_id,
            purpose=purpose,
            expires_at=utcnow() + valid_for,
        )
    )
    return token


def valid_email_token(db: Session, token: str, purpose: str) -> EmailToken | None:
    """The unused, unexpired token of this purpose, or None (nothing is changed)."""
    if not token or len(token) > 100:
        return None
    found = db.exec(select(EmailToken).where(EmailToken.token_hash == digest(token))).first()
    if found is None or found.purpose != purpose or found.used_at is not None:
        return None
    return found if as_utc(found.expires_at) > utcnow() else None


def link(settings: OperationSettings, path: str) -> str:
    return settings.catalogue.public_url.rstrip("/") + path


# --- registration -------------------------------------------------------------------------


def register(db: Session, settings: OperationSettings, form: Registration) -> None:
    """Register an institution and its first person, and send the confirmation link.

    The answer is the same whether or not the address already has an account (nobody learns
    who has one): its owner is told by e-mail instead. An institution already registered under
    the NIP or REGON is a form error (no second institution)."""
    checked = check_registration(form)
    taken = registered_under(db, checked.numbers)
    if taken:
        raise FormInvalid([FieldError(field, f"{field}_registered") for field in taken])
    existing = db.exec(select(Account).where(Account.email == checked.email)).first()
    if existing is not None:
        hash_password(checked.password)  # the time a new account takes: nothing told by it
        subject, text = account_mails.already_registered(link(settings, "/haslo"))
        deliver(settings.accounts, checked.email, subject, text)
        return
    institution = Institution(
        name=checked.name,
        # Not the folded name crawled provider records are found by: a crawl never writes here.
        key=registered_key(checked.numbers),
        approval=Approval.pending,
        registered_at=utcnow(),
        nip=checked.numbers["nip"],
        regon=checked.numbers["regon"],
        ris_number=checked.numbers["ris_number"],
        rspo_number=checked.numbers["rspo_number"],
    )
    db.add(institution)
    db.flush()
    account = Account(
        email=checked.email,
        password_hash=hash_password(checked.password),
        role=Role.member,
        name=checked.person_name,
        institution_id=institution.id,
    )
    db.add(account)
    db.flush()
    assert account.id is not None
    token = issue_email_token(db, account.id, "confirm", CONFIRM_VALID_FOR)
    db.commit()
    subject, text = account_mails.confirm(checked.name, link(settings, f"/potwierdz/{token}"))
    deliver(settings.accounts, checked.email, subject, text)


def registered_key(numbers: dict[str, str | None]) -> str:
    """A registered institution's `key`: by its NIP (else REGON), which no folded name can be
    (a name's key has no colons)."""
    return (
        f"registered:nip:{numbers['nip']}"
        if numbers.get("nip")
        else (f"registered:regon:{numbers['regon']}")
    )


def registered_under(db: Session, numbers: dict[str, str | None]) -> list[str]:
    """Which of the NIP and REGON a registered institution already holds."""
    taken = []
    for field in ("nip", "regon"):
        value = numbers.get(field)
        column = getattr(Institution, field)
        query = select(Institution.id).where(column == value, col(Institution.approval).isnot(None))
        if value and db.exec(query).first() is not None:
            taken.append(field)
    return taken


def confirm_email(db: Session, settings: OperationSettings, token: str) -> Account | None:
    """Use a confirmation link: the account, its address now confirmed; None if the link is
    unknown, used or expired. The coordinators hear of an institution, or an adviser's request,
    now awaiting them."""
    found = valid_email_token(db, token, "confirm")
    account = db.get(Account, found.account_id) if found else None
    if found is None or account is None:
        return None
    found.used_at = utcnow()
    account.email_confirmed_at = account.email_confirmed_at or utcnow()
    db.add_all([found, account])
    db.commit()
    db.refresh(account)
    institution = db.get(Institution, account.institution_id) if account.institution_id else None
    if institution is not None and institution.approval == Approval.pending:
        url = link(settings, "/koordynator/instytucje")
        tell_coordinators(db, settings, *account_mails.awaiting(institution.name, url))
    if account.role == Role.adviser and not account.active:  # operations.adviser_accounts
        url = link(settings, "/koordynator/doradcy")
        tell_coordinators(db, settings, *account_mails.adviser_awaiting(account.name, url))
    return account


def tell_coordinators(db: Session, settings: OperationSettings, subject: str, text: str) -> None:
    for coordinator in db.exec(
        select(Account).where(Account.role == Role.coordinator, col(Account.active).is_(True))
    ):
        deliver(settings.accounts, coordinator.email, subject, text)


# --- staff accounts and what an institution may do ----------------------------------------


def create_staff_account(
    db: Session, email: str, password: str, role: Role, name: str = ""
) -> Account:
    """A coordinator's or adviser's account, confirmed at once (`lll user create`)."""
    email = normal_email(email)
    errors = email_errors(email) + password_errors(password, email)
    if role == Role.member:
        errors.append(FieldError("role", "role_staff_only"))
    if not errors and db.exec(select(Account).where(Account.email == email)).first():
        errors.append(FieldError("email", "email_taken"))
    if errors:
        raise FormInvalid(errors)
    account = Account(
        email=email,
        password_hash=hash_password(password),
        role=role,
        name=" ".join(name.split()),
        email_confirmed_at=utcnow(),
    )
    db.add(account)
    db.commit()
    db.refresh(account)
    return account


def institution_may_publish(institution: Institution) -> bool:
    """Only an institution a coordinator approved publishes; a pending one writes drafts."""
    return institution.approval == Approval.approved
