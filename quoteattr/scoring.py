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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .corpora import LabelledDocument, LabelledQuote
from .errors import EvaluationError
from .matching import Pair, _length, _overlap, iou, match, normalise, speaker_correct

__all__ = [
    "DEFAULT_IOU",
    "REPORTED_IOUS",
    "Example",
    "Report",
    "Scores",
    "evaluate",
    "iou",
    "match",
    "normalise",
    "speaker_correct",
]

#: The default overlap threshold.
DEFAULT_IOU = 0.5
#: Thresholds always reported besides exact match (as the GenderGapTracker does).
REPORTED_IOUS = (0.3, 0.5, 0.8)


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
    _check_settings(iou, kind)
    docs, missing = _prepare(gold, pred, kind, all_attributions, min_confidence, split_parts)
    spans = _span_scores(docs, iou, kind)
    tally = _Tally()
    for d in docs:
        _, m, excused = _score_doc(d, iou, kind)
        tally.excused += len(excused)
        _tally_gold(tally, d, m, errors)
        if errors:
            _tally_false_alarms(tally, d, m, excused, kind)
    settings = {
        "iou": iou,
        "kind": kind,
        "all_attributions": all_attributions,
        "min_confidence": min_confidence,
        "split_parts": split_parts,
        "gold_has_cue_class": any(q.cue_class is not None for d in docs for q in d.gold_doc.quotes),
    }
    return _build_report(docs, spans, _match_name(iou), tally, missing, settings, errors)


def _check_settings(iou: float, kind: str | None) -> None:
    """Reject a threshold outside ``(0, 1]`` or an unknown kind."""
    if not 0.0 < iou <= 1.0:
        raise EvaluationError(f"'iou' must be in (0, 1] (got {iou!r})")
    if kind not in (None, "direct", "indirect", "mixed"):
        raise EvaluationError(f"'kind' must be direct, indirect or mixed (got {kind!r})")


def _span_scores(docs: Sequence[_Doc], iou: float, kind: str | None) -> dict[str, Scores]:
    """Span P/R/F1 summed over *docs*: exact, each of :data:`REPORTED_IOUS`, and *iou*."""
    thresholds = [1.0, *REPORTED_IOUS]
    if iou not in thresholds:
        thresholds.append(iou)
    spans = {}
    for t in thresholds:
        total = Scores()
        for d in docs:
            total = total + _score_doc(d, t, kind)[0]
        spans[_match_name(t)] = total
    return spans


@attrs.define
class _Tally:
    """Counts gathered over the matches at the main threshold."""

    e2e_tp: int = 0
    by_kind: dict[str, list[int]] = attrs.Factory(dict)
    cue: dict[str, int] = attrs.Factory(lambda: {"judged": 0, "overlap": 0, "exact": 0})
    speaker: dict[str, int] = attrs.Factory(lambda: {"judged": 0, "correct": 0})
    excused: int = 0
    misses: list[tuple[Any, Example]] = attrs.Factory(list)
    alarms: list[tuple[Any, Example]] = attrs.Factory(list)


def _tally_gold(tally: _Tally, d: _Doc, m: dict[int, tuple[int, float]], errors: int) -> None:
    """Count recall by kind, cue and speaker accuracy and end-to-end hits for the scored gold of *d*."""
    matched_gold = {gi: pi for pi, (gi, _) in m.items()}
    for gi, g in enumerate(d.scored):
        k = g.kind or "unknown"
        tally.by_kind.setdefault(k, [0, 0])[1] += 1
        pi = matched_gold.get(gi)
        if pi is None:
            if errors:
                best = max((_iou_or0(d.g_norm[gi], p) for p in d.p_norm), default=0.0)
                ex = _example(d.gold_doc, g, best)
                tally.misses.append(((best, -_length(g.spans), d.gold_doc.id, g.spans), ex))
            continue
        tally.by_kind[k][0] += 1
        p = d.preds[pi]
        if g.cue is not None:
            tally.cue["judged"] += 1
            tally.cue["overlap"] += p.cue is not None and _overlap(p.cue, g.cue)
            tally.cue["exact"] += p.cue == g.cue
        ok = speaker_correct(d.gold_doc, g, d.pred_doc, p)
        if ok is not None:
            tally.speaker["judged"] += 1
            tally.speaker["correct"] += ok
        tally.e2e_tp += ok is not False


def _tally_false_alarms(
    tally: _Tally, d: _Doc, m: dict[int, tuple[int, float]], excused: set[int], kind: str | None
) -> None:
    """Keep each unmatched, unexcused prediction of *d* (of *kind*) as a false-alarm example."""
    for pi, p in enumerate(d.preds):
        if pi in m or pi in excused or (kind is not None and p.kind != kind):
            continue
        best = max((_iou_or0(d.p_norm[pi], g) for g in d.g_norm + d.i_norm), default=0.0)
        ex = _example(d.gold_doc, p, best)
        tally.alarms.append(((-_confidence(p), best, d.gold_doc.id, p.spans), ex))


def _build_report(
    docs: Sequence[_Doc],
    spans: dict[str, Scores],
    main: str,
    tally: _Tally,
    missing: int,
    settings: dict[str, Any],
    errors: int,
) -> Report:
    """Assemble the :class:`Report` from the span scores and the tally."""
    s = spans[main]
    e2e_tp = tally.e2e_tp
    return Report(
        spans=spans,
        main=main,
        end_to_end=Scores(tp=e2e_tp, fp=s.fp + (s.tp - e2e_tp), fn=s.fn + (s.tp - e2e_tp)),
        recall_by_kind={k: (v[0], v[1]) for k, v in sorted(tally.by_kind.items())},
        cue=tally.cue,
        speaker=tally.speaker,
        documents=len(docs),
        gold=sum(len(d.scored) for d in docs),
        ignored=sum(len(d.ignored) for d in docs),
        predicted=sum(len(d.preds) for d in docs),
        excused=tally.excused,
        missing_predictions=missing,
        settings=settings,
        misses=tuple(e for _, e in sorted(tally.misses, key=lambda x: x[0])[:errors]),
        false_alarms=tuple(e for _, e in sorted(tally.alarms, key=lambda x: x[0])[:errors]),
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
