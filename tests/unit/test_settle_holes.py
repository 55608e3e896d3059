"""Rule hole-attribution (issue 16): a candidate between two parts of a
kept split quote is kept too.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.candidates import Candidate
from quoteattr.settle import settle

pytestmark = pytest.mark.issue(16)


class TestHoleAttribution:
    """A candidate whose content and cue lie in the hole of a kept two-part quote is kept."""

    def test_settle_holes_kept(self) -> None:
        """Between the parts: kept, and the output stays in text order."""
        split = Candidate(parts=[(0, 10), (40, 50)], rule="r", confidence=0.95, cue=(12, 16))
        hole = Candidate(parts=[(25, 35)], rule="r", confidence=0.5, cue=(18, 24))
        assert [split, hole] == settle([hole, split])

    @pytest.mark.parametrize(
        "other",
        [
            # content across a part of the kept quote
            Candidate(parts=[(25, 45)], rule="r", confidence=0.5, cue=(18, 24)),
            # cue outside the hole
            Candidate(parts=[(25, 35)], rule="r", confidence=0.5, cue=(52, 56)),
            # no cue
            Candidate(parts=[(25, 35)], rule="r", confidence=0.5),
        ],
    )
    def test_settle_holes_dropped(self, other: Candidate) -> None:
        """Across a part, with its cue outside the hole, or with no cue: dropped as before."""
        split = Candidate(parts=[(0, 10), (40, 60)], rule="r", confidence=0.95, cue=(12, 16))
        assert [split] == settle([other, split])

    def test_settle_holes_one_per_stretch(self) -> None:
        """Two overlapping candidates in one hole: the more confident one only."""
        split = Candidate(parts=[(0, 10), (60, 70)], rule="r", confidence=0.95, cue=(12, 16))
        a = Candidate(parts=[(25, 45)], rule="r", confidence=0.7, cue=(18, 24))
        b = Candidate(parts=[(30, 50)], rule="r", confidence=0.5, cue=(26, 29))
        assert [split, a] == settle([b, a, split])

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                '"The pier was never safe," Osei said, referring to the old harbour wall. "We all knew it."',
                "the old harbour wall",
            ),
            (
                '"It will take a year," the engineer said, adding that the repairs had barely begun. "Maybe two."',
                "the repairs had barely begun",
            ),
        ],
    )
    def test_settle_holes_text(self, text: str, content: str) -> None:
        """'"A," X said, V-ing Y. "B."': the split quote and the gerund's report are both kept."""
        contents = [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]
        assert content in contents
        assert 2 == len(contents)
