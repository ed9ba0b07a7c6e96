"""Command line: `quiz init`, `quiz serve`, `quiz generate` (also under `flask --app quiz`).

Each command imports what it uses inside itself, so that `quiz --help` imports little more
than Flask, and the commands that only touch the database never import the pages; `quiz
export` reads its database without SQLAlchemy (quiz.storage.plain).
"""

from __future__ import annotations

import os
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from quiz import config
from quiz.formats import FORMATS, Item
from quiz.paths import migrations_dir, seed_dir
from quiz.storage.opening import NOT_SET_UP

if TYPE_CHECKING:
    from quiz.authoring.seeding import SeedReport


# What each of FORMATS is called in messages.
FORMAT_NAMES = {"gift": "GIFT", "aiken": "Aiken", "csv": "CSV", "opentdb": "Open Trivia DB"}


def register(app: Flask) -> None:
    """Add the project's commands to the app's CLI."""
    for command in COMMANDS:
        app.cli.add_command(command)


@click.command("init")
@click.option(
    "--seed",
    "seed_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of seed files (default: the project's seed/).",
)
@with_appcontext
def init_command(seed_path: Path | None) -> None:
    """Create or upgrade the database, load the seed files and generate questions."""
    from flask_migrate import upgrade

    from quiz import init_migrations

    init_migrations(current_app)
    _open_database(create=True)
    instance = Path(current_app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("QUIZ_SECRET_KEY") and config.write_secret_key(instance):
        click.echo(f"Wrote a new secret key to {instance / config.SECRET_KEY_FILE}")
    upgrade(directory=str(migrations_dir()))
    report = _seed(seed_path or seed_dir())
    click.echo(f"Database ready. {_seed_summary(report)}")


@click.command("seed")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@with_appcontext
def seed_command(path: Path) -> None:
    """Load an article with its facts (and templates) from a seed file or folder."""
    _require_schema()
    click.echo(_seed_summary(_seed(path)))


def _seed(path: Path) -> SeedReport:
    from quiz.authoring import seeding
    from quiz.facts import SeedFileError

    try:
        return seeding.seed(path)
    except SeedFileError as exc:
        _fail("the seed files have errors; nothing was loaded:\n" + str(exc))


def _seed_summary(report: SeedReport) -> str:
    return (
        f"Articles added: {len(report.articles_added)}; "
        f"facts added: {report.facts_added}, updated: {report.facts_updated}; "
        f"templates added: {report.templates_added}, updated: {report.templates_updated}; "
        f"questions added: {report.questions_added}."
    )


@click.command("create-teacher")
@click.argument("name")
@with_appcontext
def create_teacher_command(name: str) -> None:
    """Create a teacher account; the password comes from a prompt or standard input."""
    from quiz.accounts import auth

    _require_schema()
    if sys.stdin.isatty():
        password = click.prompt(
            "Password (at least 8 characters)", hide_input=True, confirmation_prompt=True
        )
    else:
        # Scripts pipe it in: `printf '%s\n' "$PASSWORD" | quiz create-teacher NAME`.
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        auth.create_teacher(name, password)
    except ValueError as exc:
        _fail(str(exc))
    click.echo(f"Teacher {name.strip()!r} created. Log in at /teach/login.")


@click.command("generate")
@click.option("--article", "slug", help="Only this article (by slug).")
@with_appcontext
def generate_command(slug: str | None) -> None:
    """Regenerate questions after facts or templates change, keeping answered ones."""
    from sqlalchemy import select

    from quiz.storage.extensions import db
    from quiz.storage.models import Article

    _require_schema()
    if slug and db.session.scalar(select(Article.id).where(Article.slug == slug)) is None:
        _fail(f"no article with the slug {slug!r}")
    counts = _sync_all(slug, verbose=True)
    click.echo(f"Done: {_count(sum(counts.values()), 'question')} added.")


def _sync_all(slug: str | None = None, verbose: bool = False) -> dict[str, int]:
    from quiz.authoring.questions import regenerate

    added = {}
    for article_slug, report in regenerate(slug):
        added[article_slug] = report.added
        if verbose:
            click.echo(
                f"{article_slug}: {report.added} added, {report.kept} kept, "
                f"{report.retired} retired, {report.removed} removed"
            )
    return added


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (gunicorn) or threads (waitress).",
)
@click.option(
    "--threads",
    default=256,
    show_default=True,
    envvar="QUIZ_SERVE_THREADS",
    type=click.IntRange(1, 4096),
    help="Threads per worker (gunicorn): each open live-game event stream holds one.",
)
@click.option("--access-log", is_flag=True, help="Print a line for every request (gunicorn).")
@with_appcontext
def serve_command(host: str, port: int, workers: int, threads: int, access_log: bool) -> None:
    """Serve the quiz with a production WSGI server (gunicorn; waitress on Windows)."""
    import contextvars

    from quiz.serving import listen_problem, run
    from quiz.storage.extensions import db

    _require_schema()
    problem = listen_problem(host, port)
    if problem is not None:
        _fail(problem)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown  # an IPv6 address in a URL
    click.echo(f"Baikonur Quiz is running: open http://{shown}:{port}/  (Ctrl+C stops it)")

    # Forked workers must not share the connections the checks above opened.
    db.engine.dispose()
    # Serve from a context where no application context is active, so that every request
    # pushes its own and its database session ends with it. Forked from inside the command's
    # context, a worker would keep one session, and its stale read snapshot, for its lifetime.
    # current_app is typed as the Flask app it stands for, not as the proxy it is.
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    contextvars.Context().run(run, app, host, port, workers, access_log, threads)


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """Copy the SQLite database, even while the server runs, into a new checked file."""
    from quiz.storage.backup import BackupError, backup_sqlite, sqlite_file
    from quiz.storage.extensions import db

    try:
        backup_sqlite(sqlite_file(db.engine), path)
    except BackupError as exc:
        _fail(str(exc))
    click.echo(f"Backed up the database to {path} (integrity check: ok)")


@click.command("import-questions")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS), help="File format.")
@click.option("--article", "slug", required=True, help="Article (slug) whose bank they join.")
@click.option("--title", help="Title for the article, if it has to be created.")
@with_appcontext
def import_questions_command(file: Path, fmt: str, slug: str, title: str | None) -> None:
    """Import a GIFT, Aiken, CSV or Open Trivia DB file into an article's question bank."""
    from quiz.authoring.exchange import FormatError, NothingToImport, import_questions
    from quiz.errors import QuizError

    _require_schema()
    try:
        data = file.read_bytes()
    except OSError as exc:
        _fail(f"cannot read {file}: {exc.strerror}")
    try:
        report = import_questions(data, fmt, slug, title=title)
    except NothingToImport as exc:
        if not data.strip():
            _fail(f"{file.name} is empty; nothing was imported.")
        reasons = "".join(f"\n{file.name}: {problem}" for problem in exc.problems)
        _fail(
            f"{file.name} holds no question to import (is it a {FORMAT_NAMES[fmt]} file?); "
            "nothing was imported" + (f":{reasons}" if reasons else ".")
        )
    except FormatError as exc:
        problems = "\n".join(f"{file.name}: {problem}" for problem in exc.problems)
        _fail(f"the file has problems; nothing was imported:\n{problems}")
    except QuizError as exc:
        _fail(exc.message)
    click.echo(
        f"{report.article.slug}: {report.added} added, "
        f"{_count(report.duplicates, 'duplicate')}, {len(report.skipped)} skipped"
    )
    for line, reason in report.skipped:
        click.echo(f"  skipped {file.name}: line {line}: {reason}")


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS), help="File format.")
@click.option("--article", "slug", required=True, help="Article (slug) to export.")
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout)."
)
@with_appcontext
def export_command(fmt: str, slug: str, output: Path | None) -> None:
    """Export an article's playable questions as GIFT, Aiken, CSV or Open Trivia DB JSON."""
    from quiz.authoring import exported
    from quiz.storage import opening, plain

    # Straight on the driver: SQLAlchemy and the models take longer to import than this runs.
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        opening.check_url(url)
        with plain.open_plain(url, current_app.instance_path) as opened:
            if opened is None:
                items = _export_read_with_sqlalchemy(slug)
            elif not plain.has_table(opened, "article"):
                _fail(NOT_SET_UP)
            else:
                items = exported.read_items(opened.connection, opened.paramstyle, slug)
    except config.ConfigError as exc:
        _fail(str(exc))
    except plain.NotSetUp as exc:  # no such file: its path
        _fail(opening.missing_folder(str(exc)) or NOT_SET_UP)
    except plain.CannotOpen as exc:
        _fail(opening.cannot_open(exc))
    if items is None:
        _fail(f"no article with the slug {slug!r}")
    data, left_out = exported.write(items, fmt)
    for prompt, reason in left_out:
        click.echo(f"left out {prompt[:60]!r}: {reason}", err=True)
    if output is None:
        click.echo(data, nl=False)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")
    click.echo(f"Wrote {output}")


def _export_read_with_sqlalchemy(slug: str) -> list[Item] | None:
    """Read the questions to export through the app's engine, for a URL left to SQLAlchemy."""
    from quiz import init_database
    from quiz.authoring.exported import read_in_session

    # The app was built without its database, since a plain connection was expected.
    if "sqlalchemy" not in current_app.extensions:
        # Bound to the app itself: current_app is the proxy of it.
        init_database(current_app._get_current_object())  # type: ignore[attr-defined]
    _require_schema()
    return read_in_session(slug)


@click.command("import-article")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The article's title.")
@click.option("--slug", help="Its address name (default: made from the title).")
@click.option("--approve", is_flag=True, help="Make the questions playable at once.")
@with_appcontext
def import_article_command(file: Path, title: str, slug: str | None, approve: bool) -> None:
    """Import an article from a .txt, .md or .html file and generate its questions."""
    from quiz.authoring import importing

    _require_schema()
    try:
        with file.open("rb") as handle:
            data = handle.read(importing.MAX_BYTES + 1)
    except OSError as exc:
        _fail(f"cannot read {str(file)!r}: {exc.strerror or exc}")
    try:
        text = importing.read_upload(file.name, data)
        report = importing.import_article(title, text, slug=slug, approve=approve)
    except importing.ImportProblem as exc:
        _fail(str(exc))
    verb = "Imported" if report.created else "Updated"
    click.echo(
        f"{verb} {report.article.slug!r}: {_count(report.sentences, 'sentence')}; facts added: "
        f"{report.facts_added}, updated: {report.facts_updated}, removed: "
        f"{report.facts_removed}; questions added: {report.questions_added}. "
        f"Playable: {report.playable}; waiting for review: {report.waiting}."
    )


def _require_schema() -> None:
    """Stop, saying why in one line, unless the database opens and `quiz init` has set it up."""
    _open_database(create=False)


def _open_database(*, create: bool) -> None:
    """Check that the app's database opens; unless create, that it exists and is set up.

    Nothing is created on the way: opening an SQLite file that is not there would make an
    empty one.
    """
    from sqlalchemy import exc, inspect

    from quiz.storage import opening
    from quiz.storage.extensions import db

    path = opening.sqlite_file(db.engine.url)
    if path is not None:
        problem = opening.missing_folder(path)
        if problem is not None:
            _fail(problem)
        if not create and not os.path.isfile(path):
            _fail(NOT_SET_UP)
    try:
        with db.engine.connect() as connection:
            set_up = inspect(connection).has_table("article")
    except exc.DBAPIError as error:
        _fail(opening.cannot_open(error))
    if not (create or set_up):
        _fail(NOT_SET_UP)


def _count(number: int, noun: str) -> str:
    """Say how many of a thing there are: "1 sentence", "2 sentences"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _fail(message: str) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


COMMANDS = (
    init_command,
    serve_command,
    generate_command,
    seed_command,
    create_teacher_command,
    import_questions_command,
    export_command,
    import_article_command,
    backup_command,
)
# Commands that open the database themselves (quiz.storage.plain): their app has no engine.
PLAIN_COMMANDS = (export_command,)
# Commands of the app's extensions, which `quiz --help` lists without building the app.
EXTENSION_COMMANDS = {"db": "Migrate the database with Alembic (Flask-Migrate)."}


def _create_app() -> Flask:
    """Build the app a command runs in: without pages, unless the command serves them."""
    from quiz import create_app

    ctx = click.get_current_context(silent=True)
    command = ctx.command if ctx is not None else None
    database_only = command in COMMANDS and command is not serve_command
    return create_app(web=not database_only, database=command not in PLAIN_COMMANDS)


class QuizGroup(FlaskGroup):
    """Flask's command group that builds the app only when a command needs it.

    FlaskGroup builds the app to find and list the commands the app adds; building it
    imports every page and extension, which neither `quiz --help` nor our own commands'
    `--help` need.
    """

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        # Ours and Flask's own first: no plugin or app is loaded for them.
        return self.commands.get(name) or super().get_command(ctx, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *EXTENSION_COMMANDS, *_plugin_commands()})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = {**EXTENSION_COMMANDS, **_plugin_commands()}
        limit = formatter.width - 6 - max(map(len, [*rows, *self.commands]))
        for name, command in self.commands.items():
            if not command.hidden:
                rows[name] = command.get_short_help_str(limit)
        with formatter.section("Commands"):
            formatter.write_dl(sorted(rows.items()))


def _plugin_commands() -> dict[str, str]:
    """Name the commands installed packages add to Flask, without importing them."""
    found = {}
    for entry in metadata.entry_points(group="flask.commands"):
        package = entry.dist.name if entry.dist else entry.module
        found[entry.name] = f"Commands of {package}."
    return found


@click.group(cls=QuizGroup, create_app=_create_app, add_version_option=False)
def cli() -> None:
    """Baikonur Quiz: turn an article into a quiz that students play in a browser."""


for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    """Run the `quiz` console script."""
    from quiz.config import ConfigError

    try:
        cli.main(prog_name="quiz")
    except ConfigError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
