"""Rule thought-clause (issue 16, quoteattr.patterns_thought): an unquoted
clause read from a thought cue falls below the default threshold, as rule
subject-cue-clause's does. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.defaults import DEFAULT_MIN_CONFIDENCE
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _rules(text: str) -> list[tuple[str, bool]]:
    """Each quote's rule and whether it reaches the default threshold."""
    return [(q.rule, q.confidence >= DEFAULT_MIN_CONFIDENCE) for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestThoughtClause:
    """A belief read as a clause is kept below the threshold."""

    @pytest.mark.parametrize(
        ("text", "rule"),
        [
            (
                "The union walked out of the talks, believing the offer was an insult to every member.",
                Rule.SAYING_CLAUSE,
            ),
            ("The pier, the harbour master thinks, will close before the winter storms.", Rule.PARENTHETICAL_CUE),
            ("The toll will go up again next year, many residents fear.", Rule.CLAUSE_SUBJECT_CUE),
        ],
    )
    def test_patterns_thought_belief_is_below_threshold(self, text: str, rule: Rule) -> None:
        """The clause is found, and scored below the default threshold."""
        assert [(rule.value, False)] == _rules(text)

    @pytest.mark.parametrize(
        ("text", "rule"),
        [
            ("The union walked out of the talks, saying the offer was an insult to every member.", Rule.SAYING_CLAUSE),
            ("The pier, the harbour master says, will close before the winter storms.", Rule.PARENTHETICAL_CUE),
            ("The toll will go up again next year, the mayor warned.", Rule.CLAUSE_SUBJECT_CUE),
        ],
    )
    def test_patterns_thought_speech_keeps_its_confidence(self, text: str, rule: Rule) -> None:
        """A speech cue in the same shape stays above it."""
        assert [(rule.value, True)] == _rules(text)
