"""Fact extraction: what each kind of value gives, and the sentences that give nothing."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.facts import fact_from_dict, fact_to_dict, split_sentences
from quiz.facts.extraction import extract_facts
from quiz.generation import check_question, generate, load_templates

ROOT = Path(__file__).resolve().parents[2]


def _facts(text, type_=None):
    return [f for f in extract_facts(text) if type_ is None or f.type == type_]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Baikonur was founded on June 2, 1955.", "June 2, 1955", datetime.date(1955, 6, 2)),
        ("Baikonur was founded on 2 June 1955.", "2 June 1955", datetime.date(1955, 6, 2)),
        ("Sputnik flew on 4 October 1957.", "4 October 1957", datetime.date(1957, 10, 4)),
        (
            "The Treaty of Rome was signed on Sept. 4, 1957.",
            "Sept. 4, 1957",
            datetime.date(1957, 9, 4),
        ),
        (
            "The Treaty of Rome was signed on the 2nd of June 1955.",
            "2nd of June 1955",
            datetime.date(1955, 6, 2),
        ),
        ("Perseverance landed on 2021-12-25.", "2021-12-25", datetime.date(2021, 12, 25)),
    ],
)
def test_full_dates_in_the_usual_forms(sentence, text, value):
    [fact] = _facts(sentence, "date")
    assert (fact.text, fact.value, fact.sentence) == (text, value, sentence)
    assert fact.claim == sentence.replace(text, "{value}")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The Baikonur road is 5,500 kilometres long.", "5,500 kilometres", 5500, "kilometres"),
        ("Cosmonaut Titov weighed 83.6 kilograms.", "83.6 kilograms", Decimal("83.6"), "kilograms"),
        (
            "Almaty has 6.91 million people.",
            "6.91 million people",
            Decimal("6.91"),
            "million people",
        ),
        ("NASA launched three satellites.", "three", 3, "satellites"),
        (
            "Lake Baikal holds 23,615 cubic kilometres of water.",
            "23,615 cubic kilometres",
            23615,
            "cubic kilometres",
        ),
        ("Turnout reached 45% in the city.", "45%", 45, "percent"),
    ],
)
def test_numbers_with_their_unit_or_noun(sentence, text, value, unit):
    [fact] = _facts(sentence, "number")
    assert (fact.text, fact.value, fact.unit) == (text, value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge did not open in 1990.",
        "Nobody knows whether 500 people came.",
        "The work was done between 1990 and 1995.",
        "It will be finished by 2030.",
        "The 1990s were busy.",
        "Apollo 11 landed safely.",
        "Did 500 people come?",
        "Bridge Opens In 1990",
        "The club had 500 members or more.",
        "The count reached 5,000 workers and rising.",
        "The votes came in 1988 and 1990.",
        "The bridge may open in 2030.",
    ],
)
def test_hedged_negated_or_labelled_values_give_nothing(sentence):
    assert _facts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("A servicing mission in December 1993 installed corrective optics.", 1993),
        ("The crew in Sept. 2004 repaired the mirror.", 2004),
        ("The tunnel that in July, 1994 opened to traffic runs under the sea.", 1994),
    ],
)
def test_a_year_after_a_month_is_a_year_whatever_follows(sentence, year):
    [fact] = _facts(sentence, "year")
    assert fact.value == year
    assert _facts("The factory in 1500 workers hired.", "year") == []  # still a count


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The Channel Tunnel opened on 6 May 1994.", datetime.date(1994, 5, 6)),
        ("The Tulip Festival opened in May 1994.", 1994),
        ("Theresa May became prime minister in 2016.", 2016),
    ],
)
def test_may_the_month_or_a_name_does_not_make_a_sentence_doubtful(sentence, value):
    [fact] = [f for f in _facts(sentence) if f.type in ("date", "year")]
    assert fact.value == value


def test_a_value_before_and_a_second_clause_is_not_a_range():
    [fact] = _facts("Construction began in 1988 and employed 13,000 workers.", "year")
    assert fact.value == 1988


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Curie discovered two elements in 1898.", {"two", "three", "four", "five"}),
        ("Ten workers died during the works.", {"Ten", "Five", "Fifteen", "Twenty"}),
    ],
)
def test_a_figure_written_as_a_word_is_asked_and_offered_as_words(sentence, words):
    """ "Curie discovered _____ elements": two, three, four or five; never "1 elements"."""
    [fact] = _facts(sentence, "number")
    questions = generate([fact], load_templates(ROOT / "seed" / "templates.toml"))
    [asked] = [q for q in questions if q.kind in ("cloze", "number")]  # a gap or "how many"
    assert asked.answer == fact.text and set(asked.options) == words
    for claim in (q for q in questions if q.kind == "true_false"):
        assert any(f" {word} " in f" {claim.prompt} " for word in words), claim.prompt


def test_a_value_said_twice_in_a_sentence_gives_nothing():
    assert _facts("In 1990 the bridge opened and in 1990 it closed.", "year") == []


def test_years_get_an_event_only_when_the_sentence_dates_one_thing_plainly():
    [plain] = _facts("In 1957, the first satellite was launched.", "year")
    assert plain.event == "“The first satellite was launched”"
    [reported] = _facts("Officials said the bridge would open in 2030.", "year")
    [two] = _facts("The Forth Bridge opened in 1990 and closed in 2005.", "year")[:1]
    for fact in (reported, two):
        assert "_____" in fact.event  # a blanked sentence: cloze and true/false only


def test_people_places_and_organisations():
    text = (
        "Mayor Anna Kowalski opened the bridge. Kowalski thanked the workers from "
        "Budapest. Funding came from the World Bank."
    )
    facts = {(f.type, f.value, f.text) for f in _facts(text)}
    assert ("person", "Anna Kowalski", "Anna Kowalski") in facts
    assert ("person", "Anna Kowalski", None) in facts  # the surname, resolved
    assert ("place", "Budapest", "Budapest") in facts
    assert ("organisation", "World Bank", "World Bank") in facts
    [subject] = [f for f in _facts(text, "person") if f.text is None]
    assert subject.role == "thanked the workers from Budapest"


def test_names_in_a_sentence_about_a_shared_deed_give_nothing():
    text = (
        "Anna Kowalski also opened the bridge. Piotr Nowak opened the bridge too. "
        "Jan Nowicki, Ewa Lis and Adam Wolny walked across it."
    )
    assert _facts(text, "person") == []


def test_a_name_that_is_also_a_thing_is_not_resolved_as_a_person():
    text = (
        "The Hubble Space Telescope was launched in 1990. Hubble orbits Earth every "
        "95 minutes. It was named after the astronomer Edwin Hubble."
    )
    assert all(f.text is not None for f in _facts(text, "person"))


def test_facts_are_valid_and_round_trip():
    text = (ROOT / "tests" / "heldout" / "names-expedition.txt").read_text(encoding="utf-8")
    facts = extract_facts(text)
    sentences = split_sentences(text)
    assert facts and len({f.key for f in facts}) == len(facts)
    for fact in facts:
        assert fact_from_dict(fact_to_dict(fact)) == fact
        assert fact.sentence in sentences
        assert fact.text is None or fact.text in fact.sentence


def test_extraction_is_deterministic_per_sentence():
    first = extract_facts("Construction began in 2021. The bridge opened on 14 March 2024.")
    again = extract_facts("Construction began in 2021. The bridge opened on 14 March 2024.")
    assert first == again


def test_the_seed_article_still_gives_enough_valid_questions():
    facts = extract_facts((ROOT / "seed" / "baikonur-article.txt").read_text(encoding="utf-8"))
    questions = generate(facts, load_templates(ROOT / "seed" / "templates.toml"))
    assert len(questions) >= 25
    assert all(check_question(q, facts) == [] for q in questions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor of the old town met the visiting President\nJoe Biden on a long and sunny "
            "afternoon.",
            [
                "The mayor of the old town met the visiting President Joe Biden on a "
                "long and sunny afternoon."
            ],
        ),
        (
            "Short Title\nThe body of the story starts here and goes on for a while longer.",
            ["Short Title", "The body of the story starts here and goes on for a while longer."],
        ),
        ("It  weighs 83.6 kg.  The U.S. team won.", ["It weighs 83.6 kg.", "The U.S. team won."]),
    ],
)
def test_split_sentences_of_a_messy_paste(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "sentence,not_a_value",
    [
        ("The capsule landed near Woomera in South Australia after a long journey.", "Australia"),
        ("The probe set off for the asteroid 1998 KY26, which it will reach in 2031.", 1998),
    ],
)
def test_parts_of_other_names_are_not_facts(sentence, not_a_value):
    from quiz.facts.extraction import extract_facts

    values = [f.value for f in extract_facts(sentence)]
    assert not_a_value not in values
