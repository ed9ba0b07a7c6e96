"""Validity rules every question must pass, and grading of a given answer."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from quiz.facts import FACT_TYPES, Fact
from quiz.facts import lexicon as lx
from quiz.facts.model import DATED_TYPES, ENTITY_TYPES
from quiz.facts.text import BLANK
from quiz.generation.formatting import (
    THE_BEFORE_RE,
    answer_text,
    capitalise,
    normalise,
    read_year,
    takes_the,
    visible_in,
    year_of,
    year_text,
    years_between,
)
from quiz.generation.question import ORDER_SEPARATOR, GeneratedQuestion
from quiz.generation.templates import KINDS
from quiz.generation.truths import by_key as facts_by_key
from quiz.generation.truths import groups_of, is_true

TRUE_FALSE = ("True", "False")
# "The which city ...", "the space shuttle which shuttle": a question word put inside a phrase.
SLIP_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?) which\b|\b(\w+) which \1\b")


def check_question(q: GeneratedQuestion, facts: Sequence[Fact]) -> list[str]:
    """Return the rules a question breaks ([] when it is valid)."""
    if q.kind not in KINDS:
        return [f"unknown kind {q.kind!r}"]
    by_key = facts_by_key(facts)
    missing = [key for key in q.fact_keys if key not in by_key]
    if not q.fact_keys or missing:
        return [f"unknown fact keys {missing or list(q.fact_keys)}"]
    own = [by_key[key] for key in q.fact_keys]
    problems = _option_rules(q) + _visibility_rules(q)
    explanation = " ".join(dict.fromkeys(fact.sentence for fact in own))
    if q.explanation != explanation:
        problems.append("explanation is not the source sentence verbatim")
    if not q.prompt.strip():
        problems.append("empty prompt")
    if SLIP_RE.search(q.prompt):
        problems.append("the question word reads inside a name ('the space shuttle which shuttle')")
    problems += KIND_RULES[q.kind](q, own, facts)
    if q.kind not in ("first", "true_false", "short", "order"):
        problems += _group_rule(q, facts)
    return problems


def _wrong_options(q: GeneratedQuestion) -> list[str]:
    return [option for option in q.options if option != q.answer]


def _option_rules(q: GeneratedQuestion) -> list[str]:
    if q.kind == "short":
        return [] if q.options == () else ["a short-answer question has no options"]
    if q.kind == "true_false":
        problems = [] if q.options == TRUE_FALSE else ["options must be exactly True, False"]
        return problems + ([] if q.answer in TRUE_FALSE else ["answer must be True or False"])
    if q.kind == "order":
        events = {normalise(option) for option in q.options}
        problems = [] if 3 <= len(q.options) <= 4 else [f"{len(q.options)} events (need 3 or 4)"]
        if len(events) != len(q.options):
            problems.append("events are not distinct")
        if sorted(map(normalise, q.answer.split(ORDER_SEPARATOR))) != sorted(events):
            problems.append("the answer does not order exactly the events shown")
        return problems
    problems = []
    if not 2 <= len(q.options) <= 4:
        problems.append(f"{len(q.options)} options (need 2 to 4)")
    folded = Counter(normalise(option) for option in q.options)
    if any(count > 1 for count in folded.values()):
        problems.append("options are not distinct")
    if q.answer not in q.options:
        problems.append("the answer is not among the options")
    return problems


def _visibility_rules(q: GeneratedQuestion) -> list[str]:
    if q.kind in ("first", "true_false", "order"):
        return []
    problems = []
    if visible_in(q.answer, q.prompt):
        problems.append(f"the answer {q.answer!r} is visible in the prompt")
    elif (core := _name_core(q.answer)) and visible_in(core, q.prompt):
        # "Which bridge spans the Golden Gate strait?": the Golden Gate Bridge.
        problems.append(f"the prompt gives {q.answer!r} away with {core!r}")
    for option in _wrong_options(q):
        if visible_in(option, q.prompt):
            problems.append(f"the wrong option {option!r} is visible in the prompt")
    return problems


NAME_HEADS = lx.PLACE_HEADS | lx.ORG_HEADS | lx.THING_HEADS
KIND_ADJECTIVES = frozenset(
    ("national", "international", "state", "royal", "regional", "marine", "natural", "federal")
)


def _name_core(answer: str) -> str | None:
    """Return a name without the word that says its kind ("Golden Gate" of "Golden Gate
    Bridge", "Baikal" of "Lake Baikal", "Iceland" of "Republic of Iceland"), or None for a
    name without one."""
    words = answer.split()
    if len(words) >= 3 and words[1] in ("of", "for") and words[0].lower() in NAME_HEADS:
        return " ".join(words[2:])  # "Iceland" of "Republic of Iceland"
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return None
    if words[-1].lower() in NAME_HEADS:
        words = words[:-1]
        # "Kilimanjaro" of "Kilimanjaro National Park": the kind's own adjectives go too.
        while len(words) > 1 and words[-1].lower() in KIND_ADJECTIVES:
            words = words[:-1]
        return " ".join(words)
    if words[0].lower() in NAME_HEADS:
        return " ".join(words[1:])
    return None


def _group_rule(q: GeneratedQuestion, facts: Sequence[Fact]) -> list[str]:
    counts = Counter(group for option in q.options for group in groups_of(option, facts))
    return [
        f"several options share the group {group!r}" for group, count in counts.items() if count > 1
    ]


def _true_options(q: GeneratedQuestion, fact: Fact, facts: Sequence[Fact]) -> list[str]:
    problems = []
    if not is_true(q.answer, fact, facts):
        problems.append(f"the answer {q.answer!r} is not what fact {fact.key!r} states")
    for option in _wrong_options(q):
        if is_true(option, fact, facts):
            problems.append(f"the wrong option {option!r} is also true by the facts")
    return problems


def _one_fact(q: GeneratedQuestion, own: list[Fact], types: tuple[str, ...]) -> list[str]:
    if len(own) != 1:
        return [f"a {q.kind!r} question needs exactly one fact"]
    if own[0].type not in types:
        return [f"a {q.kind!r} question cannot be about a {own[0].type} fact"]
    return []


def _year_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    problems = _one_fact(q, own, DATED_TYPES)
    if problems:
        return problems
    if q.answer != year_text(own[0]):
        return [f"the answer {q.answer!r} is not the year {year_text(own[0])}"]
    bad = [option for option in _wrong_options(q) if read_year(option) is None]
    return [f"option {option!r} is not a year" for option in bad] + _true_options(q, own[0], facts)


def _date_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    return _one_fact(q, own, ("date",)) or _true_options(q, own[0], facts)


def _number_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    if len(own) == 2:
        if any(fact.type not in DATED_TYPES for fact in own):
            return ["a years-between question needs two dated facts"]
        early, late = sorted(year_of(fact) for fact in own)
        difference = years_between(early, late)
        problems = (
            []
            if q.answer == str(difference)
            else [f"the answer {q.answer!r} is not the {difference} years between the events"]
        )
        for option in _wrong_options(q):
            if not option.isdigit() or int(option) == difference:
                problems.append(f"the wrong option {option!r} is not a different whole number")
        return problems
    return _one_fact(q, own, ("number",)) or _true_options(q, own[0], facts)


def _first_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    if len(own) != 2 or any(fact.type not in DATED_TYPES for fact in own):
        return ["a which-came-first question needs two dated facts"]
    a, b = own
    events = {normalise(a.event or ""), normalise(b.event or "")}
    if len(q.options) != 2 or {normalise(option) for option in q.options} != events:
        return ["the options must be exactly the two events"]
    keys = [(year_of(fact), getattr(fact.value, "toordinal", lambda: 0)()) for fact in own]
    if year_of(a) == year_of(b) and (0 in (keys[0][1], keys[1][1]) or keys[0] == keys[1]):
        return ["the two events cannot be told apart by their dates"]
    earlier = a if keys[0] < keys[1] else b
    if normalise(q.answer) != normalise(capitalise(earlier.event or "")):
        return [f"the answer is not the earlier event ({earlier.event!r})"]
    return []


def _order_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    if not 3 <= len(own) <= 4 or any(fact.type not in DATED_TYPES for fact in own):
        return ["an order question needs three or four dated facts"]
    keys = [(year_of(f), f.date_value().toordinal() if f.type == "date" else 0) for f in own]
    years = [key[0] for key in keys]
    if len(set(keys)) != len(keys) or any(years.count(key[0]) > 1 and key[1] == 0 for key in keys):
        return ["the events cannot be told apart by their dates"]
    earliest_first = [
        fact for _key, fact in sorted(zip(keys, own, strict=True), key=lambda p: p[0])
    ]
    wanted = ORDER_SEPARATOR.join(capitalise(fact.event or "") for fact in earliest_first)
    if normalise(q.answer) != normalise(wanted):
        return ["the answer is not the events earliest first"]
    if normalise(q.answer) == normalise(ORDER_SEPARATOR.join(q.options)):
        return ["the events are shown in their right order"]
    return []


def _choice_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    types = (*ENTITY_TYPES, "list")
    return _one_fact(q, own, types) or _true_options(q, own[0], facts)


def _short_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    """A typed answer: the year of a dated fact, or a name as the article writes it."""
    if len(own) == 1 and own[0].type in ENTITY_TYPES:
        if q.answer != answer_text(own[0]):
            return [f"the answer {q.answer!r} is not the name fact {own[0].key!r} gives"]
        return []
    return _year_rules(q, own, facts)


def _statement_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    """One claim per fact: as the article says it ("statement": the answer only) or with its
    value changed ("odd_one_out": the answer only)."""
    if len(own) != len(q.options) or len(own) < 3:
        return [f"a {q.kind!r} question needs one fact per claim, three or four"]
    said = {capitalise(f.claim.replace("{value}", answer_text(f))) for f in own if f.claim}
    true_options = [option for option in q.options if option in said]
    odd = q.kind == "odd_one_out"
    problems = []
    if len(true_options) != (len(q.options) - 1 if odd else 1):
        problems.append(f"{len(true_options)} of the claims are as the article says them")
    if (q.answer in said) == odd:
        problems.append("the answer is not the one claim that differs from the others")
    return problems


def _cloze_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    problems = _one_fact(q, own, FACT_TYPES)
    if problems:
        return problems
    fact = own[0]
    if q.prompt.count(BLANK) != 1:
        return ["a cloze prompt must have exactly one blank"]
    filled = q.prompt.replace(BLANK, q.answer)
    claimed = fact.claim and capitalise(fact.claim.replace("{value}", q.answer)) in filled
    if fact.sentence not in filled and not claimed:
        problems.append("the prompt is not the source sentence with the answer blanked")
    return problems + _true_options(q, fact, facts)


def _true_false_rules(q: GeneratedQuestion, own: list[Fact], facts: Sequence[Fact]) -> list[str]:
    fact = own[0] if len(own) == 1 else None
    if fact is None or not fact.claim:
        return ["a true/false question needs one fact with a claim"]
    before, after = fact.claim.split("{value}")
    value = _claimed_value(q.prompt, before, after)
    if value is None:
        return ["the prompt does not state the fact's claim"]
    stated_true = is_true(value, fact, facts) or (
        fact.type == "list" and normalise(value) in {normalise(item) for item in fact.list_value()}
    )
    if (q.answer == "True") != stated_true:
        return [
            f"the claim with {value!r} is {'true' if stated_true else 'false'}, "
            f"but the answer is {q.answer}"
        ]
    return []


def _claimed_value(prompt: str, before: str, after: str) -> str | None:
    """Find the value the prompt put into a claim, or None when the claim is not there."""
    # A claim opening with its value follows the template's "...: " or starts the prompt;
    # one opening with words may have had its first letter capitalised.
    heads = [re.escape(before), re.escape(capitalise(before))] if before else [r"(?<=:\s)", "^"]
    if THE_BEFORE_RE.search(before):
        # "China and the United States" made false as "China and Canada" (fill_claim).
        bare = THE_BEFORE_RE.sub("", before)
        heads += [re.escape(bare), re.escape(capitalise(bare))] if bare else [r"(?<=:\s)", "^"]
    for head in heads:
        found = re.search(rf"{head}(.+?){re.escape(after)}\s*$", prompt)
        if found:
            value = found.group(1).strip()
            bare_value = re.sub(r"^[Tt]he ", "", value)
            return bare_value if takes_the(bare_value) else value
    return None


KIND_RULES = {
    "year": _year_rules,
    "short": _short_rules,
    "date": _date_rules,
    "number": _number_rules,
    "first": _first_rules,
    "order": _order_rules,
    "choice": _choice_rules,
    "cloze": _cloze_rules,
    "statement": _statement_rules,
    "odd_one_out": _statement_rules,
    "true_false": _true_false_rules,
}


def grade(kind: str, given: str, answer: str, data: dict | None = None) -> bool:
    """Tell whether a given answer is right: exact option, or for short text, loosely."""
    if kind == "order":
        # The events as the student ordered them, joined like the answer.
        return [normalise(part) for part in given.split(ORDER_SEPARATOR)] == [
            normalise(part) for part in answer.split(ORDER_SEPARATOR)
        ]
    if kind != "short":
        return given == answer
    data = data or {}
    if "numeric" in data:
        # Imported numerical questions: a value within a tolerance, or a range; partial credit
        # ("weight" below 100) scores as wrong.
        number = _as_number(given)
        return number is not None and any(
            _within(number, accepted) for accepted in data["numeric"] if "weight" not in accepted
        )
    return any(_loosely(given, accepted) for accepted in data.get("accepted") or [answer])


def matching_option(options, given: str):
    """Return the option whose text the given answer is (spacing and case aside), or None.

    `options` are rows with a `text`; a choice is answered by its text, never by a position.
    """
    wanted = " ".join(given.split()).casefold()
    for option in options:
        if " ".join(option.text.split()).casefold() == wanted:
            return option
    return None


def _within(number: Decimal, accepted: dict) -> bool:
    if "min" in accepted:
        return Decimal(accepted["min"]) <= number <= Decimal(accepted["max"])
    value, tolerance = Decimal(accepted["value"]), Decimal(accepted.get("tolerance") or "0")
    return value - tolerance <= number <= value + tolerance


def _loosely(given: str, answer: str) -> bool:
    given_number, answer_number = _as_number(given), _as_number(answer)
    if given_number is not None and answer_number is not None:
        return given_number == answer_number
    return normalise(given) == normalise(answer)


def _as_number(text: str) -> Decimal | None:
    cleaned = (
        text.strip().replace(",", "")
        if re.fullmatch(r"\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*", text)
        else text.strip()
    )
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None
