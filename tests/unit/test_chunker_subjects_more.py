"""More subjects the chunker reads before a cue (issue 16): rules
``name-suffix``, ``time-phrase`` and the hyphen dashes of
``dash-appositive``. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import chunker
from quoteattr.index import DocIndex
from quoteattr.text import segment


def _np_left(text: str, cue: str) -> str | None:
    pos = text.index(cue)
    span = chunker.np_left(DocIndex(segment(text), []), 0, pos)
    return None if span is None else text[span[0] : span[1]]


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quoteattr.extract(text).quotes
    ]


class TestNameSuffix:
    """Rule name-suffix: the period of 'Jr.' or 'Sr.' ends a name, not a sentence."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Vice Chair Karl M. Odegaard Jr. said the levy was fair.", "said", "Vice Chair Karl M. Odegaard Jr."),
            ("Her nephew Paolo Sr. warned that the dam leaked.", "warned", "Her nephew Paolo Sr."),
            ("Lena Brandt Jr. on Tuesday denied the loan was late.", "denied", "Lena Brandt Jr."),
        ],
    )
    def test_chunker_name_suffix_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == _np_left(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # an ordinary sentence end before the cue is still an end
            ("The mill closed. Said nobody.", "Said"),
            # a suffix-like word without its period is no suffix rule's business
            ("the ice. said the levy was fair", "said"),
        ],
    )
    def test_chunker_name_suffix_not_read(self, text: str, cue: str) -> None:
        assert _np_left(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_name_suffix_speaker_of_clause(self) -> None:
        text = "Mayor Tom Okafor Jr. said the bridge would reopen in June."
        assert [("the bridge would reopen in June", "Mayor Tom Okafor Jr.")] == _quotes(text)


class TestTimePhrase:
    """Rule time-phrase: a time phrase between subject and cue is skipped."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("The harbour board last month said the cranes were safe.", "said", "The harbour board"),
            ("Ines Moreau on Friday night warned that the ferry was late.", "warned", "Ines Moreau"),
            ("The rail union late last week claimed the deal was dead.", "claimed", "The rail union"),
            ("The water authority earlier this year argued that rates must rise.", "argued", "The water authority"),
            ("Dr. Ama Osei this week insisted the clinic would stay open.", "insisted", "Dr. Ama Osei"),
        ],
    )
    def test_chunker_time_phrase_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == _np_left(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            # a unit without an opener is a noun, not a time phrase
            ("It was a long night said nobody.", "said", None),
            ("Every night says the same.", "says", "Every night"),
            # an opener alone ends no time phrase
            ("Rates rose, the last said.", "said", None),
        ],
    )
    def test_chunker_time_phrase_not_skipped(self, text: str, cue: str, expected: str | None) -> None:
        assert expected == _np_left(text, cue)

    @pytest.mark.issue(16)
    def test_chunker_time_phrase_speaker_of_clause(self) -> None:
        text = "The harbour board last month said the cranes had been inspected."
        assert [("the cranes had been inspected", "The harbour board")] == _quotes(text)


class TestHyphenDashes:
    """Rule dash-appositive: spaced hyphens and double hyphens open and close an aside."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Three auditors -- Ann Lund, Bo Kim and Cy Ruiz -- agreed the books were sound.", "agreed", "auditors"),
            ("Some bakers - including many in Leeds - warn that flour is scarce.", "warn", "Some bakers"),
            ("Jo Ode - a nurse from Hull - says the ward is full.", "says", "Jo Ode"),
        ],
    )
    def test_chunker_hyphen_dashes_read(self, text: str, cue: str, expected: str) -> None:
        span = _np_left(text, cue)
        assert span is not None and span.endswith(expected)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # a hyphen inside a word is no dash
            ("The Hull-based port said the fees would rise.", "said"),
        ],
    )
    def test_chunker_hyphen_inside_word_no_aside(self, text: str, cue: str) -> None:
        assert "The Hull-based port" == _np_left(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # one spaced hyphen only: the aside has no start
            ("The ward is full - says the matron.", "says"),
        ],
    )
    def test_chunker_hyphen_dash_not_read(self, text: str, cue: str) -> None:
        assert _np_left(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_hyphen_dashes_speaker_of_clause(self) -> None:
        text = "Jo Ode - a nurse from Hull - says the ward has been full since May."
        assert [("the ward has been full since May", "Jo Ode")] == _quotes(text)
