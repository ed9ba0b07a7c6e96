"""A question file's or a seed file's problems, in the teacher's language, line by line.

A teacher whose pages are in Russian or Kazakh uploads a GIFT, Aiken, CSV or Open Trivia DB
file (or seed files) with mistakes: every problem reads in that language with its line (and
column), numbers written the language's way; the file is refused with 422 and nothing is
written. The command line keeps its English `file: line N: …`.
"""

import html
import io

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Article, Question, Template
from tests.teach.conftest import post_form

NBSP = "\xa0"

GIFT = "::Gagarin::Who flew first? {=Gagarin ~Titov\n\nB {#x}\n\n// quiz: colour=red\nC {=a ~b}\n"
AIKEN = "First?\nA. one\nC. two\nANSWER: A\n\nSecond?\nA. only\nANSWER: A\n"
CSV = "Question,Answer 1,Answer 2,Time limit (sec),Correct answer(s)\nWho?,Gagarin,Titov,3,1\n"
OPENTDB = '{"results": [\n  {"type": "multiple",}\n]}'
OPENTDB_FIELDS = (
    '{"response_code": 0, "results": [\n'
    '  {"type": "multiple", "question": "", "correct_answer": "a", "incorrect_answers": []}\n'
    "]}"
)

CASES = {
    ("gift", GIFT): {
        "en": [
            "line 1, column 28: this '{' is not closed with '}'",
            "line 3, column 5: 'x' is not a number, number:tolerance or min..max",
            "line 5, column 1: unknown setting 'colour' in a '// quiz:' comment",
        ],
        "ru": [
            "Строка 1, столбец 28: эта '{' не закрыта знаком '}'",
            "Строка 3, столбец 5: 'x' — не число, не число:допуск и не мин..макс",
            "Строка 5, столбец 1: неизвестная настройка 'colour' в комментарии '// quiz:'",
        ],
        "kk": [
            "1-жол, 28-баған: бұл '{' '}' белгісімен жабылмаған",
            "3-жол, 5-баған: 'x' сан да, сан:ауытқу да, мин..макс та емес",
            "5-жол, 1-баған: '// quiz:' түсініктемесінде белгісіз баптау 'colour'",
        ],
    },
    ("aiken", AIKEN): {
        "en": [
            "line 3, column 1: option C where option B was expected",
            "line 6: 1 options (need 2 to 10)",
        ],
        "ru": [
            "Строка 3, столбец 1: вариант C там, где ожидался вариант B",
            "Строка 6: 1 вариант (нужно от 2 до 10)",
        ],
        "kk": [
            "3-жол, 1-баған: B нұсқасы күтілген жерде C нұсқасы тұр",
            "6-жол: 1 нұсқа (2–10 нұсқа керек)",
        ],
    },
    ("csv", CSV): {
        "en": ["line 2, column 4: the time limit '3' is not 5 to 600 seconds"],
        "ru": ["Строка 2, столбец 4: ограничение времени '3' — не от 5 до 600 секунд"],
        "kk": ["2-жол, 4-баған: '3' уақыт шегі 5–600 секунд аралығында емес"],
    },
    ("opentdb", OPENTDB): {
        "en": ["line 2, column 23: not JSON: Expecting property name enclosed in double quotes"],
        "ru": ["Строка 2, столбец 23: не JSON: ожидалось имя в двойных кавычках"],
        "kk": ["2-жол, 23-баған: JSON емес: қос тырнақшадағы атау күтілген"],
    },
    ("opentdb", OPENTDB_FIELDS): {
        "en": ['line 2, column 3: "question" must be a non-empty string'],
        "ru": ['Строка 2, столбец 3: "question" должно быть непустой строкой'],
        "kk": ['2-жол, 3-баған: "question" бос емес жол болуы керек'],
    },
}


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count()).select_from(Question)),
            db.session.scalar(select(func.count()).select_from(Article)),
        )


def upload(client, data: str, fmt: str):
    fields = {
        "upload": (io.BytesIO(data.encode()), "bank.txt"),
        "format": fmt,
        "article": "0",
        "title": "Bank",
    }
    return post_form(client, "/teach/questions/import", fields, content_type="multipart/form-data")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("case", list(CASES), ids=lambda case: case[0])
def test_a_bad_question_file_lists_its_problems_in_the_pages_language(
    app, teacher_client, case, language
):
    fmt, data = case
    before = counts(app)
    teacher_client.set_cookie("language", language)
    response = upload(teacher_client, data, fmt)
    assert response.status_code == 422
    body = text(response)
    for line in CASES[case][language]:
        assert f"<li>{line}</li>" in body
    if language != "en":
        for english in CASES[case]["en"]:
            assert english.split(": ", 1)[1] not in body
    assert counts(app) == before


@pytest.mark.parametrize(
    "language,line",
    [
        ("en", "line 1,203, column 1: option C where option B was expected"),
        ("ru", f"Строка 1{NBSP}203, столбец 1: вариант C там, где ожидался вариант B"),
        ("kk", f"1{NBSP}203-жол, 1-баған: B нұсқасы күтілген жерде C нұсқасы тұр"),
    ],
)
def test_a_line_number_is_written_the_languages_way(app, teacher_client, language, line):
    questions = "".join(f"Q{n}?\nA. yes\nB. no\nANSWER: A\n\n" for n in range(240))
    data = questions + "Last?\nA. one\nC. two\nANSWER: A\n"
    teacher_client.set_cookie("language", language)
    response = upload(teacher_client, data, "aiken")
    assert response.status_code == 422
    assert f"<li>{line}</li>" in text(response)


@pytest.mark.parametrize(
    "language,lines",
    [
        (
            "ru",
            [
                "Строка 1: у вопроса нет текста",
                "Строка 1: название длиннее 200 символов",
                "Строка 1: 11 вариантов (нужно от 2 до 10)",
            ],
        ),
        (
            "kk",
            [
                "1-жол: сұрақтың мәтіні жоқ",
                "1-жол: тақырып 200 таңбадан ұзын",
                "1-жол: 11 нұсқа (2–10 нұсқа керек)",
            ],
        ),
    ],
)
def test_counted_problems_use_the_languages_plural(app, teacher_client, language, lines):
    options = " ".join(f"~w{n}" for n in range(10))
    data = f"::{'T' * 201}::{{=right {options}}}\n"
    teacher_client.set_cookie("language", language)
    response = upload(teacher_client, data, "gift")
    assert response.status_code == 422
    body = text(response)
    for line in lines:
        assert f"<li>{line}</li>" in body


@pytest.mark.parametrize(
    "fmt,data",
    [
        ("opentdb", "[" * 100_000),
        ("opentdb", '{"response_code": 1, "results": []}'),
        ("opentdb", '{"results": [1, {"type": "boolean"}]}'),
        ("csv", 'Question,Answer 1,Correct answer\n"Who?,a,1\n'),
        ("csv", "nothing,here\n1,2\n"),
        ("gift", "::Title\n"),
        ("aiken", "ANSWER: A\n"),
        ("gift", "Q {=a ~b}".encode("utf-16").decode("latin-1")),
    ],
)
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_odd_files_are_refused_in_the_language_never_with_a_500(
    app, teacher_client, fmt, data, language
):
    from quiz.formats import FormatError, parse

    with pytest.raises(FormatError) as caught:
        parse(data, fmt)
    english = [problem.message for problem in caught.value.problems]
    before = counts(app)
    teacher_client.set_cookie("language", language)
    response = upload(teacher_client, data, fmt)
    assert response.status_code == 422
    problems = text(response).split('<ul class="errors">', 1)[1].split("</ul>", 1)[0]
    assert problems.count("<li>") == len(english)
    assert ("Строка " if language == "ru" else "-жол") in problems
    assert "line " not in problems
    assert not [message for message in english if message in problems]
    assert counts(app) == before


def test_skipped_questions_say_why_in_the_language(app, teacher_client):
    data = "A description, not a question.\n\nEssay? {}\n\nWho? {=Gagarin ~Titov}\n"
    teacher_client.set_cookie("language", "ru")
    response = upload(teacher_client, data, "gift")
    assert response.status_code == 200
    body = text(response)
    assert "Строка 1: описание без блока ответов — не вопрос" in body
    assert "Строка 3: вопрос-эссе (свободный ответ) нельзя оценить" in body


def test_the_command_line_keeps_english_with_line_numbers(app, runner, tmp_path):
    path = tmp_path / "bad.aiken.txt"
    path.write_text(AIKEN, encoding="utf-8")
    result = runner.invoke(
        args=["import-questions", str(path), "--format", "aiken", "--article", "bad"]
    )
    assert result.exit_code == 1
    assert "bad.aiken.txt: line 3, column 1: option C where option B was expected" in result.output
    assert "bad.aiken.txt: line 6: 1 options (need 2 to 10)" in result.output


# --- seed files ---------------------------------------------------------------------------

ARTICLE = "Valentina Tereshkova flew into space in 1963.\nShe launched from Baikonur.\n"
FACTS = """[article]
slug = "tereshkova"
title = "Tereshkova"
file = "tereshkova.txt"

[[fact]]
key = "flight-year"
type = "year"
about = "Tereshkova's flight"
value = "soon"
text = "1963"
event = "Valentina Tereshkova's flight into space"
sentence = "Valentina Tereshkova flew into space."
"""
TEMPLATES = """[[template]]
key = "when"
kind = "year"
over = "dated"
text = "In which year was {foo}?"

[[template]]
kind = "year"
over = "dated"
text = "In which year was {event}?"
"""

SEED_LINES = {
    "en": [
        "tereshkova.toml:10: fact 'flight-year': value: a year is a whole number like 1961",
        "tereshkova.toml:13: fact 'flight-year': sentence: not exactly an article sentence; "
        "did you mean 'Valentina Tereshkova flew into space in 1963.'?",
        "templates.toml:5: template 'when': text: unknown placeholder {foo}",
        "templates.toml:7: template #2: key: missing (every template needs it)",
    ],
    "ru": [
        "tereshkova.toml, строка 10: факт 'flight-year': value: год — целое число, например 1961",
        "tereshkova.toml, строка 13: факт 'flight-year': sentence: не в точности предложение "
        "статьи; может быть, имелось в виду 'Valentina Tereshkova flew into space in 1963.'?",
        "templates.toml, строка 5: шаблон 'when': text: неизвестная подстановка {foo}",
        "templates.toml, строка 7: шаблон №2: key: отсутствует (нужно каждому шаблону)",
    ],
    "kk": [
        "tereshkova.toml, 10-жол: 'flight-year' дерегі: value: жыл — 1961 сияқты бүтін сан",
        "tereshkova.toml, 13-жол: 'flight-year' дерегі: sentence: мақала сөйлемімен дәл сәйкес "
        "емес; 'Valentina Tereshkova flew into space in 1963.' деген болар ма?",
        "templates.toml, 5-жол: 'when' үлгісі: text: белгісіз орынбасар {foo}",
        "templates.toml, 7-жол: №2 үлгі: key: жоқ (әр үлгіде болуы керек)",
    ],
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_bad_seed_files_list_their_problems_in_the_pages_language(app, teacher_client, language):
    with app.app_context():
        templates_before = db.session.scalar(select(func.count()).select_from(Template))
    teacher_client.set_cookie("language", language)
    files = {
        "facts": (io.BytesIO(FACTS.encode()), "tereshkova.toml"),
        "article": (io.BytesIO(ARTICLE.encode()), "tereshkova.txt"),
        "templates": (io.BytesIO(TEMPLATES.encode()), "templates.toml"),
    }
    response = post_form(teacher_client, "/teach/seed", files, content_type="multipart/form-data")
    assert response.status_code == 422
    body = text(response)
    for line in SEED_LINES[language]:
        assert f"<li>{line}" in body
    if language != "en":
        assert "unknown placeholder" not in body and "every template needs it" not in body
    with app.app_context():
        assert db.session.scalar(select(Article).where(Article.slug == "tereshkova")) is None
        assert db.session.scalar(select(func.count()).select_from(Template)) == templates_before


def test_a_template_forms_problem_is_shown_in_the_language_on_its_field(app, teacher_client):
    teacher_client.set_cookie("language", "ru")
    fields = {"key": "mine", "kind": "year", "over": "dated", "text": "When was {foo}?"}
    fields.update(time_limit="30", preview="1")
    response = post_form(teacher_client, "/teach/templates/new", fields)
    assert response.status_code == 422
    body = text(response)
    assert "неизвестная подстановка {foo} (известные: event, about, role" in body
    assert "unknown placeholder" not in body
