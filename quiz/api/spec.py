"""Declarative API definitions: each endpoint's inputs and outputs, validated and documented
from the same objects, so the OpenAPI document cannot drift from what the code accepts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, request
from flask_babel import gettext as _

from quiz.api import validation as v
from quiz.errors import Invalid
from quiz.generation.question import ORDER_SEPARATOR

MISSING = object()
# An order question shows at most this many events.
MAX_ORDERED = 6


@dataclass(frozen=True)
class Field:
    """One body field or query argument: its type, bounds and default, and how to check it."""

    name: str
    type: str  # "string", "integer", "boolean", or "answer" (a string or a list of strings)
    description: str
    required: bool = False
    default: Any = None  # a value, or a function of no arguments (read from the app's config)
    low: int | None = None
    high: int | None = None
    enum: tuple[str, ...] | None = None
    max_length: int | None = None
    clean: Callable[[str], Any] | None = None  # raises ValueError with the message to show

    def schema(self) -> dict:
        """Return the field's JSON Schema."""
        if self.type == "answer":
            return {
                "description": self.description,
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "array",
                        "items": {"type": "string"},
                        "minItems": 2,
                        "maxItems": MAX_ORDERED,
                    },
                ],
            }
        found: dict = {"type": self.type, "description": self.description}
        if self.low is not None:
            found["minimum"] = self.low
        if self.high is not None:
            found["maximum"] = self.high
        if self.enum:
            found["enum"] = list(self.enum)
        if self.max_length:
            found["maxLength"] = self.max_length
        if self.type == "string" and self.required and not self.enum:
            found["minLength"] = 1
        default = self._default()
        if default is not None and not callable(self.default):
            found["default"] = default
        return found

    def _default(self):
        return self.default() if callable(self.default) else self.default

    def _bounds(self) -> tuple[int, int]:
        if self.low is None or self.high is None:
            raise TypeError(f"the integer field {self.name!r} needs both bounds")
        return self.low, self.high

    def _check(self, value):
        if self.enum and value not in self.enum:
            choices = " or ".join(f"'{choice}'" for choice in self.enum)
            raise Invalid(_("'%(name)s' must be %(choices)s.", name=self.name, choices=choices))
        if self.clean is None:
            return value
        try:
            return self.clean(value)
        except ValueError as exc:
            raise Invalid(str(exc)) from exc

    def from_json(self, body: dict):
        """Read the field from a JSON object, refusing a wrong type or value."""
        if self.type == "integer":
            if not self.required and self._default() is None and body.get(self.name) is None:
                return None  # an optional number with no default: absent
            low, high = self._bounds()
            return v.integer(body, self.name, low=low, high=high, default=self._default())
        if self.type == "answer":
            return self._answer(body)
        if self.type == "boolean":
            value = body.get(self.name, MISSING)
            if value is MISSING:
                return self._default()
            if not isinstance(value, bool):
                raise Invalid(_("'%(name)s' must be true or false.", name=self.name))
            return value
        if self.required:
            return self._check(v.string(body, self.name))
        value = body.get(self.name)
        if value is None:
            return self._default()
        if not isinstance(value, str):
            raise Invalid(_("'%(name)s' must be a string.", name=self.name))
        return self._check(value)

    def _answer(self, body: dict) -> str:
        """Read an answer: one string, or the events of an order question as a list, earliest
        first (joined as the stored answer is)."""
        value = body.get(self.name)
        if not isinstance(value, list):
            return v.string(body, self.name)
        if not 2 <= len(value) <= MAX_ORDERED:
            raise Invalid(
                _(
                    "'%(name)s' as a list holds 2 to %(most)s events.",
                    name=self.name,
                    most=MAX_ORDERED,
                )
            )
        items = [v.string({self.name: item}, self.name) for item in value]
        if any(ORDER_SEPARATOR in item for item in items):
            raise Invalid(_("'%(name)s' lists each event as its own string.", name=self.name))
        return ORDER_SEPARATOR.join(items)

    def from_query(self):
        """Read the field from the query string, refusing a wrong value."""
        if self.type == "integer":
            if self.required and not request.args.get(self.name):
                raise Invalid(_("'%(name)s' is required.", name=self.name))
            low, high = self._bounds()
            return v.query_integer(self.name, low=low, high=high, default=self._default())
        raw = request.args.get(self.name)
        if raw is None or (raw == "" and not self.enum):
            if self.required:
                raise Invalid(_("'%(name)s' is required.", name=self.name))
            return self._default()
        if self.required and not raw:
            raise Invalid(_("'%(name)s' is required.", name=self.name))
        return self._check(raw)


@dataclass(frozen=True)
class Body:
    """A JSON object request body with its fields, read in order."""

    fields: tuple[Field, ...]

    def parse(self) -> dict:
        """Return the request's fields, checked, or refuse the request."""
        body = v.json_object()
        return {f.name: f.from_json(body) for f in self.fields}

    def schema(self) -> dict:
        """Return the body's JSON Schema."""
        return {
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
        }


@dataclass(frozen=True)
class Query:
    """Query-string arguments, read in order."""

    fields: tuple[Field, ...]

    def parse(self) -> dict:
        """Return the request's arguments, checked, or refuse the request."""
        return {f.name: f.from_query() for f in self.fields}

    def parameters(self) -> list[dict]:
        """Return the arguments as OpenAPI parameters."""
        return [
            {
                "name": f.name,
                "in": "query",
                "required": f.required,
                "schema": f.schema(),
                "description": f.description,
            }
            for f in self.fields
        ]


def obj(required: dict | None = None, optional: dict | None = None, **extra) -> dict:
    """Return the JSON Schema of an object with these properties."""
    properties = {**(required or {}), **(optional or {})}
    return {"type": "object", "properties": properties, "required": list(required or {}), **extra}


# Ids are 32-bit integer columns on PostgreSQL: a larger number is out of range, not a 500.
STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR = obj(
    {"error": obj({"code": STRING, "message": STRING})},
    description="What went wrong; the code names the HTTP status.",
)
ERRORS = {
    400: "The request is malformed: a body that is not a JSON object, or a NUL character.",
    401: "No token, or a token that is not valid.",
    404: "Not found.",
    409: "Conflicts with the current state.",
    413: "The body is larger than the server accepts.",
    422: "A field is missing, of the wrong type or out of range.",
    423: "Not open: a locked or finished game, or a question that is not open.",
    429: "Too many requests; try again later.",
}


@dataclass
class Endpoint:
    """A documented API endpoint."""

    method: str
    rule: str
    view: Callable
    tag: str
    responses: dict[int, tuple[str, dict]]
    body: Body | None = None
    query: Query | None = None
    security: str | None = None
    # The security scheme may be left out (the call works without it, and does more with it).
    security_optional: bool = False
    errors: tuple[int, ...] = ()

    def path(self) -> str:
        """Return the OpenAPI path ("<round_id>" becomes "{round_id}")."""
        return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", self.rule)

    def operation(self) -> dict:
        """Return the endpoint's OpenAPI operation."""
        doc = (self.view.__doc__ or "").strip()
        found: dict = {"operationId": self.view.__name__, "summary": doc, "tags": [self.tag]}
        parameters = [
            {"name": name, "in": "path", "required": True, "schema": STRING}
            for name in re.findall(r"<(?:\w+:)?(\w+)>", self.rule)
        ]
        if self.query:
            parameters += self.query.parameters()
        if parameters:
            found["parameters"] = parameters
        if self.body:
            found["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": self.body.schema()}},
            }
        responses: dict = {}
        media: list[str]
        for status, (description, schema, *media) in self.responses.items():
            # A schema of None is a response without a body (204); a third item names a media
            # type other than JSON (the event stream).
            responses[str(status)] = {"description": description}
            if schema is not None:
                kind = media[0] if media else "application/json"
                responses[str(status)]["content"] = {kind: {"schema": schema}}
        # Any request can be malformed (e.g. a NUL character in the query string).
        for status in sorted({400, *self.errors}):
            responses[str(status)] = {
                "description": ERRORS[status],
                "content": {"application/json": {"schema": ERROR_REF}},
            }
        found["responses"] = responses
        if self.security:
            # Several names are alternatives: any one of those tokens will do.
            names = self.security.split("|")
            found["security"] = [{name: []} for name in names]
            if self.security_optional:
                found["security"].insert(0, {})
        return found


@dataclass
class Api:
    """The endpoints of a blueprint, registered and documented together."""

    bp: Blueprint
    endpoints: list[Endpoint] = field(default_factory=list)

    def route(self, method: str, rule: str, *, tag: str, responses: dict, **options):
        """Register a view for one method and rule, and document it."""

        def decorate(view):
            self.endpoints.append(Endpoint(method, rule, view, tag, responses, **options))
            self.bp.add_url_rule(rule, endpoint=view.__name__, view_func=view, methods=[method])
            return view

        return decorate

    def document(self, title: str, version: str, description: str) -> dict:
        """Return the OpenAPI 3.1 document of every registered endpoint."""
        paths: dict = {}
        for endpoint in self.endpoints:
            paths.setdefault(endpoint.path(), {})[endpoint.method.lower()] = endpoint.operation()
        return {
            "openapi": "3.1.0",
            "info": {"title": title, "version": version, "description": description},
            "paths": paths,
            "components": {
                "schemas": {"Error": ERROR},
                "securitySchemes": {
                    "roundToken": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": "The token returned when the round was created.",
                    },
                    "playerToken": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": "A player's token: the one returned when the player was"
                        " created (POST /api/v1/players), or when they joined a live game.",
                    },
                    "teacherToken": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": "A teacher's API token (it reveals answers).",
                    },
                },
            },
        }
