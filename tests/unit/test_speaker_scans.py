"""The whole-text scans of the speaker side (issue 16) find what the plain scans found.

Each scan that read every position of a text with a regex now reads only
where a match can stand (after a ``str.find`` of a word every match holds,
or between the quotes); these tests hold each one to the plain scan it
replaced, on written sentences and on generated ones. The sentences below
were written for these tests; none is from a corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import coref, gather, mentions, namefinder
from quoteattr.mentions import _PRONOUN_RE
from strategies import pieces_text

# texts made of the pieces the scans look for
_PIECES = pieces_text(
    [" ", "\n", "  ", "My name is ", "my name was", "Call me ", "call ", "me ", "called ", "I was ", "christened",
     "Chapter", "CHAPTER ", "Book ", "Part", "Party ", " 3", " II", " Two", "He", "he ", "She", "they", "We ",
     "I ", "the ", "'", "-", "Mara ", "Tobin", ".", '"', "x"],
    14,
)  # fmt: skip


class TestChapterWord:
    """namefinder._has_chapter_word answers as ``_CHAPTER_WORD_RE.search``."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The Party met on Monday.\n\nChapter 4\n\nRain fell.", True),
            ("The Party met on Monday and the book fair closed.", False),
            ("PART II. The Long Road", True),
            ("Part of the plan failed.", False),
        ],
    )
    def test_written(self, text: str, expected: bool) -> None:
        assert expected == namefinder._has_chapter_word(text)

    @pytest.mark.issue(16)
    @given(_PIECES)
    def test_as_plain_search(self, text: str) -> None:
        assert (namefinder._CHAPTER_WORD_RE.search(text) is not None) == namefinder._has_chapter_word(text)


class TestNarratorGate:
    """coref._may_name_narrator is False only where _NARRATOR_NAME_RE cannot match."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Good evening. My name is Oren Tal, and I keep the lighthouse.", True),
            ("They call me Wren.", True),
            ("The minister, whose name was withheld, called for calm.", False),
            ("A group called Citizens for Parks filed the suit.", True),  # (may: the scan decides)
        ],
    )
    def test_written(self, text: str, expected: bool) -> None:
        assert expected == coref._may_name_narrator(text)

    @pytest.mark.issue(16)
    @given(_PIECES)
    def test_no_match_when_gate_is_shut(self, text: str) -> None:
        if not coref._may_name_narrator(text):
            assert coref._NARRATOR_NAME_RE.search(text) is None

    @pytest.mark.issue(16)
    def test_names_found(self) -> None:
        text = 'Call me Ansel Brook. "He lies," she said.'
        assert [text[a:b] for a, b in coref._narrator_names(text, [(21, 30)])] == ["Ansel Brook"]


class TestPronounGaps:
    """gather._pronoun_mentions reads only between the quotes, with the same pronouns as a scan of the whole text."""

    @staticmethod
    def _plain(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [m.span() for m in _PRONOUN_RE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]

    @staticmethod
    def _found(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[gather._Mention] = []
        gather._pronoun_mentions(text, out, [a for a, _ in spans], [b for _, b in spans])
        return [m.span for m in out]

    @pytest.mark.issue(16)
    def test_written(self) -> None:
        text = 'She nodded. "We will go," he said, and they went.'
        q = text.index('"We')
        spans = [(q, text.index(",", q) + 2)]
        assert [text[a:b] for a, b in self._found(text, spans)] == ["She", "he", "they"]

    @pytest.mark.issue(16)
    def test_pronoun_before_a_quote_opening_with_a_letter(self) -> None:
        # the lookahead reads the first letter of the quote: "Hewent" holds no pronoun
        text = "Then Hewent home."
        spans = [(7, 11)]
        assert self._found(text, spans) == self._plain(text, spans) == []

    @pytest.mark.issue(16)
    @given(_PIECES, st.lists(st.integers(min_value=0, max_value=60), max_size=6))
    def test_as_plain_scan(self, text: str, cuts: list[int]) -> None:
        points = sorted({c for c in cuts if c <= len(text)})
        # sorted disjoint spans, apart from each other, as quoted_spans gives them
        spans = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2) if points[i] < points[i + 1]]
        spans = [s for k, s in enumerate(spans) if k == 0 or s[0] > spans[k - 1][1]]
        assert self._found(text, spans) == self._plain(text, spans)


# texts around a name: what comes before it and after it
_AROUND = pieces_text(
    [" ", "\u00a0", "\n", ",", ".", "-", "the ", "a ", "an ", "who ", "Mr.", "Iran's ", "é", "“", "x",
     "minister", "spokesman ", "Iran", "'s", "’s", "U.S.", "th", "an", "a"],
    8,
)  # fmt: skip


class TestRoleNearGates:
    """The cheap rejections of namefinder._role_near reject only where its regexes find nothing."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("after", "expected"),
        [
            (", the mayor of Tull,", True),
            (", who left,", False),
            (",Prime Minister", False),
            (", Iran's envoy,", True),
            (", Iran and Oman", False),
            (", an aide,", True),
            (", another aide", False),
            (", Zoë's aide,", True),
        ],
    )
    def test_appositive_written(self, after: str, expected: bool) -> None:
        text = "Ida Marsh" + after
        assert expected == namefinder._may_be_appositive(text, 9)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("before", "expected"), [("said Mr. ", False), ("mayor ", True), ("\n", False), ("the deputy-\n", False)]
    )
    def test_last_word_written(self, before: str, expected: bool) -> None:
        text = before + "Ida Marsh"
        assert expected == namefinder._may_end_word(text, 0, len(before))

    @pytest.mark.issue(16)
    @given(_AROUND)
    def test_appositive_gate(self, after: str) -> None:
        text = "Ida" + "," + after
        if not namefinder._may_be_appositive(text, 3):
            assert namefinder._APPOSITIVE_RE.match(text[3:103]) is None

    @pytest.mark.issue(16)
    @given(_AROUND)
    def test_last_word_gate(self, before: str) -> None:
        text = before + "Ida"
        a = len(before)
        if a >= 2 and not namefinder._may_end_word(text, 0, a):
            assert namefinder._LAST_WORD_RE.search(text, 0, a) is None


class TestMentionWordsSplit:
    """mentions.mention_words splits plain ASCII words without the regex, with the regex's words."""

    @staticmethod
    def _plain(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in mentions._WORD_RE.finditer(text)]

    @pytest.mark.issue(16)
    @pytest.mark.parametrize("text", ["Foreign minister Ida Marsh", " two  spaces ", "Mr. O'Brien", "Zoë Tull", ""])
    def test_written(self, text: str) -> None:
        assert mentions.mention_words(text, 0, len(text)) == self._plain(text)

    @pytest.mark.issue(16)
    @given(st.text(alphabet="aZ é.'-1\n\u00a0", max_size=12), st.integers(0, 3))
    def test_as_plain_regex(self, text: str, cut: int) -> None:
        a = min(cut, len(text))
        expected = [(m.start(), m.end(), m.group()) for m in mentions._WORD_RE.finditer(text, a, len(text))]
        assert mentions.mention_words(text, a, len(text)) == expected
