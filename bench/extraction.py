"""Print, per held-out article, the questions generated, the share of sentences that gave
at least one, and the time taken; then the time for a synthetic 10,000-word article."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quiz.facts import split_sentences  # noqa: E402
from quiz.facts.extraction import extract_facts  # noqa: E402
from quiz.generation import generate, load_templates  # noqa: E402

TEMPLATES = load_templates(ROOT / "seed" / "templates.toml")


def run(text: str) -> tuple[int, float, float]:
    """Extract and generate; return the questions, the share of sentences used, seconds."""
    start = time.perf_counter()
    facts = extract_facts(text)
    questions = generate(facts, TEMPLATES)
    seconds = time.perf_counter() - start
    by_key = {fact.key: fact for fact in facts}
    used = {by_key[key].sentence for q in questions for key in q.fact_keys}
    sentences = set(split_sentences(text))
    return len(questions), len(used & sentences) / max(1, len(sentences)), seconds


def synthetic(words: int) -> str:
    """Build a news-like article of about `words` words with dates, figures and names."""
    rng = random.Random(7)
    first = ["Anna", "Piotr", "Maria", "Daniel", "Susan", "Olav", "Yuri", "Edwin"]
    last = ["Kowalski", "Nowak", "Garcia", "Okafor", "Clarke", "Bjaaland", "Lopez", "Ivanov"]
    cities = ["Warsaw", "Paris", "Berlin", "Madrid", "Vienna", "Prague", "Oslo", "Lisbon"]
    months = ["January", "March", "June", "October", "December"]
    nouns = ["workers", "visitors", "students", "kilometres", "tonnes", "projects", "cars"]
    verbs = ["opened", "visited", "inspected", "praised", "designed", "funded", "reviewed"]
    things = ["the new bridge", "the museum", "the station", "the library", "the tunnel"]
    out, count = [], 0
    while count < words:
        name = f"{rng.choice(first)} {rng.choice(last)}"
        forms = [
            f"{name} {rng.choice(verbs)} {rng.choice(things)} in {rng.choice(cities)} on "
            f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1900, 2024)}.",
            f"In {rng.randint(1800, 2024)}, {rng.choice(things)} was {rng.choice(verbs)}.",
            f"The project employed {rng.randint(2, 99):,}{rng.choice(['', ',000'])} "
            f"{rng.choice(nouns)} and cost {rng.randint(1, 900)}.{rng.randint(1, 9)} million "
            "euros.",
            f"Officials said {rng.choice(things)} would reopen after repairs.",
        ]
        sentence = rng.choice(forms)
        out.append(sentence)
        count += len(sentence.split())
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


def main() -> None:
    """Print the figures."""
    print(f"{'article':<24} {'questions':>9} {'sentences used':>15} {'seconds':>8}")
    for path in sorted((ROOT / "tests" / "heldout").glob("*.txt")):
        questions, share, seconds = run(path.read_text(encoding="utf-8"))
        print(f"{path.stem:<24} {questions:>9} {share:>14.0%} {seconds:>8.3f}")
    text = synthetic(10_000)
    questions, share, seconds = run(text)
    print(
        f"{'synthetic ' + str(len(text.split())) + ' words':<24} {questions:>9} "
        f"{share:>14.0%} {seconds:>8.3f}  (target < 2 s)"
    )


if __name__ == "__main__":
    main()
