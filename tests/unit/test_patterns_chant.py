"""Rule chant-quote and its guards (issue 16): 'The crowd chanted "..."' reports the chant.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import rules  # noqa: F401  (registers the pattern functions)
from quoteattr.cues import find_cues
from quoteattr.registry import ORDER, Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _chants(text: str) -> list[tuple[str, str | None]]:
    qs = quoteattr.extract(text, min_confidence=0).quotes
    return [
        (q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs if q.rule == Rule.CHANT_QUOTE.value
    ]


class TestChantQuote:
    """Rule chant-quote: a form of "chant" right before a quote reports the quote."""

    def test_patterns_chant_registered(self) -> None:
        """Registered as a cue pattern before saying-clause and subject-cue-clause, base 0.8."""
        s = spec(Rule.CHANT_QUOTE)
        order = ORDER[Stage.CUE]
        assert (Stage.CUE, 0.8) == (s.stage, s.confidence)
        assert order.index(Rule.CHANT_QUOTE) < order.index(Rule.SAYING_CLAUSE)

    @pytest.mark.parametrize("form", ["chant", "chants", "chanted", "chanting"])
    def test_patterns_chant_is_a_reporting_verb(self, form: str) -> None:
        """Each form of "chant" is a speech cue of reporting_verbs.txt."""
        text = f"They {form} loudly."
        assert [("chant", "verb")] == [(m.lemma, m.type) for m in find_cues(text)]

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            ('Some dockers chanted "Save our mill!" as the mayor left.', "Save our mill!", "Some dockers"),
            (
                'The crowd chanted back, "Fix the pier!" and "Not one more toll!"',
                '"Fix the pier!" and "Not one more toll!"',
                "The crowd",
            ),
            ('Hundreds of fishermen filled the square, chanting "No toll, no vote."', "No toll, no vote.", "Hundreds"),
            (
                'Students walking across the campus chanted "Books not bonds" until noon.',
                "Books not bonds",
                "Students",
            ),
        ],
    )
    def test_patterns_chant_reports_the_quote(self, text: str, content: str, speaker: str) -> None:
        """The quote (two joined by "and" as one mixed stretch) and not what follows it; the subject chants."""
        assert [(content, speaker)] == _chants(text)

    @pytest.mark.parametrize(
        "text",
        [
            "The crowd chanted his name and waved flags.",
            "As the crowd began to chant, the mayor walked off the stage.",
        ],
    )
    def test_patterns_chant_unquoted_reports_nothing(self, text: str) -> None:
        """Guard chant-unquoted: a chant is reported only in its own words."""
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.cue is not None]


class TestReadCue:
    """Verb "read" (the words of a sign or a letter): a cue at stage region, nothing of its own at stage cue."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ('"We will not pay the toll," the letter read.', "the letter"),
            ('"Nobody asked the town," read the statement from the dockers.', "the statement"),
            ('"The pier stays open," it read.', "it"),
        ],
    )
    def test_patterns_chant_read_attaches_a_quote(self, text: str, speaker: str) -> None:
        """Guard past-like-base: "read" before a full stop is the past verb, the cue of the quote before it."""
        qs = quoteattr.extract(text).quotes
        assert [("read", speaker)] == [
            (q.cue.text if q.cue else None, q.speaker.mention.text if q.speaker else None) for q in qs
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "The mayor read the report twice.",
            "Osei read that the mill would close.",
            "The ferry timetable was a dull read, the clerk admitted.",
        ],
    )
    def test_patterns_chant_read_reports_nothing(self, text: str) -> None:
        """Rule read-cue: "read the report", "read that ..." propose no quote with "read" as cue."""
        qs = quoteattr.extract(text, min_confidence=0).quotes
        assert [] == [q for q in qs if q.cue is not None and q.cue.text == "read"]


class TestPutIt:
    """Cue phrases "put it", "puts it" and rule put-it: "as Osei put it, ..." reports what follows the comma."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "As the harbour master put it, the pier is older than the town.",
                "the pier is older than the town",
                "the harbour master",
            ),
            ('As the ferry clerk puts it: "Nobody pays twice."', "Nobody pays twice.", "the ferry clerk"),
        ],
    )
    def test_patterns_chant_put_it_reports(self, text: str, content: str, speaker: str) -> None:
        """After a comma or a colon, the clause or the quote is the speaker's."""
        qs = [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.cue is not None]
        assert [(content, speaker, True)] == [
            (q.content.text, q.speaker.mention.text if q.speaker else None, "put" in q.cue.text) for q in qs
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Osei put it on the table and left the room.",
            "The dockers put it to a vote on Friday.",
        ],
    )
    def test_patterns_chant_put_it_elsewhere_reports_nothing(self, text: str) -> None:
        """Rule put-it: "put it" before anything but a comma or a colon proposes nothing."""
        assert [] == list(quoteattr.extract(text, min_confidence=0).quotes)
