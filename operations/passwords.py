"""Password hashes: argon2id, as argon2-cffi's defaults (RFC 9106's second recommendation).

    stored = hash_password("długie hasło instytucji")
    verify_password(stored, typed)  # True or False, never raises for a wrong password

`verify_unknown` spends the time a verification takes without an account, so that a wrong
e-mail cannot be told from a wrong password by how long the answer takes.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
_UNKNOWN = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(plain: str) -> str:
    return _hasher.hash(plain)


def verify_password(stored: str, plain: str) -> bool:
    try:
        return _hasher.verify(stored, plain)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def verify_unknown(plain: str) -> bool:
    """Verify against a hash no password matches: always False, in the usual time."""
    verify_password(_UNKNOWN, plain)
    return False


def needs_rehash(stored: str) -> bool:
    """True when `stored` was made with weaker parameters than today's: hash it again at the
    next successful sign-in."""
    return _hasher.check_needs_rehash(stored)
