"""How fast the `quiz` command starts, beside `python -c "import flask"` on the same machine.

Run with `make bench` (bench/run.py calls main()) or on its own. Each command runs several
times, interleaved with the reference so that a busy moment hits both, and the medians are
compared: the target is at most 2.5 times the reference.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("QUIZ_BENCH_CLI_RUNS", "9"))
TARGET = 2.5


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def measure(cases: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, float]:
    """Return the median seconds of each command, run in turn `runs` times after a warm-up."""
    seconds: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs + 1):
        for name, argv in cases.items():
            seconds[name].append(_run(argv, env))
    # The first round warms the disk cache and writes bytecode; it is not counted.
    return {name: statistics.median(values[1:]) for name, values in seconds.items()}


def main() -> None:
    """Print each command's start-up time beside the reference and the target."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "export.gift"
        env = {
            **os.environ,
            "QUIZ_DATABASE_URL": f"sqlite:///{folder}/cli.sqlite3",
            # Keeps `quiz init` from writing a key into the checkout's instance folder.
            "QUIZ_SECRET_KEY": "bench",
        }
        subprocess.run([BIN / "quiz", "init"], env=env, check=True, capture_output=True)
        quiz = str(BIN / "quiz")
        export = [quiz, "export", "--format", "gift", "--article", "baikonur"]
        cases = {
            'python -c "import flask"': [sys.executable, "-c", "import flask"],
            "quiz --help": [quiz, "--help"],
            "quiz export --help": [quiz, "export", "--help"],
            "quiz export (GIFT, seed article)": [*export, "--output", str(output)],
        }
        medians = measure(cases, env, RUNS)
    reference = medians.pop('python -c "import flask"')
    print(
        f'CLI start-up, median of {RUNS} runs; python -c "import flask": {reference * 1000:.0f} ms'
    )
    for name, seconds in medians.items():
        ratio = seconds / reference
        verdict = "met    " if ratio <= TARGET else "NOT MET"
        print(
            f"target {verdict}  {name}: {seconds * 1000:.0f} ms, x{ratio:.2f} of importing "
            f"Flask (target: at most x{TARGET})"
        )


if __name__ == "__main__":
    main()
