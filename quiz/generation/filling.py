"""Fill templates with facts to make questions (pure: facts in, questions out)."""

from __future__ import annotations

import datetime
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from quiz.facts import Fact
from quiz.facts import lexicon as lx
from quiz.facts.model import DATED_TYPES, ENTITY_TYPES
from quiz.facts.text import BLANK, drop_conversion, needs_antecedent
from quiz.generation.asking import ACRONYM_RE, in_sentence
from quiz.generation.checks import check_question
from quiz.generation.distractors import (
    candidates_for,
    date_candidates,
    difference_candidates,
    entity_candidates,
    pick,
    year_candidates,
)
from quiz.generation.formatting import (
    answer_text,
    capitalise,
    date_style,
    fill_claim,
    normalise,
    parse_number,
    read_year,
    takes_the,
    typed_forms,
    visible_in,
    year_of,
    year_text,
    years_between,
)
from quiz.generation.question import (
    ORDER_SEPARATOR,
    GeneratedQuestion,
    fingerprint,
    is_copied,
    is_plain,
    seeded_random,
)
from quiz.generation.templates import Template, placeholders, render
from quiz.generation.truths import FactSet, same_event

PAIR_WINDOW = 12

log = logging.getLogger(__name__)


@dataclass
class Draft:
    """A question before its options are shuffled and it is checked."""

    prompt: str
    answer: str
    wrong: list[str]
    facts: tuple[Fact, ...]
    ordered: bool = False  # `wrong` then holds every option, in prompt order
    accepted: tuple[str, ...] = ()  # typed answers that count as right besides `answer`


def generate(facts: Sequence[Fact], templates: Sequence[Template]) -> list[GeneratedQuestion]:
    """Make every valid, distinct question the templates allow over the facts, in order."""
    facts = FactSet(facts)
    questions, seen = [], set()
    for template in templates:
        try:
            drafts = list(_drafts(template, facts))
        except Exception:  # a template tripped by facts no test foresaw gives no questions
            log.exception("no questions from template %r", template.key)
            continue
        for draft in drafts:
            question = _finish(template, draft)
            if question.fingerprint in seen or check_question(question, facts):
                continue
            seen.add(question.fingerprint)
            questions.append(question)
    asking = {t.key for t in templates if "question" in placeholders(t.text)}
    return _capped(questions, asking)


# A list-like article must not flood the review queue: the best few per sentence are kept.
PER_SENTENCE = 14
PER_FACT = 3
# Gaps in one sentence are near twins: a list of ten countries with their shares is not
# twenty gaps, nor fourteen.
GAPS_PER_SENTENCE = 4
PAIRS_PER_FACT = 4  # pair questions of one kind an event takes part in
# Kinds that restate the fact's sentence: the first to go when a fact has better questions.
RESTATING = ("cloze", "true_false", "short")
# Gaps and true/false restate a sentence: past this share of an article's questions, the
# weakest give way to the other kinds, as long as the article keeps ARTICLE_LEAST questions.
PLAIN_SHARE = 0.6
ARTICLE_LEAST = 8
VALUE_KINDS = ("year", "date", "short", "number", "choice")  # ask a fact's own value
TRUE_SHARE = 0.4  # of an article's true/false answers, "True" at the least
KIND_SCORES = {
    "order": 0.9,
    "statement": 0.75,
    "odd_one_out": 0.75,
    "first": 0.8,
    "choice": 0.8,
    "date": 0.75,
    "year": 0.7,
    "number": 0.7,
    "short": 0.6,
    "cloze": 0.6,
    "true_false": 0.5,
}


# An appositive that says what is notable about the name before it.
SUPERLATIVE_AFTER_RE = re.compile(r"^\s*(?:--|—|–|,)\s*the (?:[a-z]+est|most|first|only)\b")


def _score(question: GeneratedQuestion, draft: Draft) -> float:
    """Score a question: what it asks, then how many options a student must weigh."""
    score = KIND_SCORES.get(question.kind, 0.5)
    if question.kind == "short" and not question.answer.isdigit():
        score += 0.15  # a name recalled without options to choose from
        if draft.facts[0].unit not in (None, "place", "organisation"):
            score += 0.05  # of a kind the article names: a mountain, a river, a person
        if draft.facts[0].type == "person":
            score += 0.05  # "who" is what a teacher asks first, and what articles ask least
        if SUPERLATIVE_AFTER_RE.search(question.explanation.split(question.answer, 1)[-1][:40]):
            score += 0.05  # "Mt. Whitney -- the tallest peak in ...": what makes it notable
    if question.kind == "true_false" and question.answer == "True":
        score -= 0.1  # a true statement copied from the article is the easiest of all
    if question.kind not in ("true_false", "short", "order", "first"):
        score += {4: 0.1, 3: 0.05}.get(len(question.options), 0.0)
    if any(fact.hedge for fact in draft.facts):
        score -= 0.05
    if len(question.prompt) > 250:
        score -= 0.1
    return round(max(0.0, min(1.0, score)), 3)


def _capped(questions: list[GeneratedQuestion], asking: set[str]) -> list[GeneratedQuestion]:
    """Keep the best PER_FACT questions about each fact and PER_SENTENCE about each sentence,
    in their first order: a fact asked as a date and a year need not be a true/false too."""
    by_fact: dict[str, list[GeneratedQuestion]] = {}
    by_sentence: dict[str, list[GeneratedQuestion]] = {}
    for q in questions:
        if len(q.fact_keys) == 1:
            by_fact.setdefault(q.fact_keys[0], []).append(q)
            by_sentence.setdefault(q.explanation, []).append(q)
    dropped = set()
    for group in by_fact.values():
        # A gap or true/false goes before a typed year: with options beside it, it asks the
        # value the year and date questions already ask, the sentence shown around it.
        ranked = sorted(group, key=lambda q: (is_plain(q), -q.score))
        dropped |= {q.fingerprint for q in ranked[PER_FACT:] if q.kind in RESTATING}
        # A fact asked inside its own sentence ("... of which country?") need not also be a
        # gap in that sentence: it is the same question without its options' question word.
        if any(q.template_key in asking for q in ranked):
            dropped |= {q.fingerprint for q in ranked if q.kind == "cloze"}
    for group in by_sentence.values():
        ranked = sorted((q for q in group if q.fingerprint not in dropped), key=lambda q: -q.score)
        dropped |= {q.fingerprint for q in ranked[PER_SENTENCE:]}
        gaps = [q for q in ranked[:PER_SENTENCE] if q.kind == "cloze"]
        dropped |= {q.fingerprint for q in gaps[GAPS_PER_SENTENCE:]}
    # A name typed once is enough: "Wells Fargo" in five sentences is one question, not five;
    # and one typed gap a sentence: a list of offices is not five gaps in a row.
    typed: set[str] = set()
    for q in sorted(questions, key=lambda q: -q.score):
        if q.kind == "short" and q.fingerprint not in dropped and not q.answer.isdigit():
            gap = (q.explanation,) if BLANK in q.prompt else ()
            if normalise(q.answer) in typed or typed & set(gap):
                dropped.add(q.fingerprint)
            typed |= {normalise(q.answer), *gap}
    # A name typed need not also be a choice of two: the typed question asks more of it.
    typed_facts = {
        q.fact_keys
        for q in questions
        if q.kind == "short" and not q.answer.isdigit() and q.fingerprint not in dropped
    }
    dropped |= {
        q.fingerprint
        for q in questions
        if q.kind in ("choice", "cloze") and len(q.options) == 2 and q.fact_keys in typed_facts
    }
    # "Which comes first" and "how many years between" over a pair: each event in a few of
    # them at most, or a long list of dated events gives dozens of near-identical questions.
    paired: dict[tuple[str, str], int] = {}
    for q in questions:
        if len(q.fact_keys) != 2:
            continue
        if any(paired.get((q.kind, key), 0) >= PAIRS_PER_FACT for key in q.fact_keys):
            dropped.add(q.fingerprint)
            continue
        for key in q.fact_keys:
            paired[q.kind, key] = paired.get((q.kind, key), 0) + 1
    kept = _one_truth_a_sentence([q for q in questions if q.fingerprint not in dropped])
    return _balanced(_uncopied(kept))


def _one_truth_a_sentence(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    """Keep one "true" statement a sentence: two of its facts may restate it, one naming its
    subject in full ("Faith Kipyegon, who won ...") and one as it stands ("Kipyegon, ...").
    The one not copied word for word from the article is kept, else the better one."""
    stated: set[str] = set()
    twins: set[str] = set()
    for q in sorted(questions, key=lambda q: (is_copied(q), -q.score)):
        if q.kind == "true_false" and q.answer == "True":
            if q.explanation in stated:
                twins.add(q.fingerprint)
            stated.add(q.explanation)
    return [q for q in questions if q.fingerprint not in twins]


def _mixed(answers: Counter, q: GeneratedQuestion) -> bool:
    """Tell whether the true/false answers stay mixed without q (when it is one of them)."""
    if q.kind != "true_false" or q.answer != "True":
        return True
    return answers["True"] - 1 >= TRUE_SHARE * (answers["True"] + answers["False"] - 1)


def _uncopied(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    """Drop the true statements copied word for word from the article, the easiest question
    of all, whose sentence other questions ask about, while the article keeps ARTICLE_LEAST
    questions. The true/false answers stay mixed: where a copy's "True" is needed for that,
    a second true/false about one sentence ("False", a near twin of the first) goes first."""
    asked = Counter(q.explanation for q in questions if len(q.fact_keys) == 1)
    copies = sorted(
        (q for q in questions if is_copied(q) and asked[q.explanation] > 1), key=lambda q: q.score
    )
    repeats = _repeats(questions)
    twins = sorted(
        (q for q in questions if q.fingerprint in repeats and q.kind == "true_false"),
        key=lambda q: q.score,
    )
    twins = [q for q in twins if q.answer == "False"]
    answers = Counter(q.answer for q in questions if q.kind == "true_false")
    # Where neither will do, a copy goes with a "False" whose fact other questions still ask.
    about = Counter(q.fact_keys for q in questions)
    falses = sorted(
        (q for q in questions if q.kind == "true_false" and q.answer == "False"),
        key=lambda q: q.score,
    )
    dropped: set[str] = set()
    while copies and len(questions) - len(dropped) > ARTICLE_LEAST:
        if _mixed(answers, copies[0]):
            gone = [copies.pop(0)]
        elif twins:
            gone = [twins.pop(0)]
        elif len(questions) - len(dropped) > ARTICLE_LEAST + 1 and (
            pair := next(
                (
                    q
                    for q in falses
                    if q.fingerprint not in dropped
                    and about[q.fact_keys] > 1
                    and answers.total() - 2 >= 2  # a true and a false one stay
                    and answers["True"] - 1 >= TRUE_SHARE * (answers.total() - 2)
                ),
                None,
            )
        ):
            gone = [copies.pop(0), pair]
        else:
            break
        for q in gone:
            answers[q.answer] -= 1
            about[q.fact_keys] -= 1
            dropped.add(q.fingerprint)
    return [q for q in questions if q.fingerprint not in dropped]


def _balanced(questions: list[GeneratedQuestion]) -> list[GeneratedQuestion]:
    """Drop the weakest gaps and true/false questions while they are more than PLAIN_SHARE
    of the article's questions, never the last of a kind or about a fact, nor below
    ARTICLE_LEAST questions.

    The weakest first: one about a fact another kind already asks for its value, a
    true/false before a gap (a gap still asks for the value among options), a second of its
    kind about one sentence, a true statement copied from the article, then the lower score;
    a "True" only while the article's true/false answers stay mixed.
    """
    plain = [q for q in questions if is_plain(q)]
    total = len(questions)
    if len(plain) <= PLAIN_SHARE * total or total <= ARTICLE_LEAST or len(plain) == total:
        return questions  # balanced, short, or only gaps and true/false were asked for
    asked = {
        q.fact_keys[0]
        for q in questions
        if q.kind in VALUE_KINDS and len(q.fact_keys) == 1 and not is_plain(q)
    }
    repeats = _repeats(plain)

    def weakness(q: GeneratedQuestion) -> tuple:
        return (
            q.fact_keys[0] in asked,
            q.kind == "true_false",
            q.fingerprint in repeats,
            q.kind == "true_false" and q.answer == "True",
            -q.score,
        )

    left = Counter(q.kind for q in questions)
    answers = Counter(q.answer for q in plain if q.kind == "true_false")
    # A fact's last question stays: every fact found is asked about.
    about = Counter(q.fact_keys for q in questions)
    dropped: set[str] = set()
    for q in sorted(plain, key=weakness, reverse=True):
        if len(plain) - len(dropped) <= PLAIN_SHARE * (total - len(dropped)):
            break
        if total - len(dropped) <= ARTICLE_LEAST:
            break
        if left[q.kind] <= 1 or not _mixed(answers, q) or about[q.fact_keys] <= 1:
            continue
        left[q.kind] -= 1
        about[q.fact_keys] -= 1
        answers[q.answer] -= 1
        dropped.add(q.fingerprint)
    return [q for q in questions if q.fingerprint not in dropped]


def _repeats(questions: list[GeneratedQuestion]) -> set[str]:
    """Return the fingerprints of the questions that are not the best of their kind about
    their one sentence."""
    seen: set[tuple[str, str, bool]] = set()
    repeats = set()
    for q in sorted(questions, key=lambda q: -q.score):
        if len(q.fact_keys) == 1 and (q.kind, q.explanation, q.answer.isdigit()) in seen:
            repeats.add(q.fingerprint)
        seen.add((q.kind, q.explanation, q.answer.isdigit()))
    return repeats


def _finish(template: Template, draft: Draft) -> GeneratedQuestion:
    keys = tuple(fact.key for fact in draft.facts)
    if template.kind == "short":
        options: tuple[str, ...] = ()
    elif template.kind == "true_false":
        options = ("True", "False")
    elif draft.ordered:
        # "Which happened first" lists the events in the order the prompt names them.
        options = tuple(draft.wrong)
    else:
        shuffled = [draft.answer] + draft.wrong
        seeded_random(template.key, *keys, draft.prompt).shuffle(shuffled)
        options = tuple(shuffled)
    explanation = " ".join(dict.fromkeys(fact.sentence for fact in draft.facts))
    question = GeneratedQuestion(
        kind=template.kind,
        prompt=draft.prompt,
        answer=draft.answer,
        options=options,
        explanation=explanation,
        fact_keys=keys,
        template_key=template.key,
        fingerprint=fingerprint(template.kind, draft.prompt, draft.answer),
        time_limit=template.time_limit,
        accepted=draft.accepted,
    )
    return replace(question, score=_score(question, draft))


def _targets(over: str, facts: Sequence[Fact]) -> list[Fact]:
    if over == "dated":
        return [fact for fact in facts if fact.type in DATED_TYPES]
    if over == "entity":
        return [fact for fact in facts if fact.type in ENTITY_TYPES]
    if over == "any":
        return list(facts)
    return [fact for fact in facts if fact.type == over]


def _drafts(template: Template, facts: Sequence[Fact]) -> Iterator[Draft]:
    if template.over == "events":
        yield from _orders(template, _targets("dated", facts), facts)
        return
    if template.over == "statements":
        yield from _statements(template, facts)
        return
    if template.over == "dated,dated":
        dated = _targets("dated", facts)
        pair = _first if template.kind == "first" else _difference
        # Each dated fact is paired with the next few only: a long article's every pair
        # would be hundreds of thousands of near-identical questions.
        for n, a in enumerate(dated):
            for b in dated[n + 1 : n + 1 + PAIR_WINDOW]:
                yield from pair(template, a, b, facts)
        return
    build = BUILDERS[template.kind]
    for fact in _targets(template.over, facts):
        yield from build(template, fact, facts)


def _named(description: str | None) -> str | None:
    """Return a description, or None when it is a sentence with a blank (it names nothing)."""
    # Extracted facts describe what they cannot name soundly by their blanked sentence:
    # such a fact gives fill-the-gap and true/false questions only.
    return None if description is None or BLANK in description else description


def _context(fact: Fact) -> dict[str, str | None]:
    value = None if fact.type == "list" else answer_text(fact)
    event, role = _named(fact.event), _named(fact.role)
    # Asked inside its sentence only when no question names the event or the role already.
    question = None if event or role else in_sentence(fact)
    return {
        "event": event,
        "about": _named(fact.about),
        "role": role,
        "unit": fact.unit,
        "value": value,
        "question": question,
    }


def _fill(text: str, values: dict[str, str | None]) -> str | None:
    """Render text, or None when the fact lacks a placeholder the text uses."""
    known = {name: value for name, value in values.items() if value is not None}
    if any(name not in known for name in placeholders(text)):
        return None
    return render(text, known)


def _rng(template: Template, *facts: Fact, extra: str = ""):
    return seeded_random(template.key, *(fact.key for fact in facts), extra)


def _year(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    prompt = _fill(template.text, _context(fact))
    if prompt:
        answer = year_text(fact)
        wrong = pick(
            answer, year_candidates(fact, facts, _rng(template, fact)), fact, facts, prompt
        )
        yield Draft(prompt, answer, wrong, (fact,))


def _short(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    if fact.type in DATED_TYPES:
        yield from _typed_year(template, fact)
    else:
        yield from _typed_name(template, fact, facts)


def _typed_year(template: Template, fact: Fact) -> Iterator[Draft]:
    prompt = _fill(template.text, _context(fact))
    if prompt:
        answer = year_text(fact)
        yield Draft(prompt, answer, [], (fact,), accepted=typed_forms(fact))


def _typed_name(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    if fact.type == "list" or ACRONYM_RE.fullmatch(str(fact.value)):
        return  # letters that stand beside their full name
    if _about_it(fact, facts):
        return  # what the article is about ("Washington, D.C., ..."): typed without reading
    context = _context(fact)
    if "sentence" in placeholders(template.text):
        if context["question"]:
            return  # asked inside its sentence already: the gap would be the same question
        gapped = _gapped(template, fact)
        if gapped is None or gapped[0] != context["value"]:
            return
        if fact.type == "place" and gapped[1].startswith(BLANK):
            return  # "_____ lies beside the railway": the towns it runs through do too
        context["sentence"] = gapped[1]
    prompt = _fill(template.text, context)
    answer = answer_text(fact)
    if not prompt or _has_options(answer, fact, facts, prompt):
        return  # a name with options to choose from is asked as a choice, not typed
    # A surname the prompt shows ("Washington was named for _____") is no answer of its own.
    forms = tuple(form for form in typed_forms(fact) if not visible_in(form, prompt))
    yield Draft(prompt, answer, [], (fact,), accepted=forms)


def _about_it(fact: Fact, facts: Sequence[Fact]) -> bool:
    """Tell whether a name is the article's subject: the first sentence opens with it
    ("Washington, D.C., ..."), or for a person, with their first name and surname
    ("Valentina Vladimirovna Tereshkova is ..." for Valentina Tereshkova)."""
    if not facts:
        return False
    name, first = str(fact.value), facts[0].sentence.removeprefix("The ")
    if first.startswith(name):
        return True
    words, opening = name.split(" "), first.split(" ")[:4]
    return fact.type == "person" and opening[0] == words[0] and words[-1] in opening


def _has_options(answer: str, fact: Fact, facts: Sequence[Fact], prompt: str) -> bool:
    """Tell whether the article or the data give a name enough wrong options to choose from."""
    rng = seeded_random(fact.key, "options")
    return len(pick(answer, entity_candidates(fact, facts, rng), fact, facts, prompt)) >= 2


def _date(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    prompt = _fill(template.text, _context(fact)) if fact.type == "date" else None
    if prompt:
        answer = answer_text(fact)
        wrong = pick(
            answer, date_candidates(fact, facts, _rng(template, fact)), fact, facts, prompt
        )
        yield Draft(prompt, answer, wrong, (fact,))


def _number(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    if lx.bound_of(fact.hedge):
        return  # "more than 40": no figure is the answer, only the words the article uses
    prompt = _fill(template.text, _context(fact))
    if prompt:
        answer = answer_text(fact)
        wrong = pick(answer, candidates_for(fact, facts, _rng(template, fact)), fact, facts, prompt)
        yield Draft(prompt, answer, wrong, (fact,))


def _shares_role(fact: Fact, facts: Sequence[Fact]) -> bool:
    role = normalise(fact.role or "")
    return any(
        other is not fact and other.type == fact.type and normalise(other.role or "") == role
        for other in facts
    )


def _choice(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    text = template.text
    if _shares_role(fact, facts):
        # "Who launched into orbit?" has several right answers; "Which of these" has one.
        if template.text_shared is None:
            return
        text = template.text_shared
    prompt = _fill(text, _context(fact))
    if not prompt:
        return
    answers = fact.list_value() if fact.type == "list" else (answer_text(fact),)
    asked = re.search(r"\bwhich ([a-z]+)\b", prompt)
    for answer in answers:
        rng = _rng(template, fact, extra=answer)
        wrong = pick(answer, entity_candidates(fact, facts, rng), fact, facts, prompt)
        if asked and asked[1] in answer.lower().split():
            # "... from which university?": the University of Pittsburgh among universities
            # only, never beside the National Assembly.
            wrong = [option for option in wrong if asked[1] in option.lower().split()]
        yield Draft(prompt, answer, wrong, (fact,))


def _cloze_target(template: Template, fact: Fact) -> str | None:
    """Return the words of the sentence to blank out, or None when none fits."""
    if fact.type == "list":
        items = [item for item in fact.list_value() if _occurs_once(item, fact.sentence)]
        return _rng(template, fact).choice(items) if items else None
    text = fact.text
    if not text or not _occurs_once(text, fact.sentence):
        return None
    # The blank must hold the value itself, written as the options are written.
    if fact.type == "year" and text != answer_text(fact):
        return None
    if fact.type == "date" and text != answer_text(fact):
        return None
    if fact.type == "number" and parse_number(text) != parse_number(str(fact.value)):
        return None
    return text


def _occurs_once(text: str, sentence: str) -> bool:
    return len(re.findall(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)) == 1


def _gapped(template: Template, fact: Fact) -> tuple[str, str] | None:
    """Return the words blanked and the sentence with the gap, or None when none fits."""
    target = _cloze_target(template, fact)
    if target is None:
        return None
    # "The town has been ..." asked as "Kigali has been ...": the claim names what it is.
    named = fact.claim and fact.claim.replace("{value}", target) != fact.sentence
    if needs_antecedent(fact.sentence) or named:
        # "She moved to Paris in _____" does not stand alone: the claim names her.
        if not fact.claim or fact.text != target:
            return None
        blanked = capitalise(fact.claim.replace("{value}", BLANK))
    else:
        blanked = re.sub(rf"(?<!\w){re.escape(target)}(?!\w)", BLANK, fact.sentence, count=1)
    return target, drop_conversion(blanked)


def _cloze(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    gapped = _gapped(template, fact)
    if gapped is None:
        return
    target, blanked = gapped
    prompt = _fill(template.text, {**_context(fact), "sentence": blanked})
    if prompt:
        rng = _rng(template, fact)
        candidates = (
            date_candidates(fact, facts, rng, date_style(target))
            if fact.type == "date"
            else candidates_for(fact, facts, rng)
        )
        wrong = pick(target, candidates, fact, facts, prompt)
        if fact.type == "place":
            prompt, target, wrong = _with_articles(prompt, target, wrong)
        yield Draft(prompt, target, wrong, (fact,))


def _with_articles(prompt: str, target: str, wrong: list[str]) -> tuple[str, str, list[str]]:
    """Write "the" with the countries that take it, in the options rather than before the gap:
    "China and _____ follow" with "the United States" and "Canada", never "the Canada"."""
    before = re.search(rf"\b[Tt]he {re.escape(BLANK)}", prompt)
    if before and takes_the(target):
        prompt = prompt[: before.start()] + BLANK + prompt[before.end() :]
        target = f"the {target}"
    elif before:
        return prompt, target, wrong  # "the _____" of a name that keeps its article
    return prompt, target, [f"the {w}" if takes_the(w) else w for w in wrong]


def _true_false(template: Template, fact: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    if not fact.claim:
        return
    rng = _rng(template, fact)
    truth = rng.choice(fact.value) if fact.type == "list" else answer_text(fact)
    value, answer = truth, "True"
    if _wants_false(template, fact, facts):
        wrong = _false_value(fact, facts, truth, rng)
        if wrong:
            value, answer = wrong, "False"
    claim = fill_claim(fact.claim, value, truth)
    prompt = _fill(template.text, {**_context(fact), "claim": claim})
    if prompt:
        yield Draft(prompt, answer, [], (fact,))


def _false_value(fact: Fact, facts: Sequence[Fact], truth: str, rng) -> str | None:
    """Return a value that makes the fact's claim certainly false, or None."""
    bare = (fact.claim or "").replace("{value}", " ")
    # A changed figure or date comes from the fact alone, so the claim stays the same
    # when other sentences of the article change; pick() still checks it is false.
    own = [fact] if fact.type in ("year", "date", "number") else facts
    candidates = candidates_for(fact, own, rng)
    if fact.type == "year":
        # A near year makes a fair trap; another event's year reads as a mix-up.
        candidates.sort(key=lambda year: abs((read_year(year) or 0) - year_of(fact)) > 5)
    wrong = pick(truth, candidates, fact, facts, bare, count=1)
    return wrong[0] if wrong else None


STATEMENTS = 4  # claims per question
STATEMENTS_LEAST = 3  # claims of an article that make one
STATEMENT_EVERY = 2  # about one claim in this many leads a question
STATEMENT_CHARS = 220  # a longer claim is too much to read four times over


def _statements(template: Template, facts: Sequence[Fact]) -> Iterator[Draft]:
    """ "Which of these does the article say?" (one claim as the article says it, three with a
    value changed) and its odd one out (three as said, one changed), over four sentences, or
    three when the article has only three.

    A claim leads a question by a hash of its fact, with the next three claims of the
    article beside it: editing one sentence changes only the questions that hold it.
    """
    usable: list[tuple[Fact, str, str]] = []
    sentences: set[str] = set()
    for fact in facts:
        if not fact.claim or fact.type == "list" or fact.sentence in sentences:
            continue
        truth = answer_text(fact)
        true = capitalise(fact.claim.replace("{value}", truth))
        wrong = _false_value(fact, facts, truth, _rng(template, fact))
        if not wrong or len(true) > STATEMENT_CHARS:
            continue
        usable.append((fact, true, fill_claim(fact.claim, wrong, truth)))
        sentences.add(fact.sentence)
    if len(usable) < STATEMENTS_LEAST:
        return
    size = min(STATEMENTS, len(usable))  # a short article's three claims make one too
    odd = template.kind == "odd_one_out"
    leads = [
        n
        for n, (lead, _true, _false) in enumerate(usable)
        if _rng(template, lead, extra="lead?").random() * STATEMENT_EVERY < 1
    ]
    for n in leads or [0]:  # the article's first claim leads when the hash chose none
        group = [usable[(n + k) % len(usable)] for k in range(size)]
        # The lead's claim is the answer: as said (or, for the odd one out, changed).
        options = [
            (f if odd else t) if k == 0 else (t if odd else f) for k, (_, t, f) in enumerate(group)
        ]
        prompt = _fill(template.text, {})
        if prompt:
            yield Draft(prompt, options[0], options[1:], tuple(fact for fact, _t, _f in group))


def _wants_false(template: Template, fact: Fact, facts: Sequence[Fact]) -> bool:
    """Choose a true or a false claim by a hash of the fact, so both answers are common."""
    # Decided by the fact alone: adding a sentence to an article must not flip the claims
    # of the others (that would propose new questions for text that did not change).
    return _rng(template, fact, extra="false?").random() < 0.5


def _when(fact: Fact):
    """Return a sort key for "which happened first", or None for a bare year."""
    return fact.value if isinstance(fact.value, datetime.date) else None


def _life(fact: Fact) -> bool:
    """Tell whether a fact is a person's birth or death: before or after all they did."""
    return fact.key.endswith(("-born", "-died"))


def _first(template: Template, a: Fact, b: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    if normalise(a.event or "") == normalise(b.event or "") or a.sentence == b.sentence:
        return  # one sentence's two dates ("founded in 1990 and renamed in 2000") tell it
    if _life(a) or _life(b):
        return  # "born, or won the prize?": the answer needs no article
    if year_of(a) == year_of(b):
        # Same year: only two full dates can tell which came first.
        if _when(a) is None or _when(b) is None or _when(a) == _when(b):
            return
        earlier = a if _when(a) < _when(b) else b
    else:
        earlier = a if year_of(a) < year_of(b) else b
    later = b if earlier is a else a
    # The prompt names the two events in an order that does not give the answer away.
    named = (a, b) if _rng(template, a, b).random() < 0.5 else (b, a)
    first, second = named[0].event, named[1].event
    prompt = _fill(template.text, {"a.event": _named(first), "b.event": _named(second)})
    if prompt and first and second:
        options = [capitalise(first), capitalise(second)]
        answer = options[0] if earlier is named[0] else options[1]
        yield Draft(prompt, answer, options, (earlier, later), ordered=True)


ORDER_SIZE = 4
ORDER_MAX = 6


def _orderable(fact: Fact) -> bool:
    event = _named(fact.event) or ""
    return bool(event) and ORDER_SEPARATOR.strip() not in event and "\n" not in event


def _orders(template: Template, dated: list[Fact], facts: Sequence[Fact]) -> Iterator[Draft]:
    """Put three or four events of different sentences and different dates in order."""
    usable, events, sentences, keys = [], set(), set(), set()
    for fact in dated:
        event = normalise(fact.event or "")
        key = _order_key(fact)
        # One event per sentence and per date: alike events and one date each tell apart.
        if (
            not _orderable(fact)
            or _life(fact)
            or event in events
            or fact.sentence in sentences
            or key in keys
        ):
            continue
        if len(same_event(fact, facts)) > 1:
            continue
        usable.append(fact)
        events.add(event)
        sentences.add(fact.sentence)
        keys.add(key)
    made = 0
    size = ORDER_SIZE if len(usable) >= ORDER_SIZE else 3
    for start in range(0, max(0, len(usable) - size + 1), max(1, size // 2)):
        group = usable[start : start + size]
        if len(group) < 3 or made >= ORDER_MAX or not _told_apart(group):
            continue
        chronological = sorted(group, key=_order_key)
        shown = list(group)
        rng = _rng(template, *group)
        while [f.key for f in shown] == [f.key for f in chronological]:
            rng.shuffle(shown)
        prompt = _fill(template.text, {})
        if prompt:
            made += 1
            answer = ORDER_SEPARATOR.join(capitalise(f.event or "") for f in chronological)
            options = [capitalise(f.event or "") for f in shown]
            yield Draft(prompt, answer, options, tuple(chronological), ordered=True)


def _order_key(fact: Fact) -> tuple[int, int]:
    when = _when(fact)
    return (year_of(fact), when.toordinal() if when else 0)


def _told_apart(group: list[Fact]) -> bool:
    """Tell whether the dates put every event in one order (a bare year and a full date of
    the same year do not)."""
    for a in group:
        for b in group:
            if a is not b and year_of(a) == year_of(b) and (_when(a) is None or _when(b) is None):
                return False
    return len(set(map(_order_key, group))) == len(group)


def _difference(template: Template, a: Fact, b: Fact, facts: Sequence[Fact]) -> Iterator[Draft]:
    if normalise(a.event or "") == normalise(b.event or "") or year_of(a) == year_of(b):
        return
    if year_of(b) < year_of(a):
        a, b = b, a
    prompt = _fill(template.text, {"a.event": _named(a.event), "b.event": _named(b.event)})
    if prompt:
        difference = years_between(year_of(a), year_of(b))
        candidates = difference_candidates(difference, _rng(template, a, b))
        wrong = [number for number in candidates if not visible_in(number, prompt)][:3]
        yield Draft(prompt, str(difference), wrong, (a, b))


BUILDERS = {
    "year": _year,
    "short": _short,
    "date": _date,
    "number": _number,
    "choice": _choice,
    "cloze": _cloze,
    "true_false": _true_false,
}
