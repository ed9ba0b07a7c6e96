"""Importing and exporting question banks: services, commands, round trips, playing imports."""

from pathlib import Path

import pytest
from sqlalchemy import select

from quiz.authoring.exchange import FORMATS, FormatError, export_questions, import_questions
from quiz.errors import Invalid
from quiz.storage.extensions import db
from quiz.storage.models import Article, Question

FILES = Path(__file__).parents[1] / "formats" / "files"

SAMPLE = {
    "gift": "::G:: Who flew first? {=Gagarin#Yes ~Titov ####Vostok 1, 1961.}\n\n"
    "Baikonur is in Kazakhstan. {T}\n\nTown? {=Baikonur =Leninsk}\n",
    "aiken": "Who flew first?\nA. Gagarin\nB. Titov\nANSWER: A\n\n"
    "Baikonur is in Kazakhstan.\nA. True\nB. False\nANSWER: A\n",
    "csv": "Question,Answer 1,Answer 2,Correct answer(s),Explanation\n"
    "Who flew first?,Gagarin,Titov,1,Vostok 1.\nTown?,Baikonur,,1,\n",
    "opentdb": '{"response_code": 0, "results": [{"type": "multiple", "difficulty": "easy",'
    ' "category": "Space", "question": "Who flew first?", "correct_answer": "Gagarin",'
    ' "incorrect_answers": ["Titov"]}]}',
}
BROKEN = {
    "gift": "Fine {=a ~b}\n\nBroken {=a ~b\n",
    "aiken": "Fine?\nA. a\nB. b\nANSWER: A\n\nBroken?\nA. a\nB. b\nANSWER: Q\n",
    "csv": "Question,Answer 1,Answer 2,Correct\nFine?,a,b,1\nBroken?,a,b,9\n",
    "opentdb": '{"results": [{"type": "multiple", "question": "Fine?", "correct_answer": "a",'
    ' "incorrect_answers": ["b"]},\n {"type": "riddle"}]}',
}


def rows(slug):
    article = db.session.scalar(select(Article).where(Article.slug == slug))
    if article is None:
        return []
    query = select(Question).where(Question.article_id == article.id).order_by(Question.id)
    return list(db.session.scalars(query))


def shape(question, *, ordered=True):
    """What a round trip must keep of a question."""
    options = [(o.text, o.correct) for o in question.options]
    return (
        question.kind,
        question.prompt,
        question.answer,
        options if ordered else sorted(options),
        question.data,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_creates_the_bank_and_a_second_import_adds_nothing(ctx, fmt):
    report = import_questions(SAMPLE[fmt].encode(), fmt, "space-bank", title="Space bank")
    assert report.added >= 1 and report.duplicates == 0
    article = report.article
    assert (article.slug, article.title, article.body) == ("space-bank", "Space bank", "")
    stored = rows("space-bank")
    assert all(q.origin == "import" and q.status == "active" for q in stored)
    again = import_questions(SAMPLE[fmt], fmt, "space-bank")
    assert (again.added, again.duplicates) == (0, report.added)
    assert len(rows("space-bank")) == report.added


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_broken_file_writes_nothing_and_names_its_line(ctx, fmt):
    with pytest.raises(FormatError) as caught:
        import_questions(BROKEN[fmt].encode(), fmt, "broken-bank")
    assert str(caught.value).startswith("line ")
    assert caught.value.problems[0].line > 1
    assert rows("broken-bank") == []


def test_imported_questions_keep_their_feedback_title_and_category(ctx):
    import_questions(SAMPLE["gift"], "gift", "feedback")
    first, truth, town = rows("feedback")
    assert first.title == "G" and first.explanation == "Vostok 1, 1961."
    assert [o.feedback for o in first.options] == ["Yes", None]
    assert truth.kind == "true_false" and [o.text for o in truth.options] == ["True", "False"]
    assert truth.explanation == "The right answer is True."
    assert (town.kind, town.answer, town.data) == (
        "short",
        "Baikonur",
        {"accepted": ["Baikonur", "Leninsk"]},
    )
    import_questions(SAMPLE["opentdb"], "opentdb", "trivia")
    (trivia,) = rows("trivia")
    assert (trivia.category, trivia.difficulty) == ("Space", "easy")


def test_feedback_of_the_right_answer_explains_when_there_is_no_general_feedback(ctx):
    import_questions("Who? {=Gagarin#He flew first. ~Titov}", "gift", "right-feedback")
    assert rows("right-feedback")[0].explanation == "He flew first."


@pytest.mark.parametrize("slug", ["", "Space Bank", "a" * 65, "x--y", "-x", "ü"])
def test_a_bad_slug_is_refused(ctx, slug):
    with pytest.raises(Invalid):
        import_questions(SAMPLE["gift"], "gift", slug)


def test_an_unknown_format_is_refused(ctx):
    with pytest.raises(Invalid):
        import_questions(SAMPLE["gift"], "docx", "bank")


ROUND_TRIP = {
    "gift": SAMPLE["gift"] + "\n// quiz: kind=year time_limit=20\nWhen? {=1961 ~1957}\n\n"
    "In {=1957 ~1961} Sputnik flew.\n\nRange? {#1950..1960}\n\nTol? {#1961:2}\n\n"
    "Part? {~%100%a ~%50%b#half}\n",
    "aiken": SAMPLE["aiken"],
    "csv": SAMPLE["csv"] + "Sky?,True,False,2,\n",
    "opentdb": SAMPLE["opentdb"],
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_gives_back_the_same_questions(ctx, fmt):
    import_questions(ROUND_TRIP[fmt], fmt, "before")
    article = db.session.scalar(select(Article).where(Article.slug == "before"))
    exported = export_questions(article, fmt)
    assert isinstance(exported, bytes)
    report = import_questions(exported, fmt, "after")
    before, after = rows("before"), rows("after")
    assert report.added == len(before) == len(after) and report.skipped == []
    ordered = fmt != "opentdb"  # Open Trivia DB lists the right answer apart from the others
    assert [shape(q, ordered=ordered) for q in after] == [shape(q, ordered=ordered) for q in before]
    keep = (
        (
            lambda q: (
                q.explanation,
                q.title,
                q.category,
                q.difficulty,
                q.time_limit,
                [o.feedback for o in q.options],
            )
        )
        if fmt == "gift"
        else (lambda q: (q.category, q.difficulty))
    )
    assert [keep(q) for q in after] == [keep(q) for q in before]


def test_every_generated_seed_question_travels_through_gift_unchanged(ctx):
    seed = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
    # No exchange format has a put-in-order question: those stay behind.
    before = [q for q in rows("baikonur") if q.status == "active" and q.kind != "order"]
    assert len(before) >= 25
    text = export_questions(seed, "gift")
    again = import_questions(text, "gift", "baikonur")
    assert (again.added, again.duplicates, again.skipped) == (0, len(before), [])
    copy = import_questions(text, "gift", "baikonur-copy")
    assert copy.added == len(before)
    after = rows("baikonur-copy")

    def full(q):
        return shape(q) + (q.explanation, q.time_limit, q.fingerprint)

    assert [full(q) for q in after] == [full(q) for q in before]
    assert {q.kind for q in after} >= {"year", "true_false", "cloze", "choice"}


# --- the commands --------------------------------------------------------------------------


def test_import_command_prints_what_it_added_and_skipped(runner, tmp_path):
    result = runner.invoke(
        args=[
            "import-questions",
            str(FILES / "moodle.gift"),
            "--format",
            "gift",
            "--article",
            "moodle",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "moodle: 6 added, 0 duplicates, 2 skipped" in result.output
    assert "line 31: an essay question" in result.output
    assert "line 34: a matching question" in result.output
    again = runner.invoke(
        args=[
            "import-questions",
            str(FILES / "moodle.gift"),
            "--format",
            "gift",
            "--article",
            "moodle",
        ]
    )
    assert "0 added, 6 duplicates" in again.output


@pytest.mark.parametrize(
    "data,fmt,words",
    [
        # A sheet named as GIFT: one description, which is no question.
        (b"Question,Answer 1,Answer 2\nWho?,Gagarin,Titov\n", "gift", "line 1: a description"),
        (b"", "gift", "file.txt is empty"),
        (b"// nothing but a comment\n", "gift", "holds no question to import"),
        (b'{"response_code": 0, "results": []}', "opentdb", "holds no question to import"),
    ],
)
def test_import_command_refuses_a_file_with_no_question_and_makes_no_article(
    runner, tmp_path, app, data, fmt, words
):
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    result = runner.invoke(
        args=["import-questions", str(path), "--format", fmt, "--article", "x", "--title", "X"]
    )
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and words in result.output
    assert "nothing was imported" in result.output and "added" not in result.output
    with app.app_context():
        assert db.session.scalar(select(Article).where(Article.slug == "x")) is None


def test_import_command_counts_one_duplicate_as_one(runner, tmp_path):
    path = tmp_path / "one.gift"
    path.write_text("Who flew first? {=Gagarin ~Titov}\n", encoding="utf-8")
    args = ["import-questions", str(path), "--format", "gift", "--article", "one"]
    assert "one: 1 added, 0 duplicates, 0 skipped" in runner.invoke(args=args).output
    again = runner.invoke(args=args)
    assert again.exit_code == 0 and "one: 0 added, 1 duplicate, 0 skipped" in again.output


def test_import_command_lists_every_problem_and_writes_nothing(runner, tmp_path, app):
    bad = tmp_path / "bad.gift"
    bad.write_text("A {=a ~b\n\nB {#x}\n\nC {=ok ~fine}\n", encoding="utf-8")
    result = runner.invoke(
        args=["import-questions", str(bad), "--format", "gift", "--article", "bad"]
    )
    assert result.exit_code == 1
    assert "nothing was imported" in result.output
    assert "bad.gift: line 1, column 3:" in result.output
    assert "bad.gift: line 3, column 5:" in result.output
    with app.app_context():
        assert rows("bad") == []


@pytest.mark.parametrize(
    "args,words",
    [
        (["--format", "docx", "--article", "x"], "Invalid value for '--format'"),
        (["--format", "gift", "--article", "Not A Slug"], "slug"),
        (["--format", "gift"], "Missing option '--article'"),
    ],
)
def test_import_command_refuses_bad_arguments(runner, tmp_path, args, words):
    path = tmp_path / "q.gift"
    path.write_text(SAMPLE["gift"], encoding="utf-8")
    result = runner.invoke(args=["import-questions", str(path), *args])
    assert result.exit_code != 0 and words in result.output


def test_import_command_refuses_a_missing_file(runner, tmp_path):
    result = runner.invoke(
        args=["import-questions", str(tmp_path / "nope.gift"), "--format", "gift", "--article", "x"]
    )
    assert result.exit_code == 2 and "does not exist" in result.output


def test_export_command_writes_stdout_or_a_file(runner, tmp_path):
    runner.invoke(
        args=[
            "import-questions",
            str(FILES / "moodle-aiken.txt"),
            "--format",
            "aiken",
            "--article",
            "aiken-bank",
        ]
    )
    result = runner.invoke(args=["export", "--format", "aiken", "--article", "aiken-bank"])
    assert result.exit_code == 0
    assert result.output.startswith("Which rocket carried Sputnik 1 into orbit?\nA. R-7")
    target = tmp_path / "out.json"
    result = runner.invoke(
        args=["export", "--format", "opentdb", "--article", "aiken-bank", "--output", str(target)]
    )
    assert result.exit_code == 0 and "Wrote" in result.output
    assert "В Казахстане" in target.read_text(encoding="utf-8")


def test_export_command_refuses_an_unknown_article_and_says_what_it_left_out(runner):
    result = runner.invoke(args=["export", "--format", "gift", "--article", "nope"])
    assert result.exit_code == 1 and "no article with the slug 'nope'" in result.output
    result = runner.invoke(args=["export", "--format", "aiken", "--article", "baikonur"])
    assert result.exit_code == 0 and "left out" in result.output


# --- imported files play through the API ---------------------------------------------------


def play_all(client, slug, pick):
    """Play a whole round of an article through the API, answering with pick(question)."""
    listed = {a["slug"]: a for a in client.get("/api/v1/articles").get_json()["articles"]}
    count = listed[slug]["question_count"]
    round_ = client.post(
        "/api/v1/rounds", json={"nickname": "Ada", "article": slug, "size": 50}
    ).get_json()
    headers = {"Authorization": f"Bearer {round_['token']}"}
    verdicts = {}
    while True:
        body = client.get(f"/api/v1/rounds/{round_['id']}/question", headers=headers).get_json()
        if body.get("finished"):
            break
        question = body["question"]
        response = client.post(
            f"/api/v1/rounds/{round_['id']}/answers",
            headers=headers,
            json={"question_id": question["id"], "answer": pick(question)},
        )
        assert response.status_code == 200, response.get_json()
        verdicts[question["prompt"]] = response.get_json()
    assert len(verdicts) == count
    return verdicts


RIGHT = {
    "Who was the first human in space?": "Yuri Gagarin",
    "In which year was Sputnik 1 launched?": "1957",
    "Baikonur lies in Kazakhstan.": "True",
    "Russia leases the cosmodrome from Kazakhstan until the year _____ .": "2050",
    "Name the town that serves the cosmodrome.": "leninsk",
    "Which of these launched from Baikonur?": "Vostok 1",
}


def test_a_moodle_gift_export_imports_and_plays(client, ctx):
    import_questions((FILES / "moodle.gift").read_bytes(), "gift", "moodle-gift")
    verdicts = play_all(client, "moodle-gift", lambda q: RIGHT[q["prompt"]])
    assert all(v["correct"] for v in verdicts.values())
    assert verdicts["Who was the first human in space?"]["explanation"] == (
        "Gagarin launched from Baikonur on 12 April 1961."
    )
    assert verdicts["In which year was Sputnik 1 launched?"]["explanation"] == (
        "Yes, on 4 October 1957."
    )


def test_partial_credit_scores_as_wrong(client, ctx):
    import_questions((FILES / "moodle.gift").read_bytes(), "gift", "moodle-partial")
    picks = dict(RIGHT, **{"Which of these launched from Baikonur?": "Soyuz MS-01 : crew"})
    verdicts = play_all(client, "moodle-partial", lambda q: picks[q["prompt"]])
    assert verdicts["Which of these launched from Baikonur?"]["correct"] is False


def test_a_moodle_aiken_file_imports_and_plays(client, ctx):
    import_questions((FILES / "moodle-aiken.txt").read_bytes(), "aiken", "moodle-aiken")
    right = {
        "Which rocket carried Sputnik 1 into orbit?": "R-7 Semyorka",
        "Где находится космодром Байконур?": "В Казахстане",
        "Baikonur was founded in 1955.": "True",
    }
    verdicts = play_all(client, "moodle-aiken", lambda q: right[q["prompt"]])
    assert all(v["correct"] for v in verdicts.values())
    assert verdicts["Baikonur was founded in 1955."]["explanation"] == "The right answer is True."
