"""What every question format reads into and writes from, and how it reports problems (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

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


def N_(message: str) -> str:
    """Mark a message for the catalogs; the pages translate it where they show it."""
    return message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file, where it is (column 0 when unknown)."""

    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.column:
            return f"line {self.line}, column {self.column}: {self.message}"
        return f"line {self.line}: {self.message}"


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


def check_item(item: Item) -> list[str]:
    """Return what makes a parsed question unusable ([] when it is fine)."""
    problems = []
    if not item.prompt.strip():
        problems.append(N_("the question has no text"))
    if item.kind in OPTION_KINDS:
        texts = [" ".join(o.text.split()).casefold() for o in item.options]
        if not 2 <= len(item.options) <= MAX_OPTIONS:
            problems.append(f"{len(item.options)} options (need 2 to {MAX_OPTIONS})")
        if any(not t for t in texts):
            problems.append(N_("an option is empty"))
        elif len(set(texts)) != len(texts):
            problems.append(N_("two options are the same"))
    if item.title and len(item.title) > MAX_TITLE:
        problems.append(f"the title is longer than {MAX_TITLE} characters")
    if item.category and len(item.category) > MAX_CATEGORY:
        problems.append(f"the category is longer than {MAX_CATEGORY} characters")
    return problems


def unplayable(item: Item) -> str | None:
    """Return why a well-formed question cannot be played, or None."""
    if item.kind in OPTION_KINDS and not any(o.correct for o in item.options):
        return N_("no option earns full credit, so no answer could be scored right")
    return None


def infer_kind(options: list[Choice]) -> str:
    """Return "true_false" for exactly the options True and False, else "choice"."""
    return "true_false" if tuple(o.text for o in options) == TRUE_FALSE else "choice"


def first_right(options: list[Choice]) -> str:
    """Return the text of the first right option ("" when none is right)."""
    return next((o.text for o in options if o.correct), "")
