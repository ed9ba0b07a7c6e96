"""Classes: join codes and QR codes, students joining, assignments, deadlines, hidden boards."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from quiz.storage.extensions import db
from quiz.storage.models import (
    Answer,
    Article,
    Assignment,
    Classroom,
    Player,
    Question,
    Round,
    utcnow,
)
from tests.pages import answer_current, csrf_token
from tests.teach.conftest import post_form


def create_class(app, client, name="7B", **flags):
    data = {"name": name, **{k: "y" for k, v in flags.items() if v}}
    response = post_form(client, "/teach/classes/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        return db.session.scalar(select(Classroom).where(Classroom.name == name))


def assign(app, client, classroom, size=2, deadline=""):
    with app.app_context():
        article_id = db.session.scalar(select(Article.id).where(Article.slug == "baikonur"))
    url = f"/teach/classes/{classroom.id}"
    return post_form(
        client,
        url + "/assignments",
        {"assign-article": article_id, "assign-size": size, "assign-deadline": deadline},
        page_url=url,
    )


def join(client, code, nickname="Aigerim"):
    return post_form(client, "/join", {"code": code, "nickname": nickname})


def test_a_class_gets_a_short_code_and_a_qr_code(app, teacher_client):
    classroom = create_class(app, teacher_client)
    assert len(classroom.code) == 6 and classroom.code.isalnum()
    page = teacher_client.get(f"/teach/classes/{classroom.id}").get_data(as_text=True)
    assert classroom.code in page and f"/join?code={classroom.code}" in page
    qr = teacher_client.get(f"/teach/classes/{classroom.id}/qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml"
    assert b"<svg" in qr.data and b"<title>" in qr.data


def test_a_class_name_is_required(app, teacher_client):
    response = post_form(teacher_client, "/teach/classes/new", {"name": "  "})
    assert response.status_code == 422
    assert "Name the class." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Classroom)) is None


def test_students_join_with_code_and_nickname_and_play_an_assignment(app, teacher_client):
    classroom = create_class(app, teacher_client)
    assert assign(app, teacher_client, classroom).status_code == 302
    student = app.test_client()
    assert student.get(f"/join?code={classroom.code}").status_code == 200
    response = join(student, classroom.code.lower())
    assert response.status_code == 302
    page = student.get("/class").get_data(as_text=True)
    assert "7B" in page and "Baikonur" in page
    with app.app_context():
        assignment_id = db.session.scalar(select(Assignment.id))
    response = post_form(student, f"/class/assignments/{assignment_id}/play", page_url="/class")
    assert response.status_code == 302
    url = response.headers["Location"]
    for _ in range(2):
        answer_current(student, url)
    with app.app_context():
        round_ = db.session.scalar(select(Round))
        assert round_.assignment_id == assignment_id and round_.finished
        assert db.session.scalar(select(Player)).classroom_id == classroom.id
    board = teacher_client.get(f"/teach/classes/{classroom.id}").get_data(as_text=True)
    assert "Aigerim" in board


def test_an_article_with_nothing_to_play_cannot_be_assigned(app, teacher_client, teacher):
    classroom = create_class(app, teacher_client)
    with app.app_context():
        draft = Article(slug="draft", title="Draft under review", body="One.", owner_id=teacher)
        db.session.add(draft)
        db.session.commit()
        draft_id = draft.id
    page = teacher_client.get(f"/teach/classes/{classroom.id}").get_data(as_text=True)
    assert "Draft under review" not in page  # not offered
    assert "Baikonur" in page and "questions)" in page  # the others with their counts
    url = f"/teach/classes/{classroom.id}"
    response = post_form(
        teacher_client,
        url + "/assignments",
        {"assign-article": draft_id, "assign-size": 3, "assign-deadline": ""},
        page_url=url,
    )
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(select(Assignment)) is None
        # And the service refuses it whatever the form offered.
        from quiz.classroom import classes
        from quiz.errors import Invalid

        with pytest.raises(Invalid, match="Draft under review"):
            classes.add_assignment(
                db.session.get(Classroom, classroom.id), db.session.get(Article, draft_id), 3, None
            )


def test_an_assignment_whose_questions_were_withdrawn_says_so(app, teacher_client):
    classroom = create_class(app, teacher_client)
    assert assign(app, teacher_client, classroom).status_code == 302
    with app.app_context():
        seed_id = db.session.scalar(select(Article.id).where(Article.slug == "baikonur"))
        db.session.execute(
            update(Question).where(Question.article_id == seed_id).values(status="retired")
        )
        db.session.commit()
        assignment_id = db.session.scalar(select(Assignment.id))
    student = app.test_client()
    assert join(student, classroom.code).status_code == 302
    response = post_form(student, f"/class/assignments/{assignment_id}/play", page_url="/class")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "has no playable questions yet" in page
    # Nothing was done already: the page is not titled as if it were.
    assert "Not possible now" in page and "Already done" not in page


@pytest.mark.parametrize(
    "code,nickname,message",
    [
        ("ZZZZZZ", "Aigerim", "No class has that code"),
        ("", "Aigerim", "Type the code"),
        ("CODE", "", "Type a nickname."),
    ],
)
def test_joining_with_bad_input_is_refused(app, teacher_client, code, nickname, message):
    create_class(app, teacher_client)
    student = app.test_client()
    response = join(student, code, nickname)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Player)) is None


def test_answers_after_the_deadline_are_refused(app, teacher_client):
    classroom = create_class(app, teacher_client)
    assign(app, teacher_client, classroom, size=2)
    student = app.test_client()
    join(student, classroom.code)
    with app.app_context():
        assignment_id = db.session.scalar(select(Assignment.id))
    url = post_form(student, f"/class/assignments/{assignment_id}/play", page_url="/class").headers[
        "Location"
    ]
    answer_current(student, url)
    with app.app_context():
        db.session.get(Assignment, assignment_id).deadline = utcnow() - timedelta(minutes=1)
        db.session.commit()
    response, _, _ = answer_current(student, url)
    assert response.status_code == 409
    assert "deadline" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Answer).count() == 1
    assert "Closed" in student.get("/class").get_data(as_text=True)
    again = post_form(student, f"/class/assignments/{assignment_id}/play", page_url="/join")
    assert again.status_code == 409


def test_a_deadline_in_the_past_is_refused(app, teacher_client):
    classroom = create_class(app, teacher_client)
    response = assign(app, teacher_client, classroom, deadline="2000-01-01T10:00")
    assert response.status_code == 422
    assert "future" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Assignment)) is None


@pytest.mark.parametrize("size", ["0", "51", "x"])
def test_a_bad_round_size_is_refused(app, teacher_client, size):
    classroom = create_class(app, teacher_client)
    assert assign(app, teacher_client, classroom, size=size).status_code == 422


def test_the_class_leaderboard_can_be_hidden_from_students(app, teacher_client):
    classroom = create_class(app, teacher_client, leaderboard_hidden=True)
    student = app.test_client()
    join(student, classroom.code)
    page = student.get("/class").get_data(as_text=True)
    assert "Class leaderboard" not in page
    url = f"/teach/classes/{classroom.id}"
    post_form(teacher_client, url + "/settings", {"name": "7B"}, page_url=url)
    assert "Class leaderboard" in student.get("/class").get_data(as_text=True)


def test_a_relaxed_class_plays_without_the_speed_bonus(app, teacher_client):
    classroom = create_class(app, teacher_client, relaxed=True)
    assign(app, teacher_client, classroom, size=1)
    student = app.test_client()
    join(student, classroom.code)
    with app.app_context():
        assignment_id = db.session.scalar(select(Assignment.id))
    post_form(student, f"/class/assignments/{assignment_id}/play", page_url="/class")
    with app.app_context():
        assert db.session.scalar(select(Round)).speed_bonus is False


def test_a_student_cannot_play_another_class_assignment(app, teacher_client):
    mine = create_class(app, teacher_client, name="7A")
    other = create_class(app, teacher_client, name="7C")
    assign(app, teacher_client, other)
    student = app.test_client()
    join(student, mine.code)
    with app.app_context():
        assignment_id = db.session.scalar(select(Assignment.id))
    response = post_form(student, f"/class/assignments/{assignment_id}/play", page_url="/join")
    assert response.status_code == 404
    assert post_form(student, "/class/assignments/9999/play", page_url="/join").status_code == 404


def test_the_class_page_needs_a_joined_class(client):
    assert client.get("/class").status_code == 404


def test_class_data_is_private_to_its_teacher(app, teacher_client):
    classroom = create_class(app, teacher_client)
    page = teacher_client.get("/teach/").get_data(as_text=True)
    assert classroom.code in page
    assert csrf_token(page)
