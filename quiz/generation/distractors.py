"""Wrong options: plausible, written like the answer, and certainly wrong."""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Sequence
from decimal import Decimal

from quiz.facts import Fact
from quiz.facts import lexicon as lx
from quiz.facts.model import DATED_TYPES, check_value
from quiz.facts.names import gender_of, may_be_one
from quiz.facts.regions import cities_in
from quiz.generation.asking import COUNTRY_AFTER_RE
from quiz.generation.formatting import (
    date_style,
    format_date,
    format_number,
    is_number_word,
    normalise,
    number_style,
    spell_number,
    visible_in,
    write_year,
    year_of,
)
from quiz.generation.truths import groups_of, is_true, same_event

PERIOD = 60


def hand_checked(fact: Fact, rng: random.Random, style: str | None = None) -> list[str]:
    """Return a year's, date's or number's certainly wrong alternatives, written like the answer.

    A teacher types them as the fact's value is typed ("480 BC", "1955-06-03", "70"); they
    are offered first, as the article writes the value ("480 BC", "3 June 1955", "70").
    """
    written = []
    for item in fact.wrong:
        value = check_value(fact.type, item)
        if fact.type == "year":
            written.append(write_year(value, fact.text))
        elif fact.type == "date":
            written.append(format_date(value, style or date_style(fact.text)))
        elif is_number_word(fact.text):
            written.append(spell_number(Decimal(value), fact.text) or str(value))
        else:
            written.append(format_number(Decimal(value), number_style(fact.text)))
    rng.shuffle(written)
    return written


def year_candidates(fact: Fact, facts: Sequence[Fact], rng: random.Random) -> list[str]:
    """Return candidate wrong years: other events' years first, then neighbouring years."""
    year = year_of(fact)
    own = {year_of(other) for other in same_event(fact, facts)}
    others = sorted(
        {
            year_of(other)
            for other in facts
            if other.type in DATED_TYPES
            and year_of(other) not in own
            # Other events of the same period only: a medieval event is not offered 1989.
            and abs(year_of(other) - year) <= PERIOD
        }
    )
    rng.shuffle(others)
    near = [year + step for step in (-1, 1, -2, 2, -3, 3, -5, 5, -10, 10)]
    rng.shuffle(near)
    # At most two other events' years, so the question still tests this event.
    # "490 BC" is offered BC years, written alike; a year of our era, years of our era.
    same_era = [y for y in others[:2] + near + others[2:] if (0 < y <= 9999) == (year > 0) and y]
    written = [write_year(y, fact.text) for y in same_era if -9999 <= y <= 9999]
    return hand_checked(fact, rng) + written if fact.type == "year" else written


def date_candidates(
    fact: Fact, facts: Sequence[Fact], rng: random.Random, style: str | None = None
) -> list[str]:
    """Return candidate wrong dates written in the answer's style."""
    day, style = fact.date_value(), style or date_style(fact.text)
    others = sorted(
        {
            other.date_value()
            for other in facts
            if other.type == "date"
            and other.date_value() != day
            and abs(other.date_value().year - day.year) <= PERIOD
        }
    )
    rng.shuffle(others)
    shifted: list[datetime.date | None] = [
        day + datetime.timedelta(days=step) for step in (-1, 1, -2, 2, 7, -7)
    ]
    shifted += [_with_year(day, day.year + step) for step in (-1, 1, -2, 2)]
    rng.shuffle(shifted)
    return hand_checked(fact, rng, style) + [
        format_date(when, style) for when in others[:1] + shifted + others[1:] if when is not None
    ]


def _with_year(day: datetime.date, year: int) -> datetime.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def number_candidates(fact: Fact, facts: Sequence[Fact], rng: random.Random) -> list[str]:
    """Return candidate wrong numbers written like the answer (same unit, suffix, separators)."""
    style = number_style(fact.text)
    value = Decimal(fact.number_value())
    bound = lx.bound_of(fact.hedge)
    if bound:
        # "more than 40 offices": only figures the bound leaves out, "more than 80"; a
        # smaller one would be true as well. "up to $30.1 million": only smaller ones.
        factors = BEYOND[bound]
        near = _far(value, style["places"], fact.unit == "percent", factors)
    elif fact.hedge:
        # "About 2,000": options a factor of two or more away, written as precisely.
        near = _far(value, style["places"], fact.unit == "percent")
    else:
        step = _step(value, style["places"])
        near = [value + step * k for k in (-1, 1, -2, 2, 3, -3)]
    rng.shuffle(near)
    # The article's other figures of the same unit, when of the same scale: a lake 1,642
    # metres deep says nothing about ice 1.5 metres thick.
    others = [
        number
        for other in facts
        if other.type == "number"
        and other.unit == fact.unit
        and other.value != fact.value
        and abs(value) / 10 <= abs(number := Decimal(other.number_value())) <= abs(value) * 10
    ]
    rng.shuffle(others)
    plural = bool(re.search(r"\d[\d,.]*\s*[a-z]+s\b", fact.text or ""))
    most = MOST.get(fact.unit or "")
    if fact.unit == "percent" and value <= 100:
        most = Decimal(100)  # a share of a whole: never "109.8 percent of the mass"
    keep = [
        number
        for number in others[:1] + near + others[1:]
        # No "0 countries" for a count: a positive figure gets positive options; and no
        # "1 centimetres" where the unit is written in the plural.
        if number != value
        and (number > 0 or value <= 0)
        and (most is None or number <= most)
        and not (number == 1 and plural)
    ]
    hand = hand_checked(fact, rng)
    if is_number_word(fact.text):
        # "three elements", never "1 elements": a word answer gets word options.
        return hand + [word for number in keep if (word := spell_number(number, fact.text))]
    return hand + [format_number(number, style) for number in keep]


# Counts that cannot be larger: "sold in over 130 countries" is not offered 1,000 countries.
MOST = {"countries": Decimal(195), "nations": Decimal(195), "continents": Decimal(7)}
FAR_FACTORS = (Decimal("0.25"), Decimal("0.5"), Decimal(2), Decimal(4))
# Beyond a bound, on the side where it says nothing: above a lower one, below an upper one.
BEYOND = {
    "lower": (Decimal(2), Decimal(4), Decimal(8)),
    "upper": (Decimal("0.5"), Decimal("0.25"), Decimal("0.125")),
}


def _far(value: Decimal, places: int | None, percent: bool, factors=FAR_FACTORS) -> list[Decimal]:
    """Return numbers a factor of two or more from value, with as many significant digits."""
    digits = len(str(abs(value)).replace(".", "").strip("0")) or 1
    found = []
    for factor in factors:
        number = value * factor
        if number <= 0 or (percent and number > 100):
            continue
        exponent = number.adjusted() - digits + 1
        rounded = number.scaleb(-exponent).quantize(Decimal(1)).scaleb(exponent)
        rounded = rounded.quantize(Decimal(1).scaleb(-(places or 0)))
        if rounded > 0 and rounded not in found:
            found.append(rounded)
    return found


def _step(value: Decimal, places: int | None) -> Decimal:
    """Pick a step that makes near numbers look like real alternatives (65th, 75th...): for a
    figure with decimals about a tenth of it, written as precisely ("2.4 km": 2.2, 2.6),
    never one last digit apart ("6.91 million": not 6.92)."""
    if places:
        smallest = Decimal(1).scaleb(-places)
        tenth = (abs(value) / 10).quantize(smallest)
        return max(smallest, tenth)
    whole = abs(int(value))
    base = 10 ** (len(str(whole)) - 1)
    if base >= 10 and whole % (base // 2) == 0:
        return Decimal(base // 2)
    return Decimal(max(1, base // 10))


def difference_candidates(difference: int, rng: random.Random) -> list[str]:
    """Return candidate wrong year differences near the true one (never negative)."""
    near = [difference + step for step in (-1, 1, -2, 2, -5, 5, -10, 10)]
    rng.shuffle(near)
    return [str(number) for number in near if number > 0 and number != difference]


def entity_candidates(fact: Fact, facts: Sequence[Fact], rng: random.Random) -> list[str]:
    """Return candidate wrong entities: hand-checked ones, then others of the same form."""
    same_form = [
        str(other.value)
        for other in facts
        if fact.type != "list"
        and other.type == fact.type
        and other.unit == fact.unit
        and other is not fact
    ]
    if fact.type == "place" and (country := country_after(fact)):
        # "on the Champ de Mars in {value}, France": never the article's New York City.
        ours = {city.casefold() for city in cities_in(country)}
        same_form = [name for name in same_form if name.casefold() in ours]
    wrong = list(fact.wrong)
    rng.shuffle(wrong)
    rng.shuffle(same_form)
    mixed = []
    while wrong or same_form:
        for pool in (same_form, wrong):
            if pool:
                mixed.append(pool.pop())
    return mixed


def country_after(fact: Fact) -> str | None:
    """Return the country a place's sentence names right after it, or None."""
    found = COUNTRY_AFTER_RE.search(fact.claim or "")
    return found[1] if found and lx.is_country(found[1]) else None


def candidates_for(fact: Fact, facts: Sequence[Fact], rng: random.Random) -> list[str]:
    """Return candidate wrong options suited to the fact's type, hand-checked ones first."""
    if fact.type == "year":
        return year_candidates(fact, facts, rng)
    if fact.type == "date":
        return date_candidates(fact, facts, rng)
    if fact.type == "number":
        return number_candidates(fact, facts, rng)
    return entity_candidates(fact, facts, rng)


def pick(
    answer: str,
    candidates: Sequence[str],
    fact: Fact,
    facts: Sequence[Fact],
    prompt: str,
    count: int = 3,
) -> list[str]:
    """Choose up to count wrong options: distinct, false, unseen in the prompt, one per group."""
    chosen: list[str] = []
    seen = {normalise(answer)}
    used_groups = groups_of(answer, facts) | ({fact.group} if fact.group else set())
    for candidate in candidates:
        if len(chosen) == count:
            break
        groups = groups_of(candidate, facts)
        if (
            normalise(candidate) in seen
            or is_true(candidate, fact, facts)
            or visible_in(candidate, prompt)
            or groups & used_groups
            or (fact.type == "person" and _name_in(candidate, prompt))
            or (fact.type == "person" and _told_apart(answer, candidate, fact.sentence))
            or (fact.type == "person" and may_be_one(answer, candidate))
        ):
            continue
        chosen.append(candidate)
        seen.add(normalise(candidate))
        used_groups |= groups
    return chosen


PRONOUNS_OF = {
    "male": re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE),
    "female": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
}


TITLES_OF = {
    "male": frozenset(("sir", "lord", "mr", "king", "prince", "duke", "earl", "emperor", "tsar")),
    "female": frozenset(
        ("dame", "lady", "mrs", "ms", "miss", "queen", "princess", "duchess", "countess", "empress")
    ),
}


def _told_apart(answer: str, candidate: str, sentence: str) -> bool:
    """Tell whether a wrong person gives itself away: the sentence says "his" or "Sir" of the
    answer, and the candidate's given name is a woman's (or the other way round)."""
    genders = gender_of(answer.split()[0]), gender_of(candidate.split()[0])
    if genders[0] not in PRONOUNS_OF or genders[1] not in PRONOUNS_OF or len(set(genders)) < 2:
        return False
    titled = re.search(rf"\b(\w+)\.? {re.escape(answer)}", sentence)
    if titled and titled[1].lower() in TITLES_OF[genders[0]]:
        return True  # "Sir Ronald Ross lived ...": never "Sir Rosa Bloxam"
    return bool(PRONOUNS_OF[genders[0]].search(sentence))


def _name_in(name: str, prompt: str) -> bool:
    """Tell whether part of a person's name is already in the prompt ("Tokayev named ...")."""
    return any(
        visible_in(part, prompt) for part in name.split() if part[:1].isupper() and len(part) >= 4
    )
