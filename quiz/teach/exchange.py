"""Teacher pages for exchanging questions (GIFT, Aiken, CSV, Open Trivia DB) and API tokens."""

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from quiz.accounts import auth
from quiz.authoring import exchange, library
from quiz.errors import Invalid, NotFound
from quiz.forms import status_of
from quiz.storage.extensions import db
from quiz.storage.models import ApiToken
from quiz.teach import access
from quiz.teach.blueprint import bp
from quiz.teach.forms import ConfirmForm, QuestionImportForm, TokenForm

NEW_BANK = 0
# What a download of each format is called and served as.
DOWNLOADS = {
    "gift": ("gift", "text/plain"),
    "aiken": ("txt", "text/plain"),
    "csv": ("csv", "text/csv"),
    "opentdb": ("json", "application/json"),
}


def _import_form() -> QuestionImportForm:
    form = QuestionImportForm()
    form.format.choices = [
        (f, f.upper() if f != "opentdb" else "Open Trivia DB") for f in exchange.FORMATS
    ]
    form.article.choices = [(NEW_BANK, _("A new question bank"))] + [
        (a.id, a.title) for a in library.articles_for(current_user)
    ]
    return form


@bp.route("/questions/import", methods=["GET", "POST"])
def questions_import():
    """Import a file of questions into an article's bank or a new one, all or nothing."""
    form = _import_form()
    problems, report = [], None
    if form.validate_on_submit():
        upload = form.upload.data
        if upload is None or not upload.filename:
            form.upload.errors.append(_("Choose a file to upload."))
        elif form.article.data == NEW_BANK and not (form.title.data or "").strip():
            form.title.errors.append(_("Give the new question bank a title."))
        else:
            slug, title = _target(form)
            data = upload.read()
            try:
                report = exchange.import_questions(
                    data, form.format.data, slug, title=title, owner_id=current_user.id
                )
            except exchange.NothingToImport as exc:
                # Each question skipped, with why; or none in the file at all.
                problems = exc.problems
                if not problems:
                    form.upload.errors.append(
                        _("%(name)s: the file is empty.", name=upload.filename)
                    )
            except exchange.FormatError as exc:
                problems = exc.problems
            except Invalid as exc:
                form.upload.errors.append(exc.message)
    status = 422 if form.errors or problems else 200
    return render_template(
        "teach/questions_import.html", form=form, problems=problems, report=report
    ), status


def _target(form) -> tuple[str, str | None]:
    """Return the slug (and title, for a new bank) the questions go to."""
    if form.article.data == NEW_BANK:
        title = form.title.data.strip()
        return library.free_slug(title), title
    return access.visible_article(form.article.data).slug, None


@bp.get("/articles/<int:article_id>/export/<fmt>")
def article_export(article_id: int, fmt: str):
    """Download an article's questions as GIFT, Aiken, CSV or Open Trivia DB JSON."""
    article = access.visible_article(article_id)
    if fmt not in DOWNLOADS:
        abort(404, _("No export format “%(fmt)s”.", fmt=fmt))
    extension, mimetype = DOWNLOADS[fmt]
    data = exchange.export_questions(article, fmt)
    return Response(
        data,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{article.slug}.{extension}"'},
    )


@bp.route("/tokens", methods=["GET", "POST"])
def tokens():
    """List the teacher's API tokens and create one, shown once."""
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        new_token = auth.issue_api_token(current_user, form.name.data.strip())
    rows = db.session.scalars(
        select(ApiToken).where(ApiToken.teacher_id == current_user.id).order_by(ApiToken.id)
    )
    status = status_of(form)
    return render_template(
        "teach/tokens.html",
        form=form,
        tokens=list(rows),
        new_token=new_token,
        confirm=ConfirmForm(),
    ), status


@bp.post("/tokens/<int:token_id>/revoke")
def token_revoke(token_id: int):
    """Revoke one of the teacher's API tokens."""
    try:
        row = auth.revoke_api_token(current_user, token_id)
    except NotFound as exc:
        abort(404, exc.message)
    flash(_("Token “%(name)s” revoked.", name=row.name), "info")
    return redirect(url_for(".tokens"))
