"""What the tests of real text share: the seed templates, and facts and questions of a text
(every question checked valid)."""

from pathlib import Path

from quiz.facts.extraction import extract_facts
from quiz.generation import check_question, generate, load_templates

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = load_templates(ROOT / "seed" / "templates.toml")


def facts_of(text, type_=None):
    return [f for f in extract_facts(text) if type_ is None or f.type == type_]


def questions_of(text):
    facts = extract_facts(text)
    questions = generate(facts, TEMPLATES)
    assert all(check_question(q, facts) == [] for q in questions)
    return questions


def shown_of(text):
    """Return everything each question of a text shows a student: prompt, answer, options.

    At least one question is asked, so that a test of what none shows cannot pass on none.
    """
    shown = [" ".join((q.prompt, q.answer, *q.options)) for q in questions_of(text)]
    assert shown
    return shown


def assert_named(text, named, unnamed):
    """Assert that the questions of a text show `named` (a pronoun's antecedent in its place)
    and never `unnamed` (the pronoun as the article wrote it)."""
    shown = " ".join(shown_of(text))
    assert named in shown
    assert unnamed not in shown
