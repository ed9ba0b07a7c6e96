"""Open Trivia DB's JSON: `{"response_code", "results": [{"category", "type", "difficulty",
"question", "correct_answer", "incorrect_answers"}]}` (pure).

Open Trivia DB sends text HTML-encoded by default; reading decodes it, writing encodes it.
"""

from __future__ import annotations

import base64
import html
import json
import re
from urllib.parse import quote

from quiz.formats.model import (
    DIFFICULTIES,
    N_,
    TRUE_FALSE,
    Choice,
    Dumped,
    FormatError,
    Item,
    Message,
    Parsed,
    Problem,
    Refused,
    check_item,
    decode,
)

TYPES = {"multiple": "choice", "boolean": "true_false"}
ENCODINGS = ("default", "url3986", "base64")
# What Python's JSON reader says of a file it cannot read, marked so pages translate it.
JSON_ERRORS = (
    N_("Expecting value"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Invalid \\uXXXX escape"),
    N_("Extra data"),
)


def parse(data: bytes | str) -> Parsed:
    """Read an Open Trivia DB response; raise FormatError listing every problem in it."""
    text = decode(data)
    try:
        top = json.loads(text)
    except json.JSONDecodeError as error:
        # The reader's own words (JSON_ERRORS), translated where the page knows them.
        reason = Message(error.msg)
        raise FormatError(
            [Problem(error.lineno, error.colno, N_("not JSON: %(reason)s"), reason=reason)]
        ) from None
    except RecursionError:
        raise FormatError([Problem(1, 1, N_("the JSON is nested too deeply"))]) from None
    if not isinstance(top, dict) or not isinstance(top.get("results"), list):
        raise FormatError([Problem(1, 1, N_('expected an object with a "results" list'))])
    code = top.get("response_code", 0)
    if code != 0:
        raise FormatError(
            [
                Problem(
                    1,
                    1,
                    N_("response_code is %(code)s: the response holds no questions"),
                    code=repr(code),
                )
            ]
        )
    parsed, problems = Parsed(), []
    for result, (line, column) in zip(
        top["results"], _positions(text, len(top["results"])), strict=False
    ):
        try:
            item = _item(result)
        except Refused as error:
            problems.append(Problem(line, column, error.reason))
            continue
        item.line = line
        found = check_item(item)
        problems.extend(Problem(line, column, message) for message in found)
        if not found:
            parsed.items.append(item)
    if problems:
        raise FormatError(problems)
    return parsed


def _positions(text: str, count: int) -> list[tuple[int, int]]:
    """Return where each element of the top-level "results" array starts."""
    decoder = json.JSONDecoder()
    found = [(1, 1)] * count
    index = _results_start(text, decoder)
    if index is None:
        return found
    for n in range(count):
        while index < len(text) and text[index] in " \t\n,":
            index += 1
        line = text.count("\n", 0, index) + 1
        found[n] = (line, index - (text.rfind("\n", 0, index) + 1) + 1)
        _, index = decoder.raw_decode(text, index)
    return found


def _results_start(text: str, decoder: json.JSONDecoder) -> int | None:
    """Return the index just inside the top-level "results" array."""
    index = text.index("{") + 1
    while True:
        key_at = re.compile(r'\s*"').match(text, index)
        if not key_at:
            return None
        key, index = decoder.raw_decode(text, key_at.end() - 1)
        colon = re.compile(r"\s*:\s*").match(text, index)
        if not colon:
            return None
        index = colon.end()
        if key == "results":
            return index + 1
        _, index = decoder.raw_decode(text, index)
        after = re.compile(r"\s*,?").match(text, index)
        assert after is not None  # the pattern matches the empty string
        index = after.end()


def _text(result: dict, name: str) -> str:
    value = result.get(name)
    if not isinstance(value, str) or not value.strip():
        raise Refused(0, N_('"%(name)s" must be a non-empty string'), name=name)
    return html.unescape(value).strip()


def _item(result) -> Item:
    if not isinstance(result, dict):
        raise Refused(0, N_("each result must be an object"))
    type_name = result.get("type")
    kind = TYPES.get(type_name) if isinstance(type_name, str) else None
    if kind is None:
        raise Refused(0, N_('"type" must be "multiple" or "boolean"'))
    prompt = _text(result, "question")
    right = _text(result, "correct_answer")
    wrong = result.get("incorrect_answers")
    if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
        raise Refused(0, N_('"incorrect_answers" must be a list of strings'))
    wrong = [html.unescape(w).strip() for w in wrong]
    difficulty = result.get("difficulty")
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise Refused(0, N_('"difficulty" must be "easy", "medium" or "hard"'))
    category = result.get("category")
    if category is not None and not isinstance(category, str):
        raise Refused(0, N_('"category" must be a string'))
    if kind == "true_false":
        if right not in TRUE_FALSE or wrong != [t for t in TRUE_FALSE if t != right]:
            raise Refused(
                0,
                N_(
                    'a boolean question has "correct_answer" True or False and the '
                    "other one as its only incorrect answer"
                ),
            )
        options = [Choice(t, t == right) for t in TRUE_FALSE]
    else:
        options = [Choice(right, True)] + [Choice(w, False) for w in wrong]
    return Item(
        kind=kind,
        prompt=prompt,
        answer=right,
        options=options,
        category=html.unescape(category).strip() or None if category else None,
        difficulty=difficulty,
    )


def encoder(encoding: str):
    """Return the function that encodes text the way Open Trivia DB's `encode` asks."""
    if encoding == "url3986":
        return lambda text: quote(text, safe="")
    if encoding == "base64":
        return lambda text: base64.b64encode(text.encode("utf-8")).decode("ascii")
    return lambda text: html.escape(text, quote=True)


def result(item: Item, encode=None) -> dict | None:
    """Return a question in Open Trivia DB's shape, or None when it has no options."""
    encode = encode or encoder("default")
    if item.kind == "short" or not item.options:
        return None
    right = next(o.text for o in item.options if o.correct)
    return {
        "type": "boolean" if item.kind == "true_false" else "multiple",
        "difficulty": encode(item.difficulty or "medium"),
        "category": encode(item.category or ""),
        "question": encode(item.prompt),
        "correct_answer": encode(right),
        "incorrect_answers": [encode(o.text) for o in item.options if o.text != right],
    }


def dump(items: list[Item]) -> Dumped:
    """Write questions as an Open Trivia DB response; typed-answer questions are skipped."""
    results, skipped = [], []
    for item in items:
        found = result(item)
        if found is None:
            skipped.append(
                (item.prompt, "Open Trivia DB has only multiple-choice and true/false questions")
            )
        else:
            results.append(found)
    text = json.dumps({"response_code": 0, "results": results}, ensure_ascii=False, indent=2)
    return Dumped(text + "\n", skipped)
