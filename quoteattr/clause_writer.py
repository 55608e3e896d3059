"""The writer's words after a reported clause (rules ``cut-poll-comparison``
and ``cut-dash-clause``).

A reported clause runs to the end of its sentence; these cuts end it
before a stretch that the writer adds: a poll's comparison ("..., compared
with 41 percent who ...") or a new main clause after a spaced dash and
"and" ("... - and the Senate is holding talks"). Each was counted on
polnear-train (issue 16): only predictions the cut changes count, and the
gold content stopped at the cut more often than it went on.
"""

from __future__ import annotations

import regex

from .clause_ends import DASHES
from .index import DocIndex
from .lexicons import load_set
from .registry import Rule, Stage, declare

__all__ = ["cut_writer_tail"]

declare(
    Rule.CUT_POLL_COMPARISON,
    Stage.CLAUSE,
    example="Most voters said ⟦the ferry should run at night⟧, compared with 30 percent last year.",
    summary="a clause ends before ', compared with/to' and a number: the writer sets one poll figure beside another",
)
declare(
    Rule.CUT_DASH_CLAUSE,
    Stage.CLAUSE,
    example="Osei said ⟦the tide was turning⟧ - and the council is still debating the toll.",
    summary="a clause ends before a spaced dash and 'and' that open a new main clause of the writer's",
)

# Rule ``cut-poll-comparison``: ", compared with" or ", compared to" and a
# number, in figures or words ("said they back the plan, compared with 41
# percent in May", "..., compared with four in 10 who ..."): the writer
# sets the poll's figure beside another. On polnear-train the gold content
# ended before the comma in 5 of 5 reported clauses the cut changes (4 more
# predictions match, 5 more match exactly); "..., compared with Sanders" (a
# name, no number) is kept: the gold content ran on past it.
_POLL_COMPARISON_RE = regex.compile(
    r""",\s+compared\s+(?:with|to)\s+
    (?:\d|(?:about|roughly|nearly|almost|just|only|one|two|three|four|five|six|seven|eight|nine|ten|half)\b)""",
    regex.X,
)

#: Words after "- and" that go on with the reported clause: a second
#: predicate ("- and could be costly"), a second complement ("- and that
#: ...", "- and to ..."), an adverb or a preposition (rule ``cut-dash-clause``).
_DASH_AND_GOES_ON = load_set("dash_and_continuations.txt")
#: How far after "and" the next word is read.
_WORD_WINDOW = 24


def _next_word(text: str, pos: int, limit: int) -> str:
    """The lower-case letters of the word at *pos* (``""`` if none)."""
    e = pos
    end = min(limit, pos + _WORD_WINDOW)
    while e < end and text[e].isalpha():
        e += 1
    return text[pos:e].lower()


def _spaced_dash(text: str, lo: int, hi: int) -> bool:
    """Guard ``dash-pair`` (of rule ``cut-dash-clause``): a dash with
    whitespace before and after it in ``text[lo:hi]``."""
    for dash in DASHES:
        i = text.find(dash, lo, hi)
        while i != -1:
            e = i + 1
            while e < hi and text[e] in DASHES:
                e += 1
            if i > lo and text[i - 1].isspace() and e < hi and text[e].isspace():
                return True
            i = text.find(dash, e, hi)
    return False


def _dash_and(doc: DocIndex, a: int, b: int) -> int:
    """Rule ``cut-dash-clause``: the offset of the space before the first
    spaced dash (one or two dashes) followed by "and" and a word that does
    not go on with the clause (see :data:`_DASH_AND_GOES_ON`) outside
    quotes: "said the tide was turning - and the council is still
    debating" ends before " - and"; "said the plan would fail -- and could
    be costly" is kept whole. On polnear-train the gold content ended there
    in 7 reported clauses the cut changes and ran on in 5 (5 more
    predictions match, 2 fewer), or *b*."""
    text = doc.text
    i = text.find(" and ", a, b)
    while i != -1:
        d = i
        while d > a and text[d - 1] in DASHES and i - d < 2:
            d -= 1
        if d < i and d > a + 3 and text[d - 1].isspace():
            word = _next_word(text, i + 5, b)
            # guard dash-pair: a dash before it or after it in the clause
            # makes "- and ..." one of a pair of dashes around an aside
            # ("the rift -- mainly in the suburbs -- and the police", "
            # limited the debates - and hidden them on weekends - to ...")
            if (
                word
                and word not in _DASH_AND_GOES_ON
                and not _spaced_dash(text, a, d - 1)
                and not _spaced_dash(text, i + 5, b)
                and doc.region_at(d) is None
            ):
                return d - 1
        i = text.find(" and ", i + 4, b)
    return b


def cut_writer_tail(doc: DocIndex, a: int, b: int) -> int:
    """Rules ``cut-poll-comparison`` and ``cut-dash-clause``: the end of the
    reported clause ``[a, b)`` before the writer's comparison or new main
    clause (see above), or *b*."""
    text = doc.text
    c = text.find(", compared ", a, b)
    if c > a and _POLL_COMPARISON_RE.match(text, c, b) is not None and doc.region_at(c) is None:
        b = c
    return _dash_and(doc, a, b)
