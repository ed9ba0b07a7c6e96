"""Kahoot-style CSV sheets: the template's columns, spreadsheet oddities, broken rows."""

import pytest

from quiz.formats import FormatError, Item, parse, spreadsheet

KAHOOT = (
    "Quiz template,,,,,,,\n"
    ",Add questions; at least 2 answer alternatives,,,,,,\n"
    ",Question - max 120 characters,Answer 1 - max 75 characters,Answer 2 - max 75 characters,"
    "Answer 3 - max 75 characters,Answer 4 - max 75 characters,"
    '"Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",'
    "Correct answer(s) - choose at least one\n"
    "1,Who flew first?,Gagarin,Titov,,,20,1\n"
    '2,"Which launched from Baikonur, Kazakhstan?",Vostok 1,Apollo 11,Soyuz,Gemini,30,"1,3"\n'
    ",,,,,,,\n"
)


def test_the_kahoot_template_reads_after_its_title_rows():
    parsed = parse(KAHOOT, "csv")
    first, second = parsed.items
    assert (first.prompt, first.answer, first.time_limit, first.line) == (
        "Who flew first?",
        "Gagarin",
        20,
        4,
    )
    assert [o.correct for o in second.options] == [True, False, True, False]
    assert second.prompt == "Which launched from Baikonur, Kazakhstan?"


@pytest.mark.parametrize(
    "raw",
    [
        "\ufeffQuestion;Answer 1;Answer 2;Correct answer(s)\r\nÜber?;Ja;Nein;1\r\n",
        "Question\tAnswer 1\tAnswer 2\tCorrect answer(s)\nÜber?  \tJa  \t Nein\t 1 \n",
    ],
    ids=["bom-semicolon-crlf", "tabs-trailing-spaces"],
)
def test_separators_byte_order_mark_and_spaces(raw):
    item = parse(raw.encode(), "csv").items[0]
    assert (item.prompt, [o.text for o in item.options], item.answer) == (
        "Über?",
        ["Ja", "Nein"],
        "Ja",
    )


def test_one_answer_is_a_typed_answer_and_true_false_is_recognised():
    text = "Question,Answer 1,Answer 2,Correct\nTown?,Baikonur,,1\nSky blue?,True,False,1\n"
    short, truth = parse(text, "csv").items
    assert (short.kind, short.options, short.answer) == ("short", [], "Baikonur")
    assert truth.kind == "true_false"


def test_a_very_long_cell_and_a_line_break_inside_quotes():
    long = "x" * 50000
    text = f'Question,Answer 1,Answer 2,Correct\n"Two\nlines",{long},b,1\nNext?,a,b,2\n'
    first, second = parse(text, "csv").items
    assert first.prompt == "Two\nlines" and first.answer == long
    assert second.line == 4


@pytest.mark.parametrize(
    "body,line,column,words",
    [
        ("Q?,a,b,3", 2, 4, "not the number of a filled-in answer"),
        ("Q?,a,b,", 2, 4, "no correct answer number"),
        ("Q?,a,b,one", 2, 4, "not the number"),
        (",a,b,1", 2, 1, "question is empty"),
        ('"Q?,a,b,1', 2, 0, "quoted cell is not closed"),
        ("Q?,a,a,1", 2, 0, "two options are the same"),
    ],
)
def test_broken_rows_name_line_and_column(body, line, column, words):
    with pytest.raises(FormatError) as caught:
        parse("Question,Answer 1,Answer 2,Correct\n" + body + "\n", "csv")
    first = caught.value.problems[0]
    assert (first.line, first.column) == (line, column) and words in first.message


def test_bad_time_limit_kind_and_difficulty():
    head = "Question,Answer 1,Answer 2,Time limit,Correct,Kind,Difficulty\n"
    with pytest.raises(FormatError) as caught:
        parse(head + "A?,a,b,3,1,,\nB?,a,b,,1,essay,\nC?,a,b,,1,,impossible\n", "csv")
    assert [(p.line, p.column) for p in caught.value.problems] == [(2, 4), (3, 6), (4, 7)]


def test_a_sheet_without_the_header_is_refused():
    with pytest.raises(FormatError) as caught:
        parse("just,some,cells\n1,2,3\n", "csv")
    assert "no header row" in str(caught.value)


def test_formula_cells_are_neutralised_on_export_and_restored_on_import():
    item = Item(
        kind="choice",
        prompt="=1+1 is?",
        answer="@two",
        options=[spreadsheet.Choice("@two", True), spreadsheet.Choice("-3", False)],
    )
    text = spreadsheet.dump([item]).text
    assert "'=1+1 is?" in text and "'@two" in text
    again = parse(text, "csv").items[0]
    assert (again.prompt, again.answer, again.options[1].text) == ("=1+1 is?", "@two", "-3")
