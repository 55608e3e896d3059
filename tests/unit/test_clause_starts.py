"""Where reported clauses begin (issue 16): guards of :mod:`quoteattr.clause_starts`.

Sentences written for these tests; the starts were counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestAudienceCueAddressee:
    """Guard audience-cue-addressee: the rest of an addressee after 'told a CNN ...' is no content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Mayor Osei told a CNN town hall audience that the ferry would keep running.",
                "the ferry would keep running",
            ),
            ("The governor told the BBC radio panel on Friday that the tunnel was safe.", "the tunnel was safe"),
            ("Kim told reporters gathered outside the depot that the strike was over.", "the strike was over"),
        ],
    )
    def test_clause_starts_after_the_addressee(self, text: str, content: str) -> None:
        """The clause opens after the 'that' that follows the addressee's last words."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # a finite verb after "that": a relative clause on the addressee; nothing is skipped
            (
                "Kim told a CNN panel that was set up last year the toll would fall.",
                "panel that was set up last year the toll would fall",
            ),
            # no "that" at all: the words after the cue stay
            ("Kim told reporters the strike was over.", "the strike was over"),
        ],
    )
    def test_clause_starts_keeps_words_without_a_clause_that(self, text: str, content: str) -> None:
        """Without a complementiser 'that' the words after the cue are kept."""
        assert [content] == _contents(text)
