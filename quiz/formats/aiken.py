"""Moodle's Aiken format: a question line, lettered options, `ANSWER: X` (pure)."""

from __future__ import annotations

import re
import string

from quiz.formats.model import (
    N_,
    Choice,
    Dumped,
    FormatError,
    Item,
    Parsed,
    Problem,
    check_item,
    decode,
    infer_kind,
)

_OPTION = re.compile(r"([A-Z])[.)]\s+(.*)")
_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.I)


def parse(data: bytes | str) -> Parsed:
    """Read an Aiken file; raise FormatError listing every problem in it."""
    parsed, problems = Parsed(), []
    current: Item | None = None

    for number, raw in enumerate(decode(data).split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION.fullmatch(line)
        answer = _ANSWER.fullmatch(line)
        if answer:
            if current is None or not current.options:
                problems.append(
                    Problem(number, 1, N_("'ANSWER:' comes before any question options"))
                )
                current = None
                continue
            _finish(current, answer.group(1).strip(), number, parsed, problems)
            current = None
        elif option and current is not None:
            letter, text = option.groups()
            expected = string.ascii_uppercase[len(current.options)]
            if letter != expected:
                problems.append(
                    Problem(
                        number,
                        1,
                        N_("option %(found)s where option %(expected)s was expected"),
                        found=letter,
                        expected=expected,
                    )
                )
            current.options.append(Choice(text.strip(), False))
        elif current is not None and current.options:
            problems.append(
                Problem(
                    number,
                    1,
                    N_(
                        "expected the next option (like 'C. text') or 'ANSWER: X' to end "
                        "the question of line %(line)s"
                    ),
                    line=current.line,
                )
            )
            current = Item(kind="choice", prompt=line, answer="", line=number)
        elif current is not None:
            current.prompt += "\n" + line
        else:
            current = Item(kind="choice", prompt=line, answer="", line=number)
    if current is not None:
        problems.append(Problem(current.line, 0, N_("this question has no 'ANSWER: X' line")))
    if problems:
        raise FormatError(problems)
    return parsed


def _finish(item: Item, letter: str, number: int, parsed: Parsed, problems: list) -> None:
    letters = string.ascii_uppercase[: len(item.options)]
    if len(letter) != 1 or letter.upper() not in letters:
        problems.append(
            Problem(
                number,
                1,
                N_("'ANSWER: %(letter)s' must name one of the options %(letters)s"),
                letter=letter,
                letters=", ".join(letters),
            )
        )
        return
    chosen = item.options[letters.index(letter.upper())]
    chosen.correct = True
    item.answer = chosen.text
    item.kind = infer_kind(item.options)
    found = check_item(item)
    if found:
        problems.extend(Problem(item.line, 0, message) for message in found)
        return
    parsed.items.append(item)


def dump(items: list[Item]) -> Dumped:
    """Write questions with options as Aiken; questions without options are skipped."""
    blocks, skipped = [], []
    for item in items:
        right = [n for n, o in enumerate(item.options) if o.correct]
        if not item.options:
            skipped.append((item.prompt, "Aiken has only multiple-choice questions"))
            continue
        if len(item.options) > 26 or len(right) != 1:
            skipped.append((item.prompt, "Aiken needs one right option among at most 26"))
            continue
        lines = [" ".join(item.prompt.split())]
        lines += [
            f"{string.ascii_uppercase[n]}. {' '.join(o.text.split())}"
            for n, o in enumerate(item.options)
        ]
        lines.append(f"ANSWER: {string.ascii_uppercase[right[0]]}")
        blocks.append("\n".join(lines) + "\n")
    return Dumped("\n".join(blocks), skipped)
