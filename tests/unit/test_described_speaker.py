"""Rule ``described-speaker`` (issue 20): a dialogue tag whose speaker is a
description the quote rules do not take ("said a rough voice", "said
another"). Passages written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.described import tag_after, tag_between


def _speakers(text: str) -> list[tuple[str, str | None]]:
    """(quote text, speaker mention text) per quote, in text order."""
    r = quoteattr.extract(text, min_confidence=0.0)
    return [(q.text, q.speaker.mention.text if q.speaker else None) for q in r.quotes]


@pytest.mark.issue(20)
class TestTagAfter:
    """The description of a tag right after a quote."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('"Open the gate, lad," called a hoarse voice.', "a hoarse voice"),
            ('"We shall see about that," muttered the ferryman\'s widow.', "the ferryman's widow"),
            ('"Not tonight," replied the innkeeper gruffly.', "the innkeeper"),
            ('"Who goes there?" cried a tall Norwegian sailor in the bow.', "a tall Norwegian sailor in the bow"),
            ('"Nonsense," said somebody else.', "somebody else"),
        ],
    )
    def test_described_tag_after(self, text: str, expected: str) -> None:
        """The noun phrase after the verb, without a trailing adverb."""
        end = text.index('"', 1)
        span = tag_after(text, end)
        assert span is not None
        assert expected == text[span[0] : span[1]]

    @pytest.mark.parametrize(
        "text",
        [
            '"Open the gate," he said to the porter.',  # no description after the verb
            '"Open the gate." The porter ran.',  # no tag
            '"Open the gate," said The Times.',  # a capitalised name: the quote rules' business
        ],
    )
    def test_described_no_tag(self, text: str) -> None:
        """No description: ``None``."""
        assert tag_after(text, text.index('"', 1)) is None

    def test_described_tag_between(self) -> None:
        """A tag standing alone between the two parts of a split quote."""
        text = '"Some say," observed another, "that the bridge will fall."'
        end = text.index('"', 1)
        span = tag_between(text, end, text.index('"that') + 1)
        assert span is not None
        assert "another" == text[span[0] : span[1]]


@pytest.mark.issue(20)
class TestDescribedSpeaker:
    """The dialogue sweep makes the description the speaker."""

    def test_described_speaker_rough_voice(self) -> None:
        """A quote whose tag is "called a hoarse voice" is that voice's."""
        text = '"Open the gate there, you idle lad," called a hoarse voice.\n\nTimothy rubbed his eyes.\n'
        assert [("Open the gate there, you idle lad,", "a hoarse voice")] == _speakers(text)

    def test_described_speaker_split_quote(self) -> None:
        """Both parts of a split quote go to the one description."""
        text = (
            "The fishwives stood in a ring by the pump.\n\n"
            '"Folk in the town say," observed another, "that the new bridge will never hold a cart."\n'
        )
        got = _speakers(text)
        assert ["another", "another"] == [sp for _, sp in got]

    def test_described_speaker_keeps_named_cue(self) -> None:
        """A tag the quote rules read already keeps its speaker."""
        text = '"The tide is turning at last," said Mr. Pennycuick.\n'
        assert [("The tide is turning at last,", "Mr. Pennycuick")] == _speakers(text)


@pytest.mark.issue(20)
class TestRoleBeat:
    """Rule ``role-beat``: an action beat whose subject is a person description."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                'The ferry was late again.\n\nThe doctor spat into the water.\n\n"She will not come before dark."\n',
                "The doctor",
            ),
            ('"Keep well back from the edge." The old clerk raised his lamp.\n', "The old clerk"),
            (
                'The wind dropped at last.\n\nThe young widow smiled.\n\n"Then we may sail in the morning."\n',
                "The young widow",
            ),
        ],
    )
    def test_role_beat_speaker(self, text: str, expected: str) -> None:
        """The description is the speaker's mention."""
        assert [expected] == [sp for _, sp in _speakers(text)]

    @pytest.mark.parametrize(
        "text",
        [
            'The ferry was late again.\n\nThe rain fell on the pier.\n\n"She will not come before dark."\n',
            'The ferry was late again.\n\nThe workers cheered.\n\n"She will not come before dark."\n',
        ],
    )
    def test_role_beat_no_person(self, text: str) -> None:
        """No person noun, or a plural one: no speaker."""
        assert [None] == [sp for _, sp in _speakers(text)]


@pytest.mark.issue(20)
class TestChapterHeading:
    """Rule ``chapter-heading``: a chapter heading is no name and no beat."""

    TEXT = (
        "Chapter IV. The Lost Lantern.\n\n\n"
        '"Where have you hidden the lantern this time?"\n\n'
        '"It is in the shed, Rosalind, where it always is."\n'
    )

    def test_chapter_heading_no_names(self) -> None:
        """The heading's capitalised words make no name."""
        from quoteattr.namefinder import find_name_mentions

        assert ["Rosalind"] == [self.TEXT[m.start : m.end] for m in find_name_mentions(self.TEXT)]

    def test_chapter_heading_not_speaker(self) -> None:
        """The first line after the heading is not the heading's."""
        names = [q.speaker.entity.name if q.speaker else None for q in quoteattr.extract(self.TEXT).quotes]
        assert "Lost Lantern" not in names
        assert "Chapter IV" not in names


@pytest.mark.issue(20)
class TestKinVocative:
    """Rule ``kin-vocative``: "uncle" names the character the text calls "Uncle John"."""

    def test_kin_vocative_names_entity(self) -> None:
        """The line answering "..., uncle?" is Uncle John's, by his full name."""
        text = (
            "It was late in the evening.\n\n"
            '"Why do you sit alone in the dark, uncle?" said Agatha.\n\n'
            '"Because the dark is kind to old eyes, my girl."\n\n'
            "At last Uncle John Mortimer folded his hands on his knee.\n"
        )
        got = quoteattr.extract(text).quotes
        assert 2 == len(got)
        assert got[1].speaker is not None
        assert "John Mortimer" == got[1].speaker.entity.name


@pytest.mark.issue(20)
class TestSubjectFirstTag:
    """Rule ``described-speaker``, subject first: a tag the quote rules leave."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('"We shall all go down to the harbour," somebody announced.\n', "somebody"),
            ('"Twelve barrels and not one more!" Mortimer put in.\n\nThe clerk nodded.\n', "Mortimer"),
            ('"It is so very cold in this house, Agatha," she would sigh.\n', "she"),
        ],
    )
    def test_subject_first_tag(self, text: str, expected: str) -> None:
        """The subject before the verb is the speaker's mention."""
        assert [expected] == [sp for _, sp in _speakers(text)]


@pytest.mark.issue(20)
class TestAnswerOtherParty:
    """Rule ``answer-other-party``: a line addressing someone after X's line is not X's."""

    def test_answer_other_party(self) -> None:
        """ "..., papa" after the father's line goes to the daughter named before."""
        text = (
            "Marjorie sat by the fire with her father.\n\n"
            '"It is a cold night for June," said Mr. Pettigrew.\n\n'
            '"It is warm enough in here, papa."\n'
        )
        names = [q.speaker.entity.name if q.speaker else None for q in quoteattr.extract(text).quotes]
        assert ["Pettigrew", "Marjorie"] == names

    def test_unsure_remark_takes_no_turn(self) -> None:
        """An unquoted remark the quote rules are unsure of is no line of the dialogue."""
        text = (
            "Marjorie sat by the fire with her father. Mr. Pettigrew was never able to suppose "
            "that other people could feel differently from himself.\n\n"
            '"Poor Miss Abernethy! I wish she were here again," said Mr. Pettigrew.\n\n'
            '"I cannot agree with you, papa; she has a house of her own now."\n'
        )
        last = quoteattr.extract(text).quotes[-1]
        assert last.speaker is not None
        assert "Marjorie" == last.speaker.entity.name


@pytest.mark.issue(20)
class TestRoleBeatLastSentence:
    """Rule ``role-beat`` reads the last sentence of the narration, after a short adverbial."""

    def test_role_beat_last_sentence(self) -> None:
        """ "In the hall the doctor stopped." names the next line's speaker."""
        text = (
            "The visitors went slowly down the stairs. In the hall the doctor stopped.\n\n"
            '"Has anyone sent for her brother yet?"\n'
        )
        assert ["the doctor"] == [sp for _, sp in _speakers(text)]
