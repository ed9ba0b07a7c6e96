"""Questions asked inside the article's own sentence: the question word stands where the value
stood, and a sentence where no question word fits gives none."""

import pytest

from quiz.facts import Fact
from quiz.generation import generate
from quiz.generation.asking import in_sentence
from tests.facts.generated import TEMPLATES, questions_of


def _fact(type_, text, claim, unit=None, value=None, hedge=None):
    value = value if value is not None else text
    return Fact(
        key="k",
        type=type_,
        about="“_____”",
        value=value,
        sentence=claim.replace("{value}", text),
        text=text,
        claim=claim,
        unit=unit,
        hedge=hedge,
    )


@pytest.mark.parametrize(
    ("fact", "question"),
    [
        (
            _fact("place", "Rwanda", "Kigali is the capital of {value}.", unit="country"),
            "Kigali is the capital of which country?",
        ),
        (
            _fact("place", "Potomac River", "Washington lies on the {value}.", unit="river"),
            "Washington lies on which river?",
        ),
        (
            _fact(
                "place",
                "Pennsylvania",
                "Philadelphia is the largest city in the U.S. state of {value}.",
                unit="state",
            ),
            "Philadelphia is the largest city in which U.S. state?",
        ),
        (
            _fact(
                "organisation",
                "Kennedy Space Center",
                "Apollo 13 was launched from {value} in 1970.",
                unit="organisation",
            ),
            "Apollo 13 was launched from which center in 1970?",
        ),
        (
            _fact("place", "Irkutsk", "The city of {value} lies near Lake Baikal.", unit="city"),
            "Which city lies near Lake Baikal?",
        ),
        (  # "but with ..." has no verb of its own: the question keeps the whole sentence
            _fact("number", "ten years", "It is funded, but with a goal of {value}.", "years", 10),
            "It is funded, but with a goal of how many years?",
        ),
        (
            _fact("number", "45,000 runners", "About {value} ran.", "runners", 45000, "about"),
            "About how many runners ran?",
        ),
        (
            _fact("place", "Alexandria", "Congress gave back the city of {value}.", unit="city"),
            "Congress gave back which city?",
        ),
        (
            _fact("person", "George Washington", "Washington was named for {value}.", "person"),
            "Washington was named for whom?",
        ),
        (
            _fact("person", "Michael Collins", "{value} flew the command module.", "person"),
            "Who flew the command module?",
        ),
        (
            _fact("number", "three companies", "NASA gave orders to {value}.", "companies", 3),
            "NASA gave orders to how many companies?",
        ),
        (
            _fact("number", "$500,000", "Each order is worth {value}.", value=500000),
            "Each order is worth how much?",
        ),
        (
            _fact("number", "three", "The process lasted {value} years.", "years", 3),
            "The process lasted how many years?",
        ),
        # A round guess is asked as one.
        (
            _fact("number", "16 quakes", "We expect some {value} a year.", "quakes", 16, "some"),
            "We expect about how many quakes a year?",
        ),
        (
            _fact("year", "1868", "A second mill was built in {value} near Nokia.", value=1868),
            "A second mill was built in which year near Nokia?",
        ),
        # A name's own head noun says what it is: "which bridge", "which school".
        (
            _fact("place", "Poniatowski Bridge", "Crews closed the {value} in May.", "place"),
            "Crews closed which bridge in May?",
        ),
        (
            _fact("organisation", "Riverside High School", "The fair was at {value}."),
            "The fair was at which school?",
        ),
        # A town and its country is not a list.
        (
            _fact("place", "Southampton", "She sailed from {value}, UK, in April.", "city"),
            "She sailed from which city, UK, in April?",
        ),
        # A year before a subject is no preposition's object: "who", never "whom".
        (
            _fact("person", "Richard Kandt", "In 1908 {value} chose the site.", "person"),
            "In 1908 who chose the site?",
        ),
        # A verb after "and" does not make the value one of a list.
        (
            _fact("thing", "White Star Line", "Liners were run by the {value}, and sank.", "line"),
            "Liners were run by which line, and sank?",
        ),
        # Only the clause that holds the value is asked.
        (
            _fact("year", "1909", "Shackleton tried in {value} but turned back.", value=1909),
            "Shackleton tried in which year?",
        ),
        # A participle clause after the value says more of the whole: the question ends
        # before it.
        (
            _fact(
                "number",
                "33 kilometres",
                "Ash rose to a height of {value}, ejecting rock at a great rate.",
                unit="kilometres",
                value=33,
            ),
            "Ash rose to a height of how many kilometres?",
        ),
        # ", and" before a subject and its verb begins a clause of its own.
        (
            _fact(
                "number",
                "200 units",
                "Approximately {value} were produced, and the product laid the foundation.",
                unit="units",
                value=200,
                hedge="Approximately",
            ),
            "About how many units were produced?",
        ),
        # A unit written short is asked by its name: "how many km" reads as letters.
        (
            _fact(
                "number",
                "2,872 km",
                "The Danube flows southeast for {value} to the Black Sea.",
                unit="km",
                value=2872,
            ),
            "The Danube flows southeast for how many kilometres to the Black Sea?",
        ),
        (
            _fact("number", "817,000 km²", "It drains {value}.", unit="km²", value=817000),
            "It drains how many square kilometres?",
        ),
        # The kind said before the name: "aboard the space shuttle Discovery".
        (
            _fact(
                "thing",
                "Discovery",
                "Hubble was launched aboard the space shuttle {value} in 1990.",
                unit="shuttle",
            ),
            "Hubble was launched aboard which space shuttle in 1990?",
        ),
        # "The Kingdom of Rwanda": its kind is the word before "of".
        (
            _fact("place", "Kingdom of Rwanda", "The land was ruled by the {value} for years."),
            "The land was ruled by which kingdom for years?",
        ),
        # Words quoted after a name that ends the clause are left out.
        (
            _fact(
                "place",
                "Yellowstone",
                'Congress established {value} in Wyoming "as a public park" and placed it there.',
                unit="park",
            ),
            "Congress established which park in Wyoming?",
        ),
    ],
)
def test_the_question_word_stands_where_the_value_stood(fact, question):
    assert in_sentence(fact) == question


@pytest.mark.parametrize(
    "fact",
    [
        # One of a list: the others beside the question word read as a riddle.
        _fact("place", "Rwanda", "Belgium took {value} and Burundi.", unit="country"),
        _fact("year", "1976", "It happened in {value}, 1990 and 1995.", value=1976),
        _fact("place", "Weddell Sea", "They live in the {value}, the Ross Sea and Svalbard."),
        _fact(
            "person",
            "Annabella Milbanke",
            "Ada is the daughter of {value}, mathematician, and poet Lord Byron.",
            "person",
        ),
        _fact("place", "Ross Sea", "They live in the Weddell Sea, the {value} and Svalbard."),
        # A range, an adjective, a possessive, a modifier.
        _fact("year", "1996", "Groups came from 1959 through {value}.", value=1996),
        _fact("year", "2001", "Wachovia was the product of a {value} merger.", value=2001),
        _fact("organisation", "Jet Propulsion Laboratory", "NASA's {value} manages it."),
        _fact("place", "Italy", "It lay in modern-day {value}.", unit="country"),
        # A pronoun or "that" pointing at an earlier sentence.
        _fact("number", "three years", "Engineers built it in {value}.", "years", 3),
        _fact("number", "three spacewalks", "Musgrave made {value} during that mission.", "x", 3),
        _fact("organisation", "United States Army", "Orville flew for the {value} that year."),
        # A relative clause open where the value stands, a hedge, a bound, an appositive.
        _fact("year", "1914", "The bridge, which opened in {value}, was repaired.", value=1914),
        _fact("year", "1979", "The field, discovered in {value}, is deep.", value=1979),
        _fact("number", "1.5 metres", "The ice can be {value} thick.", "metres", 1.5),
        _fact("person", "Edward Wilson", "{value}, the doctor, died with Scott.", "person"),
        # A name that modifies a noun, and an adjective before the value.
        _fact("place", "United States", "It is the seat of the {value} federal government."),
        _fact("organisation", "Wells Fargo", "It was absorbed into the {value} brand."),
        # An owner written with a lone apostrophe, and what such an owner has.
        _fact("organisation", "League of Nations", "It took on the {value}' duties."),
        _fact("organisation", "Health Organization", "It took on the League of Nations' {value}."),
        _fact("number", "$300 million", "Work on the {value} project began.", value=300),
        _fact("place", "Poniatowski Bridge", "The old {value} will be repaired.", "place"),
        # A year that completes a name, and a name in apposition to its kind.
        _fact("year", "1949", "It signed the Geneva Convention of {value} in May.", value=1949),
        _fact(
            "thing", "Voyager 2", "Voyager 1 is like its sister spacecraft, {value}.", "spacecraft"
        ),
        # Someone's words that a noun before them stands for ("the mission "to ..."").
        _fact("place", "Ohio", 'Troops left {value} on the mission "to find it".', unit="state"),
        # A value right after the opening preposition: "In which year the government
        # designated ...?" would need "did ... designate".
        _fact("year", "1992", "In {value} the government designated it a park.", value=1992),
        _fact("year", "1992", "Since {value} Baikal has been a park.", value=1992),
        _fact("place", "Paris", "In {value} Marie Curie studied physics.", unit="city"),
        # An acronym beside its full name.
        _fact("organisation", "NOAA", "ESSA was renamed {value} in 1970."),
    ],
)
def test_no_question_where_no_question_word_fits(fact):
    assert in_sentence(fact) is None


def test_a_fact_whose_event_is_named_is_asked_by_its_event_not_in_its_sentence():
    fact = _fact("year", "1959", "NASA selected its first astronauts in {value}.", value=1959)
    named = Fact(**{**fact.__dict__, "event": "NASA's first astronaut selection"})
    prompts = [q.prompt for q in generate([named], TEMPLATES) if q.kind == "year"]
    assert prompts == ["What year does the article give for NASA's first astronaut selection?"]


def test_real_text_is_asked_inside_its_sentence_with_options_of_its_kind():
    text = (
        "Kigali is the capital and largest city of Rwanda. Belgium took control of the "
        "region during World War I. Titanic only carried enough lifeboats for 1,178 people."
    )
    questions = {q.prompt: q for q in questions_of(text)}
    country = questions["Kigali is the capital and largest city of which country?"]
    assert country.answer == "Rwanda" and len(country.options) == 4
    people = questions["Titanic only carried enough lifeboats for how many people?"]
    assert people.answer == "1,178 people"
    assert all(option.endswith(" people") for option in people.options)


def test_which_university_is_asked_of_a_university_among_universities_only():
    text = (
        "Wangari Muta Maathai was a Kenyan environmental activist. "
        "In 1966 she received a degree from the University of Pittsburgh. "
        "In 1977 she founded the Green Belt Movement. "
        "In 2002 she was elected to the National Assembly."
    )
    asked = [q for q in questions_of(text) if "which university" in q.prompt]
    assert asked and all(q.answer == "University of Pittsburgh" for q in asked)
    for q in asked:
        assert all("University" in option for option in q.options)


def test_no_question_word_after_a_possessive_or_inside_brackets():
    studied = _fact(
        "organisation",
        "Flying University",
        "She studied at Warsaw's clandestine {value} in her youth.",
        unit="university",
    )
    assert in_sentence(studied) is None
    nee = _fact(
        "person",
        "Maria Skłodowska",
        "{value} (née Skłodowska; 7 November 1867 – 4 July 1934) was a physicist.",
    )
    assert in_sentence(nee) is None


def test_no_question_word_for_a_name_that_qualifies_a_persons_title():
    keeper = _fact(
        "place",
        "France",
        "Messi sends {value} goalkeeper Hugo Lloris the wrong way.",
        unit="country",
    )
    assert in_sentence(keeper) is None


def test_no_question_word_for_a_name_after_a_preposition_that_qualifies_a_noun():
    boys = _fact(
        "place",
        "London",
        "A group of {value} school boys founded Tottenham Hotspur F.C. in 1882.",
        unit="city",
    )
    assert in_sentence(boys) is None  # never "A group of which city school boys ...?"
    # A name after a preposition, before a verb or another preposition, is still asked.
    moved = _fact("place", "Vienna", "In 1781 Mozart moved to {value} from Salzburg.", unit="city")
    assert in_sentence(moved) == "In 1781 Mozart moved to which city from Salzburg?"
