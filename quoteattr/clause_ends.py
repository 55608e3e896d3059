"""Where a reported clause ends, beyond the cuts of :mod:`quoteattr.clauses`
(rule ``cut-closing-paren``).

These cuts were chosen by counting, on polnear-train, how often the gold
content ends at a candidate offset and how often it runs past it: only cuts
that the annotation agrees with by a wide margin are kept (issue 16).
"""

from __future__ import annotations

from .index import DocIndex
from .registry import Rule, Stage, declare

__all__ = ["cut_closing_paren"]

declare(
    Rule.CUT_CLOSING_PAREN,
    Stage.CLAUSE,
    example="(Osei said ⟦the ferry would run⟧.) The port ...",
    summary="a clause inside a parenthesis that opened before it ends at its closing ')'",
)


def cut_closing_paren(doc: DocIndex, a: int, b: int) -> int:
    """Rule ``cut-closing-paren``: the end of the clause ``[a, b)`` at a
    ``)`` outside quotes whose ``(`` opened before *a*: in "(Osei, of course,
    said the timing was unrelated.)" the clause ends before ".)"; in "said
    the fee (about $5) would stay" the parenthesis is the clause's own.
    On polnear-train the gold content ended at such a ')' in every case where
    the rule engine's clause ran past one."""
    text = doc.text
    i = text.find(")", a, b)
    while i != -1:
        if text.find("(", a, i) != -1:
            return b  # the first ')' closes a parenthesis of the clause: keep it all
        if doc.region_at(i) is None:
            return i
        i = text.find(")", i + 1, b)
    return b
