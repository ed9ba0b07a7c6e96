"""Generation over the seed article: enough good questions, deterministic, rule-abiding."""

from collections import Counter

import pytest

from quiz.generation import check_question, generate
from quiz.generation.formatting import visible_in

GROUP = ["Yuri Gagarin", "Toktar Aubakirov", "Talgat Musabayev", "Aidyn Aimbetov"]


@pytest.fixture(scope="module")
def questions(seed_article, seed_templates):
    return generate(seed_article.facts, seed_templates)


def test_enough_distinct_questions_of_many_kinds(questions):
    assert len(questions) >= 99  # the hand-checked facts never give fewer than they have
    assert len({q.fingerprint for q in questions}) == len(questions)
    assert len({q.kind for q in questions}) >= 6


def test_every_question_passes_the_checks(questions, seed_article):
    for q in questions:
        assert check_question(q, seed_article.facts) == [], q


def test_generation_is_deterministic(questions, seed_article, seed_templates):
    assert generate(seed_article.facts, seed_templates) == questions
    assert generate(list(seed_article.facts), list(seed_templates)) == questions


def test_launched_from_baikonur_group_never_offered_together(questions):
    for q in questions:
        assert sum(option in GROUP for option in q.options) <= 1, q


def test_answer_never_in_prompt(questions):
    for q in questions:
        if q.kind not in ("first", "true_false"):
            assert not visible_in(q.answer, q.prompt), q


def test_true_false_mixes_true_and_false(questions):
    answers = Counter(q.answer for q in questions if q.kind == "true_false")
    assert answers["True"] >= 3 and answers["False"] >= 3


def test_explanations_are_article_sentences(questions, seed_article):
    for q in questions:
        assert (
            all(part in seed_article.body.replace("\n", " ") for part in [q.explanation])
            or len(q.fact_keys) >= 2
        ), q


@pytest.mark.parametrize(
    ("prompt_part", "answer"),
    [
        ("for Yuri Gagarin's historic journey into space?", "1961"),
        ("for the launch of the first artificial satellite?", "1957"),
        ("Who is the President of Kazakhstan", "Kassym-Jomart Tokayev"),
        ("Which of these did Tokayev say Baikonur should become a center for?", "tourism"),
        ("Which news agency", "TASS"),
    ],
)
def test_expected_questions_are_there(questions, prompt_part, answer):
    assert any(prompt_part in q.prompt and q.answer == answer for q in questions)


def test_aims_questions_never_offer_another_aim(questions):
    aims = {"international collaboration", "scientific exchange", "education", "tourism"}
    for q in questions:
        if q.answer in aims:
            assert len(aims & set(q.options)) == 1, q
