"""Print, per real held-out article (tests/heldout/real/), what the generator makes of it,
judged by the article's hand-made key; then totals beside the targets of issue 11, and the
time for a 10,000-word article built from the real texts.

Run alone with `python bench/heldout.py` (add `-v` to list unkeyed and failing questions),
or as part of `make bench`.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quiz.facts import split_sentences  # noqa: E402
from quiz.facts.extraction import extract_facts  # noqa: E402
from quiz.generation import generate, load_templates  # noqa: E402
from quiz.generation.question import is_copied, is_plain  # noqa: E402
from tests.heldout.real import judge  # noqa: E402

TEMPLATES = load_templates(ROOT / "seed" / "templates.toml")

LONG = 150  # words from which an article must meet the per-article targets
TARGET_QUESTIONS, TARGET_KINDS, TARGET_OTHER, TARGET_RECALL = 8, 4, 0.40, 0.80
TARGET_SECONDS, BIG_WORDS = 2.0, 10_000
TARGET_COPIES = 0.05  # true statements copied word for word from the article, at the most


def run(text: str):
    """Extract and generate; return facts, questions and seconds."""
    start = time.perf_counter()
    facts = extract_facts(text)
    questions = generate(facts, TEMPLATES)
    return facts, questions, time.perf_counter() - start


def sentence_share(text: str, facts, questions) -> float:
    by_key = {fact.key: fact for fact in facts}
    used = {by_key[key].sentence for q in questions for key in q.fact_keys}
    sentences = set(split_sentences(text))
    return len(used & sentences) / max(1, len(sentences))


def mark(ok: bool) -> str:
    return "met" if ok else "NOT met"


def big_article(articles, words: int = BIG_WORDS) -> str:
    """Concatenate the real texts (repeated as needed) into an article of `words` words."""
    paragraphs, count = [], 0
    while count < words:
        for article in articles:
            paragraphs.append(article.text.strip())
            count += article.words
            if count >= words:
                break
    return "\n\n".join(paragraphs)


def main(verbose: bool = False) -> None:
    articles = [judge.load_article(name) for name in judge.article_names()]
    print(
        f"held-out real texts: {len(articles)} articles judged by their keys (tests/heldout/real/)"
    )
    header = (
        f"{'article':<30} {'kind':<12} {'words':>5} {'qs':>4} {'kinds':>5} "
        f"{'other':>6} {'top5':>4} {'sent':>5} {'wrong':>5} {'unres':>5} {'slip':>4} "
        f"{'2unit':>5} {'unkey':>5} {'ms':>6}  per kind"
    )
    print(header)
    totals = Counter()
    long_misses = []
    all_kinds = Counter()
    for article in articles:
        facts, questions, seconds = run(article.text)
        verdict = judge.judge(article, facts, questions)
        kinds = Counter(q.kind for q in questions)
        all_kinds.update(kinds)
        other = sum(1 for q in questions if not is_plain(q))  # a typed gap is a gap
        share = other / max(1, len(questions))
        top = len(verdict.top_asked)
        print(
            f"{article.name:<30} {article.kind:<12} {article.words:>5} {len(questions):>4} "
            f"{len(kinds):>5} {share:>6.0%} {top:>2}/5 "
            f"{sentence_share(article.text, facts, questions):>5.0%} "
            f"{len(verdict.wrong):>5} {len(verdict.unresolved):>5} {len(verdict.slips):>4} "
            f"{len(verdict.second_units):>5} {len(verdict.unkeyed):>5} {seconds * 1000:>6.1f}  "
            + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        )
        totals.update(
            questions=len(questions),
            other=other,
            top=top,
            topn=len(article.top),
            wrong=len(verdict.wrong),
            unresolved=len(verdict.unresolved),
            slips=len(verdict.slips),
            second=len(verdict.second_units),
            copies=sum(map(is_copied, questions)),
            unkeyed=len(verdict.unkeyed),
            keyed=len(verdict.keyed),
        )
        if article.words >= LONG:
            totals["long"] += 1
            misses = []
            if len(questions) < TARGET_QUESTIONS:
                misses.append(f"{len(questions)} questions")
            if len(kinds) < TARGET_KINDS:
                misses.append(f"{len(kinds)} kinds")
            if share < TARGET_OTHER:
                misses.append(f"{share:.0%} other kinds")
            if misses:
                long_misses.append(f"{article.name} ({', '.join(misses)})")
        if verbose:
            for q, why in verdict.wrong:
                print(f"    WRONG {q.prompt!r} -> {q.answer!r}: {why}")
            for q, opening in verdict.unresolved:
                print(f"    UNRESOLVED ({opening}) {q.prompt!r}")
            for q, other in verdict.second_units:
                print(f"    SECOND UNIT ({other}) {q.prompt!r}")
            for q, slip in verdict.slips:
                print(f"    SLIP ({slip}) {q.prompt!r}")
            for q in verdict.unkeyed:
                print(f"    unkeyed {q.kind}: {q.prompt!r} -> {q.answer!r}")

    questions = totals["questions"]
    other = totals["other"] / max(1, questions)
    recall = totals["top"] / max(1, totals["topn"])
    print(
        f"totals: {questions} questions ({totals['keyed']} keyed, {totals['unkeyed']} "
        f"unkeyed: their fact is not in the key), kinds "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(all_kinds.items()))
    )
    print(
        f"  articles of {LONG}+ words with >= {TARGET_QUESTIONS} questions, >= "
        f"{TARGET_KINDS} kinds and >= {TARGET_OTHER:.0%} other than gap/true-false: "
        f"{totals['long'] - len(long_misses)}/{totals['long']} "
        f"(target all: {mark(not long_misses)})"
    )
    if long_misses:
        print("    short of it: " + "; ".join(long_misses))
    print(
        f"  kinds other than gap/true-false: {other:.0%} of questions "
        f"(target >= {TARGET_OTHER:.0%}: {mark(other >= TARGET_OTHER)})"
    )
    print(
        f"  top-five facts asked by a keyed answer: {totals['top']}/{totals['topn']} = "
        f"{recall:.0%} (target >= {TARGET_RECALL:.0%}: {mark(recall >= TARGET_RECALL)})"
    )
    print(f"  wrong by the key: {totals['wrong']} (target 0: {mark(not totals['wrong'])})")
    print(
        f"  unresolved subjects: {totals['unresolved']} "
        f"(target 0: {mark(not totals['unresolved'])})"
    )
    print(
        f"  gaps showing their value in another unit: {totals['second']} "
        f"(target 0: {mark(not totals['second'])})"
    )
    print(f"  grammar slips: {totals['slips']} (target 0: {mark(not totals['slips'])})")
    copies = totals["copies"] / max(1, questions)
    print(
        f"  true statements copied word for word from the article: {totals['copies']} = "
        f"{copies:.0%} (target <= {TARGET_COPIES:.0%}: {mark(copies <= TARGET_COPIES)})"
    )

    text = big_article(articles)
    _facts, big_questions, seconds = run(text)
    print(
        f"  {len(text.split()):,}-word article from the real texts: {len(big_questions)} "
        f"questions in {seconds:.2f} s (target < {TARGET_SECONDS:.0f} s: "
        f"{mark(seconds < TARGET_SECONDS)})"
    )


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
