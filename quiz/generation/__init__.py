"""Generation: fill question templates with facts, with certainly-wrong options (pure)."""

from quiz.generation.checks import check_question, grade, matching_option
from quiz.generation.filling import generate
from quiz.generation.question import ORDER_SEPARATOR, GeneratedQuestion
from quiz.generation.templates import (
    KINDS,
    Template,
    TemplateError,
    load_templates,
    parse_template,
    template_to_dict,
)

__all__ = [
    "KINDS",
    "ORDER_SEPARATOR",
    "GeneratedQuestion",
    "Template",
    "TemplateError",
    "check_question",
    "generate",
    "grade",
    "load_templates",
    "matching_option",
    "parse_template",
    "template_to_dict",
]
