"""Which language a page is in: the switch's cookie, then the class's language, then the browser."""

import re

import pytest
from sqlalchemy import select

from quiz.i18n import COOKIE
from quiz.storage.extensions import db
from quiz.storage.models import Classroom
from tests.pages import csrf_token
from tests.teach.conftest import post_form
from tests.teach.test_classes import create_class, join


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


def switch(client, language, next_path="/leaderboard", page_url="/"):
    page = client.get(page_url).get_data(as_text=True)
    return client.post(
        "/language",
        data={"csrf_token": csrf_token(page), "language": language, "next": next_path},
    )


@pytest.mark.parametrize(
    "header,language,heading",
    [
        ("kk-KZ,kk;q=0.9,ru;q=0.8", "kk", "Раунд ойнау"),
        ("ru-RU,ru;q=0.9,en;q=0.5", "ru", "Сыграть раунд"),
        ("de-DE,de;q=0.9,ru;q=0.5", "ru", "Сыграть раунд"),
        ("en-GB,en;q=0.9", "en", "Play a round"),
        ("de-DE", "en", "Play a round"),
        ("", "en", "Play a round"),
    ],
)
def test_the_first_page_follows_the_browser(client, header, language, heading):
    response = client.get("/", headers={"Accept-Language": header} if header else {})
    assert response.status_code == 200
    assert html_lang(response) == language
    assert f"<h1>{heading}</h1>" in response.get_data(as_text=True)
    assert response.headers["Content-Language"] == language
    assert "Accept-Language" in response.headers["Vary"]


def test_every_page_has_the_switch_with_each_language_in_itself(client):
    page = client.get("/", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    for code, name in (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")):
        assert re.search(rf'value="{code}" lang="{code}"[^>]*>{name}</button>', page)
    assert re.search(r'value="ru" lang="ru"[^>]*aria-current="true"', page)
    assert 'action="/language"' in page and 'method="post"' in page


def test_the_switch_is_remembered_over_the_browser_language(client):
    response = switch(client, "kk", next_path="/leaderboard?article=baikonur")
    assert response.status_code == 303
    assert response.headers["Location"] == "/leaderboard?article=baikonur"
    cookie = response.headers["Set-Cookie"]
    assert f"{COOKIE}=kk" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = client.get("/leaderboard", headers={"Accept-Language": "ru"})
    assert html_lang(page) == "kk"
    assert "Көшбасшылар тақтасы" in page.get_data(as_text=True)
    switch(client, "en")
    assert html_lang(client.get("/", headers={"Accept-Language": "ru"})) == "en"


@pytest.mark.parametrize(
    "next_path",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "leaderboard",
        "",
        "/x\r\nSet-Cookie: a=b",
    ],
)
def test_the_switch_only_goes_back_to_this_site(client, next_path):
    response = switch(client, "ru", next_path=next_path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("language", ["de", "", "kk'; DROP TABLE x"])
def test_an_unknown_language_is_refused(client, language):
    response = switch(client, language)
    assert response.status_code == 400
    assert COOKIE not in response.headers.get("Set-Cookie", "")


def test_the_switch_needs_the_forms_token(client):
    response = client.post("/language", data={"language": "ru", "next": "/"})
    assert response.status_code == 400
    assert COOKIE not in response.headers.get("Set-Cookie", "")


def test_a_forged_cookie_value_is_ignored(client):
    client.set_cookie(COOKIE, "xx")
    assert html_lang(client.get("/", headers={"Accept-Language": "kk"})) == "kk"


def test_a_class_language_is_set_by_its_teacher_and_followed_by_its_students(app, teacher_client):
    classroom = create_class(app, teacher_client)
    url = f"/teach/classes/{classroom.id}"
    response = post_form(
        teacher_client,
        url + "/settings",
        {"name": "7B", "language": "ru"},
        page_url=url,
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Classroom, classroom.id).language == "ru"
    student = app.test_client()
    assert join(student, classroom.code).status_code == 302
    # The browser asks for English, but the class speaks Russian.
    page = student.get("/class", headers={"Accept-Language": "en"})
    assert html_lang(page) == "ru" and "Задания" in page.get_data(as_text=True)
    # The student's own choice wins over the class's.
    switch(student, "kk", page_url="/class")
    assert html_lang(student.get("/class", headers={"Accept-Language": "en"})) == "kk"
    # A browser that never joined keeps its own language.
    assert html_lang(app.test_client().get("/", headers={"Accept-Language": "en"})) == "en"


def test_a_new_class_can_start_with_a_language_and_a_bad_one_is_refused(app, teacher_client):
    response = post_form(teacher_client, "/teach/classes/new", {"name": "5A", "language": "kk"})
    assert response.status_code == 302
    response = post_form(teacher_client, "/teach/classes/new", {"name": "5B", "language": "fr"})
    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        languages = dict(db.session.execute(select(Classroom.name, Classroom.language)).all())
    assert languages == {"5A": "kk"}
    # "Each student's browser decides" stores no language.
    response = post_form(teacher_client, "/teach/classes/new", {"name": "5C", "language": ""})
    with app.app_context():
        assert db.session.scalar(select(Classroom.language).where(Classroom.name == "5C")) is None


def test_the_teacher_pages_are_translated(teacher_client):
    page = teacher_client.get("/teach/", headers={"Accept-Language": "kk"})
    text = page.get_data(as_text=True)
    assert html_lang(page) == "kk"
    assert "Басқару тақтасы" in text and "Жаңа сынып" in text
    text = teacher_client.get("/teach/", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "Панель учителя" in text and "Новый класс" in text
