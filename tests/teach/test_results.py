"""Teacher result pages: per class, per student, per question; CSV; the privacy actions."""

import csv
import io

import pytest
from sqlalchemy import func, select

from quiz.classroom import classes
from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Assignment, Classroom, Player, Report, Round, Teacher
from tests.builders import Builder
from tests.pages import csrf_token
from tests.teach.conftest import log_in, make_teacher, post_form


def text(response):
    return response.get_data(as_text=True)


def _play(player: Player, assignment: Assignment, picks: list[str]) -> Round:
    """Play a whole round of the assignment, answering each question with the next pick."""
    round_ = classes.play_assignment(assignment, player)
    for pick in picks[: round_.size]:
        item = scoring.current_item(round_)
        scoring.record_answer(round_.id, item.question_id, pick)
        db.session.refresh(round_)
    return round_


def _class(teacher_id: int, name: str, nicknames: list[str]):
    """A class with a 3-question assignment and the given students joined."""
    teacher = db.session.get(Teacher, teacher_id)
    classroom = classes.create_classroom(teacher, name, hidden=False, relaxed=True)
    article = Builder().quiz(size=3, title=f"Quiz of {name}")
    assignment = classes.add_assignment(classroom, article, 3, None)
    players = [Player(nickname=n, classroom_id=classroom.id) for n in nicknames]
    db.session.add_all(players)
    db.session.commit()
    return classroom, assignment, players


@pytest.fixture
def played(app, teacher):
    """Ada answers all three right, Bob all wrong; Cy joined and has not played."""
    with app.app_context():
        classroom, assignment, (ada, bob, cy) = _class(teacher, "7B", ["Ada", "Bob", "Cy"])
        _play(ada, assignment, ["1961"] * 3)
        _play(bob, assignment, ["1957"] * 3)
        return {
            "classroom": classroom.id,
            "ada": ada.id,
            "bob": bob.id,
            "cy": cy.id,
            "code": classroom.code,
        }


@pytest.fixture
def elsewhere(app):
    """Another teacher's class, with one student who played."""
    other = make_teacher(app, "mr-other")
    with app.app_context():
        classroom, assignment, (zoe,) = _class(other, "9C", ["Zoe"])
        _play(zoe, assignment, ["1961"] * 3)
        return {"classroom": classroom.id, "zoe": zoe.id}


def _nicknames(player_id: str) -> set[str]:
    """Return the nicknames on a player's rounds."""
    return set(db.session.scalars(select(Round.nickname).where(Round.player_id == player_id)))


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _counts(app):
    with app.app_context():
        return tuple(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (Player, Round, Answer, Classroom, Report)
        )


def test_the_class_page_links_to_its_results(teacher_client, played):
    page = text(teacher_client.get(f"/teach/classes/{played['classroom']}"))
    assert f"/teach/classes/{played['classroom']}/results" in page


def test_results_per_student(teacher_client, played):
    response = teacher_client.get(f"/teach/classes/{played['classroom']}/results")
    assert response.status_code == 200
    page = text(response)
    # Relaxed class: every right answer is 1000 points.
    assert "Ada" in page and "3,000" in page and "3 of 3" in page
    assert "Bob" in page and "0 of 3" in page
    assert "Cy" in page  # joined, not played yet: listed with zeros
    assert f"/students/{played['ada']}" in page
    assert 'role="img"' in page and "Score distribution" in page
    assert "2 finished rounds" in page


def test_one_students_rounds(teacher_client, played):
    page = text(
        teacher_client.get(f"/teach/classes/{played['classroom']}/students/{played['ada']}")
    )
    assert "Ada in 7B" in page and "3,000" in page
    assert "Bob" not in page


def test_item_analysis_per_question(app, teacher_client, played):
    page = text(teacher_client.get(f"/teach/classes/{played['classroom']}/questions"))
    assert page.count('class="card item"') == 3
    # Ada right, Bob wrong on each: facility 0.5, discrimination +1 (Ada upper, Bob lower).
    assert page.count("0.50 (1 right)") == 3
    assert page.count("+1.00") == 3
    assert "1961 (right answer)" in page
    assert 'role="img"' in page and "Facility per question" in page


def test_reports_appear_beside_the_statistics_and_flag_the_question(app, teacher_client, played):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.player_id == played["bob"]))
        question_id = round_.items[0].question_id
        db.session.add(
            Report(question_id=question_id, round_id=round_.id, comment="Two answers fit")
        )
        db.session.commit()
    page = text(teacher_client.get(f"/teach/classes/{played['classroom']}/questions"))
    assert "Two answers fit" in page
    assert "Reported by students (1)" in page
    assert page.count("Looks broken:") == 1 and "reported by students" in page


def test_a_resolved_report_no_longer_flags_the_question(app, teacher_client, played, elsewhere):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.player_id == played["bob"]))
        report = Report(question_id=round_.items[0].question_id, round_id=round_.id, comment="Odd")
        other_round = db.session.scalar(select(Round).where(Round.player_id == elsewhere["zoe"]))
        foreign = Report(question_id=other_round.items[0].question_id, round_id=other_round.id)
        db.session.add_all([report, foreign])
        db.session.commit()
        report_id, foreign_id = report.id, foreign.id
    url = f"/teach/classes/{played['classroom']}/questions"
    page = text(teacher_client.get(url))
    token = csrf_token(page)
    # A report of another class cannot be resolved from this one.
    response = teacher_client.post(
        f"/teach/classes/{played['classroom']}/reports/{foreign_id}/resolve",
        data={"csrf_token": token},
    )
    assert response.status_code == 404
    response = teacher_client.post(
        f"/teach/classes/{played['classroom']}/reports/{report_id}/resolve",
        data={"csrf_token": token},
    )
    assert response.status_code == 302
    page = text(teacher_client.get(url))
    assert "Odd" not in page and "reported by students" not in page
    with app.app_context():
        assert db.session.get(Report, report_id).resolved
        assert not db.session.get(Report, foreign_id).resolved


def test_reports_from_another_class_stay_there(app, teacher_client, played, elsewhere):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.player_id == elsewhere["zoe"]))
        db.session.add(
            Report(
                question_id=round_.items[0].question_id, round_id=round_.id, comment="Zoe's remark"
            )
        )
        db.session.commit()
    page = text(teacher_client.get(f"/teach/classes/{played['classroom']}/questions"))
    assert "Zoe's remark" not in page


def test_csv_export(app, teacher_client, played):
    with app.app_context():
        db.session.execute(
            Round.__table__.update()
            .where(Round.player_id == played["ada"])
            .values(nickname='=HYPERLINK("http://evil")')
        )
        db.session.commit()
    response = teacher_client.get(f"/teach/classes/{played['classroom']}/results.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(text(response))))
    assert rows[0][0] == "nickname" and len(rows) == 3
    nicknames = sorted(r[0] for r in rows[1:])
    assert nicknames == ['\'=HYPERLINK("http://evil")', "Bob"]
    ada = next(r for r in rows if r[0].startswith("'="))
    assert ada[6:8] == ["3", "3000"]


def test_template_stats_page(app, teacher_client):
    response = teacher_client.get("/teach/templates/stats")
    assert response.status_code == 200
    page = text(response)
    assert "Template statistics" in page
    # The seed templates are listed, each with its question counts.
    with app.app_context():
        from quiz.storage.models import Template

        keys = db.session.scalars(select(Template.key)).all()
    assert keys and all(f">{key}</a>" in page for key in keys)


def test_template_stats_count_flagged_questions(app, teacher_client):
    with app.app_context():
        from quiz.storage.models import Question

        question = db.session.scalar(
            select(Question).where(Question.template_id.is_not(None), Question.status == "active")
        )
        db.session.add(Report(question_id=question.id, comment="odd"))
        db.session.commit()
        key = question.template.key
    page = text(teacher_client.get("/teach/templates/stats"))
    row = page.split(f">{key}</a>", 1)[1].split("</tr>", 1)[0]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    assert int(cells[1]) >= 1 and int(cells[2]) == 1  # questions, flagged


# ---- who may see what ------------------------------------------------------------------------

PAGES = ["results", "questions", "results.csv", "students/{ada}", "delete-data"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_users_are_sent_to_login(client, played, page):
    url = f"/teach/classes/{played['classroom']}/{page.format(**played)}"
    response = client.get(url)
    assert response.status_code == 302 and "/teach/login" in response.headers["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_another_teachers_class_is_404(teacher_client, elsewhere, page):
    url = f"/teach/classes/{elsewhere['classroom']}/{page.format(ada=elsewhere['zoe'])}"
    assert teacher_client.get(url).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_unknown_class_is_404(teacher_client, played, page):
    assert teacher_client.get(f"/teach/classes/99999/{page.format(**played)}").status_code == 404


@pytest.mark.parametrize("who", ["nobody", "zoe"])
def test_a_student_not_of_this_class_is_404(teacher_client, played, elsewhere, who):
    player_id = elsewhere.get(who, who)
    url = f"/teach/classes/{played['classroom']}/students/{player_id}"
    assert teacher_client.get(url).status_code == 404
    before = text(
        teacher_client.get(f"/teach/classes/{played['classroom']}/students/{played['ada']}")
    )
    response = teacher_client.post(f"{url}/delete-answers", data={"csrf_token": csrf_token(before)})
    assert response.status_code == 404


def test_other_teacher_cannot_act_on_my_students(app, played):
    make_teacher(app, "intruder")
    client = app.test_client()
    log_in(client, "intruder")
    before = _counts(app)
    page = text(client.get("/teach/"))
    base = f"/teach/classes/{played['classroom']}"
    for url, data in [
        (f"{base}/students/{played['ada']}/delete-answers", {}),
        (f"{base}/students/{played['ada']}/nickname", {"nickname": "Hacked"}),
        (f"{base}/students/{played['ada']}/remove-nickname", {}),
        (f"{base}/delete-data", {"code": played["code"]}),
    ]:
        response = client.post(url, data={"csrf_token": csrf_token(page), **data})
        assert response.status_code == 404, url
    assert _counts(app) == before


# ---- privacy actions -----------------------------------------------------------------------


def _student_url(played, who="ada"):
    return f"/teach/classes/{played['classroom']}/students/{played[who]}"


def test_rename_a_student_everywhere(app, client, teacher_client, played):
    url = _student_url(played)
    response = post_form(teacher_client, f"{url}/nickname", {"nickname": "  A.  L. "}, url)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Player, played["ada"]).nickname == "A. L."
        assert _nicknames(played["ada"]) == {"A. L."}
    assert "A. L." in text(teacher_client.get(f"/teach/classes/{played['classroom']}/results"))


@pytest.mark.parametrize(
    "nickname,message",
    [
        ("", "Type a nickname."),
        ("   ", "Type a nickname."),
        ("x" * 40, "at most 32 characters"),
        ("Ada\u0007", "control characters"),
    ],
)
def test_a_bad_new_nickname_is_refused_and_nothing_changes(
    app, teacher_client, played, nickname, message
):
    url = _student_url(played)
    response = post_form(teacher_client, f"{url}/nickname", {"nickname": nickname}, url)
    assert response.status_code == 422
    assert message in text(response)
    with app.app_context():
        assert db.session.get(Player, played["ada"]).nickname == "Ada"
        assert _nicknames(played["ada"]) == {"Ada"}


def test_remove_a_nickname(app, teacher_client, played):
    url = _student_url(played)
    response = post_form(teacher_client, f"{url}/remove-nickname", {}, url)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Player, played["ada"]).nickname == "Anonymous"
        assert _nicknames(played["ada"]) == {"Anonymous"}
        classroom = db.session.get(Classroom, played["classroom"])
        # The class leaderboard reads the rounds: the old nickname is gone from it too.
        assert [r.nickname for r in classes.class_leaderboard(classroom)] == ["Anonymous", "Bob"]


def test_delete_a_students_answers(app, client, teacher_client, played):
    url = _student_url(played)
    with app.app_context():
        round_id = db.session.scalar(select(Round.id).where(Round.player_id == played["ada"]))
        db.session.add(Report(question_id=1, round_id=round_id, comment="my name is Ada Smith"))
        db.session.commit()
    response = post_form(teacher_client, f"{url}/delete-answers", {}, url)
    assert response.status_code == 302
    with app.app_context():
        assert _count(Round, Round.player_id == played["ada"]) == 0
        assert _count(Answer, Answer.round_id == round_id) == 0
        assert _count(Report) == 0
        # Bob's round and totals are untouched.
        bob = db.session.scalar(select(Round).where(Round.player_id == played["bob"]))
        assert (bob.answered, bob.correct) == (3, 0)
    page = text(teacher_client.get(f"/teach/classes/{played['classroom']}/results"))
    assert "1 finished round by" in page and "3000" not in page


@pytest.mark.parametrize("action", ["nickname", "remove-nickname", "delete-answers"])
def test_a_privacy_action_without_its_csrf_token_writes_nothing(
    app, teacher_client, played, action
):
    before = _counts(app)
    response = teacher_client.post(f"{_student_url(played)}/{action}", data={"nickname": "X"})
    assert response.status_code == 400
    assert _counts(app) == before
    with app.app_context():
        assert db.session.get(Player, played["ada"]).nickname == "Ada"


def test_delete_a_whole_class(app, teacher_client, played, elsewhere):
    url = f"/teach/classes/{played['classroom']}/delete-data"
    assert "join code" in text(teacher_client.get(url))
    response = post_form(teacher_client, url, {"code": played["code"].lower()})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Classroom, played["classroom"]) is None
        assert all(db.session.get(Player, played[p]) is None for p in ("ada", "bob", "cy"))
        rounds = db.session.scalars(select(Round)).all()
        assert [r.player_id for r in rounds] == [elsewhere["zoe"]]
        assert _count(Answer) == 3
    assert teacher_client.get(f"/teach/classes/{played['classroom']}/results").status_code == 404


@pytest.mark.parametrize(
    "code,message",
    [
        ("", "Type the join code to confirm."),
        ("WRONG1", "not the join code of this class"),
        ("x" * 17, "at most 16 characters"),
    ],
)
def test_deleting_a_class_needs_its_code(app, teacher_client, played, code, message):
    before = _counts(app)
    url = f"/teach/classes/{played['classroom']}/delete-data"
    response = post_form(teacher_client, url, {"code": code})
    assert response.status_code == 422
    assert message in text(response)
    assert _counts(app) == before


def test_deleting_a_class_without_csrf_writes_nothing(app, teacher_client, played):
    before = _counts(app)
    response = teacher_client.post(
        f"/teach/classes/{played['classroom']}/delete-data", data={"code": played["code"]}
    )
    assert response.status_code == 400
    assert _counts(app) == before
