"""Builders for the pure fact and generation tests."""

import datetime
from pathlib import Path

import pytest

from quiz.facts import Fact, load_article_seed
from quiz.generation import Template, load_templates

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seed"

DEFAULT_SENTENCES = {
    "year": "Yuri Gagarin flew into space in 1961.",
    "date": "The cosmodrome was founded on June 2, 1955.",
    "number": "The city marked its 70th anniversary.",
    "person": "Yuri Gagarin flew into space in 1961.",
    "place": "The rocket launched from Baikonur.",
    "organisation": "The story came from TASS.",
    "list": "They aim for education and tourism.",
}
DEFAULT_VALUES = {
    "year": 1961,
    "date": datetime.date(1955, 6, 2),
    "number": 70,
    "person": "Yuri Gagarin",
    "place": "Baikonur",
    "organisation": "TASS",
    "list": ("education", "tourism"),
}
DEFAULT_TEXTS = {
    "year": "1961",
    "date": "June 2, 1955",
    "number": "70th",
    "person": "Yuri Gagarin",
    "place": "Baikonur",
    "organisation": "TASS",
    "list": None,
}


@pytest.fixture
def make_fact():
    """Return a builder of valid facts with keyword defaults per type."""

    def build(key="x", type="year", **kw):  # noqa: A002 - mirrors the Fact field
        kw.setdefault("value", DEFAULT_VALUES[type])
        kw.setdefault("sentence", DEFAULT_SENTENCES[type])
        kw.setdefault("text", DEFAULT_TEXTS[type])
        kw.setdefault("about", f"the {key}")
        if type in ("year", "date"):
            kw.setdefault("event", f"the event {key}")
        else:
            kw.setdefault("role", f"did the thing {key}")
        return Fact(key=key, type=type, **kw)

    return build


@pytest.fixture
def make_template():
    """Return a builder of templates with keyword defaults."""

    def build(key="t", kind="year", over="dated", text="What year is given for {event}?", **kw):
        return Template(key=key, kind=kind, over=over, text=text, **kw)

    return build


@pytest.fixture(scope="session")
def seed_article():
    """Load the seed article's facts once."""
    return load_article_seed(SEED / "baikonur.toml")


@pytest.fixture(scope="session")
def seed_templates():
    """Load the seed templates once."""
    return load_templates(SEED / "templates.toml")


@pytest.fixture
def write(tmp_path):
    """Return a helper writing a file under tmp_path and returning its path."""

    def build(name, text, encoding="utf-8"):
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding=encoding)
        return path

    return build
