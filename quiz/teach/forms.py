"""Teacher forms."""

from flask_babel import LazyString, lazy_ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from quiz.i18n import LANGUAGES, number
from quiz.rounds.scoring import FULL_POINTS, MAX_ROUND_SIZE
from quiz.rules import MAX_TEACHER_NAME


class LoginForm(FlaskForm):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(_l("Type your name.")), Length(max=MAX_TEACHER_NAME)],
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Type your password."))])


class ConfirmForm(FlaskForm):
    """A form with only its CSRF token: for buttons that change something."""


class ArticleForm(FlaskForm):
    title = StringField(
        _l("Title"), validators=[DataRequired(_l("Give the article a title.")), Length(max=200)]
    )
    text = TextAreaField(_l("Text (paste it here)"), validators=[Optional()])
    upload = FileField(
        _l("…or upload a .txt, .md or .html file"),
        validators=[
            FileAllowed(["txt", "md", "html", "htm"], _l("Upload a .txt, .md or .html file."))
        ],
    )


class ArticleEditForm(FlaskForm):
    title = StringField(
        _l("Title"), validators=[DataRequired(_l("Give the article a title.")), Length(max=200)]
    )
    text = TextAreaField(_l("Text"), validators=[DataRequired(_l("The article needs its text."))])


class FactForm(FlaskForm):
    key = StringField(
        _l("Key (short id, e.g. gagarin-year)"), validators=[Optional(), Length(max=64)]
    )
    type = SelectField(_l("Type"), validators=[InputRequired()])
    about = StringField(
        _l("What it is about"),
        validators=[DataRequired(_l("Say what the fact is about.")), Length(max=200)],
    )
    value = StringField(
        _l("Value"), validators=[DataRequired(_l("Give the value.")), Length(max=500)]
    )
    sentence = SelectField(
        _l("Sentence of the article that states it"),
        coerce=int,
        validators=[InputRequired(_l("Choose the sentence."))],
    )
    text = StringField(
        _l("The value exactly as written in the sentence"), validators=[Optional(), Length(max=500)]
    )
    event = StringField(_l("Event (for years and dates)"), validators=[Optional(), Length(max=300)])
    role = StringField(
        _l("Role (for people, places, organisations, lists)"),
        validators=[Optional(), Length(max=300)],
    )
    group = StringField(
        _l("Group (entities never offered together)"), validators=[Optional(), Length(max=200)]
    )
    claim = StringField(
        _l("Claim with {value} (for true/false)"), validators=[Optional(), Length(max=500)]
    )
    unit = StringField(_l("Unit or noun"), validators=[Optional(), Length(max=100)])
    wrong = TextAreaField(
        _l("Certainly wrong alternatives (one per line)"), validators=[Optional(), Length(max=2000)]
    )


class TemplateForm(FlaskForm):
    key = StringField(
        _l("Key"), validators=[DataRequired(_l("Give the template a key.")), Length(max=64)]
    )
    kind = SelectField(_l("Kind"), validators=[InputRequired()])
    over = SelectField(_l("Over"), validators=[InputRequired()])
    text = TextAreaField(
        _l("Text"), validators=[DataRequired(_l("Write the template text.")), Length(max=1000)]
    )
    text_shared = StringField(
        _l("Text when several facts share the role (choice only)"),
        validators=[Optional(), Length(max=1000)],
    )
    time_limit = IntegerField(
        _l("Time limit (seconds)"), default=30, validators=[InputRequired(), NumberRange(5, 600)]
    )
    article = SelectField(_l("Preview with the facts of"), coerce=int, validators=[Optional()])


class QuestionEditForm(FlaskForm):
    prompt = TextAreaField(
        _l("Question"), validators=[DataRequired(_l("Write the question.")), Length(max=1000)]
    )
    answer = StringField(
        _l("Right answer"), validators=[DataRequired(_l("Give the right answer.")), Length(max=300)]
    )
    wrong = TextAreaField(
        _l("Wrong options (one per line; leave empty for free text)"),
        validators=[Optional(), Length(max=2000)],
    )
    explanation = TextAreaField(
        _l("Explanation shown after answering"),
        validators=[DataRequired(_l("Give the explanation.")), Length(max=2000)],
    )


class SeedUploadForm(FlaskForm):
    facts = FileField(
        _l("Facts file (.toml)"),
        validators=[FileAllowed(["toml"], _l("Upload the facts as a .toml file."))],
    )
    article = FileField(
        _l("Article text (.txt)"),
        validators=[FileAllowed(["txt", "md"], _l("Upload the article as a .txt or .md file."))],
    )
    templates = FileField(
        _l("Templates (.toml, optional)"),
        validators=[FileAllowed(["toml"], _l("Upload templates as a .toml file."))],
    )


class ClassroomForm(FlaskForm):
    name = StringField(
        _l("Class name"), validators=[DataRequired(_l("Name the class.")), Length(max=100)]
    )
    language = SelectField(_l("Language of the pages"), default="", validators=[Optional()])
    leaderboard_hidden = BooleanField(_l("Hide the class leaderboard from students"))
    relaxed = BooleanField(
        lazy_ngettext(
            "Play without the speed bonus (every right answer %(points)s point)",
            "Play without the speed bonus (every right answer %(points)s points)",
            FULL_POINTS,
            points=LazyString(number, FULL_POINTS),
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = [("", _l("Each student's browser decides")), *LANGUAGES.items()]


class AssignmentForm(FlaskForm):
    article = SelectField(
        _l("Article"), coerce=int, validators=[InputRequired(_l("Choose an article."))]
    )
    size = IntegerField(
        _l("Questions per round"),
        default=10,
        validators=[
            InputRequired(),
            NumberRange(1, MAX_ROUND_SIZE, _l("Between 1 and %(most)s.", most=MAX_ROUND_SIZE)),
        ],
    )
    deadline = DateTimeLocalField(
        _l("Deadline (optional)"), format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )


class QuestionImportForm(FlaskForm):
    upload = FileField(
        _l("Question file"),
        validators=[
            FileAllowed(
                ["gift", "txt", "csv", "json"], _l("Upload a .gift, .txt, .csv or .json file.")
            )
        ],
    )
    format = SelectField(_l("Format"), validators=[InputRequired(_l("Choose the file's format."))])
    article = SelectField(_l("Add the questions to"), coerce=int, validators=[InputRequired()])
    title = StringField(
        _l("Title of the new question bank"), validators=[Optional(), Length(max=200)]
    )


class TokenForm(FlaskForm):
    name = StringField(
        _l("What the token is for"),
        validators=[DataRequired(_l("Name the token.")), Length(max=64)],
    )


class LiveGameForm(FlaskForm):
    article = SelectField(
        _l("Article"), coerce=int, validators=[InputRequired(_l("Choose an article."))]
    )
    assignment = SelectField(
        _l("For a class (optional)"),
        coerce=int,
        default=0,
        validators=[Optional()],
    )
    size = IntegerField(
        _l("Number of questions"),
        default=10,
        validators=[
            InputRequired(_l("Say how many questions.")),
            NumberRange(
                1,
                MAX_ROUND_SIZE,
                _l("Choose between 1 and %(most)s questions.", most=MAX_ROUND_SIZE),
            ),
        ],
    )
    time_limit = IntegerField(
        _l("Seconds per question"),
        default=20,
        validators=[
            InputRequired(_l("Say how many seconds each question stays open.")),
            NumberRange(5, 240, _l("Choose between %(min)s and %(max)s seconds.")),
        ],
    )
    speed_bonus = BooleanField(_l("Quick answers earn more points (speed bonus)"), default=True)
