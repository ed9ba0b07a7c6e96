"""load_article_seed: the seed loads; every problem of a bad file is listed with its line."""

import pytest

from quiz.facts import Problem, SeedFileError, load_article_seed, split_sentences

ARTICLE = "Gagarin flew in 1961. The base opened on June 2, 1955.\n"
HEAD = """[article]
slug = "demo"
title = "Demo"
file = "article.txt"
"""
GOOD_FACT = """
[[fact]]
key = "gagarin-year"
type = "year"
about = "Gagarin's flight"
value = 1961
event = "Gagarin's flight"
sentence = "Gagarin flew in 1961."
"""


@pytest.fixture
def seed_file(write):
    """Write an article and a facts file, returning the facts file's path."""

    def build(toml, article=ARTICLE):
        if article is not None:
            write("article.txt", article)
        return write("facts.toml", toml)

    return build


def problems_of(path):
    with pytest.raises(SeedFileError) as caught:
        load_article_seed(path)
    return caught.value.problems


def test_seed_loads(seed_article):
    assert seed_article.slug == "baikonur"
    assert seed_article.source == "TASS"
    assert len(seed_article.facts) >= 20
    assert len({fact.key for fact in seed_article.facts}) == len(seed_article.facts)


def test_every_seed_sentence_is_an_article_sentence(seed_article):
    sentences = split_sentences(seed_article.body)
    for fact in seed_article.facts:
        assert fact.sentence in sentences, fact.key
        assert fact.text is None or fact.text in fact.sentence, fact.key


@pytest.mark.parametrize(
    ("key", "type_", "value"),
    [
        ("founding-date", "date", "1955-06-02"),
        ("anniversary", "number", "70"),
        ("first-satellite-year", "year", "1957"),
        ("gagarin-year", "year", "1961"),
        ("lease-year", "year", "1994"),
        ("lease-end-year", "year", "2050"),
        ("president", "person", "Kassym-Jomart Tokayev"),
        ("source-agency", "organisation", "TASS"),
    ],
)
def test_seed_has_the_key_facts(seed_article, key, type_, value):
    fact = {fact.key: fact for fact in seed_article.facts}[key]
    assert fact.type == type_
    assert str(fact.value) == value


def test_seed_cosmonauts_share_one_group(seed_article):
    group = {fact.value: fact.group for fact in seed_article.facts if fact.type == "person"}
    names = ["Yuri Gagarin", "Toktar Aubakirov", "Talgat Musabayev", "Aidyn Aimbetov"]
    assert len({group[name] for name in names}) == 1
    assert group[names[0]] is not None
    aims = {fact.key: fact for fact in seed_article.facts}["baikonur-aims"]
    assert aims.value == (
        "international collaboration",
        "scientific exchange",
        "education",
        "tourism",
    )


def test_good_file_loads(seed_file):
    seed = load_article_seed(seed_file(HEAD + GOOD_FACT))
    assert [fact.key for fact in seed.facts] == ["gagarin-year"]
    assert seed.body == ARTICLE
    assert seed.source is None


@pytest.mark.parametrize(
    ("fact_lines", "line", "message"),
    [
        ('value = "abc"', 12, "fact 'gagarin-year': value: a year is a whole number like 1961"),
        ('colour = "red"', 13, "fact 'gagarin-year': colour: unknown field"),
        ('text = "1962"', 13, "fact 'gagarin-year': text: '1962' does not occur in the sentence"),
        ('claim = "Gagarin flew."', 13, "fact 'gagarin-year': claim: must contain {value}"),
    ],
)
def test_one_problem_is_reported_on_its_line(seed_file, fact_lines, line, message):
    # Replace the good value line (so value = ... stays single) or append the field.
    toml = HEAD + GOOD_FACT.replace("value = 1961\n", "") + fact_lines + "\n"
    if not fact_lines.startswith("value"):
        toml = HEAD + GOOD_FACT + fact_lines + "\n"
    problems = problems_of(seed_file(toml))
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"facts.toml:{line}: {message}")


def test_missing_event_is_reported_on_the_fact_header(seed_file):
    problems = problems_of(seed_file(HEAD + GOOD_FACT.replace('event = "Gagarin\'s flight"\n', "")))
    assert len(problems) == 1
    assert problems[0].line == 6
    assert "event: missing" in problems[0].message


def test_every_problem_is_reported_at_once(seed_file):
    bad = GOOD_FACT.replace('type = "year"', 'type = "colour"').replace(
        "Gagarin flew in 1961.", "Gagarin flew."
    )
    person = """
[[fact]]
key = "gagarin-year"
type = "person"
about = "Gagarin"
value = "Yuri Gagarin"
sentence = "Gagarin flew in 1961."
"""
    problems = problems_of(seed_file(HEAD + GOOD_FACT + bad + person))
    text = "\n".join(str(problem) for problem in problems)
    assert "facts.toml:16: fact 'gagarin-year': type: unknown type 'colour'" in text
    assert "facts.toml:20: fact 'gagarin-year': sentence: " in text
    assert "facts.toml:23: fact 'gagarin-year': key: duplicate" in text
    assert "facts.toml:22: fact 'gagarin-year': role: missing" in text
    assert "facts.toml:15: fact 'gagarin-year': key: duplicate" in text
    assert len(problems) == 5


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        (GOOD_FACT, None, "missing [article] table"),
        (HEAD.replace('slug = "demo"', 'slug = "Demo Slug"') + GOOD_FACT, 2, "slug"),
        (HEAD.replace('title = "Demo"\n', "") + GOOD_FACT, 1, "article: title: missing"),
        (HEAD + 'colour = "red"\n' + GOOD_FACT, 5, "article: colour: unknown field"),
        (HEAD.replace("article.txt", "nowhere.txt") + GOOD_FACT, 4, "cannot read 'nowhere.txt'"),
    ],
)
def test_article_table_problems(seed_file, toml, line, message):
    problems = problems_of(seed_file(toml))
    assert any(problem.line == line and message in problem.message for problem in problems), [
        str(problem) for problem in problems
    ]


@pytest.mark.parametrize(
    ("article", "message"),
    [
        ("  \n", "is empty"),
        ("Caf\xe9 ok.".encode("latin-1"), "is not UTF-8"),
    ],
)
def test_bad_article_file(seed_file, write, article, message):
    write("article.txt", article)
    problems = problems_of(seed_file(HEAD + GOOD_FACT, article=None))
    assert [problem.line for problem in problems] == [4]
    assert message in problems[0].message


def test_sentence_that_is_only_part_of_an_article_sentence(seed_file):
    problems = problems_of(
        seed_file(
            HEAD
            + GOOD_FACT.replace('sentence = "Gagarin flew in 1961."', 'sentence = "Gagarin flew"')
        )
    )
    assert problems[0].line == 12
    assert "only part of the article sentence" in problems[0].message


def test_toml_syntax_error_names_its_line(seed_file):
    problems = problems_of(seed_file(HEAD + "\n[[fact]]\nkey = \n"))
    assert len(problems) == 1
    assert problems[0].line == 7
    assert str(problems[0]).startswith("facts.toml:7: TOML syntax: ")


def test_missing_file(tmp_path):
    problems = problems_of(tmp_path / "absent.toml")
    assert "cannot read" in problems[0].message


def test_problem_and_error_text():
    problems = [
        Problem("/x/baikonur.toml", 42, "fact 'a': value: bad"),
        Problem("/x/baikonur.toml", None, "entry 3: bad"),
    ]
    assert str(problems[0]) == "baikonur.toml:42: fact 'a': value: bad"
    assert str(problems[1]) == "baikonur.toml: entry 3: bad"
    assert str(SeedFileError(problems)) == "\n".join(str(problem) for problem in problems)


def test_unknown_top_level_name_has_its_line(seed_file):
    problems = problems_of(seed_file('colour = "red"\n' + HEAD + GOOD_FACT))
    assert [
        (problem.line, "unknown table or field 'colour'" in problem.message) for problem in problems
    ] == [(1, True)]
