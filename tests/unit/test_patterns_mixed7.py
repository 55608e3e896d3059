"""Mixed quotes, session 7 (issue 16): each class covers one named rule or
guard. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.registry import Rule

pytestmark = pytest.mark.issue(16)


def _quotes(text: str, rule: Rule) -> list[quoteattr.Quote]:
    return [q for q in quoteattr.extract(text, min_confidence=0).quotes if q.rule == rule.value]


class TestLeadNounCue:
    """Guard lead-noun-cue of rule mixed-lead-in: a cue word that is a noun in
    the words before the quote does not stop the lead-in."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                'His remarks on the ferry were "a disgrace to the town," Okafor said.',
                'His remarks on the ferry were "a disgrace to the town,',
                "Okafor",
            ),
            (
                'Her comments about the pier were "long overdue," the harbour master said on Friday.',
                'Her comments about the pier were "long overdue,',
                "the harbour master",
            ),
            (
                'Since that ruling, the port has shown "a stubborn contempt for the islands," the union says.',
                'Since that ruling, the port has shown "a stubborn contempt for the islands,',
                "the union",
            ),
            (
                'After his warning, the ferries ran "as if nothing had happened," Okafor said.',
                'After his warning, the ferries ran "as if nothing had happened,',
                "Okafor",
            ),
        ],
    )
    def test_patterns_mixed7_noun_cue_in_the_lead(self, text: str, content: str, speaker: str) -> None:
        """The words before the quote, with their noun cue, open a mixed quote."""
        qs = _quotes(text, Rule.MIXED_LEAD_IN)
        assert [(content, "mixed", speaker)] == [
            (q.content.text, q.kind.value, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
            for q in qs
        ]

    @pytest.mark.parametrize(
        ("text", "quote"),
        [
            ('The mayor said the pier was "unsafe for anyone," Okafor added.', "unsafe for anyone,"),
            ('Dockers have warned the toll is "a tax on work," Okafor said.', "a tax on work,"),
        ],
    )
    def test_patterns_mixed7_verb_cue_in_the_lead(self, text: str, quote: str) -> None:
        """A cue that is a verb keeps its own clause: the quote is taken alone."""
        assert [] == _quotes(text, Rule.MIXED_LEAD_IN)
        assert [quote] == [q.content.text for q in _quotes(text, Rule.QUOTE_SPEAKER_CUE)]


class TestLeadPhraseEnd:
    """Guard lead-phrase-end of rule mixed-lead-in: a quote inside the sentence
    that ends without a comma or sentence mark is a name, not the end of what
    was said."""

    @pytest.mark.parametrize(
        "text",
        [
            'The dockers\' "Save the Pier" campaign says the toll must go.',
            'The union-backed "Fair Fares" group says the toll must go.',
        ],
    )
    def test_patterns_mixed7_bare_name_is_no_lead_in(self, text: str) -> None:
        """The quoted name and the words before it are no quote of the cue after it."""
        assert [] == _quotes(text, Rule.MIXED_LEAD_IN)
        assert [] == _quotes(text, Rule.QUOTE_SPEAKER_CUE)

    def test_patterns_mixed7_clause_after_the_name(self) -> None:
        """The cue after the quoted name reports its own clause."""
        text = 'The dockers\' "Save the Pier" campaign says the toll must go.'
        assert ["the toll must go"] == [q.content.text for q in _quotes(text, Rule.SUBJECT_CUE_CLAUSE)]

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                'Cutting the ferry budget "will hurt the islands," Okafor said.',
                'Cutting the ferry budget "will hurt the islands,',
            ),
            ("The new toll is \"'a tax on work,'\" the union said.", "The new toll is \"'a tax on work,'"),
        ],
    )
    def test_patterns_mixed7_comma_ends_the_phrase(self, text: str, content: str) -> None:
        """A comma inside the closing mark (also behind a nested mark) keeps the lead-in."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.MIXED_LEAD_IN)]


class TestQuotedPledge:
    """Guard quoted-pledge of rule cue-to-infinitive: a pledge whose words are
    quoted is reported as rule promise-to, above the default threshold."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                'The mayor pledged to "sweep the harbour clean" before the election.',
                'to "sweep the harbour clean" before the election',
            ),
            (
                'Okafor has pledged to keep "every single ferry" running through the winter.',
                'to keep "every single ferry" running through the winter',
            ),
        ],
    )
    def test_patterns_mixed7_quoted_pledge_is_kept(self, text: str, content: str) -> None:
        """The infinitive with its quoted words is one mixed quote, kept at the default threshold."""
        qs = [q for q in quoteattr.extract(text).quotes if q.rule == Rule.PROMISE_TO.value]
        assert [(content, "mixed")] == [(q.content.text, q.kind.value) for q in qs]

    def test_patterns_mixed7_unquoted_pledge_stays_low(self) -> None:
        """Without quoted words the pledge stays a cue-to-infinitive quote below the default threshold."""
        text = "The mayor pledged to sweep the harbour before the election."
        assert [] == _quotes(text, Rule.PROMISE_TO)
        assert () == quoteattr.extract(text).quotes
        assert ["to sweep the harbour before the election"] == [
            q.content.text for q in _quotes(text, Rule.CUE_TO_INFINITIVE)
        ]


class TestPersonPronounObject:
    """Guard person-pronoun-object of rule described-object-quote: a person's
    pronoun before a describing quote is an object like a name."""

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ('Okafor called him "a danger to every ferry."', 'him "a danger to every ferry."'),
            ('The union leader called them "toll thieves."', 'them "toll thieves."'),
        ],
    )
    def test_patterns_mixed7_person_pronoun_and_quote(self, text: str, content: str) -> None:
        """The pronoun and the quote are one mixed quote."""
        qs = _quotes(text, Rule.DESCRIBED_OBJECT_QUOTE)
        assert [(content, "mixed")] == [(q.content.text, q.kind.value) for q in qs]
        assert [] == _quotes(text, Rule.DESCRIBED_AS)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            ('Okafor called this "a danger to every ferry."', "a danger to every ferry."),
            ('Okafor described him as "a danger to every ferry."', "a danger to every ferry."),
        ],
    )
    def test_patterns_mixed7_other_pronoun_or_as_keeps_the_quote(self, text: str, content: str) -> None:
        """A pronoun that is no person's, or an object with "as", leaves the quote alone."""
        assert [content] == [q.content.text for q in _quotes(text, Rule.DESCRIBED_AS)]
        assert [] == _quotes(text, Rule.DESCRIBED_OBJECT_QUOTE)


class TestQuotedPredicate:
    """Guard quoted-predicate (rules saying-clause and subject-cue-object): a
    quote that opens inside a cue's object with a lowercase word makes the
    object reported words, a mixed quote."""

    @pytest.mark.parametrize(
        ("text", "rule", "content"),
        [
            (
                'The mayor criticized the plan, noting the harbour board "makes you want to weep."',
                Rule.SAYING_CLAUSE,
                'the harbour board "makes you want to weep."',
            ),
            (
                'Okafor pledged a "new deal for the docks" at the rally.',
                Rule.SUBJECT_CUE_CLAUSE,
                'a "new deal for the docks" at the rally',
            ),
        ],
    )
    def test_patterns_mixed7_quote_inside_the_object(self, text: str, rule: Rule, content: str) -> None:
        """The object with its quoted words is one mixed quote."""
        assert [(content, "mixed")] == [(q.content.text, q.kind.value) for q in _quotes(text, rule)]

    def test_patterns_mixed7_capitalised_quote_is_a_name(self) -> None:
        """A quote that opens with a capital is a title or a name: the object is not reported."""
        text = 'Okafor pledged a "New Deal for the Docks" at the rally.'
        assert [] == _quotes(text, Rule.SUBJECT_CUE_CLAUSE)
        assert ["direct-bare"] == [q.rule for q in quoteattr.extract(text, min_confidence=0).quotes]
