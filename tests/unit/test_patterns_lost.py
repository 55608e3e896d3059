"""Indirect quotes whose cue was found but no quote came out (issue 16).

Each class covers one named rule or guard added for attributions that the
cue finder saw and the cue patterns dropped. Sentences written for these
tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _quotes(text: str, rule: Rule) -> list[quoteattr.Quote]:
    return [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == rule.value]


class TestAdverbBeforeGerund:
    """Rule saying-clause: an -ly adverb may stand between the comma and the gerund cue."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The mayor closed the pier, wrongly claiming that the storm had cracked it.",
                "the storm had cracked it",
                "The mayor",
            ),
            (
                "Osei left the hall early, pointedly noting that the budget was still unbalanced.",
                "the budget was still unbalanced",
                "Osei",
            ),
        ],
    )
    def test_patterns_lost_adverb_gerund_reports(self, text: str, content: str, speaker: str) -> None:
        """', falsely suggesting that ...' reports its clause; the sentence's subject speaks."""
        qs = _quotes(text, Rule.SAYING_CLAUSE)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "The hall went quiet, Emily saying that the vote was lost.",
            "The hall went quiet, Kelly claiming that the vote was lost.",
        ],
    )
    def test_patterns_lost_adverb_gerund_not_a_name(self, text: str) -> None:
        """A name ending in -ly is no adverb: the gerund after it is not the sentence subject's."""
        assert [] == _quotes(text, Rule.SAYING_CLAUSE)
