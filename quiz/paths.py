"""Locate the data folders that ship beside the package."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return seed/ or migrations/, from the checkout or from the installed package."""
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    # A wheel carries them inside the package as quiz/_seed and quiz/_migrations.
    return _PACKAGE / f"_{name}"


def seed_dir() -> Path:
    """Return the folder holding the seed articles, facts and templates."""
    return data_dir("seed")


def migrations_dir() -> Path:
    """Return the Alembic migrations folder."""
    return data_dir("migrations")
