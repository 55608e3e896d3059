"""Speaker names a reader would accept (issue 20): rules ``name-trim`` and
``name-case``, on passages written for these tests."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.mentions import analyse_mention


def _speaker_of(text: str, content: str) -> quoteattr.SpeakerRef | None:
    r = quoteattr.extract(text)
    hits = [q for q in r.quotes if content in q.text]
    assert hits, [q.text for q in r.quotes]
    return hits[0].speaker


@pytest.mark.issue(20)
class TestNameTrim:
    """A canonical name is the name, not the words the chunker took before it."""

    @pytest.mark.parametrize(
        ("text", "content", "name"),
        [
            ('"Oh, I see it now," said poor Margery.', "I see it now", "Margery"),
            ('"That will do," said little Tobias.', "That will do", "Tobias"),
            ('"Come in out of the rain," said DEAR HENRIETTA.', "Come in", "Henrietta"),
            ('"The bridge is out," HAD BEEN SHOUTED BY HAROLD.', "bridge is out", "Harold"),
        ],
    )
    def test_name_trim_drops_words_before_the_name(self, text: str, content: str, name: str) -> None:
        """Address words, lowercase words and shouted verbs before a name are cut."""
        sp = _speaker_of(text, content)
        assert sp is not None
        assert name == sp.entity.name

    @pytest.mark.parametrize(
        ("phrase", "name"),
        [
            ("hesitation which Rosalind", ("rosalind",)),
            ("Said Okonkwo", ("okonkwo",)),
            ("Poor Wilhelmina", ("wilhelmina",)),
        ],
    )
    def test_name_trim_key_is_the_name(self, phrase: str, name: tuple[str, ...]) -> None:
        """The mention's key (what clustering reads) is the trimmed name."""
        m = analyse_mention(phrase, 0, len(phrase))
        assert "name" == m.w.form
        assert name == m.w.key

    @pytest.mark.parametrize(
        "phrase",
        ["a budget study by Imogen Castellanos", "the primary after Hartwell", "A leaked memo seen by Radio Vesta"],
    )
    def test_name_trim_object_of_preposition_is_no_name(self, phrase: str) -> None:
        """A name after a preposition belongs to a description: the mention has no name."""
        m = analyse_mention(phrase, 0, len(phrase))
        assert "role" == m.w.form
        assert () == m.w.key

    @pytest.mark.parametrize("word", ["Asked", "Citing", "Recalling", "Reports"])
    def test_name_trim_verb_form_alone_is_no_name(self, word: str) -> None:
        """A capitalised verb form at a sentence start is no name."""
        m = analyse_mention(word, 0, len(word))
        assert "name" != m.w.form

    @pytest.mark.parametrize(
        "phrase",
        ["Hope Hicks", "Charles de Gaulle", "Ludwig van Beethoven", "Mr. Tolliver", "New York's AM 970 The Answer"],
    )
    def test_name_trim_leaves_real_names(self, phrase: str) -> None:
        """Names with a capitalised verb base form, particles, titles or digits stay whole."""
        m = analyse_mention(phrase, 0, len(phrase))
        assert "name" == m.w.form
        assert phrase.split()[-1].lower() == m.w.key[-1]


@pytest.mark.issue(20)
class TestNameCase:
    """Shouted names and transcript labels are given in ordinary case."""

    def test_name_case_shouted_person(self) -> None:
        """A person's name written in capitals is title-cased."""
        sp = _speaker_of('"Never again," said MARGARET PELHAM.', "Never again")
        assert sp is not None
        assert "Margaret Pelham" == sp.entity.name

    def test_name_case_transcript_labels(self) -> None:
        """Transcript labels are title-cased, acronyms are left alone."""
        text = "HARGREAVES: Welcome back to the programme.\nMULLINS: Thank you for having me.\n"
        r = quoteattr.extract(text)
        assert ["Hargreaves", "Mullins"] == [q.speaker.entity.name for q in r.quotes if q.speaker]

    def test_name_case_acronym_stays(self) -> None:
        """A short acronym is an organisation's name as written."""
        sp = _speaker_of('"We stand by the report," NATO said on Monday.', "We stand by")
        assert sp is not None
        assert "NATO" == sp.entity.name
