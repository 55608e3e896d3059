"""Where reported clauses end (issue 16): rules of :mod:`quoteattr.clause_ends`.

Sentences written for these tests; the cuts were counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import clause_ends  # noqa: F401  (registers the rules of this module)
from quoteattr.registry import Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestCutClosingParen:
    """Rule cut-closing-paren: a clause inside a parenthesis ends at its ')'."""

    def test_clause_ends_closing_paren_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_CLOSING_PAREN).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The ferry kept running. (Osei, of course, said the timing was unrelated.) The port reopened.",
                "the timing was unrelated",
            ),
            (
                "Prices rose again. (The bakers' guild says flour costs doubled in May) and shops closed early.",
                "flour costs doubled in May",
            ),
        ],
    )
    def test_clause_ends_at_closing_paren(self, text: str, content: str) -> None:
        """The clause stops before the ')' that closes the writer's aside."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei said the toll (about $5) would stay in place.", "the toll (about $5) would stay in place"),
            ('Osei said the sign read "closed (for now)" all week.', 'the sign read "closed (for now)" all week'),
        ],
    )
    def test_clause_keeps_its_own_parenthesis(self, text: str, content: str) -> None:
        """A parenthesis that opens inside the clause, or a ')' inside a quote, is kept."""
        assert [content] == _contents(text)
