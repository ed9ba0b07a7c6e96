"""Moodle's GIFT text format: read and write questions (pure).

Follows https://docs.moodle.org/en/GIFT_format: questions separated by blank lines, `//`
comments, `::title::`, `$CATEGORY:`, `{=right ~wrong}` with `#feedback` and `####` general
feedback, `%50%` credit, `{T}`/`{FALSE}`, `{=a =b}` short answers, `{#1961:2}` and
`{#1950..1960}` numbers, answer blocks mid-sentence, `\\` escapes and `[html]` prefixes.
A `// quiz: kind=year time_limit=20` comment keeps what GIFT itself cannot say.
"""

from __future__ import annotations

import html
import re

from quiz.facts.text import BLANK
from quiz.formats.model import (
    KINDS,
    N_,
    OPTION_KINDS,
    Choice,
    Dumped,
    FormatError,
    Item,
    Parsed,
    Problem,
    Refused,
    check_item,
    decode,
    first_right,
    unplayable,
)

SPECIAL = "~=#{}:\\"
# Escaped special characters become private-use characters while parsing, so that splitting
# on the real `~ = # { } :` never splits inside an escaped one.
_HIDE = {ch: chr(0xE000 + n) for n, ch in enumerate(SPECIAL)}
_SHOW = {ord(v): k for k, v in _HIDE.items()}
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_FORMATS = ("[html]", "[markdown]", "[plain]", "[moodle]")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
DEFAULT_TIME = 30


class _Text:
    """A question's text with escapes hidden, and where each character came from."""

    def __init__(self, lines: list[tuple[int, str]]):
        chars: list[str] = []
        where: list[tuple[int, int]] = []
        for number, line in lines:
            if chars:
                chars.append("\n")
                where.append((number, len(line) + 1))
            n = 0
            while n < len(line):
                ch = line[n]
                if ch == "\\" and n + 1 < len(line):
                    nxt = line[n + 1]
                    if nxt in _HIDE:
                        chars.append(_HIDE[nxt])
                    elif nxt == "n":
                        chars.append("\n")
                    else:
                        chars.append(ch)
                        where.append((number, n + 1))
                        n += 1
                        continue
                    where.append((number, n + 1))
                    n += 2
                    continue
                chars.append(ch)
                where.append((number, n + 1))
                n += 1
        self.text = "".join(chars)
        self.where = where
        self.first_line = lines[0][0]

    def at(self, index: int) -> tuple[int, int]:
        """Return the line and column of a character of the hidden text."""
        if not self.where:
            return self.first_line, 0
        return self.where[min(max(index, 0), len(self.where) - 1)]


class _Skip(Exception):
    """A well-formed question of a kind that cannot be played (why, marked with N_())."""


def show(text: str) -> str:
    """Turn hidden escapes back into the characters they stand for."""
    return text.translate(_SHOW)


def parse(data: bytes | str) -> Parsed:
    """Read a GIFT file; raise FormatError listing every problem in it."""
    lines = decode(data).split("\n")
    parsed = Parsed()
    problems: list[Problem] = []
    category: str | None = None
    hint: dict | None = None
    block: list[tuple[int, str]] = []

    def flush():
        nonlocal category, hint, block
        if not block:
            return
        first, head = block[0]
        if head.lstrip().startswith("$CATEGORY:"):
            category = head.split(":", 1)[1].strip() or None
            block = block[1:]
        if block:
            _read_question(block, category, hint, parsed, problems)
            hint = None
        block = []

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        stripped = line.lstrip()
        if stripped.startswith("//"):
            found = re.match(r"//\s*quiz:\s*(.*)$", stripped)
            if found:
                try:
                    hint = _read_hint(found.group(1))
                except Refused as error:
                    problems.append(Problem(number, 1, error.reason))
            continue
        if not stripped:
            flush()
            continue
        block.append((number, line))
    flush()
    if problems:
        raise FormatError(problems)
    return parsed


def _read_hint(text: str) -> dict:
    """Read `kind=… time_limit=…` from a `// quiz:` comment."""
    hint: dict[str, str | int] = {}
    for part in text.split():
        key, _, value = part.partition("=")
        if key == "kind":
            if value not in KINDS:
                raise Refused(
                    0,
                    N_("unknown kind %(kind)s (known: %(known)s)"),
                    kind=repr(value),
                    known=", ".join(KINDS),
                )
            hint["kind"] = value
        elif key == "time_limit":
            if not value.isdigit() or not 5 <= int(value) <= 600:
                raise Refused(0, N_("time_limit must be a whole number of seconds, 5 to 600"))
            hint["time_limit"] = int(value)
        else:
            raise Refused(0, N_("unknown setting %(key)s in a '// quiz:' comment"), key=repr(key))
    return hint


def _read_question(block, category, hint, parsed: Parsed, problems: list[Problem]) -> None:
    text = _Text(block)
    line = block[0][0]
    try:
        item = _question(text, line)
    except Refused as error:
        problems.append(Problem(*text.at(error.where), error.reason))
        return
    except _Skip as why:
        parsed.skipped.append((line, str(why)))
        return
    item.category = category
    if hint:
        wanted = hint.get("kind", item.kind)
        if (wanted in OPTION_KINDS) != (item.kind in OPTION_KINDS) or (
            (wanted == "true_false") != (item.kind == "true_false")
        ):
            problems.append(
                Problem(line, 0, N_("kind=%(kind)s does not fit this answer block"), kind=wanted)
            )
            return
        item.kind = wanted
        item.time_limit = hint.get("time_limit")
    found = check_item(item)
    if found:
        problems.extend(Problem(line, 0, message) for message in found)
        return
    reason = unplayable(item)
    if reason:
        parsed.skipped.append((line, reason))
        return
    parsed.items.append(item)


def _question(text: _Text, line: int) -> Item:
    s = text.text
    start = len(s) - len(s.lstrip())
    title = None
    if s.startswith("::", start):
        end = s.find("::", start + 2)
        if end < 0:
            raise Refused(start, N_("the title is not closed with '::'"))
        title = show(s[start + 2 : end]).strip() or None
        start = end + 2
    opening = s.find("{", start)
    closing = s.find("}", start)
    if closing >= 0 and (opening < 0 or closing < opening):
        raise Refused(closing, N_("'}' without '{' (write \\} for a brace in the text)"))
    if opening < 0:
        raise _Skip(N_("a description without an answer block is not a question"))
    closing = s.find("}", opening)
    if closing < 0:
        raise Refused(opening, N_("this '{' is not closed with '}'"))
    inner = s.find("{", opening + 1)
    if 0 <= inner < closing:
        raise Refused(inner, N_("'{' inside an answer block (write \\{ for a brace)"))
    after = s[closing + 1 :]
    if "{" in after or "}" in after:
        index = closing + 1 + min(i for i in (after.find("{"), after.find("}")) if i >= 0)
        raise Refused(index, N_("a second answer block; a question has only one"))
    before = s[start:opening]
    markup = None
    for prefix in _FORMATS:
        if before.lstrip().lower().startswith(prefix):
            markup = prefix
            before = before.lstrip()[len(prefix) :]
    clean = _html_to_text if markup == "[html]" else show
    item = _answers(text, opening + 1, s[opening + 1 : closing], clean)
    if after.strip():
        item.prompt = clean(before + BLANK + after).strip()
        if item.kind == "choice":
            item.kind = "cloze"
    else:
        item.prompt = clean(before).strip()
    item.title, item.line = title, line
    return item


def _html_to_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", show(text), flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _answers(text: _Text, offset: int, block: str, clean) -> Item:
    general = None
    split = block.find("####")
    if split >= 0:
        general = clean(block[split + 4 :]).strip() or None
        block = block[:split]
    body = block.strip()
    lead = offset + len(block) - len(block.lstrip())
    if not body:
        raise _Skip(N_("an essay question (free writing) cannot be scored"))
    if body.startswith("#"):
        item = _numerical(lead + 1, body[1:], clean)
    elif re.fullmatch(r"(?i)(t|f|true|false)(#.*)?", body, flags=re.S):
        item = _true_false(body, clean)
    else:
        item = _choices(lead, body, clean)
    item.explanation = general
    return item


def _true_false(body: str, clean) -> Item:
    head, *feedback = body.split("#")
    truth = head.strip().upper() in ("T", "TRUE")
    # Moodle's order: the first feedback is shown for a wrong answer, the second for a right one.
    wrong = clean(feedback[0]).strip() or None if feedback else None
    right = clean(feedback[1]).strip() or None if len(feedback) > 1 else None
    options = [
        Choice("True", truth, right if truth else wrong),
        Choice("False", not truth, wrong if truth else right),
    ]
    return Item(kind="true_false", prompt="", answer="True" if truth else "False", options=options)


def _items(offset: int, body: str) -> list[tuple[int, str, str]]:
    """Split `=a ~b` into (index, marker, text) parts; text before the first marker is wrong."""
    marks = [m.start() for m in re.finditer(r"[=~]", body)]
    if not marks or body[: marks[0]].strip():
        raise Refused(offset, N_("an answer must start with '=' (right) or '~' (wrong)"))
    ends = marks[1:] + [len(body)]
    return [(offset + a, body[a], body[a + 1 : b]) for a, b in zip(marks, ends, strict=False)]


def _weighted(index: int, text: str) -> tuple[float | None, str, str | None]:
    """Split an answer into its %credit%, its text and its #feedback."""
    weight = None
    stripped = text.lstrip()
    found = _WEIGHT.match(stripped)
    if stripped.startswith("%"):
        if not found:
            raise Refused(
                index,
                N_("a credit must look like %(example)s (a number between %% signs)"),
                example="%50%",
            )
        value = float(found.group(1))
        if not -100 <= value <= 100:
            raise Refused(index, N_("a credit must be between -100% and 100%"))
        weight = int(value) if value.is_integer() else value
        stripped = stripped[found.end() :]
    answer, _, feedback = stripped.partition("#")
    return weight, answer, feedback if _ else None


def _choices(offset: int, body: str, clean) -> Item:
    parts = _items(offset, body)
    if any("->" in text for _, marker, text in parts if marker == "="):
        raise _Skip(N_("a matching question cannot be played here"))
    read = []
    for index, marker, raw in parts:
        weight, answer, feedback = _weighted(index, raw)
        answer = clean(answer).strip()
        if not answer:
            raise Refused(index, N_("an empty answer"))
        feedback = clean(feedback).strip() or None if feedback is not None else None
        read.append((marker, weight, answer, feedback))
    if all(marker == "=" for marker, *_ in read):
        return _short(read)
    options = [
        Choice(answer, weight == 100 or (marker == "=" and weight is None), feedback, weight)
        for marker, weight, answer, feedback in read
    ]
    data = None
    if any(o.weight is not None and o.weight != 100 for o in options):
        data = {"weights": [o.weight for o in options]}
    return Item(kind="choice", prompt="", answer=first_right(options), options=options, data=data)


def _short(read) -> Item:
    accepted = [answer for _, weight, answer, _ in read if weight in (None, 100)]
    partial = [[answer, weight] for _, weight, answer, _ in read if weight not in (None, 100)]
    if not accepted:
        raise _Skip(N_("no answer earns full credit, so no answer could be scored right"))
    data = {}
    if len(accepted) > 1:
        data["accepted"] = accepted
    if partial:
        data["partial"] = partial
    feedback = next((f for _, w, _, f in read if w in (None, 100) and f), None)
    return Item(kind="short", prompt="", answer=accepted[0], data=data or None, feedback=feedback)


def _numerical(offset: int, body: str, clean) -> Item:
    parts = _items(offset, body) if body.lstrip().startswith(("=", "~")) else [(offset, "=", body)]
    ranges, feedback = [], None
    for index, marker, raw in parts:
        weight, value, note = _weighted(index, raw)
        if marker == "~":
            continue
        found = _number_range(show(value).strip())
        if found is None:
            raise Refused(
                index,
                N_("%(value)s is not a number, number:tolerance or min..max"),
                value=repr(show(value).strip()),
            )
        if weight not in (None, 100):
            found["weight"] = weight
        elif feedback is None and note:
            feedback = clean(note).strip() or None
        ranges.append(found)
    accepted = [r for r in ranges if "weight" not in r]
    if not accepted:
        raise _Skip(N_("no answer earns full credit, so no answer could be scored right"))
    return Item(
        kind="short",
        prompt="",
        answer=shown_number(accepted[0]),
        data={"numeric": ranges},
        feedback=feedback,
    )


def _number_range(text: str) -> dict | None:
    found = re.fullmatch(rf"({_NUMBER})\s*\.\.\s*({_NUMBER})", text)
    if found:
        low, high = found.groups()
        if float(low) > float(high):
            return None
        return {"min": low, "max": high}
    found = re.fullmatch(rf"({_NUMBER})(?:\s*:\s*({_NUMBER}))?", text)
    if not found:
        return None
    value, tolerance = found.groups()
    if tolerance is not None and float(tolerance) < 0:
        return None
    return {"value": value, "tolerance": tolerance or "0"}


def shown_number(accepted: dict) -> str:
    """Return how a numeric answer is shown to a player: 1961, 1961 ± 2 or 1950–1960."""
    if "min" in accepted:
        if accepted["min"] == accepted["max"]:
            return accepted["min"]
        return f"{accepted['min']}–{accepted['max']}"
    if float(accepted["tolerance"]) == 0:
        return accepted["value"]
    return f"{accepted['value']} ± {accepted['tolerance']}"


# --- writing --------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape GIFT's special characters and line breaks."""
    text = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "\\n")


def dump(items: list[Item]) -> Dumped:
    """Write questions as GIFT, one block each, with a category line when it changes."""
    out: list[str] = []
    skipped: list[tuple[str, str]] = []
    category: str | None = None
    for item in items:
        if item.category and item.category != category:
            category = item.category
            out.append(f"$CATEGORY: {category}\n")
        out.append(_write(item))
    if not out:
        return Dumped("", skipped)
    return Dumped("\n".join(out), skipped)


def _write(item: Item) -> str:
    block = _block(item)
    if item.explanation:
        block += f" ####{escape(item.explanation)}"
    title = f"::{escape(item.title)}::" if item.title else ""
    before, _, after = item.prompt.partition(BLANK)
    # Only a gap with text after it reads back as a missing word; others keep a kind hint.
    mid = item.kind in OPTION_KINDS and item.kind != "true_false" and after.strip() != ""
    if mid and BLANK not in after:
        text = f"{title}{escape(before)}{{{block}}}{escape(after)}"
        imported_as = "cloze"
    else:
        text = f"{title}{escape(item.prompt)} {{{block}}}"
        imported_as = {"true_false": "true_false", "short": "short"}.get(item.kind, "choice")
    hint = []
    if item.kind != imported_as:
        hint.append(f"kind={item.kind}")
    if item.time_limit and item.time_limit != DEFAULT_TIME:
        hint.append(f"time_limit={item.time_limit}")
    head = f"// quiz: {' '.join(hint)}\n" if hint else ""
    return f"{head}{text}\n"


def _number_text(r: dict) -> str:
    if "min" in r:
        return f"{r['min']}..{r['max']}"
    return r["value"] if float(r["tolerance"]) == 0 else f"{r['value']}:{r['tolerance']}"


def _feedback(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _block(item: Item) -> str:
    if item.kind == "true_false":
        right = next((o for o in item.options if o.correct), None)
        wrong = next((o for o in item.options if not o.correct), None)
        head = "TRUE" if item.answer == "True" else "FALSE"
        wrong_fb = wrong.feedback if wrong else None
        right_fb = right.feedback if right else None
        if right_fb:
            return f"{head}#{escape(wrong_fb or '')}#{escape(right_fb)}"
        return head + _feedback(wrong_fb)
    if item.kind == "short":
        return _short_block(item)
    weights = (item.data or {}).get("weights") or [None] * len(item.options)
    parts = []
    for option, weight in zip(item.options, weights, strict=False):
        if weight is not None:
            parts.append(f"~%{weight}%{escape(option.text)}{_feedback(option.feedback)}")
        else:
            marker = "=" if option.correct else "~"
            parts.append(f"{marker}{escape(option.text)}{_feedback(option.feedback)}")
    return " ".join(parts)


def _short_block(item: Item) -> str:
    data = item.data or {}
    if "numeric" in data:
        ranges = data["numeric"]
        parts = [
            ("=" + (f"%{r['weight']}%" if "weight" in r else "") + _number_text(r)) for r in ranges
        ]
        parts[0] += _feedback(item.feedback)
        if len(ranges) == 1 and "weight" not in ranges[0]:
            return "#" + parts[0][1:]
        return "#" + " ".join(parts)
    accepted = data.get("accepted") or [item.answer]
    parts = [f"={escape(text)}" for text in accepted]
    parts[0] += _feedback(item.feedback)
    parts += [f"=%{weight}%{escape(text)}" for text, weight in data.get("partial", [])]
    return " ".join(parts)
