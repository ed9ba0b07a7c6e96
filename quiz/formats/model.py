"""What every question format reads into and writes from, and how it reports problems (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.marked import N_, Message, N_plural
from quiz.rules import MAX_TITLE

# Kinds a player answers by choosing one of the options; "short" is typed free text.
OPTION_KINDS = (
    "choice",
    "true_false",
    "year",
    "date",
    "first",
    "number",
    "cloze",
    "statement",
    "odd_one_out",
)
KINDS = OPTION_KINDS + ("short",)
TRUE_FALSE = ("True", "False")
DIFFICULTIES = ("easy", "medium", "hard")
MAX_OPTIONS = 10
MAX_CATEGORY = 200


class Problem:
    """One thing wrong with an import file, where it is (column 0 when unknown).

    `reason` is a Message marked with N_(): `message` is its English text. The problem itself
    is a marked message too (`template`, `values`: "line 4: …"), so a page translates it whole
    with `quiz.i18n.translate(problem)`; `str()` is the English the command line prints.
    """

    __slots__ = ("column", "line", "reason")

    def __init__(
        self, line: int, column: int, reason: str | tuple[str, str] | Message, /, **values
    ):
        self.line, self.column = line, column
        self.reason = reason if isinstance(reason, Message) else Message(reason, **values)

    @property
    def message(self) -> str:
        return str(self.reason)

    @property
    def template(self) -> str:
        if self.column:
            return N_("line %(line)s, column %(column)s: %(reason)s")
        return N_("line %(line)s: %(reason)s")

    @property
    def values(self) -> dict:
        values: dict = {"line": self.line, "reason": self.reason}
        if self.column:
            values["column"] = self.column
        return values

    def __str__(self) -> str:
        return str(Message(self.template, **self.values))

    def __repr__(self) -> str:
        return f"Problem({self.line}, {self.column}, {self.message!r})"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.line, self.column, self.reason) == (other.line, other.column, other.reason)

    def __hash__(self) -> int:
        return hash((self.line, self.column, self.reason))


class Refused(ValueError):
    """A problem that stops reading one question or row (the rest of the file is still read).

    `where` says where it is as the reader counts (a column, or an index into the text).
    """

    def __init__(self, where: int, reason: str, /, **values):
        self.where = where
        self.reason = Message(reason, **values)
        super().__init__(str(self.reason))


class FormatError(ValueError):
    """A file that cannot be imported; lists every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class Choice:
    """One option of a question, with its credit (100 is right) and its own feedback."""

    text: str
    correct: bool
    feedback: str | None = None
    # A GIFT credit such as %33.33333% is kept as written.
    weight: float | None = None


@dataclass
class Item:
    """A question as the formats exchange it: no database, no article."""

    kind: str
    prompt: str
    answer: str
    options: list[Choice] = field(default_factory=list)
    explanation: str | None = None
    title: str | None = None
    category: str | None = None
    difficulty: str | None = None
    time_limit: int | None = None
    # Kind-specific grading data (accepted texts, numeric ranges, partial-credit weights).
    data: dict | None = None
    # Feedback for the right answer of a question without options (short, numerical).
    feedback: str | None = None
    line: int = 0

    def right_feedback(self) -> str | None:
        """Return the feedback of the first right option, if it has one."""
        found = (o.feedback for o in self.options if o.correct and o.feedback)
        return next(found, self.feedback)


@dataclass
class Parsed:
    """What a file holds: the questions it imports, and what it skipped and why."""

    items: list[Item] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Dumped:
    """A written file, and the questions the format could not express."""

    text: str
    skipped: list[tuple[str, str]] = field(default_factory=list)


def decode(data: bytes | str) -> str:
    """Return the file's text without a byte-order mark and with "\\n" line ends."""
    if isinstance(data, bytes):
        raw = data
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            raise FormatError(
                [Problem(line, column, N_("the file is not UTF-8 text; save it as UTF-8"))]
            ) from None
    text = data.removeprefix("\ufeff")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FormatError(
            [Problem(line, 0, N_("the file holds a NUL byte: it is not a text file"))]
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_item(item: Item) -> list[Message]:
    """Return what makes a parsed question unusable ([] when it is fine)."""
    problems = []
    if not item.prompt.strip():
        problems.append(Message(N_("the question has no text")))
    if item.kind in OPTION_KINDS:
        texts = [" ".join(o.text.split()).casefold() for o in item.options]
        if not 2 <= len(item.options) <= MAX_OPTIONS:
            problems.append(
                Message(
                    # English says "options" even for one, as it always has; the plural
                    # forms are the other languages'.
                    N_plural(
                        "%(num)s options (need 2 to %(most)s)",
                        "%(num)s options (need 2 to %(most)s)",
                    ),
                    num=len(item.options),
                    most=MAX_OPTIONS,
                )
            )
        if any(not t for t in texts):
            problems.append(Message(N_("an option is empty")))
        elif len(set(texts)) != len(texts):
            problems.append(Message(N_("two options are the same")))
    if item.title and len(item.title) > MAX_TITLE:
        problems.append(
            Message(
                N_plural(
                    "the title is longer than %(num)s character",
                    "the title is longer than %(num)s characters",
                ),
                num=MAX_TITLE,
            )
        )
    if item.category and len(item.category) > MAX_CATEGORY:
        problems.append(
            Message(
                N_plural(
                    "the category is longer than %(num)s character",
                    "the category is longer than %(num)s characters",
                ),
                num=MAX_CATEGORY,
            )
        )
    return problems


def unplayable(item: Item) -> str | None:
    """Return why a well-formed question cannot be played (marked with N_()), or None."""
    if item.kind in OPTION_KINDS and not any(o.correct for o in item.options):
        return N_("no option earns full credit, so no answer could be scored right")
    return None


def infer_kind(options: list[Choice]) -> str:
    """Return "true_false" for exactly the options True and False, else "choice"."""
    return "true_false" if tuple(o.text for o in options) == TRUE_FALSE else "choice"


def first_right(options: list[Choice]) -> str:
    """Return the text of the first right option ("" when none is right)."""
    return next((o.text for o in options if o.correct), "")
