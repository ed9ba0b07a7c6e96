"""A round and the teacher's dashboard in Kazakh and in Russian, in a real Chromium: the
browser's language picks the pages' language, axe-core checks each page (its lang attributes
included), and the switch on the page changes the language."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_audit import audit
from tests.browser.test_play import choose_first
from tests.teach.conftest import PASSWORD, make_teacher

pytestmark = pytest.mark.browser

# What the pages say in each language, for the labels and buttons the tests use.
WORDS = {
    "kk": {
        "browser": "kk-KZ",
        "nickname": "Лақап ат",
        "size": "Сұрақ саны",
        "start": "Раундты бастау",
        "progress": "{size} сұрақтың {position}-сі",
        "answer": "Жауап беру",
        "verdict": r"Дұрыс! \+|Дұрыс емес",
        "next": "Келесі сұрақ|Нәтижені көру",
        "done": "Раунд аяқталды",
        "name": "Аты",
        "password": "Құпиясөз",
        "log_in": "Кіру",
        "dashboard": "Басқару тақтасы",
        "new_class": "Жаңа сынып",
        "class_name": "Сынып атауы",
        "language": "Беттердің тілі",
        "create": "Сынып құру",
        "assignments": "Тапсырмалар",
    },
    "ru": {
        "browser": "ru-RU",
        "nickname": "Ник",
        "size": "Количество вопросов",
        "start": "Начать раунд",
        "progress": "Вопрос {position} из {size}",
        "answer": "Ответить",
        "verdict": r"Верно! \+|Не совсем",
        "next": "Следующий вопрос|Посмотреть результаты",
        "done": "Раунд завершён",
        "name": "Имя",
        "password": "Пароль",
        "log_in": "Войти",
        "dashboard": "Панель учителя",
        "new_class": "Новый класс",
        "class_name": "Название класса",
        "language": "Язык страниц",
        "create": "Создать класс",
        "assignments": "Задания",
    },
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_round_in_the_browsers_language_then_the_switch(browser, live_server, language):
    words = WORDS[language]
    context = browser.new_context(locale=words["browser"])
    page = context.new_page()
    page.goto(live_server + "/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    audit(page, f"home-{language}")
    page.get_by_label(words["nickname"], exact=True).fill("Айгерім")
    page.get_by_label(words["size"], exact=True).fill("2")
    page.get_by_role("button", name=words["start"]).click()
    for position in (1, 2):
        progress = words["progress"].format(position=position, size=2)
        expect(page.locator(".progress")).to_contain_text(progress)
        if position == 1:
            audit(page, f"question-{language}")
        choose_first(page)  # a choice, a typed year, or events to put in order
        page.get_by_role("button", name=words["answer"], exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(words["verdict"]))
        if position == 1:
            audit(page, f"feedback-{language}")
        page.get_by_role("link", name=re.compile(words["next"])).click()
    expect(page.get_by_role("heading", name=words["done"])).to_be_visible()
    audit(page, f"summary-{language}")
    # The switch: a form button named in its own language, back on the same page.
    url = page.url
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Round complete")).to_be_visible()
    assert page.url == url
    page.goto(live_server + "/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    context.close()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_teacher_dashboard_and_a_class_in_the_language(app, browser, live_server, language):
    words = WORDS[language]
    make_teacher(app)
    context = browser.new_context(locale=words["browser"])
    page = context.new_page()
    page.goto(live_server + "/teach/login")
    expect(page.locator("html")).to_have_attribute("lang", language)
    audit(page, f"login-{language}")
    page.get_by_label(words["name"], exact=True).fill("ms-frizzle")
    page.get_by_label(words["password"], exact=True).fill(PASSWORD)
    page.get_by_role("button", name=words["log_in"], exact=True).click()
    expect(page.get_by_role("heading", name=words["dashboard"])).to_be_visible()
    audit(page, f"dashboard-{language}")
    page.get_by_role("link", name=words["new_class"]).first.click()
    page.get_by_label(words["class_name"], exact=True).fill("7Б")
    page.get_by_label(words["language"], exact=True).select_option(language)
    page.get_by_role("button", name=words["create"]).click()
    expect(page.get_by_role("heading", name="7Б", level=1)).to_be_visible()
    audit(page, f"classroom-{language}")
    code = page.locator("strong.code").inner_text()
    # A student whose browser asks for English sees the class in the teacher's language.
    student = browser.new_context(locale="en-US").new_page()
    student.goto(f"{live_server}/join?code={code}")
    student.get_by_role("textbox").last.fill("Ерлан")
    student.locator("form.card button[type=submit]").click()
    expect(student.locator("html")).to_have_attribute("lang", language)
    expect(student.get_by_role("heading", name=words["assignments"])).to_be_visible()
    audit(student, f"student-class-{language}")
    student.context.close()
    context.close()
