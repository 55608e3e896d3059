"""Indirect quotes whose cue was found but no quote came out, session 6
(issue 16): each class covers one named rule or guard. Sentences written for
these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _quotes(text: str, rule: Rule) -> list[quoteattr.Quote]:
    return [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == rule.value]


class TestTrailingAdjunct:
    """Guard trailing-adjunct (rule clause-subject-cue): a phrase of time, place
    or occasion may follow a sentence-final 'said', 'told', 'wrote' or 'reported'."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The ferry will run until May, the harbour master said at the time.",
                "The ferry will run until May",
                "the harbour master",
            ),
            (
                "Two depots would close by spring, Okafor wrote in a memo to the dock board.",
                "Two depots would close by spring",
                "Okafor",
            ),
            (
                "The toll had doubled in a year, the dock union said after a meeting on Friday.",
                "The toll had doubled in a year",
                "the dock union",
            ),
            (
                "Nobody had warned the crews, the Leith Gazette reported before the inquiry.",
                "Nobody had warned the crews",
                "the Leith Gazette",
            ),
        ],
    )
    def test_patterns_lost6_trailing_adjunct_reports_the_clause(self, text: str, content: str, speaker: str) -> None:
        """The clause before the comma is reported, the subject before the cue speaks."""
        qs = _quotes(text, Rule.CLAUSE_SUBJECT_CUE)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            # "at least" opens a noun phrase: the clause comes after the cue
            "On Friday morning, the Gazette reported at least six ferries were late.",
            # a "that" clause after the phrase: the clause comes after the cue
            "On Friday, Osei said in a letter that the depot would close.",
            # a cue that is not say, tell, write or report
            "In the spring, the mayor decided on a new toll for the bridge.",
        ],
    )
    def test_patterns_lost6_trailing_adjunct_not_a_lead_phrase(self, text: str) -> None:
        """A lead phrase before the subject is not reported as a clause."""
        assert [] == _quotes(text, Rule.CLAUSE_SUBJECT_CUE)


class TestNounGerund:
    """Rule noun-gerund: a gerund cue right after a document noun reports its clause."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The harbour board released a statement confirming that the west depot would close in May.",
                "the west depot would close in May",
                "The harbour board",
            ),
            (
                "Okafor sent the council a memo explaining why the ferry had been late all winter.",
                "why the ferry had been late all winter",
                "Okafor",
            ),
            (
                "The dock union issued a press release saying the new toll was unfair to drivers.",
                "the new toll was unfair to drivers",
                "The dock union",
            ),
        ],
    )
    def test_patterns_lost6_noun_gerund_reports_the_clause(self, text: str, content: str, speaker: str) -> None:
        """The clause after the gerund is reported, the sentence's subject speaks."""
        qs = _quotes(text, Rule.NOUN_GERUND)
        assert [(content, speaker)] == [(q.content.text, q.speaker.mention.text if q.speaker else None) for q in qs]

    @pytest.mark.parametrize(
        "text",
        [
            # an object, not a clause
            "The ferry company ran ads praising the new captain of the night boat.",
            # a description: rule described-as
            'The council issued a statement calling the closure "a betrayal" of the town.',
            # no document noun before the gerund
            "The drivers kept the road blocked, the crowd chanting that the toll must go.",
        ],
    )
    def test_patterns_lost6_noun_gerund_needs_a_noun_and_a_clause(self, text: str) -> None:
        """Without a document noun before it, or with an object after it, the gerund gives no noun-gerund quote."""
        assert [] == _quotes(text, Rule.NOUN_GERUND)


class TestDescribedObject:
    """Guard described-object: with no quote to take, a describing cue of frame
    object-message ("decried", "derided", "hailed") reports its object."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The harbour master decried the new toll on the east bridge.", "the new toll on the east bridge"),
            ("Dock workers hailed the ferry deal.", "the ferry deal"),
        ],
    )
    def test_patterns_lost6_described_object_reports_the_object(self, text: str, content: str) -> None:
        """The object after the cue is reported by rule subject-cue-object."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.SUBJECT_CUE_OBJECT)]

    def test_patterns_lost6_described_object_quote_first(self) -> None:
        """A quote after the cue is still taken by rule described-as."""
        text = 'The harbour master decried it as "daylight robbery" at the meeting.'
        assert ["daylight robbery"] == [q.content.text for q in _quotes(text, Rule.DESCRIBED_AS)]
        assert [] == _quotes(text, Rule.SUBJECT_CUE_OBJECT)

    def test_patterns_lost6_described_object_not_for_call(self) -> None:
        """'called' without a quote is no object attribution ('called a meeting')."""
        assert [] == _quotes("The harbour board called an emergency meeting on Monday.", Rule.SUBJECT_CUE_OBJECT)


class TestQuotedInfinitive:
    """Rule promise-to (cue-to-infinitive): the verb after "to" may open a quote (a mixed quote)."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The union vowed to “shut the port” until the toll is scrapped.",
                "to “shut the port” until the toll is scrapped",
            ),
            ('Okafor promised to "fix the ferries" before the winter.', 'to "fix the ferries" before the winter'),
        ],
    )
    def test_patterns_lost6_quoted_infinitive_is_mixed(self, text: str, content: str) -> None:
        """The infinitive with its quoted words is reported as one mixed quote."""
        qs = _quotes(text, Rule.PROMISE_TO)
        assert [(content, "mixed")] == [(q.content.text, q.kind.value) for q in qs]


class TestDurationAdjunct:
    """Guard duration-adjunct: "for years", "for the first time" after a cue is skipped."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("The harbour board has said for years that the east pier is unsafe.", "the east pier is unsafe"),
            ("Okafor admitted for the first time on Monday that the ferry had no licence.", "the ferry had no licence"),
            ("The dockers have argued for several months the toll is too high.", "the toll is too high"),
        ],
    )
    def test_patterns_lost6_duration_then_clause(self, text: str, content: str) -> None:
        """The clause after the duration phrase is reported."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.SUBJECT_CUE_CLAUSE)]

    @pytest.mark.parametrize(
        "text",
        [
            "Dockers still cheer the words he has been repeating for decades, not because they are new.",
            "The union has argued for the bill since it was drafted.",
        ],
    )
    def test_patterns_lost6_duration_needs_a_clause(self, text: str) -> None:
        """Before a comma, or when "for" opens an object, nothing is read as a clause after it."""
        assert [] == _quotes(text, Rule.SUBJECT_CUE_CLAUSE)


class TestDescribedObjectQuote:
    """Rule described-object-quote: an object between a describing cue and its
    quote makes one mixed quote of both; a pronoun alone (not a person's: guard
    person-pronoun-object) or an "as" phrase before the quote leaves the quote
    alone (rule described-as)."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ("Osei called the new toll “daylight robbery.”", "the new toll “daylight robbery.”"),
            (
                'The mayor called Okafor a "hater of ferries" who had "sunk" the port.',
                'Okafor a "hater of ferries" who had "sunk" the port',
            ),
            ('The union called him a "menace," and the crowd cheered.', 'him a "menace,"'),
        ],
    )
    def test_patterns_lost6_object_and_quote(self, text: str, content: str) -> None:
        """The object, the quote and the words of its phrase after it are one mixed quote."""
        qs = _quotes(text, Rule.DESCRIBED_OBJECT_QUOTE)
        assert [(content, "mixed")] == [(q.content.text, q.kind.value) for q in qs]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ('The mayor attacked the plan, calling it "reckless."', "reckless."),
            ('Ruiz described the budget as "a work of fiction."', "a work of fiction."),
            ('Ruiz described the budget, at length, as "a work of fiction."', "a work of fiction."),
        ],
    )
    def test_patterns_lost6_pronoun_or_as_keeps_the_quote(self, text: str, content: str) -> None:
        """'calling it "X"' and 'described Y as "X"' report the quote alone, as the seed documents do."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.DESCRIBED_AS)]
        assert [] == _quotes(text, Rule.DESCRIBED_OBJECT_QUOTE)

    def test_patterns_lost6_object_quote_stops_at_the_next_cue(self) -> None:
        """The words after the quote stop before the next cue: its quote stays its own."""
        text = 'The mayor called the levy "a tax on hope" saying it would drive families away.'
        assert ['the levy "a tax on hope"'] == [q.content.text for q in _quotes(text, Rule.DESCRIBED_OBJECT_QUOTE)]

    def test_patterns_lost6_object_quote_not_after_a_comma(self) -> None:
        """A quote after a comma or colon is a direct quote, not an object's description."""
        text = 'The steward called rather than said to him, "Your lunch is served, sir."'
        assert [] == _quotes(text, Rule.DESCRIBED_OBJECT_QUOTE)
