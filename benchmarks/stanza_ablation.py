"""Where the stanza engine's modes differ: one annotation, several readings.

Each document is annotated once (a stanza model folder, or GUM's gold
parses), then read four ways:

* ``rules (own segmenter)``: ``quoteattr.extract(text)``, the rule engine
  on its own sentences and tokens (not on the annotation);
* ``rules on the annotation``: the rule engine's candidates on the
  annotation's sentences and tokens, boundaries left as the rules set them
  (``stanza_mode="boundaries"`` with :func:`quoteattr.boundaries.refine`
  replaced by the identity);
* ``boundaries``: ``stanza_mode="boundaries"``;
* ``dependency``: ``stanza_mode="dependency"``.

So the difference between the second and third rows is the parse
boundaries alone, and between the first and second the annotation's
segmentation. With ``--gum`` the documents are GUM's (gold parses) and the
score is :func:`gum.score_attributions`; otherwise a gold JSONL corpus is
scored like ``quoteattr evaluate`` (IoU >= 0.5, speech cues).

Usage::

    python benchmarks/stanza_ablation.py --corpus polnear-dev --sample 30 --model-dir tests/fixtures/stanza-tiny
    python benchmarks/stanza_ablation.py --gum news

Prints a table; not run by pytest.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_DATA

import quoteattr
from quoteattr import boundaries
from quoteattr.model import Result

READINGS = ("rules (own segmenter)", "rules on the annotation", "boundaries", "dependency")


def readings(text: str, ann: Any, id: str | None) -> dict[str, Result]:
    """The four readings of one document (see the module docstring)."""
    from quoteattr.pipeline import extract_annotation

    real = boundaries.refine
    boundaries.refine = lambda finder, cands: cands
    try:
        plain = extract_annotation(ann, id=id, stanza_mode="boundaries")
    finally:
        boundaries.refine = real
    return {
        READINGS[0]: quoteattr.extract(text, id=id),
        READINGS[1]: plain,
        READINGS[2]: extract_annotation(ann, id=id, stanza_mode="boundaries"),
        READINGS[3]: extract_annotation(ann, id=id, stanza_mode="dependency"),
    }


def _corpus(args: argparse.Namespace) -> None:
    from quoteattr.corpora import from_result, read_jsonl
    from quoteattr.evaluate import evaluate
    from quoteattr.pipeline import annotate

    if args.torch_threads:
        from quoteattr.adapters.stanza import set_torch_threads

        set_torch_threads(args.torch_threads)
    docs = read_jsonl(Path(args.data) / f"{args.corpus}.jsonl")
    label = f"{args.corpus}, all {len(docs)} documents"
    if args.sample and args.sample < len(docs):
        label = f"{args.corpus}, {args.sample} of {len(docs)} documents (random.Random({args.seed}).sample)"
        docs = random.Random(args.seed).sample(docs, args.sample)
    preds: dict[str, list[Any]] = {k: [] for k in READINGS}
    t0 = time.perf_counter()
    for d in docs:
        ann = annotate(d.text, engine="stanza", model_dir=args.model_dir, coref=False)
        for k, r in readings(d.text, ann, d.id).items():
            preds[k].append(from_result(r, source=k))
    print(f"{label}; models {args.model_dir}; {time.perf_counter() - t0:.0f} s")
    print("| reading | P | R | F1 | F1 exact | indirect R | mixed R | speaker acc. |")
    print("|---|---|---|---|---|---|---|---|")
    for k, p in preds.items():
        r = evaluate(docs, p, min_confidence=quoteattr.DEFAULT_MIN_CONFIDENCE).to_dict()
        m, ex, kinds = r["spans"][r["main"]], r["spans"]["exact"], r["recall_by_kind"]
        print(
            f"| {k} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {ex['f1']:.3f} | "
            f"{kinds['indirect']['recall']:.3f} | {kinds['mixed']['recall']:.3f} | {r['speaker']['accuracy']:.3f} |"
        )


def _gum(args: argparse.Namespace) -> None:
    from gum import score_attributions

    from quoteattr.adapters.conllu import iter_gum, to_stanza_document

    docs = list(iter_gum(Path(args.data) / "gum", genre=None if args.gum == "all" else args.gum))
    results: dict[str, list[Result]] = {k: [] for k in READINGS}
    make: Callable[[Any], Any] = to_stanza_document
    for d in docs:
        from quoteattr.pipeline import annotate

        for k, r in readings(d.text, annotate(make(d)), d.id).items():
            results[k].append(r)
    print(f"GUM {args.gum}: {len(docs)} documents, gold parses")
    print("| reading | relations found | content IoU mean | IoU >= 0.8 | IoU >= 0.5 |")
    print("|---|---|---|---|---|")
    for k, res in results.items():
        sc = score_attributions(docs, res)
        print(
            f"| {k} | {sc['found']} / {sc['gold_relations']} | {sc['content_iou_mean']} | "
            f"{sc['content_iou_ge_0.8']} | {sc['content_iou_ge_0.5']} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--gum", choices=("news", "interview", "all"), help="GUM documents with gold parses")
    parser.add_argument("--corpus", default="polnear-dev", help="gold JSONL corpus name (default polnear-dev)")
    parser.add_argument("--sample", type=int, default=0, help="score N random documents (default all)")
    parser.add_argument("--seed", type=int, default=17, help="seed of the sample (default 17)")
    parser.add_argument("--model-dir", default="tests/fixtures/stanza-tiny", help="stanza model folder")
    parser.add_argument("--torch-threads", type=int, default=1, help="torch threads (default 1; 0: torch's)")
    args = parser.parse_args(argv)
    if args.gum:
        _gum(args)
    else:
        _corpus(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
