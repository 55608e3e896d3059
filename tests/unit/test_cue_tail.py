"""Cue words of the long tail of indirect statements (issue 16, ninth session):
verbs whose noun-phrase object is the message, with the uses they must leave
alone. Sentences written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.cues import find_cues

pytestmark = pytest.mark.issue(16)


def _quotes(text: str) -> list[tuple[str, str, str]]:
    """(rule, content, speaker) of each quote of *text* at the default threshold."""
    out = []
    for q in quoteattr.extract(text).quotes:
        speaker = q.speaker.mention.text if q.speaker is not None and q.speaker.mention is not None else ""
        out.append((q.rule, q.content.text, speaker))
    return out


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
        ],
    )
    def test_cue_tail_prepositional_participle(self, text: str) -> None:
        """Guard prepositional-participle: 'compared with/to' and 'thanks (in part) to' are prepositions, no cue."""
        assert [] == [m for m in find_cues(text) if m.lemma in ("compare", "thank")]

    def test_cue_tail_prepositional_participle_keeps_the_verb(self) -> None:
        """The same forms before an object stay cues."""
        lemmas = [m.lemma for m in find_cues("She compared the fares and thanks the crew.")]
        assert ["compare", "thank"] == lemmas
