"""Registered reporting patterns, one test class per pattern (issue 15).

The example of CONTRIBUTING.md: rule ``call-for`` is one function,
:func:`quoteattr.patterns_cues.call_for`, registered with its name, stage,
base confidence and example. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import patterns_cues
from quoteattr.registry import ORDER, Rule, Stage, confidence, spec

pytestmark = pytest.mark.issue(15)


class TestCallFor:
    """Rule call-for: 'X called for Y' reports a demand."""

    def test_patterns_call_for_registered(self) -> None:
        """Registered as a cue pattern, after colon-quote and before described-as."""
        s = spec(Rule.CALL_FOR)
        assert (Stage.CUE, 0.5, patterns_cues.call_for) == (s.stage, s.confidence, s.func)
        order = ORDER[Stage.CUE]
        assert order.index(Rule.COLON_QUOTE) < order.index(Rule.CALL_FOR) < order.index(Rule.DESCRIBED_AS)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Ferry workers called for a new timetable.", "a new timetable", "Ferry workers"),
            ("The union called for an inquiry into the collapse.", "an inquiry into the collapse", "The union"),
            ("Last week the Harbour Board called for calm on the quays.", "calm on the quays", "the Harbour Board"),
        ],
    )
    def test_patterns_call_for_finds_the_demand(self, text: str, content: str, speaker: str) -> None:
        """Content after 'called for', speaker before it, base confidence plus a named speaker's 0.05."""
        q = quoteattr.extract(text, min_confidence=0).quotes[0]
        assert (Rule.CALL_FOR.value, content, speaker) == (q.rule, q.content.text, q.speaker.mention.text)
        assert round(confidence(Rule.CALL_FOR) + 0.05, 4) == q.confidence

    @pytest.mark.parametrize("text", ["She called the plan a disgrace.", "The union called off the strike."])
    def test_patterns_call_for_other_uses_of_call(self, text: str) -> None:
        """'called X a Y' and 'called off' are no demand."""
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == Rule.CALL_FOR]
