"""check_question: each global rule catches the question that breaks it."""

from dataclasses import replace

import pytest

from quiz.generation import GeneratedQuestion, check_question, generate
from quiz.generation.question import fingerprint

SENTENCE = "Yuri Gagarin flew in 1961, Anna Titova later."


@pytest.fixture
def facts(make_fact):
    return [
        make_fact("year", sentence=SENTENCE, claim="Gagarin flew in {value}."),
        make_fact(
            "gagarin",
            type="person",
            value="Yuri Gagarin",
            role="flew first",
            group="fliers",
            sentence=SENTENCE,
            claim="{value} flew first.",
            wrong=("Neil Armstrong", "John Glenn"),
        ),
        make_fact(
            "titova",
            type="person",
            value="Anna Titova",
            text="Anna Titova",
            role="flew later",
            group="fliers",
            sentence=SENTENCE,
        ),
        make_fact(
            "aims",
            type="list",
            value=("education", "tourism"),
            text=None,
            sentence="They aim for education and tourism.",
            role="is an aim",
            wrong=("war",),
            claim="They aim for {value}.",
        ),
    ]


def question(
    kind="choice",
    prompt="Who flew first?",
    answer="Yuri Gagarin",
    options=("Yuri Gagarin", "Neil Armstrong", "John Glenn"),
    keys=("gagarin",),
    explanation=SENTENCE,
):
    return GeneratedQuestion(
        kind=kind,
        prompt=prompt,
        answer=answer,
        options=options,
        explanation=explanation,
        fact_keys=keys,
        template_key="t",
        fingerprint=fingerprint(kind, prompt, answer),
        time_limit=30,
    )


def test_a_good_question_passes(facts):
    assert check_question(question(), facts) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"options": ("Yuri Gagarin", "yuri gagarin")}, "not distinct"),
        ({"options": ("Neil Armstrong", "John Glenn")}, "not among the options"),
        ({"options": ("Yuri Gagarin",)}, "1 options"),
        ({"options": ("Yuri Gagarin", "A", "B", "C", "D")}, "5 options"),
        ({"prompt": "Did Yuri Gagarin fly first?"}, "answer 'Yuri Gagarin' is visible"),
        ({"prompt": "Who flew first, not Neil Armstrong?"}, "'Neil Armstrong' is visible"),
        ({"options": ("Yuri Gagarin", "Anna Titova")}, "also true by the facts"),
        ({"answer": "Neil Armstrong"}, "is not what fact 'gagarin' states"),
        ({"explanation": "Gagarin flew."}, "explanation"),
        ({"keys": ("nope",)}, "unknown fact keys"),
        ({"kind": "essay"}, "unknown kind"),
        ({"prompt": "Who flew aboard the spacecraft which spacecraft?"}, "inside a name"),
        ({"prompt": "The which city did the first flight leave from?"}, "inside a name"),
    ],
)
def test_each_rule(facts, changes, message):
    problems = check_question(question(**changes), facts)
    assert any(message in problem for problem in problems), problems


def test_group_members_never_together(facts, make_fact):
    # Titova answers a different role, but she shares Gagarin's group.
    facts = facts + [
        make_fact(
            "boss", type="person", value="Kim Boss", text=None, role="leads", sentence=SENTENCE
        )
    ]
    q = question(
        prompt="Who leads?",
        answer="Kim Boss",
        keys=("boss",),
        options=("Kim Boss", "Yuri Gagarin", "Anna Titova"),
    )
    assert any("share the group 'fliers'" in p for p in check_question(q, facts))


@pytest.mark.parametrize(
    ("prompt", "answer", "ok"),
    [
        ("True or false: Gagarin flew in 1961.", "True", True),
        ("True or false: Gagarin flew in 1961.", "False", False),
        ("True or false: Gagarin flew in 1962.", "False", True),
        ("True or false: Gagarin flew in 1962.", "True", False),
    ],
)
def test_true_false_answer_must_match_the_claim(facts, prompt, answer, ok):
    q = question(
        kind="true_false", prompt=prompt, answer=answer, options=("True", "False"), keys=("year",)
    )
    assert (check_question(q, facts) == []) is ok


@pytest.mark.parametrize(
    ("prompt", "answer", "ok"),
    [
        ("True or false: Yuri Gagarin flew first.", "True", True),
        ("True or false: Neil Armstrong flew first.", "False", True),
        ("True or false: Anna Titova flew first.", "False", False),  # same group: not certain
    ],
)
def test_true_false_entity_claims(facts, prompt, answer, ok):
    q = question(kind="true_false", prompt=prompt, answer=answer, options=("True", "False"))
    assert (check_question(q, facts) == []) is ok


def test_true_false_options_are_fixed(facts):
    q = question(
        kind="true_false",
        prompt="True or false: Gagarin flew in 1961.",
        answer="True",
        options=("Yes", "No"),
        keys=("year",),
    )
    assert "options must be exactly True, False" in check_question(q, facts)


def test_list_item_is_never_a_wrong_option(facts):
    q = question(
        prompt="Which of these is an aim?",
        answer="education",
        options=("education", "tourism", "war"),
        keys=("aims",),
        explanation="They aim for education and tourism.",
    )
    assert any("'tourism' is also true" in p for p in check_question(q, facts))


def test_year_wrong_year_and_short_options(facts):
    year = question(
        kind="year",
        prompt="Year of the flight?",
        answer="1962",
        options=("1961", "1962"),
        keys=("year",),
    )
    assert any("not the year 1961" in p for p in check_question(year, facts))
    short = question(
        kind="short",
        prompt="Year of the flight?",
        answer="1961",
        options=("1961", "1960"),
        keys=("year",),
    )
    assert "a short-answer question has no options" in check_question(short, facts)


def test_cloze_must_be_the_blanked_sentence(facts):
    q = question(
        kind="cloze",
        prompt="_____ flew in 1961, Anna Titova later.",
        options=("Yuri Gagarin", "Neil Armstrong"),
    )
    assert check_question(q, facts) == []
    bad = replace(q, prompt="_____ flew in 1962, Anna Titova later.")
    assert any("blanked" in p for p in check_question(bad, facts))


def test_first_answer_must_be_the_earlier_event(facts, make_fact):
    facts = facts + [
        make_fact(
            "later", event="the landing", value=1969, text=None, sentence="They landed in 1969."
        )
    ]
    keys = ("year", "later")
    explanation = f"{SENTENCE} They landed in 1969."
    good = question(
        kind="first",
        prompt="Which came first: the landing or the event year?",
        answer="The event year",
        options=("The landing", "The event year"),
        keys=keys,
        explanation=explanation,
    )
    assert check_question(good, facts) == []
    bad = replace(good, answer="The landing")
    assert any("earlier event" in p for p in check_question(bad, facts))


def test_generated_questions_from_these_facts_pass(facts, make_template):
    templates = [
        make_template(kind="choice", over="person", text="Who {role}?"),
        make_template(key="tf", kind="true_false", over="any", text="True or false: {claim}"),
    ]
    questions = generate(facts, templates)
    assert questions
    for q in questions:
        assert check_question(q, facts) == []
        assert not {"Yuri Gagarin", "Anna Titova"} <= set(q.options)
