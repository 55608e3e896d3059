"""Rule ``noun-gerund`` (stage ``cue``): a gerund cue right after a document
noun reports its clause: "Osei released a statement confirming ⟦the depot
would close⟧" (issue 16).

Called by rule ``saying-clause`` of :mod:`quoteattr.patterns_cues` for a
gerund with no comma or conjunction before it; the order of the cue patterns
is :data:`quoteattr.registry.ORDER`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clause_ends import cut_gerund_attribution
from .clause_starts import skip_to_late_that
from .clauses import OBJECT_CUES, THAT_RE, clause_ok, looks_like_clause, skip_adjuncts, skip_object, skip_ws
from .chunker import np_left
from .cues import CueMatch
from .finder import Finder, speaker_bonus
from .npwords import SOURCE_NOUNS
from .registry import Rule, Stage, confidence, declare

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["gerund_clause", "noun_gerund"]

Pair = tuple[int, int]

declare(
    Rule.NOUN_GERUND,
    Stage.CUE,
    confidence=0.7,
    example="Osei released a statement confirming ⟦the depot would close⟧.",
    summary="a gerund cue right after a document noun (statement, memo, report, ad, ...) reports "
    "its clause, not an object; the sentence's subject speaks",
)

_WORD_BEFORE_RE = regex.compile(r"(?r)(\w+)[ \t]+$")


def noun_gerund(f: Finder, item: CueItem) -> bool:
    """Rule ``noun-gerund``: the word before the gerund cue is a document noun
    of ``source_nouns.txt`` ("a statement confirming", "a memo explaining
    why", "a press release saying"). Only a clause is reported (a that-clause,
    a quote, or words that read as a clause): "ads praising the senator" and
    "a statement calling the test a violation" are left out (on polnear-train
    and polnear-dev the objects and descriptions matched 3 of 9). True when
    the cue is handled."""
    cue, text, sa, sb = item.cue, f.text, item.sa, item.sb
    m = _WORD_BEFORE_RE.search(text, max(sa, cue.start - 40), cue.start)
    if m is None or m.group(1).lower() not in SOURCE_NOUNS:
        return False
    pos, cl = gerund_clause(f, cue, sb)
    if cl is None or not clause_ok(f.doc, *cl):
        return True
    has_that = THAT_RE.match(text, skip_ws(text, pos, sb), min(sb, pos + 8)) is not None
    # ("saying" reports a clause whatever its verb, as in rule saying-clause)
    if not (has_that or f.doc.in_quote(cl[0]) or cue.lemma == "say" or looks_like_clause(f.doc, *cl)):
        return True
    cl = cl[0], cut_gerund_attribution(f.doc, *cl)
    sp = _issuer(f, sa, cue.start)
    conf = confidence(Rule.NOUN_GERUND) + speaker_bonus(text, sp)
    f.add(f.clauses.content_parts(*cl), Rule.NOUN_GERUND, conf, cue, sp)
    return True


def _issuer(f: Finder, sa: int, pos: int) -> Pair | None:
    """Who issued the document: the subject before the verb that takes the
    document's noun phrase ("⟦The harbour board⟧ released a statement
    confirming"), or the noun phrase itself when it opens the sentence ("⟦A
    memo⟧ explaining why ...")."""
    doc = np_left(f.doc, sa, pos)
    if doc is None:
        return None
    before = f.doc.tokens(max(sa, doc[0] - 40), doc[0])
    if not before:
        return doc
    verb = before[-1][0]
    return f.subject_before(verb) or f.sentence_subject(sa, verb)


def gerund_clause(f: Finder, cue: CueMatch, sb: int) -> tuple[int, tuple[int, int] | None]:
    """Where a gerund cue's content may start, and the clause there (or
    ``None``): after the adjuncts, the addressee of an object cue, and a
    late "that" (rule ``late-that``, as for a finite cue: ', saying at a
    church in Leith that ...'). Rules ``saying-clause`` and ``noun-gerund``."""
    text = f.text
    pos = skip_adjuncts(text, cue.end, sb)
    addressee = cue.lemma in OBJECT_CUES and cue.type == "verb"
    if addressee:
        pos = skip_object(f.doc, skip_ws(text, pos, sb), sb, cue.lemma)
    pos = skip_to_late_that(f.doc, skip_ws(text, pos, sb), sb, addressee)
    return pos, f.clauses.clause(pos, sb)
