"""Issue 16 (throughput): patterns rewritten to cost less find exactly what
the patterns they replace found. Each test keeps the old pattern as the
reference and compares the two on generated text built from the pieces the
patterns look at (words, marks, spaces, case variants)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import clauses

pytestmark = pytest.mark.issue(16)


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


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
