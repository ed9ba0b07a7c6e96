"""Write fact values the way the article writes them, so options all look alike."""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal, InvalidOperation
from typing import TypeGuard

from quiz.facts import Fact
from quiz.facts import lexicon as lx
from quiz.facts.lexicon import NUMBER_WORDS
from quiz.facts.names import ruler_styled
from quiz.facts.text import word_matches

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_RE = "|".join(MONTHS)
NUMBER_TEXT_RE = re.compile(
    r"^(?P<pre>\D*?)(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?P<ord>st|nd|rd|th)?"
    r"(?P<post>(?:\D.*)?)$"
)


def date_style(text: str | None) -> str:
    """Tell how a date is written: 'mdy' (June 2, 1955), 'dmy' (2 June 1955) or 'iso'."""
    if text and re.fullmatch(rf"({MONTH_RE}) \d{{1,2}}, \d{{4}}", text):
        return "mdy"
    if text and re.fullmatch(rf"\d{{1,2}} ({MONTH_RE}) \d{{4}}", text):
        return "dmy"
    if text and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return "iso"
    # A day and month whose year the sentence gives elsewhere ("In 2008, ... on 29 July").
    if text and re.fullmatch(rf"\d{{1,2}} ({MONTH_RE})", text):
        return "dm"
    if text and re.fullmatch(rf"({MONTH_RE}) \d{{1,2}}", text):
        return "md"
    return "mdy"


def format_date(day: datetime.date, style: str) -> str:
    """Write a date in the given style."""
    if style == "iso":
        return day.isoformat()
    if style == "dmy":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == "dm":
        return f"{day.day} {MONTHS[day.month - 1]}"
    if style == "md":
        return f"{MONTHS[day.month - 1]} {day.day}"
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def ordinal(number: int) -> str:
    """Return the English ordinal suffix for a whole number."""
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def number_style(text: str | None) -> dict:
    """Describe how a number is written: prefix, separators, decimals, ordinal, suffix."""
    match = NUMBER_TEXT_RE.match(text or "")
    if not match:
        return {"pre": "", "commas": False, "places": None, "ordinal": False, "post": ""}
    return {
        "pre": match["pre"],
        # "560 billion" says nothing of how thousands are written: English puts a comma.
        "commas": "," in match["num"] or len(match["num"].replace(",", "")) < 4,
        "places": len(match["dec"]) - 1 if match["dec"] else None,
        "ordinal": bool(match["ord"]),
        "post": match["post"],
    }


def format_number(value: int | Decimal, style: dict) -> str:
    """Write a number in the given style."""
    number = Decimal(value)
    places = style["places"]
    exponent = number.as_tuple().exponent  # a letter only for NaN and infinity
    if places is None and isinstance(exponent, int) and number != number.to_integral_value():
        places = max(0, -exponent)
    if places:
        core = f"{number:,.{places}f}" if style["commas"] else f"{number:.{places}f}"
    else:
        whole = int(number.to_integral_value())
        core = f"{whole:,}" if style["commas"] else str(whole)
        if style["ordinal"]:
            core += ordinal(whole)
    return f"{style['pre']}{core}{style['post']}"


SPELLED = {value: word for word, value in NUMBER_WORDS.items()}
SPELLED_RANKS = {value: word for word, value in lx.ORDINAL_WORDS.items()}


def is_number_word(text: str | None) -> TypeGuard[str]:
    """Tell whether a figure is written as a word ("two", "Ten", "fifth")."""
    return text is not None and (text.lower() in NUMBER_WORDS or text.lower() in lx.ORDINAL_WORDS)


def spell_number(value: int | Decimal, like: str) -> str | None:
    """Write a whole number as a word ("three", or "third" like "fifth") capitalised like
    `like`, if it has one we know."""
    number = Decimal(value)
    words = SPELLED_RANKS if like.lower() in lx.ORDINAL_WORDS else SPELLED
    word = words.get(int(number)) if number == number.to_integral_value() else None
    if word is None:
        return None
    return word.capitalize() if like[:1].isupper() else word


def parse_number(text: str) -> Decimal | None:
    """Read the number in a written figure ('1,200', '70th', '$83.6 m', 'two'), if any."""
    if is_number_word(text.strip()):
        word = text.strip().lower()
        return Decimal(NUMBER_WORDS.get(word) or lx.ORDINAL_WORDS[word])
    match = NUMBER_TEXT_RE.match(text.strip())
    if not match:
        return None
    try:
        return Decimal(match["num"].replace(",", "") + (match["dec"] or ""))
    except InvalidOperation:
        return None


def year_of(fact: Fact) -> int:
    """Return the year of a dated fact."""
    if isinstance(fact.value, datetime.date):
        return fact.value.year
    if not isinstance(fact.value, int):
        raise TypeError(f"fact {fact.key!r} is not dated")
    return fact.value


def typed_forms(fact: Fact) -> tuple[str, ...]:
    """Return the other forms of an answer a student may type for it: a person's surname
    ("Grant" for "Ulysses S. Grant"), a place or thing without its head word ("Potomac" for
    "Potomac River"), the letters the article writes after it ("NEIC"), a year before our era
    spelled otherwise ("490 BCE")."""
    if fact.type in ("year", "date"):
        bc = -year_of(fact)  # "490 BC" typed as "490 bc", "490 BCE", "490 B.C."
        written = [f"{bc} BC", f"{bc} BCE", f"{bc} B.C.", f"{bc}BC"] if bc > 0 else []
        return tuple(form for form in written if form != year_text(fact))
    name = str(fact.value)
    words = name.replace(",", " ").split()
    # "National Earthquake Information Center (NEIC)": the letters the article gives it.
    short = re.search(rf"{re.escape(name)} \(([A-Z]{{2,6}})\)", fact.sentence)
    letters = [short[1]] if short else []
    if fact.type == "person" and len(words) >= 2:
        # "Grant"; but no "William" for "William the Conqueror": William II is William too.
        forms = [] if ruler_styled(name) else [words[-1]]
    elif len(words) == 2 and words[-1].casefold() in lx.NAME_HEADS:
        forms = [words[0]]  # "Potomac River", "Crater Lake"; not "Yellowstone National"
    elif len(words) == 2 and words[0].casefold() in lx.NAME_HEADS:
        forms = [words[1]]  # "Mount Whitney", "Lake Baikal"
        if words[0] in ("Mt.", "Mt"):
            forms.append(f"Mount {words[1]}")  # "Mt. Whitney" written out
    elif fact.type == "thing" and words[-1].casefold() in lx.NAMED_THING_HEADS:
        forms = [" ".join(words[:-1])]  # "Trans-Siberian" for "Trans-Siberian Railway"
    elif fact.type == "thing" and len(words) >= 3 and words[1] == "of":
        forms = [" ".join(words[2:])]  # "Solferino" for "Battle of Solferino"
    else:
        forms = []
    return tuple(
        form for form in forms + letters if len(form) >= 2 and normalise(form) != normalise(name)
    )


def write_year(year: int, like: str | None = None) -> str:
    """Write a year as the article does: "1961", or "490 BC" ("490 BCE" where it says so)."""
    if year >= 0:
        return str(year)
    return f"{-year} {'BCE' if like and 'BCE' in like else 'BC'}"


def read_year(text: str) -> int | None:
    """Read a year written by write_year ("1961", "490 BC"), or None."""
    found = re.fullmatch(r"(\d{1,4})(?: (BCE?))?", text.strip())
    if not found:
        return None
    return -int(found[1]) if found[2] else int(found[1])


def years_between(a: int, b: int) -> int:
    """Return how many years lie from year a to a later year b (there is no year 0)."""
    return b - a - (1 if a < 0 < b else 0)


def year_text(fact: Fact) -> str:
    """Write the year of a dated fact as an answer: "1961", "490 BC"."""
    return write_year(year_of(fact), fact.text if fact.type == "year" else None)


def answer_text(fact: Fact) -> str:
    """Write a (non-list) fact's value as a question answer."""
    if fact.type == "year":
        return year_text(fact)
    if fact.type == "date":
        return format_date(fact.date_value(), date_style(fact.text))
    if fact.type == "number":
        return (
            fact.text
            if fact.text and parse_number(fact.text) == Decimal(fact.number_value())
            else format_number(fact.number_value(), number_style(fact.text))
        )
    return str(fact.value)


# Countries written with "the" ("the United States has ..."); the others take none ("Canada
# has ...", never "the Canada").
THE_NAMES = frozenset(
    (
        "united states",
        "united kingdom",
        "soviet union",
        "netherlands",
        "philippines",
        "bahamas",
        "gambia",
        "czech republic",
        "dominican republic",
        "central african republic",
        "united arab emirates",
        "maldives",
        "seychelles",
        "comoros",
        "solomon islands",
        "marshall islands",
        "us",
        "uk",
        "usa",
        "uae",
    )
)
THE_BEFORE_RE = re.compile(r"\b[Tt]he $")


def takes_the(name: str) -> bool:
    """Tell whether a country's name is written with "the" ("the Netherlands")."""
    return name.removeprefix("the ").casefold() in THE_NAMES


def fill_claim(claim: str, value: str, truth: str) -> str:
    """Put a value in a claim's {value} where the article has `truth`, with "the" before a
    country that takes it and none before one that does not ("the United States" → "Canada")."""
    before, _, after = claim.partition("{value}")
    has_the = THE_BEFORE_RE.search(before)
    if value != truth and takes_the(value) and not has_the:
        value = f"the {value}"
    elif value != truth and has_the and takes_the(truth) and not takes_the(value):
        before = before[: has_the.start()]
    if after[:2] in ("’ ", "' ") and not value.endswith(("s", "S")):
        after = after[0] + "s" + after[1:]  # "Owens’ achievements": "Adolf Hitler’s achievements"
    return capitalise(before + value + after)


def capitalise(text: str) -> str:
    """Upper-case the first letter only (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


# Generation compares every option with every fact's texts: folding each string once keeps
# a long article's questions fast.
@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Fold case and whitespace for comparisons."""
    return " ".join(text.replace("’", "'").split()).casefold()


def visible_in(needle: str, haystack: str) -> bool:
    """Tell whether needle appears in haystack as whole words, ignoring case."""
    needle, haystack = normalise(needle), normalise(haystack)
    return bool(needle) and bool(word_matches(needle, haystack))
