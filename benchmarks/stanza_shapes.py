"""Which clause shapes the stanza engine misses, read from its own parse.

For a sample of a gold corpus (default polnear-dev), each document is
parsed once with the stanza engine (``model_dir=DIR``, no coreference) and
read in ``dependency`` mode; the rule engine runs on the same text. Every
gold indirect or mixed quote with a speech cue that the dependency mode
misses (no predicted content with IoU >= 0.5 against the gold hull) is put
in the first class that fits, reading the parse at the gold cue:

* ``cue not a verb``: no token of the cue is tagged VERB or AUX (a tagging
  error: "told" as NOUN), "according to" aside;
* ``according-to without obl``: an "according to" cue whose source is not an
  ``obl`` (or ``nmod``) with "according" as a ``case`` child;
* ``verb without clause``: the cue verb has no ``ccomp``, ``parataxis``,
  ``xcomp`` or ``advcl`` dependent and is neither ``parataxis`` nor ``ccomp``
  of another word (the clause is not attached to it);
* ``clause read, boundary off``: the parse attaches a clause, but no
  prediction reaches IoU 0.5 (a prediction overlapping the gold, or the
  clause cut too early or too late);
* ``other``.

The same gold quotes are counted as found or missed by the rule engine,
so the table shows what the parse loses and what it would win. Scoring is
this script's own (hull IoU >= 0.5 over the gold pieces), close to but not
the same as ``quoteattr evaluate``.

Usage::

    python benchmarks/stanza_shapes.py --model-dir DIR [--corpus polnear-dev] [--sample 30]

Prints a table and writes ``benchmarks/results/stanza_shapes.json``; not run by pytest.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import add_common_args, data_path, machine_info, write_json

import quoteattr
from quoteattr.annotations import Annotation
from quoteattr.corpora import LabelledDocument, LabelledQuote, read_jsonl

CLAUSE_DEPS = ("ccomp", "parataxis", "xcomp", "advcl")
CLASSES = (
    "cue not a verb",
    "according-to without obl",
    "verb without clause",
    "clause read, boundary off",
    "other",
)


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _found(gold: tuple[int, int], pred: list[tuple[int, int]]) -> bool:
    return any(_iou(gold, p) >= 0.5 for p in pred)


def _children(ann: Annotation) -> list[list[int]]:
    """The dependents of each token (read once per document, not per miss)."""
    toks = ann.tokens
    assert toks is not None and toks.head is not None
    kids: list[list[int]] = [[] for _ in range(len(toks))]
    for i, h in enumerate(toks.head):
        if h >= 0:
            kids[h].append(i)
    return kids


def _cue_tokens(ann: Annotation, cue: tuple[int, int]) -> list[int]:
    """The tokens overlapping *cue* (tokens are in text order: bisected)."""
    toks = ann.tokens
    assert toks is not None
    i = max(0, bisect.bisect_right(toks.starts, cue[0]) - 1)
    out = []
    while i < len(toks) and toks.starts[i] < cue[1]:
        if cue[0] < toks.ends[i]:
            out.append(i)
        i += 1
    return out


def _rel(ann: Annotation, i: int) -> str:
    assert ann.tokens is not None and ann.tokens.deprel is not None
    return ann.tokens.deprel[i].split(":")[0]


def classify(ann: Annotation, kids: list[list[int]], q: LabelledQuote) -> str:
    """The first class of :data:`CLASSES` that fits the gold quote *q* the
    dependency mode missed (*kids*: :func:`_children` of the annotation)."""
    toks = ann.tokens
    assert toks is not None and toks.upos is not None and toks.head is not None
    assert q.cue is not None
    idx = _cue_tokens(ann, q.cue)
    if not idx:
        return "other"
    if ann.text[toks.starts[idx[0]] : toks.ends[idx[0]]].lower() == "according":
        # the source is an obl/nmod that the cue hangs from as its case, or
        # (a reversed attachment) the cue holds a case dependent of its own
        under_source = any(toks.head[i] >= 0 and _rel(ann, toks.head[i]) in ("obl", "nmod") for i in idx)
        holds_case = any(_rel(ann, j) == "case" for i in idx for j in kids[i])
        return "other" if under_source or holds_case else "according-to without obl"
    verbs = [i for i in idx if toks.upos[i] == "VERB"] or [i for i in idx if toks.upos[i] == "AUX"]
    if not verbs:
        return "cue not a verb"
    v = verbs[0]  # (the main verb: "did not respond" -> respond)
    has_clause = any(_rel(ann, j) in CLAUSE_DEPS for j in kids[v])
    if not (has_clause or _rel(ann, v) in ("parataxis", "ccomp")):
        return "verb without clause"
    # a clause is read under (or as) the cue, and still no prediction reaches IoU 0.5
    return "clause read, boundary off"


def run(docs: list[LabelledDocument], model_dir: str) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    rules_found: Counter[str] = Counter()
    examples: dict[str, list[str]] = {c: [] for c in CLASSES}
    total = found_dep = found_rules = 0
    for doc in docs:
        ann = quoteattr.annotate(doc.text, engine="stanza", model_dir=model_dir, coref=False)
        dep = [(q.content.start, q.content.end) for q in quoteattr.extract(ann, stanza_mode="dependency").quotes]
        rules = [(q.content.start, q.content.end) for q in quoteattr.extract(doc.text).quotes]
        kids = _children(ann)
        for q in doc.quotes:
            if q.kind not in ("indirect", "mixed") or q.cue is None or q.cue_class not in (None, "speech"):
                continue
            total += 1
            hull = (q.spans[0][0], q.spans[-1][1])
            in_rules = _found(hull, rules)
            found_rules += in_rules
            if _found(hull, dep):
                found_dep += 1
                continue
            cls = classify(ann, kids, q)
            counts[cls] += 1
            rules_found[cls] += in_rules
            if len(examples[cls]) < 3:
                cue = doc.text[q.cue[0] : q.cue[1]]
                examples[cls].append(f"{cue!r}: {doc.text[hull[0] : hull[1]][:90]!r}")
    return {
        "gold": total,
        "found_dependency": found_dep,
        "found_rules": found_rules,
        "missed": {c: {"count": counts[c], "found_by_rules": rules_found[c], "examples": examples[c]} for c in CLASSES},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(ap, out="stanza_shapes.json")
    ap.add_argument("--model-dir", required=True, help="the stanza resources folder")
    ap.add_argument("--corpus", default="polnear-dev", help="gold JSONL name in the data folder (default polnear-dev)")
    ap.add_argument("--sample", type=int, default=0, help="score N random documents (default: all)")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args(argv)
    path = data_path(args.data, f"{args.corpus}.jsonl")
    if path is None:
        print(f"{args.corpus}.jsonl not found; nothing to do", file=sys.stderr)
        return 1
    docs = read_jsonl(path)
    label = args.corpus
    if 0 < args.sample < len(docs):
        label = f"{args.corpus} ({args.sample} of {len(docs)} docs, random.Random({args.seed}).sample)"
        docs = random.Random(args.seed).sample(docs, args.sample)
    from quoteattr.adapters.stanza import set_torch_threads

    set_torch_threads(1)
    out = run(docs, args.model_dir)
    out.update(corpus=label, model_dir=args.model_dir, machine=machine_info())
    print(
        f"{label}: {out['gold']} gold indirect/mixed speech quotes; found by the dependency mode "
        f"{out['found_dependency']}, by the rules {out['found_rules']}"
    )
    print(f"{'missed by the dependency mode':32} {'count':>6} {'of which the rules find':>24}")
    for cls, row in out["missed"].items():
        print(f"{cls:32} {row['count']:6} {row['found_by_rules']:24}")
        for ex in row["examples"]:
            print(f"    {ex}")
    write_json(args.out, out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
