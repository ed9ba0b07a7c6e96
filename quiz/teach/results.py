"""Teacher pages for results: per class, per student, per question; CSV; privacy and codes."""

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from quiz.classroom import analysis, charts, privacy, results
from quiz.forms import nickname_field, status_of
from quiz.i18n import ngettext
from quiz.practice import players
from quiz.storage.models import Classroom, Player
from quiz.teach import access
from quiz.teach.blueprint import bp
from quiz.teach.forms import ConfirmForm


class NicknameForm(FlaskForm):
    nickname = nickname_field()


class DeleteClassForm(FlaskForm):
    code = StringField(
        _l("Type the class's join code to confirm"),
        validators=[
            DataRequired(_l("Type the join code to confirm.")),
            Length(max=16, message=_l("A join code is at most 16 characters.")),
        ],
    )


def _class_player(classroom_id: int, player_id: str) -> tuple[Classroom, Player]:
    """Return one of the teacher's classes and a student of it, else 404."""
    classroom = access.own_classroom(classroom_id)
    player = privacy.class_player(classroom, player_id)
    if player is None:
        abort(404, _("No such student in this class."))
    return classroom, player


def _confirmed(classroom_id: int, player_id: str) -> tuple[Classroom, Player]:
    """Return the class and student of a posted button, once its CSRF token checks out."""
    found = _class_player(classroom_id, player_id)
    if not ConfirmForm().validate_on_submit():
        abort(400, _("The form expired; reload the page and try again."))
    return found


@bp.get("/classes/<int:classroom_id>/results")
def class_results(classroom_id: int):
    """Show a class's results per student, its rounds and the score distribution."""
    classroom = access.own_classroom(classroom_id)
    bins = analysis.distribution(results.score_percentages(classroom))
    return render_template(
        "teach/results.html",
        classroom=classroom,
        students=results.student_rows(classroom),
        rounds=results.round_rows(classroom),
        chart=charts.score_distribution(bins),
        zone=current_app.config["QUIZ_ZONE"],
    )


def _student_page(classroom, player, form=None, status=200):
    return render_template(
        "teach/results_student.html",
        classroom=classroom,
        player=player,
        rounds=results.round_rows(classroom, player.id),
        form=form or NicknameForm(nickname=player.nickname),
        confirm=ConfirmForm(),
        zone=current_app.config["QUIZ_ZONE"],
    ), status


@bp.get("/classes/<int:classroom_id>/students/<player_id>")
def student_results(classroom_id: int, player_id: str):
    """Show one student's rounds in a class, with the privacy actions."""
    return _student_page(*_class_player(classroom_id, player_id))


@bp.post("/classes/<int:classroom_id>/students/<player_id>/nickname")
def student_rename(classroom_id: int, player_id: str):
    """Give a student a new nickname, on every round and leaderboard."""
    classroom, player = _class_player(classroom_id, player_id)
    form = NicknameForm()
    if not form.validate_on_submit():
        return _student_page(classroom, player, form, 422)
    privacy.rename_player(player, form.nickname.data)
    flash(_("Nickname changed to “%(nickname)s”.", nickname=form.nickname.data), "info")
    return redirect(url_for(".student_results", classroom_id=classroom_id, player_id=player_id))


@bp.post("/classes/<int:classroom_id>/students/<player_id>/remove-nickname")
def student_remove_nickname(classroom_id: int, player_id: str):
    """Replace a student's nickname everywhere by a neutral one."""
    _classroom, player = _confirmed(classroom_id, player_id)
    privacy.remove_nickname(player)
    flash(
        _(
            "Nickname removed: the student now shows as “%(nickname)s”.",
            nickname=privacy.REMOVED_NICKNAME,
        ),
        "info",
    )
    return redirect(url_for(".student_results", classroom_id=classroom_id, player_id=player_id))


@bp.post("/classes/<int:classroom_id>/students/<player_id>/delete-answers")
def student_delete_answers(classroom_id: int, player_id: str):
    """Delete a student's rounds and answers."""
    classroom, player = _confirmed(classroom_id, player_id)
    count = privacy.delete_player_answers(classroom, player)
    flash(
        ngettext(
            "Deleted %(num)s round with its answers.",
            "Deleted %(num)s rounds with their answers.",
            count,
        ),
        "info",
    )
    return redirect(url_for(".class_results", classroom_id=classroom_id))


@bp.post("/classes/<int:classroom_id>/students/<player_id>/code")
def student_code(classroom_id: int, player_id: str):
    """Give a student a new personal code to continue on another device; the old one stops."""
    classroom, player = _confirmed(classroom_id, player_id)
    code = players.issue_code(player.id)
    url = url_for("play.continue_", code=code, _external=True)
    html = render_template(
        "teach/student_code.html",
        classroom=classroom,
        player=player,
        code=code,
        url=url,
        qr=players.code_qr(url),
    )
    # Shown once: no copy of the code stays in a cache.
    return html, 200, {"Cache-Control": "no-store"}


@bp.get("/classes/<int:classroom_id>/questions")
def class_questions(classroom_id: int):
    """Show the item analysis of the questions the class answered, with students' reports."""
    classroom = access.own_classroom(classroom_id)
    items = results.class_items(classroom)
    chart = charts.facility_chart(
        [
            (_("Q%(number)s", number=n), item.stats.facility, item.stats.flagged)
            for n, item in enumerate(items, 1)
        ]
    )
    return render_template(
        "teach/results_questions.html",
        classroom=classroom,
        items=items,
        chart=chart,
        min_students=analysis.MIN_STUDENTS,
        confirm=ConfirmForm(),
    )


@bp.get("/classes/<int:classroom_id>/results.csv")
def class_results_csv(classroom_id: int):
    """Download the class's rounds as CSV, safe to open in a spreadsheet."""
    classroom = access.own_classroom(classroom_id)
    body = results.to_csv(results.csv_rows(classroom))
    filename = f"class-{classroom.id}-results.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/classes/<int:classroom_id>/delete-data", methods=["GET", "POST"])
def class_delete_data(classroom_id: int):
    """Ask for the join code, then delete the class with all its students' data."""
    classroom = access.own_classroom(classroom_id)
    form = DeleteClassForm()
    if form.validate_on_submit():
        if form.code.data.strip().upper() == classroom.code:
            name = classroom.name
            privacy.delete_class_data(classroom)
            flash(_("Deleted the class “%(name)s” and all its students' data.", name=name), "info")
            return redirect(url_for(".dashboard"))
        form.code.errors.append(_("That is not the join code of this class."))
    status = status_of(form)
    return render_template("teach/results_delete.html", classroom=classroom, form=form), status


@bp.get("/templates/stats")
def template_stats():
    """Show, per template, how many of its questions are flagged or retired."""
    return render_template(
        "teach/results_templates.html", rows=results.template_stats(current_user)
    )


@bp.post("/classes/<int:classroom_id>/reports/<int:report_id>/resolve")
def report_resolve(classroom_id: int, report_id: int):
    """Mark a student's report dealt with: it no longer counts toward the question's flags."""
    classroom = access.own_classroom(classroom_id)
    report = results.class_report(classroom, report_id)
    if report is None:
        abort(404, _("No such report in this class."))
    results.resolve_report(report)
    flash(_("Report marked as resolved."), "info")
    return redirect(url_for(".class_questions", classroom_id=classroom.id))
