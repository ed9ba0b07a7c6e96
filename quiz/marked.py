"""Messages of the pure packages (formats, facts, generation), marked for the catalogs.

Those packages import no Flask, so they cannot translate: a message is marked with `N_()`
(or `N_plural()` when it counts something) and kept with its values in a `Message`. Its
`str()` is the English text, as the command line prints it; a page translates it where it
shows it, with `quiz.i18n.translate(message)`, numbers written the language's way.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for the catalogs; the pages translate it where they show it."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message that counts `%(num)s` with its plural, translated later like N_()."""
    return singular, plural


class Message:
    """A marked message with its values kept apart: `template` (and `plural`), `values`.

    A value may be a Message itself (translated in turn). `str()` fills the values in the
    English template.
    """

    __slots__ = ("plural", "template", "values")

    def __init__(self, template: str | tuple[str, str], /, **values):
        self.plural: str | None = None
        if isinstance(template, tuple):
            template, self.plural = template
            if "num" not in values:
                raise TypeError("a message with a plural needs its num")
        self.template: str = template
        self.values = values

    def __str__(self) -> str:
        text = self.template
        if self.plural is not None and self.values["num"] != 1:
            text = self.plural
        return text % self.values if self.values else text

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.plural, self.values) == (
            other.template,
            other.plural,
            other.values,
        )

    def __hash__(self) -> int:
        return hash((self.template, self.plural))
