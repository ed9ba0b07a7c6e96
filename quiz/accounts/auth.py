"""Teacher authentication: argon2id password hashes, sessions, and bearer tokens for the API."""

from __future__ import annotations

import contextlib
import hmac
import secrets
from functools import wraps

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _
from sqlalchemy import select, update

from quiz.accounts.tokens import bearer_token, hash_token
from quiz.errors import NotFound, Unauthorized
from quiz.rules import check_teacher_name
from quiz.storage.extensions import db
from quiz.storage.models import ApiToken, Teacher, new_public_id, utcnow
from quiz.storage.work import unit_of_work

MIN_PASSWORD = 8
# argon2-cffi's defaults are argon2id with the RFC 9106 "low memory" profile.
_hasher = PasswordHasher()

# The most common passwords of at least 8 characters, from public breach lists.
COMMON_PASSWORDS = frozenset(
    [
        "12345678",
        "123456789",
        "1234567890",
        "12345678910",
        "password",
        "password1",
        "password12",
        "password123",
        "passw0rd",
        "qwertyuiop",
        "qwerty123",
        "qwerty12",
        "1q2w3e4r",
        "1q2w3e4r5t",
        "1qaz2wsx",
        "zaq12wsx",
        "11111111",
        "00000000",
        "88888888",
        "87654321",
        "abcd1234",
        "abc12345",
        "iloveyou",
        "princess",
        "sunshine",
        "football",
        "baseball",
        "superman",
        "trustno1",
        "whatever",
        "computer",
        "michelle",
        "starwars",
        "letmein1",
        "welcome1",
        "welcome123",
        "admin123",
        "administrator",
        "changeme",
        "teacher1",
        "teacher123",
        "school123",
        "baikonur",
        "qwertyui",
        "asdfghjk",
        "asdfghjkl",
        "zxcvbnm1",
        "aa123456",
        "a1234567",
        "12341234",
        "11223344",
        "123123123",
    ]
)


class PasswordRejected(ValueError):
    """A password that is too short or too common."""


def check_password_strength(password: str, name: str = "") -> None:
    """Refuse a password that is shorter than 8 characters, common, or the account name."""
    if len(password) < MIN_PASSWORD:
        raise PasswordRejected(f"A password needs at least {MIN_PASSWORD} characters.")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or (name and lowered == name.lower()):
        raise PasswordRejected("That password is too common; choose another.")


def hash_password(password: str) -> str:
    """Return an argon2id hash of the password."""
    return _hasher.hash(password)


def verify_password(teacher: Teacher, password: str) -> bool:
    """Tell whether the password is the teacher's, upgrading an outdated hash."""
    try:
        _hasher.verify(teacher.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    if _hasher.check_needs_rehash(teacher.password_hash):
        with unit_of_work():
            teacher.password_hash = _hasher.hash(password)
    return True


# Spent on unknown names too, so timing does not tell which accounts exist.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(8))


def authenticate(name: str, password: str) -> Teacher | None:
    """Return the teacher with this name and password, or None."""
    teacher = db.session.scalar(select(Teacher).where(Teacher.name == name))
    if teacher is None:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password)
        return None
    return teacher if verify_password(teacher, password) else None


def load_teacher(login_id: str) -> Teacher | None:
    """Return the logged-in teacher for Flask-Login, if the session is still current."""
    teacher_id, _, token = login_id.partition(":")
    try:
        teacher = db.session.get(Teacher, int(teacher_id))
    except ValueError:
        return None
    if teacher is None or not hmac.compare_digest(teacher.session_token, token):
        return None
    return teacher


def end_sessions(teacher: Teacher) -> None:
    """Invalidate every login cookie of the account."""
    with unit_of_work():
        teacher.session_token = new_public_id()


def create_teacher(name: str, password: str) -> Teacher:
    """Create a teacher account, refusing a taken name or a weak password."""
    name = check_teacher_name(name)
    if db.session.scalar(select(Teacher.id).where(Teacher.name == name)) is not None:
        raise ValueError(f"A teacher named {name!r} already exists.")
    check_password_strength(password, name)
    teacher = Teacher(name=name, password_hash=hash_password(password))
    with unit_of_work() as session:
        session.add(teacher)
    return teacher


def issue_api_token(teacher: Teacher, name: str = "api") -> str:
    """Create a new API token for a teacher and return it (shown once, stored hashed)."""
    token = "qt_" + secrets.token_urlsafe(32)
    with unit_of_work() as session:
        session.add(ApiToken(teacher_id=teacher.id, name=name, token_hash=hash_token(token)))
    return token


def revoke_api_token(teacher: Teacher, token_id: int) -> ApiToken:
    """Delete one of the teacher's API tokens; another teacher's is not found."""
    with unit_of_work() as session:
        row = session.get(ApiToken, token_id)
        if row is None or row.teacher_id != teacher.id:
            raise NotFound(_("No such token."))
        session.delete(row)
    return row


def teacher_from_bearer() -> Teacher | None:
    """Return the teacher whose API token the request carries, or None."""
    token = bearer_token()
    if token is None:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if row is None or not hmac.compare_digest(row.token_hash, hash_token(token)):
        return None
    teacher = row.teacher
    with unit_of_work() as session:
        session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=utcnow()))
    return teacher


def teacher_token_required(view):
    """Let a view run only for a request with a valid teacher API token (401 otherwise)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        teacher = teacher_from_bearer()
        if teacher is None:
            raise Unauthorized(
                _("This endpoint needs a teacher API token: 'Authorization: Bearer …'.")
            )
        return view(teacher, *args, **kwargs)

    return wrapper
