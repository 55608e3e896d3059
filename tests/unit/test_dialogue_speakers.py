"""Speakers of dialogue and the speaker bugs of issues 16 and 20, on passages
written for these tests (none is taken from the corpora the rules are
measured on)."""

from __future__ import annotations

import pytest

import quoteattr


def _attributions(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker entity id, speaker name) per quote, in text order."""
    r = quoteattr.extract(text)
    return [
        (q.text, q.speaker.entity.id if q.speaker else None, q.speaker.entity.name if q.speaker else None)
        for q in r.quotes
    ]


def _names(text: str) -> list[str | None]:
    return [name for _, _, name in _attributions(text)]


DIALOGUE_8 = (
    "Marjorie came into the kitchen where Tobias sat.\n\n"
    '"Have you seen the lantern?" asked Marjorie.\n\n'
    '"It is in the shed," said Tobias.\n\n'
    '"Which shed?"\n\n'
    '"The one by the orchard."\n\n'
    '"I looked there this morning."\n\n'
    '"Then look again."\n\n'
    '"You might come with me."\n\n'
    '"Not in this rain."\n'
)


@pytest.mark.issue(20)
class TestTurnTaking:
    """Long dialogue: A, B, A, B after two named turns."""

    def test_dialogue_eight_turns_alternate(self) -> None:
        """Eight turns, two named, six with no cue at all, alternate."""
        assert ["Marjorie", "Tobias"] * 4 == _names(DIALOGUE_8)


@pytest.mark.issue(20)
class TestBeatBefore:
    """Rule ``beat-before``: a short narration paragraph names who speaks next."""

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ('The kettle had boiled dry.\n\nGwendolyn sighed.\n\n"I shall make another pot."\n', "Gwendolyn"),
            (
                'It was late when the post came.\n\nBartholomew tore the envelope open.\n\n"It is from my brother."\n',
                "Bartholomew",
            ),
        ],
    )
    def test_beat_before_subject_of_previous_paragraph(self, text: str, name: str) -> None:
        """The first subject of the paragraph before an uncued line speaks it."""
        assert [name] == _names(text)

    def test_beat_before_not_a_listener(self) -> None:
        """A subject that hears ('Rowena heard ...') is not the speaker."""
        text = 'The door creaked.\n\nRowena heard a voice in the hall.\n\n"Who is there?"\n'
        assert ["Rowena"] != _names(text)


@pytest.mark.issue(20)
class TestVocatives:
    """An addressee inside a quote is never the speaker."""

    @pytest.mark.parametrize(
        "text",
        [
            '"You will want the carriage at nine, my dear."\n\n"Not before ten, I think."\n',
            '"Shall I bring the coats, sir?"\n\n"Leave them in the hall."\n',
        ],
    )
    def test_vocative_polite_address_is_no_speaker(self, text: str) -> None:
        """'my dear', 'sir' in one line do not make the speaker of the next."""
        r = quoteattr.extract(text)
        for q in r.quotes:
            if q.speaker is not None:
                assert q.speaker.mention.text.lower() not in ("dear", "my dear", "sir")

    def test_vocative_kinship_word_answers(self) -> None:
        """A kinship word addressed in one line does answer the next ('uncle')."""
        text = '"Are you cold, grandfather?" asked Ottoline Vance.\n\n"Not in the least, my child."\n'
        r = quoteattr.extract(text)
        assert "grandfather" == r.quotes[1].speaker.mention.text

    def test_vocative_own_addressee_is_not_the_speaker(self) -> None:
        """A line that names someone in address is not that person's."""
        text = (
            '"We leave at dawn," said Ignatius.\n\n"Must we, Ignatius?" said Philippa.\n\n"Yes, Ignatius, we must."\n'
        )
        assert "Ignatius" != _names(text)[2]


@pytest.mark.issue(16)
class TestSharedMention:
    """Rule ``shared-mention``: coordinated cues with one speaker mention share one entity."""

    @pytest.mark.parametrize(
        "text",
        [
            "The college insisted that tuition would not rise and said that the endowment was growing.",
            "The company said its sales had fallen and added that no jobs would go.",
        ],
    )
    def test_shared_mention_one_entity(self, text: str) -> None:
        """Two quotes, one speaker mention, one entity."""
        got = _attributions(text)
        assert 2 == len(got)
        assert got[0][1] is not None
        assert got[0][1] == got[1][1]


@pytest.mark.issue(16)
class TestSplitQuotePronoun:
    """A pronoun in a split quote after a newly introduced person goes to that person."""

    def test_split_quote_pronoun_new_named_person(self) -> None:
        """The named person of the same paragraph wins over the previous paragraph's speaker."""
        text = (
            'Peter Okafor opened the hearing. "We need a vote," Okafor said.\n\n'
            'The board argued for an hour. Then Thomas Brandt stood up. '
            '"We cannot wait," he said, "for another year."\n'
        )
        assert ["Peter Okafor", "Thomas Brandt"] == _names(text)


@pytest.mark.issue(16)
class TestTitles:
    """Titles in and around quotes."""

    def test_third_person_title_in_quote_is_not_the_speaker(self) -> None:
        """A person named with a title inside the quote is not its speaker."""
        text = '"The talks went well," he said of his meeting with President Delacroix in Geneva.'
        assert "Delacroix" not in (_names(text)[0] or "")

    def test_title_abbreviation_is_no_role(self) -> None:
        """'Dr.' before a name gives no role 'dr'."""
        r = quoteattr.extract('Dr. Ama Osei said the trial would continue. "We are hopeful," Osei said.')
        assert {None} == {q.speaker.entity.role for q in r.quotes}
        assert {"Ama Osei"} == {q.speaker.entity.name for q in r.quotes}


@pytest.mark.issue(20)
class TestSharedSurname:
    """Rule ``name-sibling``: two characters sharing a surname stay two entities."""

    TEXT = (
        "Mr. Pendleford and Arthur Pendleford came in together.\n\n"
        '"The roads are bad," said Arthur Pendleford.\n\n'
        '"They are always bad in March," said Mr. Pendleford.\n\n'
        "Arthur Pendleford sat down by the fire. Mr. Pendleford stood at the window.\n\n"
        '"I shall walk home all the same," said Pendleford.\n'
    )

    def test_shared_surname_two_entities(self) -> None:
        """'Mr. Pendleford' is not Arthur Pendleford; the bare surname goes to the one active last."""
        got = _attributions(self.TEXT)
        assert "Arthur Pendleford" == got[0][2]
        assert got[0][1] != got[1][1]
        assert got[1][1] == got[2][1]

    def test_shared_surname_title_alone_joins_full_name(self) -> None:
        """With one person of that surname, 'Mr. X' is still that person."""
        text = 'Arthur Pendleford came in.\n\n"The roads are bad," said Mr. Pendleford.\n'
        assert ["Arthur Pendleford"] == _names(text)


@pytest.mark.issue(20)
class TestNarrator:
    """Rules ``first-person`` and ``narrator-name``: the narrator is one entity."""

    def test_narrator_named_by_the_narration(self) -> None:
        """'My name is ...' outside quotes names every 'I' of the narration."""
        text = (
            "I went down to the harbour that morning. My name is Edwin Marlowe, and I had not slept.\n\n"
            '"Any boats out?" I asked the harbourmaster.\n\n'
            '"None," he said.\n\n'
            '"Then I shall wait," I said.\n'
        )
        got = _attributions(text)
        assert "Edwin Marlowe" == got[0][2]
        assert got[0][1] == got[2][1]
        assert got[1][1] != got[0][1]  # "he" is not the narrator

    def test_narrator_unnamed_when_a_character_names_himself(self) -> None:
        """A name given inside a quote is the speaker's, not the narrator's: one unnamed person entity."""
        text = (
            "I went down to the harbour that morning.\n\n"
            '"Any boats out?" I asked the harbourmaster.\n\n'
            '"None," he said. "My name is Silas Penrose."\n\n'
            '"Then I shall wait," I said.\n'
        )
        r = quoteattr.extract(text)
        narrator = r.quotes[0].speaker.entity
        assert narrator is r.quotes[-1].speaker.entity
        assert (None, quoteattr.EntityKind.PERSON) == (narrator.name, narrator.kind)
        assert r.quotes[1].speaker.entity is not narrator


@pytest.mark.issue(16)
class TestGenericOrganisation:
    """Rules ``org-in-role`` and ``org-generic``: "the company" is the one company in play."""

    def test_org_generic_one_company(self) -> None:
        """The organisation named inside a spokesperson's mention is the company."""
        text = (
            "According to a spokesperson for Northwind Airlines, the flights will resume on Monday. "
            "The company said refunds would be paid within a week."
        )
        assert "Northwind Airlines" == _names(text)[-1]

    def test_org_generic_two_companies(self) -> None:
        """With two organisations named, "the company" stays unnamed."""
        text = (
            "Northwind Airlines and Harbour Freight Corporation signed the deal on Monday. "
            "The company said refunds would be paid within a week."
        )
        assert [None] == _names(text)


@pytest.mark.issue(20)
class TestTurnTakingBack:
    """Rule ``turn-taking-back``: a dialogue that opens with uncued lines."""

    def test_turn_taking_back_opening_lines(self) -> None:
        """Two uncued opening lines take the alternation read backwards."""
        text = (
            "The parlour was quiet after supper.\n\n"
            '"What is his name?"\n\n'
            '"Fenwick."\n\n'
            '"Is he married?" asked Cornelius.\n\n'
            '"Not yet," said Araminta.\n'
        )
        assert ["Cornelius", "Araminta", "Cornelius", "Araminta"] == _names(text)

    def test_turn_taking_back_needs_two_speakers(self) -> None:
        """With one speaker after it, an uncued opening line stays without a speaker."""
        text = 'The parlour was quiet after supper.\n\n"What is his name?"\n\n"Fenwick," said Araminta.\n'
        assert [None, "Araminta"] == _names(text)
