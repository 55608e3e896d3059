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
