"""split_sentences: abbreviations, decimals, quotes, wrapped lines and title lines."""

from pathlib import Path

import pytest

from quiz.facts import split_sentences

SEED = Path(__file__).resolve().parents[2] / "seed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. President spoke. He left.", ["The U.S. President spoke.", "He left."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        (
            "See e.g. the report on St. Petersburg. No. 5 came. Done.",
            ["See e.g. the report on St. Petersburg.", "No. 5 came.", "Done."],
        ),
        ("In Jan. 2020 it rained. Yes.", ["In Jan. 2020 it rained.", "Yes."]),
        ("It cost 83.6 million. Then it fell.", ["It cost 83.6 million.", "Then it fell."]),
        ("J. F. Kennedy spoke. He left.", ["J. F. Kennedy spoke.", "He left."]),
        # A timeline's line is a sentence dated by its year.
        (
            "Key dates\n1949: ADM is listed.\n1923 – The firm buys Midland.",
            ["Key dates", "In 1949, ADM is listed.", "In 1923, the firm buys Midland."],
        ),
        ("The score was 3: 2 at half time.", ["The score was 3: 2 at half time."]),
        # A king's numeral ends a sentence when a sentence's first word follows it.
        ("It fought Xerxes I. It lasted.", ["It fought Xerxes I.", "It lasted."]),
        ("Henry V. The king won.", ["Henry V.", "The king won."]),
        ("Malcolm X. He spoke.", ["Malcolm X.", "He spoke."]),
        ("He said, “Go now.” She went.", ["He said, “Go now.”", "She went."]),
        ("Fine. “This is it. Really,” he said.", ["Fine.", "“This is it.", "Really,” he said."]),
        ("“Why?” he asked. Fine!", ["“Why?” he asked.", "Fine!"]),
        ("Heroes—Ann, Bob—flew. Then—nothing.", ["Heroes—Ann, Bob—flew.", "Then—nothing."]),
        ("The line is\nwrapped here. Next one.", ["The line is wrapped here.", "Next one."]),
        (
            "A long line that\ncontinues lowercase here.",
            ["A long line that continues lowercase here."],
        ),
        (
            "Praised by the President of\nKazakhstan today.",
            ["Praised by the President of Kazakhstan today."],
        ),
        ("First paragraph.\n\n\nSecond paragraph.", ["First paragraph.", "Second paragraph."]),
        ("Too   many\tspaces here.", ["Too many spaces here."]),
        ("Title Line\nBody starts here.", ["Title Line", "Body starts here."]),
        (
            'Body ends.\nGSV "Russia - Islamic World"\nPhoto: a website\nBased on TASS',
            ["Body ends.", 'GSV "Russia - Islamic World"', "Photo: a website", "Based on TASS"],
        ),
        ("Windows\r\nline endings. Work.", ["Windows line endings.", "Work."]),
        (
            "Wonders:\n- The Pyramid was built around 2560 BC.\n* The Colossus\nstood in Rhodes."
            "\n2. The Lighthouse was at Pharos.",
            [
                "Wonders:",
                "The Pyramid was built around 2560 BC.",
                "The Colossus stood in Rhodes.",
                "The Lighthouse was at Pharos.",
            ],
        ),
        (
            "Canberra is the capital.[1] It grew.[2][3] It was planned in 1912[citation needed]"
            ". He said [the city] was ready.[a]",
            [
                "Canberra is the capital.",
                "It grew.",
                "It was planned in 1912.",
                "He said [the city] was ready.",
            ],
        ),
        (
            "He studied at the V. I. Ulyanov Institute. It was in Leningrad.",
            ["He studied at the V. I. Ulyanov Institute.", "It was in Leningrad."],
        ),
        # "c.", "d.", "b.", "r." before a year: circa, died, born, reigned.
        (
            "He was born in Falaise c. 1027. He married Matilda (d. 1083), niece of Henry I "
            "(r. 1031-1060). They had sons.",
            [
                "He was born in Falaise c. 1027.",
                "He married Matilda (d. 1083), niece of Henry I (r. 1031-1060).",
                "They had sons.",
            ],
        ),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_seed_article_sentences_by_hand():
    sentences = split_sentences((SEED / "baikonur-article.txt").read_text(encoding="utf-8"))
    assert len(sentences) == 17
    assert sentences[2] == "“Kazakhstan is an active participant in international space efforts."
    assert sentences[4].endswith("education, and even tourism.”")
    assert sentences[6].startswith("“This is where, in 1957,")
    assert sentences[8] == (
        "And it was from Baikonur that our own heroes—Toktar Aubakirov, "
        "Talgat Musabayev, and Aidyn Aimbetov—also launched into orbit,” "
        "he recalled."
    )
    assert sentences[-3:] == [
        'GSV "Russia - Islamic World"',
        "Photo: official website of the President of the Russian Federation",
        "Based on materials from TASS",
    ]


def test_sentences_opening_with_accented_or_cyrillic_capitals_are_split():
    assert split_sentences("Curie won in 1903. Éric Tabarly sailed in 1964.") == [
        "Curie won in 1903.",
        "Éric Tabarly sailed in 1964.",
    ]
    text = "Космодром основан в 1955 году. Отсюда в 1961 году стартовал Гагарин."
    assert len(split_sentences(text)) == 2


WIKI_PASTE = """The James Webb Space Telescope was launched on 25 December 2021.[1]

It is named after James E. Webb, who served from 1961 to 1968.

References [edit]
  1. ^ "New JWST launch update". NASA.gov. 21 December 2021. Retrieved 21 December 2021.

External links
Official website
"""


def test_an_encyclopedias_references_and_links_are_not_the_article():
    assert split_sentences(WIKI_PASTE) == [
        "The James Webb Space Telescope was launched on 25 December 2021.",
        "It is named after James E. Webb, who served from 1961 to 1968.",
    ]
    # A heading of that name before any text is kept: it may be the title.
    assert split_sentences("Notes\n\nThe notes were found in 1990.") == [
        "Notes",
        "The notes were found in 1990.",
    ]


def test_a_citations_retrieved_line_is_never_asked():
    from tests.facts.generated import questions_of

    questions = questions_of(
        "NASA launched the Webb telescope on 25 December 2021. Retrieved 21 December 2021."
    )
    assert questions
    assert not any("Retrieved" in q.prompt for q in questions)
