"""Two teachers: a teacher's own template fills only that teacher's articles, and its key is
theirs alone; shared templates fill every article."""

from sqlalchemy import select

from quiz.storage.extensions import db
from quiz.storage.models import Question, Template
from tests.teach.conftest import log_in, make_teacher, own_copy_of_seed, post_form

TEMPLATE = {
    "kind": "year",
    "over": "dated",
    "time_limit": "30",
    "text": "In which year, by {teacher} reckoning, did {event}?",
    "save": "1",
}


def _client(app, name):
    client = app.test_client()
    assert log_in(client, name=name).status_code == 302
    return client


def _save(client, key, text="Which year belongs to {event}? (private wording)"):
    data = {**TEMPLATE, "key": key, "text": text}
    return post_form(client, "/teach/templates/new", data)


def _prompts(app, article_id):
    with app.app_context():
        return db.session.scalars(
            select(Question.prompt).where(Question.article_id == article_id)
        ).all()


def test_a_private_template_fills_only_its_owners_articles(app):
    alice, bob = make_teacher(app, "alice"), make_teacher(app, "bob")
    alices, bobs = own_copy_of_seed(app, alice, "alice-art"), own_copy_of_seed(app, bob, "bob-art")
    with app.app_context():
        shared = db.session.scalar(select(Question.article_id).order_by(Question.id))
    before_shared = set(_prompts(app, shared))
    assert _save(_client(app, "alice"), "alice-when").status_code == 302
    assert any("private wording" in p for p in _prompts(app, alices))
    # Neither the other teacher's private article nor the shared library gets its questions.
    assert not any("private wording" in p for p in _prompts(app, bobs))
    assert set(_prompts(app, shared)) == before_shared


def test_a_shared_template_fills_every_article(app):
    alice = make_teacher(app, "alice")
    own = own_copy_of_seed(app, alice, "alice-art")
    with app.app_context():
        shared_keys = set(
            db.session.scalars(select(Template.key).where(Template.owner_id.is_(None)))
        )
    # Copied without questions, the article got them from the shared templates when a
    # template was saved: here, the regeneration that saving Alice's template runs.
    assert _save(_client(app, "alice"), "alice-when").status_code == 302
    with app.app_context():
        used = set(
            db.session.scalars(
                select(Template.key)
                .join(Question, Question.template_id == Template.id)
                .where(Question.article_id == own)
            )
        )
    assert used & shared_keys and "alice-when" in used


def test_template_keys_are_unique_per_teacher_and_tell_nothing_of_others(app):
    for name in ("alice", "bob"):
        make_teacher(app, name)
    alice, bob = _client(app, "alice"), _client(app, "bob")
    assert _save(alice, "my-when").status_code == 302
    # Bob may use the same key: he learns nothing of Alice's templates.
    assert _save(bob, "my-when").status_code == 302
    # Alice cannot use her own key twice, nor a shared template's key.
    again = _save(alice, "my-when")
    assert again.status_code == 422 and "your templates already has" in again.get_data(True)
    with app.app_context():
        shared_key = db.session.scalar(select(Template.key).where(Template.owner_id.is_(None)))
        mine = db.session.scalars(select(Template).where(Template.key == "my-when")).all()
        ids = {t.owner_id: t.id for t in mine}
    clash = _save(alice, shared_key)
    assert clash.status_code == 422 and "shared templates already has" in clash.get_data(True)
    # Each sees only their own private template, and the shared ones.
    page = bob.get("/teach/templates").get_data(as_text=True)
    alice_id, bob_id = (ids[owner] for owner in sorted(ids))
    assert f"/teach/templates/{bob_id}/edit" in page and shared_key in page
    assert f"/teach/templates/{alice_id}/edit" not in page
