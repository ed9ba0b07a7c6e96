"""GIFT files as Moodle writes them, and every way one can be broken."""

from pathlib import Path

import pytest

from quiz.formats import FormatError, gift, parse
from quiz.generation import grade

FILES = Path(__file__).parent / "files"


def one(text):
    parsed = parse(text, "gift")
    assert len(parsed.items) == 1, parsed
    return parsed.items[0]


def problems(text):
    with pytest.raises(FormatError) as caught:
        parse(text, "gift")
    return caught.value.problems


def test_a_moodle_export_reads_every_playable_question_and_skips_the_rest():
    parsed = parse((FILES / "moodle.gift").read_bytes(), "gift")
    kinds = [(i.title, i.kind) for i in parsed.items]
    assert kinds == [
        ("First human in space", "choice"),
        ("Sputnik year", "short"),
        ("Kazakhstan", "true_false"),
        ("Leased", "short"),
        ("City", "short"),
        ("Partial", "choice"),
    ]
    first = parsed.items[0]
    assert first.prompt == "Who was the first human in space?"
    assert first.answer == "Yuri Gagarin"
    assert first.explanation == "Gagarin launched from Baikonur on 12 April 1961."
    assert first.options[1].feedback == "Shepard flew three weeks later."
    assert first.category == "$course$/top/Default for Space 101/Baikonur"
    assert parsed.skipped == [
        (31, "an essay question (free writing) cannot be scored"),
        (34, "a matching question cannot be played here"),
    ]


def test_multiple_choice_with_feedback_and_general_feedback():
    item = one("::T:: Who? {=Gagarin#Yes ~Titov#No, second ####He flew first.}")
    assert (item.kind, item.title, item.prompt, item.answer) == ("choice", "T", "Who?", "Gagarin")
    assert [(o.text, o.correct, o.feedback) for o in item.options] == [
        ("Gagarin", True, "Yes"),
        ("Titov", False, "No, second"),
    ]
    assert item.explanation == "He flew first."


def test_partial_credit_is_kept_but_only_full_credit_is_right():
    item = one("Which? {~%100%Vostok ~%50%Soyuz ~%-25%Apollo}")
    assert [o.correct for o in item.options] == [True, False, False]
    assert item.data == {"weights": [100, 50, -25]}


@pytest.mark.parametrize(
    "block,answer",
    [("T", "True"), ("TRUE", "True"), ("F", "False"), ("FALSE", "False"), ("true", "True")],
)
def test_true_false_spellings(block, answer):
    item = one(f"Baikonur is in Kazakhstan. {{{block}}}")
    assert item.kind == "true_false" and item.answer == answer
    assert [o.text for o in item.options] == ["True", "False"]


def test_true_false_feedback_goes_to_the_wrong_then_the_right_option():
    item = one("Sky is blue. {T#Look up.#Indeed.}")
    assert [(o.text, o.feedback) for o in item.options] == [
        ("True", "Indeed."),
        ("False", "Look up."),
    ]


def test_short_answer_accepts_every_listed_answer_and_grades_them():
    item = one("Name the town. {=Baikonur =Leninsk =%50%Tyuratam}")
    assert item.kind == "short" and item.answer == "Baikonur" and item.options == []
    assert item.data == {"accepted": ["Baikonur", "Leninsk"], "partial": [["Tyuratam", 50]]}
    assert grade("short", " leninsk ", item.answer, item.data)
    assert not grade("short", "Tyuratam", item.answer, item.data)


@pytest.mark.parametrize(
    "block,shown,right,wrong",
    [
        ("#1961", "1961", ["1961", "1961.0"], ["1962"]),
        ("#1961:2", "1961 ± 2", ["1959", "1963"], ["1964"]),
        ("#1950..1960", "1950–1960", ["1950", "1955.5"], ["1961"]),
        ("#=1961:0 =%50%1960:0", "1961", ["1961"], ["1960"]),
    ],
)
def test_numerical_answers_with_tolerance_and_range(block, shown, right, wrong):
    item = one(f"When? {{{block}}}")
    assert item.kind == "short" and item.answer == shown
    assert all(grade("short", g, item.answer, item.data) for g in right)
    assert not any(grade("short", g, item.answer, item.data) for g in wrong)


def test_missing_word_becomes_a_cloze_question():
    item = one("Sputnik was launched in {=1957 ~1961 ~1975} from Baikonur.")
    assert item.kind == "cloze"
    assert item.prompt == "Sputnik was launched in _____ from Baikonur."


def test_escapes_and_markup_prefixes():
    item = one(r"Is 2\=2 \{really\}\: yes\#1? {=a\~b ~c\\d}")
    assert item.prompt == "Is 2=2 {really}: yes#1?"
    assert [o.text for o in item.options] == ["a~b", "c\\d"]
    html = one("[html]<p>Tom &amp; <b>Jerry</b></p>{=a ~b}")
    assert html.prompt == "Tom & Jerry"
    markdown = one("[markdown]**Bold** question {=a ~b}")
    assert markdown.prompt == "**Bold** question"


def test_comments_categories_and_blank_lines_with_spaces_separate_questions():
    text = "// a comment\n$CATEGORY: Space\n   \nOne? {=a ~b}\n \t \n// another\nTwo? {T}\n"
    parsed = parse(text, "gift")
    assert [(i.prompt, i.category) for i in parsed.items] == [("One?", "Space"), ("Two?", "Space")]


@pytest.mark.parametrize(
    "raw",
    [
        "\ufeffOne? {=a ~b}\r\n\r\nTwo? {T}\r\n",
        "One? {=a ~b}   \r\n   \r\nTwo? {T}   ",
        b"One? {=a ~b}\r\rTwo? {T}",
    ],
    ids=["bom-crlf", "trailing-spaces", "old-mac"],
)
def test_windows_line_ends_byte_order_mark_and_trailing_spaces(raw):
    parsed = parse(raw.encode() if isinstance(raw, str) else raw, "gift")
    assert [(i.prompt, i.answer) for i in parsed.items] == [("One?", "a"), ("Two?", "True")]


def test_non_ascii_and_very_long_lines():
    long = "Почему " + "очень " * 5000 + "длинный вопрос?"
    item = one(f"{long} {{=Да ~Нет ~Ünïcödé 🚀}}")
    assert item.prompt == long and item.options[2].text == "Ünïcödé 🚀"


@pytest.mark.parametrize(
    "text,line,column,words",
    [
        ("Fine {=a ~b}\n\nBroken {=a ~b", 3, 8, "not closed"),
        ("Broken } {=a ~b}", 1, 8, "'}' without '{'"),
        ("Two {=a ~b} blocks {=c ~d}", 1, 20, "second answer block"),
        ("Nested {=a {~b}}", 1, 12, "inside an answer block"),
        ("::Title without end {=a ~b}", 1, 1, "title is not closed"),
        ("Bad credit {~%fifty%a =b}", 1, 13, "credit"),
        ("Bad number {#ten}", 1, 14, "not a number"),
        ("Bad range {#1960..1950}", 1, 13, "not a number"),
        ("Text first {a =b ~c}", 1, 13, "must start with '='"),
        ("Empty answer {= ~b}", 1, 15, "empty answer"),
        ("Same twice {=a ~A}", 1, 0, "two options are the same"),
        ("// quiz: kind=essay\nQ {=a ~b}", 1, 1, "unknown kind"),
        ("// quiz: kind=short\nQ {=a ~b}", 2, 0, "does not fit"),
    ],
)
def test_broken_files_name_the_line_and_column(text, line, column, words):
    found = problems(text)
    assert (found[0].line, found[0].column) == (line, column), found
    assert words in found[0].message
    assert f"line {line}" in str(found[0])


def test_every_problem_of_the_file_is_reported_at_once():
    found = problems("A {=a ~b\n\nB {#x}\n\nC {=ok ~fine}\n\nD } {T}")
    assert [p.line for p in found] == [1, 3, 7]


def test_no_right_answer_is_skipped_with_a_reason():
    parsed = parse("Which? {~%50%a ~%50%b}\n\nOther? {=x ~y}", "gift")
    assert [i.prompt for i in parsed.items] == ["Other?"]
    assert parsed.skipped == [
        (1, "no option earns full credit, so no answer could be scored right")
    ]


def test_a_description_is_skipped():
    assert parse("Just some text.", "gift").skipped[0][1].startswith("a description")


def test_writing_escapes_special_characters_and_reads_back_the_same():
    source = one(r"::a\:b::Is 2\=2 \{brace\} \#1\\? {=x\~y#fb\#1 ~z ####why\: so}")
    again = one(gift.dump([source]).text)
    source.line = again.line = 0
    assert again == source
