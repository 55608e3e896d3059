"""Speaker accuracy of ``quoteattr.extract`` on LitBank dev and PolNeAR dev.

Quotes are matched to gold quotes by character IoU >= 0.5 of their content
(gold quote marks stripped, as in seeds-gold). A matched quote's speaker is
correct when

* LitBank: the predicted entity name is one of the gold entity's proper-name
  aliases (``meta.entities[speaker_entity]``), or the predicted mention or any
  mention of the predicted entity overlaps a gold mention of that entity
  (``meta.mentions[speaker_entity]``);
* PolNeAR: the predicted mention overlaps the gold ``speaker`` span (gold
  quotes with no speaker span are left out).

Accuracy is over matched gold quotes that have a gold speaker; coverage is the
share of such gold quotes that were matched at all, and ``end_to_end`` is
correct / all gold quotes with a speaker.

Usage::

    python benchmarks/speakers.py [--data DIR] [--out benchmarks/results/speakers.json]

Prints one line per corpus and writes the numbers as JSON. Not run by pytest.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import quoteattr

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("QUOTEATTR_DATA", ROOT.parent / "shared" / "data"))
MARKS = "\"'“”‘’«»„‚`  \t\n"


def _meta(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return ast.literal_eval(value)
    return value


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in MARKS:
        a += 1
    while b > a and text[b - 1] in MARKS:
        b -= 1
    return a, b


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(text: str, gold: list[dict], pred: list[quoteattr.Quote]) -> list[tuple[dict, quoteattr.Quote | None]]:
    """Greedy best-IoU matching, one predicted quote per gold quote."""
    used: set[int] = set()
    out = []
    for g in gold:
        gs = _strip(text, g["start"], g["end"])
        best, best_iou = None, 0.5
        for i, q in enumerate(pred):
            if i in used:
                continue
            v = _iou(gs, _strip(text, q.content.start, q.content.end))
            if v >= best_iou:
                best, best_iou = i, v
        if best is not None:
            used.add(best)
        out.append((g, None if best is None else pred[best]))
    return out


def score_litbank(docs: list[dict]) -> dict[str, Any]:
    gold_n = matched = correct = with_speaker = 0
    by_form: dict[str, list[int]] = {}
    for d in docs:
        if not d["quotes"]:
            continue
        r = quoteattr.extract(d["text"], id=d["id"])
        meta = _meta(d["meta"])
        entities = _meta(meta.get("entities", {}))
        mentions = _meta(meta.get("mentions", {}))
        for g, q in _match(d["text"], d["quotes"], list(r.quotes)):
            ent = g.get("speaker_entity")
            if ent is None:
                continue
            gold_n += 1
            form = str(g.get("speaker_form"))
            stats = by_form.setdefault(form, [0, 0, 0])
            stats[0] += 1
            if q is None:
                continue
            matched += 1
            stats[1] += 1
            if q.speaker is None:
                continue
            with_speaker += 1
            aliases = set(entities.get(ent, []))
            gold_mentions = [(m[0], m[1]) for m in mentions.get(ent, [])]
            spans = [(q.speaker.mention.start, q.speaker.mention.end)] + [(m.start, m.end) for m in q.speaker.entity.mentions]
            ok = (q.speaker.entity.name is not None and q.speaker.entity.name in aliases) or any(
                _overlaps(s, gm) for s in spans for gm in gold_mentions
            )
            if ok:
                correct += 1
                stats[2] += 1
    return {
        "gold_quotes": gold_n,
        "matched": matched,
        "with_speaker": with_speaker,
        "correct": correct,
        "accuracy": round(correct / matched, 4) if matched else None,
        "coverage": round(matched / gold_n, 4) if gold_n else None,
        "end_to_end": round(correct / gold_n, 4) if gold_n else None,
        "by_speaker_form": {k: {"gold": v[0], "matched": v[1], "correct": v[2]} for k, v in sorted(by_form.items())},
    }


def score_polnear(docs: list[dict]) -> dict[str, Any]:
    gold_n = matched = correct = with_speaker = 0
    by_form: dict[str, list[int]] = {}
    for d in docs:
        r = quoteattr.extract(d["text"], id=d["id"])
        for g, q in _match(d["text"], d["quotes"], list(r.quotes)):
            if g.get("speaker") is None:
                continue
            gold_n += 1
            form = str(g.get("speaker_form"))
            stats = by_form.setdefault(form, [0, 0, 0])
            stats[0] += 1
            if q is None:
                continue
            matched += 1
            stats[1] += 1
            if q.speaker is None:
                continue
            with_speaker += 1
            gs = (g["speaker"][0], g["speaker"][1])
            if _overlaps((q.speaker.mention.start, q.speaker.mention.end), gs):
                correct += 1
                stats[2] += 1
    return {
        "gold_quotes": gold_n,
        "matched": matched,
        "with_speaker": with_speaker,
        "correct": correct,
        "accuracy": round(correct / matched, 4) if matched else None,
        "coverage": round(matched / gold_n, 4) if gold_n else None,
        "end_to_end": round(correct / gold_n, 4) if gold_n else None,
        "by_speaker_form": {k: {"gold": v[0], "matched": v[1], "correct": v[2]} for k, v in sorted(by_form.items())},
    }


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding litbank-dev.jsonl and polnear-dev.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speakers.json")
    args = ap.parse_args(argv)
    results: dict[str, Any] = {"quoteattr": quoteattr.__version__, "engine": "rules"}
    for name, fn in (("litbank-dev", score_litbank), ("polnear-dev", score_polnear)):
        path = args.data / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: {path} is absent, skipped", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        res = fn(_load(path))
        res["seconds"] = round(time.perf_counter() - t0, 2)
        results[name] = res
        print(
            f"{name}: speaker accuracy {res['accuracy']} on {res['matched']} matched quotes "
            f"({res['correct']} correct; coverage {res['coverage']}, end-to-end {res['end_to_end']}) in {res['seconds']}s"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
