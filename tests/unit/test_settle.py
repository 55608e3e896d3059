"""Settling overlaps, one step shared by both engines (issue 15)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.candidates import Candidate
from quoteattr.settle import _in_turn, merge_fallback, settle

pytestmark = pytest.mark.issue(15)


def _c(parts: list[tuple[int, int]], conf: float, cue: tuple[int, int] | None = None, rule: str = "r") -> Candidate:
    return Candidate(parts=parts, rule=rule, confidence=conf, cue=cue)


class TestSettle:
    """Rule no-nested-attribution."""

    def test_settle_nested_cue_dropped(self) -> None:
        """'Kim said Lee hoped the dam would hold': the hoped-quote's cue lies in the said-quote."""
        said = _c([(9, 37)], 0.9, (4, 8))
        hoped = _c([(19, 37)], 0.9, (13, 18))
        assert [said] == settle([hoped, said])

    def test_settle_more_confident_wins(self) -> None:
        """Of two overlapping candidates the more confident is kept."""
        low = _c([(0, 20)], 0.4)
        high = _c([(5, 30)], 0.8, (31, 35))
        assert [high] == settle([low, high])

    def test_settle_disjoint_kept_in_text_order(self) -> None:
        """Candidates that do not overlap are all kept, in text order."""
        a, b = _c([(40, 50)], 0.5), _c([(0, 10)], 0.9)
        assert [b, a] == settle([a, b])

    def test_settle_equal_confidence_longer_wins(self) -> None:
        """Rule engine: at equal confidence the longer candidate is kept, whatever comes first."""
        short = _c([(0, 155)], 0.9, (163, 167))
        whole = _c([(0, 447), (450, 551)], 0.9, (553, 557))
        assert [whole] == settle([short, whole])
        assert [whole] == settle([whole, short])


class TestMergeFallback:
    """Rule dep-surface-fallback."""

    def test_settle_fallback_added_where_nothing_overlaps(self) -> None:
        """A wholly quoted surface candidate fills a gap."""
        dep = _c([(0, 20)], 0.9, (22, 26))
        bare = _c([(40, 60)], 0.4)
        assert [dep, bare] == merge_fallback([dep], [bare])

    def test_settle_fallback_not_added_over_a_dependency_quote(self) -> None:
        """An overlapping surface candidate is not added."""
        dep = _c([(0, 20)], 0.9, (35, 39))
        bare = _c([(10, 30)], 0.4)
        assert [dep] == merge_fallback([dep], [bare])

    def test_settle_fallback_equal_confidence_first_wins(self) -> None:
        """Syntax engine: at equal confidence the candidate that starts first
        is kept, even when a later one is longer (a long ccomp on a misparse
        must not win by length)."""
        short = _c([(0, 155)], 0.9, (163, 167))
        whole = _c([(10, 447), (450, 551)], 0.9, (553, 557))
        assert [short] == merge_fallback([whole, short], [])
        assert [short] == merge_fallback([short, whole], [])

    def test_settle_fallback_drops_dependency_quote_nested_in_it(self) -> None:
        """'"Hoping that X translates ...," Hill said': a dependency quote whose
        cue ("Hoping") lies inside the surface quote gives way to it."""
        dep = _c([(8, 30)], 0.6, (1, 7))
        quoted = _c([(1, 40)], 0.95, (43, 47))
        assert [quoted] == merge_fallback([dep], [quoted])


@pytest.mark.issue(18)
@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(1, 12), st.sampled_from([0.3, 0.5, 0.5000001, 0.8, 1.0])),
        max_size=25,
    ),
    st.booleans(),
)
def test_settle_turn_order_is_the_tuple_key_order(rows: list[tuple[int, int, float]], longest_first: bool) -> None:
    """The stable sorts a key give the order of the tuple keys they replace
    (confidence down, then length down, then start; ties in their order)."""
    cands = [_c([(a, a + n)], conf) for a, n, conf in rows]
    if longest_first:
        expected = sorted(cands, key=lambda c: (-c.confidence, -(c.end - c.start), c.start))
    else:
        expected = sorted(cands, key=lambda c: (-c.confidence, c.start))
    assert [id(c) for c in expected] == [id(c) for c in _in_turn(cands, longest_first)]
