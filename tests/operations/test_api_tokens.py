"""API tokens: shown once, stored as their SHA-256, scoped to one institution, revocable."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import Session

from catalogue.accounts import ApiToken, Approval
from catalogue.db import get_engine
from catalogue.models import Institution, utcnow
from operations.api_tokens import (
    TokenNameInvalid,
    authenticate,
    create_token,
    list_tokens,
    revoke_token,
)
from tests.web.test_institution_api_support import Member, add_member


@pytest.fixture
def db(database_url: str) -> Iterator[Session]:
    engine = get_engine(database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def member_of(db: Session, key: str) -> Member:
    return add_member(db, key)


def new_token(db: Session, member: Member, name: str = "System zapisów") -> tuple[ApiToken, str]:
    return create_token(
        db, institution_id=member.institution_id, account_id=member.account_id, name=name
    )


def test_a_token_is_stored_only_as_its_hash_with_a_prefix_to_recognise_it(db: Session) -> None:
    token, plain = new_token(db, member_of(db, "a"))
    assert plain.startswith("lll_") and len(plain) > 40
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain.startswith(token.prefix) and len(token.prefix) < 16
    stored = db.get(ApiToken, token.id)
    assert stored is not None and plain not in (stored.token_hash, stored.prefix, stored.name)


def test_two_tokens_differ(db: Session) -> None:
    account = member_of(db, "a")
    assert new_token(db, account)[1] != new_token(db, account)[1]


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_token_needs_a_name_of_reasonable_length(db: Session, name: str) -> None:
    with pytest.raises(TokenNameInvalid):
        new_token(db, member_of(db, "a"), name)


def test_the_right_value_authenticates_and_anything_else_does_not(db: Session) -> None:
    token, plain = new_token(db, member_of(db, "a"))
    found = authenticate(db, plain)
    assert found is not None and found.id == token.id
    for wrong in ["", plain[:-1], plain + "x", plain.upper(), "lll_" + "A" * 500, token.token_hash]:
        assert authenticate(db, wrong) is None


def test_a_revoked_token_no_longer_authenticates(db: Session) -> None:
    account = member_of(db, "a")
    token, plain = new_token(db, account)
    assert token.id is not None
    assert revoke_token(db, account.institution_id, token.id)
    assert authenticate(db, plain) is None
    assert revoke_token(db, account.institution_id, token.id)  # again: nothing changes


def test_a_refused_institutions_token_no_longer_authenticates(db: Session) -> None:
    account = member_of(db, "a")
    _, plain = new_token(db, account)
    institution = db.get(Institution, account.institution_id)
    assert institution is not None
    institution.approval = Approval.refused
    db.add(institution)
    db.commit()
    assert authenticate(db, plain) is None


def test_another_institution_cannot_revoke_or_list_a_token(db: Session) -> None:
    a, b = member_of(db, "a"), member_of(db, "b")
    token, plain = new_token(db, a)
    assert token.id is not None
    assert not revoke_token(db, b.institution_id, token.id)
    assert list_tokens(db, b.institution_id) == []
    assert authenticate(db, plain) is not None


def test_the_list_holds_the_institutions_tokens_the_newest_first(db: Session) -> None:
    account = member_of(db, "a")
    first, _ = new_token(db, account, "pierwszy")
    second, _ = new_token(db, account, "drugi")
    assert [t.id for t in list_tokens(db, account.institution_id)] == [second.id, first.id]


def test_the_last_use_is_noted_at_most_once_a_minute(db: Session) -> None:
    _, plain = new_token(db, member_of(db, "a"))
    start = utcnow()
    found = authenticate(db, plain, now=start)
    assert found is not None and found.last_used_at is not None
    first_use = found.last_used_at
    found = authenticate(db, plain, now=start + timedelta(seconds=30))
    assert found is not None and found.last_used_at == first_use
    later = start + timedelta(seconds=61)
    found = authenticate(db, plain, now=later)
    assert found is not None and found.last_used_at is not None
    assert found.last_used_at.replace(tzinfo=None) == later.replace(tzinfo=None)
