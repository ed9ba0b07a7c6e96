"""Teachers steer the library in the browser: facts, templates, questions."""

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Article, Fact, Question, Round, Template
from tests.pages import csrf_token
from tests.teach.conftest import own_copy_of_seed, post_form


@pytest.fixture
def seed(app):
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        return article.id, {s.text: s.id for s in article.sentences}


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


GAGARIN = (
    "Just a few years later, in 1961, Yuri Gagarin began his historic journey into space from here."
)


def fact_fields(sentences, **kw):
    fields = {
        "type": "person",
        "about": "Yuri Gagarin",
        "value": "Yuri Gagarin",
        "sentence": sentences[GAGARIN],
        "text": "Yuri Gagarin",
        "role": "began a historic journey into space from Baikonur in 1961",
        "group": "launched into space from Baikonur",
        "claim": "{value} began his historic journey into space from Baikonur in 1961.",
    }
    return {**fields, **kw}


def test_the_article_page_shows_facts_with_their_sentences(teacher_client, seed):
    article_id, _ = seed
    page = teacher_client.get(f"/teach/articles/{article_id}").get_data(as_text=True)
    assert "Facts (" in page and GAGARIN in page
    assert "Questions (" in page
    # Each question with its right answer: "Which of these does the article say?" reads alike
    # for many, and the answer tells them apart.
    with teacher_client.application.app_context():
        statement = db.session.scalar(
            select(Question).where(Question.article_id == article_id, Question.kind == "statement")
        )
    assert f"</a></th><td>{escape(statement.answer)}</td>" in page


def test_adding_a_fact_proposes_its_questions_for_review(app, teacher_client, seed):
    article_id, sentences = seed
    url = f"/teach/articles/{article_id}/facts/new"
    with app.app_context():
        before = count(Question, Question.status == "proposed")
    fields = fact_fields(
        sentences,
        type="year",
        about="Gagarin's flight",
        value="1961",
        text="1961",
        role="",
        group="",
        event="the year of Yuri Gagarin's first flight from Baikonur",
        claim="Yuri Gagarin began his journey into space from Baikonur in {value}.",
    )
    response = post_form(teacher_client, url, fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        fact = db.session.scalar(select(Fact).where(Fact.about == "Gagarin's flight"))
        assert fact.origin == "teacher" and fact.edited and fact.data["value"] == 1961
        proposed = count(Question, Question.status == "proposed")
        assert proposed > before
    review = teacher_client.get(f"/teach/articles/{article_id}").get_data(as_text=True)
    assert "Gagarin&#39;s flight" in review or "Gagarin's flight" in review


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"type": "year", "value": "nineteen sixty-one"}, "value", "a year is a whole number"),
        ({"type": "date", "value": "June 2nd"}, "value", "a date"),
        ({"sentence": "999999"}, "sentence", "Not a valid choice"),
        ({"about": ""}, "about", "Say what the fact is about."),
        ({"value": ""}, "value", "Give the value."),
        ({"claim": "no placeholder here"}, "claim", "{value}"),
        ({"type": "bogus"}, "type", "Not a valid choice"),
    ],
)
def test_bad_facts_are_refused_on_their_field_and_nothing_is_written(
    app, teacher_client, seed, changes, field, message
):
    article_id, sentences = seed
    with app.app_context():
        before = count(Fact)
    response = post_form(
        teacher_client, f"/teach/articles/{article_id}/facts/new", fact_fields(sentences, **changes)
    )
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    assert f'id="{field}-error"' in body
    with app.app_context():
        assert count(Fact) == before


def test_editing_a_fact_marks_it_so_init_leaves_it_alone(app, teacher_client, runner, seed):
    article_id, sentences = seed
    with app.app_context():
        fact = db.session.scalar(select(Fact).where(Fact.key == "gagarin-year"))
        fact_id = fact.id
    url = f"/teach/facts/{fact_id}/edit"
    page = teacher_client.get(url).get_data(as_text=True)
    assert "1961" in page
    with app.app_context():
        data = db.session.get(Fact, fact_id).data
    fields = {k: v for k, v in data.items() if k in ("type", "about", "text", "event", "claim")}
    fields.update(value="1961", sentence=sentences[GAGARIN], about="Gagarin, as a teacher wrote it")
    response = teacher_client.post(url, data={"csrf_token": csrf_token(page), **fields})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert runner.invoke(args=["init"]).exit_code == 0
    with app.app_context():
        assert db.session.get(Fact, fact_id).about == "Gagarin, as a teacher wrote it"


def test_deleting_a_fact_removes_its_unanswered_questions(app, teacher_client, seed):
    article_id, _ = seed
    with app.app_context():
        fact = db.session.scalar(select(Fact).where(Fact.key == "gagarin-year"))
        fact_id, linked = (
            fact.id,
            [q.id for q in db.session.scalars(select(Question)) if fact in q.facts],
        )
    assert linked
    page = teacher_client.get(f"/teach/articles/{article_id}").get_data(as_text=True)
    response = teacher_client.post(
        f"/teach/facts/{fact_id}/delete", data={"csrf_token": csrf_token(page)}
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Fact, fact_id) is None
        remaining = [db.session.get(Question, q) for q in linked]
        # Only questions that another fact still gives stay, now pointing at that fact.
        assert any(q is None for q in remaining)
        assert all(q.facts and fact_id not in {f.id for f in q.facts} for q in remaining if q)


def test_a_template_preview_shows_its_questions_without_saving(app, teacher_client, seed):
    article_id, _ = seed
    data = {
        "key": "when-new",
        "kind": "year",
        "over": "dated",
        "time_limit": "30",
        "text": "Which year belongs to {event}?",
        "article": str(article_id),
        "preview": "1",
    }
    response = post_form(teacher_client, "/teach/templates/new", data)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Which year belongs to the launch of the first artificial satellite?" in body
    with app.app_context():
        assert count(Template, Template.key == "when-new") == 0


@pytest.mark.parametrize(
    "text,over,kind,field,message",
    [
        (
            "In which year was {nonsense}?",
            "dated",
            "year",
            "text",
            "unknown placeholder {nonsense}",
        ),
        ("Who {event}?", "person", "choice", "text", "does not fit"),
        ("Which came first: {a.event} or {b.event}?", "dated", "first", "kind", "needs over"),
    ],
)
def test_template_errors_are_shown_on_the_field(
    app, teacher_client, seed, text, over, kind, field, message
):
    article_id, _ = seed
    data = {
        "key": "bad",
        "kind": kind,
        "over": over,
        "time_limit": "30",
        "text": text,
        "article": str(article_id),
        "save": "1",
    }
    response = post_form(teacher_client, "/teach/templates/new", data)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    with app.app_context():
        assert count(Template, Template.key == "bad") == 0


def test_saving_a_template_proposes_new_questions_in_the_teachers_own_articles(
    app, teacher, teacher_client, seed
):
    shared_id, _ = seed
    own_id = own_copy_of_seed(app, teacher)
    data = {
        "key": "when-new",
        "kind": "year",
        "over": "dated",
        "time_limit": "30",
        "text": "Which year belongs to {event}?",
        "article": str(own_id),
        "save": "1",
    }
    response = post_form(teacher_client, "/teach/templates/new", data)
    assert response.status_code == 302
    with app.app_context():
        template = db.session.scalar(select(Template).where(Template.key == "when-new"))
        assert template.origin == "teacher" and template.owner_id == teacher
        proposed = db.session.scalars(
            select(Question).where(Question.template_id == template.id)
        ).all()
        assert proposed and all(q.status == "proposed" for q in proposed)
        # Only in the teacher's own article: the shared library is every teacher's to read.
        assert {q.article_id for q in proposed} == {own_id}
    assert "when-new" in teacher_client.get("/teach/templates").get_data(as_text=True)


def _a_question(app, status="active"):
    with app.app_context():
        return db.session.scalar(
            select(Question).where(Question.status == status, Question.kind == "year")
        ).id


def test_a_question_preview_shows_it_as_students_see_it(app, teacher_client):
    question_id = _a_question(app)
    page = teacher_client.get(f"/teach/questions/{question_id}").get_data(as_text=True)
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.prompt in page and question.explanation in page
        assert all(o.text in page for o in question.options)


def test_retire_and_restore(app, teacher_client):
    question_id = _a_question(app)
    url = f"/teach/questions/{question_id}"
    for status in ("retired", "active"):
        response = post_form(teacher_client, url + "/status", {"status": status}, page_url=url)
        assert response.status_code == 302
        with app.app_context():
            assert db.session.get(Question, question_id).status == status


def test_an_impossible_status_change_is_refused(app, teacher_client):
    question_id = _a_question(app)
    url = f"/teach/questions/{question_id}"
    response = post_form(teacher_client, url + "/status", {"status": "bogus"}, page_url=url)
    assert response.status_code == 422
    with app.app_context():
        assert db.session.get(Question, question_id).status == "active"


def test_editing_an_unanswered_question_changes_it_in_place(app, teacher_client):
    question_id = _a_question(app)
    url = f"/teach/questions/{question_id}/edit"
    response = post_form(
        teacher_client,
        url,
        {
            "prompt": "When did it happen?",
            "answer": "1961",
            "wrong": "1957\n1955",
            "explanation": "Because the article says so.",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.prompt == "When did it happen?" and question.version == 1
        assert sorted(o.text for o in question.options) == ["1955", "1957", "1961"]


def _answered_in_a_round(app, question_id: int, given: str) -> int:
    """Deal exactly this question in a round and answer it; return the round's id."""
    with app.app_context():
        question = db.session.get(Question, question_id)
        article = db.session.get(Article, question.article_id)
        round_, _ = scoring.start_round(article, "Ada", 1)
        round_.items[0].question_id = question_id
        db.session.commit()
        scoring.record_answer(round_.id, question_id, given)
        return round_.id


def test_editing_an_answered_question_makes_a_new_version(app, teacher_client):
    question_id = _a_question(app)
    round_id = _answered_in_a_round(app, question_id, "1961")
    with app.app_context():
        old_prompt = db.session.get(Question, question_id).prompt
        score = db.session.get(Round, round_id).score
    response = post_form(
        teacher_client,
        f"/teach/questions/{question_id}/edit",
        {"prompt": "Reworded?", "answer": "1961", "wrong": "1957", "explanation": "Source."},
    )
    assert response.status_code == 302
    with app.app_context():
        old = db.session.get(Question, question_id)
        assert old.prompt == old_prompt and old.status == "retired"
        new = db.session.scalar(select(Question).where(Question.previous_id == question_id))
        assert new.prompt == "Reworded?" and new.version == 2 and new.status == "active"
        assert db.session.get(Round, round_id).score == score


@pytest.mark.parametrize(
    "wrong,message",
    [("1961", "given twice"), ("a\nb\nc\nd", "at most 3")],
)
def test_bad_question_edits_are_refused(app, teacher_client, wrong, message):
    question_id = _a_question(app)
    response = post_form(
        teacher_client,
        f"/teach/questions/{question_id}/edit",
        {"prompt": "Reworded?", "answer": "1961", "wrong": wrong, "explanation": "Source."},
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, question_id).prompt != "Reworded?"


def test_editing_an_answered_question_but_not_its_wording_makes_a_new_version(app, teacher_client):
    question_id = _a_question(app)
    with app.app_context():
        question = db.session.get(Question, question_id)
        prompt, answer = question.prompt, question.answer
        wrong = [o.text for o in question.options if not o.correct][:1]
    _answered_in_a_round(app, question_id, answer)
    # Same prompt and answer, a new explanation: no clash with the question it replaces.
    response = post_form(
        teacher_client,
        f"/teach/questions/{question_id}/edit",
        {"prompt": prompt, "answer": answer, "wrong": "\n".join(wrong), "explanation": "New."},
    )
    assert response.status_code == 302
    with app.app_context():
        old = db.session.get(Question, question_id)
        new = db.session.scalar(select(Question).where(Question.previous_id == question_id))
        assert old.status == "retired" and new.status == "active"
        assert (new.prompt, new.answer, new.explanation) == (prompt, answer, "New.")
        # The new version holds the article's print of this question; the old one gave it up.
        assert new.fingerprint != old.fingerprint


def test_a_year_before_our_era_is_entered_shown_and_edited_as_the_hint_writes_it(
    app, teacher_client
):
    from quiz.authoring.importing import import_article

    sentence = "The Athenians defeated the Persians at Marathon in 490 BC."
    with app.app_context():
        import_article("Marathon", f"{sentence} The battle lasted a single day.")
        article = db.session.scalar(select(Article).where(Article.slug == "marathon"))
        article_id = article.id
        sentence_id = next(s.id for s in article.sentences if s.text == sentence)
    url = f"/teach/articles/{article_id}/facts/new"
    fields = {
        "type": "year",
        "about": "the battle of Marathon",
        "value": "490 BC",
        "sentence": sentence_id,
        "text": "490 BC",
        "event": "the year of the battle of Marathon",
        "claim": "The Athenians defeated the Persians at Marathon in {value}.",
        "wrong": "480 BC\n-500",
    }
    response = post_form(teacher_client, url, fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        fact = db.session.scalar(select(Fact).where(Fact.about == "the battle of Marathon"))
        assert fact.data["value"] == -490
        fact_id = fact.id
        # The hand-checked wrong years are offered, written as the article writes its year.
        offered = [
            {option.text for option in question.options}
            for question in db.session.scalars(
                select(Question).where(Question.article_id == article_id)
            )
            if question.answer == "490 BC"
        ]
        assert any({"480 BC", "500 BC"} <= options for options in offered), offered
        assert not any("-500" in options or "-480" in options for options in offered)
    page = teacher_client.get(f"/teach/articles/{article_id}").get_data(as_text=True)
    assert "<strong>490 BC</strong>" in page and "-490" not in page
    form = teacher_client.get(f"/teach/facts/{fact_id}/edit").get_data(as_text=True)
    assert 'value="490 BC"' in form
    # Two eras at once is no year: refused on its field, nothing stored.
    response = post_form(teacher_client, url, {**fields, "about": "twice", "value": "AD 490 BC"})
    assert response.status_code == 422
    assert "490 BC (or -490) before our era" in response.get_data(as_text=True)
    with app.app_context():
        assert count(Fact, Fact.about == "twice") == 0


def test_two_articles_of_one_title_are_told_apart_by_their_address(app, teacher_client, teacher):
    with app.app_context():
        for slug in ("eiffel-tower", "eiffel-tower-2"):
            article = Article(slug=slug, title="Eiffel Tower", body="One.", owner_id=teacher)
            db.session.add(article)
        db.session.commit()
    page = teacher_client.get("/teach/").get_data(as_text=True)
    assert "Eiffel Tower (eiffel-tower)" in page and "Eiffel Tower (eiffel-tower-2)" in page
    assert "Baikonur Cosmodrome turns 70<" in page  # a title of its own needs no address
    live = teacher_client.get("/teach/live").get_data(as_text=True)
    assert "Eiffel Tower (eiffel-tower-2)" in live
