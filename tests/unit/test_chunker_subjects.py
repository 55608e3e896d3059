"""Subjects the chunker reads before a cue (issue 16): rules
``modified-noun-subject``, ``relative-subject``, ``subject-aside`` and the
initials inside an ``appositive``. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from subjects_support import np_left_text


class TestModifiedNounSubject:
    """Rule modified-noun-subject: capitalised modifiers between determiner and head."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("A Lagos trader argued that prices would fall.", "argued", "A Lagos trader"),
            ("Several Oslo harbour pilots have warned of fog.", "warned", "Several Oslo harbour pilots"),
            ("The two Green Party blogs are demanding a recount.", "demanding", "The two Green Party blogs"),
            ("Later, the “Dune” actor posted that he was sorry.", "posted", "the “Dune” actor"),
            ("The city's new ferry operator claimed the boats were safe.", "claimed", "The city's new ferry operator"),
        ],
    )
    def test_chunker_modified_noun_subject_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # no determiner: a bare noun after a name is not read
            ("Kenya trader Ali argued that prices would fall.", "that"),
            # a comparative or an adjective heads no subject
            ("The Herald sought more details about the loan.", "details"),
            ("The Herald holds obvious appeal for farmers.", "appeal"),
            # more than five words back to the determiner
            ("The old Lagos Ports Authority Union Hall staff warned of delays.", "warned"),
        ],
    )
    def test_chunker_modified_noun_subject_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_modified_noun_subject_speaker_of_clause(self) -> None:
        text = "A Lagos trader argued that fuel prices would fall by June."
        quotes = quoteattr.extract(text).quotes
        assert [("fuel prices would fall by June", "A Lagos trader")] == [
            (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None) for q in quotes
        ]


class TestRelativeSubject:
    """Rule relative-subject: the subject before a relative clause between commas."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("The harbour board, which runs the docks, said the cranes were old.", "said", "The harbour board"),
            ("Amara Diop, who chairs the panel, warned that funds were short.", "warned", "Amara Diop"),
            (
                "The union's regional secretary, whose members walked out in May, insisted the deal was dead.",
                "insisted",
                "The union's regional secretary",
            ),
        ],
    )
    def test_chunker_relative_subject_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # not a relative clause: a plain clause before the comma
            ("The docks are old, the cranes rust, said the engineer.", "said"),
            # a pronoun before the relative clause is no subject of its own
            ("It, which nobody expected, said nothing.", "said"),
        ],
    )
    def test_chunker_relative_subject_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_relative_subject_speaker_of_clause(self) -> None:
        text = "Amara Diop, who chairs the panel, warned that the funds would run out in March."
        quotes = quoteattr.extract(text).quotes
        assert ["Amara Diop"] == [q.speaker.mention.text for q in quotes if q.speaker and q.speaker.mention]


class TestAppositiveInitials:
    """Rule appositive: the period of an initial or title does not end the appositive."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            (
                "Okafor, an aide to former Governor James T. Kirk, said the budget was late.",
                "said",
                "Okafor, an aide to former Governor James T. Kirk",
            ),
            (
                "Lena Ito, the deputy of Sen. Ode, argued that the vote was rigged.",
                "argued",
                "Lena Ito, the deputy of Sen. Ode",
            ),
        ],
    )
    def test_chunker_appositive_with_initials(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    def test_chunker_appositive_stops_at_sentence_period(self) -> None:
        text = "The port is shut. Then, the engineer, said nothing."
        assert np_left_text(text, "said") is None


class TestSubjectAside:
    """Rule subject-aside: a comma-enclosed adverb or party label is skipped."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Dock workers in Hull, however, say the pay offer is too low.", "say", "Dock workers in Hull"),
            ("Farmers, meanwhile, argue that the levy is unfair.", "argue", "Farmers"),
            ("The Port of Tema, for its part, insisted the cranes were safe.", "insisted", "The Port of Tema"),
            ("Sen. Ruth Abena, D-Ore., said the bill would pass.", "said", "Sen. Ruth Abena"),
            ("Nadia Petrova, too, warned that the bridge was weak.", "warned", "Nadia Petrova"),
        ],
    )
    def test_chunker_subject_aside_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # an aside that is not in the list is not skipped
            ("Farmers, sadly for them, argue that the levy is unfair.", "argue"),
            # an adverb the list lacks
            ("Farmers, frankly, argue that the levy is unfair.", "argue"),
        ],
    )
    def test_chunker_subject_aside_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None


class TestDashAppositive:
    """Rule dash-appositive: an aside between two dashes after the subject is skipped."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Jo Ode — a nurse from Hull — says the ward is full.", "says", "Jo Ode"),
            ("Millers – and some bakers – argue that flour is scarce.", "argue", "Millers"),
            (
                "The harbour board — led by Gen. T. Osei — insisted the cranes were safe.",
                "insisted",
                "The harbour board",
            ),
        ],
    )
    def test_chunker_dash_appositive_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # one dash only: the aside has no start
            ("The ward is full — says the matron.", "says"),
            # a sentence break inside the would-be aside
            ("Jo Ode — a nurse. The ward — says nothing.", "says"),
        ],
    )
    def test_chunker_dash_appositive_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_dash_appositive_speaker_of_clause(self) -> None:
        text = "Jo Ode — a nurse from Hull — says the ward has been full since May."
        quotes = quoteattr.extract(text).quotes
        assert [("the ward has been full since May", "Jo Ode")] == [
            (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None) for q in quotes
        ]
