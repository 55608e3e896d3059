"""Cue words read as nouns or verbs, session 7 (issue 16): each class covers
one named rule or guard of quoteattr.cue_nouns. Sentences written for these
tests.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.cue_nouns import PLURAL_DETERMINERS, noun_context
from quoteattr.cues import find_cues
from quoteattr.index import DocIndex
from quoteattr.marks import find_quotes
from quoteattr.text import segment

pytestmark = pytest.mark.issue(16)


def _is_noun(text: str, word: str) -> bool:
    """What noun_context says of the cue *word* in *text* (one sentence)."""
    cue = next(c for c in find_cues(text, 0) if text[c.start : c.end] == word)
    ann = segment(text)
    return noun_context(DocIndex(ann, find_quotes(text, ann.paragraphs)[0]), cue, 0)


def _reports(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.rule, q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quoteattr.extract(text, min_confidence=0).quotes
    ]


class TestPluralDeterminerCue:
    """Rule plural-determiner-cue: a base cue form after a word that takes
    only plural nouns ("many", "both", "several", "those") is a verb."""

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("Many mention the harbour only in passing.", "mention"),
            ("Both agree that the pier must close.", "agree"),
            ("Of the ferry crews, several warn that the boats are old.", "warn"),
            ("The two admit that the plan will not be easy.", "admit"),
            ("That plan, many argue, would ruin the port.", "argue"),
        ],
    )
    def test_cue_nouns7_base_form_after_plural_word_is_a_verb(self, text: str, word: str) -> None:
        """The cue word reads as a verb."""
        assert not _is_noun(text, word)

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("His claim about the ferry was false.", "claim"),
            ("The mayor made a promise to the crews.", "promise"),
            ("Some praise went to the harbour master.", "praise"),
            ("Most comment on the pier came late.", "comment"),
        ],
    )
    def test_cue_nouns7_base_form_after_other_determiners_stays_a_noun(self, text: str, word: str) -> None:
        """After an article, a possessive or a word that also takes mass nouns
        ("some praise", "most comment") the cue word stays a noun."""
        assert _is_noun(text, word)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Many mention the harbour only in passing.",
                [("subject-cue-object", "the harbour only in passing", "Many")],
            ),
            (
                "Both agree that the pier must close.",
                [("subject-cue-clause", "the pier must close", "Both")],
            ),
        ],
    )
    def test_cue_nouns7_plural_subject_reports(self, text: str, expected: list[tuple[str, str, str]]) -> None:
        """The verb reports what follows it, with the plural word as speaker."""
        assert expected == _reports(text)

    @pytest.mark.parametrize(
        "text",
        ["Many call centres closed last year.", "These claims were false, and those promises were empty."],
    )
    def test_cue_nouns7_plural_nouns_report_nothing(self, text: str) -> None:
        """A plural noun after the word, or a cue word that is not speech,
        gives no report."""
        assert [] == _reports(text)

    def test_cue_nouns7_plural_determiners_take_no_mass_words(self) -> None:
        """The lexicon holds no word that also takes a mass noun."""
        assert set() == PLURAL_DETERMINERS & {"all", "some", "most", "more", "no", "any"}


class TestRelativeSayGap:
    """Guard relative-say-gap: "say" before a finite verb is a verb inside a
    relative clause opened by "which" or "that" ("which the union says has")."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The port has a new ferry that the crews say is late every day.",
                [("subject-cue-clause", "is late every day", "the crews")],
            ),
            (
                "Wages fell in Leith, which the union says has the lowest pay in the region.",
                [("subject-cue-clause", "which the union says has the lowest pay in the region", "the union")],
            ),
        ],
    )
    def test_cue_nouns7_say_in_a_relative_clause_reports(self, text: str, expected: list[tuple[str, str, str]]) -> None:
        """The finite verb after "say" opens the reported clause."""
        assert expected == _reports(text)

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("Not everything the mayor says is true.", "says"),
            ("Their say will count for little.", "say"),
            ("The board will decide what the council says is a fair toll.", "says"),
        ],
    )
    def test_cue_nouns7_say_before_a_finite_verb_elsewhere_is_a_noun(self, text: str, word: str) -> None:
        """Without "which" or "that" a few words back, "say" before a finite
        verb stays what the noun reader made of it."""
        assert _is_noun(text, word)


class TestBaseCueThatPronoun:
    """Rule base-cue-that: an object pronoun ends the words read back for a
    determiner, so "those around him acknowledge that" is a verb."""

    def test_cue_nouns7_object_pronoun_before_base_cue_that(self) -> None:
        """The clause after "that" is reported, with the whole subject as speaker."""
        text = "He has shown great stamina, but those around him acknowledge that a third bid seems unlikely."
        assert [("subject-cue-clause", "a third bid seems unlikely", "those around him")] == _reports(text)

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("She repeated the debunked claim that the pier was sold.", "claim"),
            ("He gave them a promise that the pier would stay.", "promise"),
        ],
    )
    def test_cue_nouns7_determiner_before_base_cue_that(self, text: str, word: str) -> None:
        """A determiner after the pronoun still makes the cue word a noun."""
        assert _is_noun(text, word)
