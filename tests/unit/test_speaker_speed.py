"""The speed-ups of the speaker side (issue 16) give what the plain code gave.

Each hot helper was rewritten to call fewer methods; these tests hold each
one to the straightforward expression it replaced, on written words and on
generated ones. The sentences below were written for these tests; none is
from a corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import mentions, npwords

# words made of the characters the helpers treat specially
_WORDS = st.text(alphabet="aAbZ.'’sS-é1 ", max_size=8)


def _norm_plain(w: str) -> str:
    return w.lower().rstrip(".").replace("’", "'")


def _lower_plain(w: str) -> str:
    w = w.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.rstrip(".")


class TestNorm:
    """npwords.norm lower-cases, drops final periods and straightens apostrophes."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("word", "expected"),
        [("Sen.", "sen"), ("U.S..", "u.s"), ("O’Neill", "o'neill"), ("said", "said"), ("", ""), ("...", "")],
    )
    def test_npwords_norm_written(self, word: str, expected: str) -> None:
        assert expected == npwords.norm(word)

    @pytest.mark.issue(16)
    @given(_WORDS)
    def test_npwords_norm_as_plain_expression(self, word: str) -> None:
        assert _norm_plain(word) == npwords.norm(word)

    @pytest.mark.issue(16)
    @given(_WORDS)
    def test_npwords_is_cap_as_plain_expression(self, word: str) -> None:
        assert (word[:1].isupper() or word[:1].isdigit()) == npwords.is_cap(word)


class TestMentionWords:
    """mentions._lower, _role_info and mention_words keep their answers."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("word", "expected"),
        [("Okafor’s", "okafor"), ("Mr.", "mr"), ("Jones's", "jones"), ("minister", "minister"), ("'s", "")],
    )
    def test_mentions_lower_written(self, word: str, expected: str) -> None:
        assert expected == mentions._lower(word)

    @pytest.mark.issue(16)
    @given(_WORDS)
    def test_mentions_lower_as_plain_expression(self, word: str) -> None:
        assert _lower_plain(word) == mentions._lower(word)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize("word", ["spokeswoman", "Spokesman’s", "ministry.", "Mr.", "Senator", "Okafor", "the"])
    def test_mentions_role_info_reads_the_lowered_word(self, word: str) -> None:
        low = _lower_plain(word)
        info = mentions.ROLE_NOUNS.get(low)
        title = mentions.TITLES.get(low)
        if info is not None:
            expected: tuple[str | None, str] | None = (info.gender, info.kind)
        elif title is not None and title.kind != "honorific":
            expected = (title.gender, "person")
        else:
            expected = None
        assert expected == mentions._role_info(word)

    @pytest.mark.issue(16)
    def test_mentions_mention_words_offsets(self) -> None:
        text = "Deputy mayor Ana O’Hara-Lind, of Bristol Rd., said it."
        words = mentions.mention_words(text, 0, len(text))
        assert ["Deputy", "mayor", "Ana", "O’Hara-Lind", "of", "Bristol", "Rd.", "said", "it."] == [w[2] for w in words]
        assert all(text[a:b] == w for a, b, w in words)
        assert all(type(w) is tuple and len(w) == 3 for w in words)
