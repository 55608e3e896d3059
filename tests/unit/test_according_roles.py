"""Guard source-appositive of rule according-to reads person roles only
(issue 16): an organisation noun after 'X, according to Y,' opens a clause
("state security forces have ..."), a person's role describes the source
("director of ..."). Sentences written for these tests; none comes from the
data files."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _parts(text: str) -> list[list[str]]:
    return [[p.text for p in q.parts] for q in quoteattr.extract(text).quotes if q.rule == Rule.ACCORDING_TO]


class TestAccordingRoles:
    """Organisation nouns open the clause after the source; person roles describe the source."""

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            (
                "Since March, according to the harbour board, state inspectors have closed four piers.",
                ["state inspectors have closed four piers"],
            ),
            (
                "Around 9 p.m., according to the log, the navy crews left the harbour.",
                ["Around 9 p.m.", "the navy crews left the harbour"],
            ),
        ],
    )
    def test_according_roles_organisation_opens_clause(self, text: str, parts: list[str]) -> None:
        """'X, according to Y, Z' with Z opening on an organisation noun reports Z, with X when X is no
        clause (guard source-aside); before, X alone was taken for a trailing clause."""
        assert [parts] == _parts(text)

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            (
                "Since March, according to Mina Osei, director of the harbour board, four piers closed.",
                ["Since March"],
            ),
            (
                "The ferry lost money, according to Kim Diaz, the former auditor of the line.",
                ["The ferry lost money"],
            ),
        ],
    )
    def test_according_roles_person_role_describes_source(self, text: str, parts: list[str]) -> None:
        """A person's role after the source is an appositive: the clause before is the content."""
        assert [parts] == _parts(text)
