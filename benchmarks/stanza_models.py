"""The stanza engine on a model folder you name, beside the rule engine.

Runs ``rules`` and ``stanza`` (``model_dir=DIR``, no coreference unless
``--coref``) on ``seeds-gold``, ``polnear-dev``, ``litbank-dev`` (split parts
scored separately) and ``polnear-train``, scores both like
``benchmarks/quality.py`` (same table columns; ``--sample CORPUS=N`` scores
a stated random subset of a corpus; chars/s is the engine's wall
time in this process, scorer not timed), writes
``benchmarks/results/stanza_models.json`` and rewrites the table between
``<!-- stanza-models:start -->`` and ``<!-- stanza-models:end -->`` in
``docs/benchmarks.md``.

Each mode of the stanza engine is a row (``--modes``, default
``dependency,boundaries``: the dependency rules, and the rule engine's
quotes with boundaries from the parse). ``--torch-threads N`` (default 1)
sets torch's thread count first; 0 keeps torch's default (one per core).

Usage::

    python benchmarks/stanza_models.py --model-dir DIR [--sample polnear-train=100] [--data DIR] [--no-docs]

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
from quoteattr.corpora import LabelledDocument, from_result, read_jsonl
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
one document at a time; the stanza modes share one parse of each document
(each mode's time counts that parse in full)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(parser, out="stanza_models.json")
    parser.add_argument("--model-dir", required=True, help="the stanza resources folder")
    parser.add_argument("--coref", action="store_true", help="ask for stanza coreference (the folder must have it)")
    parser.add_argument(
        "--sample",
        action="append",
        default=[],
        metavar="CORPUS=N",
        help="score N random documents of CORPUS (e.g. polnear-train=100); repeatable; default: all documents",
    )
    parser.add_argument("--seed", type=int, default=17, help="seed of the samples (default 17)")
    parser.add_argument(
        "--corpora", default=",".join(c.removesuffix(".jsonl") for c in CORPORA), help="comma-separated"
    )
    parser.add_argument(
        "--modes",
        default="dependency,boundaries",
        help="stanza engine modes to run, comma-separated (default both; see quoteattr.parsed.MODES)",
    )
    parser.add_argument(
        "--torch-threads",
        type=int,
        default=1,
        help="torch intra-op threads (default 1; 0 keeps torch's default of one per core)",
    )
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    parser.add_argument(
        "--docs-from",
        type=Path,
        nargs="+",
        metavar="JSON",
        help="only rewrite the docs table from earlier runs' JSON (several: runs over different corpora, "
        "e.g. two processes run side by side, their rows and notes joined in order)",
    )
    args = parser.parse_args(argv)
    if args.docs_from is not None:
        saved_runs = [json.loads(p.read_text(encoding="utf-8")) for p in args.docs_from]
        saved_rows = [row for saved in saved_runs for row in saved["rows"]]
        saved_notes = list(dict.fromkeys(note for saved in saved_runs for note in saved["notes"]))
        scores_file = Path(args.model_dir) / "scores.json"
        if not any(saved.get("models") for saved in saved_runs) and scores_file.exists():  # scored after the run
            saved_notes.append(_models_note(json.loads(scores_file.read_text(encoding="utf-8")), args.coref))
        _write_docs(saved_rows, saved_notes, saved_runs[0]["machine"])
        return 0
    min_conf = quoteattr.DEFAULT_MIN_CONFIDENCE
    wanted = {c.strip() for c in args.corpora.split(",")}
    samples = {k: int(v) for k, v in (item.split("=", 1) for item in args.sample)}

    corpora: dict[str, list[LabelledDocument]] = {}
    labels: dict[str, str] = {}
    notes: list[str] = []
    for name in CORPORA:
        key = name.removesuffix(".jsonl")
        p = data_path(args.data, name)
        if p is None or key not in wanted:
            continue
        docs = read_jsonl(p)
        n = samples.get(key)
        if n is not None and n < len(docs):
            total = len(docs)
            docs = random.Random(args.seed).sample(docs, n)
            notes.append(f"{key}: {n} of {total} documents drawn with random.Random({args.seed}).sample")
            labels[key] = f"{key} ({n} of {total} docs)"
        corpora[key] = docs
    if not corpora:
        print("no gold file found; nothing to do", file=sys.stderr)
        return 1

    scores_file = Path(args.model_dir) / "scores.json"
    models: dict[str, Any] = json.loads(scores_file.read_text(encoding="utf-8")) if scores_file.exists() else {}
    options = {"model_dir": args.model_dir, "coref": args.coref}
    threads = _threads(args.torch_threads)
    notes.append(f"torch threads: {threads}" + (" (torch's default)" if args.torch_threads == 0 else ""))
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    quoteattr.extract("She said it works.", engine="stanza", **options)  # load the models before timing
    rows = []
    for corpus, gold in corpora.items():
        with timer() as t:
            pred = predict(gold, engine="rules")
        runs = {"rules": (pred, t[0]), **_stanza_runs(gold, modes, options)}
        for engine, (pred, seconds) in runs.items():
            row = _row(engine, corpus, gold, pred, seconds, min_conf)  # (litbank-dev scored with split parts)
            row["corpus"] = labels.get(corpus, corpus)
            rows.append(row)
            _print(row)
            sys.stdout.flush()
            write_json(args.out, {"partial": True, "rows": rows})  # survives an interrupted run

    if models:
        notes.append(_models_note(models, args.coref))
    info = machine_info()
    write_json(args.out, {"machine": info, "min_confidence": min_conf, "models": models, "notes": notes, "rows": rows})
    print(f"wrote {args.out}")
    if not args.no_docs:
        _write_docs(rows, notes, info)
    return 0


def _stanza_runs(
    gold: list[LabelledDocument], modes: list[str], options: dict[str, Any]
) -> dict[str, tuple[list[LabelledDocument], float]]:
    """Each stanza mode's predictions and seconds, each document parsed once.

    The modes differ only in what they read from the parse, so one
    :func:`quoteattr.annotate` per document serves them all; a mode's time
    is the parse's plus its own (what ``extract(engine="stanza",
    stanza_mode=...)`` alone would take), so its chars/s is comparable
    with a run of that mode alone.
    """
    preds: dict[str, list[LabelledDocument]] = {m: [] for m in modes}
    seconds = dict.fromkeys(modes, 0.0)
    for doc in gold:
        with timer() as parse:
            ann = quoteattr.annotate(doc.text, engine="stanza", **options)
        for mode in modes:
            with timer() as t:
                result = quoteattr.extract(ann, stanza_mode=mode, min_confidence=0.0, id=doc.id)
            preds[mode].append(from_result(result, source="stanza"))
            seconds[mode] += parse[0] + t[0]
    return {("stanza" if m == "dependency" else f"stanza {m}"): (preds[m], seconds[m]) for m in modes}


def _threads(n: int) -> int:
    """Set torch's thread count (0: leave torch's default) and return it."""
    from quoteattr.adapters.stanza import set_torch_threads

    return set_torch_threads(n if n > 0 else None)


def _models_note(models: dict[str, Any], coref: bool) -> str:
    ewt, gum = models.get("ewt_dev", {}), models.get("gum_dev", {})
    return (
        f"models: profile {models.get('profile')}, scale {models.get('scale', 1.0)}: "
        f"UPOS {ewt.get('upos')} / LAS {ewt.get('las')} on EWT dev, UPOS {gum.get('upos')} / LAS {gum.get('las')} "
        f"on the held-out GUM files; coref {'on' if coref else 'off'}, no NER"
    )


def _write_docs(rows: list[dict[str, Any]], notes: list[str], info: dict[str, Any]) -> None:
    table = _table(rows, notes, info).replace(
        "benchmarks/results/quality.json", "benchmarks/results/stanza_models.json"
    )
    update_section(DOCS / "benchmarks.md", "stanza-models", table, heading="Stanza engine on open models", intro=INTRO)
    print(f"updated {DOCS / 'benchmarks.md'}")


if __name__ == "__main__":
    sys.exit(main())
