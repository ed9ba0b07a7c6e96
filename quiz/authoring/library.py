"""What teachers do to the question library: articles, facts, templates and questions."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from quiz.accounts.visibility import articles_filled_by, visible_to
from quiz.authoring import importing
from quiz.authoring.questions import sync_questions
from quiz.errors import Invalid
from quiz.facts import FactError, fact_from_dict, fact_to_dict
from quiz.generation import (
    GeneratedQuestion,
    TemplateError,
    generate,
    parse_template,
    template_to_dict,
)
from quiz.generation.question import fingerprint
from quiz.i18n import N_, label, translate
from quiz.storage.extensions import db
from quiz.storage.models import (
    Answer,
    Article,
    Classroom,
    Fact,
    Option,
    Origin,
    Question,
    QuestionOrigin,
    QuestionStatus,
    Teacher,
    Template,
)
from quiz.storage.work import unit_of_work

if TYPE_CHECKING:
    from werkzeug.datastructures import FileStorage

# Which status a teacher may move a question to, from which.
TRANSITIONS: dict[str, tuple[QuestionStatus, ...]] = {
    QuestionStatus.ACTIVE: (QuestionStatus.PROPOSED, QuestionStatus.RETIRED),
    QuestionStatus.RETIRED: (QuestionStatus.ACTIVE, QuestionStatus.PROPOSED),
    QuestionStatus.REJECTED: (QuestionStatus.PROPOSED,),
}


def articles_for(teacher: Teacher) -> list[Article]:
    """Return the shared library and the teacher's own articles."""
    query = select(Article).where(visible_to(teacher.id, Article.owner_id))
    return list(db.session.scalars(query.order_by(Article.title)))


def labels(articles: list[Article]) -> dict[int, str]:
    """Return what to call each article in a teacher's lists: its title, with its address
    when another article of the list has the same title ("Eiffel Tower (eiffel-tower-2)")."""
    titles = Counter(a.title for a in articles)
    return {a.id: a.title if titles[a.title] == 1 else f"{a.title} ({a.slug})" for a in articles}


def classrooms_for(teacher: Teacher) -> list[Classroom]:
    """Return the teacher's classes."""
    query = select(Classroom).where(Classroom.teacher_id == teacher.id).order_by(Classroom.name)
    return list(db.session.scalars(query))


def question_status_counts() -> dict[int, dict[str, int]]:
    """Return, per article id, how many questions are in each status."""
    rows = db.session.execute(
        select(Question.article_id, Question.status, func.count()).group_by(
            Question.article_id, Question.status
        )
    )
    counts: dict[int, dict[str, int]] = {}
    for article_id, status, count in rows:
        counts.setdefault(article_id, {})[status] = count
    return counts


def create_article(title: str, text: str | None, upload: FileStorage | None, *, owner: Teacher):
    """Create the teacher's article from pasted text or an uploaded file, proposing questions."""
    if upload is not None and upload.filename:
        try:
            text = importing.read_upload(
                upload.filename, upload.read(), max_bytes=current_app.config["QUIZ_MAX_UPLOAD"]
            )
        except importing.ImportProblem as exc:
            raise Invalid(translate(exc.template, **exc.values)) from exc
    if text is None or not text.strip():
        raise Invalid(_("Paste the article's text or upload a file."))
    try:
        return importing.import_article(
            title, text, slug=free_slug(title), owner_id=owner.id, approve=False
        )
    except importing.ImportProblem as exc:
        raise Invalid(translate(exc.template, **exc.values)) from exc


def free_slug(title: str) -> str:
    """Return a slug made from the title that no article has yet."""
    return importing.free_slug(importing.make_slug(title))


def edit_article(article: Article, title: str, text: str) -> None:
    """Change an article's title and text; regenerate only what changed."""
    with unit_of_work():
        article.title = title.strip()
        if text != article.body:
            try:
                importing.update_article_text(article, text)
            except importing.ImportProblem as exc:
                raise Invalid(translate(exc.template, **exc.values)) from exc


def delete_article(article: Article) -> None:
    """Delete an article with its facts, questions, rounds and answers."""
    with unit_of_work():
        db.session.delete(article)


def questions_of(article: Article) -> list[Question]:
    """Return an article's questions, playable first."""
    first = (QuestionStatus.ACTIVE, QuestionStatus.PROPOSED, QuestionStatus.RETIRED)
    order: dict[str, int] = {status: n for n, status in enumerate(first)}
    rows = db.session.scalars(select(Question).where(Question.article_id == article.id))
    return sorted(rows, key=lambda q: (order.get(q.status, 9), q.id))


def answer_count(question: Question) -> int:
    """Return how many answers a question has."""
    return db.session.execute(
        select(func.count()).select_from(Answer).where(Answer.question_id == question.id)
    ).scalar_one()


def set_status(question: Question, status: str) -> None:
    """Move a question to a new status: publish, retire, restore or reject it."""
    allowed = TRANSITIONS.get(status)
    if allowed is None or question.status not in allowed:
        raise Invalid(
            _(
                "A question that is %(now)s cannot become %(then)s.",
                now=label(question.status),
                then=label(status) if status else _("nothing"),
            )
        )
    with unit_of_work():
        question.status = status


def edit_question(
    question: Question, prompt: str, answer: str, wrong_text: str, explanation: str
) -> Question:
    """Change a question's wording; one with answers is retired and replaced by a new version."""
    prompt, answer, explanation = prompt.strip(), answer.strip(), explanation.strip()
    wrong = _lines(wrong_text)
    kind = _edited_kind(question.kind, answer, wrong)
    print_ = fingerprint(kind, prompt, answer)
    with unit_of_work():
        clash = db.session.scalar(
            select(Question.id).where(
                Question.article_id == question.article_id,
                Question.fingerprint == print_,
                Question.id != question.id,
            )
        )
        if clash is not None:
            raise Invalid(_("The article already has this question with this answer."))
        target = question
        if answer_count(question) > 0:
            # Past answers must keep meaning what they meant: never change an answered question.
            target = Question(
                article_id=question.article_id,
                template_id=question.template_id,
                sentence_id=question.sentence_id,
                time_limit=question.time_limit,
                status=question.status,
                version=question.version + 1,
                previous_id=question.id,
                facts=list(question.facts),
            )
            question.status = QuestionStatus.RETIRED
            # The new version may keep the wording: the retired one gives up the article's
            # one fingerprint per question (regeneration then finds the new version's).
            question.fingerprint = fingerprint("retired", str(question.id), question.fingerprint)
            db.session.flush()
            db.session.add(target)
        target.kind, target.prompt, target.answer, target.explanation = (
            kind,
            prompt,
            answer,
            explanation,
        )
        target.fingerprint, target.origin = print_, QuestionOrigin.TEACHER
        # Old options go first: the new ones reuse their positions.
        target.options = []
        db.session.flush()
        target.options = [
            Option(position=n, text=text, correct=text == answer)
            for n, text in enumerate([answer, *wrong] if wrong else [], start=1)
        ]
    return target


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _edited_kind(kind: str, answer: str, wrong: list[str]) -> str:
    """Check the options of an edited question and return its kind."""
    if kind == "true_false":
        if {answer, *wrong} != {"True", "False"} or len(wrong) != 1:
            raise Invalid(
                _("A true/false question's answer is True or False, and the other is wrong.")
            )
        return kind
    if not wrong:
        return "short"
    if len(wrong) > 3:
        raise Invalid(_("Give at most 3 wrong options."))
    seen = {answer.casefold()}
    for option in wrong:
        if option.casefold() in seen:
            raise Invalid(
                _("The option “%(option)s” is given twice (or is the right answer).", option=option)
            )
        seen.add(option.casefold())
    return "choice" if kind == "short" else kind


# --- facts -----------------------------------------------------------------------------


def fact_data(article: Article, fields: dict, *, key: str | None = None) -> dict:
    """Build and check a fact's data from form fields; raise FactError naming the field."""
    sentence = next((s for s in article.sentences if s.id == fields["sentence"]), None)
    if sentence is None:
        raise FactError(N_("choose one of the article's sentences"), field="sentence")
    data = {
        "key": key or fields.get("key") or _fact_key(article, fields["about"]),
        "type": fields["type"],
        "about": fields["about"].strip(),
        "value": fields["value"].strip(),
        "sentence": sentence.text,
    }
    for name in ("text", "event", "role", "group", "claim", "unit"):
        value = (fields.get(name) or "").strip()
        if value:
            data[name] = value
    wrong = _lines(fields.get("wrong") or "")
    if wrong:
        data["wrong"] = wrong
    if key is not None and data["type"] == "number":
        # "about 2,000" stays a round guess when a teacher edits the fact: its options must
        # stay far from it.
        old = db.session.scalar(
            select(Fact.data).where(Fact.article_id == article.id, Fact.key == key)
        )
        if old and old.get("hedge"):
            data["hedge"] = old["hedge"]
    if key is None and db.session.scalar(
        select(Fact.id).where(Fact.article_id == article.id, Fact.key == data["key"])
    ):
        raise FactError(
            N_("the article already has a fact with the key %(key)s"),
            field="key",
            key=repr(data["key"]),
        )
    return fact_to_dict(fact_from_dict(data))


def _fact_key(article: Article, about: str) -> str:
    """Return a key made from what the fact is about, unused in the article."""
    base = re.sub(r"[^a-z0-9]+", "-", about.lower()).strip("-")[:48].strip("-") or "fact"
    taken = {f.key for f in article.facts}
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def save_fact(article: Article, data: dict, fact: Fact | None = None) -> tuple[Fact, int]:
    """Store a new or changed fact and propose the questions it gives; return it and how many."""
    with unit_of_work():
        if fact is None:
            fact = Fact(article=article, origin=Origin.TEACHER, key=data["key"])
            db.session.add(fact)
        fact.type, fact.about, fact.data, fact.edited = data["type"], data["about"], data, True
        sentence = data["sentence"]
        fact.sentence_id = next((s.id for s in article.sentences if s.text == sentence), None)
        db.session.flush()
        report = sync_questions(article, status=QuestionStatus.PROPOSED)
    return fact, report.added


def delete_fact(fact: Fact) -> None:
    """Delete a fact; questions built on it are retired if answered, else removed."""
    with unit_of_work():
        article = fact.article
        db.session.delete(fact)
        db.session.flush()
        db.session.expire(article, ["facts"])
        sync_questions(article, status=QuestionStatus.PROPOSED)


# --- templates ---------------------------------------------------------------------------


def _check_key(key: str, owner_id: int | None, row: Template | None) -> None:
    """Refuse a key the owner (or, for a teacher's own template, the shared library) has taken.

    Keys are unique per owner: another teacher's private keys are never compared, so a
    refusal cannot tell anybody which keys they use.
    """
    owners = [None] if owner_id is None else [None, owner_id]
    for owner in owners:
        taken = db.session.scalar(
            select(Template.id).where(
                Template.key == key,
                Template.owner_id.is_(None) if owner is None else Template.owner_id == owner,
            )
        )
        if taken is not None and (row is None or taken != row.id):
            if owner is not None:
                message = N_("one of your templates already has the key %(key)s")
            else:
                message = N_("one of the shared templates already has the key %(key)s")
            raise TemplateError(message, "key", key=repr(key))


def template_preview(data: dict, article: Article | None) -> list[GeneratedQuestion]:
    """Check a template and return the questions it would give from an article's facts."""
    template = parse_template(data)
    if article is None:
        return []
    facts = [fact_from_dict(f.data) for f in article.facts]
    return generate(facts, [template])


def save_template(data: dict, teacher: Teacher, row: Template | None = None) -> Template:
    """Store a new or changed template; regenerate the articles it may fill, and only those."""
    template = parse_template(data)
    owner_id = row.owner_id if row is not None else teacher.id
    with unit_of_work():
        _check_key(template.key, owner_id, row)
        if row is None:
            row = Template(key=template.key, origin=Origin.TEACHER, owner_id=owner_id)
            db.session.add(row)
        row.key, row.kind, row.text, row.data = (
            template.key,
            template.kind,
            template.text,
            template_to_dict(template),
        )
        row.edited = True
        db.session.flush()
        for article in db.session.scalars(select(Article).where(articles_filled_by(owner_id))):
            sync_questions(article, status=QuestionStatus.PROPOSED)
    return row
