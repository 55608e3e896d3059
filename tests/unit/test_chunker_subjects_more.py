"""More subjects the chunker reads before a cue (issue 16): rules
``name-suffix``, ``time-phrase`` and the hyphen dashes of
``dash-appositive``. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from subjects_support import content_and_speaker, np_left_text


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
        assert expected == np_left_text(text, cue)

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
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_name_suffix_speaker_of_clause(self) -> None:
        text = "Mayor Tom Okafor Jr. said the bridge would reopen in June."
        assert [("the bridge would reopen in June", "Mayor Tom Okafor Jr.")] == content_and_speaker(text)


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
        assert expected == np_left_text(text, cue)

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
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    def test_chunker_time_phrase_speaker_of_clause(self) -> None:
        text = "The harbour board last month said the cranes had been inspected."
        assert [("the cranes had been inspected", "The harbour board")] == content_and_speaker(text)


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
        span = np_left_text(text, cue)
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
        assert "The Hull-based port" == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # one spaced hyphen only: the aside has no start
            ("The ward is full - says the matron.", "says"),
        ],
    )
    def test_chunker_hyphen_dash_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_hyphen_dashes_speaker_of_clause(self) -> None:
        text = "Jo Ode - a nurse from Hull - says the ward has been full since May."
        assert [("the ward has been full since May", "Jo Ode")] == content_and_speaker(text)


class TestNumberAside:
    """Rule subject-aside: an age or a share between commas is skipped."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Lena Ode, 61, said the ward was full.", "said", "Lena Ode"),
            ("Her uncle, Brad, 44, worried that the mill would close.", "worried", "Brad"),
            ("Just over a third, 36 percent, say the tax is fair.", "say", "a third"),
            ("A quarter of the farmers, 25%, say prices will fall.", "say", "A quarter of the farmers"),
        ],
    )
    def test_chunker_number_aside_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # a number that is no aside: no comma before it
            ("In 2015, said nobody.", "said"),
            # a year after a date is an aside of a date, not of a subject
            ("On May 5, 2015, said nobody.", "said"),
        ],
    )
    def test_chunker_number_aside_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_number_aside_speaker_of_clause(self) -> None:
        text = "Lena Ode, 61, said the ward had been full since May."
        assert [("the ward had been full since May", "Lena Ode")] == content_and_speaker(text)


class TestQuotedAppositive:
    """Rule quoted-appositive: the appositive's comma inside a closing quote mark."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Jo Ode, host of “Farm Hour,” said the fees would rise.", "said", "Jo Ode, host of “Farm Hour,”"),
            ('Jo Ode, host of "Farm Hour," said the fees would rise.', "said", 'Jo Ode, host of "Farm Hour,"'),
            (
                "Pat Lund, the author of “Grain,” argued that bread would cost more.",
                "argued",
                "Pat Lund, the author of “Grain,”",
            ),
        ],
    )
    def test_chunker_quoted_appositive_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # a quote after a verb is no appositive
            ("He called it “a farce,” said Ode.", "said"),
            # a quote mark without a comma inside it
            ("Jo Ode, host of “Farm Hour” said the fees would rise.", "said"),
        ],
    )
    def test_chunker_quoted_appositive_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_quoted_appositive_speaker_of_clause(self) -> None:
        text = "Jo Ode, host of “Farm Hour,” said the fees would rise in June."
        assert [("the fees would rise in June", "Jo Ode, host of “Farm Hour,”")] == content_and_speaker(text)


class TestRatioSubject:
    """Rule ratio-subject: a poll ratio before a cue is its subject."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("One in four said the tram fares were too high.", "said", "One in four"),
            ("In the survey, nearly two in 10 argued that rents must fall.", "argued", "nearly two in 10"),
            ("About 3 in 5 say the ferry is late.", "say", "About 3 in 5"),
        ],
    )
    def test_chunker_ratio_subject_read(self, text: str, cue: str, expected: str) -> None:
        assert expected == np_left_text(text, cue)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            # "in" after a verb, not after a number
            ("He lived in five said nobody.", "said"),
            # "in" after a verb, before a number word
            ("Prices rose in two said nobody.", "said"),
        ],
    )
    def test_chunker_ratio_subject_not_read(self, text: str, cue: str) -> None:
        assert np_left_text(text, cue) is None

    @pytest.mark.issue(16)
    def test_chunker_ratio_subject_speaker_of_clause(self) -> None:
        text = "The poll was clear. One in four said the tram fares were too high."
        assert [("the tram fares were too high", "One in four")] == content_and_speaker(text)
