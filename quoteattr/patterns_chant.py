"""Rule ``chant-quote`` (stage ``cue``, issue 16): a form of "chant" right
before a quote reports the quote, and a second quote joined by "and"
("The crowd chanted ⟦"Fix the pier!" and "Not one more toll!"⟧"), as
PolNeAR annotates crowds' chants: 'Some protesters chanted ⟦"Save our
mill!"⟧', '..., chanting ⟦"No toll, no vote."⟧'.

A chant without a quote right after it reports nothing (guard
``chant-unquoted``: "the crowd chanted his name", "as the crowd began to
chant,"): what a crowd chants is only reported in its words. A quote
before the cue ('"Save our mill!" the crowd chanted.') is read at stage
``region`` as for any cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .finder import Finder, speaker_bonus
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .finder import CueItem
    from .marks import QuoteRegion

__all__ = ["chant_quote"]

#: between the cue and the quote: "back", "again", "along", "at him", a comma
_LEAD_RE = regex.compile(
    r"(?i)(?:[ \t]+(?:back|again|along|loudly|repeatedly|at[ \t]+(?:him|her|them)))*[ \t]*,?[ \t]*"
)
#: between two chanted quotes: "and", "or", ", then"
_JOIN_RE = regex.compile(r"(?i)[ \t]*,?[ \t]*(?:and|or|then)[ \t]+")
#: a preposition before the noun phrase read as the subject
_PREPOSITION_BEFORE_RE = regex.compile(
    r"(?r)(?i)\b(?:through|in|on|at|from|of|across|into|near|around|along|outside)\s+$"
)
#: a gerund after a comma or "and" reads the sentence's subject ("Hundreds
#: marched on the square, chanting ...")
_GERUND_LINK_RE = regex.compile(r"(?r)(?i)(?:,|\b(?:and|while))\s+$")


def _region_at(f: Finder, pos: int) -> QuoteRegion | None:
    """The unused outermost region whose opening mark is at *pos*."""
    for r in f.doc.regions_starting_in(pos, pos + 1):
        if f.doc.region_index(r) not in f.used_regions:
            return r
    return None


@register(
    Rule.CHANT_QUOTE,
    Stage.CUE,
    confidence=0.8,
    example='The crowd chanted ⟦"Fix the pier!"⟧ as the mayor left.',
)
def chant_quote(f: Finder, item: CueItem) -> bool:
    """A form of "chant" before a quote (or two joined by "and"): the quote;
    the subject chants."""
    cue, text, sb = item.cue, f.text, item.sb
    if cue.lemma != "chant" or cue.type != "verb":
        return False
    m = _LEAD_RE.match(text, cue.end, sb)
    first = None if m is None else _region_at(f, m.end())
    if first is None:
        return True  # guard chant-unquoted
    sp = f.subject_before(cue.start)
    if sp is not None and _PREPOSITION_BEFORE_RE.search(text, max(item.sa, sp[0] - 12), sp[0]):
        # guard chant-subject: "Protesters marching through the streets
        # chanted": the noun phrase after a preposition is no subject
        sp = f.sentence_subject(item.sa, sp[0])
    if (
        sp is None
        and cue.form_kind == "gerund"
        and _GERUND_LINK_RE.search(text, max(item.sa, cue.start - 20), cue.start)
    ):
        sp = f.sentence_subject(item.sa, cue.start)
    last = first
    f.use_region(first)
    while True:
        j = _JOIN_RE.match(text, last.outer[1], sb)
        nxt = None if j is None else _region_at(f, j.end())
        if nxt is None:
            break
        f.use_region(nxt)
        last = nxt
    parts = f.region_parts(first) if last is first else f.clauses.content_parts(first.outer[0], last.outer[1])
    f.add(parts, Rule.CHANT_QUOTE, confidence(Rule.CHANT_QUOTE) + speaker_bonus(text, sp), cue, sp)
    return True
