"""Where a reported clause ends, beyond the cuts of :mod:`quoteattr.clauses`
(rules ``cut-closing-paren`` and ``cut-summary-appositive``).

These cuts were chosen by counting, on polnear-train, how often the gold
content ends at a candidate offset and how often it runs past it: only cuts
that the annotation agrees with by a wide margin are kept (issue 16).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .clause_writer import DASHES, cut_but_clause
from .index import DocIndex
from .model import CueClass
from .registry import Rule, Stage, declare

__all__ = [
    "DASHES",
    "TRAILING",
    "cut_closing_paren",
    "cut_gerund_attribution",
    "cut_object_predicate",
    "cut_summary_appositive",
    "cut_which_attribution",
    "drop_dangling_dash",
]

#: Sentence punctuation trimmed from the end of indirect content.
TRAILING = " \t\r\n\u00a0,;:"

declare(
    Rule.CUT_CLOSING_PAREN,
    Stage.CLAUSE,
    example="(Osei said ⟦the ferry would run⟧.) The port ...",
    summary="a clause inside a parenthesis that opened before it ends at its closing ')'",
)
declare(
    Rule.CUT_SUMMARY_APPOSITIVE,
    Stage.CLAUSE,
    example="Osei said ⟦the toll would double⟧, a move that angered drivers.",
    summary="a clause ends before a last ', a/an/the … that/which/who …' in which the writer sums it up",
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


# Rule ``cut-summary-appositive``: the writer's noun phrase with a relative
# clause that sums up or describes what was said, after the last comma of the
# clause: "said the toll would double, a move that angered drivers", "...
# as Sen. Ruiz, a former judge who was born in Quito". At most three words
# between the article and "that/which/who", none a preposition, conjunction
# or quantifier ("..., the closure of loopholes that ..." is a list item; "...,
# a few of whom ..." is no summary). On polnear-train the gold content ended
# there in 12 of 15 matched predictions that the cut changed.
_SUMMARY_APPOSITIVE_RE = regex.compile(
    r"""
    ,\s+(?:a|an|the)\s+
    (?:(?!(?:of|for|and|or|to|in|on|with|by|few|many|some|all)\s)[\w-]+\s+){0,3}?
    (?:that|which|who|whom)\s[^,;]*$
    """,
    regex.X | regex.I,
)


def cut_summary_appositive(doc: DocIndex, a: int, b: int) -> int:
    """Rule ``cut-summary-appositive``: the end of the clause ``[a, b)``
    before a last ", a move that ..." (see :data:`_SUMMARY_APPOSITIVE_RE`)
    outside quotes, or *b*."""
    text = doc.text
    c = text.rfind(",", a, b)
    if c <= a + 3 or text.find(";", c, b) != -1:
        return b
    m = _SUMMARY_APPOSITIVE_RE.match(text, c, b)
    if m is None or doc.region_at(c) is not None:
        return b
    return c


def drop_dangling_dash(text: str, a: int, b: int) -> int:
    """Rule ``dash-elaboration``, at the end: a spaced dash left at the end
    of the clause ``[a, b)`` (its elaboration or the next attribution cut
    off: "said he was referring only to the FBI - but she also insisted")
    is dropped, with the space and clause punctuation before it; a hyphen
    that ends a word ("pre- and post-war") is kept."""
    e = b
    while e > a and text[e - 1] in DASHES:
        e -= 1
    if e in (a, b) or not text[e - 1].isspace():
        return b
    while e > a and text[e - 1] in TRAILING:
        e -= 1
    return e


# Rule ``cut-next-attribution``, nested: ", which he called ..." opens an
# attribution of its own (PolNeAR annotates the description as a quote of
# its own): "said the plan would cut the fares, which he called 'long
# overdue'" ends before the comma. The subject is a pronoun or up to three
# words that begin with a letter, then an adverb may come before the cue.
# (Written as capitalised words, \p{Lu} matched any cased letter under
# regex.I; capitalised names only gave train FP -2 with exact matches
# unchanged. Trying the shorter subjects when the greedy one takes the cue,
# ", which the union called ...", gave train TP -1 and exact -2: neither is done.)
_WORD = r"[\p{Lu}\p{Ll}\p{Lt}][\w.’'-]*"
_WHICH_SUBJECT_RE = regex.compile(
    rf",\s+which\s+(?:he|she|they|we|i|{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?:\w+ly\s+)?",
    regex.I,
)
_FINITE_FORMS = frozenset(["past", "3sg"])


def cut_which_attribution(doc: DocIndex, a: int, b: int, complete: Callable[[int, int], bool]) -> int:
    """Rule ``cut-next-attribution``: the end of the clause ``[a, b)`` before
    ", which he called ..." (see :data:`_WHICH_SUBJECT_RE`) whose verb is a
    finite speech cue outside quotes, when the words before it are a
    *complete* clause or the relative clause runs to the end ("said the
    plan, which he said was costly, would pass" keeps it), or *b*."""
    text = doc.text
    if text.find("which", a, b) == -1:
        return b
    for m in _WHICH_SUBJECT_RE.finditer(text, a, b, concurrent=False):
        if m.start() <= a or doc.region_at(m.start()) is not None:
            continue
        cue = any(c.form_kind in _FINITE_FORMS for c in doc.cues_between(m.end(), m.end() + 1))
        if cue and (complete(a, m.start()) or _runs_to_end(doc, m.end(), b)):
            return m.start()
    return b


def _runs_to_end(doc: DocIndex, pos: int, b: int) -> bool:
    """No comma outside quotes in ``[pos, b)`` but clause punctuation at its
    end: a relative clause that closes the clause."""
    text = doc.text
    i = text.find(",", pos, b)
    while i != -1:
        if doc.region_at(i) is None and text[i + 1 : b].strip(TRAILING + "."):
            return False
        i = text.find(",", i + 1, b)
    return True


# Rule ``cut-coordinated-predicate``, for an object (rule subject-cue-object):
# "criticized the toll and signaled support for a ferry", "blamed the delay
# on the weather but later apologised": the object ends before "and/but" + a
# past or finite verb, a second predicate of the speaker. Not when a relative
# pronoun comes first ("praised the man who was born and raised here"): the
# verbs are then the relative clause's.
_OBJECT_PREDICATE_RE = regex.compile(
    r"""
    \s+(?:and|but)\s+
    (?:(?:later|then|also|quickly|even|never|not|repeatedly|again)\s+)*
    (?:\p{Ll}+ed|has|had|was|were|is|went|took|made|gave|showed|handed|held|ran|said|told|did|would|will|could
      |sought|brought|met|spoke|wrote|became|left|called)\b
    """,
    regex.X,
)
_RELATIVE_RE = regex.compile(r"\b(?:who|whom|whose|which|that)\b", regex.I)


def cut_object_predicate(doc: DocIndex, a: int, b: int) -> int:
    """Rule ``cut-coordinated-predicate``: the end of the object ``[a, b)``
    before "and/but" + a verb (see :data:`_OBJECT_PREDICATE_RE`) outside
    quotes, or *b*; and rule ``cut-but-clause`` (:mod:`quoteattr.clause_writer`)
    before ", but"."""
    text = doc.text
    b = cut_but_clause(doc, a, b, capitalised=False)
    for m in _OBJECT_PREDICATE_RE.finditer(text, a, b, concurrent=False):
        s = m.start()
        if s <= a + 3 or doc.region_at(s) is not None:
            continue
        if _RELATIVE_RE.search(text, a, s) is not None:
            return b
        return s
    return b


# Rule ``cut-next-attribution``, for a gerund cue's clause (rules
# saying-clause, saying-object): "..., saying the ferry was late and warning
# that fares would rise" ends before "and warning": a second gerund speech
# cue after "and/but" (or a dash and "and") reports a clause of its own. A
# gerund that is no speech cue stays ("... and offering fewer classes").
_GERUND_JOIN_RE = regex.compile(
    r"(?<=\S)\s+(?:[-—–]{1,2}\s+)?(?:and|but)\s+(?:(?:then|also|pointedly|later|even|again|repeatedly)\s+)?"
)


def cut_gerund_attribution(doc: DocIndex, a: int, b: int) -> int:
    """Rule ``cut-next-attribution``: the end of a gerund cue's clause
    ``[a, b)`` before "and/but" + a gerund speech cue outside quotes, or *b*."""
    text = doc.text
    for m in _GERUND_JOIN_RE.finditer(text, a, b, concurrent=False):
        if m.start() <= a + 3 or doc.region_at(m.start()) is not None:
            continue
        if any(
            c.form_kind == "gerund" and c.cue_class is CueClass.SPEECH for c in doc.cues_between(m.end(), m.end() + 1)
        ):
            return m.start()
    return b
