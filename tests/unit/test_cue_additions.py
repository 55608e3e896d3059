"""Cue words added to the lexicons for issue 16, each with the sentences it
must report and the uses it must leave alone. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from quoteattr.cues import find_cues

from subjects_support import rule_content_speaker

pytestmark = pytest.mark.issue(16)


_quotes = rule_content_speaker


class TestObjectMessageVerbs:
    """'applaud' and 'quote' report their object (rule subject-cue-object), as 'praise' does."""

    @pytest.mark.parametrize(
        ("text", "lemma"),
        [
            ("The dockers applauded the ruling.", "applaud"),
            ("Ruiz quotes an old charter.", "quote"),
            ("Osei, quoting the charter, objected.", "quote"),
        ],
    )
    def test_cue_additions_found(self, text: str, lemma: str) -> None:
        """Every form is a cue of its lemma."""
        assert [lemma] == [m.lemma for m in find_cues(text) if m.lemma == lemma]

    @pytest.mark.parametrize(
        ("text", "content", "speaker"),
        [
            (
                "The harbour master applauded the council's decision to dredge the channel.",
                "the council's decision to dredge the channel",
                "The harbour master",
            ),
            ("Kim Berg applauds the new tram timetable.", "the new tram timetable", "Kim Berg"),
            ("Osei quoted a 1998 survey of the northern quays.", "a 1998 survey of the northern quays", "Osei"),
        ],
    )
    def test_cue_additions_object_is_the_message(self, text: str, content: str, speaker: str) -> None:
        """The object is the content, the subject the speaker."""
        assert [("subject-cue-object", content, speaker)] == _quotes(text)

    def test_cue_additions_passive_phrase_wins(self) -> None:
        """'was quoted as saying' stays the passive phrase, not the verb 'quote'."""
        (m,) = [m for m in find_cues("The mayor was quoted as saying the pier was safe.") if "quot" in m.lemma]
        assert ("quoted as saying", "passive") == (m.lemma, m.type)


class TestHeadlineCueForms:
    """Guard headline-cue reads more headline verbs: 'Announces', 'Reveal', 'Say' and the past forms of
    'X Just Revealed ...' headlines (lexicon headline_cues.txt)."""

    _BODY = "\n\nThe story follows on the harbour front.\n"

    @pytest.mark.parametrize(
        ("headline", "content", "speaker"),
        [
            ("Harbour Board Announces New Ferry Timetable.", "New Ferry Timetable", "Harbour Board"),
            ("Leaked Memos Reveal Plan To Close The Mill.", "Plan To Close The Mill", "Leaked Memos"),
            ("Some Dockers Say The Strike Will Last Into May.", "The Strike Will Last Into May", "Some Dockers"),
            ("Mara Lind Announced Her Bid For Mayor.", "Her Bid For Mayor", "Mara Lind"),
        ],
    )
    def test_cue_additions_headline_verbs(self, headline: str, content: str, speaker: str) -> None:
        """The capitalised verb of a title-case headline reports the rest of the line."""
        assert [("subject-cue-clause", content, speaker)] == _quotes(headline + self._BODY)

    @pytest.mark.parametrize(
        "text",
        [
            "The ferry left from the Reveal Quay at noon, and the dockers went home for the day.",
            "She walked past the Say Nothing Cafe on the harbour front before the meeting began.",
        ],
    )
    def test_cue_additions_headline_verbs_not_in_prose(self, text: str) -> None:
        """Inside prose the capitalised word stays part of a name."""
        assert [] == _quotes(text)
