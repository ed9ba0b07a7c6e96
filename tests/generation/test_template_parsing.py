"""Templates: placeholders, kind/over combinations and templates files with line numbers."""

import pytest

from quiz.facts import SeedFileError
from quiz.generation import (
    KINDS,
    Template,
    TemplateError,
    load_templates,
    parse_template,
    template_to_dict,
)


def template(**changes):
    data = {
        "key": "year-of-event",
        "kind": "year",
        "over": "dated",
        "text": "In which year was {event}?",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_parse_good_template():
    parsed = parse_template(template(time_limit=20))
    assert parsed == Template(
        key="year-of-event",
        kind="year",
        over="dated",
        text="In which year was {event}?",
        time_limit=20,
    )
    assert parse_template(template_to_dict(parsed)) == parsed


def test_kinds_are_the_public_ones():
    assert KINDS == (
        "choice",
        "true_false",
        "year",
        "date",
        "first",
        "number",
        "cloze",
        "short",
        "order",
        "statement",
        "odd_one_out",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"text": "When was {foo}?"},
            "unknown placeholder {foo} (known: event, about, role, unit, value, a.event, b.event, "
            "sentence, claim, question)",
        ),
        (
            {"text": "Who {role}?"},
            "placeholder {role} does not fit 'dated' facts (they have: event, about, value, "
            "question)",
        ),
        (
            {"kind": "choice", "over": "person", "text": "When was {event}?"},
            "placeholder {event} does not fit 'person' facts",
        ),
        ({"kind": "first", "over": "dated"}, "kind 'first' needs over = 'dated,dated'"),
        ({"kind": "choice", "over": "dated"}, "kind 'choice' needs over = 'person'"),
        (
            {"kind": "year", "over": "person", "text": "Who {role}?"},
            "kind 'year' needs over = 'dated'",
        ),
        ({"kind": "guess"}, "unknown kind 'guess'"),
        ({"over": "planets"}, "unknown 'planets'"),
        ({"kind": "cloze", "over": "any", "text": "Fill in: {about}"}, "must use {sentence}"),
        ({"kind": "true_false", "over": "any", "text": "True or false?"}, "must use {claim}"),
        ({"text": "In {event:>10}?"}, "cannot have ':'"),
        ({"text": "In which year was {event?"}, "bad braces"),
        ({"text_shared": "Which of these {event}?"}, "only choice templates"),
        ({"time_limit": 0}, "time_limit"),
        ({"colour": "red"}, "colour: unknown field"),
        ({"text": None}, "text: missing"),
        ({"key": "Bad Key"}, "key:"),
    ],
)
def test_template_errors(changes, message):
    with pytest.raises(TemplateError) as caught:
        parse_template(template(**changes))
    assert message in str(caught.value)


def test_escaped_braces_are_not_placeholders():
    parsed = parse_template(template(text="In which year was {event} {{sic}}?"))
    assert parsed.text == "In which year was {event} {{sic}}?"


def test_load_seed_templates(seed_templates):
    assert {t.kind for t in seed_templates} == set(KINDS)


def test_templates_file_reports_every_problem_with_lines(write):
    path = write(
        "templates.toml",
        """[[template]]
key = "good"
kind = "year"
over = "dated"
text = "In which year was {event}?"

[[template]]
key = "bad"
kind = "year"
over = "dated"
text = "In which year was {foo}?"

[[template]]
key = "good"
kind = "first"
over = "dated"
text = "Which first: {a.event} or {b.event}?"
""",
    )
    with pytest.raises(SeedFileError) as caught:
        load_templates(path)
    lines = [(problem.line, problem.message) for problem in caught.value.problems]
    assert lines[0][0] == 11 and "template 'bad': text: unknown placeholder {foo}" in lines[0][1]
    assert lines[1][0] == 13 and "kind 'first' needs over = 'dated,dated'" in lines[1][1]
    assert len(lines) == 2


def test_templates_duplicate_key(write):
    entry = '[[template]]\nkey = "a"\nkind = "short"\nover = "dated"\ntext = "Year of {event}?"\n'
    with pytest.raises(SeedFileError, match=r"templates.toml:8: template 'a': key: duplicate"):
        load_templates(write("templates.toml", entry + "\n" + entry))


def test_templates_toml_syntax_error_has_its_line(write):
    path = write("templates.toml", '[[template]]\nkey = "a"\nkind = year\n')
    with pytest.raises(SeedFileError) as caught:
        load_templates(path)
    assert caught.value.problems[0].line == 3
    assert str(caught.value).startswith("templates.toml:3: TOML syntax")
