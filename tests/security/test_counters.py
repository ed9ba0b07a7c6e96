"""Rate-limit counters in the app's own database: one count for every process, windows that end."""

import pytest
from limits import parse
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import select

from quiz import create_app
from quiz.storage import counters
from quiz.storage.extensions import db, limiter
from quiz.storage.models import RateLimit


@pytest.fixture
def clock(monkeypatch):
    """A settable clock for the counters' windows."""

    class Clock:
        now = 1_000_000.0

    monkeypatch.setattr(counters.time, "time", lambda: Clock.now)
    return Clock


def test_the_database_is_the_default_store_of_the_limits(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "database://"
    assert isinstance(limiter.storage, counters.DatabaseStorage)


def test_two_apps_on_one_database_share_one_count(app):
    """As two worker processes would: each counts, and each sees the other's hits."""
    other = create_app({**app.config})
    storage = counters.DatabaseStorage("database://")
    item = parse("3 per minute")
    strategy = FixedWindowRateLimiter(storage)
    try:
        with app.app_context():
            assert strategy.hit(item, "address:192.0.2.1")
        with other.app_context():
            assert strategy.hit(item, "address:192.0.2.1")
            assert strategy.hit(item, "address:192.0.2.1")
        with app.app_context():
            assert not strategy.hit(item, "address:192.0.2.1")
            assert storage.get(item.key_for("address:192.0.2.1")) == 4
            # Another address has its own count.
            assert strategy.hit(item, "address:192.0.2.2")
    finally:
        with other.app_context():
            db.engine.dispose()


def test_a_window_ends_and_a_new_one_starts(ctx, clock):
    storage = counters.DatabaseStorage("database://")
    assert storage.incr("k", 60) == 1
    assert storage.incr("k", 60) == 2
    assert storage.get_expiry("k") == clock.now + 60
    clock.now += 59
    assert storage.incr("k", 60) == 3
    clock.now += 1
    # The window has ended: the count starts again, with a new end.
    assert storage.get("k") == 0
    assert storage.incr("k", 60) == 1
    assert storage.get_expiry("k") == clock.now + 60


def test_ended_windows_are_deleted_and_keys_are_kept_hashed(ctx, clock):
    storage = counters.DatabaseStorage("database://")
    storage.incr("LIMITER/address:192.0.2.1/teach.login/10/1/minute", 60)
    storage.incr("short", 1)
    keys = db.session.scalars(select(RateLimit.key)).all()
    assert len(keys) == 2
    assert all(len(key) == 64 and "192.0.2.1" not in key for key in keys)
    db.session.rollback()
    clock.now += counters.PURGE_EVERY + 1
    storage.incr("another", 60)
    # Only the window that has not ended is left.
    assert db.session.scalars(select(RateLimit.key)).all() == [counters.stored_key("another")]


def test_clear_and_reset(ctx):
    storage = counters.DatabaseStorage("database://")
    storage.incr("a", 60)
    storage.incr("b", 60)
    storage.clear("a")
    assert storage.get("a") == 0 and storage.get("b") == 1
    assert storage.check()
    assert storage.reset() == 1
    assert storage.get("b") == 0
