"""The relative pronoun of a clause with a subject gap (issue 16): rule ``relative-gap``.

Sentences written for these tests; the rule was counted on polnear-train.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import clause_gaps  # noqa: F401  (registers the rule of this module)
from quoteattr.registry import Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _parts(text: str) -> list[list[str]]:
    return [[p.text for p in q.parts] for q in quoteattr.extract(text, min_confidence=0).quotes]


class TestRelativeGap:
    """Rule relative-gap: 'which/what' + speaker + cue + verb gives the pronoun as the first part."""

    def test_clause_gaps_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.RELATIVE_GAP).stage

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("The board approved the levy, which the mayor said was long overdue.", ["which", "was long overdue"]),
            ("Residents want what the planners said is a safer crossing.", ["what", "is a safer crossing"]),
            (
                "The council kept the old ferry, which two engineers argued needed new engines.",
                ["which", "needed new engines"],
            ),
            # guard object-gap: the clause lacks its object ("afford" it)
            (
                "The board approved the levy, which the mayor said the city could afford.",
                ["which", "the city could afford"],
            ),
            # guard object-gap: a verb the verb test does not know ("spur")
            (
                "The board backed the new tolls, which its members argue spur ferry use.",
                ["which", "spur ferry use"],
            ),
        ],
    )
    def test_clause_gaps_pronoun_opens_the_content(self, text: str, parts: list[str]) -> None:
        """The pronoun stands in for the clause's missing subject and is its first part."""
        assert [parts] == _parts(text)

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            # the clause has a pronoun subject of its own: PolNeAR's content starts after the cue
            ("The board approved the levy, which the mayor said she could afford.", ["she could afford"]),
            # "that" is left out (the annotation is split on it)
            ("The plan that the mayor said was too costly passed.", ["was too costly passed"]),
            # no pronoun before the speaker
            ("The mayor said the levy was long overdue.", ["the levy was long overdue"]),
            # an adverb in -s is no verb
            ("The fund, which the mayor said perhaps needs more money, grew.", ["perhaps needs more money, grew"]),
        ],
    )
    def test_clause_gaps_no_pronoun_part(self, text: str, parts: list[str]) -> None:
        """Without 'which/what' before the speaker, or with a subject in the clause, one part."""
        assert [parts] == _parts(text)


class TestFrontedPart:
    """Rule fronted-part: the words before ', SPEAKER CUE adjunct,' are the clause's first part."""

    def test_clause_gaps_fronted_part_registered(self) -> None:
        """Registered in the clause stage."""
        assert Stage.CLAUSE == spec(Rule.FRONTED_PART).stage

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            (
                "If she wins, Ruiz suggested in a tweet, the ferry will be free.",
                ["If she wins", "the ferry will be free"],
            ),
            (
                "When the vote was counted, Osei said on Monday, the workers would get a raise.",
                ["When the vote was counted", "the workers would get a raise"],
            ),
            ("The solution, the partner told them, was simple.", ["The solution", "was simple"]),
        ],
    )
    def test_clause_gaps_fronted_words_open_the_content(self, text: str, parts: list[str]) -> None:
        """The clause runs on both sides of the speaker, the cue and its adjunct."""
        assert [parts] == _parts(text)

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            # "that" after the cue: the words before the speaker are the writer's
            # (the "that" before an aside stays: guard that-aside)
            ("The mayor asserted that, tolls aside, the ferry was cheap.", ["that, tolls aside, the ferry was cheap"]),
            # a quotation after the comma
            ('In the end, Osei said on Monday, "We will build it."', ["We will build it."]),
            # fewer than two words before the speaker
            ("Still, Osei said on Monday, the ferry would run.", ["the ferry would run"]),
        ],
    )
    def test_clause_gaps_no_fronted_part(self, text: str, parts: list[str]) -> None:
        """Without the shape the rule names, the clause keeps one part."""
        assert [parts] == _parts(text)


class TestSubjectAfterComma:
    """Guard subject-after-comma: the fronted part ends at the last comma before a speaker np_left reads short."""

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            # np_left reads "drivers" alone; the comma stands before "several drivers"
            (
                "On most nights, several drivers said, the last ferry left early.",
                ["On most nights", "the last ferry left early"],
            ),
            # a name with a particle
            (
                "For many years, Mr. van Dam noted, the harbour has flooded in March.",
                ["For many years", "the harbour has flooded in March"],
            ),
            # "as" before the speaker
            (
                "Only last winter, as the Gazette reported, the pier was closed twice.",
                ["Only last winter", "the pier was closed twice"],
            ),
        ],
    )
    def test_clause_gaps_comma_before_speaker(self, text: str, parts: list[str]) -> None:
        """The words from the sentence start to that comma are the clause's first part."""
        assert [parts] == _parts(text)

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            # the comma opens a source phrase, not a subject
            (
                "Nowhere in the report, according to members who spoke with reporters, was the toll named.",
                ["was the toll named"],
            ),
            # a "that" before the comma: the words before it are the writer's
            (
                "The fares rose, given that, as the Gazette reported, the fuel cost doubled.",
                ["the fuel cost doubled"],
            ),
        ],
    )
    def test_clause_gaps_no_subject_after_comma(self, text: str, parts: list[str]) -> None:
        """Without a plain subject between the comma and the cue, no fronted part."""
        assert parts == next(iter(_parts(text)), [])


class TestDescribedGap:
    """Rule described-gap: 'what/which/whom' + speaker + describing cue + quote gives the pronoun first."""

    def test_clause_gaps_described_gap_registered(self) -> None:
        """Registered in the cue stage."""
        assert Stage.CUE == spec(Rule.DESCRIBED_GAP).stage

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            (
                'The council closed the pier after what the mayor called "a disgrace to the harbour."',
                ["what", "a disgrace to the harbour."],
            ),
            (
                'The toll, which Osei described as "daylight robbery," was dropped in May.',
                ["which", 'as "daylight robbery,'],
            ),
            (
                'Mensah, whom the captain described as "a true sailor," left the port on Monday.',
                ["whom", 'as "a true sailor,'],
            ),
        ],
    )
    def test_clause_gaps_described_gap_pronoun_first(self, text: str, parts: list[str]) -> None:
        """The pronoun is the first part; the quote (with its 'as') the second."""
        assert [parts] == _parts(text)

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ('The mayor attacked the plan, calling it "reckless."', ["reckless."]),
            ('The captain called the new toll "daylight robbery."', ['the new toll "daylight robbery."']),
        ],
    )
    def test_clause_gaps_described_gap_needs_pronoun(self, text: str, parts: list[str]) -> None:
        """Without a relative pronoun before the speaker, or with an object after the cue, nothing changes."""
        assert [parts] == _parts(text)
