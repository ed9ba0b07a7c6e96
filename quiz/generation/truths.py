"""What the facts make true: the test every wrong option has to fail."""

from __future__ import annotations

import datetime
from collections import OrderedDict
from collections.abc import Sequence
from decimal import Decimal

from quiz.facts import Fact
from quiz.facts import lexicon as lx
from quiz.facts.model import DATED_TYPES, ENTITY_TYPES
from quiz.facts.names import short_name
from quiz.generation.formatting import format_date, normalise, parse_number, year_of

DATE_STYLES = ("mdy", "dmy", "iso")


# A few indexes of the fact lists being generated from (the article's, and one fact alone
# for a changed value): without them a long article compares every option with every fact
# again and again. Keyed by the ids of the facts, which the index keeps alive.
_INDEXES: OrderedDict[tuple[int, ...], dict] = OrderedDict()


class FactSet(tuple[Fact, ...]):
    """An article's facts, unchangeable, carrying the index generation looks them up in."""

    __slots__ = ()

    def __new__(cls, facts):
        return super().__new__(cls, facts)


_OWN: dict[int, dict] = {}


def _index(facts: Sequence[Fact]) -> dict:
    if type(facts) is FactSet:
        # A FactSet cannot change, so its index is built once, and dropped with it.
        index = _OWN.get(id(facts))
        if index is None or index["facts"] is not facts:
            index = _build(facts, ())
            _OWN.clear()
            _OWN[id(facts)] = index
        return index
    key = tuple(map(id, facts))
    index = _INDEXES.get(key)
    if index is not None:
        _INDEXES.move_to_end(key)
        return index
    index = _build(facts, key)
    _INDEXES[key] = index
    while len(_INDEXES) > 4:
        _INDEXES.popitem(last=False)
    return index


def _build(facts: Sequence[Fact], key: tuple[int, ...]) -> dict:
    by_event: dict[str, list[Fact]] = {}
    groups: dict[str, set[str]] = {}
    for other in facts:
        if other.type in DATED_TYPES:
            by_event.setdefault(normalise(other.event or ""), []).append(other)
        if other.group and other.type in ENTITY_TYPES + ("list",):
            for text in entity_texts(other):
                groups.setdefault(normalise(text), set()).add(other.group)
    keep = facts if type(facts) is FactSet else list(facts)
    return {
        "ids": set(key or map(id, facts)),
        "facts": keep,
        "by_event": by_event,
        "texts": {},
        "groups": groups,
        "by_key": {fact.key: fact for fact in facts},
    }


def same_event(fact: Fact, facts: Sequence[Fact]) -> list[Fact]:
    """Return the dated facts (this one included) that date the same event."""
    found = _index(facts)["by_event"].get(normalise(fact.event or ""), [])
    return list(found) if fact.type in DATED_TYPES and found else [fact]


def related(fact: Fact, facts: Sequence[Fact]) -> list[Fact]:
    """Return the facts whose values are also right answers for this fact's question."""
    role = normalise(fact.role or "")
    values = {normalise(text) for text in entity_texts(fact)}
    found = [fact]
    for other in facts:
        if other is fact or other.type != fact.type:
            continue
        if (
            (role and normalise(other.role or "") == role)
            or (fact.group and other.group == fact.group)
            or fact.type != "list"
            and values & {normalise(t) for t in entity_texts(other)}
        ):
            found.append(other)
    return found


def entity_texts(fact: Fact) -> list[str]:
    """Return the ways a fact's entity value (or list items) may be written."""
    if fact.type == "list":
        return list(fact.list_value())
    return [str(fact.value)] + ([fact.text] if fact.text else [])


def true_texts(fact: Fact, facts: Sequence[Fact]) -> set[str]:
    """Return every normalised option text the facts make true for this fact's question."""
    index = _index(facts)
    if id(fact) not in index["ids"]:
        return _true_texts(fact, facts)
    # Every fact dating one event has the same true texts.
    key = ("event", normalise(fact.event or "")) if fact.type in DATED_TYPES else id(fact)
    if key not in index["texts"]:
        index["texts"][key] = _true_texts(fact, facts)
    return index["texts"][key]


def _true_texts(fact: Fact, facts: Sequence[Fact]) -> set[str]:
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
        bound = lx.bound_of(fact.hedge)
        if number is not None and bound:
            stated = Decimal(fact.number_value())
            return number <= stated if bound == "lower" else number >= stated  # true as well
        if number is not None and fact.hedge:
            return _near(number, Decimal(fact.number_value()))
        return number is not None and number == Decimal(fact.number_value())
    said, texts = normalise(option), true_texts(fact, facts)
    if said in texts:
        return True
    if fact.type in ENTITY_TYPES and any(
        _within(said, text) or _within(text, said) for text in texts
    ):
        # "Washington" and "the City of Washington" may name one place: neither is certainly
        # wrong where the other is right.
        return True
    if fact.type == "person":
        return _works_with(option, fact, facts)
    return False


def _works_with(option: str, fact: Fact, facts: Sequence[Fact]) -> bool:
    """Tell whether, in a sentence that names people together, another sentence names the
    option beside one of them: "Meitner and Hahn worked together" is not certainly false of
    Strassmann when "Hahn and his assistant Fritz Strassmann found barium"."""
    partners = {
        short_name(str(other.value))
        for other in facts
        if other.type == "person" and other.sentence == fact.sentence and other.value != fact.value
    }
    partners |= {w for w in _capitalised(fact.sentence)} & {
        short_name(str(other.value)) for other in facts if other.type == "person"
    }
    answer = short_name(str(fact.value))
    partners.discard(answer)
    own = short_name(option)
    if not partners or own in partners:
        return False
    partners.add(answer)
    sentences = {other.sentence for other in facts} - {fact.sentence}
    return any(
        own in words and words & partners
        for words in (set(_capitalised(sentence)) for sentence in sentences)
    )


def _capitalised(sentence: str) -> list[str]:
    """Return the capitalised words of a sentence, without what follows them ("Hahn's")."""
    return [word.split("'")[0].split("’")[0] for word in sentence.split() if word[:1].isupper()]


def _within(part: str, whole: str) -> bool:
    return f" {part} " in f" {whole} "


# "About 2,000" is also right for 2,500: a round guess is only certainly wrong far from it.
APPROXIMATE_RATIO = Decimal("1.5")


def _near(number: Decimal, value: Decimal) -> bool:
    if value <= 0 or number <= 0:
        return number == value
    return value / APPROXIMATE_RATIO <= number <= value * APPROXIMATE_RATIO


def groups_of(option: str, facts: Sequence[Fact]) -> set[str]:
    """Return the groups of the entity facts an option names."""
    return set(_index(facts)["groups"].get(normalise(option), ()))


def by_key(facts: Sequence[Fact]) -> dict[str, Fact]:
    """Return the facts by key (the last one when keys repeat)."""
    return _index(facts)["by_key"]
