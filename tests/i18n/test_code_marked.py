"""Every message the code shows a person is marked for translation where it is written.

Text handed to a form validator, ValidationError, flash, abort, a service error (Invalid,
NotFound…), an article import's ImportProblem, a fact's FactError, a template's TemplateError,
or a question or seed file's Problem (and the Refused, Message… it is made of) reaches a
page. It must be a `_()`/`_l()`/`N_()` call or a value made by one, never a plain or
f-string: extraction would miss it, and every language would see English.
"""

import ast
from pathlib import Path

import pytest

QUIZ = Path(__file__).resolve().parents[2] / "quiz"
SHOWN = {
    # WTForms and Flask-WTF validators: their message is shown under the field.
    "AnyOf",
    "DataRequired",
    "Email",
    "EqualTo",
    "FileAllowed",
    "FileRequired",
    "FileSize",
    "InputRequired",
    "Length",
    "NoneOf",
    "NumberRange",
    "Regexp",
    "URL",
    "ValidationError",
    "StopValidation",
    # Pages and the API.
    "flash",
    "abort",
    "QuizError",
    "Invalid",
    "Unauthorized",
    "NotFound",
    "Conflict",
    "Locked",
    "Closed",
    # Service errors a page translates where it shows them.
    "ImportProblem",
    "FactError",
    "TemplateError",
    # Problems of question files (GIFT, Aiken, CSV, Open Trivia DB) and seed files, the
    # readers' refusals and skips, and the messages they are made of (quiz.marked).
    "Problem",
    "Refused",
    "_Skip",
    "Message",
    "report",
}
# The command line stays English (README, Languages).
ENGLISH_ONLY = {"cli.py"}


def _is_words(node: ast.expr) -> bool:
    """Tell whether a call argument is text written in place: a literal with words, or built
    from one (f-string, %, .format, +). A field name or a flash category has no space."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and " " in node.value.strip()
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_words(node.left) or _is_words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_words(node.func.value)
    return False


def unmarked(source: str) -> list[tuple[int, str]]:
    """Return (line, call) for each shown message written without a translation call."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in SHOWN:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if any(_is_words(argument) for argument in arguments):
            found.append((node.lineno, ast.unparse(node)[:120]))
    return found


@pytest.mark.parametrize(
    "module",
    sorted(
        str(p.relative_to(QUIZ))
        for p in QUIZ.rglob("*.py")
        if str(p.relative_to(QUIZ)) not in ENGLISH_ONLY
    ),
)
def test_no_shown_message_escapes_translation(module):
    assert unmarked((QUIZ / module).read_text(encoding="utf-8")) == [], (
        "mark these with _() / _l() (or N_() where a page translates them later), "
        "with %(name)s values, then run `make translations` and translate"
    )


def test_the_check_finds_unmarked_messages():
    source = """
NumberRange(5, 240, "Choose between 5 and 240 seconds.")
NumberRange(5, 240, _l("Choose between %(min)s and %(max)s seconds."))
raise ImportProblem(f"the article has {words:,} words")
raise ImportProblem(N_("The article has %(count)s words."), count=words)
flash(_("Saved."), "info")
flash("Saved and done.", "info")
abort(404, "No such " + "thing")
FactError(N_("must be a non-empty string"), "key")
Length(max=16, message="At most {} characters.".format(16))
Problem(number, 1, f"option {letter} where option {expected} was expected")
Problem(number, 1, N_("option %(found)s where option %(expected)s was expected"), found=letter)
raise Refused(index, "an empty answer")
raise Refused(index, N_("an empty answer"))
Problem(str(path), None, "no [[template]] entries")
raise TemplateError(f"{name}: must be a non-empty string")
raise TemplateError(N_("must be a non-empty string"), name)
Message(N_plural("%(num)s option", "%(num)s options"), num=n)
report(line, f"article: {name}: missing")
"""
    assert [line for line, _ in unmarked(source)] == [2, 4, 7, 8, 10, 11, 13, 15, 16, 19]
