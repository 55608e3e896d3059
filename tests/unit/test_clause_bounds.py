"""Clause boundaries of the sixth session (issue 16): guard that-aside.

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

