"""The stanza engine on a model folder you name, beside the rule engine.

Runs ``rules`` and ``stanza`` (``model_dir=DIR``, no coreference unless
``--coref``) on ``seeds-gold``, ``polnear-dev``, ``litbank-dev`` (split parts
scored separately) and ``polnear-train`` (all of it, or ``--train-sample N``
documents drawn with ``random.Random(--seed)``), scores both like
``benchmarks/quality.py`` (same table columns; chars/s is the engine's wall
time in this process, scorer not timed), writes
``benchmarks/results/stanza_models.json`` and rewrites the table between
``<!-- stanza-models:start -->`` and ``<!-- stanza-models:end -->`` in
``docs/benchmarks.md``.

Usage::

    python benchmarks/stanza_models.py --model-dir DIR [--train-sample 100] [--data DIR] [--no-docs]

Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DOCS, add_common_args, data_path, machine_info, timer, update_section, write_json
from quality import _print, _row, _table

import quoteattr
from quoteattr.corpora import LabelledDocument, read_jsonl
from quoteattr.evaluate import predict

CORPORA = ("seeds-gold.jsonl", "polnear-dev.jsonl", "polnear-train.jsonl", "litbank-dev.jsonl")

INTRO = """\
`benchmarks/stanza_models.py --model-dir DIR` runs the stanza engine on a model
folder (here the open set trained by `tools/train_stanza_models.py`, see
[engines.md](engines.md): no NER, no coreference, so speakers come from
quoteattr's own rules) beside the rule engine, on the corpora and with the
scoring of the Quality section, plus `polnear-train` (PolNeAR's train split,
ten times dev; a stated random subset when the stanza engine is too slow for
all of it). Both engines run on the same documents in the same process,
one document at a time."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(parser, out="stanza_models.json")
    parser.add_argument("--model-dir", required=True, help="the stanza resources folder")
    parser.add_argument("--coref", action="store_true", help="ask for stanza coreference (the folder must have it)")
    parser.add_argument("--train-sample", type=int, default=None, help="score N random polnear-train documents (default: all)")
    parser.add_argument("--seed", type=int, default=17, help="seed of the polnear-train sample (default 17)")
    parser.add_argument("--corpora", default=",".join(c.removesuffix(".jsonl") for c in CORPORA), help="comma-separated")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    args = parser.parse_args(argv)
    min_conf = quoteattr.DEFAULT_MIN_CONFIDENCE
    wanted = {c.strip() for c in args.corpora.split(",")}

    corpora: dict[str, list[LabelledDocument]] = {}
    notes: list[str] = []
    for name in CORPORA:
        key = name.removesuffix(".jsonl")
        p = data_path(args.data, name)
        if p is None or key not in wanted:
            continue
        docs = read_jsonl(p)
        if key == "polnear-train" and args.train_sample is not None and args.train_sample < len(docs):
            docs = random.Random(args.seed).sample(docs, args.train_sample)
            key = f"polnear-train ({args.train_sample} of {len(read_jsonl(p))} docs, seed {args.seed})"
        corpora[key] = docs
    if not corpora:
        print("no gold file found; nothing to do", file=sys.stderr)
        return 1

    scores_file = Path(args.model_dir) / "scores.json"
    models: dict[str, Any] = json.loads(scores_file.read_text(encoding="utf-8")) if scores_file.exists() else {}
    options = {"model_dir": args.model_dir, "coref": args.coref}
    runners = {
        "rules": lambda gold: predict(gold, engine="rules"),
        "stanza": lambda gold: predict(gold, engine="stanza", **options),
    }
    quoteattr.extract("She said it works.", engine="stanza", **options)  # load the models before timing
    rows = []
    for corpus, gold in corpora.items():
        for engine, runner in runners.items():
            with timer() as t:
                pred = runner(gold)
            row = _row(engine, corpus, gold, pred, t[0], min_conf)
            rows.append(row)
            _print(row)
            sys.stdout.flush()
            write_json(args.out, {"partial": True, "rows": rows})  # survives an interrupted run

    if models:
        ewt, gum = models.get("ewt_dev", {}), models.get("gum_dev", {})
        notes.append(
            f"models: {args.model_dir} (profile {models.get('profile')}, scale {models.get('scale', 1.0)}): "
            f"UPOS {ewt.get('upos')} / LAS {ewt.get('las')} on EWT dev, UPOS {gum.get('upos')} / LAS {gum.get('las')} "
            f"on the held-out GUM files; coref {'on' if args.coref else 'off'}, no NER"
        )
    info = machine_info()
    write_json(args.out, {"machine": info, "min_confidence": min_conf, "models": models, "notes": notes, "rows": rows})
    print(f"wrote {args.out}")
    if not args.no_docs:
        table = _table(rows, notes, info).replace("benchmarks/results/quality.json", "benchmarks/results/stanza_models.json")
        update_section(DOCS / "benchmarks.md", "stanza-models", table, heading="Stanza engine on open models", intro=INTRO)
        print(f"updated {DOCS / 'benchmarks.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
