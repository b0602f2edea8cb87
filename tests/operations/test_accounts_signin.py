"""Signing in (one answer for a wrong password and an unknown address, throttled per e-mail and
per address, failures kept only as keyed hashes) and resetting a password by an e-mailed link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from catalogue.accounts import Account, EmailToken, LoginFailure, LoginSession, Role
from catalogue.models import utcnow
from lll.settings import Settings
from operations.accounts import FormInvalid, create_staff_account
from operations.mailbox import Mailbox
from operations.settings import AccountSettings
from operations.signin import (
    SecretKeyMissing,
    SignInResult,
    failure_key,
    request_reset,
    reset_allowed,
    reset_password,
    sign_in,
)
from tests.mail_support import db, link_path, mail_settings, mailbox, only_message_to

__all__ = ["db", "mail_settings", "mailbox"]  # the fixtures, found by name

EMAIL, PASSWORD = "wup@example.org", "hasło koordynatora"
ADDRESS = "203.0.113.5"


@pytest.fixture
def settings(mail_settings: Settings) -> Settings:
    return mail_settings


@pytest.fixture
def account(db: Session) -> Account:
    return create_staff_account(db, EMAIL, PASSWORD, Role.coordinator)


def attempt(db: Session, settings: Settings, email: str, password: str, address: str = ADDRESS):
    return sign_in(db, settings.accounts, email, password, address).result


def test_the_right_password_signs_in(db: Session, settings: Settings, account: Account):
    outcome = sign_in(db, settings.accounts, " WUP@example.org", PASSWORD, ADDRESS)
    assert outcome.result == SignInResult.ok and outcome.account is not None
    assert outcome.account.id == account.id


def test_a_wrong_password_and_an_unknown_address_are_one_answer(
    db: Session, settings: Settings, account: Account
):
    assert attempt(db, settings, EMAIL, "złe hasło koordynatora") == SignInResult.wrong
    assert attempt(db, settings, "nikt@example.org", PASSWORD) == SignInResult.wrong


def test_failures_are_kept_under_keyed_hashes_only(
    db: Session, settings: Settings, account: Account
):
    attempt(db, settings, EMAIL, "złe hasło koordynatora")
    keys = set(db.exec(select(LoginFailure.key)))
    assert keys == {
        failure_key(settings.accounts, "email", EMAIL),
        failure_key(settings.accounts, "addr", ADDRESS),
    }
    assert not any(EMAIL in key or ADDRESS in key for key in keys)
    other = AccountSettings(secret_key="another key")
    assert failure_key(other, "email", EMAIL) not in keys  # keyed: not a plain hash


def test_failures_cannot_be_counted_without_a_secret_key(db: Session, account: Account):
    with pytest.raises(SecretKeyMissing):
        sign_in(db, AccountSettings(secret_key=""), EMAIL, PASSWORD, ADDRESS)


def test_five_failures_for_an_address_throttle_even_the_right_password(
    db: Session, settings: Settings, account: Account
):
    for _ in range(5):
        assert attempt(db, settings, EMAIL, "złe hasło koordynatora") == SignInResult.wrong
    assert attempt(db, settings, EMAIL, PASSWORD) == SignInResult.throttled
    assert attempt(db, settings, EMAIL, PASSWORD, "198.51.100.7") == SignInResult.throttled
    # …and an unknown e-mail is throttled the same way (nothing told apart).
    for _ in range(5):
        attempt(db, settings, "nikt@example.org", "cokolwiek długiego", "198.51.100.8")
    assert attempt(db, settings, "nikt@example.org", "x", "198.51.100.8") == SignInResult.throttled


def test_twenty_failures_from_one_client_throttle_it(
    db: Session, settings: Settings, account: Account
):
    for n in range(20):
        attempt(db, settings, f"ktos{n}@example.org", "zgadywane hasło")
    assert attempt(db, settings, EMAIL, PASSWORD) == SignInResult.throttled
    assert attempt(db, settings, EMAIL, PASSWORD, "198.51.100.7") == SignInResult.ok


def test_failures_older_than_the_window_no_longer_count_and_a_day_old_ones_go(
    db: Session, settings: Settings, account: Account
):
    key = failure_key(settings.accounts, "email", EMAIL)
    db.add_all([LoginFailure(key=key, at=utcnow() - timedelta(minutes=16)) for _ in range(5)])
    db.add(LoginFailure(key=key, at=utcnow() - timedelta(days=2)))
    db.commit()
    assert attempt(db, settings, EMAIL, PASSWORD) == SignInResult.ok
    attempt(db, settings, EMAIL, "złe hasło koordynatora")  # a write purges
    ages = [utcnow() - failure.at.replace(tzinfo=utcnow().tzinfo) for failure in
            db.exec(select(LoginFailure))]  # fmt: skip
    assert ages and max(ages) < timedelta(days=1)


def test_an_unconfirmed_address_is_told_only_after_the_right_password(
    db: Session, settings: Settings, account: Account
):
    account.email_confirmed_at = None
    db.add(account)
    db.commit()
    assert attempt(db, settings, EMAIL, "złe hasło koordynatora") == SignInResult.wrong
    assert attempt(db, settings, EMAIL, PASSWORD) == SignInResult.unconfirmed


def test_a_closed_account_cannot_sign_in(db: Session, settings: Settings, account: Account):
    account.active = False
    db.add(account)
    db.commit()
    assert attempt(db, settings, EMAIL, PASSWORD) == SignInResult.wrong


def reset_token(mailbox: Mailbox) -> str:
    return link_path(only_message_to(mailbox, EMAIL), "/haslo/").removeprefix("/haslo/")


def test_a_reset_link_sets_a_new_password_once_and_ends_every_session(
    db: Session, settings: Settings, mailbox: Mailbox, account: Account
):
    db.add(LoginSession(id="a" * 64, account_id=account.id or 0, csrf_token="c",
                        expires_at=utcnow() + timedelta(hours=1)))  # fmt: skip
    db.commit()
    request_reset(db, settings, "WUP@example.org")
    token = reset_token(mailbox)
    assert reset_allowed(db, token)
    with pytest.raises(FormInvalid):
        reset_password(db, token, "krótkie")
    assert reset_password(db, token, "nowe hasło koordynatora") is not None
    assert db.exec(select(LoginSession)).all() == []
    assert attempt(db, settings, EMAIL, "nowe hasło koordynatora") == SignInResult.ok
    assert attempt(db, settings, EMAIL, PASSWORD) == SignInResult.wrong
    assert not reset_allowed(db, token)
    assert reset_password(db, token, "jeszcze inne hasło") is None


def test_a_reset_link_expires_after_an_hour(
    db: Session, settings: Settings, mailbox: Mailbox, account: Account
):
    request_reset(db, settings, EMAIL)
    token = reset_token(mailbox)
    stored = db.exec(select(EmailToken)).one()
    stored.created_at = stored.expires_at = utcnow() - timedelta(seconds=1)
    db.add(stored)
    db.commit()
    assert not reset_allowed(db, token)
    assert reset_password(db, token, "nowe hasło koordynatora") is None


def test_a_reset_for_an_unknown_address_sends_nothing(
    db: Session, settings: Settings, mailbox: Mailbox, account: Account
):
    request_reset(db, settings, "nikt@example.org")
    assert mailbox.messages() == []
    assert db.exec(select(EmailToken)).all() == []
