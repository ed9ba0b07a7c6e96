"""Open Trivia DB responses: HTML-encoded text, both types, broken JSON with positions."""

import json

import pytest

from quiz.formats import FormatError, opentdb, parse

RESPONSE = """{
  "response_code": 0,
  "results": [
    {
      "type": "multiple",
      "difficulty": "medium",
      "category": "Science &amp; Nature",
      "question": "Which cosmonaut flew &quot;Vostok 1&quot;?",
      "correct_answer": "Yuri Gagarin",
      "incorrect_answers": ["Gherman Titov", "Alexei Leonov", "Valentina Tereshkova"]
    },
    {"type": "boolean", "difficulty": "easy", "category": "History",
     "question": "Baikonur is in Kazakhstan.", "correct_answer": "True",
     "incorrect_answers": ["False"]}
  ]
}"""


def test_an_opentdb_response_reads_decoded():
    first, second = parse(RESPONSE, "opentdb").items
    assert first.prompt == 'Which cosmonaut flew "Vostok 1"?'
    assert first.category == "Science & Nature" and first.difficulty == "medium"
    assert [o.text for o in first.options][0] == "Yuri Gagarin" and first.options[0].correct
    assert (second.kind, [o.text for o in second.options]) == ("true_false", ["True", "False"])
    assert (first.line, second.line) == (4, 12)


def test_byte_order_mark_crlf_and_non_ascii():
    raw = ("\ufeff" + RESPONSE.replace("Yuri Gagarin", "Юрий Гагарин")).replace("\n", "\r\n")
    assert parse(raw.encode(), "opentdb").items[0].answer == "Юрий Гагарин"


@pytest.mark.parametrize(
    "text,line,column,words",
    [
        ('{"results": [\n  {"type": "multiple",}\n]}', 2, 23, "not JSON"),
        ("[]", 1, 1, '"results" list'),
        ('{"response_code": 1, "results": []}', 1, 1, "response_code"),
        ('{"results": [\n {"type": "essay"}]}', 2, 2, '"type"'),
        ('{"results": [\n {"type": ["multiple"]}]}', 2, 2, '"type"'),
        (
            '{"results": [\n {"type": "multiple", "question": "Q", "correct_answer": "a",'
            ' "incorrect_answers": "b"}]}',
            2,
            2,
            "incorrect_answers",
        ),
        (
            '{"results": [\n {"type": "boolean", "question": "Q", "correct_answer": "Yes",'
            ' "incorrect_answers": ["No"]}]}',
            2,
            2,
            "boolean",
        ),
        (
            '{"results": [\n {"type": "multiple", "question": "Q", "correct_answer": "a",'
            ' "incorrect_answers": ["b"], "difficulty": "extreme"}]}',
            2,
            2,
            "difficulty",
        ),
    ],
)
def test_broken_responses_name_line_and_column(text, line, column, words):
    with pytest.raises(FormatError) as caught:
        parse(text, "opentdb")
    first = caught.value.problems[0]
    assert (first.line, first.column) == (line, column), caught.value.problems
    assert words in first.message


def test_writing_html_encodes_like_opentdb_and_reads_back():
    items = parse(RESPONSE, "opentdb").items
    text = opentdb.dump(items).text
    assert json.loads(text)["results"][0]["question"] == (
        "Which cosmonaut flew &quot;Vostok 1&quot;?"
    )
    assert parse(text, "opentdb").items[0].prompt == items[0].prompt
