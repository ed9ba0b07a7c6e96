"""What an article is about names its later "It" and "The town"; values stated in other units,
after a preposition or in a firm's name are found, and none of it makes a wrong question."""

from decimal import Decimal

import pytest

from quiz.facts import lexicon as lx
from quiz.facts.regions import cities_in, region_of
from quiz.facts.topic import article_topic
from tests.facts.generated import TEMPLATES, assert_named, facts_of, questions_of, shown_of

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
    # A pronoun is no name: "She was a pioneer" says what someone is, not what "She" is.
    assert article_topic(["She was a pioneer in the field of radioactivity."]) is None
    after = article_topic(["It is a city.", "Kigali is the capital and largest city of Rwanda."])
    assert after is not None and after.name == "Kigali"


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
    # Asked as a year, a date and a typed year: its gap gives way to them.
    assert any("“Voyager 1 passed the heliosphere”" in p for p in prompts)
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


@pytest.mark.parametrize(
    ("sentence", "name", "type_"),
    [
        ("RMS Titanic sailed from Southampton to New York City in 1912.", "New York City", "place"),
        ("Boeing delivered the jet to All Nippon Airways in 2011.", "All Nippon Airways", None),
        ("Mandela was freed from prison in South Africa in 1990.", "South Africa", "place"),
        ("New York is the most populous city in the United States.", "New York", "place"),
    ],
)
def test_a_name_keeps_a_first_word_that_could_open_a_sentence(sentence, name, type_):
    values = {str(f.value): f.type for f in facts_of(sentence)}
    assert name in values and (type_ is None or values[name] == type_)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Venus has a surface temperature of about 464 °C (867 °F).", "464 °C"),
        ("At sea level water boils at 100°C.", "100°C"),
    ],
)
def test_a_temperature_is_a_figure_in_its_degrees(sentence, text):
    assert [(f.text, f.unit) for f in facts_of(sentence, "number")] == [(text, "°C")]


def test_a_speed_keeps_its_unit_whole():
    facts = facts_of("Voyager 1 travels at 17 km/s through the outer solar system.", "number")
    assert [(f.text, f.unit) for f in facts] == [("17 km/s", "km/s")]
    area = facts_of("Kazakhstan covers 2,724,900 km² of land in Asia.", "number")
    assert [(f.text, f.unit) for f in area] == [("2,724,900 km²", "km²")]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Tourism in Queensland earned over AUD$3 billion in 2010.", "AUD$3 billion"),
        ("The Hermitage renovation cost US$45 million to finish.", "US$45 million"),
    ],
)
def test_a_sum_keeps_its_currency_whole_and_a_currency_code_is_no_organisation(sentence, text):
    assert [f.text for f in facts_of(sentence, "number")] == [text]
    assert facts_of(sentence, "organisation") == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The spacecraft Hermes will fly in 2011 aboard a Pegasus XL rocket.", 2011),
        ("A second pulp mill was created in 1868 near the town of Nokia.", 1868),
        ("Nokia has a long history, dating back to 1865 when Fredrik Idestam built a mill.", 1865),
        ("Wachovia was the product of a 2001 merger between two banks.", 2001),
        ("Lehman Brothers collapsed during the 2008 financial crisis.", 2008),
    ],
)
def test_a_year_after_in_back_to_or_an_article_is_a_year(sentence, year):
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
    kinds = [f.type for f in facts if f.value == "Wells Fargo"]
    assert kinds and set(kinds) == {"organisation"}, kinds
    assert not [f for f in facts if f.type == "person"]


def test_someone_with_another_is_asked_but_not_as_who_did_it():
    text = (
        "In 1871, Fredrik Idestam together with his friend Leo Mechelin formed a shared "
        "company and called it Nokia. Carl Gustaf Mannerheim visited the mill in 1900."
    )
    questions = questions_of(text)
    # In a gap: with options, or typed when the article has too few other names.
    assert "Leo Mechelin" in [q.answer for q in questions if "_____" in q.prompt]
    who = [q for q in questions if q.prompt.startswith("Who ")]
    assert not [q for q in who if q.answer in ("Fredrik Idestam", "Leo Mechelin")]  # both did


def test_the_names_a_person_is_introduced_with_are_the_same_person():
    text = (
        "Henry Dunant (born Jean-Henri Dunant; 8 May 1828 – 30 October 1910), also known as "
        "Henri Dunant, was a Swiss businessman. During a business trip in 1859, Dunant saw the "
        "battlefield of Solferino. He recorded his memories in a book in 1862."
    )
    # The claim stands in the prompt, or among the options of "which of these does it say".
    claims = ("statement", "odd_one_out")
    shown = [
        " ".join((q.prompt, *(q.options if q.kind in claims else [q.answer])))
        for q in questions_of(text)
    ]
    gaps = [s for s in shown if "1862" in s]
    assert gaps and all("Henry Dunant recorded his memories" in s for s in gaps)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("NASA has issued delivery orders to three companies this year.", 3, "companies"),
        ("From 500 candidates with flight experience, 7 men became astronauts.", 500, "candidates"),
        ("In total, 268 U.S. astronauts have been selected by NASA.", 268, "astronauts"),
        ("Kigali was a small city with a population of just 6,000 in 1962.", 6000, "population"),
        ("Iceland had a population of about 380,000 in 2020.", 380000, "population"),
        # An age that does not move with the article's date, unlike "three years later".
        ("The Cretaceous period ended about 66 million years ago.", 66, "million years"),
    ],
)
def test_a_figure_is_found_by_what_it_counts(sentence, value, unit):
    assert (value, unit) in [(f.value, f.unit) for f in facts_of(sentence, "number")]


def test_the_verb_after_a_figure_is_not_what_it_counts():
    sentence = "A population of 7.2 million makes the valley the eighth-largest area in the state."
    (fact,) = [f for f in facts_of(sentence, "number") if f.value == Decimal("7.2")]
    assert fact.unit == "million population"  # not "million makes"


def test_it_after_an_owner_that_is_not_the_topic_is_not_named_the_topic():
    text = (
        "Philadelphia is the largest city in the U.S. state of Pennsylvania. "
        "Philadelphia is the economic center of the greater Delaware Valley. "
        "The Delaware Valley's population of 7.2 million makes it the eighth-largest "
        "combined statistical area in the United States."
    )
    shown = shown_of(text)
    assert not [s for s in shown if "makes Philadelphia" in s or "million makes" in s]


def test_a_figure_in_a_range_is_not_asked():
    sentence = "Prices rose from 500 dollars to 600 dollars in a year."
    assert not [f for f in facts_of(sentence, "number") if f.value == 500]


def test_an_estimated_figure_is_asked_against_options_far_apart():
    sentence = "Kigali had an estimated population of 705,749 in 2019."
    (fact,) = [f for f in facts_of(sentence, "number") if f.value == 705749]
    assert fact.hedge == "estimated"
    (gap,) = [q for q in questions_of(sentence) if q.answer == "705,749"]
    others = [int(o.replace(",", "")) for o in gap.options if o != gap.answer]
    assert len(others) >= 2
    assert all(not 705749 / 2 < other < 705749 * 2 for other in others)


def test_a_city_named_with_its_country_is_not_set_against_cities_elsewhere():
    text = "The Red Cross is based in Geneva, Switzerland. Its staff met in Paris in 1901."
    offered = {o for q in questions_of(text) if "Geneva" in q.answer for o in q.options}
    assert offered <= {"Geneva", "Paris"}


def test_a_city_in_a_country_the_sentence_names_is_set_against_that_countrys_cities():
    text = (
        "The Amazon Theatre is an opera house located in Manaus, deep in the rainforest in Brazil."
    )
    [where] = [q for q in questions_of(text) if q.answer == "Manaus" and q.kind == "choice"]
    brazil = {city.casefold() for city in cities_in("Brazil")}
    assert len(where.options) == 4
    assert all(option.casefold() in brazil for option in where.options)
    # A country the sentence goes to is not where the city is: no option contradicts it.
    moved = "The troupe sailed from Manaus to Brazil's coast and on to the United States."
    assert all(
        option.casefold() not in {c.casefold() for c in cities_in("United States")}
        for q in questions_of(moved)
        for option in q.options
    )


def test_a_city_its_peoples_adjective_places_is_set_against_that_countrys_cities():
    text = "The Amazon River empties into the Atlantic near the Brazilian city of Belem."
    [where] = [q for q in questions_of(text) if q.answer == "Belem" and q.kind == "choice"]
    brazil = {city.casefold() for city in cities_in("Brazil")}
    assert len(where.options) == 4
    assert all(option.casefold() in brazil for option in where.options)


def test_a_city_named_with_its_country_is_never_swapped_for_another_of_the_articles_cities():
    text = (
        "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France. "
        "It was the tallest structure in the world until the Chrysler Building in New York "
        "City was finished in 1930."
    )
    shown = " ".join(shown_of(text))
    assert "in New York City, France" not in shown
    assert any(q.answer == "Paris" for q in questions_of(text))


def test_the_tower_after_a_year_without_a_comma_is_the_topic():
    text = (
        "The Eiffel Tower is a wrought-iron lattice tower in Paris. In 1909 the tower was "
        "nearly torn down, but it was saved as a radio antenna."
    )
    assert_named(text, "In _____ the Eiffel Tower was nearly torn down", "the tower was nearly")


def test_each_event_is_paired_in_a_few_questions_only():
    text = (
        "Tarn is a town in France. Monks founded an abbey at Tarn in 1101. "
        "A stone bridge over the river opened in 1422. The plague killed half the people in "
        "1630. Engineers finished the canal to the sea in 1781. The railway reached the valley "
        "in 1866. A fire destroyed the old market hall in 1902. Soldiers occupied the castle in "
        "1940. Voters elected the first woman mayor in 1977."
    )
    pairs = [q for q in questions_of(text) if len(q.fact_keys) == 2]
    for kind in ("first", "number"):
        counts = {}
        for q in pairs:
            if q.kind == kind:
                for key in q.fact_keys:
                    counts[key] = counts.get(key, 0) + 1
        assert counts and max(counts.values()) <= 4, kind


EIFFEL = (
    "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris. "
    "Locally nicknamed “La dame de fer”, it was built as the centrepiece of the 1889 World's "
    "Fair. In 2015, the tower received 6.91 million visitors."
)


def test_a_bare_subject_after_an_opening_phrase_is_named_by_the_topic():
    asked = [q.prompt for q in questions_of(EIFFEL) if "6.91" in q.prompt or "6.91" in q.answer]
    assert asked and all("he Eiffel Tower received" in p for p in asked), asked
    assert not [p for p in asked if "the tower" in p or p.startswith("In which year")]


def test_a_pronoun_after_an_opening_that_names_no_one_gives_nothing():
    assert not [q for q in questions_of(EIFFEL) if "nicknamed" in q.prompt]


def test_a_figure_with_decimals_is_offered_against_figures_a_tenth_away():
    [asked] = [q for q in questions_of(EIFFEL) if q.answer == "6.91 million visitors"]
    for option in asked.options:
        if option != asked.answer:
            value = float(option.split(" ")[0])
            assert abs(value - 6.91) >= 0.5, option  # never 6.92 or 6.88


def test_it_after_a_sentence_where_the_topic_is_not_the_subject_stays_unresolved():
    text = (
        "Voyager 1 is a space probe used by NASA. "
        "Engineers made a golden record for Voyager 1 in 1977. "
        "It holds sounds recorded in 1976."
    )
    assert not [q for q in questions_of(text) if "1976" in q.prompt or q.answer == "1976"]


def test_a_title_line_names_the_topic_a_later_bare_noun_of_its_kind_means():
    text = (
        "National Weather Service: History\n\n"
        "The agency first became a civilian enterprise in 1890."
    )
    (year,) = facts_of(text, "year")
    assert (
        year.claim == "The National Weather Service first became a civilian enterprise in {value}."
    )


@pytest.mark.parametrize(
    "title",
    [
        "Marie Curie",  # a person is named by her pronouns, never as "The agency"
        "History of the weather",  # no name
        "Weather: an agency",  # a name of one word says no kind
    ],
)
def test_a_title_without_a_named_kind_names_nothing(title):
    assert facts_of(f"{title}\n\nThe agency first became a civilian enterprise in 1890.") == []


@pytest.mark.parametrize("year", [1850, 1914, 1950, 2001])
def test_a_wrong_country_existed_in_the_year_of_the_event(year):
    (country,) = [f for f in facts_of(f"In {year} Chile traded with Ireland.", "place")][1:]
    assert country.value == "Ireland" and len(country.wrong) == 3
    assert all(lx.existed(name, year) for name in country.wrong), country.wrong


def test_no_todays_country_is_offered_against_a_place_in_antiquity():
    text = (
        "The Battle of Marathon took place in 490 BC during the Persian invasion of Greece. "
        "It was fought by the citizens of Athens against Persia."
    )
    places = facts_of(text, "place")
    assert {p.value for p in places} >= {"Greece"}
    assert all(p.wrong == () for p in places)  # the story's year runs on to the next sentence


def test_a_country_of_oceania_is_set_against_others_of_oceania():
    text = "The Great Barrier Reef lies off the coast of Queensland in Australia."
    (country,) = [f for f in facts_of(text, "place") if f.value == "Australia"]
    assert len(country.wrong) == 3
    assert {region_of(name) for name in country.wrong} == {"Oceania"}


@pytest.mark.parametrize(
    ("city", "country", "continent"),
    [("Reykjavik", "Iceland", "Europe"), ("Antananarivo", "Madagascar", "Africa")],
)
def test_a_country_whose_time_zone_is_an_oceans_is_set_against_its_continent(
    city, country, continent
):
    text = f"{city} is the capital and largest city of {country}."
    (place,) = [f for f in facts_of(text, "place") if f.value == country]
    assert place.wrong and {region_of(name) for name in place.wrong} == {continent}


def test_adjectives_joined_by_a_comma_still_say_what_the_topic_is():
    topic = article_topic(["The LEGO Group is a privately held, family-owned company in Billund."])
    assert topic is not None and topic.is_a("company")
    text = (
        "The LEGO Group is a privately held, family-owned company in Billund. "
        "The company was founded in 1932 by Ole Kirk Christiansen."
    )
    (year,) = facts_of(text, "year")
    assert year.claim == "The LEGO Group was founded in {value} by Ole Kirk Christiansen."


def test_a_firm_named_with_its_suffix_is_the_topic_and_the_suffix_no_name():
    text = (
        "Patagonia, Inc. is an American retailer of outdoor clothing and equipment. "
        "It was founded by Yvon Chouinard in 1973, and is based in Ventura, California."
    )
    shown = " ".join(shown_of(text))
    assert "Patagonia was founded by Yvon Chouinard" in shown
    assert "Inc." not in [q.answer for q in questions_of(text)]


def test_a_rank_in_words_is_asked_against_other_ranks_in_words():
    text = (
        "The Moon is a natural satellite of Earth. "
        "The Moon is the fifth-largest natural satellite in the Solar System. "
        "Nairobi is Kenya's second most populous city, founded in 1899."
    )
    ranks = {f.text: f.value for f in facts_of(text, "number")}
    assert ranks == {"fifth": 5, "second": 2}
    questions = questions_of(text)
    gap = next(q for q in questions if q.answer == "fifth" and q.options)
    assert "_____-largest" in gap.prompt
    assert set(gap.options) <= {
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    }
    assert not [q for q in questions if "how many" in q.prompt]


def test_a_word_ending_in_est_after_a_rank_is_no_superlative():
    assert not facts_of("It was the third west coast port to open, in 1850.", "number")


def test_a_rank_in_words_before_a_noun_is_asked_but_not_an_idiom():
    sentence = "Apollo 13 was the seventh crewed mission in the program, in 1970."
    assert [f.text for f in facts_of(sentence, "number")] == ["seventh"]
    idiom = "In the second half of the 19th century, the city grew to 1,200 houses."
    assert "second" not in [f.text for f in facts_of(idiom, "number")]


def test_an_article_on_a_kind_of_thing_names_its_it_by_its_title():
    text = (
        "Blue whale\n\n"
        "The blue whale (Balaenoptera musculus) is a marine mammal of the baleen suborder. "
        "As the largest animal ever known to have existed, it can reach lengths of up to 98 "
        "feet and weigh up to 199 tons."
    )
    assert_named(text, "the blue whale can reach lengths", " it can reach")


def test_a_kind_whose_title_opens_with_a_proper_adjective_names_the_elephant():
    text = (
        "African bush elephant\n\n"
        "The African bush elephant (Loxodonta africana) is the largest living land animal. "
        "A calf weighs about 100 kilograms at birth. "
        "The elephant's pregnancy lasts about 22 months."
    )
    assert_named(text, "The African bush elephant's pregnancy lasts", "The elephant's pregnancy")


def test_it_after_an_opening_participle_is_the_topic():
    text = (
        "Canberra is the capital city of Australia. "
        "Founded in 1913 as the seat of government, it had a population of 453,558 in 2021."
    )
    assert_named(text, "government, Canberra had a population", ", it had")


def test_the_craft_of_an_article_on_a_mission_is_the_mission():
    text = (
        "Apollo 13 was the seventh crewed mission in the Apollo space program. "
        "The craft was launched from Kennedy Space Center on April 11, 1970."
    )
    assert_named(text, "Apollo 13 was launched from", "The craft was")


def test_a_name_that_opens_with_the_topics_is_another_thing():
    text = (
        "The Danube is the second-longest river in Europe. "
        "The Danube Commission was established in 1856 to oversee navigation on the river. "
        "Its headquarters have been in Budapest since 1954."
    )
    assert_named(text, "The Danube Commission’s headquarters", "The Danube’s headquarters")


def test_today_it_after_a_sentence_on_the_topic_is_the_topic():
    text = (
        "The Danube is the second-longest river in Europe. "
        "The Danube was once a frontier of the Roman Empire. "
        "Today it flows through four capital cities: Vienna, Bratislava, Budapest and Belgrade."
    )
    assert_named(text, "Today the Danube flows", "Today it flows")


def test_a_region_of_a_continent_is_no_person():
    text = (
        "The Danube is the second-longest river in Europe, after the Volga in Russia. "
        "It flows through much of Central and Southeastern Europe into the Black Sea in 2020."
    )
    assert "Southeastern Europe" not in {f.text for f in facts_of(text, "person")}
    for q in questions_of(text):
        assert "whom" not in q.prompt
        assert "Southeastern Europe, after" not in " ".join((q.prompt, *q.options))


def test_a_named_battle_the_article_opens_with_is_the_battle_later():
    text = (
        "The Battle of Hastings was fought on 14 October 1066 near the town of Hastings. "
        "Harold Godwinson was killed there, and William was crowned king on Christmas Day. "
        "The battle is depicted in the Bayeux Tapestry, an embroidered cloth nearly 70 metres "
        "long."
    )
    assert_named(text, "The Battle of Hastings is depicted", "The battle is depicted")
    assert "Bayeux Tapestry" not in {f.text for f in facts_of(text, "person")}


def test_a_topic_defined_with_a_possessive_is_named_later_and_is_no_sea():
    topic = article_topic(["Mount Everest is Earth's highest mountain above sea level."])
    assert topic is not None and topic.kinds == {"highest", "mountain"}
    text = (
        "Mount Everest is Earth's highest mountain above sea level, in the Himalayas. "
        "The mountain was named after George Everest, a British surveyor, in 1865."
    )
    assert_named(text, "Mount Everest was named after", "The mountain was named")


def test_a_university_is_named_without_the_and_after_a_long_participle():
    text = (
        "Harvard University is a private research university in Cambridge, Massachusetts. "
        "Founded in 1636 as Harvard College and named for its first benefactor, the Puritan "
        "clergyman John Harvard, it is the oldest institution of higher learning in the United "
        "States. The university has about 21,000 students."
    )
    assert_named(text, "John Harvard, Harvard University is the oldest", ", it is the oldest")
    assert "The Harvard University" not in " ".join(shown_of(text))


def test_an_it_after_a_long_participle_that_names_nothing_is_never_shown():
    text = (
        "Rain fell over Boston on Tuesday. "
        "Founded in 1636 and named for its benefactor, the clergyman John Harvard, it had "
        "21,000 students in 2020."
    )
    assert not [q for q in questions_of(text) if ", it had" in " ".join((q.prompt, *q.options))]


def test_a_plural_topic_is_defined_and_its_band_and_group_are_it():
    text = (
        "The Beatles\n\n"
        "The Beatles were an English rock band formed in Liverpool in 1960. "
        'The group\'s first single, "Love Me Do", was released in October 1962. '
        "In 1964 they arrived in the United States for their first tour. "
        "The band broke up in 1970."
    )
    shown = " ".join(shown_of(text))
    assert "The Beatles broke up" in shown
    assert "In 1964 the Beatles arrived" in shown  # "they" after a sentence about them
    assert "The Beatles' first single" in shown and "Beatles's" not in shown


def test_a_charity_is_the_organisation_a_later_sentence_names():
    text = (
        "Doctors Without Borders is a charity that provides medical care. "
        "The organisation was founded in Paris in 1971 by doctors and journalists. "
        "In 1999 it received the Nobel Peace Prize."
    )
    assert_named(text, "Doctors Without Borders was founded in Paris", "The organisation was")
    assert_named(text, "In 1999 Doctors Without Borders received", "it received")


def test_a_topic_that_is_no_name_is_written_in_lower_case_inside_a_sentence():
    text = (
        "Photosynthesis is the process by which plants make sugars from carbon dioxide and "
        "water. The process of photosynthesis was discovered by Jan Ingenhousz, a Dutch-born "
        "physician, first publishing about it in 1779."
    )
    assert_named(text, "publishing about photosynthesis", "publishing about it")
    assert "about Photosynthesis" not in " ".join(shown_of(text))
    # A name stays as it is written: "Kigali" is never "kigali".
    named = "Kigali is the capital of Rwanda. The city grew after it became the capital in 1962."
    assert "kigali" not in " ".join(shown_of(named))


def test_a_sentence_sharing_only_the_topics_name_is_no_twin_of_another():
    text = (
        "The Sydney Opera House is a performing arts centre in Sydney. It opened in 1973. "
        "The first person to perform at the Sydney Opera House was Paul Robeson."
    )
    assert [f.value for f in facts_of(text, "person")] == ["Paul Robeson"]
    assert not facts_of(text, "person")[0].claim.startswith("The Sydney")  # not the topic's
    # Two sentences alike but for their names are still twins: neither name is asked.
    twins = (
        "The Hubble Space Telescope was launched in 1990. The James Webb Space Telescope was "
        "launched in 2021."
    )
    assert facts_of(twins, "thing") == []


def test_a_kind_of_organisation_said_alone_is_no_name():
    text = (
        "Wachovia was a bank based in Charlotte. The purchase of Wachovia by Wells Fargo and "
        "Company was completed on December 31, 2008. In 1872, Congress established the park."
    )
    names = {f.value for f in facts_of(text) if f.type == "organisation"}
    assert "Company" not in names
    assert "Congress" in names  # a one-word name that is a name


def test_a_kind_the_first_statement_defines_is_the_topic_without_a_title():
    text = "The blue whale is a marine mammal. It weighs about 150 tonnes. It was hunted in 1900."
    assert_named(text, "The blue whale was hunted in", "It was hunted")


def test_an_article_on_a_plural_kind_says_they_of_it_until_another_plural_subject():
    text = (
        "African elephants are the largest land animals on Earth. "
        "The biggest can be up to 7.5m long. "
        "They eat roots, grasses and bark, and they eat 150 kilograms of food every day. "
        "Males usually live alone. "
        "They fought 12 times in 1990."
    )
    shown = " ".join(shown_of(text))
    assert "African elephants eat roots" in shown
    # "They" after "Males usually live alone" may be the males: not asked as the elephants.
    assert "African elephants fought" not in shown and "They fought" not in shown


@pytest.mark.parametrize(
    "text",
    [
        "Many scientists are worried about the ice. They met in Geneva in 1990.",
        "These results are a surprise to many. They were published in 1990.",
    ],
)
def test_a_quantified_plural_is_no_topic(text):
    assert all("They" not in q.prompt for q in questions_of(text))
    from quiz.facts.topic import common_topic

    assert common_topic([text.split(". ")[0] + "."]) is None


CLOUDS = (
    "Clouds are classified into several basic shapes. "
    "Cirrus clouds are wispy and feathery, appearing high in the atmosphere. "
    "They are made of ice crystals that formed in 1990. "
    "Cumulus clouds are puffy and cotton-like, often appearing in fair weather. "
    "Stratus clouds are flat and layered, covering large areas of the sky."
)


def test_kinds_of_one_thing_are_asked_among_each_other():
    questions = questions_of(CLOUDS)
    (feathery,) = [q for q in questions if q.prompt == "Which clouds are wispy and feathery?"]
    assert feathery.answer == "Cirrus clouds"
    assert set(feathery.options) == {"Cirrus clouds", "Cumulus clouds", "Stratus clouds"}


def test_two_kinds_of_a_thing_are_not_enough_to_ask_among():
    text = "Cirrus clouds are wispy and feathery. Cumulus clouds are puffy and cotton-like."
    assert not any(q.answer in ("Cirrus clouds", "Cumulus clouds") for q in questions_of(text))


def test_they_after_one_kind_of_the_topic_is_not_the_topic():
    # "They" after "Cirrus clouds are ..." are the cirrus clouds, not clouds in general.
    assert all("Clouds are made of" not in s for s in shown_of(CLOUDS))


def test_a_kind_is_asked_by_what_it_does_too():
    text = (
        "Worker bees gather nectar and pollen for the hive. "
        "Drone bees mate with the queen and do no other work. "
        "Queen bees lay the eggs of the whole colony."
    )
    (nectar,) = [q for q in questions_of(text) if q.answer == "Worker bees" and q.kind == "choice"]
    assert nectar.prompt == "Which bees gather nectar and pollen for the hive?"


@pytest.mark.parametrize(
    ("title", "text", "written"),
    [
        (
            "The Sample Return Capsule",
            "The sample return capsule landed in Utah on September 24, 2023. The capsule "
            "carried 121.6 grams of rock. It was opened at the Johnson Space Center in Houston.",
            "The sample return capsule carried",
        ),
        (
            "The City Park",
            "The city park opened to visitors in 1901. The park has 3,000 trees and a lake. "
            "It was enlarged in 1950.",
            "The city park has",
        ),
    ],
)
def test_a_headline_in_title_case_is_written_as_the_text_writes_it(title, text, written):
    from quiz.facts.extraction import extract_from_sentences
    from quiz.facts.sentences import split_sentences
    from quiz.generation import generate

    questions = generate(extract_from_sentences(split_sentences(text), title), TEMPLATES)
    prompts = " ".join(q.prompt for q in questions)
    assert written in prompts
    assert title not in prompts


KILIMANJARO = (
    "Kilimanjaro, the highest mountain in Africa. Kilimanjaro is an inactive volcano with twin "
    "summits. It is located in Tanzania, near the Kenya border. The first climbers to reach "
    "the summit of the mountain were Hans Meyer and Ludwig Purtscheller in 1889. The mountain "
    "is part of the Kilimanjaro National Park and is a major climbing destination."
)


def test_a_heading_naming_what_the_topic_is_says_what_the_mountain_is():
    topic = article_topic(
        ["Kilimanjaro, the highest mountain in Africa.", "Kilimanjaro is an inactive volcano."]
    )
    assert topic is not None and topic.name == "Kilimanjaro"
    assert topic.is_a("mountain") and topic.is_a("volcano")
    # "The mountain" is Kilimanjaro, not the summit of the sentence before.
    assert_named(KILIMANJARO, "Kilimanjaro is part of the", "The mountain is part")


def test_a_heading_without_a_verb_is_no_statement():
    # "True or false: Kilimanjaro, the highest mountain in Africa." is no question.
    assert not any(f.sentence.startswith("Kilimanjaro, the") for f in facts_of(KILIMANJARO))
    # A sentence that only lacks its comma still states what it says.
    text = "Kibo, the higher summit rises to 5,895 metres above sea level."
    assert any(f.value == 5895 for f in facts_of(text))


def test_its_after_the_topic_named_without_its_kind_is_the_topic():
    text = (
        "Lake Baikal is a rift lake in southern Siberia, Russia. Baikal is 636 kilometres long. "
        "Its surface area is 31,722 square kilometres."
    )
    assert_named(text, "Lake Baikal’s surface area is", "Its surface area")
