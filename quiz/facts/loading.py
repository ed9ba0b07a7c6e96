"""Load and validate an article's facts file (TOML) together with the article it names."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from quiz.facts.model import Fact, FactError, fact_from_dict, fact_problems
from quiz.facts.problems import (
    Problem,
    SeedFileError,
    field_line,
    header_lines,
    labelled,
    read_toml,
    table_line,
)
from quiz.facts.sentences import split_sentences
from quiz.marked import N_, Message

SLUG_RE = re.compile(r"[a-z0-9-]+")
ARTICLE_FIELDS = ("slug", "title", "file", "source")


@dataclass
class ArticleSeed:
    """An article with its hand-checked facts."""

    slug: str
    title: str
    body: str
    source: str | None
    facts: list[Fact]
    path: Path


def load_article_seed(path: Path) -> ArticleSeed:
    """Load a facts TOML and its article, or raise SeedFileError listing every problem."""
    path = Path(path)
    data, text = read_toml(path)
    problems: list[Problem] = []

    def report(line: int | None, message: str | Message, /, **values) -> None:
        problems.append(Problem(str(path), line, message, **values))

    for name in data:
        if name not in ("article", "fact"):
            report(
                table_line(text, name),
                N_("unknown table or field %(name)s (known: [article], [[fact]])"),
                name=repr(name),
            )
    article = _check_article(data.get("article"), text, report)
    body = _read_article(path, article, text, report) if article else None
    sentences = set(split_sentences(body)) if body is not None else None
    facts = _check_facts(data.get("fact"), text, sentences, report)
    if problems or article is None or body is None:
        raise SeedFileError(problems)
    return ArticleSeed(
        slug=article["slug"],
        title=article["title"],
        body=body,
        source=article.get("source"),
        facts=facts,
        path=path,
    )


def _check_article(article, text: str, report) -> dict | None:
    start = table_line(text, "article")
    if not isinstance(article, dict):
        report(start, N_("missing [article] table (with slug, title and file)"))
        return None
    ok = True
    for name in article:
        if name not in ARTICLE_FIELDS:
            report(
                field_line(text, start, name),
                N_("article: %(field)s: unknown field (known: %(known)s)"),
                field=name,
                known=", ".join(ARTICLE_FIELDS),
            )
    for name in ARTICLE_FIELDS:
        value = article.get(name)
        if value is None and name == "source":
            continue
        if value is None:
            report(start, N_("article: %(field)s: missing"), field=name)
            ok = False
        elif not isinstance(value, str) or not value.strip():
            report(
                field_line(text, start, name),
                N_("article: %(field)s: must be a non-empty string"),
                field=name,
            )
            ok = False
    slug = article.get("slug")
    if isinstance(slug, str) and slug.strip() and not SLUG_RE.fullmatch(slug):
        report(
            field_line(text, start, "slug"),
            N_("article: slug: use lowercase letters, digits and '-' only"),
        )
        ok = False
    return article if ok else None


def _read_article(path: Path, article: dict, text: str, report) -> str | None:
    line = field_line(text, table_line(text, "article"), "file")
    article_path = path.parent / article["file"]
    try:
        raw = article_path.read_bytes()
    except OSError as error:
        report(
            line,
            N_("article: file: cannot read %(file)s: %(reason)s"),
            file=repr(article["file"]),
            reason=error.strerror,
        )
        return None
    try:
        body = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        at = raw[: error.start].count(b"\n") + 1
        report(
            line,
            N_("article: file: %(file)s is not UTF-8 text (line %(line)s)"),
            file=repr(article["file"]),
            line=at,
        )
        return None
    if not body.strip():
        report(line, N_("article: file: %(file)s is empty"), file=repr(article["file"]))
        return None
    return body


def _check_facts(entries, text: str, sentences: set[str] | None, report) -> list[Fact]:
    headers = header_lines(text, "fact")
    if entries is None:
        report(None, N_("no [[fact]] entries"))
        return []
    if not isinstance(entries, list):
        report(field_line(text, 1, "fact"), N_("fact must be [[fact]] tables"))
        return []
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        start = headers[index] if index < len(headers) else None
        key = entry.get("key") if isinstance(entry, dict) else None
        if isinstance(key, str) and key:
            label = Message(N_("fact %(key)s"), key=repr(key))
        else:
            label = Message(N_("fact #%(number)s"), number=index + 1)
        errors = fact_problems(entry)
        if isinstance(key, str) and key in seen:
            errors.append(
                FactError(
                    N_("duplicate key (first used by fact #%(number)s)"), "key", number=seen[key]
                )
            )
        elif isinstance(key, str):
            seen[key] = index + 1
        sentence = entry.get("sentence") if isinstance(entry, dict) else None
        if sentences is not None and isinstance(sentence, str) and sentence not in sentences:
            errors.append(_sentence_hint(sentence, sentences))
        for error in errors:
            report(field_line(text, start, error.field), labelled(label, error))
        if not errors:
            facts.append(fact_from_dict(entry))
    return facts


def _sentence_hint(sentence: str, sentences: set[str]) -> FactError:
    """Explain why a sentence is not one of the article's, pointing at the closest."""
    for candidate in sentences:
        if sentence.strip() and sentence.strip() in candidate and sentence != candidate:
            return FactError(
                N_("only part of the article sentence %(sentence)s; quote it whole"),
                "sentence",
                sentence=repr(candidate),
            )
    close = difflib.get_close_matches(sentence, sorted(sentences), n=1, cutoff=0.6)
    if close:
        return FactError(
            N_("not exactly an article sentence; did you mean %(sentence)s?"),
            "sentence",
            sentence=repr(close[0]),
        )
    return FactError(N_("not a sentence of the article (copy it exactly, whole)"), "sentence")
