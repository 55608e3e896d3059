"""Rule outer-attribution of the settle step: the outer of two nested
readings is kept when it is at most OUTER_MARGIN less confident (issue 16).

Sentences written for these tests; none comes from the data files.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.candidates import Candidate
from quoteattr.registry import Rule
from quoteattr.settle import OUTER_MARGIN, settle

pytestmark = pytest.mark.issue(16)


def _c(parts: list[tuple[int, int]], conf: float, cue: tuple[int, int], rule: str = "r") -> Candidate:
    return Candidate(parts=parts, rule=rule, confidence=conf, cue=cue)


class TestOuterAttribution:
    """An outer candidate that holds a kept candidate's cue replaces it within the margin."""

    def test_outer_attribution_within_margin(self) -> None:
        """'Ruiz said she had told Okafor that ...': the said-quote (0.8) wins over the told-quote (0.85)."""
        said = _c([(10, 60)], 0.8, (5, 9))
        told = _c([(40, 60)], 0.8 + OUTER_MARGIN, (22, 26))
        assert [said] == settle([told, said])

    def test_outer_attribution_beyond_margin(self) -> None:
        """An inner candidate more than the margin surer stays."""
        said = _c([(10, 60)], 0.5, (5, 9))
        told = _c([(40, 60)], 0.5 + OUTER_MARGIN + 0.05, (22, 26))
        assert [told] == settle([told, said])

    def test_outer_attribution_cue_outside(self) -> None:
        """A candidate whose cue lies outside the outer content is no nested reading: the surer one stays."""
        outer = _c([(10, 40)], 0.8, (5, 9))
        other = _c([(30, 60)], 0.85, (61, 66))
        assert [other] == settle([other, outer])

    def test_outer_attribution_every_overlap_nested(self) -> None:
        """The outer candidate must hold the cues of all the kept candidates it overlaps."""
        outer = _c([(10, 80)], 0.8, (5, 9))
        inner = _c([(30, 45)], 0.85, (20, 25))
        foreign = _c([(60, 90)], 0.85, (92, 96))
        assert [inner, foreign] == settle([inner, foreign, outer])

    def test_outer_attribution_quote_then_cue(self) -> None:
        """Guard quote-then-cue: a quote with its cue after the closing mark keeps its reading."""
        outer = _c([(0, 50)], 0.8, (55, 62))
        quote = _c([(1, 20)], 0.95, (35, 40), rule=Rule.QUOTE_SPEAKER_CUE.value)
        assert [quote] == settle([quote, outer])


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Ruiz said she had told Okafor that the pier would close.",
            "she had told Okafor that the pier would close",
            "said",
        ),
        (
            "The warden said the engineers had reported that the sea wall could fail.",
            "the engineers had reported that the sea wall could fail",
            "said",
        ),
        (
            "Okafor said he was open to new piers, in cases where the tides made clear that boats were safe.",
            "he was open to new piers, in cases where the tides made clear that boats were safe",
            "said",
        ),
    ],
)
def test_outer_attribution_sentences(text: str, content: str, cue: str) -> None:
    """The reported statement is the outer clause, the nested attribution inside it included."""
    qs = quoteattr.extract(text).quotes
    assert [(content, cue)] == [(q.content.text, q.cue.text if q.cue else None) for q in qs]


def test_outer_attribution_direct_quote_keeps_its_cue() -> None:
    """Guard quote-then-cue on text: '"...," the warden half said, half shouted' stays a direct quote."""
    text = '"The pier is closed," the warden half said, half shouted.'
    qs = quoteattr.extract(text).quotes
    assert [("The pier is closed,", "said")] == [(q.content.text, q.cue.text if q.cue else None) for q in qs]
