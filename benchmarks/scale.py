"""Throughput of the rule engine against worker count: loop, extract_many, Dask.

Runs :func:`quoteattr.extract` (rules engine) over the PolNeAR dev texts,
repeated ``--copies`` times so each configuration does a few seconds of work,
in these configurations:

* ``loop``: ``[extract(t) for t in texts]`` in this process;
* ``extract_many``: ``n_process`` 1 and 2 (a ``ProcessPoolExecutor``);
* ``dask-bag``: :func:`quoteattr.dask.extract_bag` on a ``LocalCluster`` of
  1 and 2 worker processes (one thread each), results gathered as dicts;
* ``dask-dataframe``: :func:`quoteattr.dask.extract_dataframe` on the
  2-worker cluster;
* ``dask-bag-processes``: the bag on Dask's default local scheduler (a
  process pool, no ``distributed``), 2 processes.

Each is timed end to end (shipping texts, extracting, bringing results back)
``--runs`` times after a warm-up, the runs interleaved across configurations
so that other jobs' load hits all alike; the best time counts. Cluster
start-up is timed apart. Each configuration's results are compared with the
loop's, outside the timing (``same_results_as_loop`` in the JSON). Prints a
table, writes ``benchmarks/results/scale.json`` and rewrites the table in
``docs/scaling.md``.

Usage::

    .venv/bin/python benchmarks/scale.py [--copies 2] [--runs 2] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    DOCS,
    add_common_args,
    data_path,
    machine_info,
    update_section,
    write_json,
)

import quoteattr


def _cpu_seconds() -> float | None:
    """CPU time (user + system) used so far by this process and its descendants.

    Live descendants (pool and cluster workers) are read with psutil; the
    reaped ones are in this process's ``children_*`` times. ``None`` without
    psutil (which ``distributed`` brings).
    """
    try:
        import psutil
    except ImportError:
        return None
    me = psutil.Process()
    t = me.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in me.children(recursive=True):
        try:
            c = child.cpu_times()
        except psutil.Error:
            continue
        total += c.user + c.system
    return total


def _row(
    name: str,
    workers: int,
    seconds: float,
    n_docs: int,
    n_chars: int,
    n_quotes: int,
    *,
    same: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    row = {
        "config": name,
        "workers": workers,
        "same_results_as_loop": same,
        "seconds": round(seconds, 3),
        "docs_per_s": round(n_docs / seconds, 1),
        "chars_per_s": round(n_chars / seconds),
        "quotes": n_quotes,
    }
    row.update(extra)
    note = "" if same else "  RESULTS DIFFER FROM THE LOOP (was the code edited during the run?)"
    print(
        f"{name:<20} {workers:>2} workers  {seconds:7.2f} s  {row['docs_per_s']:7.1f} docs/s  {n_quotes} quotes{note}",
        flush=True,
    )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(parser, out="scale.json")
    parser.add_argument("--copies", type=int, default=2, help="how many times to repeat the corpus (default 2)")
    parser.add_argument("--runs", type=int, default=2, help="timed runs per configuration; the best counts (default 2)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try (default 1 2)")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite the table in docs/scaling.md")
    args = parser.parse_args(argv)

    path = data_path(args.data, "polnear-dev.jsonl")
    if path is None:
        return 1
    with path.open(encoding="utf-8") as f:
        base = [json.loads(line)["text"] for line in f if line.strip()]
    texts = base * args.copies
    n_docs, n_chars = len(texts), sum(map(len, texts))
    print(f"{n_docs} texts ({len(base)} PolNeAR dev articles x {args.copies}), {n_chars:,} characters", flush=True)
    load_before = os.getloadavg()

    for t in base[:5]:  # warm-up: lexicons, regex compilation
        quoteattr.extract(t)
    expected = [quoteattr.extract(t).to_dict() for t in texts]
    n_quotes = sum(len(d["quotes"]) for d in expected)

    # Each configuration: (name, workers, extra fields, run() -> list of result dicts).
    configs: list[tuple[str, int, dict[str, Any], Any]] = [
        ("loop", 1, {}, lambda: [quoteattr.extract(t).to_dict() for t in texts]),
    ]
    for n in args.workers:
        configs.append(
            ("extract_many", n, {}, lambda n=n: [r.to_dict() for r in quoteattr.extract_many(texts, n_process=n)])
        )

    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
        import distributed
        import pandas as pd

        from quoteattr.dask import extract_bag, extract_dataframe, result_from_row
    except ImportError as exc:
        print(f"skipped the Dask configurations: {exc} (pip install 'quoteattr[dask]')", file=sys.stderr)
        dask = None

    clusters = []
    as_dicts: dict[str, Any] = {}  # how to turn a configuration's output into result dicts
    if dask is not None:
        frame = pd.DataFrame({"text": texts})
        for n in args.workers:
            t0 = time.perf_counter()
            cluster = distributed.LocalCluster(
                n_workers=n, processes=True, threads_per_worker=1, dashboard_address=None
            )
            client = distributed.Client(cluster, set_as_default=False)
            startup = time.perf_counter() - t0
            clusters.append((client, cluster))
            extract_bag(db.from_sequence(base[:4], npartitions=n)).compute(
                scheduler=client
            )  # warm-up: imports on workers
            parts = 4 * n
            extra = {"partitions": parts, "startup_s": round(startup, 2)}

            def run_bag(client: Any = client, parts: int = parts) -> Any:
                return extract_bag(db.from_sequence(texts, npartitions=parts)).compute(scheduler=client)

            configs.append(("dask-bag", n, extra, run_bag))
            if n == max(args.workers):

                def run_df(client: Any = client, parts: int = parts) -> Any:
                    return extract_dataframe(dd.from_pandas(frame, npartitions=parts)).compute(scheduler=client)

                configs.append(("dask-dataframe", n, {"partitions": parts}, run_df))
                as_dicts["dask-dataframe"] = lambda out: [result_from_row(row).to_dict() for _, row in out.iterrows()]
        n = max(args.workers)

        def run_processes(n: int = n) -> Any:
            bag = extract_bag(db.from_sequence(texts, npartitions=4 * n))
            return bag.compute(scheduler="processes", num_workers=n)

        configs.append(("dask-bag-processes", n, {"partitions": 4 * n}, run_processes))

    # Runs are interleaved (every configuration once, then again) so that
    # load from other jobs on a shared machine hits all of them alike.
    best = [float("inf")] * len(configs)
    cpu_all: list[list[float]] = [[] for _ in configs]
    same = [True] * len(configs)
    loop_cpu = float("inf")
    try:
        for run in range(args.runs):
            for k, (name, n, _, fn) in enumerate(configs):
                a0, c0, t0 = _cpu_seconds(), time.process_time(), time.perf_counter()
                out = fn()
                secs, cpu, a1 = time.perf_counter() - t0, time.process_time() - c0, _cpu_seconds()
                best[k] = min(best[k], secs)
                if a0 is not None and a1 is not None:
                    cpu_all[k].append(a1 - a0)
                same[k] = same[k] and expected == as_dicts.get(name, list)(out)
                if name == "loop":
                    loop_cpu = min(loop_cpu, cpu)
                print(f"  run {run + 1}: {name} x{n}: {secs:.2f} s", flush=True)
    finally:
        for client, cluster in clusters:
            client.close()
            cluster.close()
    rows = []
    for k, (name, n, extra, _) in enumerate(configs):
        if cpu_all[k]:
            # The least CPU any run used, in all processes together: unlike
            # wall time, barely touched by other jobs on the machine.
            extra = {**extra, "cpu_seconds_all_processes": round(min(cpu_all[k]), 3)}
        rows.append(_row(name, n, best[k], n_docs, n_chars, n_quotes, same=same[k], **extra))
    rows[0]["cpu_seconds"] = round(loop_cpu, 3)

    loop_s = rows[0]["seconds"]
    loop_all = rows[0].get("cpu_seconds_all_processes")
    for row in rows:
        row["speedup_vs_loop"] = round(loop_s / row["seconds"], 2)
        if loop_all and "cpu_seconds_all_processes" in row:
            row["cpu_vs_loop"] = round(row["cpu_seconds_all_processes"] / loop_all, 2)
    info = machine_info()
    info["load_avg_before"] = [round(x, 2) for x in load_before]
    info["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    # Wall over CPU time of the single-process loop: 1.0 on an idle machine;
    # more means other jobs took CPU time from this benchmark.
    info["loop_wall_over_cpu"] = round(rows[0]["seconds"] / loop_cpu, 2)
    info["dask"] = getattr(dask, "__version__", None) if dask is not None else None
    payload = {
        "benchmark": "scale",
        "corpus": {
            "file": "polnear-dev.jsonl",
            "articles": len(base),
            "copies": args.copies,
            "docs": n_docs,
            "chars": n_chars,
        },
        "engine": "rules",
        "runs": args.runs,
        "rows": rows,
        "machine": info,
    }
    print(f"wrote {write_json(args.out, payload)}")
    if not all(r["same_results_as_loop"] for r in rows):
        print("warning: some configurations gave results that differ from the loop", file=sys.stderr)
    if not args.no_docs:
        update_section(DOCS / "scaling.md", "scale", _table(payload), heading="Measured")
        print(f"updated {DOCS / 'scaling.md'}")
    return 0


def _table(payload: dict[str, Any]) -> str:
    m = payload["machine"]
    c = payload["corpus"]
    intro = (
        f"Measured {m['date_utc']} by `benchmarks/scale.py` on {m['platform']}, {m['cpu_count']} CPUs, "
        f"Python {m['python']}, dask {m['dask']}; load average {m['load_avg_before'][0]} before and "
        f"{m['load_avg_after'][0]} after, the single-process loop took {m['loop_wall_over_cpu']}x its CPU time in "
        "wall time "
        f"(1.0 on an idle machine; other jobs shared it). Corpus: {c['articles']} PolNeAR dev articles "
        f"x {c['copies']} = {c['docs']} documents, {c['chars']:,} characters; rules engine; best of "
        f"{payload['runs']} runs."
    )
    lines = [
        intro,
        "",
        "| configuration | workers | wall s | docs/s | chars/s | speed-up vs loop | CPU s, all processes | CPU vs "
        "loop | same results as loop |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in payload["rows"]:
        name = r["config"] + (f" ({r['partitions']} partitions)" if "partitions" in r else "")
        lines.append(
            f"| {name} | {r['workers']} | {r['seconds']:.2f} | {r['docs_per_s']:.1f} | {r['chars_per_s']:,} | "
            f"{r['speedup_vs_loop']:.2f} | "
            f"{r.get('cpu_seconds_all_processes', '-')} | {r.get('cpu_vs_loop', '-')} | "
            f"{'yes' if r['same_results_as_loop'] else 'NO'} |"
        )
    starts = [f"{r['workers']} worker(s) {r['startup_s']} s" for r in payload["rows"] if "startup_s" in r]
    if starts:
        lines += ["", "LocalCluster start-up (not in the times above): " + ", ".join(starts) + "."]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
