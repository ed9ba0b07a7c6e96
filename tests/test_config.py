"""Configuration: environment overrides and the secret key kept in the instance folder."""

import pytest

from quiz import config, create_app
from quiz.config import ConfigError


def test_environment_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZ_DATABASE_URL", f"sqlite:///{tmp_path}/other.db")
    monkeypatch.setenv("QUIZ_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("QUIZ_TIMEZONE", "Asia/Almaty")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("other.db")
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert str(app.config["QUIZ_ZONE"]) == "Asia/Almaty"


def test_the_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("QUIZ_DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/quiz.sqlite3"


def test_the_secret_key_is_generated_once_and_never_a_fixed_string(tmp_path):
    assert config.read_secret_key(tmp_path) is None
    assert config.write_secret_key(tmp_path) is True
    key = config.read_secret_key(tmp_path)
    assert key and len(key) >= 32
    assert config.write_secret_key(tmp_path) is False
    assert config.read_secret_key(tmp_path) == key
    other = tmp_path / "other"
    config.write_secret_key(other)
    assert config.read_secret_key(other) != key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_without_a_key_each_start_gets_a_random_one(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZ_SECRET_KEY", raising=False)
    monkeypatch.setattr(config, "read_secret_key", lambda instance: None)
    assert create_app().config["SECRET_KEY"] != create_app().config["SECRET_KEY"]


def test_an_unknown_time_zone_is_refused(monkeypatch):
    monkeypatch.setenv("QUIZ_TIMEZONE", "Nowhere/Special")
    with pytest.raises(ConfigError, match="QUIZ_TIMEZONE"):
        create_app()
