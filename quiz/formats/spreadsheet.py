"""Kahoot-style spreadsheets as CSV: question, answers 1-4, time limit, right answer numbers (pure).

The header row names the columns (any order, any case, extra words allowed):
`Question`, `Answer 1` … `Answer N`, `Time limit (sec)`, `Correct answer(s)` (numbers like
`1,3`), and optionally `Explanation`, `Category`, `Difficulty`, `Kind`. Rows before the header
(a template's title rows) are ignored. A row with a single answer is a typed (short) answer.
"""

from __future__ import annotations

import csv
import io
import re

from quiz.formats.model import (
    DIFFICULTIES,
    KINDS,
    N_,
    OPTION_KINDS,
    Choice,
    Dumped,
    FormatError,
    Item,
    Message,
    N_plural,
    Parsed,
    Problem,
    Refused,
    check_item,
    decode,
    first_right,
    infer_kind,
    unplayable,
)

HEADER_ROWS_SEARCHED = 10
# Spreadsheet programs run a cell starting with one of these as a formula; exported cells
# get a leading apostrophe, which spreadsheets hide and which import removes again.
FORMULA_START = ("=", "+", "-", "@")
OPTIONAL = ("explanation", "category", "difficulty", "kind", "title")


def parse(data: bytes | str) -> Parsed:
    """Read a CSV sheet; raise FormatError listing every problem in it."""
    text = decode(data)
    rows = _rows(text)
    header_at, columns = _header(rows)
    parsed, problems = Parsed(), []
    for line, row in rows[header_at + 1 :]:
        if not any(cell.strip() for cell in row):
            continue
        try:
            item = _item(line, row, columns)
        except Refused as bad:
            problems.append(Problem(line, bad.where, bad.reason))
            continue
        found = check_item(item)
        if found:
            problems.extend(Problem(line, 0, message) for message in found)
            continue
        reason = unplayable(item)
        if reason:
            parsed.skipped.append((line, reason))
        else:
            parsed.items.append(item)
    if problems:
        raise FormatError(problems)
    return parsed


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """Return each row with the line it starts on; refuse an unclosed quote."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows, start = [], 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        # The reader's own words, but for the usual mistake.
        reason = N_("a quoted cell is not closed") if "end of data" in str(error) else str(error)
        raise FormatError(
            [Problem(start, 0, N_("cannot read this row: %(reason)s"), reason=Message(reason))]
        ) from None
    return rows


def _header(rows) -> tuple[int, dict]:
    for index, (_line, row) in enumerate(rows[:HEADER_ROWS_SEARCHED]):
        columns: dict[int | str, int] = {}
        for n, cell in enumerate(row):
            name = cell.strip().casefold()
            found = re.match(r"answer\s*(\d+)", name)
            if found:
                columns[int(found.group(1))] = n
            elif name.startswith("question"):
                columns.setdefault("question", n)
            elif name.startswith("time limit"):
                columns["time"] = n
            elif name.startswith("correct"):
                columns["correct"] = n
            else:
                for key in OPTIONAL:
                    if name.startswith(key):
                        columns[key] = n
        if "question" in columns and 1 in columns and "correct" in columns:
            return index, columns
    line = rows[0][0] if rows else 1
    raise FormatError(
        [
            Problem(
                line,
                0,
                N_plural(
                    "no header row with the columns 'Question', 'Answer 1' … and "
                    "'Correct answer(s)' in the first %(num)s row",
                    "no header row with the columns 'Question', 'Answer 1' … and "
                    "'Correct answer(s)' in the first %(num)s rows",
                ),
                num=HEADER_ROWS_SEARCHED,
            )
        ]
    )


def _cell(row: list[str], columns: dict, key) -> str:
    n = columns.get(key)
    if n is None or n >= len(row):
        return ""
    value = row[n].strip()
    if value.startswith("'") and value[1:2] in FORMULA_START:
        value = value[1:]
    return value


def _item(line: int, row: list[str], columns: dict) -> Item:
    prompt = _cell(row, columns, "question")
    if not prompt:
        raise Refused(columns["question"] + 1, N_("the question is empty"))
    numbers = sorted(k for k in columns if isinstance(k, int))
    answers = [(n, _cell(row, columns, n)) for n in numbers]
    answers = [(n, text) for n, text in answers if text]
    correct_column = columns["correct"] + 1
    raw = _cell(row, columns, "correct")
    picks = re.split(r"[\s,;]+", raw) if raw else []
    if not picks:
        raise Refused(correct_column, N_("no correct answer number (like 1, or 1,3)"))
    given = {n for n, _ in answers}
    chosen = set()
    for pick in picks:
        if not pick.isdigit() or int(pick) not in given:
            raise Refused(
                correct_column,
                N_("%(pick)s is not the number of a filled-in answer"),
                pick=repr(pick),
            )
        chosen.add(int(pick))
    options = [Choice(text, n in chosen) for n, text in answers]
    kind = _cell(row, columns, "kind") or (infer_kind(options) if len(options) > 1 else "short")
    if kind not in KINDS:
        raise Refused(
            columns["kind"] + 1,
            N_("unknown kind %(kind)s (known: %(known)s)"),
            kind=repr(kind),
            known=", ".join(KINDS),
        )
    item = Item(kind=kind, prompt=prompt, answer=first_right(options), options=options, line=line)
    if kind == "short":
        if len(chosen) != len(options):
            raise Refused(
                correct_column, N_("every answer of a typed-answer question must be correct")
            )
        accepted = [o.text for o in options]
        item.options = []
        item.data = {"accepted": accepted} if len(accepted) > 1 else None
    elif kind not in OPTION_KINDS:
        raise Refused(columns["kind"] + 1, N_("kind %(kind)s does not fit"), kind=repr(kind))
    item.time_limit = _time(row, columns)
    item.explanation = _cell(row, columns, "explanation") or None
    item.category = _cell(row, columns, "category") or None
    item.title = _cell(row, columns, "title") or None
    difficulty = _cell(row, columns, "difficulty").casefold() or None
    if difficulty and difficulty not in DIFFICULTIES:
        raise Refused(columns["difficulty"] + 1, N_("the difficulty must be easy, medium or hard"))
    item.difficulty = difficulty
    return item


def _time(row, columns) -> int | None:
    raw = _cell(row, columns, "time")
    if not raw:
        return None
    if not raw.isdigit() or not 5 <= int(raw) <= 600:
        raise Refused(
            columns["time"] + 1,
            N_("the time limit %(given)s is not 5 to 600 seconds"),
            given=repr(raw),
        )
    return int(raw)


HEADER = ["Question - max 120 characters"]
TAIL = [
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
    "Explanation",
    "Category",
    "Difficulty",
    "Kind",
]


def _safe(text: str | None) -> str:
    text = text or ""
    return "'" + text if text.startswith(FORMULA_START) else text


def dump(items: list[Item]) -> Dumped:
    """Write questions as a Kahoot-style CSV sheet (UTF-8, comma separated)."""
    width = max([4] + [len(i.options) or len((i.data or {}).get("accepted", [])) for i in items])
    out, skipped = io.StringIO(), []
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        HEADER + [f"Answer {n} - max 75 characters" for n in range(1, width + 1)] + TAIL
    )
    for item in items:
        if item.kind == "short":
            texts = (item.data or {}).get("accepted") or [item.answer]
            numeric = (item.data or {}).get("numeric")
            if numeric and (len(numeric) > 1 or numeric[0].get("tolerance") != "0"):
                skipped.append((item.prompt, "a sheet cannot hold a numeric range or tolerance"))
                continue
            correct = list(range(1, len(texts) + 1))
        else:
            texts = [o.text for o in item.options]
            correct = [n for n, o in enumerate(item.options, start=1) if o.correct]
        cells = [_safe(t) for t in texts] + [""] * (width - len(texts))
        writer.writerow(
            [_safe(item.prompt)]
            + cells
            + [
                str(item.time_limit or ""),
                ",".join(map(str, correct)),
                _safe(item.explanation),
                _safe(item.category),
                item.difficulty or "",
                item.kind,
            ]
        )
    return Dumped(out.getvalue(), skipped)
