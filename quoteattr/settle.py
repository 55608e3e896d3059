"""Settling overlapping candidates, shared by both engines (rule
``no-nested-attribution``, and ``dep-surface-fallback`` for the syntax engine).

Candidates are taken by confidence, then length, then position (the
syntax engine: confidence, then position; see :func:`merge_fallback`); one that
overlaps a kept candidate, or whose cue lies inside a kept content, is
dropped: 'Peskov said he hoped ...' keeps the said-quote, not the
hoped-quote inside it. Kept contents never overlap (their spans from first
to last part, holes included), so every lookup is a bisection: settling is
O(n log n) in the number of candidates. Rule ``hole-attribution`` then
adds the dropped candidates that lie, cue included, between two parts of a
kept one (they overlap none of its parts).

Example:
    >>> from quoteattr.candidates import Candidate
    >>> said = Candidate(parts=[(12, 40)], rule="r", confidence=0.9, cue=(7, 11))
    >>> hoped = Candidate(parts=[(25, 40)], rule="r", confidence=0.9, cue=(19, 24))
    >>> settle([hoped, said]) == [said]
    True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .candidates import Candidate
from .registry import Rule, Stage, declare

__all__ = ["merge_fallback", "settle"]

Pair = tuple[int, int]

declare(
    Rule.NO_NESTED_ATTRIBUTION,
    Stage.SETTLE,
    example="Peskov said ⟦he hoped …⟧ keeps the said-quote, not a hoped-quote inside it",
    summary="of overlapping candidates the most confident (then the longest) is kept; "
    "a candidate whose cue lies in a kept content is dropped",
)
declare(
    Rule.HOLE_ATTRIBUTION,
    Stage.SETTLE,
    example='"⟦The pier was never safe,⟧" Osei said, referring to ⟦the old wall⟧. "⟦We knew it.⟧" keeps both',
    summary="a candidate that lies, with its cue, between two parts of a kept quote is kept too",
)
declare(
    Rule.OUTER_ATTRIBUTION,
    Stage.SETTLE,
    example="Ruiz said ⟦she had told Okafor that the pier would close⟧ keeps the said-quote, though told is surer",
    summary="a candidate whose content holds the cue of a kept one replaces it when it is at most "
    "OUTER_MARGIN (0.2) less confident: the reported statement is the outer one",
)
declare(
    Rule.DEP_SURFACE_FALLBACK,
    Stage.SETTLE,
    example='a quote paragraph with no cue; They call for "⟦urgent implementation⟧"',
    summary="syntax engine: wholly quoted surface-rule candidates are added where they overlap "
    "no dependency candidate; dependency candidates whose cue lies inside them are dropped",
)


def _inside_content(cue: Pair | None, k: Candidate) -> bool:
    return cue is not None and any(a <= cue[0] and cue[1] <= b for a, b in k.parts)


#: Rule ``outer-attribution``: how much less confident than the kept
#: candidates it holds an outer candidate may be and still replace them. The
#: confidences of two readings differ by their rules' base confidences and
#: speaker bonuses ("Ruiz said she had told Okafor that ..." 0.8, the
#: told-quote inside it 0.85), not by which statement was reported: PolNeAR
#: marks the outer one. polnear-train by margin, TP/FP (guard quote-then-cue
#: included; without the rule 9709/1650): 0 9708/1651, 0.1 9714/1644, 0.15
#: 9717/1641, 0.2 9720/1638, 0.25 9717/1637, 0.3 9710/1642 (issue 16).
OUTER_MARGIN = 0.2


#: guard ``quote-then-cue`` of rule ``outer-attribution``: a quote whose cue
#: follows its closing mark ('"They'll be starting," the boy half cried, half
#: shouted') keeps its own reading; an outer clause that holds the quote and
#: its cue is a misreading (the clause of "shouted").
_QUOTE_THEN_CUE = frozenset([Rule.QUOTE_SPEAKER_CUE.value, Rule.SPLIT_QUOTE.value])


def _replaceable(x: Candidate, c: Candidate, floor: float) -> bool:
    return x.confidence <= floor and x.rule not in _QUOTE_THEN_CUE and _inside_content(x.cue, c)


def _outer(c: Candidate, k: Candidate, kept: _Kept) -> bool:
    """Rule ``outer-attribution``: *c* overlaps the kept *k*; when every kept
    candidate it overlaps has its cue inside *c*'s content and is at most
    :data:`OUTER_MARGIN` more confident, they are dropped for *c* (True)."""
    floor = c.confidence + OUTER_MARGIN + 1e-9  # (inclusive: 0.6 + 0.2 is 0.8)
    if not _replaceable(k, c, floor):
        return False
    ks = kept.overlapping(c.start, c.end)
    if not all(_replaceable(x, c, floor) for x in ks):
        return False
    for x in ks:
        kept.remove(x)
    kept.add(c)
    return True


class _Kept:
    """Kept candidates sorted by start; their spans never overlap."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.cands: list[Candidate] = []

    def overlapping(self, a: int, b: int) -> list[Candidate]:
        """The kept candidates whose span shares a character with ``[a, b)``."""
        i = max(0, bisect.bisect_right(self.starts, a) - 1)
        j = bisect.bisect_left(self.starts, b)
        # (every kept start is below b here: the start of cands[j] is starts[j])
        return [k for k in self.cands[i:j] if a < k.end]

    def hit(self, a: int, b: int) -> Candidate | None:
        """A kept candidate whose span overlaps ``[a, b)`` (at most two are
        looked at: the spans are disjoint)."""
        starts, cands = self.starts, self.cands
        i = bisect.bisect_right(starts, a) - 1
        # (starts[j] is cands[j].start, kept beside it: no property read)
        for j in (i, i + 1):
            if 0 <= j < len(cands) and starts[j] < b:
                k = cands[j]
                if a < k.end:
                    return k
        return None

    def add(self, c: Candidate) -> None:
        i = bisect.bisect_left(self.starts, c.start)
        self.starts.insert(i, c.start)
        self.cands.insert(i, c)

    def remove(self, c: Candidate) -> None:
        i = bisect.bisect_left(self.starts, c.start)
        while self.cands[i] is not c:
            i += 1
        del self.starts[i], self.cands[i]

    def nested(self, c: Candidate) -> bool:
        """True when *c*'s cue lies inside another kept content."""
        cue = c.cue
        if cue is None:
            return False
        k = self.hit(cue[0], cue[1])
        return k is not None and k is not c and _inside_content(cue, k)


def _start(c: Candidate) -> int:
    return c.start


def _length(c: Candidate) -> int:
    return c.end - c.start


def _confidence(c: Candidate) -> float:
    return c.confidence


def _in_turn(cands: Iterable[Candidate], longest_first: bool) -> list[Candidate]:
    """*cands* by confidence, highest first; then, with *longest_first*, the
    longest first; then by start; equal ones in their order. One stable
    sort a key, the last key first, each with one number a candidate
    (issue 18: a tuple key a candidate, held for the whole sort, was the
    peak of a text of short quotes)."""
    order = sorted(cands, key=_start)
    if longest_first:
        order.sort(key=_length, reverse=True)  # (reverse=True keeps equal keys in order)
    order.sort(key=_confidence, reverse=True)
    return order


def _keep(
    cands: Iterable[Candidate], longest_first: bool = True, holes: _Kept | None = None, outer: bool = False
) -> _Kept:
    kept = _Kept()
    for c in _in_turn(cands, longest_first):
        cue = c.cue  # (a property: read once)
        if cue is not None:
            k = kept.hit(cue[0], cue[1])
            if k is not None and _inside_content(cue, k):
                continue
        k = kept.hit(c.start, c.end)
        if outer and k is not None and _outer(c, k, kept):
            continue
        if k is not None:
            # (the holes kept so far never overlap: a bisection, not a scan of them all)
            if holes is not None and _in_hole(c, k) and holes.hit(c.start, c.end) is None:
                holes.add(c)
            continue
        kept.add(c)
    return kept


def _in_hole(c: Candidate, k: Candidate) -> bool:
    """Rule ``hole-attribution``: *c*, with its cue, lies between two parts
    of *k* ('"⟦The pier was never safe,⟧" Osei said, referring to ⟦the old
    wall⟧. "⟦We knew it.⟧"'): PolNeAR annotates both."""
    if c.cue is None:
        return False
    a, b = min(c.start, c.cue[0]), max(c.end, c.cue[1])
    parts = k.parts
    return any(parts[i][1] <= a and b <= parts[i + 1][0] for i in range(len(parts) - 1))


def settle(cands: Iterable[Candidate]) -> list[Candidate]:
    """The candidates kept by rule ``no-nested-attribution``, in text order,
    and those of rule ``hole-attribution``."""
    holes = _Kept()
    kept = _keep(cands, holes=holes, outer=True)
    out = [c for c in kept.cands if not kept.nested(c)]
    if holes.cands:
        out.extend(holes.cands)
        out.sort(key=_start)
    return out


def merge_fallback(cands: Iterable[Candidate], extra: Iterable[Candidate]) -> list[Candidate]:
    """:func:`settle` *cands* (the syntax engine's), then add each of *extra*
    (in its order) that overlaps no kept candidate and whose cue lies in no
    kept content, dropping the kept candidates whose cue lies inside it
    (rule ``dep-surface-fallback``: '"Hoping that X translates ...," Hill
    said' drops a dependency quote read from "Hoping").

    Of dependency candidates of equal confidence the one that starts first
    is taken, not the longest: a long ccomp on a misparse runs past the
    quote it belongs to (UD EWT train: the longest-first order gave 3 of
    2,193 quotes another reading, one of them the next paragraph's speaker).
    """
    first = _keep(cands, longest_first=False)
    kept = _Kept()
    for c in first.cands:
        if not first.nested(c):
            kept.add(c)
    # the cues of the kept candidates, sorted, to find those inside an extra
    cues: list[tuple[int, int, int]] = []  # (cue start, cue end, id of the candidate)
    by_id: dict[int, Candidate] = {}
    for k in kept.cands:
        if k.cue is not None:
            bisect.insort(cues, (k.cue[0], k.cue[1], id(k)))
            by_id[id(k)] = k
    for c in extra:
        inside = set()
        for a, b in c.parts:
            i = bisect.bisect_left(cues, (a, -1, -1))
            while i < len(cues) and cues[i][0] < b:
                if cues[i][1] <= b:
                    inside.add(cues[i][2])
                i += 1
        if any(id(k) not in inside for k in kept.overlapping(c.start, c.end)):
            continue
        if c.cue is not None and any(
            id(k) not in inside and _inside_content(c.cue, k) for k in kept.overlapping(c.cue[0], c.cue[1])
        ):
            continue
        for i in inside:
            k = by_id.pop(i)
            kept.remove(k)
            assert k.cue is not None
            del cues[bisect.bisect_left(cues, (k.cue[0], k.cue[1], i))]
        kept.add(c)
        if c.cue is not None:
            bisect.insort(cues, (c.cue[0], c.cue[1], id(c)))
            by_id[id(c)] = c
    return kept.cands
