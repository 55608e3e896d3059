"""Rules with-gerund and fronted-participle (issue 16): participle clauses
whose speaker is not the subject before a comma.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import rules  # noqa: F401  (registers the pattern functions)
from quoteattr.registry import Rule, Stage, spec

pytestmark = pytest.mark.issue(16)


def _quotes(text: str) -> list[quoteattr.Quote]:
    return list(quoteattr.extract(text, min_confidence=0).quotes)


def _by_rule(text: str, rule: Rule) -> list[tuple[str, str | None]]:
    return [
        (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in _quotes(text)
        if q.rule == rule.value
    ]


class TestWithGerund:
    """Rule with-gerund: "with" + a noun phrase + a gerund cue; the noun phrase speaks."""

    def test_patterns_participles_with_registered(self) -> None:
        """Declared as a step of saying-clause (stage cue, no base confidence of its own)."""
        s = spec(Rule.WITH_GERUND)
        assert (Stage.CUE, None) == (s.stage, s.confidence)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The talks ended badly, with the mayor insisting that the offer was an insult.",
                "the offer was an insult",
                "the mayor",
            ),
            (
                "The vote split the council, with Osei calling for a new inquiry into the pier.",
                "a new inquiry into the pier",
                "Osei",
            ),
            (
                "The debate turned sour, with each candidate questioning the other's record on jobs.",
                "the other's record on jobs",
                "each candidate",
            ),
            (
                "The hearing closed with the harbour master warning that the pier could collapse.",
                "the pier could collapse",
                "the harbour master",
            ),
            (
                "Tempers rose, with Kim repeatedly calling the plan a fraud.",
                "the plan a fraud",
                "Kim",
            ),
        ],
    )
    def test_patterns_participles_with_reports(self, text: str, content: str, speaker: str) -> None:
        """The noun phrase after "with" speaks, not the sentence's subject."""
        assert [(content, speaker)] == _by_rule(text, Rule.WITH_GERUND)

    @pytest.mark.parametrize(
        ("text", "content"),
        [
            (
                "The town was split, with Osei calling for a toll on the bridge and others backing a ferry.",
                "a toll on the bridge",
            ),
            (
                "The board backed the toll, with most members arguing it was fair, compared with a third last year.",
                "it was fair",
            ),
        ],
    )
    def test_patterns_participles_with_ends(self, text: str, content: str) -> None:
        """The words end before a second noun phrase and gerund after "and", and before ", compared"."""
        assert [content] == [c for c, _ in _by_rule(text, Rule.WITH_GERUND)]

    @pytest.mark.parametrize(
        "text",
        [
            "Even with all precincts reporting, the race remained too close to call.",
            "He arrived with his wife holding a sign.",
            "The mayor left the talks, saying the offer was an insult.",
            # "saying" after a noun phrase is rule noun-saying's
            "The poll favoured Kim, with 40 percent saying she was ready.",
        ],
    )
    def test_patterns_participles_with_near_misses(self, text: str) -> None:
        """No "with" before the noun phrase, a gerund followed by a comma, no cue, or "saying": no with-gerund quote."""
        assert [] == _by_rule(text, Rule.WITH_GERUND)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Tempers rose, with Kim repeatedly calling the plan a fraud.", [("the plan a fraud", "with-gerund")]),
            # after a comma a gerund "calling X Y" stays unreported (2 of 4 matched on polnear-train)
            ("The mayor left the talks, calling the offer an insult.", []),
        ],
    )
    def test_patterns_participles_with_calling(self, text: str, expected: list[tuple[str, str]]) -> None:
        """'calling X Y' is read as rule call-object-predicate reads 'called X Y' after "with" + a noun phrase only."""
        assert expected == [(q.content.text, q.rule) for q in _quotes(text)]


class TestFrontedParticiple:
    """Rule fronted-participle: a gerund cue opens the sentence; the main clause's subject speaks."""

    def test_patterns_participles_fronted_registered(self) -> None:
        """Declared as a step of saying-clause with base confidence 0.7."""
        s = spec(Rule.FRONTED_PARTICIPLE)
        assert (Stage.CUE, 0.7) == (s.stage, s.confidence)

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "Noting that the pier had been closed twice, Osei said the town needed a new one.",
                "the pier had been closed twice",
                "Osei",
            ),
            (
                "Acknowledging that the budget was tight, the harbour board promised to keep the ferry.",
                "the budget was tight",
                "the harbour board",
            ),
            (
                "Warning that fares would rise, Kim told the council the toll was unavoidable.",
                "fares would rise",
                "Kim",
            ),
        ],
    )
    def test_patterns_participles_fronted_reports(self, text: str, content: str, speaker: str) -> None:
        """The phrase up to the comma is reported; the subject after the comma speaks."""
        assert [(content, speaker)] == _by_rule(text, Rule.FRONTED_PARTICIPLE)

    @pytest.mark.parametrize(
        "text",
        [
            # guard fronted-object: an object is a source or a topic
            "Citing the cost of the repairs, the board said it would close the pier.",
            "Pointing to the cracked pier, Osei said the town needed a new one.",
            # no report: "speaking" has no clause of its own
            "Speaking in Leeds, Osei said the pier would reopen.",
            # no cue verb in the main clause
            "Noting that the pier was closed, the mayor walked to the ferry.",
            # a gerund subject, no comma
            "Criticizing the police will alienate many voters.",
        ],
    )
    def test_patterns_participles_fronted_near_misses(self, text: str) -> None:
        """An object, an intransitive gerund, a main clause with no cue verb or no comma: nothing."""
        assert [] == _by_rule(text, Rule.FRONTED_PARTICIPLE)


class TestProgressiveCue:
    """Rule progressive-cue: a gerund cue after a form of "be" is finite, also after an -ly adverb."""

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "Council leaders are increasingly admitting that the toll is unpopular.",
                "the toll is unpopular",
                "Council leaders",
            ),
            (
                "The harbour board is quietly suggesting that the ferry will stop in May.",
                "the ferry will stop in May",
                "The harbour board",
            ),
            (
                "The mayor was not suggesting that the pier should close.",
                "the pier should close",
                "The mayor",
            ),
        ],
    )
    def test_patterns_participles_progressive(self, text: str, content: str, speaker: str) -> None:
        """The clause is read as for 'admits that': the subject before "be" speaks."""
        assert [(content, speaker)] == _by_rule(text, Rule.SUBJECT_CUE_CLAUSE)
