"""The ``quoteattr evaluate`` command: engines, reports, PR curves and the by-rule table.

The scoring itself (scope, normalisation, overlap, matching, measures) lives
in :mod:`quoteattr.scoring`; its public names are re-exported here, so
``from quoteattr.evaluate import evaluate, Report`` keeps working.

:func:`by_rule` says which rule found what (:mod:`quoteattr.scoring` shows
:func:`evaluate` at work).

Example:
    >>> from quoteattr.corpora import LabelledDocument, LabelledQuote
    >>> text = '"We will respond," Peskov said. Lavrov said it was robbery.'
    >>> said = [LabelledQuote(spans=[(1, 16)], id="direct-said"), LabelledQuote(spans=[(45, 59)], id="indirect-said")]
    >>> gold = [LabelledDocument(id="d", text=text, quotes=[LabelledQuote(spans=[(1, 17)])])]
    >>> by_rule(gold, [LabelledDocument(id="d", text=text, quotes=said)])
    {'direct-said': (1, 0, 0), 'indirect-said': (0, 1, 0)}
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .corpora import LabelledDocument
from .errors import EvaluationError, PlotNotInstalledError, QuoteattrError
from .scoring import (
    DEFAULT_IOU,
    REPORTED_IOUS,
    Example,
    Report,
    Scores,
    _confidence,
    _prepare,
    _score_doc,
    evaluate,
    iou,
    match,
    normalise,
    speaker_correct,
)

__all__ = [
    "DEFAULT_IOU",
    "REPORTED_IOUS",
    "EvaluationError",
    "Example",
    "PlotNotInstalledError",
    "Report",
    "Scores",
    "add_parser",
    "evaluate",
    "format_report",
    "gold_annotates_stretches",
    "iou",
    "match",
    "normalise",
    "plot_pr_curve",
    "pr_curve",
    "predict",
    "run",
    "speaker_correct",
]


def pr_curve(
    gold: Sequence[LabelledDocument],
    pred: Sequence[LabelledDocument],
    *,
    iou: float = DEFAULT_IOU,
    kind: str | None = None,
    all_attributions: bool = False,
    split_parts: bool = False,
) -> list[tuple[float, float, float]]:
    """Precision and recall at each confidence threshold.

    Returns:
        ``(threshold, precision, recall)`` for every distinct predicted
        confidence, lowest first; a prediction without confidence counts as 1.

    Raises:
        EvaluationError: as :func:`evaluate`.
    """
    levels = sorted({_confidence(q) for d in pred for q in d.quotes})
    out = []
    for t in levels:
        r = evaluate(
            gold, pred, iou=iou, kind=kind, all_attributions=all_attributions, min_confidence=t, split_parts=split_parts
        )
        s = r.spans[r.main]
        out.append((t, s.precision, s.recall))
    return out


def plot_pr_curve(points: Sequence[tuple[float, float, float]], path: str, *, title: str = "") -> None:
    """Draw precision and recall against the confidence threshold into *path*.

    Raises:
        PlotNotInstalledError: when matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise PlotNotInstalledError("--pr-curve needs matplotlib: pip install 'quoteattr[plot]'") from exc
    fig, ax = plt.subplots(figsize=(6, 4))
    xs = [p[0] for p in points]
    ax.plot(xs, [p[1] for p in points], marker="o", label="precision")
    ax.plot(xs, [p[2] for p in points], marker="s", label="recall")
    ax.set_xlabel("confidence threshold")
    ax.set_ylim(0, 1.02)
    ax.set_title(title or "precision and recall by confidence")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def by_rule(
    gold: Sequence[LabelledDocument],
    pred: Sequence[LabelledDocument],
    *,
    iou: float = DEFAULT_IOU,
    all_attributions: bool = False,
    min_confidence: float = 0.0,
) -> dict[str, tuple[int, int, int]]:
    """Count, for each rule (a predicted quote's ``id``), its matched and unmatched predictions.

    A prediction matches when it is paired with an in-scope gold quote at
    ``iou``; one that overlaps only ignored gold (thought, optional) counts
    as ``excused``, neither right nor wrong.

    Returns:
        ``{rule: (matched, unmatched, excused)}``, most predictions first; a
        prediction without a rule counts under ``"?"``.

    Raises:
        EvaluationError: as :func:`evaluate`.
    """
    docs, _ = _prepare(gold, pred, None, all_attributions, min_confidence)
    out: dict[str, list[int]] = {}
    for d in docs:
        _, m, excused = _score_doc(d, iou, None)
        for i, q in enumerate(d.preds):
            row = out.setdefault(q.id or "?", [0, 0, 0])
            row[0 if i in m else 2 if i in excused else 1] += 1
    return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items(), key=lambda kv: (-sum(kv[1]), kv[0]))}


def format_by_rule(table: dict[str, tuple[int, int, int]], f1_without: Mapping[str, float] | None = None) -> str:
    """The :func:`by_rule` table as Markdown (rule, predictions, matched,
    unmatched, excused, precision), with a column "F1 without it" when
    *f1_without* gives each rule's (:func:`f1_without_rule`)."""
    head = "| rule | predictions | matched | unmatched | excused | precision |"
    rule_line = "|---|---:|---:|---:|---:|---:|"
    if f1_without is not None:
        head, rule_line = head + " F1 without it |", rule_line + "---:|"
    lines = [head, rule_line]
    for rule, (tp, fp, ex) in table.items():
        prec = tp / (tp + fp) if tp + fp else 0.0
        line = f"| `{rule}` | {tp + fp + ex} | {tp} | {fp} | {ex} | {prec:.3f} |"
        if f1_without is not None:
            line += f" {f1_without[rule]:.4f} |" if rule in f1_without else " |"
        lines.append(line)
    return "\n".join(lines)


def f1_without_rule(
    gold: Sequence[LabelledDocument], pred: Sequence[LabelledDocument], rules: Iterable[str], *, min_confidence: float
) -> dict[str, float]:
    """The F1 (IoU >= 0.5) of *pred* with each rule's predictions left out,
    scored anew (a rule adds to F1 while its precision is above about half
    of F1: its removal shows what it is worth)."""
    out = {}
    for rule in rules:
        kept = [attrs.evolve(d, quotes=[q for q in d.quotes if q.id != rule]) for d in pred]
        out[rule] = evaluate(gold, kept, min_confidence=min_confidence).spans[f"iou>={DEFAULT_IOU}"].f1
    return out


# ---------------------------------------------------------------------------
# engines and the command line


def predict(
    gold: Iterable[LabelledDocument], *, engine: str = "rules", min_confidence: float = 0.0, **engine_options: Any
) -> list[LabelledDocument]:
    """Run quoteattr on the text of each gold document.

    *engine_options* (``model_dir``, ``coref``) go to :func:`quoteattr.extract`.

    Raises:
        UnknownEngineError: for an engine other than rules or stanza.
        MissingModelsError: when the stanza engine has no models.
        StanzaNotInstalledError: when stanza is absent.
    """
    from .corpora import from_result
    from .pipeline import extract

    return [
        from_result(
            extract(d.text, engine=engine, min_confidence=min_confidence, id=d.id, **engine_options), source=engine
        )
        for d in gold
    ]


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def format_report(report: Report, *, title: str = "") -> str:
    """The report as a plain-text table."""
    st = report.settings
    lines = []
    if title:
        lines.append(title)
    scope = [f"{report.gold} gold quotes scored", f"{report.ignored} ignored"]
    if st["kind"]:
        scope.append(f"kind {st['kind']} only")
    if st["all_attributions"]:
        scope.append("all attributions")
    elif st.get("gold_has_cue_class"):
        scope.append("non-speech cues ignored")
    else:
        scope.append("no cue_class in gold, so every attribution scored")
    lines.append(f"{report.documents} documents; " + ", ".join(scope))
    pred = (
        f"{report.predicted} predictions (confidence >= {st['min_confidence']:g}), "
        f"{report.excused} matched ignored gold"
    )
    if report.missing_predictions:
        pred += f"; {report.missing_predictions} gold documents had no predictions"
    lines.append(pred)
    lines.append("")
    lines.append(f"{'match':<22}{'TP':>6}{'FP':>6}{'FN':>6}{'P %':>8}{'R %':>8}{'F1 %':>8}")
    rows = [(k + (" *" if k == report.main else ""), v) for k, v in report.spans.items()]
    rows.append((f"end-to-end ({report.main})", report.end_to_end))
    for name, s in rows:
        lines.append(f"{name:<22}{s.tp:>6}{s.fp:>6}{s.fn:>6}{_pct(s.precision):>8}{_pct(s.recall):>8}{_pct(s.f1):>8}")
    lines.append("")
    kinds = ", ".join(
        f"{k} {_pct(f / t if t else 0).strip()}% ({f}/{t})" for k, (f, t) in report.recall_by_kind.items()
    )
    lines.append(f"recall by kind ({report.main}): {kinds or '-'}")
    c, sp = report.cue, report.speaker
    if c["judged"]:
        lines.append(
            f"cue accuracy (matched, overlap): {_pct(report.cue_accuracy).strip()}% ({c['overlap']}/{c['judged']}); "
            f"exact {_pct(c['exact'] / c['judged']).strip()}%"
        )
    else:
        lines.append("cue accuracy: no gold cues on matched quotes")
    if sp["judged"]:
        lines.append(
            f"speaker accuracy (matched): {_pct(report.speaker_accuracy).strip()}% ({sp['correct']}/{sp['judged']})"
        )
    else:
        lines.append("speaker accuracy: no gold speakers on matched quotes")
    for label, items in (("worst misses", report.misses), ("worst false alarms", report.false_alarms)):
        if not items:
            continue
        lines.append("")
        lines.append(f"{label}:")
        for e in items:
            conf = "" if e.confidence is None else f" conf {e.confidence:.2f}"
            lines.append(
                f"  [{e.doc} {e.spans[0][0]}-{e.spans[-1][1]} {e.kind or '?'}{conf} best IoU {e.best_iou:.2f}] "
                f"{e.context}"
            )
    return "\n".join(lines)


#: Corpora whose gold annotates each quoted stretch (``"A," he said, "B."``
#: is two gold quotes): ``evaluate`` scores them part by part by default.
STRETCH_SOURCES = frozenset({"litbank"})


def gold_annotates_stretches(gold: Sequence[LabelledDocument]) -> tuple[bool, str]:
    """Whether *gold* annotates each quoted stretch, and why.

    A document says so with ``"meta": {"quote_unit": "stretch"}`` (or
    ``"quote"`` for whole quotes) in its JSONL line; otherwise its ``source``
    decides (LitBank annotates stretches). Every document must agree.

    Example:
        >>> from quoteattr.corpora import LabelledDocument
        >>> gold_annotates_stretches([LabelledDocument(id="a", text="x", source="litbank")])
        (True, 'source litbank annotates each quoted stretch')
    """
    units = set()
    for d in gold:
        unit = d.meta.get("quote_unit") if isinstance(d.meta, Mapping) else None
        if unit in ("stretch", "quote"):
            units.add((unit == "stretch", "quote_unit", unit))
        elif d.source in STRETCH_SOURCES:
            units.add((True, "source", d.source))
        else:
            units.add((False, "source", d.source))
    if len({u[0] for u in units}) == 1 and units:
        flag, field, value = sorted(units, key=str)[0]
        if field == "quote_unit":
            return flag, f"gold quote_unit {value!r}"
        return flag, (f"source {value} annotates each quoted stretch" if flag else "gold annotates whole quotes")
    return False, "gold annotates whole quotes"


def _iou_arg(value: str) -> float:
    from .cliargs import number_arg

    return number_arg(
        value,
        float,
        lambda v: 0.0 < v <= 1.0,
        bad="--iou must be a number in (0, 1] (got {value!r})",
        outside="--iou must be in (0, 1] (got {value})",
    )


def _nonneg_int(value: str) -> int:
    from .cliargs import number_arg

    return number_arg(
        value,
        int,
        lambda v: v >= 0,
        bad="expected a whole number >= 0 (got {value!r})",
        outside="expected a whole number >= 0 (got {v})",
    )


def add_parser(subparsers: Any) -> None:
    """Register the ``evaluate`` subcommand on an argparse subparsers object."""
    from .defaults import DEFAULT_MIN_CONFIDENCE

    p = subparsers.add_parser(
        "evaluate",
        help="score an engine or a prediction file against labelled quotes",
        description=(
            "Score quotes against gold data: a JSONL file in the gold format or a brat folder "
            "(text/ + attributions/). Predictions come from running an engine on the gold texts, "
            "or from --pred (a JSONL file in the same format)."
        ),
    )
    p.add_argument("gold", help="gold JSONL file or brat attribution folder")
    p.add_argument(
        "--engine",
        choices=("rules", "stanza"),
        default="rules",
        help="engine to run on the gold texts (default: rules)",
    )
    from .cliargs import add_stanza_options

    add_stanza_options(p, coref=True)
    p.add_argument("--pred", metavar="PRED.jsonl", help="score these predictions instead of running an engine")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--show-errors",
        dest="errors",
        type=_nonneg_int,
        default=0,
        metavar="N",
        help="show the N worst misses and false alarms",
    )
    from .cliargs import DeprecatedAlias

    p.add_argument("--errors", dest="errors", type=_nonneg_int, action=DeprecatedAlias, new="--show-errors")
    p.add_argument("--kind", choices=("direct", "indirect", "mixed"), help="score only gold quotes of this kind")
    p.add_argument(
        "--all-attributions", action="store_true", help="also score gold whose cue is not speech (thought, other)"
    )
    p.add_argument(
        "--split-parts",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="score each piece of a split prediction as its own quote (default: when the gold annotates each quoted "
        "stretch, e.g. LitBank, or says quote_unit 'stretch')",
    )
    p.add_argument("--iou", type=_iou_arg, default=DEFAULT_IOU, help=f"main overlap threshold (default {DEFAULT_IOU})")
    p.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help=f"drop predictions below this confidence (default {DEFAULT_MIN_CONFIDENCE})",
    )
    p.add_argument(
        "--save-pred",
        metavar="PRED.jsonl",
        help="also write the engine's predictions in the gold format (for a later --pred)",
    )
    p.add_argument(
        "--by-rule", action="store_true", help="also print, for each rule, its matched and unmatched predictions"
    )
    p.add_argument(
        "--pr-curve",
        metavar="FILE.png",
        help="draw precision/recall against the confidence threshold (needs quoteattr[plot])",
    )
    p.set_defaults(func=run)


def _check_ids(path: str, role: str) -> None:
    from pathlib import Path

    from . import corpora

    if not Path(path).is_dir():  # (a brat folder's ids are its file names: unique)
        corpora.check_unique_ids(path, role)


def run(args: argparse.Namespace) -> int:
    """Run ``quoteattr evaluate``; returns the exit code (0 ok, 2 error)."""
    from . import corpora

    try:
        gold = corpora.load(args.gold)
        # Before predicting: duplicated gold ids would otherwise surface as
        # duplicated *prediction* ids, with no line to look at.
        _check_ids(args.gold, "gold")
        if args.pred:
            pred = corpora.load(args.pred)
            _check_ids(args.pred, "prediction")
            origin = f"predictions {args.pred}"
        else:
            from .cliargs import stanza_options

            pred = predict(gold, engine=args.engine, min_confidence=0.0, **stanza_options(args))
            origin = f"engine {args.engine}"
        split_parts, why = (
            (args.split_parts, "as asked") if args.split_parts is not None else gold_annotates_stretches(gold)
        )
        args.split_parts = split_parts
        mode = f"scoring {'part by part' if split_parts else 'whole quotes'} ({why})"
        if getattr(args, "save_pred", None):
            corpora.write_jsonl(pred, args.save_pred)
        # what the report and the curve are scored with alike
        scope: dict[str, Any] = {
            "iou": args.iou,
            "kind": args.kind,
            "all_attributions": args.all_attributions,
            "split_parts": args.split_parts,
        }
        report = evaluate(gold, pred, min_confidence=args.min_confidence, errors=args.errors, **scope)
        if args.pr_curve:
            points = pr_curve(gold, pred, **scope)
            plot_pr_curve(points, args.pr_curve, title=f"{args.gold} ({origin})")
    except (QuoteattrError, OSError) as exc:
        print(f"quoteattr evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        d = report.to_dict()
        d["gold_path"] = str(args.gold)
        d["predictions"] = origin
        d["mode"] = mode
        print(json.dumps(d, indent=2, ensure_ascii=False))
    else:
        print(format_report(report, title=f"quoteattr evaluate: {args.gold} ({origin}; {mode})"))
        if args.pr_curve:
            print(f"\nprecision/recall curve written to {args.pr_curve}")
    if getattr(args, "by_rule", False):
        table = by_rule(
            gold, pred, iou=args.iou, all_attributions=args.all_attributions, min_confidence=args.min_confidence
        )
        print("\n" + format_by_rule(table))
    return 0
