"""The word classes moved from Python literals into lexicons keep their behaviour.

The sentences below were written for these tests; none is from a corpus.
"""

from __future__ import annotations

import pytest

from quoteattr import chunker, npwords
from quoteattr.index import DocIndex
from quoteattr.mentions import analyse_mention
from quoteattr.lexicons import load_rows
from quoteattr.namefinder import find_name_mentions
from quoteattr.text import segment


class TestDaysLexicon:
    """days.txt has a kind for every day word."""

    def test_npwords_days_kinds(self) -> None:
        rows = load_rows("days.txt")
        assert [] == [r for r in rows if len(r) != 2 or r[1] not in ("weekday", "abbreviation", "relative")]

    def test_npwords_weekdays_are_the_seven_names(self) -> None:
        assert {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} == npwords.WEEKDAYS
        assert npwords.WEEKDAYS < npwords.DAYS


class TestWordClasses:
    """A token's class decides whether it can head a speaker phrase."""

    @pytest.mark.parametrize(
        ("word", "expected"),
        [("Okafor", True), ("she", True), ("percent", True), ("Thursday", False), ("the", False), ("Tues.", False)],
    )
    def test_npwords_np_head(self, word: str, expected: bool) -> None:
        assert expected == npwords.np_head(word)

    def test_npwords_reexported_by_chunker(self) -> None:
        assert chunker.DAYS is npwords.DAYS
        assert chunker.AUX_FILLER is npwords.AUX_FILLER


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("The harbour pilot Jonas Okafor on Thursday warned of fog.", "warned", "The harbour pilot Jonas Okafor"),
        ("Dr. Amina Sow has also argued for a levy.", "argued", "Dr. Amina Sow"),
        ("But Priya Lal later said the vote was close.", "said", "Priya Lal"),
    ],
)
def test_npwords_np_left_skips_days_fillers_and_junk(text: str, cue: str, expected: str) -> None:
    pos = text.index(cue)
    span = chunker.np_left(DocIndex(segment(text), []), 0, pos)
    assert span is not None
    assert expected == text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crew landed in the U.S. They rested.", ["The crew landed in the U.S.", "They rested."]),
        ("The crew landed in the U.S. Navy yard.", ["The crew landed in the U.S. Navy yard."]),
    ],
)
def test_npwords_sentence_starters_after_abbreviation(text: str, expected: list[str]) -> None:
    ann = segment(text)
    assert expected == [text[a:b] for a, b in ann.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday brought rain to the valley.", []),
        ("They met Tomas de Vries at the dock.", ["Tomas de Vries"]),
    ],
)
def test_npwords_not_names(text: str, expected: list[str]) -> None:
    assert expected == [text[m.start : m.end] for m in find_name_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tomas de Vries", "Tomas de Vries"), ("Aino van Dijk", "Aino van Dijk"), ("Mayor Lena Ortiz", "Lena Ortiz")],
)
def test_npwords_name_particles_stay_in_name(text: str, expected: str) -> None:
    m = analyse_mention(text, 0, len(text))
    assert expected == text[m.w.name_at : m.w.name_end]
