"""The `quiz` command starts without importing what it does not use, and --help says nothing
more than the help."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run the console script's main() with the given arguments in a fresh interpreter, then print
# which of the watched modules it had imported.
PROBE = """
import json, sys
from quiz.cli import main
watched = sys.argv[1].split(",")
sys.argv = ["quiz", *sys.argv[2:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
loaded = sorted(m for m in watched if m in sys.modules)
print("\\nLOADED " + json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""

DATABASE = ["sqlalchemy", "flask_sqlalchemy", "quiz.storage.extensions", "quiz.storage.models"]
WEB = [
    "alembic",
    "flask_migrate",
    "flask_limiter",
    "flask_login",
    "flask_wtf",
    "argon2",
    "quiz.play",
    "quiz.teach",
    "quiz.api",
]


def _probe(*args, watched, env=None, tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("QUIZ_")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(watched), *args],
        capture_output=True,
        text=True,
        env={**environ, "HOME": str(tmp_path), **(env or {})},
        cwd=tmp_path,
        timeout=120,
    )
    stderr, _, report = result.stderr.rpartition("\nLOADED ")
    return result.stdout, stderr, json.loads(report)


@pytest.mark.parametrize("args", [["--help"], ["export", "--help"], ["init", "--help"]])
def test_help_prints_no_warning_and_imports_no_database_or_pages(tmp_path, args):
    # No secret key anywhere yet: `quiz init` has not run.
    stdout, stderr, report = _probe(*args, watched=DATABASE + WEB, tmp_path=tmp_path)
    assert report == {"code": 0, "loaded": []}
    assert stderr.strip() == ""
    assert "Usage: quiz" in stdout


def test_help_lists_every_command_with_its_summary(tmp_path):
    stdout, _, _ = _probe("--help", watched=[], tmp_path=tmp_path)
    for name, words in [
        ("init", "Create or upgrade the database"),
        ("serve", "Serve the quiz"),
        ("export", "Export an article"),
        ("import-questions", "Import a GIFT"),
        ("backup", "Copy the SQLite database"),
        ("db", "Alembic"),
    ]:
        line = next((row for row in stdout.splitlines() if row.split()[:1] == [name]), "")
        assert words in line, stdout


def test_a_database_command_runs_without_the_pages(tmp_path, db_path):
    url = str(db_path) if "://" in str(db_path) else f"sqlite:///{db_path}"
    output = tmp_path / "out.gift"
    env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "k" * 32}
    args = ["export", "--format", "gift", "--article", "baikonur", "--output", str(output)]
    stdout, stderr, report = _probe(*args, watched=WEB, env=env, tmp_path=tmp_path)
    assert report == {"code": 0, "loaded": []}, stderr
    assert "What date does the article give" in output.read_text(encoding="utf-8")
    assert "Wrote" in stdout


def test_a_database_command_before_init_says_so_without_a_warning(tmp_path):
    env = {"QUIZ_DATABASE_URL": f"sqlite:///{tmp_path}/none.sqlite3"}
    args = ["export", "--format", "gift", "--article", "baikonur"]
    _, stderr, report = _probe(*args, watched=[], env=env, tmp_path=tmp_path)
    assert report["code"] == 1
    assert stderr.strip() == "Error: the database is not set up yet: run `quiz init` first"
    # Nor does it leave an empty database behind.
    assert not (tmp_path / "none.sqlite3").exists()


def test_export_reads_the_database_without_sqlalchemy_or_the_models(tmp_path, db_path):
    url = str(db_path) if "://" in str(db_path) else f"sqlite:///{db_path}"
    output = tmp_path / "out.gift"
    env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "k" * 32}
    args = ["export", "--format", "gift", "--article", "baikonur", "--output", str(output)]
    stdout, stderr, report = _probe(*args, watched=DATABASE + WEB, env=env, tmp_path=tmp_path)
    assert report == {"code": 0, "loaded": []}, stderr
    assert "What date does the article give" in output.read_text(encoding="utf-8")


def test_export_reads_a_url_with_connection_arguments_the_same(tmp_path, db_path):
    url = str(db_path) if "://" in str(db_path) else f"sqlite:///{db_path}"
    plain_env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "k" * 32}
    # libpq takes connection arguments as psycopg does; an SQLite URL with arguments is
    # left to SQLAlchemy's engine.
    postgresql = url.startswith("postgresql")
    argument = "connect_timeout=10" if postgresql else "timeout=10"
    engine_env = {**plain_env, "QUIZ_DATABASE_URL": f"{url}?{argument}"}
    written = []
    for env, loaded in [(plain_env, []), (engine_env, [] if postgresql else ["sqlalchemy"])]:
        output = tmp_path / f"out-{len(written)}.gift"
        args = ["export", "--format", "gift", "--article", "baikonur", "--output", str(output)]
        _, stderr, report = _probe(*args, watched=["sqlalchemy"], env=env, tmp_path=tmp_path)
        assert report == {"code": 0, "loaded": loaded}, stderr
        written.append(output.read_bytes())
    assert written[0] == written[1]


def test_export_says_when_it_cannot_reach_the_database(tmp_path):
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    # Nothing listens on port 1.
    env = {"QUIZ_DATABASE_URL": "postgresql+psycopg://quiz@127.0.0.1:1/none"}
    args = ["export", "--format", "gift", "--article", "baikonur"]
    _, stderr, report = _probe(*args, watched=[], env=env, tmp_path=tmp_path)
    assert report["code"] == 1
    assert stderr.startswith("Error: cannot open the database: ") and "Traceback" not in stderr


def test_the_migration_commands_still_come_from_the_app(tmp_path):
    env = {"QUIZ_DATABASE_URL": f"sqlite:///{tmp_path}/none.sqlite3", "QUIZ_SECRET_KEY": "k" * 32}
    stdout, stderr, report = _probe("db", "--help", watched=[], env=env, tmp_path=tmp_path)
    assert report["code"] == 0, stderr
    assert "upgrade" in stdout and "downgrade" in stdout


COMMANDS_ON_THE_DATABASE = [
    ["init"],
    ["generate"],
    ["seed", str(ROOT / "seed")],
    ["create-teacher", "ms-frizzle"],
    ["import-article", str(ROOT / "seed" / "baikonur-article.txt"), "--title", "Baikonur"],
    ["export", "--format", "gift", "--article", "baikonur"],
    ["serve", "--port", "1"],
]


def _bad_urls():
    urls = [
        ("nonsense", "QUIZ_DATABASE_URL 'nonsense' is not a database URL: use sqlite:///"),
        ("mysql://quiz@db/quiz", "mysql databases are not supported: use sqlite:///"),
        ("postgresql://quiz@db/quiz", "write postgresql+psycopg://"),
        ("sqlite:////nonexistent/folder/quiz.sqlite3", "the folder /nonexistent/folder of"),
    ]
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return urls
    # Nothing listens on port 1; the password is never shown.
    refused = "postgresql+psycopg://quiz:secret@127.0.0.1:1/none"
    return [*urls, (refused, "cannot open the database: connection")]


def _cases():
    """Each bad URL with a command on SQLAlchemy and with `quiz export` (on the driver alone);
    each command with a URL of each kind of failure: unsupported, no folder, no server."""
    urls = _bad_urls()
    for url, words in urls:
        for args in (["generate"], COMMANDS_ON_THE_DATABASE[-2]):
            yield pytest.param(url, words, args, id=f"{args[0]}-{url}")
    for args in COMMANDS_ON_THE_DATABASE:
        if args[0] not in ("generate", "export"):
            for url, words in (urls[1], urls[3], urls[-1]):
                yield pytest.param(url, words, args, id=f"{args[0]}-{url}")


@pytest.mark.parametrize("url,words,args", list(_cases()))
def test_a_database_that_cannot_be_opened_is_one_clear_line(tmp_path, url, words, args):
    env = {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "k" * 32}
    stdout, stderr, report = _probe(*args, watched=[], env=env, tmp_path=tmp_path)
    assert report["code"] == 1, stderr
    assert stderr.startswith("Error: ") and len(stderr.splitlines()) == 1, stderr
    assert words in stderr and "secret" not in stderr
    # `quiz serve` says nothing of running.
    assert stdout == ""


@pytest.mark.parametrize("args", COMMANDS_ON_THE_DATABASE[1:], ids=lambda args: args[0])
def test_a_database_file_that_is_not_there_is_not_made_by_a_command(tmp_path, args):
    database = tmp_path / "none.sqlite3"
    env = {"QUIZ_DATABASE_URL": f"sqlite:///{database}", "QUIZ_SECRET_KEY": "k" * 32}
    _, stderr, report = _probe(*args, watched=[], env=env, tmp_path=tmp_path)
    assert report["code"] == 1
    assert stderr.strip() == "Error: the database is not set up yet: run `quiz init` first"
    assert not database.exists()
