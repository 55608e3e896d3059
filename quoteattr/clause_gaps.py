"""The relative pronoun of a reported clause whose subject is a gap (rule
``relative-gap``).

In "the plan, which Osei said was too costly, ..." the speaker's clause is
"which ... was too costly": the relative pronoun stands in for its missing
subject. PolNeAR annotates the pronoun as the first part of the content
("which" + "was too costly"); :func:`relative_gap` finds it so that the
content is given in the same two parts.
"""

from __future__ import annotations

import regex

from .chunker import np_left
from .index import DocIndex
from .registry import Rule, Stage, declare

__all__ = ["relative_gap"]

Pair = tuple[int, int]

declare(
    Rule.RELATIVE_GAP,
    Stage.CLAUSE,
    example="the toll, ⟦which⟧ Osei said ⟦was too high⟧, ...",
    summary="'which/what' + speaker + cue + a clause that opens with its verb: the pronoun is the content's first part",
)

# Rule ``relative-gap``: "which" or "what" right before the speaker noun
# phrase ("the fee, which the mayor said was unfair", "what she said is a
# growing need"). On polnear-train the gold content of such clauses began
# with the pronoun in 13 of 15 matched predictions (exact matches 7553 ->
# 7567). "that" and "who" are left out: the gold content began with "that"
# in 5 of 9 and with "who" in none of 4.
_RELATIVE_BEFORE_RE = regex.compile(r"(?r)(?<![\w'’-])(?:which|what)\s+$", regex.I)
# How far before the speaker the pronoun is looked for.
_LOOKBACK = 12


def _opens_with_verb(doc: DocIndex, a: int, finite: frozenset[str]) -> bool:
    """The clause at *a* opens with a finite verb ("was", "will", "runs",
    "helped"): its subject is missing."""
    ws = doc.words(a, a + 40)
    if not ws:
        return False
    w = ws[0].replace("’", "'")
    if w in finite or w.endswith("n't"):
        return True
    if not (w.isalpha() and w.islower() and len(w) > 3):
        return False
    return w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))


def relative_gap(doc: DocIndex, a: int, finite: frozenset[str]) -> Pair | None:
    """Rule ``relative-gap``: the span of the "which" / "what" whose clause
    begins at *a*, right after a finite cue verb and its subject ("the toll,
    which Osei said was too high": "which" for the clause "was too high"),
    or ``None``.

    The clause must open with a finite verb (one of *finite*, the
    auxiliaries of :data:`quoteattr.clauses.FINITE`, or a lower-case word
    in -ed or -s): in "which he said the city would pay for" the clause has
    a subject of its own, and PolNeAR's content usually starts after the cue.
    """
    text = doc.text
    cues = doc.cues_between(max(0, a - 40), a)
    if not cues:
        return None
    cue = cues[-1]
    if cue.end > a or text[cue.end : a].strip() or cue.type not in ("verb", "verb-object") or cue.form_kind == "gerund":
        return None
    if not _opens_with_verb(doc, a, finite):
        return None
    sent = doc.sentence(cue.start)
    sp = np_left(doc, sent[0], cue.start)
    if sp is None:
        return None
    m = _RELATIVE_BEFORE_RE.search(text, max(sent[0], sp[0] - _LOOKBACK), sp[0])
    if m is None or doc.region_at(m.start()) is not None:
        return None
    return m.start(), m.start() + len(m.group().rstrip())
