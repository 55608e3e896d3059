"""Rule talk-about and its guards (issue 16): "talked about X" reports the topic X.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import rules  # noqa: F401  (registers the pattern functions)
from quoteattr.cues import find_cues
from quoteattr.registry import ORDER, Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _quotes(text: str) -> list[quoteattr.Quote]:
    return list(quoteattr.extract(text, min_confidence=0).quotes)


def _talk_quotes(text: str) -> list[quoteattr.Quote]:
    """Every quote whose cue is a form of "talk about", whatever its rule."""
    return [q for q in _quotes(text) if q.cue is not None and "talk" in q.cue.text.lower()]


class TestTalkAbout:
    """Rule talk-about: the topic after a form of "talk about"; the subject speaks."""

    def test_patterns_talk_registered(self) -> None:
        """Registered as a cue pattern before saying-clause (which would read the gerund), base 0.5."""
        s = spec(Rule.TALK_ABOUT)
        order = ORDER[Stage.CUE]
        assert (Stage.CUE, 0.5) == (s.stage, s.confidence)
        assert order.index(Rule.TALK_ABOUT) < order.index(Rule.SAYING_CLAUSE)

    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            ("Osei talked about the toll.", "talked about"),
            ("Kim talks\nabout the toll.", "talks\nabout"),
            ("They are talking about it.", "talking about"),
        ],
    )
    def test_patterns_talk_phrase_is_a_cue(self, text: str, cue: str) -> None:
        """The four forms are phrasal cues of cue_phrases.txt (a line break may stand between the words)."""
        assert [cue] == [m.text(text) for m in find_cues(text)]

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "Osei talked about the toll on the new bridge at every stop.",
                "the toll on the new bridge",
                "Osei",
            ),
            (
                "The mayor often talks about how the ferry saved her town.",
                "how the ferry saved her town",
                "The mayor",
            ),
            (
                "The harbour master began by talking about the storm damage.",
                "the storm damage",
                "The harbour master",
            ),
            (
                "Kim is talking about a second runway, but the board is not listening.",
                "a second runway",
                "Kim",
            ),
            (
                "The chief engineer will come on the show to talk about the cracked pier.",
                "the cracked pier",
                "The chief engineer",
            ),
            (
                "Ruiz talked about rebuilding the old mill during a debate in Leith.",
                "rebuilding the old mill",
                "Ruiz",
            ),
        ],
    )
    def test_patterns_talk_reports_the_topic(self, text: str, content: str, speaker: str) -> None:
        """The topic ends before a comma and "but", or the writer's time or occasion phrase."""
        qs = [q for q in _quotes(text) if q.rule == Rule.TALK_ABOUT.value]
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            "Nobody in the council is talking about a new tax.",  # talk-negated
            "The mayor did not talk about the budget.",  # talk-negated
            "What the mayor was talking about is a second bridge.",  # talk-gap
            "The ferry plan she talked about, which cost too much, was dropped.",  # talk-gap
            "The new bridge will be talked about for years.",  # talk-passive
            "The harsh talk about the harbour worried the shop owners.",  # talk-noun
            "A video shows Osei talking about the storm.",  # talk-noun
            "They were talking about the storm all evening.",  # talk-conversation
        ],
    )
    def test_patterns_talk_guards(self, text: str) -> None:
        """A negated, passive or nominal "talk about", a topic elsewhere, or a conversation report nothing."""
        assert [] == _talk_quotes(text)
