"""Teacher pages: login, dashboard, articles, facts, templates, questions and their review."""

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from quiz.accounts import auth
from quiz.authoring import library, seeding
from quiz.authoring import review as reviewing
from quiz.authoring.importing import MAX_WORDS
from quiz.errors import Invalid
from quiz.facts import FACT_TYPES, FactError, SeedFileError
from quiz.forms import status_of
from quiz.generation import KINDS, TemplateError
from quiz.generation.templates import OVERS
from quiz.i18n import label, ngettext, translate
from quiz.rules import MAX_ID
from quiz.security import limit_failed_logins
from quiz.storage.extensions import db
from quiz.teach import access
from quiz.teach.blueprint import bp
from quiz.teach.forms import (
    ArticleEditForm,
    ArticleForm,
    ConfirmForm,
    FactForm,
    LoginForm,
    QuestionEditForm,
    SeedUploadForm,
    TemplateForm,
)

# What a teacher is told once a question has moved to a status.
STATUS_MESSAGES = {
    "active": _l("The question is published."),
    "retired": _l("The question is retired."),
    "rejected": _l("The question is rejected."),
    "proposed": _l("The question waits for review."),
}


@bp.route("/login", methods=["GET", "POST"])
@limit_failed_logins
def login():
    """Log a teacher in, starting a fresh session."""
    form = LoginForm()
    if form.validate_on_submit():
        teacher = auth.authenticate(form.name.data.strip(), form.password.data)
        if teacher is not None:
            session.clear()
            login_user(teacher)
            return redirect(_safe_next() or url_for(".dashboard"))
        form.password.errors.append(_("That name and password do not match."))
    status = 401 if form.errors and request.method == "POST" else 200
    return render_template("teach/login.html", form=form), status


def _safe_next() -> str | None:
    """Return the page to go back to after login, only if it is a path on this site."""
    target = request.args.get("next", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@bp.post("/logout")
def logout():
    """End the teacher's session everywhere."""
    auth.end_sessions(current_user)
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for(".login"))


@bp.get("/")
def dashboard():
    """List the articles and classes this teacher can use."""
    articles = library.articles_for(current_user)
    return render_template(
        "teach/dashboard.html",
        articles=articles,
        names=library.labels(articles),
        classrooms=library.classrooms_for(current_user),
        counts=library.question_status_counts(),
    )


@bp.route("/articles/new", methods=["GET", "POST"])
def article_new():
    """Create an article by pasting its text or uploading a file."""
    form = ArticleForm()
    if form.validate_on_submit():
        try:
            report = library.create_article(
                form.title.data, form.text.data, form.upload.data, owner=current_user
            )
        except Invalid as exc:
            form.text.errors.append(exc.message)
        else:
            facts = ngettext("%(num)s fact found", "%(num)s facts found", report.facts_added)
            waiting = ngettext(
                "%(num)s question waits for your review.",
                "%(num)s questions wait for your review.",
                report.questions_added,
            )
            flash(_("Article saved: %(facts)s, %(waiting)s", facts=facts, waiting=waiting), "info")
            return redirect(url_for(".article", article_id=report.article.id))
    status = status_of(form)
    return render_template("teach/article_new.html", form=form, **_text_limits()), status


def _text_limits() -> dict[str, int]:
    """The limits the article forms state beside their fields."""
    return {
        "max_words": MAX_WORDS,
        "max_body": current_app.config["MAX_CONTENT_LENGTH"],
        "max_upload": current_app.config["QUIZ_MAX_UPLOAD"],
    }


@bp.get("/articles/<int:article_id>")
def article(article_id: int):
    """Show an article's sentences, facts and questions."""
    article = access.visible_article(article_id)
    return render_template(
        "teach/article.html",
        article=article,
        questions=library.questions_of(article),
        confirm=ConfirmForm(),
    )


@bp.route("/articles/<int:article_id>/edit", methods=["GET", "POST"])
def article_edit(article_id: int):
    """Edit an article's title and text; only what changed is regenerated."""
    article = access.visible_article(article_id)
    form = ArticleEditForm(obj=article, text=article.body)
    if form.validate_on_submit():
        try:
            library.edit_article(article, form.title.data, form.text.data)
        except Invalid as exc:
            form.text.errors.append(exc.message)
        else:
            flash(_("Article saved; its questions follow the new text."), "info")
            return redirect(url_for(".article", article_id=article.id))
    status = status_of(form)
    page = render_template("teach/article_edit.html", form=form, article=article, **_text_limits())
    return page, status


@bp.route("/articles/<int:article_id>/delete", methods=["GET", "POST"])
def article_delete(article_id: int):
    """Ask before deleting an article with everything played on it, then delete it."""
    article = access.visible_article(article_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        title = article.title
        library.delete_article(article)
        flash(_("Deleted “%(title)s”.", title=title), "info")
        return redirect(url_for(".dashboard"))
    return render_template(
        "teach/confirm.html",
        form=form,
        title=_("Delete “%(title)s”?", title=article.title),
        message=_(
            "Its facts, questions, rounds and answers are deleted too. This cannot be undone."
        ),
        button=_("Delete the article"),
        back=url_for(".article", article_id=article.id),
    )


@bp.get("/questions/<int:question_id>")
def question(question_id: int):
    """Preview a question exactly as a student sees it, with its provenance."""
    question = access.visible_question(question_id)
    return render_template(
        "teach/question.html",
        question=question,
        confirm=ConfirmForm(),
        answered=library.answer_count(question),
    )


@bp.post("/questions/<int:question_id>/status")
def question_status(question_id: int):
    """Publish, retire, restore or reject a question."""
    question = access.visible_question(question_id)
    library.set_status(question, request.form.get("status", ""))
    flash(str(STATUS_MESSAGES.get(question.status, _l("Question saved."))), "info")
    return redirect(url_for(".question", question_id=question.id))


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def question_edit(question_id: int):
    """Edit a question's wording; an answered question gets a new version instead."""
    question = access.visible_question(question_id)
    wrong = "\n".join(o.text for o in question.options if not o.correct)
    form = QuestionEditForm(obj=question, wrong=wrong)
    if form.validate_on_submit():
        try:
            edited = library.edit_question(
                question, form.prompt.data, form.answer.data, form.wrong.data, form.explanation.data
            )
        except Invalid as exc:
            form.wrong.errors.append(exc.message)
        else:
            if edited.id != question.id:
                flash(_("The question had answers, so a new version replaces it."), "info")
            return redirect(url_for(".question", question_id=edited.id))
    status = status_of(form)
    return render_template("teach/question_edit.html", form=form, question=question), status


# --- facts -------------------------------------------------------------------------------


def _fact_form(article, fact=None):
    form = FactForm(data=_fact_fields(fact) if fact and request.method == "GET" else None)
    form.type.choices = [(t, label(t)) for t in FACT_TYPES]
    form.sentence.choices = [(s.id, f"{s.position}. {s.text}") for s in article.sentences]
    return form


def _fact_fields(fact) -> dict:
    data = dict(fact.data)
    value = data.get("value")
    if isinstance(value, list):
        data["value"] = ", ".join(value)
    elif fact.type == "year" and isinstance(value, int) and value < 0:
        data["value"] = f"{-value} BC"  # as the hint writes it, and as it is read back
    else:
        data["value"] = str(value)
    data["wrong"] = "\n".join(data.get("wrong") or [])
    data["sentence"] = fact.sentence_id
    return data


def _save_fact(article, form, fact=None):
    """Validate and store a fact from its form; put a bad value's message on its field."""
    fields = {name: field.data for name, field in form._fields.items()}
    if fields["type"] == "list":
        fields["value"] = [v.strip() for v in fields["value"].split(",") if v.strip()]
    try:
        data = library.fact_data(article, fields, key=fact.key if fact else None)
    except FactError as exc:
        field = getattr(form, exc.field or "value", form.value)
        # The checks are pure and speak English; a message they mark with N_ is translated here.
        field.errors = [*field.errors, translate(exc.template, **exc.values)]
        return None
    saved, added = library.save_fact(article, data, fact)
    flash(
        ngettext(
            "Fact saved. %(num)s new question waits for your review.",
            "Fact saved. %(num)s new questions wait for your review.",
            added,
        ),
        "info",
    )
    return redirect(url_for(".article", article_id=article.id, _anchor=f"fact-{saved.id}"))


@bp.route("/articles/<int:article_id>/facts/new", methods=["GET", "POST"])
def fact_new(article_id: int):
    """Add a fact, tied to one of the article's sentences."""
    article = access.visible_article(article_id)
    form = _fact_form(article)
    if form.validate_on_submit() and (done := _save_fact(article, form)):
        return done
    status = status_of(form)
    return render_template("teach/fact_form.html", form=form, article=article, fact=None), status


@bp.route("/facts/<int:fact_id>/edit", methods=["GET", "POST"])
def fact_edit(fact_id: int):
    """Change a fact; seed loading will leave the changed fact alone."""
    fact = access.visible_fact(fact_id)
    form = _fact_form(fact.article, fact)
    if form.validate_on_submit() and (done := _save_fact(fact.article, form, fact)):
        return done
    status = status_of(form)
    return render_template(
        "teach/fact_form.html", form=form, article=fact.article, fact=fact
    ), status


@bp.post("/facts/<int:fact_id>/delete")
def fact_delete(fact_id: int):
    """Delete a fact; its answered questions are retired, the others removed."""
    fact = access.visible_fact(fact_id)
    article_id = fact.article_id
    library.delete_fact(fact)
    flash(_("Fact deleted."), "info")
    return redirect(url_for(".article", article_id=article_id))


# --- templates -----------------------------------------------------------------------------


@bp.get("/templates")
def templates():
    """List the question templates."""
    templates = db.session.scalars(access.visible_templates()).all()
    return render_template("teach/templates.html", templates=templates)


def _template_form(row=None):
    data = None
    if row is not None and request.method == "GET":
        data = {**row.data, "over": row.data.get("over")}
    form = TemplateForm(data=data)
    form.kind.choices = [(k, label(k)) for k in KINDS]
    form.over.choices = [(o, label(o)) for o in OVERS]
    form.article.choices = [(a.id, a.title) for a in library.articles_for(current_user)]
    return form


@bp.route("/templates/new", methods=["GET", "POST"])
@bp.route("/templates/<int:template_id>/edit", methods=["GET", "POST"])
def template_form(template_id: int | None = None):
    """Add or edit a template, with a preview of the questions it gives from an article."""
    row = access.visible_template(template_id) if template_id else None
    form = _template_form(row)
    preview = None
    if form.validate_on_submit():
        data = {
            name: getattr(form, name).data
            for name in ("key", "kind", "over", "text", "text_shared", "time_limit")
            if getattr(form, name).data not in (None, "")
        }
        article = access.visible_article(form.article.data) if form.article.data else None
        try:
            if "save" in request.form:
                saved = library.save_template(data, current_user, row)
                flash(
                    _("Template %(key)s saved; new questions wait for review.", key=saved.key),
                    "info",
                )
                return redirect(url_for(".templates"))
            preview = library.template_preview(data, article)
        except TemplateError as exc:
            _template_error(form, exc)
    status = status_of(form)
    return render_template("teach/template_form.html", form=form, row=row, preview=preview), status


def _template_error(form, exc: TemplateError) -> None:
    """Show a template error, translated, on the field it names (else on the text)."""
    message = translate(exc.template, **exc.values)
    field = getattr(form, exc.field, None) if exc.field and exc.field.isidentifier() else None
    if field is None or not hasattr(field, "errors"):
        field = form.text
        if exc.field:
            message = f"{exc.field}: {message}"
    field.errors = [*field.errors, message]


# --- review queue and seed upload -------------------------------------------------------------


@bp.route("/articles/<int:article_id>/review", methods=["GET", "POST"])
def review(article_id: int):
    """Approve or reject proposed questions, grouped by the sentence they come from."""
    article = access.visible_article(article_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        action = request.form.get("action")
        ids = None if request.form.get("all") else _ids(request.form.getlist("question"))
        if action not in ("approve", "reject"):
            abort(400, _("Choose approve or reject."))
        done = (reviewing.approve if action == "approve" else reviewing.reject)(article, ids)
        if action == "approve":
            message = ngettext("%(num)s question approved.", "%(num)s questions approved.", done)
        else:
            message = ngettext("%(num)s question rejected.", "%(num)s questions rejected.", done)
        flash(message, "info")
        return redirect(url_for(".review", article_id=article.id))
    groups = reviewing.proposed_by_sentence(article)
    return render_template("teach/review.html", article=article, groups=groups, form=form)


def _ids(values: list[str]) -> list[int]:
    try:
        ids = [int(v) for v in values]
    except ValueError:
        abort(400, _("Question ids are whole numbers."))
    if any(not 0 < i <= MAX_ID for i in ids):
        abort(400, _("No such question."))
    if not ids:
        raise Invalid(_("Tick at least one question, or use the buttons for all."))
    return ids


@bp.route("/seed", methods=["GET", "POST"])
def seed_upload():
    """Load an article with its facts (and templates) from seed files, all or nothing."""
    form = SeedUploadForm()
    problems = []
    if form.validate_on_submit():
        files = {name: getattr(form, name).data for name in ("facts", "article", "templates")}
        if not (files["facts"] and files["article"]):
            form.facts.errors.append(_("Upload the facts file and the article it names."))
        else:
            try:
                report = seeding.load_uploaded(files)
            except SeedFileError as exc:
                problems = exc.problems
            else:
                if report.articles_added:
                    loaded = ngettext(
                        "Loaded %(titles)s: %(num)s fact added.",
                        "Loaded %(titles)s: %(num)s facts added.",
                        report.facts_added,
                        titles=", ".join(report.articles_added),
                    )
                else:
                    loaded = ngettext(
                        "No new article: %(num)s fact added.",
                        "No new article: %(num)s facts added.",
                        report.facts_added,
                    )
                flash(loaded, "info")
                return redirect(url_for(".dashboard"))
    status = 422 if form.errors or problems else 200
    return render_template("teach/seed.html", form=form, problems=problems), status
