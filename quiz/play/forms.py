"""Student forms."""

from flask_babel import LazyString, lazy_ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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
from quiz.i18n import number
from quiz.rounds import reports
from quiz.rounds.scoring import FULL_POINTS, MAX_ROUND_SIZE
from quiz.rules import MAX_ID


class StartForm(FlaskForm):
    article = SelectField(_l("Article"), validators=[InputRequired(_l("Choose an article."))])
    size = IntegerField(
        _l("Number of questions"),
        default=10,
        validators=[
            InputRequired(_l("Say how many questions you want.")),
            NumberRange(
                1,
                MAX_ROUND_SIZE,
                _l("Choose between 1 and %(most)s questions.", most=MAX_ROUND_SIZE),
            ),
        ],
    )
    nickname = nickname_field()
    relaxed = BooleanField(
        lazy_ngettext(
            "No time pressure: every right answer scores %(points)s point",
            "No time pressure: every right answer scores %(points)s points",
            FULL_POINTS,
            points=LazyString(number, FULL_POINTS),
        )
    )


class JoinForm(FlaskForm):
    code = StringField(
        _l("Class code"),
        validators=[DataRequired(_l("Type the code your teacher shows.")), Length(max=16)],
    )
    nickname = nickname_field()


class PlayForm(FlaskForm):
    """A button that starts a round of an assignment."""


class ChoiceAnswerForm(FlaskForm):
    question_id = HiddenField()
    answer = RadioField(_l("Your answer"), validators=[InputRequired(_l("Choose an answer."))])


ORDINALS = (_l("1st"), _l("2nd"), _l("3rd"), _l("4th"), _l("5th"), _l("6th"))


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
            self.positions[-1].errors.append(
                _("Choose each event once: two positions hold the same.")
            )
            return False
        return True


def order_answer_form(events: list[str]) -> OrderAnswerForm:
    """Build the form for putting these events in order (one select box per position)."""

    class Form(OrderAnswerForm):
        pass

    last = len(events) - 1
    for n in range(len(events)):
        if n == 0:
            label = _l("%(ordinal)s (earliest)", ordinal=ORDINALS[n])
        elif n == last:
            label = _l("%(ordinal)s (latest)", ordinal=ORDINALS[n])
        else:
            label = ORDINALS[n]
        field = SelectField(
            label, validators=[InputRequired(_l("Choose an event for every position."))]
        )
        setattr(Form, f"position_{n + 1}", field)
    form = Form()
    for position in form.positions:
        position.choices = [("", _("Choose an event"))] + [(event, event) for event in events]
    return form


class TextAnswerForm(FlaskForm):
    question_id = HiddenField()
    answer = StringField(
        _l("Your answer"),
        validators=[DataRequired(_l("Type an answer.")), Length(max=200)],
    )


class ReportForm(FlaskForm):
    comment = TextAreaField(
        _l("What looks wrong? (optional)"),
        validators=[
            Optional(),
            Length(
                max=reports.MAX_COMMENT,
                message=_l("At most %(most)s characters.", most=reports.MAX_COMMENT),
            ),
        ],
    )


class LiveJoinForm(FlaskForm):
    pin = StringField(
        _l("Game PIN"),
        validators=[DataRequired(_l("Type the PIN your teacher shows.")), Length(max=16)],
    )
    nickname = nickname_field()


def posted_id(field) -> int | None:
    """Return the id a hidden field carries (1 to MAX_ID), or None for anything else: ids are
    32-bit columns, and a larger number would fail in the database, not here."""
    try:
        value = int(field.data or "")
    except (TypeError, ValueError):
        return None
    return value if 1 <= value <= MAX_ID else None


class LiveAnswerForm(FlaskForm):
    """One answer button of the open question (the button's value is the answer)."""

    question_id = HiddenField()
    answer = HiddenField()


class PracticeForm(FlaskForm):
    """A button that starts a practice session of an article, or makes a personal code."""


class ContinueForm(FlaskForm):
    code = StringField(
        _l("Your personal code"),
        validators=[
            DataRequired(_l("Type the personal code you were shown.")),
            Length(max=32, message=_l("A personal code is ten letters and digits.")),
        ],
    )
