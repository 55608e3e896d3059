"""Cue words of the long tail of indirect statements (issue 16, ninth session):
verbs whose noun-phrase object is the message, with the uses they must leave
alone. Sentences written for these tests."""

from __future__ import annotations

import pytest

from quoteattr.cues import find_cues

from subjects_support import rule_content_speaker

pytestmark = pytest.mark.issue(16)


_quotes = rule_content_speaker


class TestCompareReferencePortrayThank:
    """'compare', 'reference', 'portray' and 'thank' report their object (rule subject-cue-object)."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("Osei compared the toll to a tax on fishermen.", "the toll to a tax on fishermen", "Osei"),
            ("The mayor referenced a 1998 survey of the quays.", "a 1998 survey of the quays", "The mayor"),
            ("Lind portrayed her rival as a friend of the docks.", "her rival as a friend of the docks", "Lind"),
            ("The captain thanked the crew for their patience.", "the crew for their patience", "The captain"),
        ],
    )
    def test_cue_tail_object_is_the_message(self, text: str, content: str, speaker: str) -> None:
        """The object is the content, the subject the speaker."""
        assert [("subject-cue-object", content, speaker)] == _quotes(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Ferry fares rose 4 percent, compared with 2 percent last year.",
            "Ferry fares rose 4 percent compared to last year.",
            "The union leads the vote thanks to the dockers.",
            "The union leads the vote thanks in part to the dockers.",
            "Her references to the old pier were brief.",
        ],
    )
    def test_cue_tail_prepositional_participle(self, text: str) -> None:
        """Guard prepositional-participle: 'compared with/to', 'thanks (in part) to' and 'references to' are no cue."""
        assert [] == [m for m in find_cues(text) if m.lemma in ("compare", "thank", "reference")]

    def test_cue_tail_prepositional_participle_keeps_the_verb(self) -> None:
        """The same forms before an object stay cues."""
        lemmas = [m.lemma for m in find_cues("She compared the fares, thanks the crew and references the log.")]
        assert ["compare", "thank", "reference"] == lemmas


class TestPrepositionTopic:
    """Rule preposition-topic: a cue verb and its preposition report the topic after it."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ("The mayor railed against the new toll at the meeting.", "the new toll", "The mayor"),
            ("Osei boasted about his record on the piers, but few cheered.", "his record on the piers", "Osei"),
            ("The dock union warned of a long strike.", "a long strike", "The dock union"),
            ("Kim often jokes about how slow the ferry is.", "how slow the ferry is", "Kim"),
            ("The skipper complained about the harbour fees.", "the harbour fees", "The skipper"),
        ],
    )
    def test_cue_tail_preposition_topic(self, text: str, content: str, speaker: str) -> None:
        """The topic is the content, the subject the speaker."""
        assert [("preposition-topic", content, speaker)] == _quotes(text)

    def test_cue_tail_preposition_topic_after_comma(self) -> None:
        """A gerund after a comma reads the sentence's subject."""
        text = "Lind spoke for an hour, boasting about the new ferry."
        assert [("preposition-topic", "the new ferry", "Lind")] == _quotes(text)

    @pytest.mark.parametrize(
        "text",
        [
            "The crew sailed, though the captain was warned against it.",
            "This was the change the party warned about in its report.",
            "What the skipper boasted about was the pier.",
            "The harbour board argued for an hour.",
        ],
    )
    def test_cue_tail_preposition_topic_guards(self, text: str) -> None:
        """Guards talk-passive, talk-gap, duration-adjunct: a passive, a topic elsewhere, a duration report nothing."""
        assert [] == [q for q in _quotes(text) if q[0] == "preposition-topic"]

    def test_cue_tail_preposition_topic_leaves_a_quoted_topic(self) -> None:
        """A topic that opens with a quote stays rule subject-cue-clause's mixed quote."""
        text = 'The skipper warned against "a rush to sea" in the storm.'
        assert [("subject-cue-clause", '"a rush to sea" in the storm', "The skipper")] == _quotes(text)

    def test_cue_tail_preposition_topic_needs_its_preposition(self) -> None:
        """Guard prep-manner: an object between the verb and the preposition is another rule's."""
        text = "The captain warned the crew about the storm."
        assert "preposition-topic" not in [q[0] for q in _quotes(text)]
