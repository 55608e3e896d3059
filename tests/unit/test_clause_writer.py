"""The writer's words after a reported clause (issue 16): rules of
:mod:`quoteattr.clause_writer`.

Sentences written for these tests; the cuts were counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import clause_writer  # noqa: F401  (registers the rules of this module)
from quoteattr.registry import Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _contents(text: str) -> list[str]:
    return [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestCutPollComparison:
    """Rule cut-poll-comparison: ', compared with' and a number is the writer's."""

    def test_clause_writer_poll_comparison_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_POLL_COMPARISON).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Most riders said the night ferry should keep running, compared with 38 percent in the spring.",
                "the night ferry should keep running",
            ),
            (
                "Six in 10 fishermen said the harbour fees were too high, compared to four in 10 a year ago.",
                "the harbour fees were too high",
            ),
            (
                "Half of the tenants said they trusted the landlord, compared with about a third of owners.",
                "they trusted the landlord",
            ),
        ],
    )
    def test_clause_writer_ends_before_poll_comparison(self, text: str, content: str) -> None:
        """The clause stops before the comparison with another figure."""
        assert content == _contents(text)[0]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the new pier was small, compared with the one in Tema.",
                "the new pier was small, compared with the one in Tema",
            ),
            (
                'Osei said the toll was "tiny, compared with 40 cedis elsewhere" and would stay.',
                'the toll was "tiny, compared with 40 cedis elsewhere" and would stay',
            ),
        ],
    )
    def test_clause_writer_keeps_other_comparisons(self, text: str, content: str) -> None:
        """A comparison with no number, or one inside a quote, stays in the clause."""
        assert [content] == _contents(text)


class TestCutDashClause:
    """Rule cut-dash-clause: a spaced dash and 'and' open the writer's new main clause."""

    def test_clause_writer_dash_clause_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_DASH_CLAUSE).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the tide of opinion was turning - and the council is still debating the toll.",
                "the tide of opinion was turning",
            ),
            (
                "The ferry operator said fuel costs had doubled since May — and several captains were at the hearing.",
                "fuel costs had doubled since May",
            ),
            (
                "Mensah said the harbour would reopen in June -- and she means to be there when it does.",
                "the harbour would reopen in June",
            ),
        ],
    )
    def test_clause_writer_ends_before_dash_and(self, text: str, content: str) -> None:
        """The clause stops before the dash."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the new toll would fail - and could cost the port its busiest season.",
                "the new toll would fail - and could cost the port its busiest season",
            ),
            (
                "Osei said the harbour board - mostly retired captains - and the mayor had agreed on the toll.",
                "the harbour board - mostly retired captains - and the mayor had agreed on the toll",
            ),
            (
                "Osei said the council had cut the ferry runs - and moved them to Sundays - to save fuel.",
                "the council had cut the ferry runs - and moved them to Sundays - to save fuel",
            ),
            (
                'Osei said the plan was "bold - and the crews love it" at the meeting.',
                'the plan was "bold - and the crews love it" at the meeting',
            ),
        ],
    )
    def test_clause_writer_keeps_dash_and(self, text: str, content: str) -> None:
        """A second predicate, a pair of dashes around an aside or a quote keeps the clause whole."""
        assert [content] == _contents(text)


class TestCutButClause:
    """Rule cut-but-clause: ', but' opens the writer's main clause."""

    def test_clause_writer_but_clause_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_BUT_CLAUSE).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the toll was fair to every driver, but Mayor Mensah was furious about it.",
                "the toll was fair to every driver",
            ),
            (
                "The captain said the night ferry would run on time — but Harbour officials disagreed.",
                "the night ferry would run on time",
            ),
        ],
    )
    def test_clause_writer_ends_before_but_and_new_subject(self, text: str, content: str) -> None:
        """After a reported clause, ', but' and a capitalised subject end it."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the toll was fair to every driver, but they are still angry about it.",
                "the toll was fair to every driver, but they are still angry about it",
            ),
            (
                "Osei said the toll was steep, but I think he will pay it.",
                "the toll was steep, but I think he will pay it",
            ),
        ],
    )
    def test_clause_writer_keeps_but_with_pronoun(self, text: str, content: str) -> None:
        """A pronoun subject or "I" after ', but' goes on with the clause."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Mensah praised the harbour crews for their quick work, but the strike went on for a week.",
                "the harbour crews for their quick work",
            ),
            (
                "Mensah criticized the new ferry timetable, but it was too late to change.",
                "the new ferry timetable",
            ),
        ],
    )
    def test_clause_writer_object_ends_before_but(self, text: str, content: str) -> None:
        """A noun-phrase object ends before any ', but'."""
        assert [content] == _contents(text)

    def test_clause_writer_object_keeps_but_also(self) -> None:
        """'..., but also ...' goes on with the object."""
        text = "Mensah criticized not only the ferry timetable, but also the fares."
        assert ["not only the ferry timetable, but also the fares"] == _contents(text)


class TestUnreadSubject:
    """Rule cut-next-attribution: a quantity subject after ', and' opens a new attribution."""

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                "Most riders said the ferry was safe, and two-thirds said the same of the bridge.",
                ["the ferry was safe", "the same of the bridge"],
            ),
            (
                "Half said they feared higher tolls; and more than 3 in 10 said the port should close.",
                ["they feared higher tolls", "the port should close"],
            ),
        ],
    )
    def test_clause_writer_ends_before_quantity_subject(self, text: str, contents: list[str]) -> None:
        """The first clause ends at the comma before the second attribution."""
        assert contents == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said the toll would stay, and that the ferry crews said nothing about it.",
                "the toll would stay, and that the ferry crews said nothing about it",
            ),
            (
                "Osei said he had no plan to speak, but when Mensah said his name he stood up.",
                "he had no plan to speak, but when Mensah said his name he stood up",
            ),
        ],
    )
    def test_clause_writer_keeps_continued_clause(self, text: str, content: str) -> None:
        """Guard continued-clause: 'and that', 'but when' go on with the first clause."""
        assert content == _contents(text)[0]


class TestCutFrontedSubordinate:
    """Rule cut-fronted-subordinate: a clause inside a fronted 'While ...' clause ends at its comma."""

    def test_clause_writer_fronted_subordinate_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_FRONTED_SUBORDINATE).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Now that the mayor has said the ferry will run, the harbour is busy again.", "the ferry will run"),
            ("Ever since Osei announced his candidacy, he has visited every pier in the port.", "his candidacy"),
            ("At a time when critics said the port was dying, the mayor doubled its budget.", "the port was dying"),
            ("Two days after the captain claimed the hull was sound, the ferry sank off Tema.", "the hull was sound"),
        ],
    )
    def test_clause_writer_fronted_phrase_as_subordinator(self, text: str, content: str) -> None:
        """'Now that', 'Ever since', 'At a time when', 'Two days after' open a fronted clause too."""
        assert [content] == _contents(text)

    def test_clause_writer_fronted_phrase_needs_the_phrase(self) -> None:
        """'Now' alone is no subordinator: the clause keeps its comma."""
        text = "Now the mayor says the ferry will run, the pier and the bridge will both reopen."
        assert ["the ferry will run, the pier and the bridge will both reopen"] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "While the mayor has said she opposes the new toll, her council keeps raising it every spring.",
                "she opposes the new toll",
            ),
            (
                "Although Osei claimed the ferry was safe, inspectors found 2,400 faults in its hull.",
                "the ferry was safe",
            ),
            (
                'If the captain says the crossing is "too rough, too cold," the ferry stays in port.',
                'the crossing is "too rough, too cold,"',
            ),
        ],
    )
    def test_clause_writer_ends_at_subordinate_comma(self, text: str, content: str) -> None:
        """The clause stops at the first comma outside quotes."""
        assert content == _contents(text)[0]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The mayor said the toll, the tax and the fee would all rise next year.",
                "the toll, the tax and the fee would all rise next year",
            ),
            (
                "While in Tema, Osei said the ferry, the bus and the train would all run late.",
                "the ferry, the bus and the train would all run late",
            ),
        ],
    )
    def test_clause_writer_keeps_commas_without_subordinate(self, text: str, content: str) -> None:
        """No subordinator, or a comma before the cue, leaves the clause whole."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "As the harbour board reported, even if the ferry runs at night, it would lose money every week.",
                "even if the ferry runs at night, it would lose money every week",
            ),
            (
                "As the captain said the crossing was shut, the crowd left the pier in silence.",
                "the crossing was shut",
            ),
        ],
    )
    def test_clause_writer_cue_ends_subordinate(self, text: str, content: str) -> None:
        """Guard cue-ends-subordinate: a comma right after the cue closes the fronted clause there;
        without that comma the clause still ends at the first one."""
        assert content == _contents(text)[0]


class TestCutAsComparison:
    """Rule cut-as-comparison: ', as have two others' sets others beside the report."""

    def test_clause_writer_as_comparison_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_AS_COMPARISON).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said he would not back the new toll, as have two other councillors from the coast.",
                "he would not back the new toll",
            ),
            (
                "Mensah said the ferry crews were underpaid, as she did at the hearing last spring.",
                "the ferry crews were underpaid",
            ),
            (
                "The captain said the crossing was delayed, as was the case with the storm in May.",
                "the crossing was delayed",
            ),
        ],
    )
    def test_clause_writer_ends_before_as_comparison(self, text: str, content: str) -> None:
        """The clause stops before the comparison."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "Osei said he would publish the harbour accounts, as is the custom for new mayors.",
                "he would publish the harbour accounts, as is the custom for new mayors",
            ),
            (
                "Osei said the toll would rise, as fuel costs keep climbing.",
                "the toll would rise, as fuel costs keep climbing",
            ),
        ],
    )
    def test_clause_writer_keeps_other_as(self, text: str, content: str) -> None:
        """'as is', 'as are' and a causal 'as' clause go on with the report."""
        assert [content] == _contents(text)


class TestFrontedCondition:
    """Guard fronted-condition of rule cut-next-attribution: 'if X, he would advise Y' is one clause."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "He told the crowd that if the harbour were a company, he would advise buying shares in it.",
                "if the harbour were a company, he would advise buying shares in it",
            ),
            (
                "Osei said that after the flood, the mayor called her to offer help.",
                "after the flood, the mayor called her to offer help",
            ),
            (
                "Mensah said that unless the council acts, the union will urge its members to strike.",
                "unless the council acts, the union will urge its members to strike",
            ),
        ],
    )
    def test_clause_writer_fronted_condition_keeps_main_clause(self, text: str, content: str) -> None:
        """The clause runs on past the subordinate clause's comma and the cue after it."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                "Mensah asked if the ferry would run, the captain said it would not.",
                ["if the ferry would run", "it would not"],
            ),
            (
                "The mayor said the bridge was safe, and Osei said it was not.",
                ["the bridge was safe", "it was not"],
            ),
        ],
    )
    def test_clause_writer_fronted_condition_leaves_other_cuts(self, text: str, contents: list[str]) -> None:
        """An 'if' after 'asked' is the question itself, and a clause with no subordinator is cut as before."""
        assert contents == _contents(text)


class TestGerundAfterAside:
    """Guard gerund-after-aside of rule parenthetical-cue: ', X said, adding that ...' is the writer's."""

    @pytest.mark.parametrize(
        ("text", "contents"),
        [
            (
                "The pier will close in May, the mayor said, adding that the ferry would run all summer.",
                ["The pier will close in May", "the ferry would run all summer"],
            ),
            ("The toll was fair, an aide said, on condition of anonymity.", ["The toll was fair"]),
        ],
    )
    def test_clause_writer_gerund_after_aside(self, text: str, contents: list[str]) -> None:
        """The clause before the aside is reported alone; the gerund reports its own clause."""
        assert contents == _contents(text)

    def test_clause_writer_aside_without_gerund(self) -> None:
        """Without a gerund, the clause runs on both sides of the aside."""
        text = "The repairs, the engineer said, would take a year."
        parts = [[p.text for p in q.parts] for q in quoteattr.extract(text).quotes]
        assert [["The repairs", "would take a year"]] == parts


class TestCutDashAppositive:
    """Rule cut-dash-appositive: ' — a first for the port' is the writer's comment on the clause."""

    def test_clause_writer_dash_appositive_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.CUT_DASH_APPOSITIVE).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei said the ferry would run at night — a first for the port.", "the ferry would run at night"),
            ("The mayor said the toll paid for the pier - a claim her rivals dispute.", "the toll paid for the pier"),
        ],
    )
    def test_clause_writer_ends_before_dash_appositive(self, text: str, content: str) -> None:
        """The clause stops before the spaced dash."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # guard dash-pair: an aside between two dashes
            (
                "Osei said the board - a body of captains - voted against the toll.",
                "the board - a body of captains - voted against the toll",
            ),
            # the speaker's own dash, inside the quote
            ('Osei said the ferry was "late - a disgrace."', 'the ferry was "late - a disgrace."'),
            # "something" is left out
            (
                "Osei said the ferry would run at night — something the port has never seen.",
                "the ferry would run at night — something the port has never seen",
            ),
        ],
    )
    def test_clause_writer_keeps_other_dashes(self, text: str, content: str) -> None:
        """A dash pair, a quoted dash or another word after the dash leaves the clause whole."""
        assert [content] == _contents(text)
