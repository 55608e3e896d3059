"""Score quotes against labelled data: spans, kinds, cues and speakers.

Gold and predictions are :class:`quoteattr.corpora.LabelledDocument` objects
paired by document id. The scoring, in order:

1. **Scope.** Each gold quote is *scored* or *ignored*. Ignored: quotes marked
   ``optional``; by default quotes whose ``cue_class`` exists and is not
   ``"speech"`` (PolNeAR's beliefs, stances and evidence; pass
   ``all_attributions=True`` to score them); with ``kind=K``, gold quotes of
   another kind. Predictions below ``min_confidence`` are dropped.
2. **Normalisation** (rule ``normalise-content``, both sides): each content
   span loses surrounding whitespace and quotation marks, a leading lowercase
   "that ", and trailing ``,.;:``, repeated until nothing changes. Example:
   ``that “we will respond,”`` -> ``we will respond``.
3. **Overlap.** The character IoU of two quotes is
   ``|P ∩ G| / |P ∪ G|`` over the characters of their normalised spans
   (discontinuous spans count only their pieces).
4. **Matching** is one-to-one, deterministic and greedy: all (gold, predicted)
   pairs with IoU at or above the threshold are sorted by IoU, highest first,
   ties broken by gold offsets, then predicted offsets; a pair is taken when
   neither side is taken yet. *Exact* means IoU = 1 (equal normalised
   character sets). Predictions are matched to scored gold first; those left
   over are then matched, the same way, to ignored gold, and a prediction
   matched there is neither a true nor a false positive. With ``kind=K``,
   only unmatched predictions of kind K count as false positives.
5. **Measures.** P/R/F1 at exact and at IoU 0.3, 0.5, 0.8 (as the
   GenderGapTracker reports) and at the chosen threshold (default 0.5); recall
   by gold kind; on matched quotes: cue accuracy (predicted cue overlaps the
   gold cue; exact too) and speaker accuracy (see :func:`speaker_correct`);
   end-to-end P/R/F1 counting a match only when its speaker is right (a gold
   quote without any speaker label leaves the speaker unjudged and counts).
   A ratio with a zero denominator is reported as 0.

With ``split_parts=True`` each piece of a multi-part prediction
(``"A," he said, "B."``) is scored as a quote of its own, for gold such as
LitBank that annotates every quoted stretch separately.

Example:
    >>> from quoteattr.corpora import LabelledDocument, LabelledQuote
    >>> text = 'Lavrov said that "it is robbery."'
    >>> gold = [LabelledDocument(id="d", text=text, quotes=[LabelledQuote(spans=[(12, 33)])])]
    >>> pred = [LabelledDocument(id="d", text=text, quotes=[LabelledQuote(spans=[(18, 31)])])]
    >>> evaluate(gold, pred).spans["exact"].f1
    1.0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .corpora import LabelledDocument, LabelledQuote
from .errors import EvaluationError, PlotNotInstalledError, QuoteattrError

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

#: The default overlap threshold.
DEFAULT_IOU = 0.5
#: Thresholds always reported besides exact match (as the GenderGapTracker does).
REPORTED_IOUS = (0.3, 0.5, 0.8)

Pair = tuple[int, int]


# ---------------------------------------------------------------------------
# normalisation and overlap

# Quotation marks of every style, PTB `` and '' included (as single characters).
QUOTE_MARKS = frozenset("\"“”„‟«»＂'‘’‚‛‹›`")
# Rule ``normalise-content``: characters stripped from both ends of a span,
# and punctuation stripped from its end only. Example: '“It is robbery,”' -> 'It is robbery'.
_EDGE = QUOTE_MARKS | frozenset(" \t\r\n\u00a0\u2009\u202f")
_TRAILING = frozenset(",.;:")
# The complementiser PolNeAR keeps at the start of indirect content: 'that he would go'.
_THAT = "that"


def _strip(text: str, a: int, b: int, first: bool) -> Pair:
    while True:
        a0, b0 = a, b
        while a < b and text[a] in _EDGE:
            a += 1
        while b > a and (text[b - 1] in _EDGE or text[b - 1] in _TRAILING):
            b -= 1
        if first and text.startswith(_THAT, a) and a + 4 < b and text[a + 4].isspace():
            a += 4
        if (a, b) == (a0, b0):
            return a, b


def normalise(text: str, spans: Iterable[Pair]) -> tuple[Pair, ...]:
    """The content spans with quote marks, "that" and end punctuation removed.

    Each span is stripped of whitespace and quotation marks at both ends and
    of ``,.;:`` at its end; the first also of a leading lowercase ``"that "``.
    Spans left empty are dropped.

    Example:
        >>> t = 'He said that "we will respond," and left.'
        >>> normalise(t, [(8, 31)])
        ((14, 29),)
    """
    out: list[Pair] = []
    for a, b in spans:
        a, b = _strip(text, a, b, first=not out)
        if a < b:
            out.append((a, b))
    return tuple(out)


def _length(spans: Sequence[Pair]) -> int:
    return sum(b - a for a, b in spans)


def _intersection(x: Sequence[Pair], y: Sequence[Pair]) -> int:
    n = i = j = 0
    while i < len(x) and j < len(y):
        lo, hi = max(x[i][0], y[j][0]), min(x[i][1], y[j][1])
        if hi > lo:
            n += hi - lo
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return n


def iou(x: Sequence[Pair], y: Sequence[Pair]) -> float:
    """Character intersection over union of two sorted, disjoint span lists.

    Example:
        >>> iou([(0, 10)], [(5, 15)])
        0.3333333333333333
    """
    inter = _intersection(x, y)
    union = _length(x) + _length(y) - inter
    return inter / union if union else 0.0


def match(
    gold: Sequence[Sequence[Pair]], pred: Sequence[Sequence[Pair]], threshold: float
) -> dict[int, tuple[int, float]]:
    """One-to-one greedy matching of predicted to gold span lists.

    Pairs with IoU >= *threshold* (``threshold=1.0`` means equal sets) are
    taken in order of IoU descending, ties broken by gold offsets, then
    predicted offsets, then list positions.

    Returns:
        predicted index -> (gold index, IoU).
    """
    pairs = []
    for gi, g in enumerate(gold):
        if not g:
            continue
        for pi, p in enumerate(pred):
            if not p or p[0][0] >= g[-1][1] or g[0][0] >= p[-1][1]:
                continue
            v = iou(g, p)
            if v >= threshold or (threshold >= 1.0 and tuple(g) == tuple(p)):
                pairs.append((-v, g[0][0], g[-1][1], p[0][0], p[-1][1], gi, pi))
    pairs.sort()
    out: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for negv, *_, gi, pi in pairs:
        if gi in used or pi in out:
            continue
        used.add(gi)
        out[pi] = (gi, -negv)
    return out


def _overlap(a: Pair, b: Pair) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def speaker_correct(
    gold_doc: LabelledDocument, gold: LabelledQuote, pred_doc: LabelledDocument, pred: LabelledQuote
) -> bool | None:
    """Whether a matched prediction names the right speaker; ``None`` if unjudged.

    * Gold with ``speaker_entity`` (seeds, LitBank): right when the predicted
      entity name equals, ignoring case, ``speaker_entity`` or one of its
      aliases in ``gold_doc.entities``; or when the predicted mention, or
      any mention of the predicted entity, overlaps a gold mention of that
      entity in ``gold_doc.mentions`` (LitBank).
    * Gold with only a speaker span (PolNeAR): right when the predicted
      mention overlaps it.
    * Gold with neither: not judged.
    """
    del pred_doc  # the prediction carries its entity's name and mentions itself
    if gold.speaker_entity is not None:
        names = {gold.speaker_entity.casefold()} | {
            a.casefold() for a in gold_doc.entities.get(gold.speaker_entity, ())
        }
        if pred.speaker_entity is not None and pred.speaker_entity.strip().casefold() in names:
            return True
        gold_mentions = [(m[0], m[1]) for m in gold_doc.mentions.get(gold.speaker_entity, ())]
        mine = ([pred.speaker] if pred.speaker is not None else []) + list(pred.speaker_mentions)
        return any(_overlap(m, g) for m in mine for g in gold_mentions)
    if gold.speaker is not None:
        return pred.speaker is not None and _overlap(pred.speaker, gold.speaker)
    return None


# ---------------------------------------------------------------------------
# results


@attrs.frozen
class Scores:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@attrs.frozen(kw_only=True)
class Example:
    """A miss or a false alarm, for ``--errors``.

    Args:
        doc: the document id.
        spans: the quote's content spans (as labelled, not normalised).
        text: the content text (pieces joined by " … ").
        context: the content with up to 60 characters either side, the
            content in ⟦ ⟧ and line breaks shown as spaces.
        best_iou: the highest IoU with any quote on the other side.
        kind: the quote's kind.
        confidence: the predicted confidence (false alarms).
    """

    doc: str
    spans: tuple[Pair, ...]
    text: str
    context: str
    best_iou: float
    kind: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = attrs.asdict(self)
        d["spans"] = [list(s) for s in self.spans]
        d["best_iou"] = round(self.best_iou, 4)
        return d


def _context(text: str, spans: Sequence[Pair], width: int = 60) -> str:
    a, b = spans[0][0], spans[-1][1]
    lo, hi = max(0, a - width), min(len(text), b + width)
    s = ("…" if lo else "") + text[lo:a] + "⟦" + text[a:b] + "⟧" + text[b:hi] + ("…" if hi < len(text) else "")
    return " ".join(s.split())


@attrs.frozen(kw_only=True)
class Report:
    """Everything :func:`evaluate` measured.

    Args:
        spans: match name (``"exact"``, ``"iou>=0.5"``, ...) -> content-span scores.
        main: the name of the main match (the chosen threshold).
        end_to_end: scores at the main match counting only right speakers.
        recall_by_kind: gold kind -> (found, total) at the main match.
        cue: ``{"judged", "overlap", "exact"}`` counts on matched quotes.
        speaker: ``{"judged", "correct"}`` counts on matched quotes.
        documents: number of gold documents.
        gold: scored gold quotes; ``ignored``: gold quotes out of scope.
        predicted: predictions scored (after the confidence cut).
        excused: predictions matched to ignored gold.
        missing_predictions: gold documents with no prediction document.
        settings: the options used.
        misses: the worst misses (``errors`` asked for).
        false_alarms: the worst false alarms.
    """

    spans: Mapping[str, Scores]
    main: str
    end_to_end: Scores
    recall_by_kind: Mapping[str, tuple[int, int]]
    cue: Mapping[str, int]
    speaker: Mapping[str, int]
    documents: int
    gold: int
    ignored: int
    predicted: int
    excused: int
    missing_predictions: int
    settings: Mapping[str, Any]
    misses: tuple[Example, ...] = ()
    false_alarms: tuple[Example, ...] = ()

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker["correct"] / self.speaker["judged"] if self.speaker["judged"] else 0.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue["overlap"] / self.cue["judged"] if self.cue["judged"] else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every figure."""
        return {
            "settings": dict(self.settings),
            "documents": self.documents,
            "gold": self.gold,
            "ignored": self.ignored,
            "predicted": self.predicted,
            "excused": self.excused,
            "missing_predictions": self.missing_predictions,
            "main": self.main,
            "spans": {k: v.to_dict() for k, v in self.spans.items()},
            "end_to_end": self.end_to_end.to_dict(),
            "recall_by_kind": {
                k: {"found": f, "total": t, "recall": round(f / t, 4) if t else 0.0}
                for k, (f, t) in self.recall_by_kind.items()
            },
            "cue": dict(
                self.cue,
                accuracy=round(self.cue_accuracy, 4),
                exact_accuracy=round(self.cue["exact"] / self.cue["judged"], 4) if self.cue["judged"] else 0.0,
            ),
            "speaker": dict(self.speaker, accuracy=round(self.speaker_accuracy, 4)),
            "misses": [e.to_dict() for e in self.misses],
            "false_alarms": [e.to_dict() for e in self.false_alarms],
        }


# ---------------------------------------------------------------------------
# scoring


def _match_name(threshold: float) -> str:
    return "exact" if threshold >= 1.0 else f"iou>={threshold:g}"


def _in_scope(q: LabelledQuote, kind: str | None, all_attributions: bool) -> bool:
    if q.optional:
        return False
    if not all_attributions and q.cue_class is not None and q.cue_class != "speech":
        return False
    return kind is None or q.kind == kind


@attrs.define
class _Doc:
    gold_doc: LabelledDocument
    pred_doc: LabelledDocument
    scored: list[LabelledQuote]
    ignored: list[LabelledQuote]
    preds: list[LabelledQuote]
    g_norm: list[tuple[Pair, ...]]
    i_norm: list[tuple[Pair, ...]]
    p_norm: list[tuple[Pair, ...]]


def _confidence(q: LabelledQuote) -> float:
    return 1.0 if q.confidence is None else q.confidence


def _prepare(
    gold: Iterable[LabelledDocument],
    pred: Iterable[LabelledDocument],
    kind: str | None,
    all_attributions: bool,
    min_confidence: float,
    split_parts: bool = False,
) -> tuple[list[_Doc], int]:
    by_id: dict[str, LabelledDocument] = {}
    for d in pred:
        if d.id in by_id:
            raise EvaluationError(f"predictions hold document id {d.id!r} twice")
        by_id[d.id] = d
    docs, missing = [], 0
    seen: set[str] = set()
    for g in gold:
        if g.id in seen:
            raise EvaluationError(f"gold holds document id {g.id!r} twice (gold document {len(seen) + 1})")
        seen.add(g.id)
        p = by_id.get(g.id)
        if p is None:
            missing += 1
            p = LabelledDocument(id=g.id, text=g.text)
        elif p.text != g.text:
            raise EvaluationError(
                f"document {g.id!r}: the predicted text differs from the gold text "
                f"({len(p.text)} vs {len(g.text)} characters), so offsets cannot be compared"
            )
        scored = [q for q in g.quotes if _in_scope(q, kind, all_attributions)]
        ignored = [q for q in g.quotes if not _in_scope(q, kind, all_attributions)]
        preds = [q for q in p.quotes if _confidence(q) >= min_confidence]
        if split_parts:
            preds = [attrs.evolve(q, spans=[s]) for q in preds for s in q.spans]
        docs.append(
            _Doc(
                g,
                p,
                scored,
                ignored,
                preds,
                [normalise(g.text, q.spans) for q in scored],
                [normalise(g.text, q.spans) for q in ignored],
                [normalise(g.text, q.spans) for q in preds],
            )
        )
    return docs, missing


def _score_doc(d: _Doc, threshold: float, kind: str | None) -> tuple[Scores, dict[int, tuple[int, float]], set[int]]:
    m = match(d.g_norm, d.p_norm, threshold)
    left = [i for i in range(len(d.preds)) if i not in m]
    m2 = match(d.i_norm, [d.p_norm[i] for i in left], threshold)
    excused = {left[i] for i in m2}
    fp = sum(1 for i in left if i not in excused and (kind is None or d.preds[i].kind == kind))
    return Scores(tp=len(m), fp=fp, fn=len(d.scored) - len(m)), m, excused


def evaluate(
    gold: Iterable[LabelledDocument],
    pred: Iterable[LabelledDocument],
    *,
    iou: float = DEFAULT_IOU,
    kind: str | None = None,
    all_attributions: bool = False,
    min_confidence: float = 0.0,
    errors: int = 0,
    split_parts: bool = False,
) -> Report:
    """Score predictions against gold (see the module docstring for the rules).

    Args:
        gold: the gold documents.
        pred: the predicted documents, paired with gold by id; a gold
            document without predictions counts as having none.
        iou: the main overlap threshold, in ``(0, 1]``.
        kind: score only gold quotes of this kind (``"direct"``,
            ``"indirect"``, ``"mixed"``).
        all_attributions: also score gold whose ``cue_class`` is not speech.
        min_confidence: drop predictions below this confidence.
        errors: keep this many worst misses and false alarms.
        split_parts: score each piece of a multi-part prediction
            (``"A," he said, "B."``) as a quote of its own, for gold that
            annotates every quoted stretch separately (LitBank).

    Raises:
        EvaluationError: for a threshold outside ``(0, 1]``, an unknown kind,
            a repeated document id, or a prediction whose text differs from
            its gold text.
    """
    if not 0.0 < iou <= 1.0:
        raise EvaluationError(f"'iou' must be in (0, 1] (got {iou!r})")
    if kind not in (None, "direct", "indirect", "mixed"):
        raise EvaluationError(f"'kind' must be direct, indirect or mixed (got {kind!r})")
    docs, missing = _prepare(gold, pred, kind, all_attributions, min_confidence, split_parts)
    thresholds = [1.0, *REPORTED_IOUS]
    if iou not in thresholds:
        thresholds.append(iou)
    spans = {}
    for t in thresholds:
        total = Scores()
        for d in docs:
            total = total + _score_doc(d, t, kind)[0]
        spans[_match_name(t)] = total
    main = _match_name(iou)
    e2e_tp = 0
    by_kind: dict[str, list[int]] = {}
    cue = {"judged": 0, "overlap": 0, "exact": 0}
    speaker = {"judged": 0, "correct": 0}
    excused_n = 0
    misses: list[tuple[Any, Example]] = []
    alarms: list[tuple[Any, Example]] = []
    for d in docs:
        _, m, excused = _score_doc(d, iou, kind)
        excused_n += len(excused)
        matched_gold = {gi: pi for pi, (gi, _) in m.items()}
        for gi, g in enumerate(d.scored):
            k = g.kind or "unknown"
            by_kind.setdefault(k, [0, 0])[1] += 1
            pi = matched_gold.get(gi)
            if pi is None:
                if errors:
                    best = max((_iou_or0(d.g_norm[gi], p) for p in d.p_norm), default=0.0)
                    ex = _example(d.gold_doc, g, best)
                    misses.append(((best, -_length(g.spans), d.gold_doc.id, g.spans), ex))
                continue
            by_kind[k][0] += 1
            p = d.preds[pi]
            if g.cue is not None:
                cue["judged"] += 1
                cue["overlap"] += p.cue is not None and _overlap(p.cue, g.cue)
                cue["exact"] += p.cue == g.cue
            ok = speaker_correct(d.gold_doc, g, d.pred_doc, p)
            if ok is not None:
                speaker["judged"] += 1
                speaker["correct"] += ok
            e2e_tp += ok is not False
        if errors:
            for pi, p in enumerate(d.preds):
                if pi in m or pi in excused or (kind is not None and p.kind != kind):
                    continue
                best = max((_iou_or0(d.p_norm[pi], g) for g in d.g_norm + d.i_norm), default=0.0)
                ex = _example(d.gold_doc, p, best)
                alarms.append(((-_confidence(p), best, d.gold_doc.id, p.spans), ex))
    s = spans[main]
    return Report(
        spans=spans,
        main=main,
        end_to_end=Scores(tp=e2e_tp, fp=s.fp + (s.tp - e2e_tp), fn=s.fn + (s.tp - e2e_tp)),
        recall_by_kind={k: (v[0], v[1]) for k, v in sorted(by_kind.items())},
        cue=cue,
        speaker=speaker,
        documents=len(docs),
        gold=sum(len(d.scored) for d in docs),
        ignored=sum(len(d.ignored) for d in docs),
        predicted=sum(len(d.preds) for d in docs),
        excused=excused_n,
        missing_predictions=missing,
        settings={
            "iou": iou,
            "kind": kind,
            "all_attributions": all_attributions,
            "min_confidence": min_confidence,
            "split_parts": split_parts,
            "gold_has_cue_class": any(q.cue_class is not None for d in docs for q in d.gold_doc.quotes),
        },
        misses=tuple(e for _, e in sorted(misses, key=lambda x: x[0])[:errors]),
        false_alarms=tuple(e for _, e in sorted(alarms, key=lambda x: x[0])[:errors]),
    )


def _iou_or0(x: Sequence[Pair], y: Sequence[Pair]) -> float:
    return iou(x, y) if x and y else 0.0


def _example(doc: LabelledDocument, q: LabelledQuote, best: float) -> Example:
    return Example(
        doc=doc.id,
        spans=q.spans,
        text=" … ".join(doc.text[a:b] for a, b in q.spans),
        context=_context(doc.text, q.spans),
        best_iou=best,
        kind=q.kind,
        confidence=q.confidence,
    )


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


def format_by_rule(table: dict[str, tuple[int, int, int]]) -> str:
    """The :func:`by_rule` table as Markdown (rule, predictions, matched, unmatched, excused, precision)."""
    lines = ["| rule | predictions | matched | unmatched | excused | precision |", "|---|---:|---:|---:|---:|---:|"]
    for rule, (tp, fp, ex) in table.items():
        prec = tp / (tp + fp) if tp + fp else 0.0
        lines.append(f"| `{rule}` | {tp + fp + ex} | {tp} | {fp} | {ex} | {prec:.3f} |")
    return "\n".join(lines)


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
    try:
        v = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--iou must be a number in (0, 1] (got {value!r})") from None
    if not 0.0 < v <= 1.0:
        raise argparse.ArgumentTypeError(f"--iou must be in (0, 1] (got {value})")
    return v


def _nonneg_int(value: str) -> int:
    try:
        v = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0 (got {value!r})") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0 (got {v})")
    return v


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
        report = evaluate(
            gold,
            pred,
            iou=args.iou,
            kind=args.kind,
            all_attributions=args.all_attributions,
            min_confidence=args.min_confidence,
            errors=args.errors,
            split_parts=args.split_parts,
        )
        if args.pr_curve:
            points = pr_curve(
                gold,
                pred,
                iou=args.iou,
                kind=args.kind,
                all_attributions=args.all_attributions,
                split_parts=args.split_parts,
            )
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
