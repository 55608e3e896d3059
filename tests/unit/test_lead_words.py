"""Guard lead-word (issue 16, quoteattr.lead_words): a sentence-opening
connective left out of the content of rules according-to and
parenthetical-cue. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.lead_words import ACCORDING_LEAD, skip_lead_word
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _contents(text: str, rule: Rule) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == rule.value]


class TestAccordingLead:
    """Rule according-to: "And" and a bare "Now" open no content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "And the ferry will stop running in May, according to the harbour board.",
                "the ferry will stop running in May",
            ),
            (
                "Now the council is reviewing every contract it signed last year, according to two officials.",
                "the council is reviewing every contract it signed last year",
            ),
        ],
    )
    def test_lead_words_according_leaves_the_connective_out(self, text: str, content: str) -> None:
        """The clause starts after the connective."""
        assert [content] == _contents(text, Rule.ACCORDING_TO)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Now, the council is reviewing every contract, according to two officials.",
                "Now, the council is reviewing every contract",
            ),
            (
                "Andrea Ruiz will lead the inquiry, according to the harbour board.",
                "Andrea Ruiz will lead the inquiry",
            ),
        ],
    )
    def test_lead_words_according_keeps_other_openings(self, text: str, content: str) -> None:
        """ "Now," with its comma and a name that starts with the same letters stay."""
        assert [content] == _contents(text, Rule.ACCORDING_TO)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("And the pier", 4), ("And  the pier", 5), ("Android sales", 0), ("And", 0), ("and the pier", 0)],
    )
    def test_lead_words_skip_lead_word_offsets(self, text: str, expected: int) -> None:
        """The offset after the word and its spaces; 0 when the text opens with no lead word."""
        assert expected == skip_lead_word(text, 0, len(text), ACCORDING_LEAD)


class TestParentheticalLead:
    """Rule parenthetical-cue: a lone "Still" before ', X said,' is no content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Still, Okafor said, the pier must close before the winter storms.",
                "the pier must close before the winter storms",
            ),
            (
                "Still, the mayor added, nobody on the council wanted a new toll.",
                "nobody on the council wanted a new toll",
            ),
        ],
    )
    def test_lead_words_parenthetical_drops_still(self, text: str, content: str) -> None:
        """Only the clause after the cue is the content."""
        assert [content] == _contents(text, Rule.PARENTHETICAL_CUE)

    def test_lead_words_parenthetical_keeps_other_lead_words(self) -> None:
        """ "Instead" (which PolNeAR keeps) stays a part of the content."""
        text = "Instead, Okafor said, the council should rebuild the pier."
        assert [text[:-1]] == _contents(text, Rule.PARENTHETICAL_CUE)


class TestSourceAside:
    """Guard source-aside of rule according-to: 'X, according to Y, Z' with X
    no clause of its own reports X and Z together."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Other big splits, according to the poll, include age and income.",
                "Other big splits, according to the poll, include age and income",
            ),
            (
                "But the next day, according to the harbour master, the crews made new demands.",
                "the next day, according to the harbour master, the crews made new demands",
            ),
            ("But, according to the poll, most voters want a new pier.", "most voters want a new pier"),
        ],
    )
    def test_lead_words_source_aside_reports_both_sides(self, text: str, content: str) -> None:
        """The words on both sides of the source phrase, without a lead connective."""
        assert [content] == _contents(text, Rule.ACCORDING_TO)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The ferry lost money, according to the board, a body of nine members.", "The ferry lost money"),
            (
                "Coastal towns like Leith (80 percent of them voted, according to the board), want a pier.",
                "Coastal towns like Leith (80 percent of them voted",
            ),
        ],
    )
    def test_lead_words_source_aside_not_after_a_clause(self, text: str, content: str) -> None:
        """A clause before the source, or a bracket it opens, keeps the trailing reading."""
        assert [content] == _contents(text, Rule.ACCORDING_TO)
