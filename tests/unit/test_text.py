"""Segmentation: paragraphs, sentences and tokens keep exact offsets."""

from __future__ import annotations

import pytest

from quoteattr.text import paragraph_spans, sentence_spans, tokens


class TestParagraphs:
    """Paragraph rules."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("One line.\n\nTwo line.", ["One line.", "Two line."]),
            ("One.\r\n\r\nTwo.\r\n", ["One.", "Two."]),
            ("  Indented.\n \t\nNext.  ", ["Indented.", "Next."]),
            ("A.\nB.\nC.", ["A.", "B.", "C."]),
            ("A.\nstill A.\n\nB.", ["A.\nstill A.", "B."]),
            ("", []),
            ("\n\n\n", []),
        ],
    )
    def test_text_paragraph_spans(self, text: str, expected: list[str]) -> None:
        """Blank lines separate paragraphs; in a text without any, lines do."""
        assert expected == [text[a:b] for a, b in paragraph_spans(text)]


class TestSentences:
    """Sentence rules, abbreviations included."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Mr. Okafor spoke first. He left.", ["Mr. Okafor spoke first.", "He left."]),
            ("Talks in the U.S. ended. The U.S. Senate waits.", ["Talks in the U.S. ended.", "The U.S. Senate waits."]),
            ("She visited the U.S. The trip was short.", ["She visited the U.S.", "The trip was short."]),
            (
                "On Sept. 3 Gen. Ward arrived. Why? Nobody knows!",
                ["On Sept. 3 Gen. Ward arrived.", "Why?", "Nobody knows!"],
            ),
            ('"Stop." Then she went.', ['"Stop."', "Then she went."]),
            ("J. R. Smith met Dr. Lee at 5 p.m. on Friday.", ["J. R. Smith met Dr. Lee at 5 p.m. on Friday."]),
            ("Key Points\nThe council voted.", ["Key Points", "The council voted."]),
            # a case name: "v." is an abbreviation (issue 16)
            ("Osei v. Leith Council was heard. It failed.", ["Osei v. Leith Council was heard.", "It failed."]),
        ],
    )
    def test_text_sentence_spans(self, text: str, expected: list[str]) -> None:
        """Sentences end at . ! ? before a capital, not after abbreviations."""
        assert expected == [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia's U.S. talks", ["Russia's", "U.S.", "talks"]),
        ("well-known, 3.5%", ["well-known", ",", "3.5", "%"]),
        ("naïve café", ["naïve", "café"]),
    ],
)
def test_text_tokens(text: str, expected: list[str]) -> None:
    """Tokens are words with inner punctuation, or single symbols."""
    assert expected == [text[a:b] for a, b in tokens(text)]
