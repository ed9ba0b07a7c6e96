"""What the pages say, in each language: form and import errors, the welcome, the 413 page,
a live game's final place, answers inside sentences and numbers written the language's way."""

import html
import re

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Article, Classroom, LiveGame
from tests.pages import answer_current, csrf_token, start_round
from tests.teach.conftest import post_form
from tests.teach.test_classes import create_class, join

NBSP = "\xa0"


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def live_form(client) -> dict:
    page = text(client.get("/teach/live"))
    article = re.search(r'<option value="(\d+)"[^>]*>Baikonur', page).group(1)
    return {"csrf_token": csrf_token(page), "article": article, "size": 2, "speed_bonus": "y"}


@pytest.mark.parametrize(
    "language,message",
    [
        ("en", "Choose between 5 and 240 seconds."),
        ("ru", "Выберите от 5 до 240 секунд."),
        ("kk", "Секунд санын 5–240 аралығында таңдаңыз."),
    ],
)
def test_a_live_games_seconds_are_refused_in_the_language(app, teacher_client, language, message):
    teacher_client.set_cookie("language", language)
    response = teacher_client.post(
        "/teach/live", data={**live_form(teacher_client), "time_limit": 1}
    )
    assert response.status_code == 422
    assert message in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(LiveGame.id))) == 0


@pytest.mark.parametrize(
    "language,message",
    [
        ("en", "The article has 20,001 words; the limit is 20,000."),
        ("ru", f"В статье слов: 20{NBSP}001, а можно не больше 20{NBSP}000."),
        ("kk", f"Мақалада 20{NBSP}001 сөз бар, ал ең көбі 20{NBSP}000 болуы керек."),
    ],
)
def test_a_too_long_article_is_refused_in_a_sentence_of_the_language(
    app, teacher_client, language, message
):
    teacher_client.set_cookie("language", language)
    response = post_form(
        teacher_client, "/teach/articles/new", {"title": "Long", "text": "word " * 20_001}
    )
    assert response.status_code == 422
    assert message in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(Article.title == "Long")) == 0


def test_an_uploads_problem_is_translated_with_its_numbers(app, teacher_client):
    import io

    app.config["QUIZ_MAX_UPLOAD"] = 2048
    teacher_client.set_cookie("language", "ru")
    response = post_form(
        teacher_client,
        "/teach/articles/new",
        {"title": "Big", "upload": (io.BytesIO(b"x" * 3000), "big.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "big.txt: размер файла 2 КБ, а можно не больше 2 КБ." in text(response)


def test_a_facts_wrong_alternative_is_refused_in_the_language(app, teacher_client):
    from tests.teach.test_library import GAGARIN, fact_fields

    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        article_id, sentences = article.id, {s.text: s.id for s in article.sentences}
    assert GAGARIN in sentences
    teacher_client.set_cookie("language", "ru")
    url = f"/teach/articles/{article_id}/facts/new"
    fields = fact_fields(sentences, type="year", value="1961", text="1961", event="the flight")
    response = post_form(teacher_client, url, {**fields, "wrong": "1961\n19x1"})
    body = text(response)
    assert response.status_code == 422
    assert "'1961' — это верное значение, а не неверное" in body
    response = post_form(teacher_client, url, {**fields, "wrong": "19x1"})
    # The reason inside the message is translated too.
    assert "'19x1': год — целое число, например 1961" in text(response)
    response = post_form(teacher_client, url, {**fields, "text": "1962"})
    assert "'1962' нет в предложении" in text(response)


@pytest.mark.parametrize(
    "language,welcome",
    [
        ("ru", "Добро пожаловать в 7B Geography, Dana!"),
        ("kk", "7B Geography сыныбына қош келдің, Dana!"),
    ],
)
def test_the_welcome_is_in_the_classs_language(app, teacher_client, language, welcome):
    classroom = create_class(app, teacher_client, name="7B Geography")
    with app.app_context():
        db.session.get(Classroom, classroom.id).language = language
        db.session.commit()
    student = app.test_client()  # an English browser, no language chosen
    response = join(student, classroom.code, nickname="Dana")
    assert response.status_code == 302
    page = text(student.get(response.headers["Location"]))
    assert f'<html lang="{language}"' in page
    assert welcome in page
    assert "Welcome to" not in page


def test_the_welcome_follows_the_switch_over_the_class(app, teacher_client):
    classroom = create_class(app, teacher_client, name="7B Geography")
    with app.app_context():
        db.session.get(Classroom, classroom.id).language = "ru"
        db.session.commit()
    student = app.test_client()
    student.set_cookie("language", "en")
    response = join(student, classroom.code, nickname="Dana")
    assert "Welcome to 7B Geography, Dana!" in text(student.get(response.headers["Location"]))


# --- 413 ---------------------------------------------------------------------------------


def multipart(fields: dict) -> tuple[bytes, str]:
    """Encode a multipart form by hand: the test client would spool a large one to a temp file
    it never closes."""
    boundary = "quiz-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    body = "".join(parts) + f"--{boundary}--\r\n"
    return body.encode(), f"multipart/form-data; boundary={boundary}"


def too_large(client, path, referrer=None, as_multipart=False):
    headers = {"Referer": referrer} if referrer else {}
    page = client.get(path).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "title": "Big", "text": "x" * (1024 * 1024 + 1)}
    if as_multipart:
        body, content_type = multipart(data)
        return client.post(path, data=body, content_type=content_type, headers=headers)
    return client.post(path, data=data, headers=headers)


@pytest.mark.parametrize(
    "language,limit,back",
    [
        (
            "en",
            "What you sent is larger than this server accepts: at most 1 MiB.",
            "Back to the page you came from",
        ),
        (
            "ru",
            "Отправленные данные слишком велики: сервер принимает не больше 1 МБ.",
            "Вернуться на предыдущую страницу",
        ),
        (
            "kk",
            "Жіберілген деректер тым үлкен: сервер ең көбі 1 МБ қабылдайды.",
            "Алдыңғы бетке оралу",
        ),
    ],
)
def test_too_large_says_the_limit_and_goes_back_to_the_form(teacher_client, language, limit, back):
    teacher_client.set_cookie("language", language)
    response = too_large(
        teacher_client, "/teach/articles/new", referrer="http://localhost/teach/articles/new"
    )
    assert response.status_code == 413
    body = text(response)
    assert limit in body
    assert f'<a href="/teach/articles/new">{back}</a>' in body
    assert "Too large" not in body or language == "en"


def test_too_large_says_the_limit_of_a_multipart_form(teacher_client):
    response = too_large(teacher_client, "/teach/articles/new", as_multipart=True)
    assert response.status_code == 413
    assert "at most 1 MiB." in text(response)


def test_a_teacher_without_a_referrer_goes_back_to_the_dashboard(teacher_client):
    body = text(too_large(teacher_client, "/teach/articles/new"))
    assert '<a href="/teach/">Back to your dashboard</a>' in body


@pytest.mark.parametrize("referrer", [None, "https://elsewhere.example/teach/", "//evil/x"])
def test_a_student_goes_back_to_the_start_page_never_elsewhere(client, referrer):
    page = client.get("/join").get_data(as_text=True)
    headers = {"Referer": referrer} if referrer else {}
    response = client.post(
        "/join",
        data={"csrf_token": csrf_token(page), "nickname": "x" * (1024 * 1024 + 1)},
        headers=headers,
    )
    assert response.status_code == 413
    assert '<a href="/">Back to the start page</a>' in text(response)


def test_an_api_body_too_large_says_the_apis_limit(client):
    response = client.post(
        "/api/v1/rounds",
        data=b'{"nickname": "' + b"x" * 20000 + b'"}',
        content_type="application/json",
        headers={"Accept-Language": "ru"},
    )
    assert response.status_code == 413
    message = response.get_json()["error"]["message"]
    assert message == "Отправленные данные слишком велики: сервер принимает не больше 16 КБ."


def test_a_pasted_text_under_the_stated_limit_is_not_refused_as_too_large(teacher_client):
    # 600,000 bytes in one field of a multipart form: under the 1 MiB the page states.
    page = teacher_client.get("/teach/articles/new").get_data(as_text=True)
    body, content_type = multipart(
        {"csrf_token": csrf_token(page), "title": "Long", "text": "word " * 120_000}
    )
    response = teacher_client.post("/teach/articles/new", data=body, content_type=content_type)
    assert response.status_code == 422
    assert "The article has 120,000 words; the limit is 20,000." in text(response)


@pytest.mark.parametrize(
    "language,words,upload",
    [
        ("en", "At most 20,000 words, and 1 MiB in all.", "At most 512 KiB."),
        ("ru", f"Не больше 20{NBSP}000 слов и не больше 1 МБ всего.", "Не больше 512 КБ."),
    ],
)
def test_the_article_forms_state_their_limits(app, teacher_client, language, words, upload):
    teacher_client.set_cookie("language", language)
    page = text(teacher_client.get("/teach/articles/new"))
    assert words in page and upload in page
    with app.app_context():
        article_id = db.session.scalar(select(Article.id).where(Article.slug == "baikonur"))
    assert words in text(teacher_client.get(f"/teach/articles/{article_id}/edit"))


# --- a live game's end, answers in sentences, numbers -------------------------------------


@pytest.mark.parametrize(
    "language,players,place",
    [
        ("en", 1, "Your place: 1 of 1 player"),
        ("en", 2, "Your place: 1 of 2 players"),
        ("ru", 1, "Ваше место: 1 из 1 игрока"),
        ("ru", 2, "Ваше место: 1 из 2 игроков"),
        ("kk", 2, "Орныңыз: 2 ойыншының ішінде 1-орын"),
    ],
)
def test_the_final_place_reads_well_in_each_language(app, language, players, place):
    from flask import render_template

    doc = {
        "state": "finished",
        "version": 9,
        "players": players,
        "of": 2,
        "pin": "123456",
        "podium": [],
        "you": {"nickname": "Ada", "rank": 1, "score": 1000, "correct": 1},
    }
    with app.test_request_context("/", headers={"Accept-Language": language}):
        panel = render_template("live/_player_panel.html", doc=doc, shapes=["triangle"])
    assert f'<h2 id="live-final">{place}</h2>' in panel
    assert "came" not in panel


@pytest.mark.parametrize("answer", ["Three levels.", "Is it?", "Yes!", "Wait…"])
def test_an_answer_ending_a_sentence_gets_no_second_full_stop(client, build, answer):
    article = build.article()
    build.question(article, answer=answer, options=(answer, "Two", "One", "Four"), kind="choice")
    url = start_round(client, article=article.slug, size=1)
    answer_current(client, url, pick=lambda options: "Two")
    summary = text(client.get(f"{url}/summary"))
    assert f"the right answer is <strong>{answer}</strong> " in summary.replace("\n", " ")
    assert f"{answer}</strong>." not in summary
    # The answer given ends a sentence too.
    url = start_round(client, article=article.slug, size=1)
    answer_current(client, url, pick=lambda options: answer)
    summary = text(client.get(f"{url}/summary"))
    assert f"You answered <strong>{answer}</strong>" in summary
    assert f"{answer}</strong>." not in summary


def test_an_answer_without_its_own_full_stop_keeps_the_messages(client, build):
    article = build.quiz(size=1)
    url = start_round(client, article=article.slug, size=1)
    answer_current(client, url, pick=lambda options: "1957")
    summary = text(client.get(f"{url}/summary"))
    assert "the right answer is <strong>1961</strong>." in summary


@pytest.mark.parametrize(
    "language,relaxed,bonus",
    [
        ("en", "every right answer scores 1,000 points", "up to 1,000 points"),
        ("ru", f"каждый правильный ответ — 1{NBSP}000 баллов", f"до 1{NBSP}000 баллов"),
        ("kk", f"әр дұрыс жауапқа 1{NBSP}000 ұпай", f"1{NBSP}000 ұпайға дейін"),
    ],
)
def test_the_home_page_writes_a_number_one_way(client, language, relaxed, bonus):
    page = text(client.get("/", headers={"Accept-Language": language}))
    assert relaxed in page and bonus in page
    assert "1000" not in page


def test_a_class_settings_write_the_points_the_languages_way(app, teacher_client):
    teacher_client.set_cookie("language", "ru")
    page = text(teacher_client.get("/teach/classes/new"))
    assert f"каждый правильный ответ — 1{NBSP}000 баллов" in page


def test_counts_in_plural_messages_are_written_the_languages_way(app):
    from flask import render_template_string

    from quiz.i18n import ngettext

    source = '{{ ngettext("%(num)s question", "%(num)s questions", 1234) }}'
    with app.test_request_context("/", headers={"Accept-Language": "ru"}):
        assert render_template_string(source) == f"1{NBSP}234 вопроса"
        assert ngettext("%(num)s question", "%(num)s questions", 1234) == f"1{NBSP}234 вопроса"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert render_template_string(source) == "1,234 questions"
