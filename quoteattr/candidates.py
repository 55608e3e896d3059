"""Quote candidates: what a rule proposes before speakers are resolved.

Rules (surface rules in :mod:`quoteattr.rules`, dependency rules in
:mod:`quoteattr.syntax`) return :class:`Candidate` objects with plain
``(start, end)`` pairs. :mod:`quoteattr.pipeline` merges them, computes each
one's kind from the quoted regions, resolves speakers through
:mod:`quoteattr.coref`, and builds the frozen :class:`quoteattr.Quote`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from .marks import QuoteRegion
from .model import CueClass, QuoteKind
from .registry import Rule, Stage, declare

__all__ = ["Candidate", "kind_of", "trim"]

Pair = tuple[int, int]


@attrs.define(weakref_slot=False)
class Candidate:
    """A proposed quote.

    Args:
        parts: content pieces, quote marks excluded, in text order.
        rule: the rule that proposed it (a :class:`quoteattr.registry.Rule`;
            any ``str`` is accepted, and the quote keeps ``str(rule)``).
        confidence: the rule's confidence in ``[0, 1]``.
        cue: the cue span, if any.
        cue_class: speech or thought, from the cue lexicon.
        speaker: the speaker mention span, if any.
        follow_on_of: for a quote with no cue of its own that continues an
            earlier speaker's run, the index of that earlier candidate.
        kind: forced kind, or ``None`` to compute it from the quote marks.
    """

    parts: list[Pair]
    rule: str
    confidence: float
    cue: Pair | None = None
    cue_class: CueClass | None = None
    speaker: Pair | None = None
    follow_on_of: int | None = None
    kind: QuoteKind | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


# Characters trimmed from content ends: spaces and the quote marks around a
# wholly quoted clause are not part of the content.
_TRIM_CHARS = " \t\r\n\u00a0"


def trim(text: str, a: int, b: int, chars: str = _TRIM_CHARS) -> Pair:
    """``(a, b)`` with *chars* removed from both ends."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


_ALNUM_RUN_RE = regex.compile(r"[\p{L}\p{N}]+")


def _alnum(text: str, a: int, b: int) -> int:
    """The number of letters and digits in ``text[a:b]``."""
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    return sum(map(len, _ALNUM_RUN_RE.findall(text, a, b, concurrent=False))) if a < b else 0


declare(Rule.KIND_BY_MARKS, Stage.SETTLE, example='he hoped to show some "political wisdom" is mixed',
        summary="letters and digits of the content inside quote marks: all -> direct, some -> mixed, none -> indirect")


def kind_of(
    text: str, parts: list[Pair], regions: Sequence[QuoteRegion], starts: Sequence[int] | None = None
) -> QuoteKind:
    """Direct, mixed or indirect, by how much of the content is quoted.

    Rule ``kind-by-marks``: count the letters and digits of the content that
    lie inside quoted regions: all -> direct, some -> mixed, none -> indirect.
    Example: ``he hoped to show some "political wisdom"`` is mixed.

    Pass *starts* (the opening offsets of *regions*) when *regions* already
    holds only the outermost regions, to skip recomputing them per call.
    """
    outer = [r for r in regions if r.depth == 0] if starts is None else regions
    if starts is None:
        starts = [r.outer[0] for r in outer]
    quoted = 0
    outside = []  # parts that quotes do not wholly cover, with their quoted count
    for a, b in parts:
        in_part = covered = 0
        # outermost regions do not overlap: start from the last one opening before a
        i = max(0, bisect.bisect_right(starts, a) - 1)
        while i < len(outer) and outer[i].outer[0] < b:
            rparts = outer[i].parts
            # a region continued over many paragraphs has many parts: start
            # at the last one beginning at or before a (parts are in order)
            j = max(0, bisect.bisect_right(rparts, (a, len(text) + 1)) - 1)
            while j < len(rparts) and rparts[j][0] < b:
                lo, hi = max(a, rparts[j][0]), min(b, rparts[j][1])
                if lo < hi:
                    in_part += _alnum(text, lo, hi)
                    covered += hi - lo
                j += 1
            i += 1
        quoted += in_part
        if covered < b - a:
            outside.append((a, b, in_part))
    if quoted == 0:
        return QuoteKind.INDIRECT
    # (letters outside quotes are counted only when some are inside them, and
    # only in parts the quotes do not wholly cover)
    total = quoted + sum(_alnum(text, a, b) - in_part for a, b, in_part in outside)
    return QuoteKind.DIRECT if quoted >= total else QuoteKind.MIXED
