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


class TestLateThatOpeners:
    """Rule late-that: an attitude noun, 'only' or 'however' after the cue is no content."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The mayor said only that the budget was under review.", "the budget was under review"),
            ("The minister suggested however that the deal was close.", "the deal was close"),
            ("Two councillors expressed alarm that the reservoir was nearly empty.", "the reservoir was nearly empty"),
            ("The union expressed skepticism that the plant would reopen.", "the plant would reopen"),
            # guard late-quote after 'only'
            ("The captain replied only, “Hold the line.”", "Hold the line."),
        ],
    )
    def test_clause_starts_after_opener(self, text: str, content: str) -> None:
        """The clause opens after the 'that' (or at the quote) that follows the opener."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # 'that' as a pronoun at the end: nothing is skipped
            ("The mayor said only that and left the room.", "only that and left the room"),
            # a finite verb after 'that': a relative clause, the words stay
            ("Osei voiced alarm that was shared by the council.", "alarm that was shared by the council"),
        ],
    )
    def test_clause_starts_opener_needs_clause_that(self, text: str, content: str) -> None:
        """No clause is opened at a 'that' that is a pronoun or a relative."""
        assert [content] == _contents(text)


class TestTitleOrPossessive:
    """Guard title-or-possessive: a possessive or a quoted show title before the late 'that'."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Kim told ABC's morning show on Friday that the ferry would run.", "the ferry would run"),
            ("Kim told CBS News' Dana Ruiz that the ferry would run.", "the ferry would run"),
            ("Osei told The Ledger's editorial board that the toll would fall.", "the toll would fall"),
            ('Osei said on NBC\'s "Meet the Press" on Sunday that the toll would fall.', "the toll would fall"),
            # the title right before "that"
            ("Kim told ABC’s “Good Morning America” that the ferry would run.", "the ferry would run"),
        ],
    )
    def test_clause_starts_after_title_or_possessive(self, text: str, content: str) -> None:
        """The possessive and the title belong to the words before 'that'."""
        assert content in _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # a quote that is no title (lower-case words) stops the scan
            (
                'Osei said at the depot "it is over" and that the toll would fall.',
                'at the depot "it is over" and that the toll would fall',
            ),
        ],
    )
    def test_clause_starts_quote_is_no_title(self, text: str, content: str) -> None:
        """A quotation that is no title keeps the words after the cue."""
        assert content in _contents(text)


class TestDeterminerIng:
    """Guard determiner-ing: a word in -ing after a determiner is a noun, not a gerund."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei said in her opening remarks that the toll would fall.", "the toll would fall"),
            ("Kim said in the spring that the mill would close.", "the mill would close"),
            ("Kim said in the spring that she’s ready to run.", "she’s ready to run"),
        ],
    )
    def test_clause_starts_after_noun_in_ing(self, text: str, content: str) -> None:
        """The scan goes on past 'her opening', 'the spring' to the late 'that'."""
        assert [content] == _contents(text)

    def test_clause_starts_relative_after_noun_in_ing(self) -> None:
        """After such a noun, a verb right after 'that' opens a relative clause: nothing is skipped."""
        text = "Osei said at the overlapping hearings that run all week the toll was fair."
        assert ["at the overlapping hearings that run all week the toll was fair"] == _contents(text)


class TestDropAgainst:
    """Rule drop-against: right after a cue verb, 'against' is not part of the content."""

    def test_clause_starts_drop_against_registered(self) -> None:
        """Registered in the clause stage."""
        from quoteattr import clauses  # noqa: F401  (registers the rule)
        from quoteattr.registry import Rule, Stage, spec

        assert Stage.CLAUSE == spec(Rule.DROP_AGAINST).stage

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The union warned against the new toll.", "the new toll"),
            ("Osei argued against building a second bridge.", "building a second bridge"),
            ('Kim cautioned against "a rush to judgment" on the ferry.', '"a rush to judgment" on the ferry'),
        ],
    )
    def test_clause_starts_after_against(self, text: str, content: str) -> None:
        """The object of 'against' is the content."""
        assert [content] == _contents(text)

    def test_clause_starts_keeps_inner_against(self) -> None:
        """An 'against' inside the clause stays."""
        assert ["the vote against the toll failed"] == _contents("Kim said the vote against the toll failed.")

    def test_clause_starts_keeps_against_hope(self) -> None:
        """The idiom 'hoping against hope' keeps its words."""
        text = "She rode on through the night, hoping against hope that the ferry had waited."
        assert ["against hope that the ferry had waited"] == _contents(text)


class TestToHearer:
    """Guard to-hearer: 'to' opens the words before a late 'that'; after an infinitive only a subject follows."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei said to the council that the toll would rise.", "the toll would rise"),
            ("Osei explained to Kim that the toll would rise.", "the toll would rise"),
            ("Osei wrote to supporters that the ferry would run.", "the ferry would run"),
            ("The mayor continued to insist that the toll would rise.", "the toll would rise"),
        ],
    )
    def test_clause_starts_after_to(self, text: str, content: str) -> None:
        """The hearer or the infinitive before 'that' is not content."""
        assert content in _contents(text)

    def test_clause_starts_relative_after_infinitive(self) -> None:
        """'to veto the bill that allows ...': a relative clause, the words after the cue stay."""
        text = "Osei threatened to veto the bill that allows tolls."
        assert ["to veto the bill that allows tolls"] == _contents(text)


class TestAdjunctCase:
    """Rule late-that, ADJUNCT_RE: an adjunct's name words must be capitalised ('on Tuesday', 'to CNN')."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # "to the council" is no name: the adjunct ends after "statement", the late "that" follows
            ("Osei said in a statement to the council that the toll would rise.", "the toll would rise"),
            # "on his" is no day or name ("on Tuesday"): the late "that" follows
            ("Osei reported on his disclosure forms that the fee was modest.", "the fee was modest"),
            ("Osei said last quarter that profits fell.", "profits fell"),
            ("Osei said in an interview with CNN on Sunday that the toll would rise.", "the toll would rise"),
        ],
    )
    def test_clause_starts_adjunct_words(self, text: str, content: str) -> None:
        """The clause opens after the adjunct and the late 'that', not inside them."""
        assert [content] == _contents(text)


class TestOnObject:
    """Guard on-object: right after a cue, 'on' + words with no finite verb is the cue's object."""

    def test_clause_starts_on_object_no_clause(self) -> None:
        """'insisted on a full review' reports no clause."""
        assert [] == _contents("Osei insisted on a full review of the toll.")

    def test_clause_starts_on_clause_kept(self) -> None:
        """A clause with a finite verb after 'on ...' is kept whole."""
        text = "Osei said on her worst day she would still win."
        assert ["on her worst day she would still win"] == _contents(text)


class TestPrepositionObject:
    """Guard on-object: the other prepositions after a cue ('before', 'over', ...) with no finite verb."""

    @pytest.mark.parametrize(
        "text",
        [
            "Osei testified before the harbour committee about the ferry.",
            "The council argued over the cost of the bridge.",
            "Osei insisted on a full review of the toll.",
        ],
    )
    def test_clause_starts_preposition_object_no_clause(self, text: str) -> None:
        """No clause is reported after the cue."""
        assert [] == _contents(text)

    def test_clause_starts_preposition_clause_kept(self) -> None:
        """With a finite verb the words are a clause."""
        text = "Osei said after the vote the ferry would run."
        assert ["after the vote the ferry would run"] == _contents(text)


class TestLeadInQuote:
    """Guard lead-in-quote: a few words and a colon before a quotation that ends the sentence."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ('Osei added a caveat: "The toll stays."', "The toll stays."),
            ("Kim wrote back: “We know.”", "We know."),
            ('The mayor explained it this way: "Nobody pays twice."', "Nobody pays twice."),
        ],
    )
    def test_clause_starts_at_lead_in_quote(self, text: str, content: str) -> None:
        """The quotation is the content."""
        assert [content] == _contents(text)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            # the quotation does not end the sentence
            ('Osei added a caveat: "not yet" and left.', 'a caveat: "not yet" and left'),
            # a comma before the quotation: an apposition, not a lead-in
            ('Osei praised the old slogan, "Ferries for all."', 'the old slogan, "Ferries for all."'),
        ],
    )
    def test_clause_starts_no_lead_in(self, text: str, content: str) -> None:
        """Without the colon and a quotation that ends the sentence, the words stay."""
        assert [content] == _contents(text)
