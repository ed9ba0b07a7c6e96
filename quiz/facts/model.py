"""Typed facts: what an article states, each tied to the sentence that states it."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

FACT_TYPES = ("year", "date", "number", "person", "place", "organisation", "thing", "list")
DATED_TYPES = ("year", "date")
# A named thing is neither person, place nor organisation: a ship, a rocket, a battle, a book.
ENTITY_TYPES = ("person", "place", "organisation", "thing")

KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")
REQUIRED_FIELDS = ("key", "type", "about", "value", "sentence")
OPTIONAL_TEXT_FIELDS = ("text", "event", "role", "group", "claim", "unit", "hedge")
ALL_FIELDS = REQUIRED_FIELDS + OPTIONAL_TEXT_FIELDS + ("wrong",)
# A fact's value: its type says which (year int, date, number int or Decimal, list tuple).
FactValue = int | datetime.date | Decimal | str | tuple[str, ...]


def N_(message: str) -> str:
    """Mark a message for the catalogs; the pages translate it where they show it."""
    return message


VALUE_HINTS = {
    "year": N_("a year is a whole number like 1961, or 490 BC (or -490) before our era"),
    "date": N_("a date is written like 1955-06-02"),
    "number": N_("a number is written like 70 or 83.6"),
    "person": N_('a person is a non-empty name like "Yuri Gagarin"'),
    "place": N_('a place is a non-empty name like "Baikonur"'),
    "organisation": N_('an organisation is a non-empty name like "TASS"'),
    "thing": N_('a named thing is a non-empty name like "Vostok 1"'),
    "list": N_(
        "a list is an array of at least two different non-empty strings like "
        '["education", "tourism"]'
    ),
}


class FactError(ValueError):
    """One bad fact; names the field at fault when there is one.

    A message marked with N_() keeps its values apart (`template`, `values`), so a page can
    translate it first and fill them in after; `message` is the English text.
    """

    def __init__(self, message: str, field: str | None = None, **values):
        self.template = message
        self.values = values
        self.message = message % values if values else message
        super().__init__(self.message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@dataclass(frozen=True)
class Fact:
    """One typed statement of an article, with the sentence that proves it."""

    key: str
    type: str
    about: str
    value: FactValue
    sentence: str
    text: str | None = None
    event: str | None = None
    role: str | None = None
    group: str | None = None
    claim: str | None = None
    unit: str | None = None
    # "about" when the article gives the figure as a round guess: asked against options far
    # from it, never as exact.
    hedge: str | None = None
    wrong: tuple[str, ...] = ()

    def date_value(self) -> datetime.date:
        """Return the value of a date fact."""
        if not isinstance(self.value, datetime.date):
            raise TypeError(f"fact {self.key!r} holds no date")
        return self.value

    def number_value(self) -> int | Decimal:
        """Return the value of a number (or year) fact."""
        if not isinstance(self.value, int | Decimal):
            raise TypeError(f"fact {self.key!r} holds no number")
        return self.value

    def list_value(self) -> tuple[str, ...]:
        """Return the items of a list fact."""
        if not isinstance(self.value, tuple):
            raise TypeError(f"fact {self.key!r} holds no list")
        return self.value


def check_value(type: str, raw):  # noqa: A002 - the public name is part of the interface
    """Parse and validate a raw value for a fact type, or raise FactError."""
    if type not in FACT_TYPES:
        raise FactError(
            N_("unknown type %(type)s (known: %(known)s)"),
            type=repr(type),
            known=", ".join(FACT_TYPES),
        )
    hint = VALUE_HINTS[type]
    if type == "year":
        return _year(raw, hint)
    if type == "date":
        return _date(raw, hint)
    if type == "number":
        return _number(raw, hint)
    if type == "list":
        return _list(raw, hint)
    if not isinstance(raw, str) or not raw.strip():
        raise FactError(hint)
    return raw.strip()


# A year as a teacher may type it: "1961", "-490", "490 BC", "490 B.C.E.", "AD 476", "476 CE".
TYPED_YEAR = re.compile(
    r"(?:(?P<ad>AD|A\.D\.)\s*)?(?P<year>-?\d{1,4})"
    r"(?:\s*(?:(?P<bc>BCE?|B\.\s?C\.(?:\s?E\.)?)|(?P<ce>AD|A\.D\.|CE|C\.E\.)))?",
    re.IGNORECASE,
)


def _year(raw, hint: str) -> int:
    if isinstance(raw, bool):
        raise FactError(hint)
    if isinstance(raw, str):
        found = TYPED_YEAR.fullmatch(raw.strip())
        # One era at most, and a minus sign only without one.
        era = sum(bool(found and found[name]) for name in ("ad", "bc", "ce"))
        if found and era <= 1 and not (era and found["year"].startswith("-")):
            raw = -int(found["year"]) if found["bc"] else int(found["year"])
    # A year before our era is negative: 490 BC is -490. There is no year 0.
    if not isinstance(raw, int) or not 1 <= abs(raw) <= 9999:
        raise FactError(hint)
    return raw


def _date(raw, hint: str) -> datetime.date:
    # A TOML datetime is a datetime.date subclass, but a time of day is not a date.
    if isinstance(raw, datetime.datetime):
        raise FactError(hint)
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        try:
            return datetime.date.fromisoformat(raw.strip())
        except ValueError:
            raise FactError(
                N_("%(raw)s is not a real date; %(hint)s"), raw=raw.strip(), hint=FactError(hint)
            ) from None
    raise FactError(hint)


def _number(raw, hint: str) -> int | Decimal:
    if isinstance(raw, bool):
        raise FactError(hint)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        raw = repr(raw)
    if isinstance(raw, Decimal):
        number = raw
    elif isinstance(raw, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", raw):
        try:
            number = Decimal(raw.strip())
        except InvalidOperation:
            raise FactError(hint) from None
    else:
        raise FactError(hint)
    if not number.is_finite():
        raise FactError(hint)
    if number == number.to_integral_value() and "." not in str(raw):
        return int(number)
    return number


def _list(raw, hint: str) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple) or len(raw) < 2:
        raise FactError(hint)
    items = []
    for item in raw:
        if not isinstance(item, str) or not item.strip():
            raise FactError(hint)
        items.append(item.strip())
    if len({item.casefold() for item in items}) != len(items):
        raise FactError(N_("list items must all be different"))
    return tuple(items)


def fact_problems(data) -> list[FactError]:
    """Return every problem with a raw fact dict (empty when it is valid)."""
    if not isinstance(data, dict):
        return [FactError(N_("a fact is a table of fields"))]
    problems = []
    for name in data:
        if name not in ALL_FIELDS:
            problems.append(
                FactError(N_("unknown field (known: %(known)s)"), name, known=", ".join(ALL_FIELDS))
            )
    for name in REQUIRED_FIELDS:
        if name not in data:
            problems.append(FactError(N_("missing (every fact needs it)"), name))
    for name in ("key", "type", "about", "sentence") + OPTIONAL_TEXT_FIELDS:
        if name in data and (not isinstance(data[name], str) or not data[name].strip()):
            problems.append(FactError(N_("must be a non-empty string"), name))
    key = data.get("key")
    if isinstance(key, str) and key.strip() and not KEY_RE.fullmatch(key):
        problems.append(
            FactError(
                N_("use lowercase letters, digits, '-' and '_' (starting with a letter or digit)"),
                "key",
            )
        )
    ftype = data.get("type")
    if isinstance(ftype, str) and ftype.strip() and ftype not in FACT_TYPES:
        problems.append(
            FactError(
                N_("unknown type %(type)s (known: %(known)s)"),
                "type",
                type=repr(ftype),
                known=", ".join(FACT_TYPES),
            )
        )
        ftype = None
    if ftype not in FACT_TYPES:
        ftype = None
    if ftype and "value" in data:
        try:
            check_value(ftype, data["value"])
        except FactError as error:
            problems.append(FactError(error.template, "value", **error.values))
    problems.extend(_field_rules(data, ftype))
    return problems


def _field_rules(data: dict, ftype: str | None) -> list[FactError]:
    problems = []
    sentence, text, claim = data.get("sentence"), data.get("text"), data.get("claim")
    if isinstance(text, str) and isinstance(sentence, str) and text not in sentence:
        problems.append(
            FactError(N_("%(text)s does not occur in the sentence"), "text", text=repr(text))
        )
    if isinstance(claim, str) and claim.count("{value}") != 1:
        problems.append(FactError(N_("must contain {value} exactly once"), "claim"))
    if ftype in DATED_TYPES and "event" not in data:
        problems.append(FactError(N_("missing (a dated fact needs the event it dates)"), "event"))
    if ftype in ENTITY_TYPES + ("list",) and "role" not in data:
        problems.append(
            FactError(N_('missing (a fact about a name needs a role for "Who ...?")'), "role")
        )
    if "hedge" in data and ftype not in (None, "number"):
        problems.append(FactError(N_("only a number can be a round guess"), "hedge"))
    if "wrong" in data:
        problems.extend(_wrong_rules(data, ftype))
    return problems


def _wrong_rules(data: dict, ftype: str | None) -> list[FactError]:
    wrong = data["wrong"]
    if not isinstance(wrong, list | tuple) or not all(
        isinstance(item, str) and item.strip() for item in wrong
    ):
        return [FactError(N_("must be an array of non-empty strings"), "wrong")]
    problems = []
    if len({item.strip().casefold() for item in wrong}) != len(wrong):
        problems.append(FactError(N_("has the same alternative twice"), "wrong"))
    true_values = _true_strings(data, ftype)
    for item in wrong:
        if item.strip().casefold() in true_values:
            problems.append(
                FactError(
                    N_("%(item)s is the true value, not a wrong one"), "wrong", item=repr(item)
                )
            )
        elif ftype in DATED_TYPES + ("number",):
            try:
                check_value(ftype, item)
            except FactError as error:
                problems.append(
                    FactError(N_("%(item)s: %(reason)s"), "wrong", item=repr(item), reason=error)
                )
    return problems


def _true_strings(data: dict, ftype: str | None) -> set[str]:
    values = {str(data.get(name, "")).strip().casefold() for name in ("value", "text")}
    if ftype == "list" and isinstance(data.get("value"), list | tuple):
        values |= {str(item).strip().casefold() for item in data["value"]}
    return values - {""}


def fact_from_dict(data: dict) -> Fact:
    """Build a validated Fact from a plain dict, or raise FactError."""
    problems = fact_problems(data)
    if problems:
        raise problems[0]
    optional = {name: data[name].strip() for name in OPTIONAL_TEXT_FIELDS if name in data}
    # text must stay verbatim: it is searched for inside the sentence.
    if "text" in data:
        optional["text"] = data["text"]
    return Fact(
        key=data["key"],
        type=data["type"],
        about=data["about"].strip(),
        value=check_value(data["type"], data["value"]),
        sentence=data["sentence"],
        wrong=tuple(item.strip() for item in data.get("wrong", ())),
        **optional,
    )


def fact_to_dict(fact: Fact) -> dict:
    """Return a JSON-serialisable dict of a fact (dates ISO, decimals as strings)."""
    value: object = fact.value
    if isinstance(value, datetime.date):
        value = value.isoformat()
    elif isinstance(value, Decimal):
        value = str(value)
    elif isinstance(value, tuple):
        value = list(value)
    data: dict[str, object] = {
        "key": fact.key,
        "type": fact.type,
        "about": fact.about,
        "value": value,
        "sentence": fact.sentence,
    }
    for name in OPTIONAL_TEXT_FIELDS:
        if getattr(fact, name) is not None:
            data[name] = getattr(fact, name)
    if fact.wrong:
        data["wrong"] = list(fact.wrong)
    return data
