"""Character-level quote comparison: normalisation, overlap, matching, speakers.

The building blocks of :mod:`quoteattr.scoring` (steps 2-4 of its rules):
:func:`normalise` (rule ``normalise-content``), the character :func:`iou`,
the greedy one-to-one :func:`match`, and :func:`speaker_correct`.

Example:
    >>> text = 'Lavrov said that "it is robbery."'
    >>> normalise(text, [(12, 33)])
    ((18, 31),)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .corpora import LabelledDocument, LabelledQuote

__all__ = ["QUOTE_MARKS", "iou", "match", "normalise", "speaker_correct"]

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
