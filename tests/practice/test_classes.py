"""Teachers: what the class forgets, a new personal code for a student, deleting memory."""

import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from quiz.classroom import classes
from quiz.generation import ORDER_SEPARATOR
from quiz.practice import forgetting
from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import (
    Article,
    Classroom,
    Fact,
    Memory,
    Player,
    Question,
    Teacher,
    question_fact,
)
from tests.pages import csrf_token
from tests.practice.conftest import memories
from tests.teach.conftest import log_in, make_teacher


def text(response) -> str:
    return response.get_data(as_text=True)


def wrong(question: Question) -> str | list[str]:
    if question.kind == "order":
        # The events latest first: certainly not the order the article gives.
        return question.answer.split(ORDER_SEPARATOR)[::-1]
    return next((o.text for o in question.options if not o.correct), "certainly not")


def play(player: Player, assignment, right: bool) -> None:
    """Play a whole round of the assignment, every answer right or every answer wrong."""
    round_ = classes.play_assignment(assignment, player)
    while (item := scoring.current_item(round_)) is not None:
        question = item.question
        scoring.record_answer(round_.id, question.id, question.answer if right else wrong(question))
        db.session.refresh(round_)


@pytest.fixture
def klass(app, teacher):
    """A class on the seed article: Ada and Bob missed everything, Cy got it all right."""
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        classroom = classes.create_classroom(
            db.session.get(Teacher, teacher), "7B", hidden=False, relaxed=True
        )
        assignment = classes.add_assignment(classroom, article, 5, None)
        players = [Player(nickname=n, classroom_id=classroom.id) for n in ("Ada", "Bob", "Cy")]
        db.session.add_all(players)
        db.session.commit()
        for player, right in zip(players, (False, False, True), strict=True):
            play(player, assignment, right)
        return {"classroom": classroom.id, **{p.nickname: p.id for p in players}}


def test_the_class_page_shows_the_facts_the_class_forgets(app, teacher_client, klass):
    page = text(teacher_client.get(f"/teach/classes/{klass['classroom']}"))
    assert "What the class forgets" in page
    section = page.split('id="weakest-heading"')[1].split("</section>")[0]
    with app.app_context():
        missed = db.session.execute(
            select(Fact.about, func.sum(Memory.lapses))
            .join(Memory, Memory.fact_id == Fact.id)
            .group_by(Fact.id)
            .order_by(func.sum(Memory.lapses).desc(), Fact.id)
        ).all()
        sentence = db.session.scalar(select(Fact).where(Fact.about == missed[0][0])).sentence.text
    # Most wrong answers first, with the sentence that states the fact and links to questions.
    top = section.split("<tbody>")[1].split("</tr>")[0]
    lapses = max(n for _about, n in missed)
    assert f"<td>{lapses}</td>" in top
    assert str(escape(sentence)) in section
    assert re.search(r'href="/teach/questions/\d+"', top)


def test_the_weakest_facts_count_only_this_classs_students(app, teacher_client, klass):
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        stranger = Player(nickname="Zed")
        db.session.add(stranger)
        db.session.commit()
        round_, _ = scoring.start_round(article, "Zed", 5, player_id=stranger.id)
        while (item := scoring.current_item(round_)) is not None:
            scoring.record_answer(round_.id, item.question_id, wrong(item.question))
            db.session.refresh(round_)
        students = {
            fact: count
            for fact, count in db.session.execute(
                select(Memory.fact_id, func.count())
                .join(Player, Player.id == Memory.player_id)
                .where(Player.classroom_id == klass["classroom"])
                .group_by(Memory.fact_id)
            )
        }
        items = forgetting.weakest(db.session.get(Classroom, klass["classroom"]))
        about = dict(db.session.execute(select(Fact.about, Fact.id)).all())
    assert items
    for item in items:
        # Zed played too, without joining: only the class's students count.
        assert item.students == students[about[item.label]]


def test_a_teacher_gives_a_student_a_new_personal_code(app, teacher_client, klass):
    url = f"/teach/classes/{klass['classroom']}/students/{klass['Ada']}"
    page = text(teacher_client.get(url))
    assert "Make a new personal code" in page
    response = teacher_client.post(url + "/code", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    code = re.search(r'class="code">([A-Z0-9]{5}-[A-Z0-9]{5})<', text(response)).group(1)
    # Ada, on a new phone, continues as herself.
    phone = app.test_client()
    form = text(phone.get("/continue"))
    moved = phone.post("/continue", data={"csrf_token": csrf_token(form), "code": code})
    assert moved.status_code == 302
    with phone.session_transaction() as cookie:
        assert cookie["player_id"] == klass["Ada"]
    # A second one stops the first.
    again = teacher_client.post(url + "/code", data={"csrf_token": csrf_token(page)})
    assert again.status_code == 200
    other = app.test_client()
    refused = other.post("/continue", data={"csrf_token": csrf_token(form), "code": code})
    assert refused.status_code in (400, 422)


def test_a_code_is_made_only_for_a_student_of_ones_own_class(app, teacher_client, klass):
    page = text(teacher_client.get(f"/teach/classes/{klass['classroom']}"))
    token = {"csrf_token": csrf_token(page)}
    base = f"/teach/classes/{klass['classroom']}/students"
    assert teacher_client.post(f"{base}/nobody/code", data=token).status_code == 404
    assert teacher_client.post(f"{base}/{klass['Ada']}/code").status_code == 400
    other = app.test_client()
    make_teacher(app, "mr-other")
    assert log_in(other, "mr-other").status_code == 302
    page = text(other.get("/teach/"))
    stolen = other.post(f"{base}/{klass['Ada']}/code", data={"csrf_token": csrf_token(page)})
    assert stolen.status_code == 404
    with app.app_context():
        assert db.session.get(Player, klass["Ada"]).code_hash is None


def test_deleting_a_students_data_deletes_their_memory(app, teacher_client, klass):
    assert memories(app, klass["Ada"]) and memories(app, klass["Bob"])
    url = f"/teach/classes/{klass['classroom']}/students/{klass['Ada']}"
    page = text(teacher_client.get(url))
    response = teacher_client.post(url + "/delete-answers", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert memories(app, klass["Ada"]) == []
    assert memories(app, klass["Bob"])  # the others keep theirs


def test_deleting_a_class_deletes_its_students_memory(app, teacher_client, klass):
    with app.app_context():
        code = db.session.scalar(select(Classroom.code).where(Classroom.id == klass["classroom"]))
    url = f"/teach/classes/{klass['classroom']}/delete-data"
    page = text(teacher_client.get(url))
    response = teacher_client.post(url, data={"csrf_token": csrf_token(page), "code": code})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Memory)) == 0
        assert db.session.scalar(select(func.count()).select_from(question_fact)) > 0
