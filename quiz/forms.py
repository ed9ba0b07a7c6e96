"""Form fields shared by the student and teacher pages."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length, ValidationError

from quiz.rounds.nicknames import MAX_NICKNAME, clean_nickname


def valid_nickname(form, field):
    """Trim the nickname and refuse one that is empty, too long or has control characters."""
    try:
        field.data = clean_nickname(field.data or "")
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def nickname_field() -> StringField:
    """Return a nickname field: required, trimmed, at most 32 characters."""
    return StringField(
        _l("Nickname"),
        validators=[
            DataRequired(_l("Type a nickname.")),
            Length(max=MAX_NICKNAME * 2),
            valid_nickname,
        ],
    )


def status_of(form) -> int:
    """Return a form page's status: 422 when the submitted form was refused, else 200."""
    return 422 if form.errors else 200
