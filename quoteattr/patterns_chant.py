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

Rule ``read-cue``, a filter: "read" (a reporting verb for the words of a
sign, a letter or a headline: '"We will not pay," the letter read.',
read at stage ``region``) proposes nothing from stage ``cue``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .finder import Finder, speaker_bonus
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .finder import CueItem
    from .marks import QuoteRegion

__all__ = ["chant_quote", "read_cue"]

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
    cue = item.cue
    if cue.lemma != "chant" or cue.type != "verb":
        return False
    m = _LEAD_RE.match(f.text, cue.end, item.sb)
    first = None if m is None else _region_at(f, m.end())
    if first is not None:  # (else guard chant-unquoted)
        _report_quotes(f, item, first, Rule.CHANT_QUOTE, _subject(f, item, cue.start))
    return True


@register(
    Rule.READ_CUE,
    Stage.CUE,
    example="The mayor read the report: no quote; '\"We will not pay,\" the letter read.': stage region",
)
def read_cue(f: Finder, item: CueItem) -> bool:
    """A form of "read" proposes nothing at stage cue ("read the report",
    "read that ..."): the words of a sign, a letter or a headline are a
    quote next to it, read at stage region ('"We will not pay," the letter
    read.'). A quote after it stays a bare quote: reporting it with the
    cue matched 9 of 12 on polnear-train (a shirt's slogan is not
    attributed)."""
    return item.cue.lemma == "read" and item.cue.type == "verb"


#: rule put-it: what follows "put it" when it reports: a comma or a colon
_PUT_IT_AFTER_RE = regex.compile(r"[ \t]*[,:]")


@register(
    Rule.PUT_IT,
    Stage.CUE,
    example="As the harbour master put it, ⟦the pier is older than the town⟧. (not: put it on the table)",
)
def put_it(f: Finder, item: CueItem) -> bool:
    """ "put it", "puts it" ("as Osei put it, ...", "Kim put it this way:")
    report only what follows a comma or a colon; elsewhere ("put it on
    the table", "as she put it in her memoir") they propose nothing at stage
    cue (a quote next to them is still read at stage region)."""
    cue = item.cue
    if cue.lemma not in ("put it", "puts it"):
        return False
    return _PUT_IT_AFTER_RE.match(f.text, cue.end, item.sb) is None


def _subject(f: Finder, item: CueItem, pos: int) -> tuple[int, int] | None:
    """The subject before *pos* (the cue, or the relative pronoun before
    it); guard ``chant-subject``: not a noun phrase after a preposition;
    for a gerund after a comma or "and", the sentence's subject."""
    cue, text = item.cue, f.text
    sp = f.subject_before(pos)
    if sp is not None and _PREPOSITION_BEFORE_RE.search(text, max(item.sa, sp[0] - 12), sp[0]):
        # "Protesters marching through the streets chanted": the noun
        # phrase after a preposition is no subject
        sp = f.sentence_subject(item.sa, sp[0])
    if (
        sp is None
        and cue.form_kind == "gerund"
        and _GERUND_LINK_RE.search(text, max(item.sa, cue.start - 20), cue.start)
    ):
        sp = f.sentence_subject(item.sa, cue.start)
    return sp


def _report_quotes(f: Finder, item: CueItem, first: QuoteRegion, rule: Rule, sp: tuple[int, int] | None) -> None:
    """The quote *first* and the quotes joined to it by "and" (one mixed
    stretch), as a candidate of *rule*."""
    text = f.text
    last = first
    f.use_region(first)
    while True:
        j = _JOIN_RE.match(text, last.outer[1], item.sb)
        nxt = None if j is None else _region_at(f, j.end())
        if nxt is None:
            break
        f.use_region(nxt)
        last = nxt
    parts = f.region_parts(first) if last is first else f.clauses.content_parts(first.outer[0], last.outer[1])
    f.add(parts, rule, confidence(rule) + speaker_bonus(text, sp), item.cue, sp)
