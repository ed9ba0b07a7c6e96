"""Default settings and their environment overrides."""

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"


class ConfigError(RuntimeError):
    """A setting has a value the app cannot use."""


def from_environment(instance_path: str) -> dict:
    """Build the settings from QUIZ_* environment variables and the instance folder."""
    instance = Path(instance_path)
    return {
        "SQLALCHEMY_DATABASE_URI": os.environ.get("QUIZ_DATABASE_URL")
        or f"sqlite:///{instance / 'quiz.sqlite3'}",
        "SECRET_KEY": os.environ.get("QUIZ_SECRET_KEY") or read_secret_key(instance),
        "QUIZ_TIMEZONE": os.environ.get("QUIZ_TIMEZONE") or None,
        # Large enough for an article upload; the API sets a tighter limit per request.
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        # A pasted text is a field of a multipart form: it may be as large as the whole body
        # (Werkzeug's own default is 500,000 bytes), so one limit holds and pages can say it.
        "MAX_FORM_MEMORY_SIZE": 1024 * 1024,
        "API_MAX_BODY": 16 * 1024,
        # The largest article file a teacher may upload in the browser.
        "QUIZ_MAX_UPLOAD": 512 * 1024,
        "QUIZ_DEFAULT_ROUND_SIZE": 10,
        "QUIZ_TIME_LIMIT": 30,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "PERMANENT_SESSION_LIFETIME": 60 * 60 * 24 * 365,
        "WTF_CSRF_TIME_LIMIT": None,
        # Counters in the app's own database, which every worker of `quiz serve` shares
        # (quiz.storage.counters); redis://host:6379 takes that load off a busy database.
        "RATELIMIT_STORAGE_URI": os.environ.get("QUIZ_RATELIMIT_STORAGE") or "database://",
        "RATELIMIT_HEADERS_ENABLED": True,
        # Answers per round token (API) or per player (pages). Rounds started per address:
        # generous, since a whole school may start its rounds from behind one address.
        "QUIZ_ANSWER_LIMIT": os.environ.get("QUIZ_ANSWER_LIMIT") or "60 per minute",
        "QUIZ_ROUND_LIMIT": os.environ.get("QUIZ_ROUND_LIMIT") or "1200 per minute",
        # Failed logins per account, and per address.
        "QUIZ_LOGIN_LIMIT": os.environ.get("QUIZ_LOGIN_LIMIT") or "10 per minute",
        # Wrong class codes at /join per browser, and per address: a school shares one address,
        # so its ceiling is higher than one browser's.
        "QUIZ_JOIN_LIMIT": os.environ.get("QUIZ_JOIN_LIMIT") or "10 per 10 minutes",
        "QUIZ_JOIN_ADDRESS_LIMIT": os.environ.get("QUIZ_JOIN_ADDRESS_LIMIT") or "50 per 10 minutes",
        # How server processes tell each other that a live game changed: "auto" picks Redis
        # pub/sub when QUIZ_LIVE_REDIS_URL is set, PostgreSQL LISTEN/NOTIFY on PostgreSQL, and
        # otherwise polls the games' version column (several processes on one SQLite file).
        "QUIZ_LIVE_BROKER": os.environ.get("QUIZ_LIVE_BROKER") or "auto",
        "QUIZ_LIVE_REDIS_URL": os.environ.get("QUIZ_LIVE_REDIS_URL") or None,
        # Personal codes typed per address: codes cannot be guessed, and this keeps it so.
        "QUIZ_CODE_LIMIT": os.environ.get("QUIZ_CODE_LIMIT") or "30 per minute",
    }


def read_secret_key(instance: Path) -> str | None:
    """Return the secret key kept in the instance folder, if `quiz init` wrote one."""
    path = instance / SECRET_KEY_FILE
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def write_secret_key(instance: Path) -> bool:
    """Generate and keep a secret key in the instance folder unless one exists; say if written."""
    path = instance / SECRET_KEY_FILE
    if path.exists():
        return False
    instance.mkdir(parents=True, exist_ok=True)
    # Open exclusively so two concurrent inits cannot write two different keys.
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32))
    os.chmod(path, 0o600)
    return True
