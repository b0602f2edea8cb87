"""Registration, the confirmation link, staff accounts and a coordinator's approval, on each
kind of database, with the e-mail read from a real SMTP server."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from catalogue.accounts import Account, Approval, EmailToken, Role
from catalogue.models import Institution, utcnow
from lll.settings import Settings
from operations.accounts import (
    FormInvalid,
    Registration,
    confirm_email,
    create_staff_account,
    institution_may_publish,
    register,
)
from operations.approval import NotPending, decide, pending_institutions
from operations.mailbox import Mailbox
from tests.mail_support import db, link_path, mail_settings, mailbox, only_message_to, text_of

__all__ = ["db", "mail_settings", "mailbox"]  # the fixtures, found by name

FORM = Registration(
    institution_name="  Ośrodek   Szkoleń „Lubuskie” ",
    nip="PL 123-456-32-18",
    regon="",
    ris_number="2.08/00123/2019",
    rspo_number="",
    person_name="Ola Nowak",
    email="Ola.Nowak@Example.org ",
    password="długie hasło ośrodka",
    consent=True,
)


@pytest.fixture
def settings(mail_settings: Settings) -> Settings:
    return mail_settings


def codes(error: pytest.ExceptionInfo[FormInvalid]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in error.value.errors}


def test_a_registration_makes_a_pending_institution_and_an_unconfirmed_member(
    db: Session, settings: Settings, mailbox: Mailbox
):
    register(db, settings, FORM)
    institution = db.exec(select(Institution)).one()
    assert (institution.name, institution.nip, institution.ris_number, institution.regon) == (
        "Ośrodek Szkoleń „Lubuskie”", "1234563218", "208001232019", None,
    )  # fmt: skip
    assert institution.approval == Approval.pending and institution.registered_at is not None
    assert not institution_may_publish(institution)
    account = db.exec(select(Account)).one()
    assert (account.email, account.role, account.institution_id) == (
        "ola.nowak@example.org", Role.member, institution.id,
    )  # fmt: skip
    assert account.password_hash.startswith("$argon2id$")
    assert account.email_confirmed_at is None
    message = only_message_to(mailbox, "ola.nowak@example.org")
    assert "Potwierdź adres" in str(message["Subject"])
    token = link_path(message, "/potwierdz/").removeprefix("/potwierdz/")
    stored = db.exec(select(EmailToken)).one()
    assert token not in stored.token_hash and len(stored.token_hash) == 64  # SHA-256, not token


def test_a_confirmation_link_works_once(db: Session, settings: Settings, mailbox: Mailbox):
    register(db, settings, FORM)
    path = link_path(only_message_to(mailbox, "ola.nowak@example.org"), "/potwierdz/")
    token = path.removeprefix("/potwierdz/")
    confirmed = confirm_email(db, settings, token)
    assert confirmed is not None and confirmed.email_confirmed_at is not None
    assert confirm_email(db, settings, token) is None
    assert confirm_email(db, settings, token + "x") is None


def test_the_coordinators_hear_of_a_confirmed_institution(
    db: Session, settings: Settings, mailbox: Mailbox
):
    create_staff_account(db, "wup@example.org", "hasło koordynatora", Role.coordinator)
    register(db, settings, FORM)
    assert mailbox.messages()[-1]["To"] == "ola.nowak@example.org"  # not before confirmation
    path = link_path(only_message_to(mailbox, "ola.nowak@example.org"), "/potwierdz/")
    confirm_email(db, settings, path.removeprefix("/potwierdz/"))
    told = only_message_to(mailbox, "wup@example.org")
    assert "Ośrodek Szkoleń „Lubuskie”" in text_of(told)
    assert link_path(told, "/koordynator/") == "/koordynator/instytucje"


def test_an_expired_confirmation_link_confirms_nothing(
    db: Session, settings: Settings, mailbox: Mailbox
):
    register(db, settings, FORM)
    token = link_path(only_message_to(mailbox, "ola.nowak@example.org"), "/potwierdz/")
    stored = db.exec(select(EmailToken)).one()
    stored.expires_at = utcnow() - timedelta(minutes=1)
    db.add(stored)
    db.commit()
    assert confirm_email(db, settings, token.removeprefix("/potwierdz/")) is None
    assert db.exec(select(Account)).one().email_confirmed_at is None


def test_every_problem_of_a_form_is_named_and_nothing_is_stored(
    db: Session, settings: Settings, mailbox: Mailbox
):
    form = replace(
        FORM, institution_name=" ", nip="123-456-32-19", regon="12345", rspo_number="12a",
        person_name="", email="ola@", password="krótkie", consent=False,
    )  # fmt: skip
    with pytest.raises(FormInvalid) as error:
        register(db, settings, form)
    assert codes(error) == {
        ("institution_name", "required"), ("nip", "nip_checksum"), ("regon", "regon_length"),
        ("rspo_number", "digits_only"), ("person_name", "required"), ("email", "email_invalid"),
        ("password", "password_short"), ("consent", "consent_required"),
    }  # fmt: skip
    assert db.exec(select(Institution)).all() == [] and mailbox.messages() == []


@pytest.mark.parametrize(
    ("nip", "regon", "expected"),
    [
        ("", "", ("nip", "nip_or_regon")),
        ("12-34", "", ("nip", "nip_length")),
        ("abcdefghij", "", ("nip", "nip_format")),
        ("", "123456786", ("regon", "regon_checksum")),
    ],
)
def test_an_institution_is_named_by_a_valid_nip_or_regon(
    db: Session, settings: Settings, nip: str, regon: str, expected: tuple[str, str]
):
    with pytest.raises(FormInvalid) as error:
        register(db, settings, replace(FORM, nip=nip, regon=regon))
    assert codes(error) == {expected}


def test_a_regon_alone_names_an_institution(db: Session, settings: Settings):
    register(db, settings, replace(FORM, nip="", regon="123456785"))
    assert db.exec(select(Institution.regon)).one() == "123456785"


@pytest.mark.parametrize("password", ["ola.nowak@example.org", "OLA.NOWAK@EXAMPLE.ORG"])
def test_the_password_is_not_the_email(db: Session, settings: Settings, password: str):
    with pytest.raises(FormInvalid) as error:
        register(db, settings, replace(FORM, password=password))
    assert codes(error) == {("password", "password_is_email")}


def test_an_institution_registers_once_per_nip(db: Session, settings: Settings):
    register(db, settings, FORM)
    with pytest.raises(FormInvalid) as error:
        register(db, settings, replace(FORM, email="inna@example.org"))
    assert codes(error) == {("nip", "nip_registered")}
    assert len(db.exec(select(Institution)).all()) == 1


def test_a_crawled_record_with_the_nip_does_not_block_registration(db: Session, settings: Settings):
    db.add(Institution(name="Ośrodek Szkoleń Lubuskie", key="osrodek szkolen lubuskie",
                       nip="1234563218"))  # fmt: skip
    db.commit()
    register(db, settings, FORM)
    assert db.exec(select(Institution).where(Institution.approval == "pending")).one()


def test_a_registered_address_is_not_told_but_its_owner_is(
    db: Session, settings: Settings, mailbox: Mailbox
):
    register(db, settings, FORM)
    register(db, settings, replace(FORM, nip="", regon="123456785", password="inne długie hasło"))
    assert len(db.exec(select(Institution)).all()) == 1
    assert len(db.exec(select(Account)).all()) == 1
    messages = mailbox.messages()
    assert len(messages) == 2
    assert "już istnieje" in text_of(messages[1]) and "/haslo" in text_of(messages[1])


def test_a_staff_account_is_confirmed_at_once_and_made_once(db: Session):
    account = create_staff_account(db, " WUP@Example.org", "hasło koordynatora", Role.coordinator,
                                   name="Jan  Kowalski")  # fmt: skip
    assert (account.email, account.role, account.name) == (
        "wup@example.org", Role.coordinator, "Jan Kowalski",
    )  # fmt: skip
    assert account.email_confirmed_at is not None and account.institution_id is None
    with pytest.raises(FormInvalid) as error:
        create_staff_account(db, "wup@example.org", "hasło koordynatora", Role.adviser)
    assert codes(error) == {("email", "email_taken")}
    with pytest.raises(FormInvalid) as error:
        create_staff_account(db, "inny@example.org", "hasło członka!", Role.member)
    assert codes(error) == {("role", "role_staff_only")}


def registered(db: Session, settings: Settings) -> Institution:
    register(db, settings, FORM)
    return db.exec(select(Institution).where(Institution.approval == "pending")).one()


def test_approval_links_the_crawled_records_and_tells_the_members(
    db: Session, settings: Settings, mailbox: Mailbox
):
    institution = registered(db, settings)
    crawled = [
        Institution(name="OSL (z BUR)", key="osl bur", nip="1234563218"),
        Institution(name="OSL (z RIS)", key="osl ris", ris_number="208001232019"),
        Institution(name="Inny ośrodek", key="inny", nip="5260001246"),
    ]
    db.add_all(crawled)
    db.commit()
    coordinator = create_staff_account(db, "wup@example.org", "hasło koordynatora",
                                       Role.coordinator)  # fmt: skip
    assert [p.institution.id for p in pending_institutions(db)] == [institution.id]
    assert [a.email for a in pending_institutions(db)[0].members] == ["ola.nowak@example.org"]
    decided = decide(db, settings, institution.id or 0, coordinator, approve=True)
    assert decided.approval == Approval.approved and institution_may_publish(decided)
    assert decided.decided_by_id == coordinator.id and decided.decided_at is not None
    for record in crawled:
        db.refresh(record)
    assert [r.registered_id for r in crawled] == [institution.id, institution.id, None]
    assert pending_institutions(db) == []
    mails = mailbox.messages()
    assert "zatwierdził" in text_of(mails[-1]) and str(mails[-1]["To"]) == "ola.nowak@example.org"
    with pytest.raises(NotPending):
        decide(db, settings, institution.id or 0, coordinator, approve=False, reason="Nie.")


def test_a_refusal_needs_a_reason_and_sends_it(db: Session, settings: Settings, mailbox: Mailbox):
    institution = registered(db, settings)
    coordinator = create_staff_account(db, "wup@example.org", "hasło koordynatora",
                                       Role.coordinator)  # fmt: skip
    with pytest.raises(FormInvalid) as error:
        decide(db, settings, institution.id or 0, coordinator, approve=False, reason="  ")
    assert codes(error) == {("reason", "reason_required")}
    reason = "Numer NIP należy do innej firmy."
    refused = decide(db, settings, institution.id or 0, coordinator, approve=False, reason=reason)
    assert (refused.approval, refused.refusal_reason) == (Approval.refused, reason)
    assert not institution_may_publish(refused)
    assert reason in text_of(mailbox.messages()[-1])
    with pytest.raises(NotPending):
        decide(db, settings, 999_999, coordinator, approve=True)
