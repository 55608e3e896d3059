"""Issue 16 (throughput): the word gates of :mod:`quoteattr.word_gate` say
no only where the pattern they stand before cannot match, so the output is
the pattern's own. Each property test runs the live pattern of the module
as the reference on text built from the words and marks it reads, their
prefixes and extensions, and characters outside ASCII that case-insensitive
matching folds onto ASCII letters ("ſ" is "s", "K" is "k")."""

from __future__ import annotations


import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import clauses, cues, index, mentions, namefinder, plain_text, text
from quoteattr.annotations import Annotation
from strategies import pieces_text
from quoteattr.word_gate import TailGate, WordGate

pytestmark = pytest.mark.issue(16)


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return pieces_text(pieces, 30)


class TestWordGate:
    """A set test of the first word before an anchored pattern."""

    def test_words_of_adjunct_re(self) -> None:
        """The words are those that open an adjunct, none of those that follow one."""
        words = clauses._ADJUNCT_GATE.words
        assert {"on", "in", "during", "earlier", "yesterday", "via"} <= words
        assert not {"statement", "twitter", "morning", "x", "the", "s"} & words

    @pytest.mark.parametrize(
        ("rest", "may"),
        [
            ("that it rained", False),
            ("the bill", False),
            ("On Tuesday", True),
            ("in a statement", True),
            ("Ontario said", False),
            ("insisted that", False),
            ("insisted", True),  # (letters to the end of the window)
            ("earlier,", True),
            ("earlie", True),  # (letters to the end of the window: the regex decides)
            ("laſt week", True),  # (a letter outside ASCII: "ſ" is "s" to the regex)
            ("ſunday", True),
            ("“On”", True),
            ("", True),
        ],
    )
    def test_may_match(self, rest: str, may: bool) -> None:
        assert may == clauses._ADJUNCT_GATE.may_match(rest)

    def test_opening_class_is_refused(self) -> None:
        """A pattern that opens with a class of letters has openings the gate cannot see."""
        pattern = regex.compile(r"(?:on\s+\w+|\p{Lu}\w+day)", regex.I)
        first = frozenset(c for c in map(chr, range(128)) if pattern.match(c, partial=True))
        with pytest.raises(ValueError, match="opening letters"):
            WordGate(pattern, first)

    def test_case_sensitive_pattern_is_refused(self) -> None:
        with pytest.raises(ValueError, match="case-insensitive"):
            WordGate(regex.compile(r"on\s+\w+"), frozenset("o"))


_ADJUNCT_PIECES = [
    " ",
    "\u00a0",
    "\n",
    ",",
    ".",
    "x",
    "1",
    "_",
    "-",
    "that",
    "on",
    "On",
    "ON",
    "o",
    "ons",
    "Ontario",
    "Tuesday",
    "Tues",
    "in",
    "inside",
    "a",
    "statement",
    "with",
    "CNN",
    "last",
    "laſt",
    "week",
    "earlier",
    "Later",
    "laterally",
    "again",
    "via",
    "twitter",
    "é",
    "K",
]


def _skip_adjuncts_plain(t: str, pos: int, limit: int) -> int:
    """clauses.skip_adjuncts without any test before ADJUNCT_RE."""
    for _ in range(4):
        m = clauses.ADJUNCT_RE.match(t, pos, limit)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


@given(_text(_ADJUNCT_PIECES), st.integers(0, 8), st.integers(0, 300))
@settings(max_examples=500)
def test_skip_adjuncts_with_the_gate_matches_plain_loop(t: str, pos: int, limit: int) -> None:
    pos, limit = min(pos, len(t)), min(limit, len(t))
    assert _skip_adjuncts_plain(t, pos, limit) == clauses.skip_adjuncts(t, pos, limit)


class TestTailGate:
    """What can end a reverse pattern anchored at the end of its window."""

    def test_syntax_letters_are_no_words(self) -> None:
        gate = TailGate(regex.compile(r"(?r)(?:,|\band|(?P<x>but))\s*$", regex.I))
        assert {"and", "but"} == gate.words

    def test_marks_and_words(self) -> None:
        gate = clauses._NEXT_CUE_GATE
        assert {",", ";", '"', "'"} <= gate.marks
        assert {"and", "but", "he", "she", "also", "had"} <= gate.words
        assert not {"r", "s", "p", "mark"} & gate.words  # (the pattern's syntax)

    @pytest.mark.parametrize(
        ("before", "may"),
        [
            ("The senator said", False),
            ("Smith ", False),
            ("the senators ", False),
            ("the plan, he ", True),
            ("the plan, and ", True),
            ("Bland ", True),  # (an ending of the word is "and": the regex decides)
            ("the plan,", True),
            ("the plan.", False),
            ("the plan, ” ", True),  # (outside ASCII: the regex decides)
            ("   ", False),
            ("", False),
        ],
    )
    def test_may_match_before_cue(self, before: str, may: bool) -> None:
        assert may == clauses._NEXT_CUE_GATE.may_match(before + "said", 0, len(before))


_TAIL_PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    ",",
    ";",
    ".",
    ":",
    '"',
    "”",
    "’",
    "'",
    "''",
    "x",
    "and",
    "And",
    "but",
    "BUT",
    "Bland",
    "he",
    "she",
    "They",
    "it",
    "we",
    "I",
    "also",
    "later",
    "then",
    "has",
    "have",
    "had",
    "while",
    "whereas",
    "yet",
    "ſhe",
    "K",
    "said",
    "Trump",
]


@given(_text(_TAIL_PIECES), st.integers(0, 60))
@settings(max_examples=500)
def test_tail_gates_never_refuse_a_match(t: str, width: int) -> None:
    """Where a gate says no, its pattern finds nothing ending at that offset."""
    for pattern, gate in (
        (clauses._BEFORE_NEXT_CUE_RE, clauses._NEXT_CUE_GATE),
        (clauses._BEFORE_NEW_SUBJECT_RE, clauses._NEW_SUBJECT_GATE),
    ):
        for hi in range(len(t) + 1):
            lo = max(0, hi - width)
            if not gate.may_match(t, lo, hi):
                assert pattern.search(t, lo, hi) is None, (t[lo:hi], pattern.pattern)


# --- cues._next_word: one space and an ASCII word read without the regex ---

_NEXT_PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "-",
    "'",
    "’",
    ".",
    ",",
    "x",
    "the",
    "Reporters",
    "to",
    "_1",
    "é",
    "ſ",
    "\u0301",
    "op-ed",
]


@given(_text(_NEXT_PIECES))
@settings(max_examples=500)
def test_next_word_is_the_regex_word(t: str) -> None:
    for b in range(len(t)):
        nw = cues._NEXT_WORD_RE.match(t, b, b + cues._WINDOW)
        assert ("" if nw is None else nw[1].casefold()) == cues._next_word(t, b)


@pytest.mark.parametrize(
    ("t", "word"),
    [(" the press", "the"), (" op-ed", "op-ed"), (" Résumé", "résumé"), ("  To them", "to"), (' "to"', "")],
)
def test_next_word_examples(t: str, word: str) -> None:
    assert word == cues._next_word(t, 0)


# --- cues: guard plain-text reads the words of _WORD_RE with re ---


def _never(text: str, a: int = 0, b: int | None = None) -> bool:
    return False


def test_news_punctuation_holds_no_word_character() -> None:
    """The characters the ASCII scan passes over are no _WORD_RE word
    characters, and "’" alone among them joins two parts of a word."""
    for ch in plain_text.NEWS_PUNCTUATION:
        assert cues._WORD_CHAR_RE.match(ch) is None
        assert (cues._WORD_RE.fullmatch(f"a{ch}b") is not None) == (ch == "’")


_SCAN_PIECES = [
    " ",
    "\n",
    "\u00a0",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "-",
    "—",
    "…",
    ".",
    "_",
    "7",
    "said",
    "Saidi",
    "told",
    "in",
    "a",
    "statement",
    "é",
    "\u0301",
    "ſ",
    "Ω",
]


@given(_text(_SCAN_PIECES), st.integers(0, 20), st.integers(0, 140))
@settings(max_examples=500)
def test_ascii_word_scan_reads_the_regex_words(t: str, start: int, end: int) -> None:
    """Where the guard lets re read the words, they are _WORD_RE's, and the cues are those of a _WORD_RE scan."""
    if plain_text.is_plain(t):
        assert [m.span() for m in cues._WORD_RE.finditer(t)] == [m.span() for m in cues._ASCII_WORD_RE.finditer(t)]
    saved = cues.is_plain
    try:
        cues.is_plain = _never  # (every stretch to _WORD_RE)
        expected = cues.find_cues(t, start, end)
    finally:
        cues.is_plain = saved
    assert expected == cues.find_cues(t, start, end)


@pytest.mark.parametrize(
    ("t", "found"),
    [
        ("Ana’s aide said “no” — and told reporters…", ["say", "tell"]),
        ("Résumé said so, said-so and Saidi", ["say"]),
    ],
)
def test_find_cues_across_news_punctuation(t: str, found: list[str]) -> None:
    assert found == [c.lemma for c in cues.find_cues(t)]


# --- namefinder: guard plain-text reads names with _NAME_SEQ_RE's ASCII twin ---

_NAME_PIECES = [
    " ",
    "\u00a0",
    "\n",
    ".",
    ",",
    "-",
    "--",
    "'",
    "’",
    "“",
    "—",
    "7",
    "Mr",
    "J",
    "Ana",
    "Lavrov",
    "von",
    "der",
    "de",
    "la",
    "los",
    "O'Brien",
    "mc",
    "e",
    "US",
    "x",
    "said",
]


@given(_text(_NAME_PIECES), st.integers(0, 8))
@settings(max_examples=500)
def test_name_twin_reads_the_names_of_the_regex(t: str, start: int) -> None:
    assert plain_text.is_plain(t)
    start = min(start, len(t))
    old = [(m.span(), m[0]) for m in namefinder._NAME_SEQ_RE.finditer(t, start, len(t))]
    assert old == [(m.span(), m[0]) for m in namefinder._NAME_SEQ_ASCII_RE.finditer(t, start, len(t))]


@pytest.mark.parametrize(
    ("t", "names"),
    [
        (
            "Sergey V. Lavrov met Ursula von der Leyen in Moscow.",
            ["Sergey V. Lavrov", "Ursula von der Leyen", "Moscow"],
        ),
        ("Anna said. Zoë Ortiz of Łódź spoke.", ["Anna", "Zoë Ortiz", "Łódź"]),
    ],
)
def test_find_name_mentions_plain_and_not(t: str, names: list[str]) -> None:
    assert names == [t[m.start : m.end] for m in namefinder.find_name_mentions(t)]


# --- gather: guard plain-text reads pronouns with _PRONOUN_RE's ASCII twin ---

_PRONOUN_PIECES = [
    " ",
    "\n",
    "'",
    "’",
    "-",
    "“",
    "—",
    "7",
    "_",
    "he",
    "He",
    "she",
    "They",
    "we",
    "I",
    "The",
    "x",
    "ſ",
    "é",
]


@given(_text(_PRONOUN_PIECES), st.integers(0, 8), st.integers(0, 120))
@settings(max_examples=500)
def test_pronoun_twin_reads_the_pronouns_of_the_regex(t: str, pos: int, hi: int) -> None:
    if plain_text.is_plain(t):
        old = [m.span() for m in mentions._PRONOUN_RE.finditer(t, pos, hi)]
        assert old == [m.span() for m in mentions._PRONOUN_ASCII_RE.finditer(t, pos, hi)]


# --- index: guard plain-text reads tokens with TOKEN_RE's ASCII twin ---

_TOKEN_PIECES = [
    " ",
    "\t",
    "\n",
    "\x0b",
    "\x1c",
    "\u00a0",
    ".",
    ",",
    "-",
    "'",
    "’",
    "“",
    "—",
    "…",
    "_",
    "7",
    "U.S.",
    "A.",
    "x",
    "Mr",
    "said",
]


def test_token_twin_on_every_plain_character() -> None:
    """Each ASCII character and news punctuation mark is a token alone, or none, as TOKEN_RE reads it."""
    for ch in [chr(c) for c in range(128)] + list(plain_text.NEWS_PUNCTUATION):
        assert (text.TOKEN_RE.fullmatch(ch) is None) == (index._ASCII_TOKEN_RE.fullmatch(ch) is None), repr(ch)


@given(_text(_TOKEN_PIECES), st.integers(0, 10), st.integers(0, 120))
@settings(max_examples=500)
def test_token_twin_reads_the_tokens_of_the_regex(t: str, a: int, b: int) -> None:
    assert plain_text.is_plain(t)
    old = [m.span() for m in text.TOKEN_RE.finditer(t, a, b)]
    assert old == [m.span() for m in index._ASCII_TOKEN_RE.finditer(t, a, b)]
    idx = index.DocIndex(Annotation(text=t, paragraphs=[(0, len(t))], sentences=[]), [])
    assert old == idx.tokens(a, b)


def test_tokens_of_a_text_that_is_not_plain() -> None:
    t = "Zoë’s U.S. aide—said “no”."
    idx = index.DocIndex(Annotation(text=t, paragraphs=[(0, len(t))], sentences=[]), [])
    assert ["Zoë’s", "U.S.", "aide", "—", "said", "“", "no", "”", "."] == [t[x:y] for x, y in idx.tokens(0, len(t))]


@given(_text(_TOKEN_PIECES), st.integers(0, 10), st.integers(0, 120), st.integers(0, 5))
@settings(max_examples=300)
def test_word_twin_reads_the_words_of_the_regex(t: str, a: int, b: int, n: int) -> None:
    idx = index.DocIndex(Annotation(text=t, paragraphs=[(0, len(t))], sentences=[]), [])
    assert text.WORD_RE.findall(t, a, b) == idx.words(a, b)
    assert text.WORD_RE.findall(t, a, b)[:n] == idx.first_words(a, b, n)


@given(_text([*_TOKEN_PIECES, "é", "Ω", "\u0301", "“”"]))
@settings(max_examples=300)
def test_is_plain_text_is_is_plain(t: str) -> None:
    assert plain_text.is_plain(t) == plain_text.is_plain_text(t)


def test_is_plain_text_reads_every_block() -> None:
    """A character that is not plain past the first block is found."""
    t = "“a” — " * 20000
    assert plain_text.is_plain_text(t)
    assert not plain_text.is_plain_text(t + "é")


@pytest.mark.parametrize("plain", [True, None])
def test_cues_and_names_with_a_known_answer(plain: bool | None) -> None:
    t = "Ana Ruiz said “no” — Mr. Lavrov told reporters…"
    assert [(c.start, c.end) for c in cues.find_cues(t)] == [
        (c.start, c.end) for c in cues.find_cues(t, plain=bool(plain))
    ]
    assert namefinder.find_name_mentions(t) == namefinder.find_name_mentions(t, plain=plain)


@given(_text([*_TOKEN_PIECES, "é"]), st.integers(0, 10), st.integers(0, 120))
@settings(max_examples=300)
def test_token_matches_are_the_regex_matches(t: str, a: int, b: int) -> None:
    idx = index.DocIndex(Annotation(text=t, paragraphs=[(0, len(t))], sentences=[]), [])
    expected = [(m.span(), m.group()) for m in text.TOKEN_RE.finditer(t, a, b)]
    assert expected == [(m.span(), m.group()) for m in idx.token_matches(a, b)]
