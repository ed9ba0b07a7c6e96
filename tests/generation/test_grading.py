"""grade(): exact for options, loose for short answers, numbers by value."""

import pytest

from quiz.generation import grade


@pytest.mark.parametrize(
    ("kind", "given", "answer", "expected"),
    [
        ("choice", "Yuri Gagarin", "Yuri Gagarin", True),
        ("choice", "yuri gagarin", "Yuri Gagarin", False),
        ("year", "1961", "1961", True),
        ("year", "1961.0", "1961", False),
        ("true_false", "False", "True", False),
        ("short", "1961", "1961", True),
        ("short", " 1961.0 ", "1961", True),
        ("short", "1,961", "1961", True),
        ("short", "1962", "1961", False),
        ("short", "  yuri   GAGARIN ", "Yuri Gagarin", True),
        ("short", "Yuri Gagarina", "Yuri Gagarin", False),
        ("short", "", "1961", False),
        ("short", "nineteen sixty-one", "1961", False),
    ],
)
def test_grade(kind, given, answer, expected):
    assert grade(kind, given, answer) is expected
