"""Teacher pages for classes: join code and QR code, settings, assignments."""

import io
from datetime import datetime

import segno
from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from quiz.authoring import library
from quiz.classroom import classes
from quiz.errors import Invalid
from quiz.forms import status_of
from quiz.i18n import ngettext
from quiz.practice import forgetting
from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Assignment
from quiz.teach import access
from quiz.teach.blueprint import bp
from quiz.teach.forms import AssignmentForm, ClassroomForm, ConfirmForm


@bp.route("/classes/new", methods=["GET", "POST"])
def classroom_new():
    """Create a class and get its join code."""
    form = ClassroomForm()
    if form.validate_on_submit():
        classroom = classes.create_classroom(
            current_user,
            form.name.data,
            hidden=form.leaderboard_hidden.data,
            relaxed=form.relaxed.data,
            language=form.language.data,
        )
        flash(
            _("Class created. Students join with the code %(code)s.", code=classroom.code), "info"
        )
        return redirect(url_for(".classroom", classroom_id=classroom.id))
    status = status_of(form)
    return render_template("teach/classroom_new.html", form=form), status


def _assignment_form():
    """The assignment form, offering the teacher's articles that have questions to play."""
    form = AssignmentForm(prefix="assign")
    counts = scoring.question_counts()
    articles = library.articles_for(current_user)
    names = library.labels(articles)
    form.article.choices = [
        (
            a.id,
            ngettext(
                "%(title)s (%(num)s question)",
                "%(title)s (%(num)s questions)",
                n,
                title=names[a.id],
            ),
        )
        for a in articles
        if (n := counts.get(a.id, 0))
    ]
    return form


@bp.get("/classes/<int:classroom_id>")
def classroom(classroom_id: int):
    """Show a class: join code, QR code, settings, assignments and members."""
    classroom = access.own_classroom(classroom_id)
    return _classroom_page(classroom, ClassroomForm(obj=classroom), _assignment_form())


def _classroom_page(classroom, settings, assign, status=200):
    return render_template(
        "teach/classroom.html",
        classroom=classroom,
        settings=settings,
        assign=assign,
        confirm=ConfirmForm(),
        assignments=classes.assignments_of(classroom),
        members=classes.members(classroom),
        board=classes.class_leaderboard(classroom),
        weakest=forgetting.weakest(classroom),
        join_url=url_for("play.join", code=classroom.code, _external=True),
        is_open=classes.is_open,
        zone=current_app.config["QUIZ_ZONE"],
    ), status


@bp.get("/classes/<int:classroom_id>/qr.svg")
def classroom_qr(classroom_id: int):
    """Return a QR code of the class's join URL, to show on the projector."""
    classroom = access.own_classroom(classroom_id)
    url = url_for("play.join", code=classroom.code, _external=True)
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        scale=8,
        border=2,
        xmldecl=False,
        title=_("Join %(name)s: %(url)s", name=classroom.name, url=url),
    )
    return Response(buffer.getvalue(), mimetype="image/svg+xml")


@bp.post("/classes/<int:classroom_id>/settings")
def classroom_settings(classroom_id: int):
    """Rename a class, hide its leaderboard, or turn the speed bonus off."""
    classroom = access.own_classroom(classroom_id)
    form = ClassroomForm()
    if not form.validate_on_submit():
        return _classroom_page(classroom, form, _assignment_form(), 422)
    classes.update_classroom(
        classroom,
        form.name.data,
        hidden=form.leaderboard_hidden.data,
        relaxed=form.relaxed.data,
        language=form.language.data,
    )
    flash(_("Class settings saved."), "info")
    return redirect(url_for(".classroom", classroom_id=classroom.id))


@bp.post("/classes/<int:classroom_id>/assignments")
def assignment_new(classroom_id: int):
    """Assign an article to the class, with a round size and an optional deadline."""
    classroom = access.own_classroom(classroom_id)
    form = _assignment_form()
    if form.validate_on_submit():
        article = access.visible_article(form.article.data)
        try:
            classes.add_assignment(classroom, article, form.size.data, _as_utc(form.deadline.data))
        except Invalid as exc:
            form.deadline.errors = [*form.deadline.errors, exc.message]
        else:
            flash(_("Assigned “%(title)s”.", title=article.title), "info")
            return redirect(url_for(".classroom", classroom_id=classroom.id))
    return _classroom_page(classroom, ClassroomForm(obj=classroom), form, 422)


def _as_utc(local: datetime | None) -> datetime | None:
    """Read a deadline typed in the server's time zone."""
    if local is None:
        return None
    return local.replace(tzinfo=current_app.config["QUIZ_ZONE"])


@bp.post("/assignments/<int:assignment_id>/delete")
def assignment_delete(assignment_id: int):
    """Remove an assignment; rounds already played keep their scores."""
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None:
        abort(404, _("No such assignment."))
    classroom = access.own_classroom(assignment.classroom_id)
    classes.delete_assignment(assignment)
    flash(_("Assignment removed."), "info")
    return redirect(url_for(".classroom", classroom_id=classroom.id))
