"""Multi-part quotes (issue 16): the quoted stretches of one speaker joined
into one quote, on sentences written for these tests (none from the data
files)."""

from __future__ import annotations

import pytest

import quoteattr


def _quotes(text: str) -> list[tuple[str, list[str], str | None]]:
    """(rule, part texts, speaker mention) of every quote found in *text*."""
    r = quoteattr.extract(text, min_confidence=0.0)
    return [
        (q.rule, [p.text for p in q.parts], q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in r.quotes
    ]


class TestCueNounSubject:
    """Guard cue-noun-subject: a cue word that is the subject's noun is passed over."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ('"The ferry will stop in May," the notice said.', "the notice"),
            ('"Fares rose by a third," the audit stated.', "the audit"),
            ('"Nobody was hurt," the statement said.', "the statement"),
            ('"We will appeal," her remarks said.', "her remarks"),
        ],
    )
    def test_joins_noun_subject_before_cue(self, text: str, speaker: str) -> None:
        """'"A," the statement said.' is a quote with its cue and speaker."""
        [(rule, _parts, sp)] = _quotes(text)
        assert "quote-speaker-cue" == rule
        assert speaker == sp

    @pytest.mark.issue(16)
    def test_joins_noun_subject_split_quote(self) -> None:
        """The second quote after such a cue continues the first."""
        text = '"The ferry will stop in May," the statement said. "Buses will replace it."'
        assert [("split-quote", ["The ferry will stop in May,", "Buses will replace it."], "the statement")] == (
            _quotes(text)
        )

    @pytest.mark.issue(16)
    def test_joins_noun_subject_with_clause_is_no_cue(self) -> None:
        """'"Title," the secretary of state said she ...': the cue reports its own clause."""
        text = 'On the radio show "Morning Desk," the secretary of state said she would resign.'
        rules = [rule for rule, _p, _s in _quotes(text)]
        assert "quote-speaker-cue" not in rules


class TestLongAttribution:
    """Rule split-quote over a long attribution: '"A," said X, director of Y, "but B."'."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "parts", "speaker"),
        [
            (
                '"The ferry is late," said Ana Ruiz, director of the Harbour Institute in Leeds, "but the buses '
                'are full."',
                ["The ferry is late,", "but the buses are full."],
                "Ana Ruiz",
            ),
            (
                '"The ferry is late," he told reporters on the pier in October, "and nobody has said why."',
                ["The ferry is late,", "and nobody has said why."],
                "he",
            ),
            (
                '"Rents keep rising," she said of the new towers, "which nobody in this street can pay."',
                ["Rents keep rising,", "which nobody in this street can pay."],
                "she",
            ),
            # the attribution ends with an abbreviation and the quote opens the next sentence
            (
                '"The ferry is late again," Ruiz said at a rally in Utica, N.Y. "The buses are full too."',
                ["The ferry is late again,", "The buses are full too."],
                "Ruiz",
            ),
        ],
    )
    def test_joins_long_attribution_is_one_quote(self, text: str, parts: list[str], speaker: str) -> None:
        """The second quote after a long attribution continues the first."""
        assert [("split-quote", parts, speaker)] == _quotes(text)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        "text",
        [
            # the second quote has a cue of its own
            '"The pier is closed," she said, but in spite of the storm, "we will sail at noon," said Captain Moss.',
            # the first quote ends a sentence: the cue may belong to the second
            '"Why now? The tide is wrong?" Moss then writes back, "You worry too much."',
            # a title after the attribution
            '"The sea was calm that year," she wrote in her memoir, "Salt Roads."',
            # a sentence of the writer between the two quotes
            '"The ferry is late again," Ruiz said at a rally. The buses were full. "We walk now."',
            # a one-word shout
            '"Moss," he joked in a loud voice, "is our captain and will stay."',
        ],
    )
    def test_joins_long_attribution_guards(self, text: str) -> None:
        """No join when a guard of the rule holds."""
        assert all(len(parts) == 1 for _rule, parts, _sp in _quotes(text))


class TestTitleBeforeCue:
    """Guard title-before-cue: a quoted title after a preposition is no quote of the cue after it."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "rule", "content"),
        [
            (
                'Speaking on Harbour Radio\'s "Morning Tide," Rep. Ana Ruiz said the ferry plan was over budget.',
                "subject-cue-clause",
                "the ferry plan was over budget",
            ),
            (
                'In an interview with "The Quay Hour," Mr. Oduya blamed the council for the delays.',
                "subject-cue-object",
                "the council for the delays",
            ),
        ],
    )
    def test_joins_title_gives_the_cue_its_clause(self, text: str, rule: str, content: str) -> None:
        """The cue reports its own clause; the title is not attributed."""
        r = quoteattr.extract(text)
        assert [(rule, content)] == [(q.rule, q.content.text) for q in r.quotes]

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "rule"),
        [
            # the cue ends its clause: the title is in the reported words
            ('The French are big fans of "Harbour Lights," Mr. Oduya said.', "mixed-lead-in"),
            ('(Tourists are big fans of "Harbour Lights," Mr. Oduya said.)', "mixed-lead-in"),
            # no preposition before it: a quote
            ('"Stop the Vote," Kim said on Tuesday.', "quote-speaker-cue"),
        ],
    )
    def test_joins_title_guard_keeps_quotes(self, text: str, rule: str) -> None:
        """A title whose cue ends the clause, or a quote that is no title, keeps its cue."""
        assert rule in [q.rule for q in quoteattr.extract(text).quotes]


@pytest.mark.issue(16)
def test_joins_mixed_lead_in_leaves_out_parenthesis() -> None:
    """Rule mixed-lead-in: the parenthesis that opens an aside is not content."""
    text = '(Tourists are big fans of "Harbour Lights," Mr. Oduya said.)'
    assert [("mixed-lead-in", ['Tourists are big fans of "Harbour Lights,'], "Mr. Oduya")] == _quotes(text)


@pytest.mark.issue(16)
def test_joins_second_cue_starts_its_own_quote() -> None:
    """Rule split-quote at a second cue: a quote over a paragraph break that is
    followed by a cue of its own is cut at the break."""
    text = '"The ferry is late," he said. "The buses are full.\n\n"Nobody cares," he said. "I walk now."'
    assert [
        ("split-quote", ["The ferry is late,", "The buses are full."], "he"),
        ("split-quote", ["Nobody cares,", "I walk now."], "he"),
    ] == _quotes(text)


@pytest.mark.issue(16)
def test_joins_unclosed_bare_quote_below_threshold() -> None:
    """A quote left unclosed at its paragraph's end, with no cue, is kept below the default threshold."""
    text = 'The mayor walked out of the hall. "We will fight this plan to the very end of the year\n\nThe council met.'
    assert () == quoteattr.extract(text).quotes
    guessed = quoteattr.extract(text, min_confidence=0).quotes
    assert [("direct-bare", "We will fight this plan to the very end of the year")] == [
        (q.rule, q.content.text) for q in guessed
    ]
