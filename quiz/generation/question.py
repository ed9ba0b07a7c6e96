"""A generated question and its fingerprint."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from quiz.facts.text import BLANK
from quiz.generation.formatting import normalise

# An order question's answer: its events, earliest first, joined by this.
ORDER_SEPARATOR = " → "


@dataclass(frozen=True)
class GeneratedQuestion:
    """One question proposed by the generator, with its provenance."""

    kind: str
    prompt: str
    answer: str
    options: tuple[str, ...]
    explanation: str
    fact_keys: tuple[str, ...]
    template_key: str
    fingerprint: str
    time_limit: int
    # How good a question it is, from 0 to 1: what it tests and how well its options are made.
    score: float = 0.0
    # A typed answer's other right forms ("Grant" for "Ulysses S. Grant").
    accepted: tuple[str, ...] = ()


def is_plain(question: GeneratedQuestion) -> bool:
    """Tell whether a question is a gap or a true/false: its sentence with a value left out
    (chosen among options, or typed) or called true or false."""
    return question.kind in ("cloze", "true_false") or (
        question.kind == "short" and BLANK in question.prompt
    )


def fingerprint(kind: str, prompt: str, answer: str) -> str:
    """Return the identity of a question: same kind, wording and answer, same print."""
    text = "\n".join((kind, normalise(prompt), normalise(answer)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def seeded_random(*parts: str) -> random.Random:
    """Return a Random seeded from the parts, the same in every process."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def is_copied(question: GeneratedQuestion) -> bool:
    """Tell whether a question is a true/false whose statement is its sentence word for word,
    said true: the easiest question of all. "Faith Kipyegon, who won ..." of the sentence
    "Kipyegon, who won ..." is not a copy."""
    if question.kind != "true_false" or question.answer != "True":
        return False
    prompt, sentence = question.prompt, question.explanation
    before = prompt[: len(prompt) - len(sentence)].rstrip()
    return prompt.endswith(sentence) and not (before and before[-1].isalnum())
