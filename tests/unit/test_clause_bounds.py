"""Clause boundaries of the sixth session (issue 16): guards that-aside and
lead-in-words, clause cuts after a comma that closes a quotation.

Sentences written for these tests; the boundaries were counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestThatAside:
    """Guard that-aside: a 'that' before the comma of an aside stays in the content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The mayor said that, if the vote passed, the ferry would run all winter.",
                "that, if the vote passed, the ferry would run all winter",
            ),
            (
                "Osei insisted that, despite the storm, the harbour wall had held.",
                "that, despite the storm, the harbour wall had held",
            ),
        ],
    )
    def test_clause_bounds_that_before_aside_kept(self, text: str, content: str) -> None:
        """The content opens at the 'that' whose comma opens an aside."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # no comma after 'that': it is dropped as before (rule drop-that)
            ("The mayor said that the ferry would run all winter.", "the ferry would run all winter"),
        ],
    )
    def test_clause_bounds_that_without_comma_dropped(self, text: str, content: str) -> None:
        """A 'that' with no comma after it is no part of the content."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize("text", ["The treasurer said that, too."])
    def test_clause_bounds_pronoun_that_no_clause(self, text: str) -> None:
        """'said that, too': one word after the comma is no aside, and no clause is reported."""
        assert [] == _contents(text)


class TestLeadInWords:
    """Guard lead-in-words: before ', X said, "Quote' the writer's lead-in is no content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                'Later in the debate, Osei said, "We will not sell the harbour to anyone."',
                '"We will not sell the harbour to anyone."',
            ),
            (
                "In a statement on Friday, the ferry company added, “Every crossing will run on time.”",
                "“Every crossing will run on time.”",
            ),
            (
                "After a long pause at the depot, Kim replied, ''I have nothing to add.''",
                "''I have nothing to add.''",
            ),
        ],
    )
    def test_clause_bounds_quotation_alone(self, text: str, content: str) -> None:
        """A quotation that opens with a capital letter is the whole content, a direct quote."""
        quotes = quoteattr.extract(text, min_confidence=0).quotes
        assert [(content, "parenthetical-cue", "direct")] == [(q.content.text, q.rule, q.kind.value) for q in quotes]

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            (
                'The new toll, the treasurer said, "would double by the spring."',
                ["The new toll", '"would double by the spring."'],
            ),
            # no quotation: both parts stay
            (
                "The new toll, the treasurer said, would double by the spring.",
                ["The new toll", "would double by the spring"],
            ),
        ],
    )
    def test_clause_bounds_continuation_keeps_both_parts(self, text: str, parts: list[str]) -> None:
        """A quotation that goes on in lower case continues the words before the cue."""
        quotes = quoteattr.extract(text, min_confidence=0).quotes
        assert [parts] == [[p.text for p in q.parts] for q in quotes]


class TestCutAfterClosingMark:
    """Rules cut-next-attribution, cut-trailing-source and cut-concession after a comma that closes a quotation."""

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                'Kim said the ferry plan was "long overdue," adding that the fares would fall.',
                ['the ferry plan was "long overdue,"', "the fares would fall"],
            ),
            (
                "Osei said the toll was “too high,” but the treasurer said it would stay.",
                ["the toll was “too high,”", "it would stay"],
            ),
        ],
    )
    def test_clause_bounds_next_attribution_after_mark(self, text: str, contents: list[str]) -> None:
        """The clause ends after the closing mark; the next cue reports its own clause."""
        assert contents == _contents(text)

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            # a comma that closes no quotation: the clause runs on (a cut only where a cue follows)
            (
                'The mayor said the bridge was "safe," and that the tunnel was not.',
                ['the bridge was "safe," and that the tunnel was not'],
            ),
        ],
    )
    def test_clause_bounds_no_cue_after_mark(self, text: str, contents: list[str]) -> None:
        """Without a cue after the closing mark the clause is not cut there."""
        assert contents == _contents(text)

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                'Kim said the ferry was "safe enough," according to the local radio.',
                ['the ferry was "safe enough,"'],
            ),
            ("Osei claimed the toll was ''fair,'' although drivers disagreed.", ["the toll was ''fair,''"]),
            # no quotation: the comma ends the clause as before
            ("Osei claimed the toll was fair, although drivers disagreed.", ["the toll was fair"]),
        ],
    )
    def test_clause_bounds_source_and_concession_after_mark(self, text: str, contents: list[str]) -> None:
        """A source phrase or a concession after a closing mark ends the clause after the mark."""
        assert contents == _contents(text)
