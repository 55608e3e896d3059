"""BitSet: the rule engine's marks of what its patterns used (issue 18)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.bitset import BitSet

pytestmark = pytest.mark.issue(18)


@given(st.integers(0, 200), st.lists(st.integers(-50, 300)), st.lists(st.integers(-50, 300)))
def test_bitset_is_a_set_of_ints(size: int, added: list[int], probes: list[int]) -> None:
    """add, in and len as a set of ints, for members inside range(size) and outside it."""
    bits, plain = BitSet(size), set[int]()
    for i in added:
        bits.add(i)
        plain.add(i)
    assert len(plain) == len(bits)
    assert [i in plain for i in probes + added] == [i in bits for i in probes + added]


def test_bitset_small() -> None:
    """A cue start, a region index: one bit each; anything else is not in it."""
    used = BitSet(10)
    used.add(0)
    used.add(9)
    probes: list[object] = [0, 9, 5, 10, "0", None]
    assert [True, True, False, False, False, False] == [p in used for p in probes]
    assert 2 == len(used)
