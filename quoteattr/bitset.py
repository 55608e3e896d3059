"""A set of small non-negative ints as one bit each (issue 18).

The rule engine marks what its patterns have used: quoted regions by index,
cues and sentences by their start offset. As Python ``set`` s of ``int`` s
these took 8 times the input on ``'"Yes," he said. ' * 62500`` (a set keeps
a hash table at least twice its size, 16 bytes a slot); as bits they take an
eighth of a byte per possible member.

Example:
    >>> used = BitSet(100)
    >>> used.add(42)
    >>> used.add(500)
    >>> 42 in used, 41 in used, 500 in used, len(used)
    (True, False, True, 2)
"""

from __future__ import annotations

__all__ = ["BitSet"]


class BitSet:
    """The ints that were :meth:`add` ed: a bit each for ``0 <= i < size``,
    any other int in a plain set beside (so it is a set of ints in every
    respect that the engine uses: ``add`` and ``in``).

    Args:
        size: one more than the largest member expected.
    """

    __slots__ = ("_bits", "_others", "_size")

    def __init__(self, size: int) -> None:
        self._size = size
        self._bits = bytearray((size + 7) // 8)
        self._others: set[int] = set()

    def add(self, i: int) -> None:
        """Add *i*."""
        if 0 <= i < self._size:
            self._bits[i >> 3] |= 1 << (i & 7)
        else:
            self._others.add(i)

    def __contains__(self, i: object) -> bool:
        if isinstance(i, int) and 0 <= i < self._size:
            return bool(self._bits[i >> 3] & (1 << (i & 7)))
        return i in self._others

    def __len__(self) -> int:
        return sum(b.bit_count() for b in self._bits) + len(self._others)
