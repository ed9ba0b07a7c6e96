"""What the facts make true: the test every wrong option has to fail."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from quiz.facts import Fact
from quiz.facts.model import DATED_TYPES, ENTITY_TYPES
from quiz.generation.formatting import format_date, normalise, parse_number, year_of

DATE_STYLES = ("mdy", "dmy", "iso")


def same_event(fact: Fact, facts: Sequence[Fact]) -> list[Fact]:
    """Return the dated facts (this one included) that date the same event."""
    event = normalise(fact.event or "")
    return [other for other in facts
            if other.type in DATED_TYPES and normalise(other.event or "") == event] or [fact]


def related(fact: Fact, facts: Sequence[Fact]) -> list[Fact]:
    """Return the facts whose values are also right answers for this fact's question."""
    role = normalise(fact.role or "")
    values = {normalise(text) for text in entity_texts(fact)}
    found = [fact]
    for other in facts:
        if other is fact or other.type != fact.type:
            continue
        if (role and normalise(other.role or "") == role) or (
                fact.group and other.group == fact.group):
            found.append(other)
        elif fact.type != "list" and values & {normalise(t) for t in entity_texts(other)}:
            found.append(other)
    return found


def entity_texts(fact: Fact) -> list[str]:
    """Return the ways a fact's entity value (or list items) may be written."""
    if fact.type == "list":
        return list(fact.value)
    return [str(fact.value)] + ([fact.text] if fact.text else [])


def true_texts(fact: Fact, facts: Sequence[Fact]) -> set[str]:
    """Return every normalised option text the facts make true for this fact's question."""
    if fact.type in DATED_TYPES:
        texts = set()
        for other in same_event(fact, facts):
            texts.add(str(year_of(other)))
            if isinstance(other.value, datetime.date):
                texts |= {format_date(other.value, style) for style in DATE_STYLES}
            if other.text:
                texts.add(other.text)
        return {normalise(text) for text in texts}
    if fact.type == "number":
        return {normalise(str(fact.value))} | ({normalise(fact.text)} if fact.text else set())
    texts = set()
    for other in related(fact, facts):
        texts |= {normalise(text) for text in entity_texts(other)}
    return texts


def is_true(option: str, fact: Fact, facts: Sequence[Fact]) -> bool:
    """Tell whether an option would be a right answer for this fact's question."""
    if fact.type == "number":
        number = parse_number(option)
        return number is not None and number == Decimal(fact.value)
    return normalise(option) in true_texts(fact, facts)


def groups_of(option: str, facts: Sequence[Fact]) -> set[str]:
    """Return the groups of the entity facts an option names."""
    wanted = normalise(option)
    return {fact.group for fact in facts
            if fact.group and fact.type in ENTITY_TYPES + ("list",)
            and wanted in {normalise(text) for text in entity_texts(fact)}}
