"""Start-up time: bare Python, ``import quoteattr``, ``quoteattr --help`` and a first ``extract``.

Each command runs in a fresh interpreter with ``PYTHONPATH`` set to the
checkout under test, ``--runs`` times (default 10); the best wall-clock time
counts, the median is shown beside it, and so does the best CPU time (user +
system) of the child, which other jobs on a shared machine inflate less. With ``--baseline DIR`` (another
checkout, e.g. the untouched code) the same commands run for it too, one run
of each checkout in turn, so that other load on the machine hits both alike.

Commands:

* ``python``: ``python -c pass``, the floor;
* ``import quoteattr``: ``python -c "import quoteattr"``;
* ``quoteattr --help``: what the ``quoteattr`` console script runs,
  ``from quoteattr.cli import main; sys.exit(main())`` with ``--help``;
* ``first extract``: ``import quoteattr; quoteattr.extract("...")``, the cost
  of the lazy imports paid on first use.

Targets (issue 19): ``import quoteattr`` at most 0.1 s and ``quoteattr --help``
at most 0.15 s. Prints a table, writes ``benchmarks/results/startup.json`` and
rewrites the start-up table in ``docs/benchmarks.md``.

Usage::

    .venv/bin/python benchmarks/startup.py [--runs 10] [--baseline ../base]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DOCS, RESULTS, ROOT, machine_info, update_section, write_json

#: name -> the Python code run by ``python -c``.
COMMANDS = {
    "python": "pass",
    "import quoteattr": "import quoteattr",
    "quoteattr --help": (
        "import sys; sys.argv = ['quoteattr', '--help']\n"
        "from quoteattr.cli import main\n"
        "try:\n    sys.exit(main())\nexcept SystemExit as e:\n    sys.exit(0 if e.code in (0, None) else e.code)"
    ),
    "first extract": "import quoteattr; quoteattr.extract('\"We will respond,\" Peskov told reporters.')",
}

#: Targets from issue 19, in seconds.
TARGETS = {"import quoteattr": 0.10, "quoteattr --help": 0.15}


def _run_once(code: str, checkout: Path) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one fresh interpreter running *code*."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, stdout=subprocess.DEVNULL, cwd=checkout)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Times = dict[str, dict[str, list[float]]]


def measure(checkouts: dict[str, Path], runs: int) -> tuple[Times, Times]:
    """Wall and CPU seconds per run, by checkout label and command; checkouts alternate run by run."""
    wall: Times = {label: {name: [] for name in COMMANDS} for label in checkouts}
    cpu: Times = {label: {name: [] for name in COMMANDS} for label in checkouts}
    for path in checkouts.values():  # warm the file cache and .pyc files
        for code in COMMANDS.values():
            _run_once(code, path)
    for _ in range(runs):
        for name, code in COMMANDS.items():
            for label, path in checkouts.items():
                w, c = _run_once(code, path)
                wall[label][name].append(w)
                cpu[label][name].append(c)
    return wall, cpu


def _table(times: Times, cpu: Times) -> str:
    labels = list(times)
    head = "| command | " + " | ".join(f"{lb}: wall best (median), CPU best" for lb in labels) + " | target (wall) |"
    rows = [head, "|---" * (len(labels) + 2) + "|"]
    for name in COMMANDS:
        cells = [
            f"{min(times[lb][name]):.3f} s ({statistics.median(times[lb][name]):.3f}), {min(cpu[lb][name]):.3f} s"
            for lb in labels
        ]
        target = f"≤ {TARGETS[name]:.2f} s" if name in TARGETS else ""
        rows.append(f"| `{name}` | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--runs", type=int, default=10, help="runs per command and checkout; the best counts (default 10)")
    p.add_argument("--baseline", type=Path, help="another checkout to time alongside, e.g. the untouched code")
    p.add_argument("--out", type=Path, default=RESULTS / "startup.json", help="JSON result file")
    p.add_argument("--no-docs", action="store_true", help="do not rewrite the table in docs/benchmarks.md")
    args = p.parse_args(argv)
    checkouts = {"this checkout": ROOT}
    if args.baseline is not None:
        checkouts["baseline"] = args.baseline.resolve()
    times, cpu = measure(checkouts, args.runs)
    table = _table(times, cpu)
    print(table)
    best = {lb: {n: min(v) for n, v in t.items()} for lb, t in times.items()}
    met = {n: best["this checkout"][n] <= limit for n, limit in TARGETS.items()}
    for n, ok in met.items():
        print(f"{n}: {best['this checkout'][n]:.3f} s, target {TARGETS[n]:.2f} s: {'met' if ok else 'NOT met'}")
    payload: dict[str, Any] = {
        "machine": machine_info(),
        "runs": args.runs,
        "checkouts": {lb: str(path) for lb, path in checkouts.items()},
        "commands": COMMANDS,
        "targets_s": TARGETS,
        "best_s": best,
        "median_s": {lb: {n: statistics.median(v) for n, v in t.items()} for lb, t in times.items()},
        "best_cpu_s": {lb: {n: min(v) for n, v in t.items()} for lb, t in cpu.items()},
        "all_s": times,
        "all_cpu_s": cpu,
        "targets_met": met,
    }
    print(f"wrote {write_json(args.out, payload)}")
    if not args.no_docs:
        update_section(
            DOCS / "benchmarks.md",
            "startup",
            f"{table}\n\nMeasured with `python benchmarks/startup.py --runs {args.runs}"
            + (" --baseline <checkout>" if args.baseline else "")
            + f"` on {payload['machine']['date_utc']} ({payload['machine']['cpu_model']}, "
            f"Python {payload['machine']['python']}); `benchmarks/results/startup.json` holds every run.",
            heading="Start-up time",
            intro=(
                "Each command in a fresh interpreter, best of N runs (median in brackets). "
                "`import quoteattr` loads only the error tree; the result types, the engine, "
                "its lexicons, the corpus readers and pandas are imported on first use. The CPU "
                "column (user + system time of the child) is what other jobs on a shared machine "
                "inflate least."
            ),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
