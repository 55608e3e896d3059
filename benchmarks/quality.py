"""Quote quality of every available engine on the shared gold files.

For each engine (``rules`` always; ``stanza`` when stanza and its English
models are installed; textacy's ``direct_quotations`` as a baseline when
textacy and a spaCy English model are installed) and each corpus
(``seeds-gold.jsonl``, ``polnear-dev.jsonl``, ``litbank-dev.jsonl``), it runs
the engine on the gold texts, scores the output with
:func:`quoteattr.evaluate.evaluate` (default settings: IoU 0.5, speech
attributions, optional gold ignored, quotes below the default confidence
dropped), and also scores direct quotes alone (``kind="direct"``; quote marks
are stripped by the normaliser). It prints one block per run, writes every
figure to ``benchmarks/results/quality.json`` and rewrites the table between
``<!-- quality:start -->`` and ``<!-- quality:end -->`` in
``docs/benchmarks.md``.

Usage::

    python benchmarks/quality.py [--data DIR] [--out FILE] [--engines rules,stanza,textacy] [--no-docs]

Speed (characters per second) is the wall time of the engine over the whole
corpus, in this process, one document at a time; the scorer is not timed.
Not run by pytest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DOCS, add_common_args, data_path, machine_info, timer, update_section, write_json

import quoteattr
from quoteattr.corpora import LabelledDocument, LabelledQuote, read_jsonl
from quoteattr.evaluate import evaluate, predict

CORPORA = ("seeds-gold.jsonl", "polnear-dev.jsonl", "litbank-dev.jsonl")
# LitBank annotates each quoted stretch of '"A," he said, "B."' as its own
# quote, so the pieces of a split prediction are scored separately there.
SPLIT_PARTS = frozenset({"litbank-dev"})
ENGINES = ("rules", "stanza", "textacy")

INTRO = """\
`benchmarks/quality.py` runs every available engine on the shared gold files
(`seeds-gold`: two hand-labelled news articles; `polnear-dev`: PolNeAR's
official dev split, news attributions; `litbank-dev`: our half of LitBank's
quotations, fiction) and scores them with `quoteattr.evaluate` (see
[evaluation.md](evaluation.md)): content spans matched one-to-one by character
IoU >= 0.5 after stripping quote marks, a leading "that" and end punctuation;
PolNeAR scored on speech attributions only; optional seed quotes neither
rewarded nor penalised; on LitBank, which annotates each quoted stretch of a
split quote separately, each piece of a split prediction is scored on its own
(`--split-parts`). "direct P/R" scores direct quotes alone. Speaker
accuracy is over matched quotes with a gold speaker; end-to-end F1 counts a
quote only when its span matches and its speaker is right. chars/s is the
engine's wall-clock speed on one core of the machine named below the table.
These are development sets: the rules were written while looking at them."""


def _stanza_status() -> str | None:
    """``None`` when the stanza engine can run, else why not."""
    try:
        quoteattr.extract("She said it works.", engine="stanza")
    except (quoteattr.QuoteattrError, ImportError, OSError) as exc:
        msg = str(exc).splitlines()[0]
        return f"{type(exc).__name__}: {msg if len(msg) <= 160 else msg[:160].rsplit(' ', 1)[0] + ' …'}"
    return None


def _textacy_model() -> tuple[Any, str | None]:
    """A loaded spaCy English pipeline for textacy, or ``None`` and why not."""
    try:
        import spacy
        import textacy.extract  # noqa: F401  (only checks that textacy is installed)
    except ImportError as exc:
        return None, f"textacy or spaCy is not installed ({exc.name})"
    names = sorted(n for n in spacy.util.get_installed_models() if n.startswith("en_core"))
    if not names:
        return None, "no spaCy English model (en_core_web_*) is installed, and none can be downloaded here"
    return spacy.load(names[0]), None


def _hull(tokens: Any) -> tuple[int, int] | None:
    toks = list(tokens)
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def textacy_predict(gold: list[LabelledDocument], nlp: Any) -> tuple[list[LabelledDocument], int]:
    """textacy's direct quotations as labelled documents, and the number of failed documents.

    textacy raises ``ValueError`` for a whole document with an odd number of
    quote marks; such a document counts as having no predictions.
    """
    from textacy.extract.triples import direct_quotations

    out, failed = [], 0
    for d in gold:
        quotes = []
        try:
            triples = list(direct_quotations(nlp(d.text)))
        except ValueError:
            failed += 1
            triples = []
        for t in triples:
            speaker = _hull(t.speaker)
            quotes.append(
                LabelledQuote(
                    spans=[(t.content.start_char, t.content.end_char)],
                    kind="direct",
                    cue=_hull(t.cue),
                    speaker=speaker,
                    speaker_entity=None if speaker is None else d.text[speaker[0] : speaker[1]],
                    confidence=1.0,
                )
            )
        out.append(
            LabelledDocument(id=d.id, text=d.text, quotes=sorted(quotes, key=lambda q: q.spans), source="textacy")
        )
    return out, failed


def _row(
    engine: str,
    corpus: str,
    gold: list[LabelledDocument],
    pred: list[LabelledDocument],
    seconds: float,
    min_conf: float,
) -> dict[str, Any]:
    split = corpus in SPLIT_PARTS
    report = evaluate(gold, pred, min_confidence=min_conf, split_parts=split)
    direct = evaluate(gold, pred, min_confidence=min_conf, kind="direct", split_parts=split)
    chars = sum(len(d.text) for d in gold)
    return {
        "engine": engine,
        "corpus": corpus,
        "documents": len(gold),
        "characters": chars,
        "seconds": round(seconds, 3),
        "chars_per_s": round(chars / seconds) if seconds else None,
        "report": report.to_dict(),
        "direct": direct.to_dict(),
    }


def _print(row: dict[str, Any]) -> None:
    r, d = row["report"], row["direct"]
    main = r["spans"][r["main"]]
    dm = d["spans"][d["main"]]
    print(
        f"{row['engine']} on {row['corpus']}: {row['documents']} docs, {r['gold']} gold quotes scored "
        f"({r['ignored']} ignored), {r['predicted']} predicted"
    )
    print(
        f"  spans {r['main']}: P {main['precision']:.3f} R {main['recall']:.3f} F1 {main['f1']:.3f}; "
        + "; ".join(f"{k} F1 {v['f1']:.3f}" for k, v in r["spans"].items() if k != r["main"])
    )
    kinds = ", ".join(f"{k} {v['recall']:.3f} ({v['found']}/{v['total']})" for k, v in r["recall_by_kind"].items())
    print(f"  recall by kind: {kinds}")
    print(
        f"  direct only (marks stripped): P {dm['precision']:.3f} R {dm['recall']:.3f} F1 {dm['f1']:.3f} ({dm['tp']} "
        f"tp, {dm['fp']} fp, {dm['fn']} fn)"
    )
    print(
        f"  cue accuracy {r['cue']['accuracy']:.3f} ({r['cue']['overlap']}/{r['cue']['judged']}); "
        f"speaker accuracy {r['speaker']['accuracy']:.3f} ({r['speaker']['correct']}/{r['speaker']['judged']}); "
        f"end-to-end F1 {r['end_to_end']['f1']:.3f}"
    )
    print(f"  speed: {row['chars_per_s']} chars/s ({row['characters']} chars in {row['seconds']} s)")


def _table(rows: list[dict[str, Any]], notes: list[str], info: dict[str, Any]) -> str:
    head = (
        "| engine | corpus | gold | P | R | F1 | F1 exact | F1 IoU 0.3 | F1 IoU 0.8 | direct P | direct R "
        "| cue acc. | speaker acc. | end-to-end F1 | chars/s |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for row in rows:
        r, d = row["report"], row["direct"]
        s = r["spans"]
        m = s[r["main"]]
        dm = d["spans"][d["main"]]
        cue = f"{r['cue']['accuracy']:.3f}" if r["cue"]["judged"] else "-"
        lines.append(
            f"| {row['engine']} | {row['corpus']} | {r['gold']} | {m['precision']:.3f} | {m['recall']:.3f} | "
            f"{m['f1']:.3f} "
            f"| {s['exact']['f1']:.3f} | {s['iou>=0.3']['f1']:.3f} | {s['iou>=0.8']['f1']:.3f} "
            f"| {dm['precision']:.3f} | {dm['recall']:.3f} | {cue} | {r['speaker']['accuracy']:.3f} "
            f"| {r['end_to_end']['f1']:.3f} | {row['chars_per_s']:,} |"
        )
    lines.append("")
    lines.append(
        f"Measured {info['date_utc']} with quoteattr {info['quoteattr']}, Python {info['python']}, "
        f"{info['platform']}, {info['cpu_count']} CPUs. Full figures: `benchmarks/results/quality.json`."
    )
    if notes:
        lines.append("")
        lines.extend(f"- {n}" for n in notes)
    return "\n".join(lines)


BY_RULE_INTRO = (
    "For each rule (`Quote.rule`), how many of the rule engine's predictions at the default confidence "
    "match a speech attribution of `polnear-train.jsonl` (IoU >= 0.5), how many match none (unmatched), and how "
    "many overlap only gold that is not scored (thought cues, optional: excused). Generated by "
    "`python benchmarks/quality.py --by-rule` (the same numbers as "
    "`quoteattr evaluate ../shared/data/polnear-train.jsonl --by-rule`)."
)


def _by_rule_doc(data: Path) -> int:
    """Write the per-rule table of the rule engine on PolNeAR train into docs/rules.md."""
    from quoteattr.evaluate import by_rule, f1_without_rule, format_by_rule

    p = data_path(data, "polnear-train.jsonl")
    if p is None:
        print("polnear-train.jsonl not found; nothing to do", file=sys.stderr)
        return 1
    gold = read_jsonl(p)
    pred = predict(gold, engine="rules")
    conf = quoteattr.DEFAULT_MIN_CONFIDENCE
    table = by_rule(gold, pred, min_confidence=conf)
    without = f1_without_rule(gold, pred, table, min_confidence=conf)
    f1 = evaluate(gold, pred, min_confidence=conf).spans["iou>=0.5"].f1
    body = (
        f"min_confidence {conf}, {len(gold)} documents; F1 (IoU >= 0.5) {f1:.4f} with every rule, and in the "
        "last column with the rule's predictions left out (scored anew).\n\n" + format_by_rule(table, without)
    )
    update_section(DOCS / "rules.md", "by-rule", body, heading="Rules measured on PolNeAR train", intro=BY_RULE_INTRO)
    print(body)
    print(f"updated {DOCS / 'rules.md'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(parser, out="quality.json")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated engines to try (default: all)")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    parser.add_argument(
        "--by-rule",
        action="store_true",
        help="only write the per-rule table of the rule engine on polnear-train.jsonl into docs/rules.md",
    )
    args = parser.parse_args(argv)
    if args.by_rule:
        return _by_rule_doc(args.data)
    wanted = [e.strip() for e in args.engines.split(",") if e.strip()]
    min_conf = quoteattr.DEFAULT_MIN_CONFIDENCE

    corpora = {}
    for name in CORPORA:
        p = data_path(args.data, name)
        if p is not None:
            corpora[name.removesuffix(".jsonl")] = read_jsonl(p)
    if not corpora:
        print("no gold file found; nothing to do", file=sys.stderr)
        return 1

    notes: list[str] = []
    runners: dict[str, Any] = {}
    if "rules" in wanted:
        runners["rules"] = lambda gold: (predict(gold, engine="rules"), None)
    if "stanza" in wanted:
        why = _stanza_status()
        if why is None:
            runners["stanza"] = lambda gold: (predict(gold, engine="stanza"), None)
        else:
            notes.append(f"stanza engine not run: {why}")
    if "textacy" in wanted:
        nlp, why = _textacy_model()
        if nlp is None:
            notes.append(f"textacy baseline not run: {why}")
        else:
            runners["textacy"] = lambda gold: textacy_predict(gold, nlp)
    for n in notes:
        print(n)

    rows = []
    for engine, runner in runners.items():
        for corpus, gold in corpora.items():
            with timer() as t:
                pred, failed = runner(gold)
            row = _row(engine, corpus, gold, pred, t[0], min_conf if engine != "textacy" else 0.0)
            if failed:
                row["failed_documents"] = failed
                notes.append(f"textacy refused {failed} {corpus} documents (odd number of quote marks)")
            rows.append(row)
            _print(row)

    info = machine_info()
    write_json(args.out, {"machine": info, "min_confidence": min_conf, "notes": notes, "rows": rows})
    print(f"wrote {args.out}")
    if not args.no_docs:
        update_section(DOCS / "benchmarks.md", "quality", _table(rows, notes, info), heading="Quality", intro=INTRO)
        print(f"updated {DOCS / 'benchmarks.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
