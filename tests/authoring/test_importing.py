"""Importing articles: reading files, storing sentences, facts and questions, editing text."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz.authoring.importing import (
    ImportProblem,
    html_to_text,
    import_article,
    make_slug,
    read_upload,
    update_article_text,
)
from quiz.facts import split_sentences
from quiz.rules import MAX_SLUG
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Article, Fact, Question, Round, Sentence

NEWS = (Path(__file__).parents[1] / "heldout" / "news-bridge.txt").read_text(encoding="utf-8")


def _count(model, **where):
    query = select(func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db.session.scalar(query)


def _questions(article, status=None):
    query = select(Question).where(Question.article_id == article.id)
    if status:
        query = query.where(Question.status == status)
    return list(db.session.scalars(query))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"%PDF-1.4", "only .txt, .md, .html"),
        ("a", b"text", "only .txt, .md, .html"),
        ("a.txt", b"", "empty"),
        ("a.txt", b"  \n\t ", "empty"),
        ("a.txt", b"abc\x00def", "binary"),
        ("a.txt", bytes(range(1, 9)) * 40, "binary"),
        ("a.txt", b"x" * 2048, "limit is 1 KiB"),
        ("a.txt", b"ok\n\x81\x8d\x8f\x90\x9d", "line 2: not UTF-8"),
        ("a.html", b"<script>alert(1)</script><style>p{}</style>", "no text"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(name, data, message):
    with pytest.raises(ImportProblem, match=message):
        read_upload(name, data, max_bytes=1024)


def test_uploads_decode_utf8_with_bom_and_clear_cp1252():
    assert read_upload("a.txt", "\ufeffCafé opened.".encode()) == "Café opened."
    assert (
        read_upload("a.md", "Caf\u00e9 \u201cnew\u201d opened.".encode("cp1252"))
        == "Café “new” opened."
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_uploads_with_a_byte_order_mark_are_read_as_their_text(encoding):
    # Notepad's "Unicode" is UTF-16 LE with its byte-order mark.
    text = "Ещё café naïve: Yuri Gagarin flew in 1961.\nThe second line."
    data = ("\ufeff" if encoding in ("utf-16-le", "utf-16-be") else "") + text
    assert read_upload("a.txt", data.encode(encoding)) == text
    page = data.replace(text, f"<p>{text}</p>")
    assert "Ещё café naïve: Yuri Gagarin" in read_upload("a.html", page.encode(encoding))


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + bytes(range(256)) * 8,  # begins like UTF-16 LE, then anything
        b"\xfe\xff\x00\x00\x00\x01\x00\x02" * 40,  # UTF-16 BE of control characters
        b"\xff\xfe\x00",  # cut short
    ],
)
def test_bytes_that_only_begin_like_a_byte_order_mark_are_refused_as_binary(data):
    with pytest.raises(ImportProblem, match="binary"):
        read_upload("a.txt", data)


def test_html_is_reduced_to_its_text():
    markup = (
        "<html><head><title>T</title><script>var x = '<p>no</p>';</script></head>"
        "<body><h1>Bridge opens</h1><p>It cost 5 &euro; &amp; more.<br>Next line</p>"
        "<style>p { color: red }</style><ul><li>One</li><li>Two &lt;b&gt;</li></ul>"
    )
    assert html_to_text(markup) == (
        "Bridge opens\n\nIt cost 5 € & more.\n\nNext line\n\nOne\n\nTwo <b>"
    )
    assert "no" not in read_upload("a.htm", markup.encode()).split()


def test_the_site_around_an_article_is_left_out():
    markup = (
        "<body><nav>Home | About</nav><header><h1>Voyager 2</h1></header>"
        "<main><p>Voyager 2 was launched in 1977.</p><aside>Related: Voyager 1</aside>"
        "<form><button>Subscribe</button></form></main><footer>© 2024 Example</footer></body>"
    )
    assert html_to_text(markup) == "Voyager 2\n\nVoyager 2 was launched in 1977."


def test_a_tables_cells_and_note_marks_glue_no_words_into_a_sentence():
    markup = (
        "<p>Canberra is the capital of Australia.<sup>[1]</sup></p>"
        "<table><tr><th>Population</th><td>453,558</td></tr></table>"
    )
    text = html_to_text(markup)
    assert "Population453,558" not in text
    assert split_sentences(text) == [
        "Canberra is the capital of Australia.",
        "Population",
        "453,558",
    ]


def test_slugs_are_ascii_lowercase_hyphens():
    assert make_slug("Åbo Akademi: 100 years!") == "abo-akademi-100-years"
    # Titles in Russian and Kazakh are transliterated: two articles keep two addresses.
    assert make_slug("Космодром Байконур") == "kosmodrom-baikonur"
    assert make_slug("Қазақстан тарихы") == "kazakstan-tarikhy"
    assert make_slug("!!!") == "article"
    assert len(make_slug("Космодром " * 20)) <= MAX_SLUG - 8


def test_import_stores_sentences_once_facts_and_proposed_questions(ctx):
    text = NEWS + "\n\nConstruction began in 2021.\n"
    report = import_article("New bridge", text, owner_id=None)
    article = report.article
    assert (article.slug, article.origin, report.created) == ("new-bridge", "extracted", True)
    sentences = [s.text for s in article.sentences]
    assert sentences.count("Construction began in 2021.") == 1
    assert report.sentences == len(sentences)
    facts = db.session.scalars(select(Fact).where(Fact.article_id == article.id)).all()
    assert len(facts) == report.facts_added >= 10
    assert all(f.origin == "extracted" and f.sentence_id is not None for f in facts)
    assert all(f.sentence.text == f.data["sentence"] for f in facts)
    proposed = _questions(article, "proposed")
    assert len(proposed) == report.questions_added == report.waiting >= 8
    assert report.playable == 0
    assert all(q.sentence_id is not None or q.kind in ("first", "number") for q in proposed)


def test_a_long_facts_label_is_cut_with_an_ellipsis_inside_its_quotation_marks(ctx):
    long = (
        "The Brooklyn Bridge, a hybrid cable-stayed and suspension bridge spanning the East "
        "River between the boroughs of Manhattan and Brooklyn in New York City, which was "
        "designed by John Augustus Roebling and carried horse-drawn traffic, was finished in "
        "1883."
    )
    report = import_article("Brooklyn Bridge", long, owner_id=None)
    facts = db.session.scalars(select(Fact).where(Fact.article_id == report.article.id)).all()
    cut = [f.about for f in facts if len(f.data["about"]) > 200]
    assert cut
    for about in cut:
        assert len(about) <= 200 and about.startswith("“") and about.endswith("…”"), about


def test_the_title_beside_the_text_says_whom_its_pronouns_mean(ctx):
    # A teacher types the title in its own field and pastes the text without it.
    text = (
        "Grace Brewster Hopper was an American computer scientist and a rear admiral. "
        "In 1949 she joined the Eckert–Mauchly Computer Corporation, led by John Mauchly. "
        "She retired from the Navy in 1986."
    )
    prompts = " ".join(q.prompt for q in _questions(import_article("Grace Hopper", text).article))
    assert "Grace Hopper retired from the Navy" in prompts
    assert "She retired" not in prompts and "she joined" not in prompts


def test_approve_makes_questions_playable(ctx):
    report = import_article("New bridge", NEWS, approve=True)
    assert report.playable == report.questions_added >= 8 and report.waiting == 0


def test_title_slug_is_made_unique_for_a_different_title(ctx):
    first = import_article("Bridge", NEWS).article
    other = import_article("Bridge!", "A short note on 2 June 1955 about it.").article
    assert (first.slug, other.slug) == ("bridge", "bridge-2")


@pytest.mark.parametrize(
    ("title", "text", "slug", "message"),
    [
        ("", NEWS, None, "title is empty"),
        ("   ", NEWS, None, "title is empty"),
        ("x" * 201, NEWS, None, "limit is 200"),
        ("Fine", "", None, "text is empty"),
        ("Fine", " \n ", None, "text is empty"),
        ("Fine", "word " * 20_001, None, "limit is 20,000"),
        ("Fine", NEWS, "Bad Slug", "lowercase letters"),
        ("Fine", NEWS, "baikonur", "not imported from text"),
    ],
)
def test_bad_imports_write_nothing(ctx, title, text, slug, message):
    before = [_count(model) for model in (Article, Sentence, Fact, Question)]
    with pytest.raises(ImportProblem, match=message):
        import_article(title, text, slug=slug)
    db.session.rollback()
    assert [_count(model) for model in (Article, Sentence, Fact, Question)] == before


def test_another_owners_slug_is_refused(ctx):
    import_article("Bridge", NEWS, slug="bridge", owner_id=None)
    with pytest.raises(ImportProblem, match="another teacher"):
        import_article("Bridge", NEWS, slug="bridge", owner_id=12345)


def test_reimport_to_the_same_slug_updates_instead_of_failing(ctx):
    first = import_article("Bridge", NEWS, slug="bridge")
    again = import_article("Bridge", NEWS + "\nHeavy snow closed the roads in 1929.", slug="bridge")
    assert again.article.id == first.article.id and not again.created
    assert again.questions_added > 0 and again.facts_added >= 1
    assert _count(Article, slug="bridge") == 1


def _answer(question):
    round_ = Round(
        token_hash=f"h{question.id}", article_id=question.article_id, nickname="a", size=1
    )
    db.session.add(round_)
    db.session.flush()
    db.session.add(
        Answer(
            round_id=round_.id,
            question_id=question.id,
            given=question.answer,
            correct=True,
            points=1000,
            elapsed_ms=1,
        )
    )
    db.session.commit()


def test_editing_regenerates_only_what_changed(ctx):
    article = import_article("Bridge", NEWS, approve=True).article
    sentence_rows = {s.text: s.id for s in article.sentences}
    questions = _questions(article)
    # The answered question's sentence goes; the rejected one's and the edited fact's stay.
    answered = next(q for q in questions if q.explanation.startswith("Cyclists get"))
    rejected = next(q for q in questions if q.explanation.startswith("Construction began"))
    rejected.status = "rejected"
    db.session.commit()
    _answer(answered)
    edited = db.session.scalar(
        select(Fact).where(Fact.article_id == article.id, Fact.data["text"].as_string() == "2019")
    )
    edited.edited, edited.about = True, "the teacher's words"
    edited_data = dict(edited.data)
    untouched = {
        f.key: f.id
        for f in db.session.scalars(select(Fact).where(Fact.article_id == article.id))
        if "Cyclists" not in f.data["sentence"]
    }
    db.session.commit()

    new_text = NEWS.replace(
        "Cyclists get a separate lane that is 3.5 metres wide.",
        "Heavy snow closed the roads in 1929.",
    )
    report = update_article_text(article, new_text)

    after = {s.text: s.id for s in article.sentences}
    assert all(after[text] == sentence_rows[text] for text in after if text in sentence_rows)
    assert "Heavy snow closed the roads in 1929." in after and len(after) == len(sentence_rows)
    assert (report.facts_added, report.facts_removed, report.facts_updated) == (1, 1, 0)
    kept = {f.key: f for f in db.session.scalars(select(Fact).where(Fact.article_id == article.id))}
    assert all(kept[key].id == fact_id for key, fact_id in untouched.items())
    assert kept[edited.key].data == edited_data and kept[edited.key].about == "the teacher's words"
    assert db.session.get(Question, rejected.id).status == "rejected"
    stored = db.session.get(Question, answered.id)
    assert (stored.prompt, stored.status) == (answered.prompt, "retired")
    new = _questions(article, "proposed")
    assert new and all("1929" in q.explanation for q in new), [q.prompt for q in new]
    assert [q.id for q in _questions(article) if q.fingerprint == rejected.fingerprint] == [
        rejected.id
    ]


def test_editing_with_the_same_text_changes_nothing(ctx):
    article = import_article("Bridge", NEWS).article
    before = sorted((q.id, q.status) for q in _questions(article))
    report = update_article_text(article, NEWS)
    assert (report.facts_added, report.facts_removed, report.questions_added) == (0, 0, 0)
    assert sorted((q.id, q.status) for q in _questions(article)) == before


def test_editing_to_empty_text_is_refused(ctx):
    article = import_article("Bridge", NEWS).article
    with pytest.raises(ImportProblem, match="empty"):
        update_article_text(article, "  ")
    db.session.rollback()
    assert db.session.get(Article, article.id).body == NEWS


# --- the command line ------------------------------------------------------------------------


def _article_count(app):
    with app.app_context():
        return _count(Article)


def test_cli_imports_an_approved_article(app, runner, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    result = runner.invoke(args=["import-article", str(path), "--title", "New bridge", "--approve"])
    assert result.exit_code == 0, result.output
    assert "Imported 'new-bridge'" in result.output
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "new-bridge"))
        playable = _questions(article, "active")
    assert len(playable) >= 8
    assert f"Playable: {len(playable)}; waiting for review: 0." in result.output


def test_cli_counts_one_sentence_as_one(runner, tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Yuri Gagarin flew into space in 1961.\n", encoding="utf-8")
    result = runner.invoke(args=["import-article", str(path), "--title", "Gagarin"])
    assert result.exit_code == 0, result.output
    assert "Imported 'gagarin': 1 sentence; facts added:" in result.output


def test_cli_without_approve_leaves_questions_for_review(app, runner, tmp_path):
    path = tmp_path / "news.md"
    path.write_text(NEWS, encoding="utf-8")
    result = runner.invoke(
        args=["import-article", str(path), "--title", "Bridge", "--slug", "my-bridge"]
    )
    assert result.exit_code == 0, result.output
    assert "Playable: 0; waiting for review:" in result.output


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "cannot read"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02abc", "binary"),
        ("big.txt", b"word " * 110_000, "limit is 512 KiB"),
        ("latin.txt", b"\xff\xfe\x00\x00\x81", "binary"),
        ("bad.txt", b"fine\n\x81\x8d\x8f", "line 2: not UTF-8"),
        ("paper.pdf", b"%PDF-1.4", "only .txt"),
    ],
)
def test_cli_refuses_bad_files_and_writes_nothing(app, runner, tmp_path, name, data, message):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    before = _article_count(app)
    result = runner.invoke(args=["import-article", str(path), "--title", "T"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _article_count(app) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", ""], "title is empty"),
        (["--title", "T", "--slug", "Not A Slug"], "lowercase letters"),
        (["--title", "T", "--slug", "baikonur"], "not imported from text"),
    ],
)
def test_cli_refuses_bad_arguments_and_writes_nothing(app, runner, tmp_path, args, message):
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    before = _article_count(app)
    result = runner.invoke(args=["import-article", str(path), *args])
    assert result.exit_code == 1 and message in result.output
    assert _article_count(app) == before


def test_cli_needs_a_title_and_a_file(runner, tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    assert runner.invoke(args=["import-article", str(path)]).exit_code == 2
    assert runner.invoke(args=["import-article", "--title", "T"]).exit_code == 2
    assert runner.invoke(args=["import-article", str(tmp_path), "--title", "T"]).exit_code == 2


def test_markdown_is_read_without_its_marks():
    source = (
        "# The Station\n\nThe **International Space Station** is in orbit.\n\n"
        "## Key facts\n\n- It was launched in 1998.\n- It orbits [Earth](https://x.y).\n"
    )
    assert read_upload("iss.md", source.encode()) == (
        "The Station\n\nThe International Space Station is in orbit.\n\nKey facts\n\n"
        "It was launched in 1998.\n\nIt orbits Earth."
    )


def test_a_question_is_filed_under_its_own_sentence_not_the_title_line(ctx):
    text = (
        "Lake Baikal\n\nLake Baikal is a rift lake in southern Siberia, Russia. Lake Baikal is "
        "the deepest lake in the world, with a maximum depth of 1,642 metres."
    )
    report = import_article("Lake Baikal", text, owner_id=None)
    questions = _questions(report.article, "proposed")
    assert questions
    texts = {s.id: s.text for s in report.article.sentences}
    for q in questions:
        if q.sentence_id is not None:
            assert texts[q.sentence_id] != "Lake Baikal", q.prompt
            assert q.explanation.startswith(texts[q.sentence_id])
