"""Guards of quoteattr.false_attributions (issue 16): shapes that look like
an attribution and are none. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _found(text: str, rule: Rule, min_confidence: float = 0.3) -> list[str]:
    return [
        q.content.text for q in quoteattr.extract(text, min_confidence=min_confidence).quotes if q.rule == rule.value
    ]


class TestTitleByAuthor:
    """Guard title-by-author: a quote followed by "by" and a name is a title."""

    @pytest.mark.parametrize(
        "text",
        [
            'Her second novel, "The Ferry Keeper\'s Daughter," by Ana Ruiz, sold well in the harbour towns.',
            'TIDES—"Ferry fares to rise again in the spring," by the Gazette\'s Tom Bell: the board voted on Monday.',
            'He kept rereading "A Short History of Bridges and the People Who Built Them" by Mara Lind.',
        ],
    )
    def test_false_attributions_title_is_no_quote(self, text: str) -> None:
        """The title scores low (0.15), below the default threshold."""
        assert [] == _found(text, Rule.DIRECT_BARE)
        assert 1 == len(_found(text, Rule.DIRECT_BARE, min_confidence=0.0))

    @pytest.mark.parametrize(
        "text",
        [
            '"We will not close the pier, not this year and not the next," a spokesman said, by phone.',
            '"We will not close the pier, not this year and not the next." By noon the crowd had gone.',
            'Her answer was "Keep the ferry running for all of us," by all accounts the best of the night.',
        ],
    )
    def test_false_attributions_by_without_a_name_keeps_the_quote(self, text: str) -> None:
        """A quote whose "by" opens no name, or that ends its sentence, is kept."""
        assert 1 == len(quoteattr.extract(text).quotes)


class TestAdjunctOnly:
    """Guard adjunct-only: an "in" phrase after the cue is no reported clause."""

    @pytest.mark.parametrize(
        "text",
        [
            "Raising the toll is a classic scare tactic, as Lena Osei noted in The Harbour Review.",
            "It was never about the bridge, her aides argued in interviews this week; the money mattered more.",
            "The council would lose its seat, as the mayor warned in March.",
            "Osei told reporters in Leith.",
        ],
    )
    def test_false_attributions_in_phrase_reports_nothing(self, text: str) -> None:
        """No quote holds only the "in" phrase."""
        assert [] == [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.content.text.startswith("in ")]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei said in 2012 the pier had closed twice.", "in 2012 the pier had closed twice"),
            ("The mayor wrote in a letter that the toll would stay.", "the toll would stay"),
            ("Osei argued in favor of a lower toll for residents.", "in favor of a lower toll for residents"),
            (
                "The reason for the closure is explained in a report by the harbour board.",
                "in a report by the harbour board",
            ),
        ],
    )
    def test_false_attributions_clause_after_in_is_kept(self, text: str, content: str) -> None:
        """A clause after the phrase, "in favor of" and a passive cue keep their content."""
        found = [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]
        assert content in found


class TestNamingParticiple:
    """Guard naming-participle: 'a NOUN called "X"' names a thing."""

    @pytest.mark.parametrize(
        "text",
        [
            'The troupe is touring a new play called "The Toll Keeper" across the coast.',
            'Residents formed a group called "Save the Pier" after the storm.',
        ],
    )
    def test_false_attributions_named_thing_has_no_speaker(self, text: str) -> None:
        """The quote is left to rule direct-bare (a title, 0.15), with no speaker."""
        quotes = quoteattr.extract(text, min_confidence=0).quotes
        assert [(Rule.DIRECT_BARE.value, None)] == [(q.rule, q.speaker) for q in quotes]

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ('The mayor called it "a ruin" on Monday.', "The mayor"),
            ('A harbour pilot called the new toll "a tax on fishermen."', "A harbour pilot"),
            ('Osei called the pier "a ruin" on Monday.', "Osei"),
        ],
    )
    def test_false_attributions_description_keeps_its_speaker(self, text: str, speaker: str) -> None:
        """With an object between the cue and the quote, or a definite or named subject, it is speech."""
        quotes = quoteattr.extract(text).quotes
        assert [speaker] == [q.speaker.mention.text for q in quotes if q.speaker is not None]


class TestTranscriptKicker:
    """Guard transcript-kicker: a kicker or contact label before a colon is no speaker."""

    @pytest.mark.parametrize(
        "text",
        [
            "BYLINE: Tom Bell.\n\nThe ferry will stop running in May.",
            "EMAIL: desk@example.com.\n\nThe ferry will stop running in May.",
            "EXCLUSIVE: Harbour board hides the true cost of the pier.\n\nThe board met on Monday.",
        ],
    )
    def test_false_attributions_kicker_is_no_speaker(self, text: str) -> None:
        """No transcript line is read."""
        assert [] == _found(text, Rule.TRANSCRIPT_SPEAKER, min_confidence=0.0)

    def test_false_attributions_transcript_names_stay(self) -> None:
        """Speakers of a transcript are still read."""
        text = "WALLACE: Let us start with the ferry.\n\nTHE PRESIDENT: It will run all winter."
        quotes = [q for q in quoteattr.extract(text).quotes if q.rule == Rule.TRANSCRIPT_SPEAKER.value]
        assert ["WALLACE", "THE PRESIDENT"] == [q.speaker.mention.text for q in quotes if q.speaker is not None]


class TestWorkTitle:
    """Guard work-title: a title-case quote after a noun of a work is its title."""

    @pytest.mark.parametrize(
        "text",
        [
            'Readers studied her new book, "Broken Harbours: How to Make the Ferries of Leith Run Again," for clues.',
            'The movie, "Nine Days: The Secret Ferrymen of the Northern Isles," opens in May.',
            'Osei, a co-author of "Those Ferries Were All the Fun: Inside the World of Leith."',
        ],
    )
    def test_false_attributions_work_title_scores_low(self, text: str) -> None:
        """The title is a bare quote at 0.15, below the default threshold."""
        assert [] == _found(text, Rule.DIRECT_BARE)
        assert 1 == len(_found(text, Rule.DIRECT_BARE, min_confidence=0.0))

    @pytest.mark.parametrize(
        "text",
        [
            'In his memoir, "I never trusted the pier, not for one single day of my life."',
            'The poster read, "No Toll On The Pier For Residents Of Leith."',
        ],
    )
    def test_false_attributions_words_after_a_work_stay(self, text: str) -> None:
        """Words that are not in title case, or follow no work noun, stay a quote."""
        assert 1 == len(quoteattr.extract(text).quotes)


class TestTimeOnly:
    """Guard time-only: a time adverbial after the cue is no reported clause."""

    @pytest.mark.parametrize(
        "text",
        [
            "As the Leith Gazette reported just today, the board will sell the pier.",
            "The toll doubled in March, as the Gazette reported a few days later.",
            "The board voted against the toll, as its chairman has stated many times.",
        ],
    )
    def test_false_attributions_time_phrase_reports_nothing(self, text: str) -> None:
        """No quote holds only the time phrase."""
        contents = [q.content.text for q in quoteattr.extract(text, min_confidence=0).quotes]
        assert [] == [c for c in contents if c.endswith(("today", "later", "times"))]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The mayor said today the pier would close in May.", "the pier would close in May"),
            ("Osei reported two weeks ago that the ferry had sunk.", "two weeks ago that the ferry had sunk"),
        ],
    )
    def test_false_attributions_clause_after_time_is_kept(self, text: str, content: str) -> None:
        """A clause with the time phrase keeps its content."""
        assert [content] == _found(text, Rule.SUBJECT_CUE_CLAUSE)
