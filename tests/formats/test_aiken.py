"""Aiken files as Moodle reads them, and broken ones."""

from pathlib import Path

import pytest

from quiz.formats import FormatError, aiken, parse

FILES = Path(__file__).parent / "files"


def test_a_moodle_aiken_file_with_crlf_and_cyrillic_reads():
    parsed = parse((FILES / "moodle-aiken.txt").read_bytes(), "aiken")
    assert [(i.kind, i.answer) for i in parsed.items] == [
        ("choice", "R-7 Semyorka"),
        ("choice", "В Казахстане"),
        ("true_false", "True"),
    ]
    assert parsed.items[1].prompt == "Где находится космодром Байконур?"
    assert [i.line for i in parsed.items] == [1, 8, 14]


@pytest.mark.parametrize(
    "raw",
    ["\ufeffQ?\r\nA. x\r\nB. y\r\nANSWER: B\r\n", "Q?   \nA)  x  \nB) y\t\nanswer:  b  \n"],
    ids=["bom-crlf", "trailing-spaces-lowercase-answer"],
)
def test_oddities_read_the_same(raw):
    item = parse(raw.encode(), "aiken").items[0]
    assert (item.prompt, [o.text for o in item.options], item.answer) == ("Q?", ["x", "y"], "y")


def test_questions_need_no_blank_line_between_them_and_long_lines_are_fine():
    long = "W" * 20000 + "?"
    text = f"One?\nA. a\nB. b\nANSWER: A\n{long}\nA. c\nB. d\nANSWER: B"
    assert [i.prompt for i in parse(text, "aiken").items] == ["One?", long]


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("Q?\nA. a\nB. b\n", 1, "no 'ANSWER: X' line"),
        ("Q?\nA. a\nB. b\nANSWER: C", 4, "must name one of the options"),
        ("Q?\nA. a\nC. b\nANSWER: A", 3, "option C where option B was expected"),
        ("ANSWER: A", 1, "before any question options"),
        ("Q?\nA. a\nB. b\nNot an option\nA. c\nANSWER: A", 4, "expected the next option"),
        ("Q?\nA. a\nANSWER: A", 1, "1 options"),
        ("Q?\nA. a\nB. A\nANSWER: A", 1, "two options are the same"),
    ],
)
def test_broken_files_name_the_line(text, line, words):
    with pytest.raises(FormatError) as caught:
        parse(text, "aiken")
    found = caught.value.problems
    assert any(p.line == line and words in p.message for p in found), found


def test_every_problem_is_reported():
    with pytest.raises(FormatError) as caught:
        parse("Q?\nA. a\nB. b\nANSWER: Z\n\nR?\nA. a\nB. b\n\nS?\nA. a\nB. b\nANSWER: A", "aiken")
    found = caught.value.problems
    assert [p.line for p in found] == [4, 10]
    assert "the question of line 6" in found[1].message


def test_writing_skips_what_aiken_cannot_hold():
    from quiz.formats import Item

    dumped = aiken.dump([Item(kind="short", prompt="Typed?", answer="x")])
    assert dumped.text == "" and dumped.skipped == [
        ("Typed?", "Aiken has only multiple-choice questions")
    ]
