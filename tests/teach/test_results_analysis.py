"""Item analysis, charts and CSV on hand-built data: no database."""

import csv
import io
import re

import pytest

from quiz.classroom import analysis, charts
from quiz.classroom.analysis import OptionInfo, Response
from quiz.classroom.results import neutralise, to_csv

RIGHT, WRONG1, WRONG2, WRONG3 = (
    OptionInfo(1, "1961", True),
    OptionInfo(2, "1957", False),
    OptionInfo(3, "1955", False),
    OptionInfo(4, "1994", False),
)
OPTIONS = {7: [RIGHT, WRONG1, WRONG2, WRONG3]}


@pytest.mark.parametrize(
    "flags,expected",
    [
        ([], None),
        ([True], 1.0),
        ([False], 0.0),
        ([True, False, False, True], 0.5),
        ([True] * 3 + [False], 0.75),
    ],
)
def test_facility_is_the_share_right(flags, expected):
    assert analysis.facility(flags) == expected


@pytest.mark.parametrize(
    "students,size",
    # 27 % of the students, at least one, never more than half (the groups do not overlap).
    [(1, 0), (2, 1), (3, 1), (4, 1), (10, 3), (11, 3), (20, 5), (100, 27)],
)
def test_upper_and_lower_groups_are_27_percent_by_total(students, size):
    totals = {f"s{n:03}": n for n in range(students)}
    upper, lower = analysis.groups(totals)
    assert len(upper) == len(lower) == size
    assert not upper & lower
    if size:
        assert min(totals[s] for s in upper) > max(totals[s] for s in lower)
        assert f"s{students - 1:03}" in upper and "s000" in lower


def _class(pattern: dict[str, list[bool]]) -> list[Response]:
    """Responses of students to questions 1..n, right or wrong as the pattern says."""
    return [
        Response(student, qid, correct, 1 if correct else 2)
        for student, answers in pattern.items()
        for qid, correct in enumerate(answers, start=1)
    ]


def test_discrimination_is_upper_minus_lower_facility():
    # Four students ranked by total: a 4, b 3, c 1, d 0 (groups of one: 27 % of 4).
    responses = _class(
        {
            "a": [True, True, True, True],
            "b": [True, True, True, False],
            "c": [False, True, False, False],
            "d": [False, False, False, False],
        }
    )
    stats = {s.question_id: s for s in analysis.analyse(responses, {})}
    assert stats[1].discrimination == 1.0  # a right, d wrong
    assert stats[2].discrimination == 1.0
    assert stats[1].facility == 0.5 and stats[2].facility == 0.75


def test_a_question_the_strong_miss_and_the_weak_get_has_negative_discrimination():
    responses = _class(
        {
            "a": [True, True, True, False],
            "b": [True, True, False, False],
            "c": [True, False, False, False],
            "d": [False, False, False, True],  # ties with c, ranked below it by key
        }
    )
    stats = {s.question_id: s for s in analysis.analyse(responses, {})}
    assert stats[4].discrimination == -1.0
    assert analysis.FLAG_NEGATIVE in stats[4].flags
    assert stats[1].flags == []


def test_a_question_nobody_in_a_group_answered_has_no_discrimination():
    responses = [Response("a", 1, True), Response("a", 2, True), Response("b", 1, False)]
    stats = {s.question_id: s for s in analysis.analyse(responses, {})}
    assert stats[1].discrimination == 1.0
    assert stats[2].discrimination is None


def test_only_each_students_first_answer_counts():
    responses = [
        Response("a", 1, False, 2),
        Response("a", 1, True, 1),  # replayed after seeing the feedback
        Response("b", 1, True, 1),
    ]
    [stats] = analysis.analyse(responses, OPTIONS | {1: [RIGHT, WRONG1]})
    assert stats.students == 2 and stats.right == 1 and stats.facility == 0.5
    assert [(oc.option.text, oc.count) for oc in stats.options] == [("1961", 1), ("1957", 1)]


def _item(right: int, students: int, picks=(1, 2, 3, 4), reports=0) -> analysis.ItemStats:
    """Stats of question 7 answered by `students` (all with the same total elsewhere)."""
    responses = []
    for n in range(students):
        correct = n < right
        # Wrong answers go round the wrong options listed in picks.
        option = 1 if correct else picks[1 + n % (len(picks) - 1)]
        responses.append(Response(f"s{n}", 7, correct, option))
    [stats] = analysis.analyse(
        responses, OPTIONS, {7: reports} if reports else {}, question_ids=[7]
    )
    return stats


@pytest.mark.parametrize(
    "right,students,picks,reports,expected",
    [
        (5, 10, (1, 2, 3, 4), 0, []),
        (1, 10, (1, 2, 3, 4), 0, [analysis.FLAG_TOO_HARD]),  # 0.1 < 0.2
        (2, 10, (1, 2, 3, 4), 0, []),  # exactly 0.2 is not below it
        (1, 9, (1, 2, 3, 4), 0, []),  # too few students to judge
        (10, 10, (1, 2, 3, 4), 0, [analysis.FLAG_TOO_EASY, analysis.FLAG_UNPICKED]),
        (19, 20, (1, 2, 3, 4), 0, [analysis.FLAG_UNPICKED]),  # exactly 0.95, but two unpicked
        (5, 10, (1, 2, 3), 0, [analysis.FLAG_UNPICKED]),  # nobody chose 1994
        (5, 9, (1, 2, 3), 0, []),
        (5, 10, (1, 2, 3, 4), 1, [analysis.FLAG_REPORTED]),
        (0, 0, (1, 2, 3, 4), 2, [analysis.FLAG_REPORTED]),  # reports count with no answers
    ],
)
def test_flags(right, students, picks, reports, expected):
    stats = _item(right, students, picks, reports)
    assert stats.flags == expected
    assert stats.flagged == bool(expected)


def test_every_asked_question_is_listed_even_without_answers():
    stats = analysis.analyse([], OPTIONS, {7: 1}, question_ids=[7, 8])
    assert [(s.question_id, s.students, s.facility, s.reports) for s in stats] == [
        (7, 0, None, 1),
        (8, 0, None, 0),
    ]
    assert [oc.count for oc in stats[0].options] == [0, 0, 0, 0]


def test_template_counts_flagged_and_retired_questions():
    rows = [
        (1, "active", False),
        (1, "active", True),
        (1, "retired", True),
        (2, "retired", False),
        (None, "active", True),  # a teacher's own question: no template
    ]
    assert analysis.template_counts(rows) == {
        1: analysis.TemplateCounts(questions=3, flagged=2, retired=1),
        2: analysis.TemplateCounts(questions=1, flagged=0, retired=1),
    }


@pytest.mark.parametrize(
    "values,counts",
    [
        ([], [0] * 10),
        ([0, 100], [1] + [0] * 8 + [1]),
        ([9.99, 10, 55, 90, 99.5], [1, 1, 0, 0, 0, 1, 0, 0, 0, 2]),
        ([-5, 120], [1] + [0] * 8 + [1]),
    ],
)
def test_score_distribution_bins(values, counts):
    bins = analysis.distribution(values)
    assert [b.count for b in bins] == counts
    assert (bins[0].low, bins[-1].high) == (0, 100)


# ---- charts --------------------------------------------------------------------------------


def _check_accessible_svg(html: str, chart_id: str):
    svg = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg
    assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
    assert f'<title id="{chart_id}-title">' in html and f'<desc id="{chart_id}-desc">' in html
    assert "<table>" in html and "<caption>" in html
    # The CSP forbids inline styles: they would be dropped silently in the browser.
    assert "style=" not in html and "<style" not in html


def test_score_distribution_chart_has_title_description_and_table():
    bins = analysis.distribution([15, 15, 95])
    html = str(charts.score_distribution(bins))
    _check_accessible_svg(html, "scores")
    assert "3 finished rounds" in html and "10–20 %: 2" in html
    assert html.count("<rect") == 10
    assert '<th scope="row">90–100 %</th><td>1</td>' in html


def test_facility_chart_marks_flagged_questions_and_escapes_labels():
    html = str(
        charts.facility_chart([("Q1", 0.5, False), ("<Q2>", 0.1, True), ("Q3", None, False)])
    )
    _check_accessible_svg(html, "facility")
    assert "&lt;Q2&gt;" in html and "<Q2>" not in html
    assert f'fill="{charts.FLAGGED}"' in html
    assert "Flagged: &lt;Q2&gt;." in html
    assert "<td>no answers</td>" in html and "<td>0.50</td>" in html


def test_an_empty_chart_says_so():
    html = str(charts.score_distribution(analysis.distribution([])))
    assert "No finished rounds yet." in html


# ---- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\0x", "'\0x"),
        ("\r=1", "'\r=1"),
        ("Ada", "Ada"),
        ("a=b", "a=b"),
        ("", ""),
        (1000, 1000),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_csv_cells_never_start_a_formula():
    text = to_csv([("nickname", "points"), ("=cmd|' /C calc'!A0", 1000), ("@x", 0)])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["nickname", "points"], ["'=cmd|' /C calc'!A0", "1000"], ["'@x", "0"]]
