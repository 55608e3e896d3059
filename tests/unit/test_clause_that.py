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


class TestDropParticle:
    """Rule drop-against, for a particle: 'commented on', 'remarked upon', 'tweeted out' open the object."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                # ("comment on" is read by rule preposition-topic: its topic ends before the day)
                "Osei would not comment on a memo signed by the harbour master on Monday.",
                "a memo signed by the harbour master",
            ),
            (
                "The mayor remarked upon the fact that the pier had been closed twice.",
                "the fact that the pier had been closed twice",
            ),
            ("A woman shouted out an insult aimed at the mayor.", "an insult aimed at the mayor"),
        ],
    )
    def test_clause_particle_dropped(self, text: str, content: str) -> None:
        """The content starts after the particle."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # "said on Monday": "on" opens an adjunct, no particle of "say"
            ("Osei said on Monday the pier would reopen.", "the pier would reopen"),
        ],
    )
    def test_clause_particle_other_cue(self, text: str, content: str) -> None:
        """Other cues keep their reading."""
        assert [content] == _contents(text)
