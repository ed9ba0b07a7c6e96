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


ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th")


class OrderAnswerForm(FlaskForm):
    """One select box per position, earliest first; each event chosen once."""

    question_id = HiddenField()

    def ordered(self) -> list[str]:
        """Return the chosen events, earliest first."""
        return [field.data for field in self.positions]

    @property
    def positions(self) -> list:
        return [field for field in self if field.name.startswith("position_")]

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        chosen = self.ordered()
        if len(set(chosen)) != len(chosen):
            self.positions[-1].errors.append("Choose each event once: two positions hold the same.")
            return False
        return True


def order_answer_form(events: list[str]) -> OrderAnswerForm:
    """Build the form for putting these events in order (one select box per position)."""

    class Form(OrderAnswerForm):
        pass

    last = len(events) - 1
    for n in range(len(events)):
        label = ORDINALS[n] + (" (earliest)" if n == 0 else " (latest)" if n == last else "")
        field = SelectField(
            label, validators=[InputRequired("Choose an event for every position.")]
        )
        setattr(Form, f"position_{n + 1}", field)
    form = Form()
    for position in form.positions:
        position.choices = [("", "Choose an event")] + [(event, event) for event in events]
    return form


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
