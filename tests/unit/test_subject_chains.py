"""Rule catenative-chain: a chain such as "went on to" or "was quick to"
between a subject and its cue (issue 16). Every sentence here was written
for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.subject_chains import catenative_chain
from quoteattr.text import TOKEN_RE
from subjects_support import content_and_speaker, np_left_text


class TestCatenativeChain:
    """Rule catenative-chain: the subject before 'went on to', 'was quick to', 'is likely to', 'failed to'."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("The harbour master went on to say that the pier was unsafe.", "say", "The harbour master"),
            ("Ines Ode was quick to add that no fares would rise.", "add", "Ines Ode"),
            ("Tenants are more likely to say the lifts are broken.", "say", "Tenants"),
            ("The council has failed to explain why the library shut.", "explain", "The council"),
            ("The mayor is unlikely to concede that the plan failed.", "concede", "The mayor"),
            ("Rosa Kimani then goes on to argue that rents must fall.", "argue", "Rosa Kimani"),
        ],
    )
    def test_chunker_catenative_chain_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # "to" after a word of no chain: an object, a place, a verb left out
            ("The board asked the court to say more.", "say"),
            ("The mayor took to the radio to say the pier was safe.", "say"),
            ("The mayor tried to say the pier was safe.", "say"),
            # "on to" after a verb that is no form of "go"
            ("The clerk held on to say nothing.", "say"),
        ],
    )
    def test_chunker_catenative_chain_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "tokens"),
        [
            ("He went on to", 3),
            ("He was quick not to", 3),
            ("Voters were far less likely to", 4),
            ("The board failed to", 2),
            ("He wanted to", 0),
            ("He went to", 0),
        ],
    )
    def test_subject_chains_chain_length(self, text: str, tokens: int) -> None:
        toks = [m.span() for m in TOKEN_RE.finditer(text)]
        assert tokens == catenative_chain(text, toks, len(toks) - 1)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The ferry company went on to say that sailings would resume in May.",
                [("sailings would resume in May", "The ferry company")],
            ),
            (
                "Councillor Ana Ruiz was quick to point out that the budget was balanced.",
                [("the budget was balanced", "Councillor Ana Ruiz")],
            ),
        ],
    )
    def test_chunker_catenative_chain_speaker_of_clause(
        self, text: str, expected: list[tuple[str, str | None]]
    ) -> None:
        assert expected == content_and_speaker(text)


def _rules(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.content.text, q.rule, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quoteattr.extract(text).quotes
    ]


class TestAdverbBeforeCue:
    """Rule adverb-before-cue: a base cue after a subject and an adverb is a verb."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Her neighbours still question whether the dam is safe.",
                [("whether the dam is safe", "subject-cue-object", "Her neighbours")],
            ),
            (
                "Some tenants even insist that the lifts never worked.",
                [("the lifts never worked", "subject-cue-clause", "Some tenants")],
            ),
            (
                "Farmers now say the harvest will be late.",
                [("the harvest will be late", "subject-cue-clause", "Farmers")],
            ),
        ],
    )
    def test_finder_adverb_before_cue_verb(self, text: str, expected: list[tuple[str, str, str | None]]) -> None:
        assert expected == _rules(text)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        "text",
        [
            # after an auxiliary and "not" the adverb changes nothing
            "If the club could not physically continue its season, it would fold.",
            # a determiner before the adverb: a noun
            "It was a just claim for the harbour.",
        ],
    )
    def test_finder_adverb_before_cue_no_quote(self, text: str) -> None:
        assert [] == _rules(text)


class TestSayVerb:
    """Rule say-verb: 'say' is a noun only after an article, a possessive or a word of amount."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Those surveyed say the tram is too slow.",
                [("the tram is too slow", "subject-cue-clause", "Those surveyed")],
            ),
            (
                "Others, however, say the fares must rise.",
                [("the fares must rise", "subject-cue-clause", "Others")],
            ),
            (
                "Majorities in all four say the ferry should run at night.",
                [("the ferry should run at night", "subject-cue-clause", "Majorities")],
            ),
        ],
    )
    def test_finder_say_verb_reports(self, text: str, expected: list[tuple[str, str, str | None]]) -> None:
        assert expected == _rules(text)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        "text",
        [
            "The council will have the final say on the budget.",
            "Residents want a say in the plan for the park.",
            "The new depot costs more than, say, a fleet of buses.",
            "Tenants want more say over the repairs.",
        ],
    )
    def test_finder_say_verb_noun_no_quote(self, text: str) -> None:
        assert [] == _rules(text)


class TestGroupNouns:
    """Role nouns ('advocates', 'lobbyists', 'outlets') and source nouns ('filings') head a subject."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Farm advocates warned that the levy would hurt growers.", "warned", "Farm advocates"),
            ("Harbour lobbyists argue that the fees are too high.", "argue", "Harbour lobbyists"),
            ("Court filings indicate that the firm paid no tax.", "indicate", "Court filings"),
            ("Pier backers insist the count was fair.", "insist", "Pier backers"),
            ("News outlets reported that the pier had closed.", "reported", "News outlets"),
        ],
    )
    def test_chunker_group_noun_subject(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)


class TestOfPhraseSubject:
    """Rule of-phrase-subject: 'Many of the officials', 'several of them', '16 percent of tenants'."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Many of the ferry crews said the boats were unsafe.", "said", "Many of the ferry crews"),
            ("Several of them indicated that the depot would close.", "indicated", "Several of them"),
            ("Nearly half of the tenants say the lifts are broken.", "say", "Nearly half of the tenants"),
            ("Just 16 percent of renters said rents were fair.", "said", "Just 16 percent of renters"),
            ("A number of readers have asked whether the pier is safe.", "asked", "A number of readers"),
            ("Later the board of elections rejected the appeal.", "rejected", "the board of elections"),
        ],
    )
    def test_chunker_of_phrase_subject_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "wrong"),
        [
            # the amount is the object of a preposition
            ("In eight of nine towns voters said the plan failed.", "said", "eight of nine towns voters"),
            # no plural noun ends the phrase after "of" (the cue is a noun there)
            ("It was one of the strongest claims of the year.", "claims", "one of the strongest"),
            # no amount or role noun before "of"
            ("Because of the delays said nobody.", "said", "Because of the delays"),
        ],
    )
    def test_chunker_of_phrase_subject_not_read(self, text: str, cue: str, wrong: str) -> None:
        assert wrong != np_left_text(text, cue)


class TestBaseCueThat:
    """Rule base-cue-that: a base cue form that 'that' follows is a verb, not a noun."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Bakers, for their part, argue that flour prices doubled.",
                [("flour prices doubled", "subject-cue-clause", "Bakers")],
            ),
            (
                "The growers fear a drought and warn that the harvest will be small.",
                [("the harvest will be small", "subject-cue-clause", "The growers")],
            ),
        ],
    )
    def test_finder_base_cue_that_verb(self, text: str, expected: list[tuple[str, str, str | None]]) -> None:
        assert expected == _rules(text)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        "text",
        [
            # a determiner one or two words back: the cue word is a noun
            "The ferry firm ignored the debunked claim that fares had fallen.",
            "It was a new federal rule that lifts the cap on fares.",
            # after a preposition
            "Prices rose amid concern that the mill would shut.",
        ],
    )
    def test_finder_base_cue_that_noun(self, text: str) -> None:
        assert [] == [q for q in _rules(text) if q[1] == "subject-cue-clause"]


class TestSentenceSubjectLeads:
    """Rules dateline-subject, time-lead and subordinate-lead: what opens a sentence before its subject."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            # dateline-subject
            (
                "LEEDS, May 3 (Wire) — The harbour board raised fares, saying that the ferry lost money.",
                "The harbour board",
            ),
            ("Leeds (Wire) – The harbour board raised fares, saying that the ferry lost money.", "The harbour board"),
            # time-lead
            ("Hours later, the mayor closed the pier, saying it was unsafe.", "the mayor"),
            ("Shortly after the storm, the mayor closed the pier, saying it was unsafe.", "the mayor"),
            # subordinate-lead: the cue of the leading clause is not the sentence's
            ("When Ode pointed out that the pier was old, the mayor shut it, saying it was unsafe.", "the mayor"),
        ],
    )
    def test_finder_sentence_subject_after_lead(self, text: str, speaker: str) -> None:
        assert [speaker] == [q[2] for q in _rules(text) if q[1] == "saying-clause"]

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            # a dash after a name is no dateline (no agency, no capitals)
            ("Ode – the harbour master – closed the pier, saying it was unsafe.", "Ode"),
            # no comma after the time phrase: its noun phrase stays the guess
            ("Hours of debate ended the session, leaving the pier shut.", None),
        ],
    )
    def test_finder_sentence_subject_no_lead(self, text: str, speaker: str | None) -> None:
        assert all(q[2] == speaker for q in _rules(text) if q[1] == "saying-clause")


class TestRestrictiveRelativeSubject:
    """Rule restrictive-relative-subject: the subject before 'who' and its clause, not the clause's object."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Officials who spoke with the newspaper said the pier was unsafe.", "said", "Officials"),
            ("Tenants who live near the pier say the lifts are broken.", "say", "Tenants"),
            ("The clerk who sued the council warned that fees would rise.", "warned", "The clerk"),
        ],
    )
    def test_chunker_restrictive_relative_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            # a relative clause between commas is rule relative-subject's
            (
                "Ode, who spoke with the newspaper, said the pier was unsafe.",
                "said",
                "Ode, who spoke with the newspaper",
            ),
            # no "who": the noun phrase before the cue stands
            ("After the vote the council said the pier was unsafe.", "said", "the council"),
        ],
    )
    def test_chunker_restrictive_relative_not_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)
