"""Problems found in a seed file, reported all at once with line numbers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from quiz.marked import N_, Message


class Problem:
    """One thing wrong with a seed file, where it is.

    `reason` is a Message marked with N_(): `message` is its English text. The problem itself
    is a marked message too (`template`, `values`: "baikonur.toml:12: …"), so a page translates
    it whole with `quiz.i18n.translate(problem)`; `str()` is the English the command line prints.
    """

    __slots__ = ("line", "path", "reason")

    def __init__(self, path: str, line: int | None, reason: str | Message, /, **values):
        self.path, self.line = path, line
        self.reason = reason if isinstance(reason, Message) else Message(reason, **values)

    @property
    def message(self) -> str:
        return str(self.reason)

    @property
    def template(self) -> str:
        return N_("%(file)s:%(line)s: %(reason)s") if self.line else N_("%(file)s: %(reason)s")

    @property
    def values(self) -> dict:
        values: dict = {"file": Path(self.path).name, "reason": self.reason}
        if self.line:
            values["line"] = self.line
        return values

    def __str__(self) -> str:
        return str(Message(self.template, **self.values))

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.line}, {self.message!r})"


def labelled(label: Message, error) -> Message:
    """Return "fact 'x': field: why" for a FactError or TemplateError, to translate whole."""
    reason = Message(error.template, **error.values)
    if error.field:
        return Message(
            N_("%(label)s: %(field)s: %(reason)s"), label=label, field=error.field, reason=reason
        )
    return Message(N_("%(label)s: %(reason)s"), label=label, reason=reason)


class SeedFileError(Exception):
    """A seed file with problems; lists every one of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


def read_toml(path: Path) -> tuple[dict, str]:
    """Read and parse a TOML file, or raise SeedFileError naming the line at fault."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SeedFileError(
            [Problem(str(path), None, N_("cannot read: %(reason)s"), reason=error.strerror)]
        ) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SeedFileError([Problem(str(path), line, N_("not UTF-8 text"))]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        at_line = int(found.group(1)) if found else None
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        # The reader's own words (English), after a translated start.
        raise SeedFileError(
            [Problem(str(path), at_line, N_("TOML syntax: %(reason)s"), reason=message)]
        ) from None


def header_lines(text: str, name: str) -> list[int]:
    """Return the line numbers of every [[name]] header, in order."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
    return [number for number, line in enumerate(text.splitlines(), 1) if pattern.match(line)]


def table_line(text: str, name: str) -> int | None:
    """Return the line of the [name] header (or of a top-level `name =`), if present."""
    header = re.compile(rf"^\s*\[\[?\s*{re.escape(name)}\s*\]")
    top_level = re.compile(rf"^\s*([\"']?){re.escape(name)}\1\s*=")
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        if header.match(line) or (not in_table and top_level.match(line)):
            return number
        in_table = in_table or line.lstrip().startswith("[")
    return None


def field_line(text: str, start: int | None, field: str | None) -> int | None:
    """Return the line of `field =` in the table starting at line start (else start)."""
    if start is None or field is None:
        return start
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*([\"']?){re.escape(field)}\1\s*=")
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if re.match(r"^\s*\[", line):
            break
        if pattern.match(line):
            return number
    return start
