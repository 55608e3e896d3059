"""Where the fixed cost of ``quoteattr extract --jobs N`` goes (not part of the package).

Times, in fresh interpreters, ``quoteattr extract --input-jsonl --jsonl --jobs N``
on a JSONL file (default: the PolNeAR dev texts) for each N, best of --runs,
with wall time and CPU time (user + system of the command and its workers).
Also times, in this process, the pieces of the fixed cost: starting a pool
of N forked workers that do nothing, and loading the engine (its lexicons)
once. Writes JSON to --out.

    python benchmarks/jobs.py --runs 3 --jobs 1 2 auto
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _texts_file(data: Path, repeat: int) -> Path:
    out = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf-8") as f:
        for r in range(repeat):
            for line in (data / "polnear-dev.jsonl").open(encoding="utf-8"):
                d = json.loads(line)
                f.write(json.dumps({"id": f"{d['id']}#{r}", "text": d["text"]}) + "\n")
    return out


def _time(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _pool_start(n: int) -> float:
    from concurrent.futures import ProcessPoolExecutor

    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=n) as ex:
        list(ex.map(abs, range(n)))
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--repeat", type=int, default=1, help="copies of the corpus in the input")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", nargs="+", default=["1", "2", "auto"])
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "jobs.json"))
    args = ap.parse_args()
    src = _texts_file(Path(args.data), args.repeat)
    rows = {}
    for j in args.jobs:
        cmd = [sys.executable, "-m", "quoteattr", "extract", "--input-jsonl", "--jsonl", "--jobs", j, str(src)]
        runs = [_time(cmd) for _ in range(args.runs)]
        rows[j] = {"wall_best": min(r[0] for r in runs), "cpu_best": min(r[1] for r in runs), "runs": runs}
        print(f"--jobs {j}: wall best {rows[j]['wall_best']:.2f} s, CPU best {rows[j]['cpu_best']:.2f} s", flush=True)
    t = time.perf_counter()
    import quoteattr

    quoteattr.extract('"Yes," she said.')
    engine_load = time.perf_counter() - t
    pool = {n: min(_pool_start(n) for _ in range(args.runs)) for n in (2, 4)}
    print(
        f"engine + lexicon load: {engine_load:.3f} s; empty pool start+stop: "
        + ", ".join(f"{n} workers {s:.3f} s" for n, s in pool.items())
    )
    report = {
        "input_bytes": src.stat().st_size,
        "documents": sum(1 for _ in src.open(encoding="utf-8")),
        "jobs": rows,
        "engine_load_s": engine_load,
        "pool_start_s": pool,
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    src.unlink()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"load average {report['load_average']}; wrote {args.out}")


if __name__ == "__main__":
    main()
