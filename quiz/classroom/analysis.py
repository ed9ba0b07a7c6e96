"""Item analysis over plain data: facility, discrimination, distractors and broken-question flags.

Pure Python, no database: quiz.classroom.results gathers the rows, this module does the
arithmetic, the way Moodle's quiz statistics report does it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# Upper and lower groups for discrimination: the top and bottom 27 % of students by total.
GROUP_SHARE = 0.27
# Facility and unpicked-option flags need this many students: with fewer, one student decides.
MIN_STUDENTS = 10
TOO_HARD = 0.2
TOO_EASY = 0.95

FLAG_TOO_HARD = "too hard"
FLAG_TOO_EASY = "too easy"
FLAG_NEGATIVE = "negative discrimination"
FLAG_UNPICKED = "a wrong option nobody picks"
FLAG_REPORTED = "reported by students"


@dataclass(frozen=True)
class Response:
    """One student's answer to one question."""

    student: str
    question_id: int
    correct: bool
    option_id: int | None = None


@dataclass(frozen=True)
class OptionInfo:
    """An option of a question, as the analysis needs it."""

    id: int
    text: str
    correct: bool


@dataclass(frozen=True)
class OptionCount:
    option: OptionInfo
    count: int


@dataclass
class ItemStats:
    """What the analysis found about one question."""

    question_id: int
    students: int
    right: int
    facility: float | None
    discrimination: float | None
    options: list[OptionCount] = field(default_factory=list)
    reports: int = 0
    flags: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class TemplateCounts:
    questions: int
    flagged: int
    retired: int


def first_responses(responses: Iterable[Response]) -> list[Response]:
    """Keep each student's first answer to each question (the input is in answer order)."""
    # A student who replays a question has seen its feedback: only the first try measures it.
    seen: set[tuple[str, int]] = set()
    kept = []
    for response in responses:
        key = (response.student, response.question_id)
        if key not in seen:
            seen.add(key)
            kept.append(response)
    return kept


def facility(flags: Sequence[bool]) -> float | None:
    """Return the share of right answers, or None when nobody answered."""
    return sum(flags) / len(flags) if flags else None


def student_totals(responses: Iterable[Response]) -> dict[str, int]:
    """Return each student's number of right answers."""
    totals: Counter[str] = Counter()
    for response in responses:
        totals[response.student] += int(response.correct)
    return dict(totals)


def groups(totals: Mapping[str, float], share: float = GROUP_SHARE) -> tuple[set[str], set[str]]:
    """Return the upper and lower groups: the top and bottom `share` of students by total."""
    if len(totals) < 2:
        return set(), set()
    # Ties are broken by the student key so that the same data always gives the same groups.
    ranked = sorted(totals, key=lambda s: (-totals[s], s))
    size = min(max(1, round(share * len(ranked))), len(ranked) // 2)
    return set(ranked[:size]), set(ranked[-size:])


def discrimination(responses: Sequence[Response], upper: set[str], lower: set[str]) -> float | None:
    """Return facility in the upper group minus facility in the lower group, for one question."""
    high = facility([r.correct for r in responses if r.student in upper])
    low = facility([r.correct for r in responses if r.student in lower])
    if high is None or low is None:
        return None
    return high - low


def flags_for(stats: ItemStats) -> list[str]:
    """Return why a question looks broken, in the order a teacher should read them."""
    found = []
    if stats.students >= MIN_STUDENTS and stats.facility is not None:
        if stats.facility < TOO_HARD:
            found.append(FLAG_TOO_HARD)
        elif stats.facility > TOO_EASY:
            found.append(FLAG_TOO_EASY)
    if stats.discrimination is not None and stats.discrimination < 0:
        found.append(FLAG_NEGATIVE)
    if stats.students >= MIN_STUDENTS and any(
        not oc.option.correct and oc.count == 0 for oc in stats.options
    ):
        found.append(FLAG_UNPICKED)
    if stats.reports:
        found.append(FLAG_REPORTED)
    return found


def analyse(
    responses: Iterable[Response],
    options: Mapping[int, Sequence[OptionInfo]],
    reports: Mapping[int, int] | None = None,
    question_ids: Iterable[int] | None = None,
) -> list[ItemStats]:
    """Analyse every question: facility, discrimination, option counts, reports and flags."""
    reports = reports or {}
    first = first_responses(responses)
    upper, lower = groups(student_totals(first))
    by_question: dict[int, list[Response]] = {}
    for response in first:
        by_question.setdefault(response.question_id, []).append(response)
    wanted = list(question_ids) if question_ids is not None else sorted(by_question)
    results = []
    for question_id in wanted:
        answered = by_question.get(question_id, [])
        picks = Counter(r.option_id for r in answered)
        stats = ItemStats(
            question_id=question_id,
            students=len(answered),
            right=sum(r.correct for r in answered),
            facility=facility([r.correct for r in answered]),
            discrimination=discrimination(answered, upper, lower),
            options=[OptionCount(o, picks.get(o.id, 0)) for o in options.get(question_id, ())],
            reports=reports.get(question_id, 0),
        )
        stats.flags = flags_for(stats)
        results.append(stats)
    return results


def template_counts(
    rows: Iterable[tuple[int | None, str, bool]],
) -> dict[int, TemplateCounts]:
    """Count, per template, its questions and how many are flagged or retired.

    Each row is (template id, question status, flagged); rows without a template are skipped.
    """
    questions: Counter[int] = Counter()
    flagged: Counter[int] = Counter()
    retired: Counter[int] = Counter()
    for template_id, status, is_flagged in rows:
        if template_id is None:
            continue
        questions[template_id] += 1
        flagged[template_id] += int(is_flagged)
        retired[template_id] += int(status == "retired")
    return {t: TemplateCounts(questions[t], flagged[t], retired[t]) for t in questions}


@dataclass(frozen=True)
class Bin:
    low: int
    high: int
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high} %"


def distribution(percentages: Iterable[float], width: int = 10) -> list[Bin]:
    """Count scores (0–100 %) in bins of `width` points; 100 % falls in the top bin."""
    edges = list(range(0, 100, width))
    counts: Counter[int] = Counter()
    for value in percentages:
        value = min(max(value, 0.0), 100.0)
        counts[min(int(value // width) * width, edges[-1])] += 1
    return [Bin(low, min(low + width, 100), counts.get(low, 0)) for low in edges]
