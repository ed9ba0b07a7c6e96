"""Extraction on real text: filters scoped to their clause, round guesses, dates without a
year, names without a title, subjects named by their antecedent, order questions."""

import datetime
import re
from decimal import Decimal

import pytest

from quiz.facts import lexicon as lx
from quiz.generation import ORDER_SEPARATOR, grade
from quiz.generation.formatting import parse_number, years_between
from tests.facts.generated import facts_of, questions_of

_facts, _questions = facts_of, questions_of


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The Treaty of Versailles was signed in 1919 but did not end the blockade at once.", 1919),
        ("It wasn't until 1875 that the museum opened.", 1875),
        ("The Senate never ratified the treaty, and the country signed a peace in 1921.", 1921),
        ("The Roman Empire fell in AD 476.", 476),
    ],
)
def test_a_negation_doubts_only_its_own_clause(sentence, year):
    assert [f.value for f in _facts(sentence, "year")] == [year]


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge opened in 1990, but the tunnel did not open in 2005.",
        "Three years later, the council met again.",
        "In 1871, five years before the 1876 patent, he built a model.",
        "The tower is 330 metres (1,083 ft) tall.",
    ],
)
def test_denied_relative_and_two_unit_values_are_not_asked(sentence):
    values = [f.value for f in _facts(sentence) if f.type in ("year", "number")]
    assert 2005 not in values and 25 not in values and 500 not in values
    assert 3 not in values and 1871 not in values and 1876 not in values and 330 not in values


def test_a_round_guess_is_asked_only_against_options_far_from_it():
    questions = _questions("About 45,000 runners from many countries took part in the race.")
    [fact] = _facts("About 45,000 runners from many countries took part in the race.", "number")
    assert (fact.value, fact.hedge) == (45000, "about")
    [asked] = [q for q in questions if q.kind in ("cloze", "number")]
    assert asked.prompt == "About how many runners from many countries took part in the race?"
    for option in asked.options:
        if option != asked.answer:
            ratio = parse_number(option) / Decimal(45000)
            assert ratio <= Decimal("0.5") or ratio >= 2, option
    for q in questions:
        if q.kind == "true_false" and q.answer == "False":
            assert "45,000" not in q.prompt


def test_a_day_and_month_take_the_year_the_sentence_opens_with():
    text = "In 2008, two submersibles reached the bottom of the lake on 29 July."
    [date] = _facts(text, "date")
    assert (date.value, date.text) == (datetime.date(2008, 7, 29), "29 July")
    [cloze] = [q for q in _questions(text) if q.kind == "cloze" and q.answer == "29 July"]
    assert all(option.count(" ") == 1 for option in cloze.options)  # day and month only
    assert _facts("The council met on 14 December in Paris.", "date") == []


def test_a_last_sentence_without_its_full_stop_still_gives_facts():
    text = (
        "Race Report\n\nThe Berlin course is 42 kilometres long and is one of the fastest in the "
        "world"
    )
    assert [f.value for f in _facts(text, "number")] == [42]
    assert _facts("Bridge Opens In 1990") == []


def test_people_without_a_title_are_named():
    text = "Eliud Kipchoge won the race. Mark Korir came second after a long chase."
    people = {f.value for f in _facts(text, "person")}
    assert "Mark Korir" in people
    assert "Roman Empire" not in {f.value for f in _facts("The Roman Empire grew.", "person")}


def test_a_pronoun_subject_is_named_by_its_antecedent_or_gives_nothing():
    text = "Lake Baikal is a rift lake in Siberia. It is the deepest lake, at 1,642 metres."
    [depth] = _facts(text, "number")
    assert depth.claim == "Lake Baikal is the deepest lake, at {value}."
    [asked] = [q for q in _questions(text) if q.answer == "1,642 metres"]
    assert asked.prompt == "Lake Baikal is the deepest lake, at how many metres?"
    she = "Maria Sklodowska was born in Warsaw. She moved to Paris in 1891."
    assert _facts(she, "year")[0].claim == "Maria Sklodowska moved to Paris in {value}."
    # "She" cannot be Pierre; "They" has no certain antecedent: no question stands alone.
    assert _facts("Pierre Curie was born in Paris. She moved to Lyon in 1891.", "year") == []
    assert _facts("The workers arrived. They built 40 houses in 1990.", "year") == []
    bare = "The Treaty of Versailles was signed in Paris. The treaty came into force in 1920."
    assert _facts(bare, "year")[0].claim == "The Treaty of Versailles came into force in {value}."


ORDERED = (
    "The Tula Museum was founded in 1850. The first railway reached Tula in 1871. "
    "Tula's town hall burned down in 1902. A new bridge was opened in 1935."
)


def test_order_questions_put_independent_events_earliest_first():
    [order] = [q for q in _questions(ORDERED) if q.kind == "order"]
    events = order.answer.split(ORDER_SEPARATOR)
    assert events == [
        "“The Tula Museum was founded”",
        "“The first railway reached Tula”",
        "“Tula's town hall burned down”",
        "“A new bridge was opened”",
    ]
    assert sorted(order.options) == sorted(events) and list(order.options) != events
    plain = [q.score for q in _questions(ORDERED) if q.kind in ("cloze", "true_false")]
    assert plain and order.score > max(plain)
    assert grade("order", ORDER_SEPARATOR.join(events), order.answer)
    assert not grade("order", ORDER_SEPARATOR.join(reversed(events)), order.answer)


def test_which_came_first_never_pairs_two_dates_of_one_sentence():
    text = "The company was founded in 1990 and renamed in 2000. The museum opened in 1995."
    for q in _questions(text):
        if q.kind == "first":
            assert len({q.explanation}) == 1 and q.explanation.count(".") >= 2


def test_years_offered_come_from_the_same_period():
    text = "The Roman Empire fell in AD 476. Revenue grew in 2019 to record levels."
    for q in _questions(text):
        if q.kind in ("year", "cloze") and q.answer == "476":
            assert all(abs(int(o) - 476) <= 60 for o in q.options), q.options


def test_a_round_guess_survives_a_round_trip_and_only_numbers_can_be_one():
    from quiz.facts import FactError, fact_from_dict, fact_to_dict

    [fact] = _facts("About 45,000 runners from many countries took part in the race.", "number")
    assert fact_from_dict(fact_to_dict(fact)) == fact
    data = {**fact_to_dict(fact), "type": "year", "value": 1990, "event": "the race"}
    with pytest.raises(FactError, match="round guess"):
        fact_from_dict(data)


def test_wrong_places_come_from_the_answers_continent():
    from quiz.facts.regions import region_of

    text = "Maria Sklodowska was born in Warsaw on 7 November 1867."
    [warsaw] = _facts(text, "place")
    assert len(warsaw.wrong) == 3
    assert {region_of(name) for name in warsaw.wrong} == {"Europe"}


def test_a_pronoun_after_an_opening_phrase_is_named_or_gives_nothing():
    text = "Henry Dunant founded the Red Cross. In 1901 he received the first Nobel Peace Prize."
    [year] = _facts(text, "year")
    assert year.claim == "In {value} Henry Dunant received the first Nobel Peace Prize."
    # Two men named before, neither the subject: "he" could be either.
    two = (
        "The prize went to Geneva with Henry Dunant and Gustave Moynier. "
        "In 1901 he received the Nobel Peace Prize."
    )
    assert [f.value for f in _facts(two, "year")] == []
    assert _facts("In other years 1989 saw only 6 major earthquakes.", "number") == []


@pytest.mark.parametrize(
    ("sentence", "value", "bound"),
    [
        ("In 2007 revenue exceeded $25 billion.", 25, "lower"),
        ("In 1999 sales topped 500 units.", 500, "lower"),
        ("In 2010 the mandate ran up to 70 kilograms.", 70, "upper"),
    ],
)
def test_a_bound_is_asked_only_against_figures_beyond_it(sentence, value, bound):
    (fact,) = [f for f in _facts(sentence, "number") if f.value == value]
    assert lx.bound_of(fact.hedge) == bound
    questions = [q for q in questions_of(sentence) if q.fact_keys == (fact.key,)]
    assert questions
    assert {q.kind for q in questions} <= {"cloze", "true_false"}  # no "how many": none is it
    for q in questions:
        others = [parse_number(o) for o in q.options if o not in (q.answer, "True", "False")]
        # "more than 500": a smaller figure would be true as well; "up to 70": a larger one.
        assert all((o > value) if bound == "lower" else (o < value) for o in others), q
        if q.kind == "true_false" and q.answer == "False":
            said = parse_number(q.prompt.split(fact.hedge, 1)[1])
            assert (said > value) if bound == "lower" else (said < value), q


def test_a_year_before_our_era_is_asked_and_offered_as_one():
    text = (
        "The Battle of Marathon took place in 490 BC near Athens. "
        "King Xerxes crossed the Hellespont with a huge army in 480 BC."
    )
    years = {f.value: f.text for f in _facts(text, "year")}
    assert years == {-490: "490 BC", -480: "480 BC"}
    asked = [q for q in _questions(text) if q.kind in ("year", "cloze") and q.answer == "490 BC"]
    assert asked
    for q in asked:
        assert all(re.fullmatch(r"\d{1,4} BC", option) for option in q.options), q.options
    between = [q for q in _questions(text) if q.prompt.startswith("How many years separate")]
    assert between and all(q.answer == "10" for q in between)


def test_years_between_an_era_s_two_sides_skip_the_year_zero():
    assert years_between(-44, 14) == 57  # 44 BC to AD 14
    assert years_between(-490, -480) == 10


def test_a_year_a_step_from_an_earlier_sentence_is_not_asked():
    text = "The first war ended in 490 BC. Ten years later, in 480 BC, the Persians returned."
    assert [f.value for f in _facts(text, "year")] == [-490]


def test_a_rule_tripped_by_one_sentence_costs_that_sentence_only(monkeypatch, caplog):
    from quiz.facts import extraction

    text = "Kigali grew fast in 1962. A storm hit Kigali in 1971. It rebuilt its market in 1980."
    facts_of = extraction._Article.facts_of

    def tripped(self, sentence):
        if "storm" in sentence:
            raise ValueError("a rule no test foresaw")
        return facts_of(self, sentence)

    monkeypatch.setattr(extraction._Article, "facts_of", tripped)
    years = {f.value for f in _facts(text, "year")}
    assert 1962 in years and 1971 not in years
    assert "no facts from a sentence" in caplog.text


def test_when_no_pronoun_can_be_read_pronoun_sentences_give_nothing(monkeypatch, caplog):
    from quiz.facts import extraction

    def tripped(self):
        raise ValueError("a rule no test foresaw")

    monkeypatch.setattr(extraction._Article, "_openings", tripped)
    text = "Lake Baikal is a rift lake in Siberia. It is 1,642 metres deep. The lake froze in 1990."
    assert {f.sentence for f in extraction.extract_facts(text)} <= {text.split(". ")[0] + "."}
    assert "pronouns mean" in caplog.text
