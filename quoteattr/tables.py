"""Compact, read-only sequences behind :attr:`Result.quotes` and :attr:`Speaker.mentions`.

A long document holds tens of thousands of quotes and mentions. Held as
Python objects, each quote costs about a kilobyte (the quote, its spans,
their offsets and texts, its speaker reference): 33 times the input on
``'"Yes," he said. ' * 62500`` (issue 18). The engine therefore hands its
result over as two tables that keep only numbers in :mod:`array` columns and
make each :class:`~quoteattr.model.Quote` or :class:`~quoteattr.spans.Span`
when it is read:

- :class:`PairTable`: the sentence and paragraph spans of an
  :class:`~quoteattr.annotations.Annotation` (two ints a span);
- :class:`SpanTable`: the mentions of a speaker (two ints a mention);
- :class:`QuoteTable`: the quotes of a result (about a hundred bytes a quote).

Both are immutable :class:`collections.abc.Sequence` s that behave like the
tuples they stand for: ``len``, indexing, iteration, ``in``, slicing (which
gives a plain ``tuple``), ``+`` with a tuple, ``==`` and ``hash`` equal to
those of the tuple of their items, pickling. What differs: each read makes a
new, equal object (``r.quotes[0] == r.quotes[0]`` but not ``is``). Code that
builds a :class:`~quoteattr.model.Result` by hand passes tuples or lists as
before; see docs/data-model.md.

Example:
    >>> t = SpanTable("Peskov said no.", [(0, 6), (12, 14)])
    >>> t[1]
    Span(start=12, end=14, text='no')
    >>> t == (t[0], t[1]), len(t)
    (True, 2)
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Iterable, Iterator, Sequence, Sized
from typing import Any, Generic, TypeVar, overload

from .errors import InvalidSpanError
from .spans import Span, span_with_text

#: The record classes and enum orders of :mod:`quoteattr.model`, which
#: imports this module and hands them over when it is loaded (:func:`bind`):
#: this module is below model and imports nothing of it, not even for types
#: (tests/unit/test_imports.py), so a table is generic in its item type.
_MODEL: dict[str, Any] = {}


def bind(**model: Any) -> None:
    """Called by :mod:`quoteattr.model` once loaded: ``Quote``, ``SpeakerRef``
    and the member orders ``kinds``, ``cue_classes``, ``resolutions`` (the
    codes a table stores)."""
    _MODEL.update(model)


__all__ = ["ItemTable", "PairTable", "QuoteRow", "QuoteTable", "SpanTable"]

_set = object.__setattr__


_T = TypeVar("_T")


def _index(table: Sized, i: Any) -> int:
    """*i* as an index into *table*, from the end when negative (a
    ``TypeError`` for a ``str``, as a tuple gives; ``IndexError`` out of range)."""
    n = len(table)
    k: int = operator.index(i)
    if k < 0:
        k += n
    if not 0 <= k < n:
        raise IndexError(f"{type(table).__name__} index out of range")
    return k


class _TupleLike(Generic[_T]):
    """``==``, ``hash``, ``+`` and ``repr`` of a read-only sequence as those
    of the tuple of its items, so that a table and the tuple it stands for
    (a result rebuilt by :meth:`~quoteattr.model.Result.from_dict`) compare
    equal and hash alike."""

    __slots__ = ()

    def __len__(self) -> int:
        raise NotImplementedError

    def __iter__(self) -> Iterator[_T]:
        raise NotImplementedError

    def _item(self, i: int) -> _T:
        """Item *i*, ``0 <= i < len(self)``."""
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> _T: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[_T, ...]: ...
    def __getitem__(self, i: int | slice) -> _T | tuple[_T, ...]:
        """Item *i* (from the end when negative) or a slice, as a ``tuple``."""
        if isinstance(i, slice):
            return tuple(self._item(k) for k in range(*i.indices(len(self))))
        return self._item(_index(self, i))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, _TupleLike)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, (tuple, _TupleLike)):
            return (*self, *other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, tuple):
            return (*other, *self)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(tuple(self))


class ItemTable(Generic[_T]):
    """Read-only access to a table whose item *i* is made by ``_item(i)``:
    ``len``, indexing (negative too), iteration, and a slice as a ``list``
    (the engine's working tables: :class:`~quoteattr.index.CueTable`,
    :class:`~quoteattr.marks.RegionTable`,
    :class:`~quoteattr.candidates.CandidateTable`)."""

    __slots__ = ()

    def __len__(self) -> int:
        raise NotImplementedError

    def _item(self, i: int) -> _T:
        """Item *i*, ``0 <= i < len(self)``."""
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> _T: ...
    @overload
    def __getitem__(self, i: slice) -> list[_T]: ...
    def __getitem__(self, i: int | slice) -> _T | list[_T]:
        """Item *i*, or a list of the items of a slice."""
        if isinstance(i, slice):
            return [self._item(k) for k in range(*i.indices(len(self)))]
        return self._item(_index(self, i))

    def __iter__(self) -> Iterator[_T]:
        for i in range(len(self)):
            yield self._item(i)


def _check_bounds(source: str, bounds: array[int], what: str) -> None:
    """Every ``(start, end)`` pair of *bounds* lies within *source*, ``start <= end``."""
    n = len(source)
    for i in range(0, len(bounds), 2):
        a, b = bounds[i], bounds[i + 1]
        if not 0 <= a <= b <= n:
            raise InvalidSpanError(f"{what} [{a}, {b}) must lie within a text of {n} characters")


class PairTable(_TupleLike[tuple[int, int]], Sequence[tuple[int, int]]):
    """``(start, end)`` pairs in two :mod:`array` columns, read as tuples.

    The sentences of a long text are many: as a tuple of tuples each cost
    about 120 bytes (the pair and its two ``int`` s), 7.5 times the input
    on ``'"Yes," he said. ' * 62500`` (issue 18); here 16.

    Args:
        pairs: ``(start, end)`` pairs (each value converted with ``int``;
            checked against a text by the caller).

    Example:
        >>> t = PairTable([(0, 4), (5, 9)])
        >>> t[1], list(t.starts), t == ((0, 4), (5, 9))
        ((5, 9), [0, 5], True)
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        starts, ends = array("q"), array("q")
        for a, b in pairs:
            starts.append(int(a))
            ends.append(int(b))
        self._starts, self._ends = starts, ends

    @classmethod
    def of_arrays(cls, starts: array[int], ends: array[int]) -> PairTable:
        """A table over *starts* and *ends* (arrays of equal length, taken over, not copied)."""
        if len(starts) != len(ends):
            raise ValueError("starts and ends differ in length")
        t = cls()
        t._starts, t._ends = starts, ends
        return t

    @property
    def starts(self) -> array[int]:
        """The starts, in order (do not modify)."""
        return self._starts

    @property
    def ends(self) -> array[int]:
        """The ends, in order (do not modify)."""
        return self._ends

    def __len__(self) -> int:
        return len(self._starts)

    def _item(self, i: int) -> tuple[int, int]:
        return self._starts[i], self._ends[i]

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[tuple[int, int], ...]: ...
    def __getitem__(self, i: int | slice) -> tuple[int, int] | tuple[tuple[int, int], ...]:
        """Pair *i* (from the end when negative) or a slice, as a ``tuple``."""
        if isinstance(i, slice):
            return tuple(zip(self._starts[i], self._ends[i], strict=True))
        try:
            return self._starts[i], self._ends[i]  # (the arrays check the index)
        except IndexError:
            raise IndexError("PairTable index out of range") from None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._starts, self._ends, strict=True)

    def __getstate__(self) -> tuple[array[int], array[int]]:
        return self._starts, self._ends

    def __setstate__(self, state: tuple[array[int], array[int]]) -> None:
        self._starts, self._ends = state


class SpanTable(_TupleLike[Span], Sequence[Span]):
    """The spans ``[start, end)`` of one source text, as two ints each.

    Args:
        source: the text the spans index.
        pairs: ``(start, end)`` offsets, each within *source*.

    Raises:
        InvalidSpanError: when a pair does not lie within *source*.
    """

    __slots__ = ("_bounds", "_source")

    def __init__(self, source: str, pairs: Iterable[tuple[int, int]]) -> None:
        bounds = array("q")
        for a, b in pairs:
            bounds.append(a)
            bounds.append(b)
        _check_bounds(source, bounds, "span")
        self._source = source
        self._bounds = bounds

    @property
    def source(self) -> str:
        """The text the spans index."""
        return self._source

    def __len__(self) -> int:
        return len(self._bounds) // 2

    def _item(self, i: int) -> Span:
        a, b = self._bounds[2 * i], self._bounds[2 * i + 1]
        return span_with_text(a, b, self._source[a:b])

    def __iter__(self) -> Iterator[Span]:
        src, bounds = self._source, self._bounds
        for i in range(0, len(bounds), 2):
            a, b = bounds[i], bounds[i + 1]
            yield span_with_text(a, b, src[a:b])

    def pairs(self) -> Iterator[tuple[int, int]]:
        """The ``(start, end)`` offsets, without making spans."""
        bounds = self._bounds
        for i in range(0, len(bounds), 2):
            yield bounds[i], bounds[i + 1]

    def __getstate__(self) -> tuple[str, array[int]]:
        return self._source, self._bounds

    def __setstate__(self, state: tuple[str, array[int]]) -> None:
        self._source, self._bounds = state


#: One quote as the engine hands it to :meth:`QuoteTable.append`: kind, the
#: parts' offsets, the cue's offsets (or ``None``), cue class (or ``None``),
#: the speaker (mention offsets, index of the entity among the result's
#: speakers, resolution, confidence; or ``None``), confidence, rule name.
#: (kind is a ``QuoteKind``, cue class a ``CueClass``, resolution a ``Resolution``.)
QuoteRow = tuple[
    Any,
    Sequence[tuple[int, int]],
    tuple[int, int] | None,
    Any,
    tuple[int, int, int, Any, float] | None,
    float,
    str,
]

_Q = TypeVar("_Q")


class QuoteTable(_TupleLike[_Q], Sequence[_Q]):
    """The quotes of one result, in columns; each read makes a :class:`~quoteattr.model.Quote`.

    Built by the engine (:meth:`append`, then :meth:`freeze`); its speakers
    are the result's, each quote's speaker entity one of them.

    Args:
        source: the document text.
        speakers: the result's speakers; an entity index points into it.
    """

    __slots__ = (
        "_conf",
        "_cue",
        "_ent",
        "_flags",
        "_frozen",
        "_parts",
        "_parts_at",
        "_rule",
        "_rule_index",
        "_rules",
        "_source",
        "_speakers",
        "_spk",
        "_spk_conf",
    )

    def __init__(self, source: str, speakers: Sequence[Any]) -> None:
        self._source = source
        self._speakers = tuple(speakers)
        self._parts = array("q")  # (start, end) of every part, quote after quote
        self._parts_at = array("q", [0])  # where each quote's parts begin in _parts (pairs)
        self._cue = array("q")  # (start, end), (-1, -1) when none
        self._spk = array("q")  # the speaker mention's (start, end), (-1, -1) when none
        self._ent = array("l")  # entity index, -1 when none
        self._flags = array("B")  # kind | cue class << 2 | resolution << 4
        self._spk_conf = array("d")
        self._conf = array("d")
        self._rule = array("H")
        self._rules: list[str] = []  # (each distinct rule name once; _rule holds indices into it)
        self._rule_index: dict[str, int] = {}
        self._frozen = False

    def append(self, row: QuoteRow) -> None:
        """Add one quote (only before :meth:`freeze`); its offsets are checked against the source."""
        if self._frozen:
            raise TypeError("a QuoteTable is read-only once frozen")
        kind, parts, cue, cue_class, speaker, confidence, rule = row
        n = len(self._source)
        last = 0
        for a, b in parts:
            if not last <= a <= b <= n:
                raise InvalidSpanError(f"quote part [{a}, {b}) must lie in order within a text of {n} characters")
            self._parts.extend((a, b))
            last = b
        if not parts:
            raise InvalidSpanError("'parts' must hold at least one span")
        self._parts_at.append(len(self._parts) // 2)
        flags = _MODEL["kinds"].index(kind)
        if cue is None:
            self._cue.extend((-1, -1))
        else:
            if not 0 <= cue[0] <= cue[1] <= n:
                raise InvalidSpanError(f"cue [{cue[0]}, {cue[1]}) must lie within a text of {n} characters")
            self._cue.extend(cue)
        flags |= (0 if cue_class is None else 1 + _MODEL["cue_classes"].index(cue_class)) << 2
        if speaker is None:
            self._spk.extend((-1, -1))
            self._ent.append(-1)
            self._spk_conf.append(0.0)
        else:
            a, b, ent, res, sconf = speaker
            if not 0 <= a <= b <= n or not 0 <= ent < len(self._speakers):
                raise InvalidSpanError(f"speaker mention [{a}, {b}) or entity {ent} out of range")
            self._spk.extend((a, b))
            self._ent.append(ent)
            self._spk_conf.append(sconf)
            flags |= _MODEL["resolutions"].index(res) << 4
        self._flags.append(flags)
        self._conf.append(confidence)
        r = self._rule_index.get(rule)
        if r is None:
            r = self._rule_index[rule] = len(self._rules)
            self._rules.append(rule)
        self._rule.append(r)

    def freeze(self) -> QuoteTable[_Q]:
        """End :meth:`append`: the table is read-only from now on; returns it."""
        self._frozen = True
        return self

    @property
    def source(self) -> str:
        """The document text."""
        return self._source

    @property
    def speakers(self) -> tuple[Any, ...]:
        """The speakers an entity index points into (the result's)."""
        return self._speakers

    def __len__(self) -> int:
        return len(self._flags)

    def __iter__(self) -> Iterator[_Q]:
        for i in range(len(self)):
            yield self._item(i)

    def _span(self, a: int, b: int) -> Span:
        return span_with_text(a, b, self._source[a:b])

    def _item(self, i: int) -> _Q:
        # The values were checked by append(): set the slots as attrs' own
        # frozen __init__ does, without running the validators again.
        m = _MODEL
        p0, p1 = self._parts_at[i], self._parts_at[i + 1]
        pb = self._parts
        parts = tuple(self._span(pb[2 * k], pb[2 * k + 1]) for k in range(p0, p1))
        content = parts[0] if len(parts) == 1 else self._span(parts[0].start, parts[-1].end)
        flags = self._flags[i]
        ca, cb = self._cue[2 * i], self._cue[2 * i + 1]
        cc = (flags >> 2) & 3
        ent = self._ent[i]
        ref = None
        if ent >= 0:
            ref = object.__new__(m["SpeakerRef"])
            _set(ref, "mention", self._span(self._spk[2 * i], self._spk[2 * i + 1]))
            _set(ref, "entity", self._speakers[ent])
            _set(ref, "resolution", m["resolutions"][flags >> 4])
            _set(ref, "confidence", self._spk_conf[i])
        q: _Q = object.__new__(m["Quote"])
        _set(q, "kind", m["kinds"][flags & 3])
        _set(q, "content", content)
        _set(q, "parts", parts)
        _set(q, "cue", None if ca < 0 else self._span(ca, cb))
        _set(q, "cue_class", None if cc == 0 else m["cue_classes"][cc - 1])
        _set(q, "speaker", ref)
        _set(q, "confidence", self._conf[i])
        _set(q, "rule", self._rules[self._rule[i]])
        return q

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            setattr(self, k, v)
