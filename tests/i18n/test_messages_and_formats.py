"""Messages in the request's language: API errors (codes unchanged), form errors, plurals,
numbers and dates formatted by Babel for the language."""

from datetime import UTC, datetime

import pytest
from flask import render_template_string
from flask_babel import ngettext

from tests.conftest import _app
from tests.pages import csrf_token


def api_error(response) -> tuple[int, str, str]:
    error = response.get_json()["error"]
    return response.status_code, error["code"], error["message"]


@pytest.mark.parametrize(
    "language,message",
    [
        ("en", "'nickname' is required."),
        ("ru", "Поле 'nickname' обязательно."),
        ("kk", "'nickname' өрісі міндетті."),
    ],
)
def test_api_errors_keep_their_code_and_speak_the_asked_language(client, language, message):
    response = client.post(
        "/api/v1/rounds", json={"article": "baikonur"}, headers={"Accept-Language": language}
    )
    assert api_error(response) == (422, "invalid", message)


@pytest.mark.parametrize(
    "language,not_found,no_token",
    [
        ("ru", "Такого раунда нет.", "Передайте свой токен"),
        ("kk", "Мұндай раунд жоқ.", "Токеніңізді"),
    ],
)
def test_every_kind_of_api_error_is_translated(client, language, not_found, no_token):
    headers = {"Accept-Language": language}
    status, code, message = api_error(
        client.get("/api/v1/rounds/nope", headers={**headers, "Authorization": "Bearer x"})
    )
    assert (status, code, message) == (404, "not_found", not_found)
    status, code, message = api_error(client.get("/api/v1/rounds/nope", headers=headers))
    assert (status, code) == (401, "unauthorized") and message.startswith(no_token)
    status, code, message = api_error(client.get("/api/v1/nothing-here", headers=headers))
    assert (status, code) == (404, "not_found")
    assert (
        message
        == {"ru": "По этому адресу ничего нет.", "kk": "Бұл мекенжайда ештеңе жоқ."}[language]
    )
    status, code, _message = api_error(
        client.post("/api/v1/rounds", data="[", headers=headers, content_type="application/json")
    )
    assert (status, code) == (400, "bad_request")


def test_the_api_ignores_the_pages_cookie(client):
    client.set_cookie("language", "kk")
    response = client.post("/api/v1/rounds", json={"article": "baikonur"})
    assert api_error(response) == (422, "invalid", "'nickname' is required.")


def test_a_missing_page_is_explained_in_the_language(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "ru"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "<h1>Страница не найдена</h1>" in page and 'lang="ru"' in page


def test_form_errors_are_translated_ours_and_wtforms_own(client):
    page = client.get("/join", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    response = client.post(
        "/join",
        data={"csrf_token": csrf_token(page), "code": "X" * 40, "nickname": ""},
        headers={"Accept-Language": "ru"},
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Введите ник." in text  # our own message
    assert "Значение не должно содержать более 16 символов." in text  # WTForms' built-in one


def test_a_round_is_played_in_the_language(client):
    client.set_cookie("language", "kk")
    page = client.get("/").get_data(as_text=True)
    response = client.post(
        "/",
        data={"csrf_token": csrf_token(page), "article": "baikonur", "size": 1, "nickname": "Ai"},
    )
    question = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 сұрақтың 1-сі" in question  # "Question 1 of 1"
    assert "Жауап беру" in question  # the Answer button


def test_a_flash_message_is_translated(teacher_client):
    teacher_client.set_cookie("language", "ru")
    page = teacher_client.get("/teach/").get_data(as_text=True)
    response = teacher_client.post(
        "/teach/logout", data={"csrf_token": csrf_token(page)}, follow_redirects=True
    )
    assert "Вы вышли из системы." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "language,counts",
    [
        (
            "ru",
            {
                1: "1 вопрос",
                2: "2 вопроса",
                4: "4 вопроса",
                5: "5 вопросов",
                11: "11 вопросов",
                12: "12 вопросов",
                21: "21 вопрос",
                22: "22 вопроса",
                111: "111 вопросов",
            },
        ),
        ("kk", {1: "1 сұрақ", 2: "2 сұрақ", 5: "5 сұрақ", 21: "21 сұрақ"}),
        ("en", {1: "1 question", 2: "2 questions", 21: "21 questions"}),
    ],
)
def test_plural_forms_follow_each_language(app, language, counts):
    with app.test_request_context("/", headers={"Accept-Language": language}):
        for n, expected in counts.items():
            assert ngettext("%(num)s question", "%(num)s questions", n) == expected


def render(app, source, language, **values):
    with app.test_request_context("/", headers={"Accept-Language": language}):
        return render_template_string(source, **values)


@pytest.mark.parametrize(
    "language,number,share",
    [("en", "12,345", "27%"), ("ru", "12\xa0345", "27\xa0%"), ("kk", "12\xa0345", "27%")],
)
def test_numbers_are_written_the_languages_way(app, language, number, share):
    assert render(app, "{{ 12345|number }}|{{ 0.27|percent }}", language) == f"{number}|{share}"
    # A template compiled in one language formats afresh in another.
    again = render(app, "{{ 12345|number }}|{{ 0.27|percent }}", "en")
    assert again == "12,345|27%"


def test_dates_are_written_the_languages_way_in_the_servers_zone(tmp_path):
    app = _app(tmp_path / "x.sqlite3", QUIZ_TIMEZONE="Asia/Almaty")
    moment = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)  # 14:05 in Almaty
    written = {
        language: render(app, "{{ moment|when }}", language, moment=moment)
        for language in ("en", "ru", "kk")
    }
    assert 'datetime="2026-12-01T14:05:00+05:00"' in written["en"]
    assert ">Dec 1, 2026, 2:05\u202fPM</time>" in written["en"]
    assert ">1 дек. 2026\u202fг., 14:05</time>" in written["ru"]
    assert ">2026\u202fж. 01 жел., 14:05</time>" in written["kk"]
    assert render(app, "{{ moment|day }}", "ru", moment=moment).endswith(
        ">1 дек. 2026\u202fг.</time>"
    )


def test_stored_values_are_shown_by_their_name_in_the_language(app):
    assert render(app, "{{ 'retired'|label }}|{{ 'unknown-kind'|label }}", "ru") == (
        "снят|unknown-kind"
    )


def test_the_cli_stays_english(runner):
    result = runner.invoke(args=["--help"], env={"LANG": "ru_RU.UTF-8"})
    assert result.exit_code == 0 and "Usage" in result.output


def test_a_fact_the_checks_refuse_is_explained_in_the_language(app, teacher_client):
    from sqlalchemy import select

    from quiz.storage.extensions import db
    from quiz.storage.models import Article
    from tests.teach.conftest import post_form
    from tests.teach.test_library import GAGARIN, fact_fields

    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        article_id, sentences = article.id, {s.text: s.id for s in article.sentences}
    assert GAGARIN in sentences
    teacher_client.set_cookie("language", "ru")
    response = post_form(
        teacher_client,
        f"/teach/articles/{article_id}/facts/new",
        fact_fields(sentences, type="year", value="nineteen sixty-one"),
    )
    assert response.status_code == 422
    assert "год — целое число, например 1961" in response.get_data(as_text=True)


def test_rate_limit_and_default_http_messages_are_translated(app):
    from werkzeug.exceptions import MethodNotAllowed, TooManyRequests

    from quiz.errors import http_message
    from quiz.security import ANSWER_LIMIT_MESSAGE

    with app.test_request_context("/", headers={"Accept-Language": "ru"}):
        limited = http_message(TooManyRequests(description=ANSWER_LIMIT_MESSAGE))
        assert limited.startswith("Слишком много ответов за короткое время")
        assert http_message(MethodNotAllowed()) == "Этот адрес не принимает такой запрос."


def test_an_import_files_problems_are_translated_and_stay_text(teacher_client):
    import io

    from tests.teach.conftest import post_form

    teacher_client.set_cookie("language", "kk")
    response = post_form(
        teacher_client,
        "/teach/questions/import",
        {
            "upload": (io.BytesIO(b"\xff\xfe\x00bad"), "bank.gift"),
            "format": "gift",
            "article": "0",
            "title": "Bank",
        },
        content_type="multipart/form-data",
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "1-жол" in body and "оны UTF-8 кодтауында сақтаңыз" in body
    # A problem quoting the file is shown as text, never as markup.
    response = post_form(
        teacher_client,
        "/teach/questions/import",
        {
            "upload": (io.BytesIO(b"Who <b>x</b>?\nA. <script>1</script>\n"), "bank.txt"),
            "format": "aiken",
            "article": "0",
            "title": "Bank",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "<script>1</script>" not in response.get_data(as_text=True)
