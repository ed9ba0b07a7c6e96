"""Question templates: a kind, the facts it runs over, and wording with placeholders."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from quiz.facts.problems import Problem, SeedFileError, field_line, header_lines, read_toml

KINDS = (
    "choice",
    "true_false",
    "year",
    "date",
    "first",
    "number",
    "cloze",
    "short",
    "order",
    "statement",
    "odd_one_out",
)
OVERS = (
    "dated",
    "dated,dated",
    "events",
    "person",
    "place",
    "organisation",
    "thing",
    "entity",
    "number",
    "list",
    "any",
    "statements",
)
PLACEHOLDERS = (
    "event",
    "about",
    "role",
    "unit",
    "value",
    "a.event",
    "b.event",
    "sentence",
    "claim",
    "question",
)
FIELDS = ("key", "kind", "text", "over", "text_shared", "time_limit")
KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")

# What each `over` offers a template; {value} would usually give the answer away, but a
# true/false or cloze template may still want it.
OVER_PLACEHOLDERS = {
    "dated": ("event", "about", "value", "question"),
    "dated,dated": ("a.event", "b.event"),
    # Three or four dated events to put in order: the events are the options.
    "events": (),
    "person": ("role", "about", "unit", "value", "question"),
    "place": ("role", "about", "unit", "value", "question"),
    "organisation": ("role", "about", "unit", "value", "question"),
    "thing": ("role", "about", "unit", "value", "question"),
    "entity": ("role", "about", "unit", "value", "question"),
    "list": ("role", "about", "unit"),
    "number": ("about", "role", "unit", "value", "question"),
    "any": ("about",),
    # Four claims from four sentences, true as the article says them or with a value changed:
    # the claims are the options.
    "statements": (),
}
KIND_PLACEHOLDERS = {"cloze": ("sentence",), "short": ("sentence",), "true_false": ("claim",)}
KIND_OVERS = {
    "choice": ("person", "place", "organisation", "thing", "entity", "list"),
    "true_false": OVERS[:1] + OVERS[3:],
    "year": ("dated",),
    "date": ("dated",),
    "short": ("dated", "entity"),
    "first": ("dated,dated",),
    "number": ("dated,dated", "number"),
    "cloze": OVERS[:1] + OVERS[3:],
    "order": ("events",),
    "statement": ("statements",),
    "odd_one_out": ("statements",),
}
KIND_NEEDS = {
    "cloze": ("sentence",),
    "true_false": ("claim",),
    "first": ("a.event", "b.event"),
}


class TemplateError(ValueError):
    """One bad template, with a message a teacher can act on."""


@dataclass(frozen=True)
class Template:
    """Wording for one kind of question over one kind of fact."""

    key: str
    kind: str
    text: str
    over: str
    text_shared: str | None = None
    time_limit: int = 30


def placeholders(text: str) -> list[str]:
    """Return the placeholders used in template text, in order."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise TemplateError(
            f"bad braces in {text!r}: {error} (write {{{{ and }}}} for braces)"
        ) from None
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            raise TemplateError(f"placeholder {{{name}}} cannot have ':' or '!' in it")
        names.append(name)
    return names


def render(text: str, values: dict[str, str]) -> str:
    """Fill a template text's placeholders from values (braces escaped as {{ }})."""
    out = []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(values[name])
    return "".join(out)


def _kind_over_message(kind: str) -> str:
    allowed = KIND_OVERS[kind]
    if len(allowed) == 1:
        return f"kind {kind!r} needs over = {allowed[0]!r}"
    quoted = [repr(over) for over in allowed]
    return f"kind {kind!r} needs over = {', '.join(quoted[:-1])} or {quoted[-1]}"


def _check_text(text: str, kind: str, over: str, field: str) -> None:
    names = placeholders(text)
    have = OVER_PLACEHOLDERS[over] + KIND_PLACEHOLDERS.get(kind, ())
    for name in names:
        if name not in PLACEHOLDERS:
            raise TemplateError(
                f"{field}: unknown placeholder {{{name}}} (known: {', '.join(PLACEHOLDERS)})"
            )
        if name not in have:
            raise TemplateError(
                f"{field}: placeholder {{{name}}} does not fit {over!r} facts "
                f"(they have: {', '.join(have)})"
            )
    for name in KIND_NEEDS.get(kind, ()):
        if name not in names:
            raise TemplateError(f"{field}: a {kind!r} template must use {{{name}}}")


def parse_template(data: dict) -> Template:
    """Validate one template dict and return the Template, or raise TemplateError."""
    if not isinstance(data, dict):
        raise TemplateError("a template is a table of fields")
    for name in data:
        if name not in FIELDS:
            raise TemplateError(f"{name}: unknown field (known: {', '.join(FIELDS)})")
    for name in ("key", "kind", "text", "over"):
        if name not in data:
            raise TemplateError(f"{name}: missing (every template needs it)")
        if not isinstance(data[name], str) or not data[name].strip():
            raise TemplateError(f"{name}: must be a non-empty string")
    key, kind, text = data["key"], data["kind"], data["text"].strip()
    over = ",".join(part.strip() for part in data["over"].split(","))
    if not KEY_RE.fullmatch(key):
        raise TemplateError("key: use lowercase letters, digits, '-' and '_'")
    if kind not in KINDS:
        raise TemplateError(f"kind: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    if over not in OVERS:
        raise TemplateError(f"over: unknown {over!r} (known: {', '.join(OVERS)})")
    if over not in KIND_OVERS[kind]:
        raise TemplateError(_kind_over_message(kind))
    _check_text(text, kind, over, "text")
    shared = data.get("text_shared")
    if shared is not None:
        if kind != "choice":
            raise TemplateError("text_shared: only choice templates have shared wording")
        if not isinstance(shared, str) or not shared.strip():
            raise TemplateError("text_shared: must be a non-empty string")
        shared = shared.strip()
        _check_text(shared, kind, over, "text_shared")
    time_limit = data.get("time_limit", 30)
    if (
        isinstance(time_limit, bool)
        or not isinstance(time_limit, int)
        or not (5 <= time_limit <= 600)
    ):
        raise TemplateError("time_limit: a whole number of seconds from 5 to 600")
    return Template(
        key=key, kind=kind, text=text, over=over, text_shared=shared, time_limit=time_limit
    )


def template_to_dict(template: Template) -> dict:
    """Return a template as a plain dict (the inverse of parse_template)."""
    data = {
        "key": template.key,
        "kind": template.kind,
        "text": template.text,
        "over": template.over,
        "time_limit": template.time_limit,
    }
    if template.text_shared is not None:
        data["text_shared"] = template.text_shared
    return data


def load_templates(path: Path) -> list[Template]:
    """Load a templates TOML, or raise SeedFileError listing every problem with its line."""
    path = Path(path)
    data, text = read_toml(path)
    problems = []
    for name in data:
        if name != "template":
            problems.append(
                Problem(str(path), None, f"unknown table or field {name!r} (known: [[template]])")
            )
    entries = data.get("template")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(str(path), None, "no [[template]] entries"))
        entries = []
    headers = header_lines(text, "template")
    templates: list[Template] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        start = headers[index] if index < len(headers) else None
        key = entry.get("key") if isinstance(entry, dict) else None
        label = f"template {key!r}" if isinstance(key, str) and key else f"template #{index + 1}"
        try:
            template = parse_template(entry)
        except TemplateError as error:
            field = str(error).split(":", 1)[0]
            line = field_line(text, start, field if field in FIELDS else None)
            problems.append(Problem(str(path), line, f"{label}: {error}"))
            continue
        if template.key in seen:
            problems.append(
                Problem(
                    str(path),
                    field_line(text, start, "key"),
                    f"{label}: key: duplicate (first used by template #{seen[template.key]})",
                )
            )
            continue
        seen[template.key] = index + 1
        templates.append(template)
    if problems:
        raise SeedFileError(problems)
    return templates
