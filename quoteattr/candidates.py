"""Quote candidates: what a rule proposes before speakers are resolved.

Rules (surface rules in :mod:`quoteattr.rules`, dependency rules in
:mod:`quoteattr.syntax`) return :class:`Candidate` objects with plain
``(start, end)`` pairs. :mod:`quoteattr.pipeline` merges them, computes each
one's kind from the quoted regions, resolves speakers through
:mod:`quoteattr.coref`, and builds the frozen :class:`quoteattr.Quote`.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

import regex

from .marks import QuoteRegion
from .model import CueClass, QuoteKind
from .registry import Rule, Stage, declare
from .tables import ItemTable

__all__ = ["Candidate", "CandidateTable", "kind_of", "text_order", "trim"]

Pair = tuple[int, int]


_NONE = (-1, -1)  # (an absent cue or speaker in Candidate's offsets)
_FIELDS = ("parts", "rule", "confidence", "cue", "cue_class", "speaker", "follow_on_of", "kind")


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

    The offsets of the cue, the speaker and the parts are kept in one
    :mod:`array` (issue 18: a list of parts, three pairs and their ``int``
    objects made a candidate about 580 bytes, 17 times the input on
    ``'"Yes," he said. ' * 62500``; now about 210). :attr:`parts`,
    :attr:`cue` and :attr:`speaker` are read and set as before; each read
    makes new tuples (a read list of parts is a copy: set :attr:`parts` to
    change it).

    Example:
        >>> c = Candidate(parts=[(1, 5), (17, 21)], rule="r", confidence=0.9, cue=(10, 14))
        >>> c.parts, c.cue, c.speaker, c.start, c.end
        ([(1, 5), (17, 21)], (10, 14), None, 1, 21)
    """

    __slots__ = ("_offs", "confidence", "cue_class", "follow_on_of", "kind", "rule")
    __hash__ = None  # type: ignore[assignment]  # (mutable: compared by value, as an attrs class)

    def __init__(
        self,
        parts: Sequence[Pair],
        rule: str,
        confidence: float,
        cue: Pair | None = None,
        cue_class: CueClass | None = None,
        speaker: Pair | None = None,
        follow_on_of: int | None = None,
        kind: QuoteKind | None = None,
    ) -> None:
        # [cue start, cue end, speaker start, speaker end, part starts and ends ...]
        # (one list, then one array of its exact size: no call a part)
        vals = [*(cue or _NONE), *(speaker or _NONE)]
        for a, b in parts:
            vals += (a, b)
        self._offs = array("q", vals)
        self.rule = rule
        self.confidence = confidence
        self.cue_class = cue_class
        self.follow_on_of = follow_on_of
        self.kind = kind

    @property
    def parts(self) -> list[Pair]:
        """The content pieces (a new list on each read)."""
        o = self._offs
        return [(o[i], o[i + 1]) for i in range(4, len(o), 2)]

    @parts.setter
    def parts(self, parts: Sequence[Pair]) -> None:
        del self._offs[4:]
        for a, b in parts:
            self._offs.append(a)
            self._offs.append(b)

    @property
    def cue(self) -> Pair | None:
        o = self._offs
        return None if o[0] < 0 else (o[0], o[1])

    @cue.setter
    def cue(self, cue: Pair | None) -> None:
        self._offs[0], self._offs[1] = cue or _NONE

    @property
    def speaker(self) -> Pair | None:
        o = self._offs
        return None if o[2] < 0 else (o[2], o[3])

    @speaker.setter
    def speaker(self, speaker: Pair | None) -> None:
        self._offs[2], self._offs[3] = speaker or _NONE

    @property
    def start(self) -> int:
        return self._offs[4]

    @property
    def end(self) -> int:
        return self._offs[-1]

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.parts, self.rule, self.confidence, self.cue, self.cue_class, self.speaker, self.follow_on_of, self.kind
        )

    def evolve(self, **changes: Any) -> Candidate:
        """A copy with *changes* (keyword arguments of the constructor)."""
        kw = dict(zip(_FIELDS, self._fields(), strict=True))
        kw.update(changes)
        return Candidate(**kw)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Candidate:
            return NotImplemented
        return self._fields() == other._fields()

    def __repr__(self) -> str:
        return "Candidate(" + ", ".join(f"{k}={v!r}" for k, v in zip(_FIELDS, self._fields(), strict=True)) + ")"

    def __getstate__(self) -> tuple[Any, ...]:
        return (self._offs, self.rule, self.confidence, self.cue_class, self.follow_on_of, self.kind)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self._offs, self.rule, self.confidence, self.cue_class, self.follow_on_of, self.kind = state


class CandidateTable(ItemTable[Candidate], Sequence[Candidate]):
    """Settled candidates in :mod:`array` columns, read as candidates.

    Speaker resolution reads the settled candidates by index, many times,
    and changes none of them: the pipeline hands them over in this form
    (issue 18: about 90 bytes a candidate of two parts instead of 270; on
    ``'"Yes," he said. ' * 62500`` the candidates were 8.5 times the input
    while the speakers were resolved). Each read makes a new, equal
    :class:`Candidate`; changing it changes nothing in the table.

    Example:
        >>> t = CandidateTable([Candidate(parts=[(1, 5)], rule="r", confidence=0.9, cue=(7, 11))])
        >>> len(t), t[0].parts, t[0].cue, t[0] == Candidate(parts=[(1, 5)], rule="r", confidence=0.9, cue=(7, 11))
        (1, [(1, 5)], (7, 11), True)
    """

    __slots__ = ("_at", "_conf", "_cue_class", "_follow", "_kind", "_offs", "_rule", "_rule_index", "_rules")

    def __init__(self, cands: Iterable[Candidate] = ()) -> None:
        # (32-bit columns while every value fits, as offsets into any text
        # under 2 GB do: 64-bit ones were 2 of the 20 times the input that a
        # text of short quotes peaked at; issue 18)
        self._offs = array("i")  # each candidate's offsets, as Candidate keeps them, one after another
        self._at = array("i", [0])  # where each candidate's offsets begin in _offs
        self._conf = array("d")
        self._follow = array("i")  # follow_on_of, -1 for None
        self._rule = array("H")
        self._cue_class = array("B")  # 0 for None, else 1 + the index in CueClass
        self._kind = array("B")  # 0 for None, else 1 + the index in QuoteKind
        self._rules: list[Any] = []  # each distinct rule once
        self._rule_index: dict[Any, int] = {}
        for c in cands:
            self.append(c)

    def append(self, c: Candidate) -> None:
        """Add *c* at the end (its values as they are now)."""
        offs, follow = c._offs, -1 if c.follow_on_of is None else c.follow_on_of
        if self._offs.typecode != offs.typecode:
            if max(offs, default=0) > _INT32_MAX or follow > _INT32_MAX or len(self._offs) + len(offs) > _INT32_MAX:
                self._offs, self._at, self._follow = (array("q", col) for col in (self._offs, self._at, self._follow))
                self._offs.extend(offs)
            else:
                self._offs.fromlist(offs.tolist())
        else:
            self._offs.extend(offs)
        self._at.append(len(self._offs))
        self._conf.append(c.confidence)
        self._follow.append(follow)
        r = self._rule_index.get(c.rule)
        if r is None:
            r = self._rule_index[c.rule] = len(self._rules)
            self._rules.append(c.rule)
        self._rule.append(r)
        self._cue_class.append(0 if c.cue_class is None else 1 + _CUE_CLASSES.index(c.cue_class))
        self._kind.append(0 if c.kind is None else 1 + _KINDS.index(c.kind))

    @property
    def confidences(self) -> array[float]:
        """The candidates' confidences, in order (do not modify)."""
        return self._conf

    def __len__(self) -> int:
        return len(self._conf)

    def _item(self, i: int) -> Candidate:
        c: Candidate = object.__new__(Candidate)
        c._offs = self._offs[self._at[i] : self._at[i + 1]]
        c.rule = self._rules[self._rule[i]]
        c.confidence = self._conf[i]
        cc, k, f = self._cue_class[i], self._kind[i], self._follow[i]
        c.cue_class = None if cc == 0 else _CUE_CLASSES[cc - 1]
        c.kind = None if k == 0 else _KINDS[k - 1]
        c.follow_on_of = None if f < 0 else f
        return c



_CUE_CLASSES = tuple(CueClass)
_INT32_MAX = 2**31 - 1
_KINDS = tuple(QuoteKind)


# Characters trimmed from content ends: spaces and the quote marks around a
# wholly quoted clause are not part of the content.
_TRIM_CHARS = " \t\r\n\u00a0"


def text_order(candidates: Sequence[Candidate]) -> Sequence[int]:
    """The indices of *candidates* by start (a stable sort): a ``range`` when
    they are in text order already, as the engine hands them over (a sorted
    list of every index was 1.2 times the size of a text of short quotes;
    issue 18)."""
    last = -1
    for c in candidates:
        if c.start < last:
            return sorted(range(len(candidates)), key=lambda i: candidates[i].start)
        last = c.start
    return range(len(candidates))


def trim(text: str, a: int, b: int, chars: str = _TRIM_CHARS) -> Pair:
    """``(a, b)`` with *chars* removed from both ends."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


_ALNUM_RUN_RE = regex.compile(r"[\p{L}\p{N}]+")


# The ASCII letters and digits: all that \p{L} and \p{N} hold below 128.
_ASCII_ALNUM = bytes(c for c in range(128) if _ALNUM_RUN_RE.fullmatch(chr(c)))


def _alnum(text: str, a: int, b: int) -> int:
    """The number of letters and digits in ``text[a:b]``."""
    if a >= b:
        return 0
    seg = text[a:b]
    if seg.isascii():
        # (most windows are ASCII: their letters and digits are deleted
        # from the bytes in one C call, where the regex made a match a word)
        return len(seg) - len(seg.encode("ascii").translate(None, _ASCII_ALNUM))
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    return sum(map(len, _ALNUM_RUN_RE.findall(text, a, b, concurrent=False)))


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
    n_outer, past = len(outer), len(text) + 1
    for a, b in parts:
        in_part = covered = 0
        # outermost regions do not overlap: start from the last one opening before a
        i = max(0, bisect.bisect_right(starts, a) - 1)
        # (starts[i] is outer[i].outer[0]: no region object is made for the test)
        while i < n_outer and starts[i] < b:
            rparts = outer[i].parts
            # a region continued over many paragraphs has many parts: start
            # at the last one beginning at or before a (parts are in order)
            j = max(0, bisect.bisect_right(rparts, (a, past)) - 1)
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
