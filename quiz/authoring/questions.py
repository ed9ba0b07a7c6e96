"""Keep an article's stored questions in step with what its facts and templates generate."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select

from quiz.accounts.visibility import templates_filling
from quiz.facts import fact_from_dict
from quiz.generation import GeneratedQuestion, generate, parse_template
from quiz.storage.extensions import db
from quiz.storage.models import (
    Answer,
    Article,
    Option,
    Question,
    QuestionOrigin,
    QuestionStatus,
    Template,
)
from quiz.storage.work import unit_of_work


@dataclass
class SyncReport:
    added: int = 0
    kept: int = 0
    retired: int = 0
    removed: int = 0


def active_templates(article: Article) -> list[Template]:
    """Return the templates that fill an article: the shared ones and its owner's own."""
    query = select(Template).where(Template.active.is_(True), templates_filling(article.owner_id))
    # Shared first, so that where an owner's key is also a shared one, the owner's is named.
    return list(db.session.scalars(query.order_by(Template.owner_id.is_not(None), Template.key)))


def generate_for(article: Article, templates: list[Template]) -> list[GeneratedQuestion]:
    """Generate the questions an article's facts give with the given templates."""
    facts = [fact_from_dict(row.data) for row in article.facts]
    return generate(facts, [parse_template(t.data) for t in templates])


def sync_questions(article: Article, *, status: str = QuestionStatus.ACTIVE) -> SyncReport:
    """Add newly generated questions; retire or remove generated ones that no longer follow."""
    templates = active_templates(article)
    generated = generate_for(article, templates)
    report = SyncReport()
    existing = {
        q.fingerprint: q
        for q in db.session.scalars(select(Question).where(Question.article_id == article.id))
    }
    facts = {f.key: f for f in article.facts}
    template_ids = {t.key: t.id for t in templates}
    sentences = {s.text: s.id for s in article.sentences}
    wanted = set()
    for g in generated:
        wanted.add(g.fingerprint)
        if g.fingerprint in existing:
            report.kept += 1
            _relink(existing[g.fingerprint], g, facts)
            continue
        db.session.add(
            _question(g, article, status, facts, template_ids.get(g.template_key), sentences)
        )
        report.added += 1
    for fingerprint, question in existing.items():
        if fingerprint in wanted or question.origin != QuestionOrigin.GENERATED:
            continue
        if question.status in (QuestionStatus.RETIRED, QuestionStatus.REJECTED):
            continue
        if _has_answers(question):
            # Past scores must stay true: keep the question, just stop dealing it.
            question.status = QuestionStatus.RETIRED
            report.retired += 1
        else:
            db.session.delete(question)
            report.removed += 1
    return report


def _relink(question: Question, g: GeneratedQuestion, facts: dict) -> None:
    """Point a kept question at the facts that generate it now (one may have been deleted)."""
    wanted = [facts[key] for key in g.fact_keys if key in facts]
    if question.origin == "generated":
        question.score = g.score
    if question.origin == QuestionOrigin.GENERATED and {f.key for f in question.facts} != set(
        g.fact_keys
    ):
        question.facts = wanted


def _has_answers(question: Question) -> bool:
    return bool(db.session.scalar(select(exists().where(Answer.question_id == question.id))))


def _question(g, article, status, facts, template_id, sentences) -> Question:
    """Build a stored question, with its options and provenance, from a generated one."""
    question = Question(
        article_id=article.id,
        template_id=template_id,
        kind=g.kind,
        prompt=g.prompt,
        answer=g.answer,
        explanation=g.explanation,
        sentence_id=_first_sentence(g.explanation, sentences),
        fingerprint=g.fingerprint,
        origin=QuestionOrigin.GENERATED,
        status=status,
        time_limit=g.time_limit,
        score=g.score,
        data={"accepted": [g.answer, *g.accepted]} if g.accepted else None,
    )
    question.options = [
        Option(position=n, text=text, correct=text == g.answer)
        for n, text in enumerate(g.options, start=1)
    ]
    question.facts = [facts[key] for key in g.fact_keys if key in facts]
    return question


def _first_sentence(explanation: str, sentences: dict[str, int]) -> int | None:
    """Return the id of the article sentence the explanation starts with: the longest, so a
    title line ("Lake Baikal") never stands for the sentence it opens ("Lake Baikal is a rift
    lake ...")."""
    starts = [text for text in sentences if explanation.startswith(text)]
    return sentences[max(starts, key=len)] if starts else None


def regenerate(slug: str | None = None) -> list[tuple[str, SyncReport]]:
    """Regenerate every article's questions (or one article's), keeping answered ones."""
    query = select(Article).order_by(Article.slug)
    if slug:
        query = query.where(Article.slug == slug)
    with unit_of_work() as session:
        return [(article.slug, sync_questions(article)) for article in session.scalars(query)]
