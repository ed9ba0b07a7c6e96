"""Question templates: a kind, the facts it runs over, and wording with placeholders."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from quiz.facts.problems import (
    Problem,
    SeedFileError,
    field_line,
    header_lines,
    labelled,
    read_toml,
)
from quiz.marked import N_, Message

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
    """One bad template, with a message a teacher can act on; names the field at fault.

    Like FactError, a message marked with N_() keeps its values apart (`template`, `values`),
    so a page translates it first and fills them in after; `message` is the English text and
    `str()` puts the field before it ("text: unknown placeholder {foo} …").
    """

    def __init__(self, message: str, field: str | None = None, /, **values):
        self.template = message
        self.values = values
        self.message = str(Message(message, **values))
        super().__init__(self.message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


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
            N_("bad braces in %(text)s: %(error)s (write {{ and }} for braces)"),
            text=repr(text),
            error=str(error),
        ) from None
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            raise TemplateError(
                N_("placeholder {%(name)s} cannot have ':' or '!' in it"), name=name
            )
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


def _kind_over_error(kind: str) -> TemplateError:
    allowed = KIND_OVERS[kind]
    if len(allowed) == 1:
        return TemplateError(
            N_("kind %(kind)s needs over = %(over)s"), kind=repr(kind), over=repr(allowed[0])
        )
    quoted = [repr(over) for over in allowed]
    return TemplateError(
        N_("kind %(kind)s needs over = %(overs)s or %(last)s"),
        kind=repr(kind),
        overs=", ".join(quoted[:-1]),
        last=quoted[-1],
    )


def _check_text(text: str, kind: str, over: str, field: str) -> None:
    names = placeholders(text)
    have = OVER_PLACEHOLDERS[over] + KIND_PLACEHOLDERS.get(kind, ())
    for name in names:
        if name not in PLACEHOLDERS:
            raise TemplateError(
                N_("unknown placeholder {%(name)s} (known: %(known)s)"),
                field,
                name=name,
                known=", ".join(PLACEHOLDERS),
            )
        if name not in have:
            raise TemplateError(
                N_("placeholder {%(name)s} does not fit %(over)s facts (they have: %(have)s)"),
                field,
                name=name,
                over=repr(over),
                have=", ".join(have),
            )
    for name in KIND_NEEDS.get(kind, ()):
        if name not in names:
            raise TemplateError(
                N_("a %(kind)s template must use {%(name)s}"), field, kind=repr(kind), name=name
            )


def parse_template(data: dict) -> Template:
    """Validate one template dict and return the Template, or raise TemplateError."""
    if not isinstance(data, dict):
        raise TemplateError(N_("a template is a table of fields"))
    for name in data:
        if name not in FIELDS:
            raise TemplateError(
                N_("unknown field (known: %(known)s)"), name, known=", ".join(FIELDS)
            )
    for name in ("key", "kind", "text", "over"):
        if name not in data:
            raise TemplateError(N_("missing (every template needs it)"), name)
        if not isinstance(data[name], str) or not data[name].strip():
            raise TemplateError(N_("must be a non-empty string"), name)
    key, kind, text = data["key"], data["kind"], data["text"].strip()
    over = ",".join(part.strip() for part in data["over"].split(","))
    if not KEY_RE.fullmatch(key):
        raise TemplateError(N_("use lowercase letters, digits, '-' and '_'"), "key")
    if kind not in KINDS:
        raise TemplateError(
            N_("unknown kind %(kind)s (known: %(known)s)"),
            "kind",
            kind=repr(kind),
            known=", ".join(KINDS),
        )
    if over not in OVERS:
        raise TemplateError(
            N_("unknown %(over)s (known: %(known)s)"),
            "over",
            over=repr(over),
            known=", ".join(OVERS),
        )
    if over not in KIND_OVERS[kind]:
        raise _kind_over_error(kind)
    _check_text(text, kind, over, "text")
    shared = data.get("text_shared")
    if shared is not None:
        if kind != "choice":
            raise TemplateError(N_("only choice templates have shared wording"), "text_shared")
        if not isinstance(shared, str) or not shared.strip():
            raise TemplateError(N_("must be a non-empty string"), "text_shared")
        shared = shared.strip()
        _check_text(shared, kind, over, "text_shared")
    time_limit = data.get("time_limit", 30)
    if (
        isinstance(time_limit, bool)
        or not isinstance(time_limit, int)
        or not (5 <= time_limit <= 600)
    ):
        raise TemplateError(N_("a whole number of seconds from 5 to 600"), "time_limit")
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
                Problem(
                    str(path),
                    None,
                    N_("unknown table or field %(name)s (known: [[template]])"),
                    name=repr(name),
                )
            )
    entries = data.get("template")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(str(path), None, N_("no [[template]] entries")))
        entries = []
    headers = header_lines(text, "template")
    templates: list[Template] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        start = headers[index] if index < len(headers) else None
        key = entry.get("key") if isinstance(entry, dict) else None
        if isinstance(key, str) and key:
            label = Message(N_("template %(key)s"), key=repr(key))
        else:
            label = Message(N_("template #%(number)s"), number=index + 1)
        try:
            template = parse_template(entry)
        except TemplateError as error:
            line = field_line(text, start, error.field if error.field in FIELDS else None)
            problems.append(Problem(str(path), line, labelled(label, error)))
            continue
        if template.key in seen:
            duplicate = TemplateError(
                N_("duplicate (first used by template #%(number)s)"),
                "key",
                number=seen[template.key],
            )
            problems.append(
                Problem(str(path), field_line(text, start, "key"), labelled(label, duplicate))
            )
            continue
        seen[template.key] = index + 1
        templates.append(template)
    if problems:
        raise SeedFileError(problems)
    return templates
