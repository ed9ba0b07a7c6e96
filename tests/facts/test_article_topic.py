"""What an article is about names its later "It" and "The town"; values stated in other units,
after a preposition or in a firm's name are found, and none of it makes a wrong question."""

import pytest

from quiz.facts.topic import article_topic
from tests.facts.generated import facts_of, questions_of

KIGALI = (
    "Kigali\n\n"
    "Kigali is the capital and largest city of Rwanda. "
    "The town has been the country's economic hub since independence in 1962. "
    "It grew slowly during the next decades."
)


def _prompts(text):
    return [q.prompt for q in questions_of(text)]


def test_the_first_statement_names_the_topic_and_what_it_is():
    topic = article_topic(["Kigali", "Kigali is the capital and largest city of Rwanda."])
    assert topic is not None
    assert topic.name == "Kigali"
    assert topic.is_a("town") and topic.is_a("city")  # one kind of place
    assert not topic.is_a("river")


def test_no_topic_when_the_article_does_not_open_by_defining_one():
    assert article_topic(["Rain fell on Tuesday.", "Kigali grew slowly."]) is None


def test_a_bare_subject_of_the_topics_kind_is_named_by_the_topic():
    gaps = [p for p in _prompts(KIGALI) if "_____" in p and "1962" not in p and "hub" in p]
    assert gaps == [
        "Fill in the gap: Kigali has been the country's economic hub since independence in _____."
    ]


def test_a_bare_subject_of_another_kind_stays_unresolved():
    text = KIGALI.replace("The town has", "The river has")
    assert not [p for p in _prompts(text) if "hub" in p]


def test_a_bare_subject_the_article_names_otherwise_stays_unresolved():
    # "The company" of an article that also names "Wells Fargo and Company" could be either.
    text = (
        "Wachovia was a diversified financial services company based in Charlotte. "
        "Wells Fargo and Company bought it in 2008. "
        "The company was organized into four divisions in 2001."
    )
    assert not [p for p in _prompts(text) if "divisions" in p]


def test_it_after_a_sentence_naming_the_topic_is_the_topic():
    text = (
        "Voyager 1 is a space probe used by NASA. "
        "Voyager 1's research team announced on August 25, 2012 that it had left the solar "
        "system. It passed the heliosphere on 25 August 2012."
    )
    prompts = _prompts(text)
    assert any(p.startswith("Fill in the gap: Voyager 1 passed the heliosphere") for p in prompts)
    assert not [p for p in prompts if " It passed" in p or ": It " in p]


def test_it_after_a_sentence_on_something_else_stays_unresolved():
    text = (
        "Voyager 1 is a space probe used by NASA. "
        "The treaty was signed in Geneva in 1975. "
        "It entered into force in 1979."
    )
    assert not [p for p in _prompts(text) if "1979" in p or "force" in p]


def test_a_superlative_subject_names_the_it_after_it():
    text = (
        "The largest tsunami on record rushed past Ishigaki Island, Japan, in 1971. "
        "It was an incredible 84.7 meters (278 feet) high."
    )
    gaps = [p for p in _prompts(text) if "meters" in p or "84.7" not in p and "high" in p]
    assert "Fill in the gap: The largest tsunami on record was an incredible _____ high." in gaps


def test_a_possessive_opening_names_the_subject_after_it():
    text = (
        "Wachovia was a diversified financial services company based in Charlotte. "
        "At its height, it was one of the largest banks, with centers in 21 states."
    )
    prompts = [q.prompt for q in questions_of(text) if "21" in q.answer or "21" in q.prompt]
    assert prompts and all("At its height, Wachovia was" in p for p in prompts)
    assert not [p for p in prompts if ", it was" in p]


def test_a_value_in_another_unit_is_left_out_of_the_prompt():
    text = "The Ishigaki wave of 1971 was 84.7 meters (278 feet) high."
    questions = questions_of(text)
    gap = [q for q in questions if q.answer == "84.7 meters"]
    assert gap and all("278" not in q.prompt for q in gap)
    asked = [q for q in questions if "how many meters" in q.prompt]
    assert asked and all("278" not in q.prompt for q in asked)  # the height asked alone


def test_a_speed_keeps_its_unit_whole():
    facts = facts_of("Voyager 1 travels at 17 km/s through the outer solar system.", "number")
    assert [(f.text, f.unit) for f in facts] == [("17 km/s", "km/s")]


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The spacecraft Hermes will fly in 2011 aboard a Pegasus XL rocket.", 2011),
        ("A second pulp mill was created in 1868 near the town of Nokia.", 1868),
        ("Nokia has a long history, dating back to 1865 when Fredrik Idestam built a mill.", 1865),
    ],
)
def test_a_year_after_in_or_back_to_is_a_year(sentence, year):
    assert [f.value for f in facts_of(sentence, "year")] == [year]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Fredrik Idestam created a pulp mill near the town of Tampere in 1865.", "Tampere"),
        ("RMS Titanic sailed from Southampton, UK to New York City, US.", "Southampton"),
        ("Wachovia was a diversified financial services company based in Charlotte.", "Charlotte"),
    ],
)
def test_a_town_is_known_by_what_is_said_around_it(sentence, place):
    assert place in [f.value for f in facts_of(sentence, "place")]


def test_country_abbreviations_and_part_names_are_no_facts():
    facts = facts_of("It had centers in 21 states and Washington, D.C., and in the UK.")
    assert not [f for f in facts if f.value in ("Washington", "UK")]


def test_a_name_the_article_writes_as_a_firm_is_an_organisation():
    text = (
        "Wachovia was a bank based in Charlotte. Wells Fargo acquired Wachovia in 2008. "
        "The Wells Fargo brand replaced it."
    )
    facts = facts_of(text)
    assert [f.type for f in facts if f.value == "Wells Fargo"] == ["organisation"]
    assert not [f for f in facts if f.type == "person"]


def test_someone_with_another_is_asked_but_not_as_who_did_it():
    text = (
        "In 1871, Fredrik Idestam together with his friend Leo Mechelin formed a shared "
        "company and called it Nokia. Carl Gustaf Mannerheim visited the mill in 1900."
    )
    questions = questions_of(text)
    assert "Leo Mechelin" in [q.answer for q in questions if q.kind == "cloze"]
    who = [q for q in questions if q.prompt.startswith("Who ")]
    assert not [q for q in who if q.answer in ("Fredrik Idestam", "Leo Mechelin")]  # both did
