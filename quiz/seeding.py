"""Load seed files (articles with their facts, and templates) into the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from .extensions import db
from .facts import ArticleSeed, SeedFileError, fact_to_dict, load_article_seed, split_sentences
from .generation import load_templates, template_to_dict
from .models import Article, Fact, Sentence, Template

TEMPLATES_FILE = "templates.toml"


@dataclass
class SeedReport:
    articles_added: list[str] = field(default_factory=list)
    facts_added: int = 0
    facts_updated: int = 0
    templates_added: int = 0
    templates_updated: int = 0


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


def load_seed(folder: Path) -> SeedReport:
    """Add what is not loaded yet from a seed folder; never overwrite a teacher's changes."""
    articles, templates = read_seed_dir(folder)
    report = SeedReport()
    for template in templates:
        _upsert_template(template, report)
    for seed in articles:
        _upsert_article(seed, report)
    return report


def _upsert_template(template, report: SeedReport) -> None:
    data = template_to_dict(template)
    row = db.session.scalar(select(Template).where(Template.key == template.key))
    if row is None:
        db.session.add(Template(key=template.key, kind=template.kind, text=template.text, data=data))
        report.templates_added += 1
    elif row.origin == "seed" and not row.edited and row.data != data:
        row.kind, row.text, row.data = template.kind, template.text, data
        report.templates_updated += 1


def _upsert_article(seed: ArticleSeed, report: SeedReport) -> None:
    article = db.session.scalar(select(Article).where(Article.slug == seed.slug))
    if article is None:
        article = Article(slug=seed.slug, title=seed.title, body=seed.body, source=seed.source)
        article.sentences = [
            Sentence(position=n, text=t)
            for n, t in enumerate(split_sentences(seed.body), start=1)
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
        elif row.origin == "seed" and not row.edited and row.data != data:
            row.type, row.about, row.data = fact.type, fact.about, data
            row.sentence_id = sentence_ids.get(fact.sentence)
            report.facts_updated += 1
