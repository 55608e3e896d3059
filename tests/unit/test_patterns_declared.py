"""Rule passive-declared: a passive "declared" reports its subject and its
complement (issue 16). Sentences written for these tests; none comes from
the data files."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _declared(text: str) -> list[list[str]]:
    return [[p.text for p in q.parts] for q in quoteattr.extract(text).quotes if q.rule == Rule.PASSIVE_DECLARED]


class TestPassiveDeclared:
    """The subject and the complement, two pieces; the cue between them is no content."""

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("Ruiz was declared the winner in Leith, and her rival conceded.", ["Ruiz", "the winner in Leith"]),
            ("The ferry union was declared the victor by the arbitration board.", ["The ferry union", "the victor"]),
            (
                "Shortly after Okafor was declared the winner in Tarn, Ruiz left the hall.",
                ["Okafor", "the winner in Tarn"],
            ),
            (
                "Ms. Osei, then the harbour master, was declared the new mayor of the port.",
                ["Ms. Osei, then the harbour master", "the new mayor of the port"],
            ),
            (
                "The council reported that the pier was formally declared unsafe.",
                [],  # (nested: the cue lies inside the reported clause)
            ),
        ],
    )
    def test_patterns_declared_subject_and_complement(self, text: str, parts: list[str]) -> None:
        """Subject and complement, with a subordinating word before the subject left out."""
        assert ([parts] if parts else []) == _declared(text)

    @pytest.mark.parametrize(
        "text",
        [
            "The mayor declared the pier unsafe.",  # active: rule subject-cue-clause's
            "Okafor, who was declared the winner last week, spoke first.",  # guard relative-subject
            "At noon it was declared by the clerk, and by the whole hall, that the pier was shut.",  # agent-first
        ],
    )
    def test_patterns_declared_not_proposed(self, text: str) -> None:
        """An active cue and a relative subject are left to the other rules."""
        assert [] == _declared(text)

    def test_patterns_declared_replaces_the_long_clause(self) -> None:
        """Before the rule the complement alone ran on as a clause to the sentence end."""
        text = "Ruiz was declared the winner in Leith, and it is clear that she will stay."
        qs = quoteattr.extract(text).quotes
        assert [("passive-declared", "Ruiz … the winner in Leith")] == [
            (q.rule, " … ".join(p.text for p in q.parts)) for q in qs if q.cue and q.cue.text == "declared"
        ]
