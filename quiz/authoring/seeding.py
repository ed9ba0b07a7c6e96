"""Load seed files (articles with their facts, and templates) into the database."""

from __future__ import annotations

import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from werkzeug.utils import secure_filename

from quiz.authoring.questions import sync_questions
from quiz.facts import ArticleSeed, SeedFileError, fact_to_dict, load_article_seed, split_sentences
from quiz.facts.problems import Problem
from quiz.generation import load_templates, template_to_dict
from quiz.marked import N_
from quiz.storage.extensions import db
from quiz.storage.models import Article, Fact, Origin, Sentence, Template
from quiz.storage.work import unit_of_work

TEMPLATES_FILE = "templates.toml"


@dataclass
class SeedReport:
    articles_added: list[str] = field(default_factory=list)
    facts_added: int = 0
    facts_updated: int = 0
    templates_added: int = 0
    templates_updated: int = 0
    questions_added: int = 0


def read_seed_dir(folder: Path):
    """Read and validate every seed file in a folder; raise SeedFileError before writing."""
    problems = []
    articles: list[ArticleSeed] = []
    templates = []
    template_file = folder / TEMPLATES_FILE
    if template_file.exists():
        try:
            templates = load_templates(template_file)
        except SeedFileError as exc:
            problems.extend(exc.problems)
    for path in sorted(folder.glob("*.toml")):
        if path.name == TEMPLATES_FILE:
            continue
        try:
            articles.append(load_article_seed(path))
        except SeedFileError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SeedFileError(problems)
    return articles, templates


def read_seed_path(path: Path):
    """Read a seed folder, or one facts file with the templates beside it."""
    if path.is_dir():
        return read_seed_dir(path)
    problems, templates = [], []
    template_file = path.parent / TEMPLATES_FILE
    if template_file.exists() and template_file != path:
        try:
            templates = load_templates(template_file)
        except SeedFileError as exc:
            problems.extend(exc.problems)
    try:
        articles = [load_article_seed(path)]
    except SeedFileError as exc:
        problems.extend(exc.problems)
    if problems:
        raise SeedFileError(problems)
    return articles, templates


def load_seed(path: Path) -> SeedReport:
    """Add what is not loaded yet from seed files; never overwrite a teacher's changes."""
    articles, templates = read_seed_path(path)
    report = SeedReport()
    for template in templates:
        _upsert_template(template, report)
    for seed in articles:
        _upsert_article(seed, report)
    return report


def _upsert_template(template, report: SeedReport) -> None:
    data = template_to_dict(template)
    # Seed templates belong to the shared library: teachers' own keys are theirs alone.
    row = db.session.scalar(
        select(Template).where(Template.key == template.key, Template.owner_id.is_(None))
    )
    if row is None:
        db.session.add(
            Template(key=template.key, kind=template.kind, text=template.text, data=data)
        )
        report.templates_added += 1
    elif row.origin == Origin.SEED and not row.edited and row.data != data:
        row.kind, row.text, row.data = template.kind, template.text, data
        report.templates_updated += 1


def _upsert_article(seed: ArticleSeed, report: SeedReport) -> None:
    article = db.session.scalar(select(Article).where(Article.slug == seed.slug))
    if article is not None and article.owner_id is not None:
        # Seed files fill the shared library, never a teacher's own article.
        message = N_(
            "the slug %(slug)s is taken by an article outside the shared library; "
            "choose another slug"
        )
        raise SeedFileError([Problem(str(seed.path), None, message, slug=repr(seed.slug))])
    if article is None:
        article = Article(slug=seed.slug, title=seed.title, body=seed.body, source=seed.source)
        article.sentences = [
            Sentence(position=n, text=t) for n, t in enumerate(split_sentences(seed.body), start=1)
        ]
        db.session.add(article)
        db.session.flush()
        report.articles_added.append(seed.slug)
    sentence_ids = {s.text: s.id for s in article.sentences}
    rows = {f.key: f for f in article.facts}
    for fact in seed.facts:
        data = fact_to_dict(fact)
        row = rows.get(fact.key)
        if row is None:
            article.facts.append(
                Fact(
                    key=fact.key,
                    type=fact.type,
                    about=fact.about,
                    sentence_id=sentence_ids.get(fact.sentence),
                    data=data,
                )
            )
            report.facts_added += 1
        elif row.origin == Origin.SEED and not row.edited and row.data != data:
            row.type, row.about, row.data = fact.type, fact.about, data
            row.sentence_id = sentence_ids.get(fact.sentence)
            report.facts_updated += 1


def seed(path: Path) -> SeedReport:
    """Load seed files into the shared library, generate their questions, and commit."""
    with unit_of_work():
        report = load_seed(path)
        db.session.flush()
        for article in db.session.scalars(select(Article).order_by(Article.slug)):
            report.questions_added += sync_questions(article).added
    return report


def load_uploaded(files: dict) -> SeedReport:
    """Load uploaded seed files (facts, article, templates?) all or nothing, like `quiz seed`."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        facts_name = secure_filename(files["facts"].filename) or "facts.toml"
        facts_bytes = files["facts"].read()
        (folder / facts_name).write_bytes(facts_bytes)
        # Save the article under the name the facts file gives it, so the upload's own
        # file name does not matter.
        (folder / _named_article(facts_bytes, files["article"].filename)).write_bytes(
            files["article"].read()
        )
        if files.get("templates") and files["templates"].filename:
            (folder / TEMPLATES_FILE).write_bytes(files["templates"].read())
        return seed(folder)


def _named_article(facts_bytes: bytes, fallback: str) -> str:
    try:
        name = tomllib.loads(facts_bytes.decode("utf-8-sig"))["article"]["file"]
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        name = fallback
    return secure_filename(str(name)) or "article.txt"
