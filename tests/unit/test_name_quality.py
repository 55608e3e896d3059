"""Names a reader would accept (issue 20): labels, headlines, dialogue dashes,
participle clauses and shouted organisation names. Passages written for
these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.mentions import analyse_mention
from quoteattr.namefinder import find_name_mentions


def _names(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_name_mentions(text)]


@pytest.mark.issue(20)
class TestCapsLabel:
    """Rule ``caps-label``: a capitalised label is no name; a transcript label is."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "A quiet week.\n\nSUMMARY.\n\nWhen Governor Lucinda Marsh arrived, she spoke.",
                ["Governor Lucinda Marsh"],
            ),
            ("BRUSSELS ― On Monday, Henrik Aalto told the press.", ["Henrik Aalto"]),
            ("OSLO (Newswire) - Henrik Aalto told the press.", ["Newswire", "Henrik Aalto"]),
            ('NEW IN TOWN—"A bakery opens on Elm Street," by Pia Lund.', ["Elm Street", "Pia Lund"]),
            ("2. THE HARBOUR WILL CLOSE IN MAY\n\nThe port said so.", []),
        ],
    )
    def test_caps_label_not_a_name(self, text: str, expected: list[str]) -> None:
        """Label lines, datelines and kickers give no name."""
        assert expected == _names(text)

    def test_caps_label_transcript_kept(self) -> None:
        """'HARLOW: ...' opens a line before a colon: a speaker label, kept."""
        assert "HARLOW" in _names("HARLOW: Good evening and welcome.\n\nBREEN: Thank you.")


@pytest.mark.issue(20)
class TestHeadlineNames:
    """Rule ``headline-names``: a title-case headline is no run of names."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Mayor Wants Harbour Tolls To Be Doubled Before Winter\n\nThe council met.", []),
            ("Olivia Brandt Takes Charge Of Northern Rail\n\nShe starts today.", ["Olivia Brandt"]),
            ("Warren Says Harbour Tolls Will Rise\n\nThe council met.", ["Warren"]),
            ("Yesterday Tomas Berg met Agnes Lindqvist in Malmo.", ["Tomas Berg", "Agnes Lindqvist", "Malmo"]),
        ],
    )
    def test_headline_names(self, text: str, expected: list[str]) -> None:
        """Only a given name and the next word survive in a headline; a plain sentence keeps its names."""
        assert expected == [n for n in _names(text) if n != "Yesterday"]


@pytest.mark.issue(20)
def test_dialogue_dash_ends_name() -> None:
    """A dialogue dash between two names makes two names; a hyphen does not."""
    assert ["Aunt Sarah", "Tilly", "Mary-Jane"] == _names("It was Aunt Sarah--Tilly knew it, and so did Mary-Jane.")


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("a letter published Tuesday by the harbour authority", None),
        ("the survey conducted by Gallup and two universities", None),
        ("the Harbour Authority", "Harbour Authority"),
    ],
)
def test_org_head_clause(phrase: str, name: str | None) -> None:
    """Rule ``org-head-clause``: a participle clause with its agent is no part of an organisation's name."""
    m = analyse_mention(phrase, 0, len(phrase))
    got = None if m.name is None else phrase[m.name[0] : m.name[1]]
    assert name == got


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MERIDIAN reported on Tuesday that the harbour would close, and MERIDIAN stood by it.", "Meridian"),
        ("The NAACP said the vote was unfair.", "NAACP"),
    ],
)
def test_name_case_organisation(text: str, name: str) -> None:
    """Rule ``name-case``: a shouted organisation name is written in title case; an acronym is kept."""
    names = [s.name for s in quoteattr.extract(text).speakers]
    assert name in names


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Harbour Gazette Chief Maritime Correspondent Ingrid Solberg", "Ingrid Solberg"),
        ("Regional governor Pavel Orlov’s office", "Pavel Orlov’s office"),
        ("Northern Rail", "Northern Rail"),
        ("Ingrid Solberg", "Ingrid Solberg"),
    ],
)
def test_tidy_name(name: str, expected: str) -> None:
    """Rules ``name-tail`` and ``name-possessive``: the person's name after a long role; no role before an owner."""
    from quoteattr.coref import _tidy_name

    assert expected == _tidy_name(name)


@pytest.mark.issue(20)
def test_name_tail_speaker() -> None:
    """A speaker introduced with a long capitalised role is named by the person's name."""
    text = '"The harbour will close," Harbour Gazette Chief Maritime Correspondent Ingrid Solberg said.'
    assert ["Ingrid Solberg"] == [s.name for s in quoteattr.extract(text).speakers]


@pytest.mark.issue(20)
def test_transcript_label_linked_to_full_name() -> None:
    """Rule ``transcript-person``: a label in capitals is a person, named by the full name the text gives."""
    text = (
        "Radio host Agnes Thornbury spoke with Senator Halvard Brenn on Sunday.\n\n"
        "THORNBURY: Senator, welcome back to the programme.\n\n"
        "BRENN: Thank you. It is good to be here again.\n"
    )
    names = [q.speaker.entity.name if q.speaker else None for q in quoteattr.extract(text).quotes]
    assert ["Agnes Thornbury", "Halvard Brenn"] == names
