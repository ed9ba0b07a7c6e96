"""Given names from the gender-guesser package (about 48,000 names of many countries, each
weighed by how often it is given to men and to women there): they tell a person's name from
other capitalised words, and whether "he" or "she" can refer to it; and the names of rulers
and saints ("Henry VIII", "William the Conqueror"), which are called by their given name."""

from __future__ import annotations

import functools
import re

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


# What a monarch, a saint or a pope is called by after their given name: "William the
# Conqueror", "Catherine the Great". A closed list: "gave William the Duchy" names no one.
EPITHETS = frozenset(
    [
        "Great",
        "Conqueror",
        "Confessor",
        "Terrible",
        "Bold",
        "Fat",
        "Pious",
        "Wise",
        "Younger",
        "Elder",
        "Lionheart",
        "Red",
        "Good",
        "Just",
        "Fair",
        "Unready",
        "Navigator",
        "Magnificent",
        "Bastard",
        "Martyr",
        "Lawgiver",
        "Peaceful",
        "Simple",
        "Tall",
        "Lame",
        "Cruel",
        "Brave",
        "Fearless",
        "Silent",
        "Catholic",
        "Victorious",
        "Builder",
        "Apostate",
        "Liberator",
        "Venerable",
        "Baptist",
        "Evangelist",
        "Apostle",
        "Impaler",
        "Hammer",
        "Lion",
        "Mad",
        "Blessed",
        "Handsome",
    ]
)
# Given names that also name missions, craft and films numbered like rulers ("Apollo XI",
# "Viking I", "Rocky II").
NAMED_CRAFT = frozenset(("Apollo", "Viking", "Luna", "Juno", "Rocky", "Ariane", "Vega", "Venera"))
ROMAN_RE = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")


def ruler_name(tokens: list[str], known_given: bool) -> bool:
    """Tell whether a name is written as a ruler's or saint's: a given name with a number,
    a place or an epithet ("Henry VIII", "Henry I of France", "Joan of Arc", "William the
    Conqueror"). `known_given` says whether the lists know the first word as a given name
    (or a title before the name says it is one: "Pope Pius XII")."""
    if len(tokens) < 2 or not known_given or tokens[0] in NAMED_CRAFT:
        return False
    if len(tokens) == 3 and ROMAN_RE.fullmatch(tokens[2]) and tokens[1][:1].isupper():
        return tokens[1] not in ("The", "Of")  # "John Paul II", "Juan Carlos I"
    rest = tokens[1:]
    if ROMAN_RE.fullmatch(rest[0]):
        rest = rest[1:]
        if not rest:
            return True
    if rest[0] == "the":
        return len(rest) == 2 and rest[1] in EPITHETS
    return rest[0] == "of" and 2 <= len(rest) <= 3 and all(t[:1].isupper() for t in rest[1:])


def short_name(name: str) -> str:
    """Return the word a text may call a person by alone: the surname ("Einstein" of "Albert
    Einstein"), but the given name of a ruler ("William" of "William the Conqueror", "Henry"
    of "Henry VIII")."""
    words = name.split(" ")
    if len(words) >= 2 and (ROMAN_RE.fullmatch(words[1]) or words[1] in ("the", "of")):
        return words[0]
    if len(words) >= 3 and ROMAN_RE.fullmatch(words[-1]):
        return " ".join(words[:-1])  # "John Paul" of "John Paul II"
    return words[-1]


def ruler_styled(name: str) -> bool:
    """Tell whether a person's name is written as a ruler's ("Henry VIII", "John Paul II",
    "William the Conqueror"): no word of it alone is a surname."""
    words = name.split(" ")
    return len(words) >= 2 and any(
        ROMAN_RE.fullmatch(word) or word in ("the", "of") for word in words[1:]
    )


def may_be_one(name: str, other: str) -> bool:
    """Tell whether two names may be one person's: a ruler's and another name with the same
    given name ("Harold II" and "Harold Godwinson" are one king; "Charles III" and "Charles
    Darwin" are not, but nothing in the names tells them apart)."""
    first, second = name.split(" ")[0], other.split(" ")[0]
    if first != second or not first[:1].isupper() or name == other:
        return False  # "the residents of Baikonur" and "the residents of Moscow": no given name
    return ruler_styled(name) or ruler_styled(other)
