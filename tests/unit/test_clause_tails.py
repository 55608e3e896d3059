"""The weekday that ends a cue's noun-phrase object (issue 16): rule ``cut-object-day``.

Sentences written for these tests; the rule was counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import clause_tails  # noqa: F401  (registers the rule of this module)
from quoteattr.registry import Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestCutObjectDay:
    """Rule cut-object-day: a noun-phrase object ends before 'on Monday', 'late Tuesday night'."""

    def test_clause_tails_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_OBJECT_DAY).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei announced his support for the ferry plan on Thursday night.", "his support for the ferry plan"),
            ("The harbour board praised the new timetable earlier Sunday.", "the new timetable"),
            ("Mayor Ruiz announced her candidacy for the council late Friday.", "her candidacy for the council"),
        ],
    )
    def test_clause_tails_day_after_object(self, text: str, content: str) -> None:
        """The day dates the speech act: the object ends before it."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # a clause keeps its day
            ("Osei said the vote would be held on Thursday.", "the vote would be held on Thursday"),
            # "Super Tuesday" is a name
            ("Kim predicted a big win on Super Tuesday.", "a big win on Super Tuesday"),
            # an infinitive keeps it
            ("The union urged its members to vote on Tuesday.", "its members to vote on Tuesday"),
            # a bare day stays
            ("Osei announced his support for the ferry plan Thursday.", "his support for the ferry plan Thursday"),
        ],
    )
    def test_clause_tails_day_kept(self, text: str, content: str) -> None:
        """Without a noun-phrase object and an opener before the day, the day stays."""
        assert [content] == _contents(text)


class TestCutObjectOccasion:
    """Rule cut-object-occasion: a noun-phrase object ends before 'in a statement', 'during a debate'."""

    def test_clause_tails_occasion_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_OBJECT_OCCASION).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei praised the harbour crew in a statement after the storm.", "the harbour crew"),
            ("The senator criticized the ferry contract during a radio interview.", "the ferry contract"),
            ("Mayor Ruiz mentioned the old toll bridge at her first rally in Salem.", "the old toll bridge"),
        ],
    )
    def test_clause_tails_occasion_after_object(self, text: str, content: str) -> None:
        """The occasion of the speech act is the writer's: the object ends before it."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # a clause keeps it
            (
                "Osei said the crew was brave in a statement after the storm.",
                "the crew was brave in a statement after the storm",
            ),
            # "the": an occasion named before
            ("The senator criticized the ferry contract in the interview.", "the ferry contract in the interview"),
            # a one-word object keeps it
            ("The senator criticized Osei in a radio interview.", "Osei in a radio interview"),
        ],
    )
    def test_clause_tails_occasion_kept(self, text: str, content: str) -> None:
        """Without a noun-phrase object of two words or more and 'a/an/his...', the phrase stays."""
        assert [content] == _contents(text)


class TestCutObjectChannel:
    """Rule cut-object-occasion, the channel: 'through his lawyer', 'on Twitter', 'on its website'."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The harbour master denied the allegations through his lawyer.", "the allegations"),
            ("The union praised the new ferry schedule on Twitter.", "the new ferry schedule"),
            ("Osei defended the port budget in several interviews.", "the port budget"),
            ("Mensah criticized the ferry owners on their own show.", "the ferry owners"),
        ],
    )
    def test_clause_tails_channel_after_object(self, text: str, content: str) -> None:
        """The channel of the speech act is the writer's: the object ends before it."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Mensah said the ferry race would be shown on television.", "the ferry race would be shown on television"),
            ("Osei defended the port budget in interviews.", "the port budget in interviews"),
        ],
    )
    def test_clause_tails_channel_kept(self, text: str, content: str) -> None:
        """A clause keeps the phrase, and so does a bare 'in interviews'."""
        assert [content] == _contents(text)
