"""Issue 16 (throughput): patterns rewritten to cost less find exactly what
the patterns they replace found. Each test keeps the old pattern as the
reference and compares the two on generated text built from the pieces the
patterns look at (words, marks, spaces, case variants)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import candidates, clauses, cues, text
from quoteattr.annotations import Annotation
from strategies import pieces_text
from quoteattr.index import DocIndex

pytestmark = pytest.mark.issue(16)


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return pieces_text(pieces, 40)


# --- clauses._CUT_RE: the "not only X, but also Y" lookbehind is tested last ---

_OLD_CUT_RE = regex.compile(
    r""",(?:["”’]|'')?\s*(?:which\s+)?"""
    + clauses._CUT_SOURCE
    + r"""
      | ,(?<!\bnot\s+(?:only|just|merely)\b[^.;]{0,200},)
        \s+(?:but|and|yet)\s+(?=(?:has|have|had|also|later|then|is|was|will|would|did|does|didn[’']t|doesn[’']t)\s)
      | ,(?:["”’]|'')?\s+(?=(?:although|though|even\s+though|whereas|while)\s)
      | ;\s""",
    regex.X | regex.I,
)

_CUT_PIECES = [
    " ",
    "  ",
    "\n",
    ",",
    ";",
    ".",
    '"',
    "”",
    "’",
    "'",
    "''",
    "x",
    "not",
    "Not",
    "only",
    "just",
    "merely",
    "but",
    "And",
    "yet",
    "has",
    "also",
    "was",
    "didn’t",
    "didn't",
    "although",
    "even",
    "though",
    "while",
    "which",
    "according",
    "to",
    "as",
    "reported",
    "by",
]


@given(_text(_CUT_PIECES))
@settings(max_examples=400)
def test_cut_re_matches_the_old_pattern(text: str) -> None:
    assert [m.span() for m in clauses._CUT_RE.finditer(text)] == [m.span() for m in _OLD_CUT_RE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("She said the plan was late, but has since approved it.", True),
        ("She said not only the plan was late, but has since approved it.", False),
        ("She said not only this. The plan was late, but has since approved it.", True),
    ],
)
def test_cut_re_not_only_guard(text: str, cut: bool) -> None:
    assert (clauses._CUT_RE.search(text) is not None) is cut


# --- clauses._clause_cuts: "which" and dash openings scanned apart ---

_OLD_CUT_AFTER_SPACE_RE = regex.compile(
    r"(?<=\s)(?:which\s+" + clauses._CUT_SOURCE + r"|[—–-]{1,2}\s+" + clauses._CUT_ELABORATION + ")",
    regex.I,
)

_SPACE_PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    "-",
    "--",
    "—",
    "–",
    ",",
    "x",
    "Which",
    "which",
    "according",
    "to",
    "as",
    "quoted",
    "by",
    "namely",
    "NAMELY",
    "i.e.",
    "e.g.",
    "I.E.",
    "including",
]


@given(_text(_SPACE_PIECES))
@settings(max_examples=400)
def test_after_space_scans_match_the_old_alternation(text: str) -> None:
    split = [m.span() for m in clauses._CUT_AFTER_WHICH_RE.finditer(text)]
    if any(w.search(text) for w in clauses._ELABORATION_WORD_RES):
        split += [m.span() for m in clauses._CUT_AFTER_DASH_RE.finditer(text)]
    assert sorted(split) == [m.span() for m in _OLD_CUT_AFTER_SPACE_RE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("It held, which according to aides was fine - namely in Ohio.", [",", " - "]),
        ("It held - which according to aides was fine.", [" which "]),
        ("It held -- namely in Ohio   which according to aides", [" -- ", "   which "]),
        # "e.g." then a space: no word boundary after its period, no cut
        ("It held -- e.g. in Ohio.", []),
    ],
)
def test_clause_cuts_which_and_dash(text: str, starts: list[str]) -> None:
    found = clauses._clause_cuts(text)
    assert [text[c : c + len(s)] for c, s in zip(found, starts, strict=True)] == starts


# --- str tests that stand in for a regex call ---


def _all_chars() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_regex_whitespace_is_str_whitespace() -> None:
    """Every character of the regex module's \\s (V0 and V1) is a
    str.isspace() one: a character that is not isspace() is no \\s (the
    tests before cues._NEXT_WORD_RE, ADJUNCT_RE and marks._CONTENT_RE)."""
    chars = _all_chars()
    for flags in (regex.V0, regex.V1):
        assert all(m[0].isspace() for m in regex.compile(r"\s", flags).finditer(chars))


@pytest.mark.parametrize("letters", ["ta", "tob", "dh"])
def test_prefilter_letters_have_no_other_case(letters: str) -> None:
    """The first letters tested before THAT_RE, _AGAINST_RE, _ON_RE and
    _TO_INF_RE match nothing but themselves and their ASCII capitals when
    case is ignored."""
    chars = _all_chars()
    for ch in letters:
        found = {m[0] for m in regex.compile(ch, regex.I).finditer(chars)}
        assert found == {ch, ch.upper()}


def test_v1_word_holds_every_mark() -> None:
    """text.TOKEN_RE and WORD_RE read \\w where they read [\\w\\p{M}]: in V1 the same set."""
    chars = _all_chars()
    word = {m.start() for m in regex.compile(r"\w", regex.V1).finditer(chars)}
    both = {m.start() for m in regex.compile(r"[\w\p{M}]", regex.V1).finditer(chars)}
    assert word == both


def _skip_adjuncts_plain(t: str, pos: int, limit: int) -> int:
    """clauses.skip_adjuncts without its first-character test."""
    for _ in range(4):
        m = clauses.ADJUNCT_RE.match(t, pos, limit)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


_ADJUNCT_PIECES = [
    " ",
    "\t",
    "\n",
    ",",
    "x",
    "that",
    "on",
    "On",
    "Tuesday",
    "in",
    "a",
    "statement",
    "with",
    "CNN",
    "last",
    "week",
    "earlier",
    "via",
    "twitter",
    "İn",
    "ſunday",
    "é",
    "\u2028",
    "\x1c",
]


@given(_text(_ADJUNCT_PIECES), st.integers(0, 6), st.integers(0, 300))
@settings(max_examples=400)
def test_skip_adjuncts_matches_plain_loop(t: str, pos: int, limit: int) -> None:
    pos, limit = min(pos, len(t)), min(limit, len(t))
    assert clauses.skip_adjuncts(t, pos, limit) == _skip_adjuncts_plain(t, pos, limit)


def test_skip_adjuncts_long_whitespace() -> None:
    """Past 32 characters of whitespace the pattern itself decides."""
    t = "said" + " " * 40 + "on Tuesday that it rained"
    assert t[clauses.skip_adjuncts(t, 4, len(t)) :] == "that it rained"


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        ("He said, on Tuesday, that it rained.", " that it rained."),
        ("He said in a statement that it rained.", "that it rained."),
        ("He said that on Tuesday it rained.", " that on Tuesday it rained."),
        ("He said  ,  again  it rained.", "it rained."),
    ],
)
def test_skip_adjuncts_examples(t: str, expected: str) -> None:
    assert t[clauses.skip_adjuncts(t, 7, len(t)) :] == expected


@pytest.mark.parametrize(
    ("t", "cue_end"),
    [("Ana said, and left.", 8), ("Ana told\treporters so.", 18), ("Ana told.", 8), ("Ana told", 8)],
)
def test_cue_next_word_after_punctuation(t: str, cue_end: int) -> None:
    """A cue followed by no whitespace has no next word: its match ends with it."""
    assert cues.find_cues(t)[0].end == cue_end


@pytest.mark.parametrize(
    ("t", "lines"),
    [
        ("One line only.", ["One line only."]),
        ("Key Points\nThe council met.", ["Key Points", "The council met."]),
        ("the bridge was\nclosed today.", ["the bridge was\nclosed today."]),
        ("A\r\nB\u2028C\x85D", ["A", "B", "C", "D"]),
    ],
)
def test_lines_with_and_without_breaks(t: str, lines: list[str]) -> None:
    assert [t[a:b] for a, b in text._lines(t, 0, len(t))] == lines


@given(
    _text(["a", "Z", "9", " ", ",", "_", "’", "é", "ß", "٣", "Ⅳ", "\u0301", "-", "x y"]),
    st.integers(0, 50),
    st.integers(0, 50),
)
def test_alnum_counts_letters_and_digits(t: str, a: int, b: int) -> None:
    """candidates._alnum's ASCII count is the regex count of \\p{L} and \\p{N}."""
    plain = sum(map(len, candidates._ALNUM_RUN_RE.findall(t, a, b))) if a < b else 0
    assert candidates._alnum(t, a, b) == plain


@given(_text(["Ana", "said", " ", "  ", ",", "’s", "U.S.", "well-known", "3.5", "-", "—", "é"]), st.integers(0, 9))
def test_first_words_are_the_words_read_first(t: str, n: int) -> None:
    idx = DocIndex(Annotation(text=t, paragraphs=[(0, len(t))] if t else [], sentences=[]), [])
    assert idx.first_words(0, len(t), n) == idx.words(0, len(t))[:n]
