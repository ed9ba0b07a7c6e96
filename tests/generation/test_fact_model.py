"""Fact values, dict round trips and the messages of bad facts."""

import datetime
from decimal import Decimal

import pytest

from quiz.facts import FACT_TYPES, FactError, check_value, fact_from_dict, fact_to_dict


@pytest.mark.parametrize(
    ("type_", "raw", "value"),
    [
        ("year", 1961, 1961),
        ("year", "1961", 1961),
        ("year", "-490", -490),  # 490 BC
        ("year", "490 BC", -490),
        ("year", " 490 b.c.e. ", -490),
        ("year", "44 BCE", -44),
        ("year", "AD 476", 476),
        ("year", "476 CE", 476),
        ("thing", " Vostok 1 ", "Vostok 1"),
        ("date", datetime.date(1955, 6, 2), datetime.date(1955, 6, 2)),
        ("date", "1955-06-02", datetime.date(1955, 6, 2)),
        ("number", 70, 70),
        ("number", "83.6", Decimal("83.6")),
        ("number", 83.6, Decimal("83.6")),
        ("person", " Yuri Gagarin ", "Yuri Gagarin"),
        ("list", ["education", "tourism"], ("education", "tourism")),
    ],
)
def test_check_value_accepts(type_, raw, value):
    assert check_value(type_, raw) == value


@pytest.mark.parametrize(
    ("type_", "raw", "message"),
    [
        ("year", "abc", "a year is a whole number like 1961"),
        ("year", True, "a year is a whole number like 1961"),
        ("year", 1961.5, "a year is a whole number like 1961"),
        ("year", 0, "a year is a whole number like 1961"),  # there is no year 0
        ("year", "-10000", "a year is a whole number like 1961"),
        ("year", "0 BC", "or 490 BC \\(or -490\\) before our era"),
        ("year", "-490 BC", "a year is a whole number like 1961"),  # before our era twice
        ("year", "AD 490 BC", "a year is a whole number like 1961"),
        ("year", "BC", "a year is a whole number like 1961"),
        ("thing", " ", "a named thing is a non-empty name"),
        ("date", "June 2", "a date is written like 1955-06-02"),
        ("date", "1955-02-30", "not a real date"),
        ("date", datetime.datetime(1955, 6, 2, 10), "a date is written like 1955-06-02"),
        ("number", "seventy", "a number is written like 70"),
        ("person", "", "a person is a non-empty name"),
        ("list", ["only one"], "at least two"),
        ("list", ["a", "A"], "different"),
        ("colour", "red", "unknown type 'colour'"),
    ],
)
def test_check_value_rejects_with_a_clear_message(type_, raw, message):
    with pytest.raises(FactError, match=message):
        check_value(type_, raw)


def test_fact_types_are_the_public_ones():
    assert FACT_TYPES == (
        "year",
        "date",
        "number",
        "person",
        "place",
        "organisation",
        "thing",
        "list",
    )


@pytest.mark.parametrize("type_", ["year", "date", "number", "person", "list"])
def test_dict_round_trip(make_fact, type_):
    fact = make_fact(
        type=type_, claim="It was {value}.", wrong=("a", "b") if type_ in ("person", "list") else ()
    )
    data = fact_to_dict(fact)
    assert isinstance(data["value"], int | str | list)
    assert fact_from_dict(data) == fact


def test_decimal_round_trip(make_fact):
    fact = make_fact(
        type="number", value=Decimal("83.6"), text="83.6", sentence="It is 83.6 km long."
    )
    assert fact_to_dict(fact)["value"] == "83.6"
    assert fact_from_dict(fact_to_dict(fact)).value == Decimal("83.6")


def good_dict(**changes):
    data = {
        "key": "gagarin-year",
        "type": "year",
        "about": "Gagarin",
        "value": 1961,
        "event": "Gagarin's flight",
        "sentence": "Gagarin flew in 1961.",
        "text": "1961",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"value": "abc"}, "value", "a year is a whole number"),
        ({"key": "Bad Key"}, "key", "lowercase"),
        ({"type": "colour"}, "type", "unknown type"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"about": None}, "about", "missing"),
        ({"event": None}, "event", "missing"),
        ({"text": "1962"}, "text", "does not occur in the sentence"),
        ({"claim": "Gagarin flew."}, "claim", "{value}"),
        ({"wrong": ["1961"]}, "wrong", "true value"),
        ({"wrong": ["soon"]}, "wrong", "a year is a whole number"),
        ({"type": "person", "value": "Yuri Gagarin", "text": None}, "role", "missing"),
    ],
)
def test_fact_from_dict_names_the_field(changes, field, message):
    with pytest.raises(FactError) as caught:
        fact_from_dict(good_dict(**changes))
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert message in str(caught.value)


def test_fact_from_dict_keeps_optional_fields():
    fact = fact_from_dict(good_dict(group="fliers", wrong=["1960"]))
    assert fact.group == "fliers"
    assert fact.wrong == ("1960",)
    assert fact.value == 1961
