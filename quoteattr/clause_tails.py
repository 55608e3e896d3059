"""The writer's words at the end of a reported noun phrase (rule
``cut-object-day``).

A cue's object that is a noun phrase ("announced his support for the
governor on Thursday") ends before the day the writer dates the speech
act with; a reported clause keeps it ("said the vote would be held on
Thursday"). Counted on polnear-train (issue 16).
"""

from __future__ import annotations

from .index import DocIndex
from .registry import Rule, Stage, declare

__all__ = ["cut_object_day"]

declare(
    Rule.CUT_OBJECT_DAY,
    Stage.CLAUSE,
    example="Osei announced ⟦his support for the ferry plan⟧ on Thursday night.",
    summary="a noun-phrase object ends before a last weekday phrase ('on Monday', 'late Tuesday night')",
)

# Rule ``cut-object-day``: the weekday, with "on", "earlier", "late", "last"
# or "this" before it and maybe a part of the day after it, that ends a
# cue's object with no verb, pronoun subject, relative word or "to" in it:
# "withdrew her backing on Monday", "announced his endorsement of Sen. Cruz
# on Sunday", "praised the decision earlier Sunday". ("Super Tuesday" is a
# name.) On polnear-train the gold content ended before the day in 6 of
# the 8 matched predictions the cut changes. Left alone: the words of a
# clause (the gold content ended after the day 17 times in 27), a bare day
# ("the deal with lawmakers Monday": cut 2 times in 2 on polnear-train,
# kept once in 1 on polnear-dev), a time phrase with a month or a year (no
# gain).
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_DAY_PARTS = frozenset(["morning", "afternoon", "evening", "night"])
_DAY_OPENERS = frozenset(["on", "earlier", "late", "last", "this"])
#: Words of a clause or an infinitive: with one of them the object is no noun phrase.
_NOT_IN_OBJECT = frozenset(
    ["he", "she", "they", "it", "i", "we", "you", "that", "who", "which", "whom", "whose", "to", "there"]
)
#: The most words of an object the cut reads.
MAX_OBJECT_WORDS = 12


def cut_object_day(doc: DocIndex, a: int, b: int, finite: frozenset[str]) -> int:
    """Rule ``cut-object-day``: the end of the object ``[a, b)`` before its
    last weekday phrase (see above), or *b*. *finite* are the finite verbs
    and auxiliaries of :data:`quoteattr.clauses.FINITE`."""
    text = doc.text
    # (cheap first: the last word is a day or a part of one)
    e = b
    while e > a and not text[e - 1].isalpha():
        e -= 1
    s = e
    while s > a and text[s - 1].isalpha():
        s -= 1
    last = text[s:e].lower()
    if last not in _DAYS and last not in _DAY_PARTS:
        return b
    spans = [(x, y) for x, y in doc.tokens(a, e) if text[x].isalnum()]
    if not 2 <= len(spans) <= MAX_OBJECT_WORDS:
        return b
    low = [text[x:y].lower().replace("’", "'") for x, y in spans]
    n = len(low) - 1
    if low[n] in _DAY_PARTS:
        n -= 1
    if n < 1 or low[n] not in _DAYS or low[n - 1] == "super":
        return b
    if low[n - 1] not in _DAY_OPENERS:
        return b  # (a bare day: "his endorsements from 88 generals Tuesday" is kept as often as not)
    n -= 1
    head = low[:n]
    if not head or any(w in finite or w in _NOT_IN_OBJECT or w.endswith("n't") for w in head):
        return b
    if any(w.endswith("ed") and len(w) > 4 for w in head):
        return b
    cut = spans[n][0]
    if doc.region_at(cut) is not None:
        return b
    while cut > a and text[cut - 1].isspace():
        cut -= 1
    return cut if cut > a else b
