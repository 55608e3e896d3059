"""Frame object-message of "describe" and guard passive-object (issue 16):
"Osei described ⟦the damage to the pier⟧" reports the object.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.clauses import CUE_FRAMES
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _by_rule(text: str, rule: Rule) -> list[tuple[str, str | None]]:
    return [
        (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quoteattr.extract(text, min_confidence=0).quotes
        if q.rule == rule.value
    ]


class TestDescribeObject:
    """Rule subject-cue-object reads the object of "describe" when no quote and no "as" follow."""

    def test_describe_object_frames(self) -> None:
        """'describe' keeps frame describe (a quote after it) and takes np-object and object-message."""
        assert frozenset({"describe", "np-object", "object-message"}) == CUE_FRAMES["describe"]

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Osei described the damage to the old pier.", "the damage to the old pier", "Osei"),
            ("Kim described how the ferry had saved the town.", "how the ferry had saved the town", "Kim"),
            ("The harbour report describes a town in decline.", "a town in decline", "The harbour report"),
        ],
    )
    def test_describe_object_reported(self, text: str, content: str, speaker: str) -> None:
        """The object (or a how-clause) is what was said; the subject speaks."""
        assert [(content, speaker)] == _by_rule(text, Rule.SUBJECT_CUE_OBJECT)

    @pytest.mark.parametrize(
        ("text", "rule", "content"),
        [
            ('Osei described the pier as "a ruin."', Rule.DESCRIBED_AS, "a ruin."),
            ("Osei described the pier as a ruin.", Rule.DESCRIBED_OBJECT_AS, "the pier as a ruin"),
        ],
    )
    def test_describe_object_other_rules_first(self, text: str, rule: Rule, content: str) -> None:
        """A quote or an "as" phrase stays with rules described-as and described-object-as."""
        assert [content] == [c for c, _ in _by_rule(text, rule)]


class TestPassiveObject:
    """Guard passive-object: after a form of "be" an -ed cue form takes no object."""

    @pytest.mark.parametrize(
        "text",
        [
            "A similar scene is described in the second chapter.",
            "The damage was described in the harbour report.",
            "Osei was blasted for the new toll.",
        ],
    )
    def test_passive_object_nothing(self, text: str) -> None:
        """No object is reported after a passive form."""
        assert [] == _by_rule(text, Rule.SUBJECT_CUE_OBJECT)

    def test_passive_object_active_still_reported(self) -> None:
        """The active form is unchanged."""
        assert [("the mayor", "Kim")] == _by_rule("Kim blasted the mayor.", Rule.SUBJECT_CUE_OBJECT)


class TestObjectMessageFrames:
    """'congratulate', 'dispute' and 'retweet' report their object (frames np-object, object-message)."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The mayor congratulated Osei on her win in the harbour ward.",
                "Osei on her win in the harbour ward",
                "The mayor",
            ),
            (
                "A council spokesman disputed the ferry company's figures.",
                "the ferry company's figures",
                "A council spokesman",
            ),
            ("Kim retweeted the harbour board's warning.", "the harbour board's warning", "Kim"),
        ],
    )
    def test_object_message_frames_reported(self, text: str, content: str, speaker: str) -> None:
        """The object is what was said; the subject speaks."""
        assert [(content, speaker)] == _by_rule(text, Rule.SUBJECT_CUE_OBJECT)

    @pytest.mark.parametrize("word", ["congratulate", "dispute", "retweet"])
    def test_object_message_frames_listed(self, word: str) -> None:
        """The three lemmas carry both frames."""
        assert {"np-object", "object-message"} <= CUE_FRAMES[word]


class TestObjectMessagePhrases:
    """'plead', 'point out' and 'speak out' report what follows them (frame object-message)."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "In 2012, the ferry owner pleaded guilty to making false claims about the pier.",
                "guilty to making false claims about the pier",
                "the ferry owner",
            ),
            (
                "The harbour report points out a second crack in the pier.",
                "a second crack in the pier",
                "The harbour report",
            ),
            ("Osei has spoken out in favour of the new toll.", "in favour of the new toll", "Osei"),
            # (rule drop-against takes the leading "against")
            ("Osei spoke out against the new toll.", "the new toll", "Osei"),
        ],
    )
    def test_object_message_phrases_reported(self, text: str, content: str, speaker: str) -> None:
        """The words after the cue are what was said; the subject speaks."""
        assert [(content, speaker)] == _by_rule(text, Rule.SUBJECT_CUE_OBJECT)

    def test_object_message_phrases_clause(self) -> None:
        """A that-clause after 'points out' stays with rule subject-cue-clause."""
        text = "Kim points out that the pier is older than the town."
        assert [("the pier is older than the town", "Kim")] == _by_rule(text, Rule.SUBJECT_CUE_CLAUSE)


class TestRecallExplainObjects:
    """', recalling X' and ', explaining X' report their object (frame object-message, rule saying-object)."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Kim spoke for an hour, recalling the winter the harbour froze.", "the winter the harbour froze", "Kim"),
            ("Osei wrote to the council, explaining her vote on the toll.", "her vote on the toll", "Osei"),
            ("Kim spoke for an hour, explaining why she backed the toll.", "why she backed the toll", "Kim"),
        ],
    )
    def test_recall_explain_objects_reported(self, text: str, content: str, speaker: str) -> None:
        """The object of the gerund is what was said; the sentence's subject speaks."""
        qs = [
            (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
            for q in quoteattr.extract(text, min_confidence=0).quotes
        ]
        assert [(content, speaker)] == qs

    @pytest.mark.parametrize("word", ["recall", "explain"])
    def test_recall_explain_frames(self, word: str) -> None:
        """Both keep frame clausal ("explained that ...") and take object-message."""
        assert {"clausal", "object-message"} <= CUE_FRAMES[word]
