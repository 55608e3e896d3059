"""The pronoun "that" of a contraction opens the reported clause (issue 16): guard
that-contraction of rule ``drop-that``.

Sentences written for these tests; the guard was counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestThatContraction:
    """Guard that-contraction: "that's" is the clause's subject, not a complementiser."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The harbour master said that's what the tide tables show.", "that's what the tide tables show"),
            ("Osei says that’s good news for the ferry crews.", "that’s good news for the ferry crews"),
            ("Kim said that'll be the last toll rise.", "that'll be the last toll rise"),
        ],
    )
    def test_clause_that_contraction_kept(self, text: str, content: str) -> None:
        """The contraction stays in the content."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [("Osei said that the ferry crews would strike.", "the ferry crews would strike")],
    )
    def test_clause_that_complementiser_dropped(self, text: str, content: str) -> None:
        """A plain 'that' is dropped as before (rule drop-that)."""
        assert [content] == _contents(text)
