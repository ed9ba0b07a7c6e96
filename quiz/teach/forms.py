"""Teacher forms."""

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

from quiz.rounds.scoring import MAX_ROUND_SIZE


class LoginForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Type your name."), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired("Type your password.")])


class ConfirmForm(FlaskForm):
    """A form with only its CSRF token: for buttons that change something."""


class ArticleForm(FlaskForm):
    title = StringField(
        "Title", validators=[DataRequired("Give the article a title."), Length(max=200)]
    )
    text = TextAreaField("Text (paste it here)", validators=[Optional()])
    upload = FileField(
        "…or upload a .txt, .md or .html file",
        validators=[FileAllowed(["txt", "md", "html", "htm"], "Upload a .txt, .md or .html file.")],
    )


class ArticleEditForm(FlaskForm):
    title = StringField(
        "Title", validators=[DataRequired("Give the article a title."), Length(max=200)]
    )
    text = TextAreaField("Text", validators=[DataRequired("The article needs its text.")])


class FactForm(FlaskForm):
    key = StringField("Key (short id, e.g. gagarin-year)", validators=[Optional(), Length(max=64)])
    type = SelectField("Type", validators=[InputRequired()])
    about = StringField(
        "What it is about",
        validators=[DataRequired("Say what the fact is about."), Length(max=200)],
    )
    value = StringField("Value", validators=[DataRequired("Give the value."), Length(max=500)])
    sentence = SelectField(
        "Sentence of the article that states it",
        coerce=int,
        validators=[InputRequired("Choose the sentence.")],
    )
    text = StringField(
        "The value exactly as written in the sentence", validators=[Optional(), Length(max=500)]
    )
    event = StringField("Event (for years and dates)", validators=[Optional(), Length(max=300)])
    role = StringField(
        "Role (for people, places, organisations, lists)", validators=[Optional(), Length(max=300)]
    )
    group = StringField(
        "Group (entities never offered together)", validators=[Optional(), Length(max=200)]
    )
    claim = StringField(
        "Claim with {value} (for true/false)", validators=[Optional(), Length(max=500)]
    )
    unit = StringField("Unit or noun", validators=[Optional(), Length(max=100)])
    wrong = TextAreaField(
        "Certainly wrong alternatives (one per line)", validators=[Optional(), Length(max=2000)]
    )


class TemplateForm(FlaskForm):
    key = StringField("Key", validators=[DataRequired("Give the template a key."), Length(max=64)])
    kind = SelectField("Kind", validators=[InputRequired()])
    over = SelectField("Over", validators=[InputRequired()])
    text = TextAreaField(
        "Text", validators=[DataRequired("Write the template text."), Length(max=1000)]
    )
    text_shared = StringField(
        "Text when several facts share the role (choice only)",
        validators=[Optional(), Length(max=1000)],
    )
    time_limit = IntegerField(
        "Time limit (seconds)", default=30, validators=[InputRequired(), NumberRange(5, 600)]
    )
    article = SelectField("Preview with the facts of", coerce=int, validators=[Optional()])


class QuestionEditForm(FlaskForm):
    prompt = TextAreaField(
        "Question", validators=[DataRequired("Write the question."), Length(max=1000)]
    )
    answer = StringField(
        "Right answer", validators=[DataRequired("Give the right answer."), Length(max=300)]
    )
    wrong = TextAreaField(
        "Wrong options (one per line; leave empty for free text)",
        validators=[Optional(), Length(max=2000)],
    )
    explanation = TextAreaField(
        "Explanation shown after answering",
        validators=[DataRequired("Give the explanation."), Length(max=2000)],
    )


class SeedUploadForm(FlaskForm):
    facts = FileField(
        "Facts file (.toml)",
        validators=[FileAllowed(["toml"], "Upload the facts as a .toml file.")],
    )
    article = FileField(
        "Article text (.txt)",
        validators=[FileAllowed(["txt", "md"], "Upload the article as a .txt or .md file.")],
    )
    templates = FileField(
        "Templates (.toml, optional)",
        validators=[FileAllowed(["toml"], "Upload templates as a .toml file.")],
    )


class ClassroomForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired("Name the class."), Length(max=100)])
    leaderboard_hidden = BooleanField("Hide the class leaderboard from students")
    relaxed = BooleanField("Play without the speed bonus (every right answer 1000 points)")


class AssignmentForm(FlaskForm):
    article = SelectField("Article", coerce=int, validators=[InputRequired("Choose an article.")])
    size = IntegerField(
        "Questions per round",
        default=10,
        validators=[
            InputRequired(),
            NumberRange(1, MAX_ROUND_SIZE, f"Between 1 and {MAX_ROUND_SIZE}."),
        ],
    )
    deadline = DateTimeLocalField(
        "Deadline (optional)", format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )


class QuestionImportForm(FlaskForm):
    upload = FileField(
        "Question file",
        validators=[
            FileAllowed(["gift", "txt", "csv", "json"], "Upload a .gift, .txt, .csv or .json file.")
        ],
    )
    format = SelectField("Format", validators=[InputRequired("Choose the file's format.")])
    article = SelectField("Add the questions to", coerce=int, validators=[InputRequired()])
    title = StringField("Title of the new question bank", validators=[Optional(), Length(max=200)])


class TokenForm(FlaskForm):
    name = StringField(
        "What the token is for", validators=[DataRequired("Name the token."), Length(max=64)]
    )


class LiveGameForm(FlaskForm):
    article = SelectField("Article", coerce=int, validators=[InputRequired("Choose an article.")])
    assignment = SelectField(
        "For a class (optional)",
        coerce=int,
        default=0,
        validators=[Optional()],
    )
    size = IntegerField(
        "Number of questions",
        default=10,
        validators=[
            InputRequired("Say how many questions."),
            NumberRange(1, MAX_ROUND_SIZE, f"Choose between 1 and {MAX_ROUND_SIZE} questions."),
        ],
    )
    time_limit = IntegerField(
        "Seconds per question",
        default=20,
        validators=[
            InputRequired("Say how many seconds each question stays open."),
            NumberRange(5, 240, "Choose between 5 and 240 seconds."),
        ],
    )
    speed_bonus = BooleanField("Quick answers earn more points (speed bonus)", default=True)
