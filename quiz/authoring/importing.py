"""Import an article from text or a file: store its sentences, extracted facts and questions."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath

from slugify import slugify
from sqlalchemy import func, select

from quiz.authoring.questions import sync_questions
from quiz.facts import fact_to_dict, split_sentences
from quiz.facts.extraction import extract_from_sentences
from quiz.i18n import N_
from quiz.rules import MAX_SLUG, MAX_TITLE, SLUG_RE
from quiz.storage.extensions import db
from quiz.storage.models import Article, Fact, Origin, Question, QuestionStatus, Sentence
from quiz.storage.work import unit_of_work

MAX_BYTES = 512 * 1024
MAX_WORDS = 20_000
SUFFIXES = (".txt", ".md", ".html", ".htm")


class ImportProblem(ValueError):
    """Why an article or file cannot be imported, in words a teacher can act on.

    The message is marked with N_() and its values kept apart, so a page translates it with
    `quiz.i18n.translate(problem.template, **problem.values)`; `message` is the English text.
    """

    def __init__(self, message: str, **values):
        english = {k: f"{v:,}" if isinstance(v, int) else v for k, v in values.items()}
        self.template = message
        self.values = values
        self.message = message % english if values else message
        super().__init__(self.message)


@dataclass
class ImportReport:
    """What an import or an edit of an article's text changed."""

    article: Article
    created: bool = False
    sentences: int = 0
    facts_added: int = 0
    facts_updated: int = 0
    facts_removed: int = 0
    questions_added: int = 0
    questions_retired: int = 0
    questions_removed: int = 0
    playable: int = 0
    waiting: int = 0


# --- files ------------------------------------------------------------------------------


def read_upload(filename: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Return the text of an uploaded .txt, .md or .html file, or raise ImportProblem."""
    name = PurePath(filename or "").name
    suffix = PurePath(name.lower()).suffix
    if suffix not in SUFFIXES:
        if not name:
            raise ImportProblem(N_("Only .txt, .md, .html and .htm files can be imported."))
        raise ImportProblem(
            N_("%(name)s: only .txt, .md, .html and .htm files can be imported."), name=name
        )
    if len(data) > max_bytes:
        raise ImportProblem(
            N_("%(name)s: the file is %(size)s KiB; the limit is %(most)s KiB."),
            name=name,
            size=len(data) // 1024,
            most=max_bytes // 1024,
        )
    if not data.strip():
        raise ImportProblem(N_("%(name)s: the file is empty."), name=name)
    text = _decode(name, data)
    if suffix == ".md":
        text = markdown_to_text(text)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    if not text.strip():
        raise ImportProblem(N_("%(name)s: the file has no text in it."), name=name)
    return text


# Byte-order marks of the Unicode encodings other than UTF-8 (Windows' Notepad saves
# "Unicode" as UTF-16 LE): UTF-32's first, since UTF-32 LE's begins with UTF-16 LE's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(name: str, data: bytes) -> str:
    encoding = next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)
    if encoding is not None:
        return _decode_unicode(name, data, encoding)
    if b"\x00" in data:
        raise ImportProblem(N_("%(name)s: this is a binary file, not text."), name=name)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        guessed = _cp1252(data)
        if guessed is None:
            line = data[: error.start].count(b"\n") + 1
            raise ImportProblem(
                N_(
                    "%(name)s: line %(line)s: not UTF-8 text "
                    "(save the file as UTF-8 and try again)."
                ),
                name=name,
                line=line,
            ) from None
        text = guessed
    _refuse_binary(name, text)
    return text


def _decode_unicode(name: str, data: bytes, encoding: str) -> str:
    """Decode text that starts with a UTF-16 or UTF-32 byte-order mark (which it drops)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # Not text after all: bytes that only begin like a byte-order mark.
        raise ImportProblem(N_("%(name)s: this is a binary file, not text."), name=name) from None
    if "\x00" in text:
        raise ImportProblem(N_("%(name)s: this is a binary file, not text."), name=name)
    _refuse_binary(name, text)
    return text


def _refuse_binary(name: str, text: str) -> None:
    """Refuse decoded text with more control characters than text has (a binary file)."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise ImportProblem(N_("%(name)s: this is a binary file, not text."), name=name)


def _cp1252(data: bytes) -> str | None:
    """Decode Windows-1252 text, but only when it clearly is text (letters, few oddities)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = sum(1 for ch in text if not (ch.isprintable() or ch in "\n\r\t"))
    letters = sum(1 for ch in text if ch.isalpha() and ch.isascii())
    return text if odd == 0 and letters >= 0.5 * len(text.strip()) else None


class _TextParser(HTMLParser):
    """Collect an HTML page's visible text, with a line break for each block element."""

    BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "caption",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "figcaption",
        "figure",
        "dd",
        "dt",
        "dl",
        "main",
        "aside",
        "nav",
        "title",
    }
    # Not the article: code, the page's head, and the site around it (menus, sidebars,
    # footers, forms), whose words would become sentences of their own.
    HIDDEN = {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "object",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            # Line breaks inside HTML text are only spacing.
            self.parts.append(re.sub(r"\s+", " ", data))


def markdown_to_text(source: str) -> str:
    """Reduce Markdown to its text: no "#", "**" or bullets, each heading and item on its own."""
    from markdown_it import MarkdownIt  # imported here: only .md uploads need it

    return html_to_text(MarkdownIt("commonmark").render(source))


def html_to_text(markup: str) -> str:
    """Reduce HTML to its visible text: scripts and styles dropped, blocks on their own lines."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    # convert_charrefs has already decoded the entities: decoding again would turn a
    # written "&amp;lt;" into "<".
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


# --- articles ------------------------------------------------------------------------------


def make_slug(title: str) -> str:
    """Return an ASCII, lowercase, hyphenated slug for a title (never empty), transliterated
    from any script ("Космодром Байконур": kosmodrom-baikonur); room is left for a "-2"."""
    return slugify(title, max_length=MAX_SLUG - 8, word_boundary=True) or "article"


def free_slug(base: str) -> str:
    """Return base, or base-2, base-3…, whichever no article has yet."""
    slug, n = base, 2
    while db.session.scalar(select(Article.id).where(Article.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def check_title(title: str) -> str:
    """Return the stripped title, or raise ImportProblem."""
    title = (title or "").strip()
    if not title:
        raise ImportProblem(N_("The title is empty."))
    if len(title) > MAX_TITLE:
        raise ImportProblem(
            N_("The title has %(count)s characters; the limit is %(most)s."),
            count=len(title),
            most=MAX_TITLE,
        )
    return title


def check_text(text: str) -> str:
    """Return the text, or raise ImportProblem when it is empty or too long."""
    if not (text or "").strip():
        raise ImportProblem(N_("The article's text is empty."))
    words = len(text.split())
    if words > MAX_WORDS:
        raise ImportProblem(
            N_("The article has %(count)s words; the limit is %(most)s."),
            count=words,
            most=MAX_WORDS,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_slug(slug: str) -> str:
    slug = slug.strip()
    if not SLUG_RE.fullmatch(slug) or len(slug) > MAX_SLUG:
        raise ImportProblem(
            N_(
                "The slug “%(slug)s” must be lowercase letters, digits and single hyphens, "
                "at most %(most)s characters."
            ),
            slug=slug,
            most=MAX_SLUG,
        )
    return slug


def import_article(
    title: str,
    text: str,
    *,
    slug: str | None = None,
    approve: bool = False,
    owner_id: int | None = None,
) -> ImportReport:
    """Store an article with its sentences, extracted facts and questions, and commit."""
    title, text = check_title(title), check_text(text)
    slug = _check_slug(slug) if slug is not None else None
    with unit_of_work():
        existing = _existing(
            slug or make_slug(title), explicit=slug is not None, title=title, owner_id=owner_id
        )
        if existing is not None:
            existing.title = title
            report = _apply_text(existing, text, approve)
        else:
            article = Article(
                slug=slug or free_slug(make_slug(title)),
                title=title,
                body=text,
                origin=Origin.EXTRACTED,
                owner_id=owner_id,
            )
            db.session.add(article)
            db.session.flush()
            report = _apply_text(article, text, approve)
            report.created = True
    return _counted(report)


def _existing(slug: str, *, explicit: bool, title: str, owner_id: int | None) -> Article | None:
    """Return the article a re-import updates, or None for a new one (raise if not allowed)."""
    article = db.session.scalar(select(Article).where(Article.slug == slug))
    if article is None:
        return None
    same = article.origin == Origin.EXTRACTED and article.owner_id == owner_id
    if not explicit:
        # A title-made slug updates only the same owner's import of the same title.
        return article if same and article.title == title else None
    if article.origin != Origin.EXTRACTED:
        raise ImportProblem(
            N_(
                "The slug “%(slug)s” belongs to an article that was not imported from text; "
                "choose another slug."
            ),
            slug=slug,
        )
    if article.owner_id != owner_id:
        raise ImportProblem(
            N_("The slug “%(slug)s” is already used by another teacher's article."), slug=slug
        )
    return article


def update_article_text(article: Article, text: str, *, approve: bool = False) -> ImportReport:
    """Replace an article's text, regenerating only what changed, and commit."""
    text = check_text(text)
    with unit_of_work():
        report = _apply_text(article, text, approve)
    return _counted(report)


def _apply_text(article: Article, text: str, approve: bool) -> ImportReport:
    """Bring sentences, extracted facts and questions in step with the new text (no commit)."""
    report = ImportReport(article=article)
    article.body = text
    sentences = list(dict.fromkeys(split_sentences(text)))
    if not sentences:
        raise ImportProblem(N_("The article's text has no sentences."))
    rows = _sync_sentences(article, sentences)
    report.sentences = len(sentences)
    _sync_facts(article, extract_from_sentences(sentences, article.title), rows, report)
    db.session.flush()
    db.session.expire(article, ["facts", "sentences"])
    synced = sync_questions(
        article, status=QuestionStatus.ACTIVE if approve else QuestionStatus.PROPOSED
    )
    report.questions_added = synced.added
    report.questions_retired = synced.retired
    report.questions_removed = synced.removed
    return report


LABEL_LENGTH = 200  # the longest fact label the database keeps


def _label(about: str) -> str:
    """Return a fact's label as stored: one too long is cut with "…", inside its quotation
    marks."""
    if len(about) <= LABEL_LENGTH:
        return about
    close = "”" if about.endswith("”") else ""
    return about[: LABEL_LENGTH - 1 - len(close)].rstrip() + "…" + close


def _sync_sentences(article: Article, sentences: list[str]) -> dict[str, Sentence]:
    """Keep the rows of unchanged sentences, add new ones, drop the rest; renumber."""
    rows = {row.text: row for row in article.sentences}
    for text, row in rows.items():
        if text not in sentences:
            db.session.delete(row)
    kept = [row for text, row in rows.items() if text in sentences]
    # Positions are unique per article: park the kept rows out of the way first.
    for n, row in enumerate(kept, start=1):
        row.position = -n
    db.session.flush()
    result = {}
    for position, text in enumerate(sentences, start=1):
        if text in rows:
            row = rows[text]
        else:
            row = Sentence(article_id=article.id, position=position, text=text)
            db.session.add(row)
        row.position = position
        result[text] = row
    db.session.flush()
    return result


def _sync_facts(article, facts, sentences: dict[str, Sentence], report: ImportReport) -> None:
    """Add new extracted facts, refresh changed ones, drop vanished ones; never a teacher's."""
    rows = {
        row.key: row
        for row in db.session.scalars(select(Fact).where(Fact.article_id == article.id))
    }
    wanted = {fact.key for fact in facts}
    for fact in facts:
        data = fact_to_dict(fact)
        row = rows.get(fact.key)
        sentence_id = sentences[fact.sentence].id
        if row is None:
            db.session.add(
                Fact(
                    article_id=article.id,
                    key=fact.key,
                    type=fact.type,
                    about=_label(fact.about),
                    sentence_id=sentence_id,
                    data=data,
                    origin=Origin.EXTRACTED,
                )
            )
            report.facts_added += 1
        elif row.origin == Origin.EXTRACTED and not row.edited and row.data != data:
            row.type, row.about, row.data = fact.type, _label(fact.about), data
            row.sentence_id = sentence_id
            report.facts_updated += 1
    for key, row in rows.items():
        if key not in wanted and row.origin == Origin.EXTRACTED and not row.edited:
            db.session.delete(row)
            report.facts_removed += 1


def _counted(report: ImportReport) -> ImportReport:
    counts = dict(
        db.session.execute(
            select(Question.status, func.count())
            .where(Question.article_id == report.article.id)
            .group_by(Question.status)
        ).all()
    )
    report.playable = counts.get(QuestionStatus.ACTIVE, 0)
    report.waiting = counts.get(QuestionStatus.PROPOSED, 0)
    return report
