"""Given names from the gender-guesser package's name list (about 48,000 names of many
countries), read once: they tell a person's name from other capitalised words, and whether
"he" or "she" can refer to it."""

from __future__ import annotations

import functools
from importlib import resources

GENDERS = {
    "M": "male",
    "1M": "male",
    "?M": "male",
    "F": "female",
    "1F": "female",
    "?F": "female",
    "?": "any",
}


@functools.cache
def _given_names() -> dict[str, str]:
    """Map each given name (case-folded) to "male", "female" or "any"."""
    try:
        data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        text = data.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a broken install
        return {}
    names: dict[str, str] = {}
    for line in text.splitlines():
        gender = GENDERS.get(line[:2].strip())
        if gender is None or line.startswith("#"):
            continue
        name = line[3:29].strip().replace("+", "-").casefold()
        if not name or " " in name:
            continue
        known = names.get(name)
        names[name] = gender if known in (None, gender) else "any"
    return names


def gender_of(given: str) -> str | None:
    """Return "male", "female" or "any" for a known given name, None for any other word."""
    return _given_names().get(given.casefold())
