"""The speed-ups of the speaker side (issue 16) give what the plain code gave.

Each hot helper was rewritten to call fewer methods; these tests hold each
one to the straightforward expression it replaced, on written words and on
generated ones. The sentences below were written for these tests; none is
from a corpus.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import coref, mentions, namefinder, names, npwords

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


# The name regex as it stood before the capital moved in front of its lookbehind.
_NAME_SEQ_PLAIN = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’])"
    r"(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}(?:[\p{L}\p{M}'’]|-(?!-))*(?![.]\p{L}))"
    r"(?:[ \u00a0](?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}(?:[\p{L}\p{M}'’]|-(?!-))*"
    r"|(?:de|del|der|di|da|dos|du|la|le|van|von|al|el|bin|ibn)(?=[ \u00a0](?:\p{Lu}|der |la |los |de ))))*",
    regex.V1,
)
_NAME_TEXT = st.text(alphabet="AbÉé' ’.-1\u00a0\nvondeLM", max_size=40)


class TestNameFinder:
    """The name finder's regex and its one-word shortcut find what they found before."""

    @pytest.mark.issue(16)
    @given(_NAME_TEXT, st.integers(0, 40))
    def test_namefinder_name_regex_as_before(self, text: str, pos: int) -> None:
        def spans(r: regex.Pattern[str]) -> list[tuple[int, int]]:
            return [m.span() for m in r.finditer(text, min(pos, len(text)))]

        assert spans(_NAME_SEQ_PLAIN) == spans(namefinder._NAME_SEQ_RE)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Then Deputy Mayor Ana Okafor-Lind spoke to Ruiz on Monday.", ["Deputy Mayor Ana Okafor-Lind", "Ruiz"]),
            ("The board met; Mr. O’Hara and Ines de la Cruz left.", ["Mr. O’Hara", "Ines de la Cruz"]),
            ("Kwame waved. Tomás did not.", ["Kwame", "Tomás"]),
        ],
    )
    def test_namefinder_one_word_names(self, text: str, expected: list[str]) -> None:
        assert expected == [text[a:b] for a, b, _ in namefinder.find_name_mentions(text)]


class TestLetterCounts:
    """coref._all_caps reads letters only."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("WALLACE", True),
            ("BARBARA PINKERTON", True),
            ("CNN", False),
            ("O'BRIEN-SMITH", True),
            ("Wallace", False),
            ("", False),
        ],
    )
    def test_coref_all_caps(self, text: str, expected: bool) -> None:
        assert expected == coref._all_caps(text)


def _canonical_plain(word: str) -> str:
    w = word.lower().rstrip(".").replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return names.NAME_VARIANTS.get(w, w)


class TestNameKeys:
    """names.canonical_token and strip_title keep their answers."""

    @pytest.mark.issue(16)
    @given(_WORDS)
    def test_names_canonical_token_as_plain_expression(self, word: str) -> None:
        assert _canonical_plain(word) == names.canonical_token(word)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("words", "expected"),
        [
            (["Mr.", "Okafor"], (["Okafor"], "mr")),
            (["Prime", "Minister", "Ruiz"], (["Ruiz"], "prime minister")),
            (["President"], (["President"], None)),
            (["Ana", "Okafor"], (["Ana", "Okafor"], None)),
        ],
    )
    def test_names_strip_title(self, words: list[str], expected: tuple[list[str], str | None]) -> None:
        assert expected == names.strip_title(words)

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "form", "key"),
        [
            ("Dr. Ana Okafor’s", "name", ("ana", "okafor")),
            ("the ministry spokeswoman", "role", ()),
            ("Deputy Mayor Tomás Ruiz", "name", ("tomás", "ruiz")),
        ],
    )
    def test_mentions_analyse_names(self, text: str, form: str, key: tuple[str, ...]) -> None:
        m = mentions.analyse_mention(text, 0, len(text))
        assert (form, key) == (m.w.form, m.w.key)


class TestChapterPrecheck:
    """A text with a chapter heading still loses the heading's names; one without keeps its names."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Chapter IV. The Dunmore Heir\nMarta Velez smiled at Oskar.", ["Marta Velez", "Oskar"]),
            ("BOOK II\n\nMarta Velez smiled at Oskar.", ["Marta Velez", "Oskar"]),
            ("The chapter was long. Marta Velez smiled at Oskar.", ["Marta Velez", "Oskar"]),
        ],
    )
    def test_namefinder_chapter_heading_names(self, text: str, expected: list[str]) -> None:
        assert expected == [text[a:b] for a, b, _ in namefinder.find_name_mentions(text)]


class TestRoleNear:
    """namefinder._role_near finds the role before or after a name as before."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [
            ("The deputy foreign minister Ana Okafor spoke.", "Ana Okafor", "deputy foreign minister"),
            ("Ana Okafor, the ministry spokeswoman, spoke.", "Ana Okafor", "ministry spokeswoman"),
            ("Then vice-chair\u00a0Tomás Ruiz left.", "Tomás Ruiz", None),
            ("Reporters asked Ana Okafor twice.", "Ana Okafor", None),
            ("spokesman\nOskar Lind", "Oskar Lind", None),
        ],
    )
    def test_namefinder_role_near(self, text: str, name: str, expected: str | None) -> None:
        a = text.index(name)
        assert expected == namefinder._role_near(text, a, a + len(name))


def _np_token_plain(w: str) -> bool:
    low = _norm_plain(w)
    return (w[:1].isupper() or w[:1].isdigit()) or low in npwords.ROLE_NOUNS or low in npwords.TITLES or (
        low in npwords.SOURCE_NOUNS
    )


def _np_head_plain(w: str) -> bool:
    low = _norm_plain(w)
    if low in npwords.PRONOUNS or low in npwords.QUANTITY_HEADS:
        return True
    if low in npwords.DETERMINERS or low in npwords.AUX_FILLER or low in npwords.DAYS or low in npwords.FUNCTION_WORDS:
        return False
    return w[:1].isupper() or w[:1].isdigit() or low in npwords.ROLE_NOUNS or low in npwords.SOURCE_NOUNS


_TOKENS = ("The", "the", "spokeswoman", "Spokeswoman.", "he", "percent", "Friday", "officials’", "2024", "-", "x")


class TestNounPhraseWords:
    """npwords.np_token and np_head (norm inlined) classify every token as before."""

    @pytest.mark.issue(16)
    @pytest.mark.parametrize("word", _TOKENS)
    def test_npwords_classes_written(self, word: str) -> None:
        assert (_np_token_plain(word), _np_head_plain(word)) == (npwords.np_token(word), npwords.np_head(word))

    @pytest.mark.issue(16)
    @given(st.sampled_from(sorted(npwords.ROLE_NOUNS | npwords.DAYS | npwords.PRONOUNS)), _WORDS)
    def test_npwords_classes_as_plain_expression(self, word: str, suffix: str) -> None:
        for w in (word, word.title(), word + suffix, word.upper() + "."):
            assert (_np_token_plain(w), _np_head_plain(w)) == (npwords.np_token(w), npwords.np_head(w))
