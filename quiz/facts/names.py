"""Given names from the gender-guesser package (about 48,000 names of many countries, each
weighed by how often it is given to men and to women there): they tell a person's name from
other capitalised words, and whether "he" or "she" can refer to it."""

from __future__ import annotations

import functools

# gender-guesser's answers, as the pronouns that can refer to the name: "mostly" is enough,
# a name given to both is "any", an unknown word none.
GENDERS = {
    "male": "male",
    "mostly_male": "male",
    "female": "female",
    "mostly_female": "female",
    "andy": "any",
}


@functools.cache
def _detector():
    """gender-guesser's detector, its name list read once; None on a broken install."""
    try:
        from gender_guesser.detector import Detector
    except ModuleNotFoundError:  # pragma: no cover - a broken install
        return None
    return Detector(case_sensitive=False)


@functools.lru_cache(maxsize=8192)
def gender_of(given: str) -> str | None:
    """Return "male", "female" or "any" for a known given name, None for any other word."""
    detector = _detector()
    return GENDERS.get(detector.get_gender(given)) if detector is not None else None
