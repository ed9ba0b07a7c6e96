"""Student forms."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)

from quiz.forms import nickname_field
from quiz.rounds import reports
from quiz.rounds.scoring import MAX_ROUND_SIZE


class StartForm(FlaskForm):
    article = SelectField("Article", validators=[InputRequired("Choose an article.")])
    size = IntegerField(
        "Number of questions",
        default=10,
        validators=[
            InputRequired("Say how many questions you want."),
            NumberRange(1, MAX_ROUND_SIZE, f"Choose between 1 and {MAX_ROUND_SIZE} questions."),
        ],
    )
    nickname = nickname_field()
    relaxed = BooleanField("No time pressure: every right answer scores 1000 points")


class JoinForm(FlaskForm):
    code = StringField(
        "Class code",
        validators=[DataRequired("Type the code your teacher shows."), Length(max=16)],
    )
    nickname = nickname_field()


class PlayForm(FlaskForm):
    """A button that starts a round of an assignment."""


class ChoiceAnswerForm(FlaskForm):
    question_id = HiddenField()
    answer = RadioField("Your answer", validators=[InputRequired("Choose an answer.")])


class TextAnswerForm(FlaskForm):
    question_id = HiddenField()
    answer = StringField(
        "Your answer",
        validators=[DataRequired("Type an answer."), Length(max=200)],
    )


class ReportForm(FlaskForm):
    comment = TextAreaField(
        "What looks wrong? (optional)",
        validators=[
            Optional(),
            Length(max=reports.MAX_COMMENT, message=f"At most {reports.MAX_COMMENT} characters."),
        ],
    )


class LiveJoinForm(FlaskForm):
    pin = StringField(
        "Game PIN",
        validators=[DataRequired("Type the PIN your teacher shows."), Length(max=16)],
    )
    nickname = nickname_field()


class LiveAnswerForm(FlaskForm):
    """One answer button of the open question (the button's value is the answer)."""

    question_id = HiddenField()
    answer = HiddenField()


class PracticeForm(FlaskForm):
    """A button that starts a practice session of an article, or makes a personal code."""


class ContinueForm(FlaskForm):
    code = StringField(
        "Your personal code",
        validators=[
            DataRequired("Type the personal code you were shown."),
            Length(max=32, message="A personal code is ten letters and digits."),
        ],
    )
