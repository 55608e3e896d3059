"""Speaker accuracy of ``quoteattr.extract`` on LitBank dev and PolNeAR dev.

A thin report over :mod:`quoteattr.evaluate`, so that speaker correctness has
one definition (``quoteattr.evaluate.speaker_correct``):

* LitBank: the predicted entity name is one of the gold entity's proper-name
  aliases, or the predicted mention or any mention of the predicted entity
  overlaps a gold mention of that entity. LitBank labels each stretch of a
  split quote on its own, so predictions are scored part by part
  (``split_parts``), as in ``benchmarks/quality.py``.
* PolNeAR: the predicted mention overlaps the gold ``speaker`` span; speech
  attributions only, gold quotes with no speaker span left out.

Quotes are matched one to one by content IoU >= 0.5 after normalisation.
Accuracy is over matched gold quotes that have a gold speaker; coverage is
matched / gold quotes scored; end-to-end is the share of gold quotes found
with the right speaker.

Usage::

    python benchmarks/speakers.py [--data DIR] [--out benchmarks/results/speakers.json]

Prints one line per corpus and writes the numbers as JSON. Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.corpora import read_jsonl
from quoteattr.evaluate import evaluate, predict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("QUOTEATTR_DATA", ROOT.parent / "shared" / "data"))

#: corpus -> whether predictions are scored part by part
CORPORA = {"litbank-dev": True, "polnear-dev": False}


def score(path: Path, split_parts: bool) -> dict[str, Any]:
    gold = read_jsonl(path)
    t0 = time.perf_counter()
    pred = predict(gold, min_confidence=quoteattr.DEFAULT_MIN_CONFIDENCE)
    seconds = time.perf_counter() - t0
    report = evaluate(gold, pred, split_parts=split_parts)
    judged, correct = report.speaker["judged"], report.speaker["correct"]
    main = report.spans[report.main]
    return {
        "matched_with_gold_speaker": judged,
        "correct": correct,
        "accuracy": round(correct / judged, 4) if judged else None,
        "coverage": round(main.recall, 4),
        "end_to_end_recall": round(report.end_to_end.recall, 4),
        "end_to_end_f1": round(report.end_to_end.f1, 4),
        "split_parts": split_parts,
        "seconds": round(seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder holding litbank-dev.jsonl and polnear-dev.jsonl"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speakers.json")
    args = ap.parse_args(argv)
    results: dict[str, Any] = {"quoteattr": quoteattr.__version__, "engine": "rules"}
    for name, split in CORPORA.items():
        path = args.data / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: {path} is absent, skipped", file=sys.stderr)
            continue
        res = results[name] = score(path, split)
        print(
            f"{name}: speaker accuracy {res['accuracy']} on {res['matched_with_gold_speaker']} matched quotes "
            f"({res['correct']} correct; span recall {res['coverage']}, end-to-end recall "
            f"{res['end_to_end_recall']}, end-to-end F1 {res['end_to_end_f1']}) in {res['seconds']}s"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
