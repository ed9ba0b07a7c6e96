"""Problems found in a seed file, reported all at once with line numbers."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Problem:
    """One thing wrong with a seed file, where it is."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        name = Path(self.path).name
        return f"{name}:{self.line}: {self.message}" if self.line else f"{name}: {self.message}"


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
        raise SeedFileError([Problem(str(path), None, f"cannot read: {error.strerror}")]) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SeedFileError([Problem(str(path), line, "not UTF-8 text")]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        at_line = int(found.group(1)) if found else None
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise SeedFileError([Problem(str(path), at_line, f"TOML syntax: {message}")]) from None


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
