"""Every question generated from the held-out articles is right by its hand-made answer key."""

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from quiz.facts import lexicon
from quiz.facts.extraction import extract_facts
from quiz.generation import generate, load_templates
from quiz.generation.formatting import capitalise, normalise
from quiz.generation.question import ORDER_SEPARATOR

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "heldout"
ARTICLES = sorted(path.stem for path in HELDOUT.glob("*.txt"))
EVENT_KINDS = ("year", "short", "date", "first")


def _load(name):
    text = (HELDOUT / f"{name}.txt").read_text(encoding="utf-8")
    key = tomllib.loads((HELDOUT / f"{name}.toml").read_text(encoding="utf-8"))["fact"]
    facts = extract_facts(text)
    return facts, generate(facts, load_templates(ROOT / "seed" / "templates.toml")), key


@pytest.fixture(scope="module", params=ARTICLES)
def heldout(request):
    return request.param, *_load(request.param)


def _entry(fact, key):
    for entry in key:
        if entry["sentence"] not in fact.sentence:
            continue
        if entry["span"] == fact.text or (
            fact.text is None and entry.get("value", entry["span"]) == fact.value
        ):
            return entry
    return None


def _number(text):
    word = normalise(text)
    if word in lexicon.NUMBER_WORDS:
        return Decimal(lexicon.NUMBER_WORDS[word])
    try:
        return Decimal(text.replace(",", ""))
    except ArithmeticError:
        return None


def _same(a, b):
    number_a, number_b = _number(a), _number(b)
    if number_a is not None and number_b is not None:
        return number_a == number_b
    return normalise(a) == normalise(b)


def _rights(entry):
    return [entry["span"]] + ([entry["value"]] if "value" in entry else [])


def _among(text, values):
    return any(_same(text, value) for value in values)


def _use(q):
    if q.kind == "number":
        return "event" if len(q.fact_keys) == 2 else "figure"
    if q.kind == "short" and not q.answer.isdigit():
        # A typed name: in a gap as a gap with options would be, else as a choice would be.
        return "cloze" if q.template_key == "type-the-missing-name" else "who"
    plain = {"choice": "who", "cloze": "cloze", "true_false": "true_false"}
    # A claim as said or changed among others is judged as its true/false would be.
    plain |= {"statement": "true_false", "odd_one_out": "true_false"}
    return plain.get(q.kind, "event")


def _claimed(option, fact):
    """Return the value an option puts into its fact's claim, or None when it is another's."""
    before, after = fact.claim.split("{value}")
    head = normalise(option[: len(before)]) == normalise(before)
    if head and option.endswith(after) and len(option) > len(before) + len(after):
        return option[len(before) : len(option) - len(after)]
    return None


def _stated(q, fact):
    """Return the value a true/false prompt puts into its fact's claim."""
    rest = q.prompt.removeprefix("True or false: ")
    before, after = fact.claim.split("{value}")
    assert rest.endswith(after) and normalise(rest[: len(before)]) == normalise(before), q
    return rest[len(before) : len(rest) - len(after)]


def test_every_question_is_right_by_the_key(heldout):
    name, facts, questions, key = heldout
    by_key = {fact.key: fact for fact in facts}
    for q in questions:
        own = [by_key[k] for k in q.fact_keys]
        entries = [_entry(fact, key) for fact in own]
        assert all(entries), f"{name}: a fact not in the key: {own} ({q.prompt})"
        for entry in entries:
            assert _use(q) in entry["uses"], f"{name}: {_use(q)} over {entry['span']}: {q}"
        entry, fact = entries[0], own[0]
        wrongs = _rights(entry) + entry.get("also", [])
        if q.kind == "true_false":
            stated = _stated(q, fact)
            if q.answer == "True":
                assert _among(stated, _rights(entry)), q
            else:
                assert not _among(stated, wrongs), q
        elif q.kind == "first":
            earlier = min(zip(entries, own, strict=False), key=lambda pair: pair[0]["when"])[1]
            assert q.answer == capitalise(earlier.event), q
        elif q.kind in ("statement", "odd_one_out"):
            for fact, entry in zip(own, entries, strict=True):
                [(option, value)] = [
                    (o, v) for o in q.options if (v := _claimed(o, fact)) is not None
                ]
                said = (option == q.answer) == (q.kind == "statement")
                wrong = _rights(entry) + entry.get("also", [])
                assert _among(value, _rights(entry)) if said else not _among(value, wrong), q
        elif q.kind == "order":
            ranked = sorted(zip(entries, own, strict=True), key=lambda pair: pair[0]["when"])
            assert q.answer == ORDER_SEPARATOR.join(capitalise(f.event) for _e, f in ranked), q
        elif q.kind == "number" and len(own) == 2:
            years = sorted(int(e["when"][:4]) for e in entries)
            assert q.answer == str(years[1] - years[0]), q
        elif q.kind == "year" or (q.kind == "short" and _use(q) == "event"):
            assert q.answer == entry["when"][:4], q
        else:
            assert _among(q.answer, _rights(entry)), q
        if q.kind not in ("true_false", "first", "short", "order", "statement", "odd_one_out"):
            for option in q.options:
                if option != q.answer:
                    assert not _among(option, wrongs), f"{name}: {option!r} is also true: {q}"


def test_every_article_gives_questions_of_several_kinds(heldout):
    name, _facts, questions, _key = heldout
    assert len(questions) >= 8, name
    assert len({q.kind for q in questions}) >= 2, name


def test_the_news_piece_gives_which_first_and_who_questions():
    _facts, questions, _key = _load("news-bridge")
    kinds = {q.kind for q in questions}
    assert {"first", "choice", "cloze", "true_false", "year"} <= kinds
